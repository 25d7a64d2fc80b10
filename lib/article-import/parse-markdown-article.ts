// Markdown articles (exports from CMSs, notes apps, read-later tools) reduced to plain text.
// This is a deliberately small block parser: enough structure to find the title, the dek and
// the paragraph boundaries, then every inline syntax and any embedded HTML is stripped.

import { assembleArticle, deriveTitleFromText, isTooLongForTitle } from './assemble-article';
import { looksLikeStandfirst } from './classify-paragraphs';
import { assertTextLooksLikeText, ImportError } from './import-error';
import { normalizeParagraph } from './normalize-paragraph';
import { parseLooseDate } from './parse-loose-date';
import { type ClassifiedArticle } from './types';

type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'code' | 'break' | 'table-row';
type Block = { kind: BlockKind; level: number; lines: string[] };

// ---------------------------------------------------------------------------------------------
// HTML inside Markdown

// Elements whose content is never article text.
const DROPPED_ELEMENT_OPEN = /<(script|style|template|iframe|noscript|svg|math|object|select|textarea|button|form)\b[^<>]*>/gi;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// One \s before the attributes (not \s+) keeps the pattern linear on long runs of spaces.
const HTML_TAG = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', deg: '°', middot: '·', bull: '•',
  shy: '\u00ad', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', times: '×', frac12: '½',
};

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Removes script-like elements with their content. A scan with indexOf rather than one
 * regex with a lazy body, which would go quadratic on many unclosed tags; an unclosed one
 * swallows the rest of the input, as it does in a browser.
 */
function removeDroppedElements(text: string): string {
  const lower = text.toLowerCase();
  let result = '';
  let position = 0;
  DROPPED_ELEMENT_OPEN.lastIndex = 0;
  for (let match = DROPPED_ELEMENT_OPEN.exec(text); match; match = DROPPED_ELEMENT_OPEN.exec(text)) {
    result += `${text.slice(position, match.index)} `;
    const close = lower.indexOf(`</${match[1]!.toLowerCase()}`, DROPPED_ELEMENT_OPEN.lastIndex);
    if (close === -1) return result;
    const closeEnd = lower.indexOf('>', close);
    if (closeEnd === -1) return result;
    position = closeEnd + 1;
    DROPPED_ELEMENT_OPEN.lastIndex = position;
  }
  return result + text.slice(position);
}

/** Removes elements that never carry text, then every remaining tag (a `<br>` becomes a space). */
function stripHtml(text: string): string {
  return removeDroppedElements(text)
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(HTML_TAG, '');
}

// ---------------------------------------------------------------------------------------------
// Inline Markdown

// Backslash escapes are swapped for private-use placeholders so the escaped characters are
// not taken as syntax, then restored as the literal character.
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const PLACEHOLDER_BASE = 0xe000;
// Every span below is bounded and stops at the next bracket or delimiter, so hostile input
// ("[[[[…", "**a **a …") costs linear time instead of rescanning to the end from each start.
const LINK_DESTINATION = String.raw`\((?:[^()\s]|\([^()\s]{0,200}\)){0,2048}(?:\s+(?:"[^"\n]{0,300}"|'[^'\n]{0,300}'|\([^()]{0,300}\)))?\s{0,10}\)`;
const IMAGE_INLINE = new RegExp(String.raw`!\[[^[\]]{0,1000}\]` + LINK_DESTINATION, 'g');
const IMAGE_REFERENCE = /!\[[^[\]]{0,1000}\]\[[^[\]]{0,200}\]/g;
const LINK_INLINE = new RegExp(String.raw`\[([^[\]]{0,1000})\]` + LINK_DESTINATION, 'g');
const LINK_REFERENCE = /\[([^[\]]{1,1000})\]\[[^[\]]{0,200}\]/g;
const FOOTNOTE_REFERENCE = /\[\^[^[\]]{1,100}\]/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]{1,2048})>/gi;
const CODE_SPAN = /(`{1,16})((?:(?!\1)[\s\S]){0,2000}?)\1/g;
const STRONG = /(\*\*|__)(?=\S)((?:(?!\1)[\s\S]){0,2000}?\S)\1/g;
const STRIKETHROUGH = /~~(?=\S)((?:(?!~~)[\s\S]){0,2000}?\S)~~/g;
const EMPHASIS_STAR = /\*(?=\S)([^*]{0,2000}?\S)\*/g;
// Underscores inside words (snake_case) are not emphasis.
const EMPHASIS_UNDERSCORE = /(^|[^\p{L}\p{N}_])_(?=\S)([^_]{0,2000}?\S)_(?![\p{L}\p{N}_])/gu;

/** Strips inline Markdown and HTML to plain text. Exported for tests and for the UI preview. */
export function stripInlineMarkdown(source: string): string {
  const escaped: string[] = [];
  let text = source.replace(ESCAPABLE, (_, char: string) => {
    escaped.push(char);
    return String.fromCharCode(PLACEHOLDER_BASE + escaped.length - 1);
  });
  text = text
    .replace(HTML_COMMENT, '')
    // Images go first, or their alt text would survive as link text.
    .replace(IMAGE_INLINE, '')
    .replace(IMAGE_REFERENCE, '')
    .replace(LINK_INLINE, '$1')
    .replace(LINK_REFERENCE, '$1')
    .replace(FOOTNOTE_REFERENCE, '')
    .replace(AUTOLINK, '$1');
  text = stripHtml(text);
  text = text
    .replace(CODE_SPAN, '$2')
    .replace(STRONG, '$2')
    .replace(STRIKETHROUGH, '$1')
    .replace(EMPHASIS_STAR, '$1')
    .replace(EMPHASIS_UNDERSCORE, '$1$2');
  text = decodeHtmlEntities(text);
  text = text.replace(/[\ue000-\uf8ff]/g, (char) => escaped[char.charCodeAt(0) - PLACEHOLDER_BASE] ?? char);
  return normalizeParagraph(text);
}

// ---------------------------------------------------------------------------------------------
// Blocks

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING_OPEN = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?(.*)$/;
const REFERENCE_DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+/;
// Both are tested on trimmed lines: leading \s* next to \s* made them quadratic on long runs of spaces.
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?$/;
const TABLE_ROW = /^\|.*\|$/;

/** "## Heading ##" → "Heading", without a regex that backtracks over long runs of spaces. */
function readAtxHeading(line: string): { level: number; text: string } | null {
  const open = ATX_HEADING_OPEN.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t') text = text.slice(0, end).trim();
  return { level: open[1]!.length, text };
}

function parseBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1]!;
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trim().startsWith(marker); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', level: 0, lines: code });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    const open = current as Block | null;
    if (setext && open?.kind === 'paragraph') {
      open.kind = 'heading';
      open.level = setext[1]!.startsWith('=') ? 1 : 2;
      flush();
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      flush();
      blocks.push({ kind: 'break', level: 0, lines: [] });
      continue;
    }
    const heading = readAtxHeading(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading.level, lines: [heading.text] });
      continue;
    }
    const trimmed = line.trim();
    if (REFERENCE_DEFINITION.test(line) || TABLE_DELIMITER.test(trimmed)) continue;
    if (TABLE_ROW.test(trimmed)) {
      flush();
      const cells = line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).filter(Boolean);
      blocks.push({ kind: 'table-row', level: 0, lines: [cells.join(' | ')] });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      current = { kind: 'list-item', level: 0, lines: [item[1]!] };
      continue;
    }
    const quote = BLOCKQUOTE.exec(line);
    if (quote) {
      // Nested quotes (">>") and quoted list markers are flattened to their text.
      const content = quote[1]!.replace(/^(?:>[ \t]?)+/, '').replace(LIST_ITEM, '$1');
      if (open?.kind !== 'quote') {
        flush();
        current = { kind: 'quote', level: 0, lines: [] };
      }
      (current as Block | null)?.lines.push(content);
      continue;
    }
    if (open) open.lines.push(line.trim());
    else current = { kind: 'paragraph', level: 0, lines: [line.trim()] };
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Front matter

type FrontMatter = Partial<Record<'title' | 'dek' | 'author' | 'date' | 'publisher' | 'url' | 'language', string>>;

const FRONT_MATTER_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title', headline: 'title',
  description: 'dek', subtitle: 'dek', dek: 'dek', standfirst: 'dek', excerpt: 'dek', summary: 'dek',
  author: 'author', byline: 'author', authors: 'author',
  date: 'date', published: 'date', publishedat: 'date', published_at: 'date', pubdate: 'date',
  publisher: 'publisher', site: 'publisher', site_name: 'publisher', source: 'publisher',
  url: 'url', canonical: 'url', canonical_url: 'url', link: 'url',
  lang: 'language', language: 'language', locale: 'language',
};

/** YAML front matter, read as flat `key: value` pairs; nested YAML is ignored, not evaluated. */
function readFrontMatter(lines: string[]): { frontMatter: FrontMatter; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { frontMatter: {}, bodyStart: 0 };
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1 || end > 100) return { frontMatter: {}, bodyStart: 0 };
  const frontMatter: FrontMatter = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    const key = match && FRONT_MATTER_KEYS[match[1]!.toLowerCase()];
    if (!match || !key || frontMatter[key] !== undefined) continue;
    const value = match[2]!.trim().replace(/^\[(.*)\]$/, '$1').replace(/^(["'])(.*)\1$/, '$2').trim();
    if (value) frontMatter[key] = value;
  }
  return { frontMatter, bodyStart: end + 1 };
}

function readHttpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function blockText(block: Block): string {
  if (block.kind === 'break') return '—';
  if (block.kind === 'code') return normalizeParagraph(block.lines.join(' '));
  return stripInlineMarkdown(block.lines.join(' '));
}

/**
 * `# Title` (or the first line) → title; a standfirst-like block right after it → dek;
 * headings, list items, quotes and paragraphs → body paragraphs; images and HTML dropped.
 * Thematic breaks stay in the classification as separators so the related-stories zone after
 * a rule can be recognised.
 */
export function parseMarkdownArticle(markdown: string): ClassifiedArticle {
  assertTextLooksLikeText(markdown);
  // Comments and script-like elements can span blank lines, so they go before block parsing.
  const cleaned = removeDroppedElements(markdown.replace(HTML_COMMENT, ''));
  const allLines = cleaned.split(/\r\n|\r|\n|\u2028|\u2029/);
  const { frontMatter, bodyStart } = readFrontMatter(allLines);
  const blocks = parseBlocks(allLines.slice(bodyStart))
    .map((block) => ({ block, text: blockText(block) }))
    .filter(({ text }) => text !== '');
  if (blocks.length === 0 && !frontMatter.title) throw new ImportError('EMPTY');

  let title = frontMatter.title ? stripInlineMarkdown(frontMatter.title) : '';
  let rest = blocks;
  let titleIsDerived = false;
  if (!title) {
    const first = blocks[0];
    if (!first) throw new ImportError('NO_TEXT');
    if (first.block.kind === 'heading') {
      title = first.text;
      rest = blocks.slice(1);
    } else if (first.block.lines.length > 1 && first.block.kind === 'paragraph') {
      // "Title\nBody…" without a blank line: the first line is the title.
      const [firstLine, ...others] = first.block.lines;
      title = stripInlineMarkdown(firstLine ?? '');
      rest = [{ block: { ...first.block, lines: others }, text: stripInlineMarkdown(others.join(' ')) }, ...blocks.slice(1)];
    } else if (isTooLongForTitle(first.text)) {
      title = deriveTitleFromText(first.text);
      titleIsDerived = true;
    } else {
      title = first.text;
      rest = blocks.slice(1);
    }
  }

  let dek = frontMatter.dek ? stripInlineMarkdown(frontMatter.dek) : null;
  const candidate = rest[0];
  if (
    !dek &&
    !titleIsDerived &&
    candidate &&
    (candidate.block.kind === 'paragraph' || candidate.block.kind === 'heading') &&
    looksLikeStandfirst(candidate.text)
  ) {
    dek = candidate.text;
    rest = rest.slice(1);
  }

  return assembleArticle({
    title,
    dek,
    bodyLines: rest.map(({ text }) => text),
    author: frontMatter.author ? stripInlineMarkdown(frontMatter.author) : null,
    publisher: frontMatter.publisher ? stripInlineMarkdown(frontMatter.publisher) : null,
    publishedAt: parseLooseDate(frontMatter.date),
    url: readHttpUrl(frontMatter.url),
    language: frontMatter.language ? frontMatter.language.replace('_', '-') : null,
  });
}
