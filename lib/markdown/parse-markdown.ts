// A small Markdown parser for text users write (annotations, rulings, settings). It produces a
// tree of plain data that the renderers turn into React elements or plain text; nothing in it is
// ever HTML. The syntax is a CommonMark subset: paragraphs, hard line breaks, emphasis, code
// spans, fenced code, block quotes, lists, headings, thematic breaks, links and images.
// Raw HTML is not a construct here at all, so it stays literal text.
import { toSafeHref } from './is-safe-http-url';

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'code'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  /** `href` has passed `toSafeHref`; unsafe links never become link nodes. */
  | { type: 'link'; href: string; title?: string; children: InlineNode[] }
  | { type: 'break' };

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  /** Markdown `#`/`##` become level 3 and deeper headings level 4: user text sits under the page's own headings. */
  | { type: 'heading'; level: 3 | 4; children: InlineNode[] }
  | { type: 'code'; value: string }
  | { type: 'quote'; children: BlockNode[] }
  /** In a tight list (no blank lines) item paragraphs render without <p>. */
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: BlockNode[][] }
  | { type: 'rule' };

// Nesting limits keep hostile input ("> > > > …", "*****…a…*****") from exhausting the stack in
// the parser or in React; deeper structure is shown as literal text instead.
const MAX_BLOCK_DEPTH = 8;
const MAX_INLINE_DEPTH = 12;
// Longer than any real URL or title; the bounds keep failed link parses from rescanning a long text.
const MAX_DESTINATION_LENGTH = 8192;
const MAX_TITLE_LENGTH = 1024;

// ---------------------------------------------------------------------------------------------
// Blocks

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)(.*)$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}>/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function matchFenceOpen(line: string): { indent: number; marker: string } | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[2]!;
  // A backtick fence's info string may not contain backticks (that is an inline code span).
  if (marker[0] === '`' && match[3]!.includes('`')) return null;
  return { indent: match[1]!.length, marker };
}

type ListMarker = { indent: number; bullet: string; ordered: boolean; start: number; contentIndent: number; rest: string };

function matchListItem(line: string): ListMarker | null {
  const match = LIST_ITEM.exec(line);
  if (!match) return null;
  const indent = match[1]!.length;
  const marker = match[2]!;
  const spacing = match[3] ?? '';
  const rest = match[4] ?? '';
  const ordered = /\d/.test(marker);
  // Five or more spaces after the marker would be indented code in CommonMark; treat it as one.
  const gap = rest === '' || spacing.length > 4 ? 1 : spacing.length;
  return {
    indent,
    bullet: ordered ? marker.slice(-1) : marker,
    ordered,
    start: ordered ? Number.parseInt(marker, 10) : 1,
    contentIndent: indent + marker.length + gap,
    rest: spacing.length > 4 ? spacing.slice(1) + rest : rest,
  };
}

/** Whether `line` starts a block that ends the paragraph above it. */
function interruptsParagraph(line: string): boolean {
  if (matchFenceOpen(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line)) return true;
  const item = matchListItem(line);
  // As in CommonMark, "2019. was a year" inside a paragraph is text, and so is an empty item.
  return item !== null && item.rest.trim() !== '' && (!item.ordered || item.start === 1);
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function parseBlocks(lines: string[], depth: number): BlockNode[] {
  const blocks: BlockNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i += 1;
      continue;
    }

    const fence = matchFenceOpen(line);
    if (fence) {
      const body: string[] = [];
      i += 1;
      while (i < lines.length) {
        const candidate = lines[i]!;
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(candidate);
        if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
          i += 1;
          break;
        }
        // Content is de-indented by as much as the opening fence was, as CommonMark does.
        body.push(candidate.slice(Math.min(fence.indent, leadingSpaces(candidate))));
        i += 1;
      }
      blocks.push({ type: 'code', value: body.join('\n') });
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      // A closing run of #s is decoration, unless it is glued to the text ("C#").
      const text = heading[2]!.trim().replace(/(^|[ \t])#+$/, '').trim();
      blocks.push({ type: 'heading', level: heading[1]!.length <= 2 ? 3 : 4, children: parseInline(text) });
      i += 1;
      continue;
    }

    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i += 1;
      continue;
    }

    if (depth < MAX_BLOCK_DEPTH && QUOTE.test(line)) {
      const body: string[] = [];
      let lastWasText = false;
      while (i < lines.length) {
        const candidate = lines[i]!;
        if (QUOTE.test(candidate)) {
          const inner = candidate.replace(/^ {0,3}> ?/, '');
          body.push(inner);
          lastWasText = !isBlank(inner);
        } else if (lastWasText && !isBlank(candidate) && !interruptsParagraph(candidate)) {
          // A lazy continuation line: "> quoted\nstill quoted" is one quoted paragraph.
          body.push(candidate);
        } else {
          break;
        }
        i += 1;
      }
      blocks.push({ type: 'quote', children: parseBlocks(body, depth + 1) });
      continue;
    }

    const first = depth < MAX_BLOCK_DEPTH ? matchListItem(line) : null;
    if (first) {
      const items: BlockNode[][] = [];
      let tight = true;
      let marker: ListMarker | null = first;
      while (marker) {
        const body = [marker.rest];
        let j = i + 1;
        let lastWasText = !isBlank(marker.rest);
        while (j < lines.length) {
          const candidate = lines[j]!;
          if (isBlank(candidate)) body.push('');
          else if (leadingSpaces(candidate) >= marker.contentIndent) body.push(candidate.slice(marker.contentIndent));
          // A lazy continuation line, unless it is the next item ("3. a\n4. b" is two items even
          // though "4. b" could not interrupt an ordinary paragraph).
          else if (lastWasText && body[body.length - 1] !== '' && !interruptsParagraph(candidate) && !matchListItem(candidate)) body.push(candidate);
          else break;
          lastWasText = !isBlank(candidate);
          j += 1;
        }
        // Blank lines at the end belong between items, not to the item.
        let trailingBlanks = 0;
        while (body.length > 1 && body[body.length - 1] === '') {
          body.pop();
          trailingBlanks += 1;
        }
        if (body.some((l, index) => index > 0 && l === '')) tight = false;
        items.push(parseBlocks(body, depth + 1));
        i = j;
        const next: ListMarker | null = i < lines.length ? matchListItem(lines[i]!) : null;
        if (next && next.ordered === first.ordered && next.bullet === first.bullet) {
          if (trailingBlanks > 0) tight = false;
          marker = next;
        } else {
          marker = null;
        }
      }
      blocks.push({ type: 'list', ordered: first.ordered, start: first.start, tight, items });
      continue;
    }

    const body: string[] = [line.trim()];
    i += 1;
    while (i < lines.length && !isBlank(lines[i]!) && !interruptsParagraph(lines[i]!)) {
      body.push(lines[i]!.trim());
      i += 1;
    }
    blocks.push({ type: 'paragraph', children: parseInline(body.join('\n')) });
  }
  return blocks;
}

function normaliseSource(source: string): string[] {
  return (
    source
      .replace(/\r\n?/g, '\n')
      // NUL is replaced as CommonMark requires; it has no business in rendered text.
      .replaceAll('\u0000', '\ufffd')
      .split('\n')
      // Tabs in indentation count as four spaces so list nesting works for tab users too.
      .map((line) => line.replace(/^[ \t]+/, (indent) => indent.replace(/\t/g, '    ')))
  );
}

export function parseMarkdown(source: string): BlockNode[] {
  if (typeof source !== 'string' || source.trim() === '') return [];
  return parseBlocks(normaliseSource(source), 0);
}

// ---------------------------------------------------------------------------------------------
// Inlines

type Delimiter = { type: 'delim'; char: '*' | '_'; count: number; length: number; canOpen: boolean; canClose: boolean };
type Item = InlineNode | Delimiter;

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;
// Sticky, so they match at an index without slicing the text; bounded, so a long run of junk
// is scanned once and not again from every position inside it.
const AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]{0,4096})>/y;
const BARE_URL = /https?:\/\/[^\s<>]{1,4096}/iy;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** For each `[`, the index of its matching `]`, honouring nesting and backslash escapes. */
function matchBrackets(text: string): Map<number, number> {
  const matches = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') stack.push(i);
    else if (ch === ']' && stack.length > 0) matches.set(stack.pop()!, i);
  }
  return matches;
}

type LinkTail = { destination: string; title?: string; end: number };

/** Parses `(destination "title")` starting at `start` (the `(`); null if it is not one. */
function parseLinkTail(text: string, start: number): LinkTail | null {
  if (text[start] !== '(') return null;
  let i = start + 1;
  const skipSpace = () => {
    while (i < text.length && /[ \t\n]/.test(text[i]!)) i += 1;
  };
  skipSpace();
  let destination = '';
  if (text[i] === '<') {
    i += 1;
    while (i < text.length && text[i] !== '>') {
      if (text[i] === '\n' || text[i] === '<') return null;
      if (text[i] === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) i += 1;
      destination += text[i];
      i += 1;
    }
    if (text[i] !== '>') return null;
    i += 1;
  } else {
    let depth = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch.charCodeAt(0) <= 0x20) break;
      if (ch === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
        destination += text[i + 1];
        i += 2;
        continue;
      }
      if (ch === '(') {
        depth += 1;
        if (depth > 32) return null;
      } else if (ch === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
      destination += ch;
      i += 1;
      if (destination.length > MAX_DESTINATION_LENGTH) return null;
    }
    if (depth !== 0) return null;
  }
  const beforeTitle = i;
  skipSpace();
  let title: string | undefined;
  const open = text[i];
  if (i > beforeTitle && (open === '"' || open === "'" || open === '(')) {
    const close = open === '(' ? ')' : open;
    let value = '';
    i += 1;
    while (i < text.length && text[i] !== close) {
      // Bounded, and "(" cannot open a title inside a title: otherwise every "[a](x (" in a long
      // text would scan to its end, which is quadratic.
      if ((open === '(' && text[i] === '(') || value.length > MAX_TITLE_LENGTH) return null;
      if (text[i] === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) i += 1;
      value += text[i];
      i += 1;
    }
    if (text[i] !== close) return null;
    title = value;
    i += 1;
    skipSpace();
  }
  if (text[i] !== ')') return null;
  return { destination, title, end: i + 1 };
}

/** Strips punctuation that ends a sentence rather than the URL, as GitHub's autolinker does. */
function trimBareUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && /[?!.,:;*_~'"]/.test(last)) {
      end -= 1;
    } else if (last === ')') {
      const candidate = url.slice(0, end);
      const opens = candidate.split('(').length - 1;
      const closes = candidate.split(')').length - 1;
      if (closes > opens) end -= 1;
      else break;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function classifyDelimiter(text: string, start: number, length: number): Pick<Delimiter, 'canOpen' | 'canClose'> {
  const char = text[start]!;
  const before = start > 0 ? text[start - 1]! : ' ';
  const after = start + length < text.length ? text[start + length]! : ' ';
  const spaceBefore = WHITESPACE.test(before);
  const spaceAfter = WHITESPACE.test(after);
  const punctBefore = UNICODE_PUNCTUATION.test(before);
  const punctAfter = UNICODE_PUNCTUATION.test(after);
  const leftFlanking = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const rightFlanking = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (char === '*') return { canOpen: leftFlanking, canClose: rightFlanking };
  // Underscores inside words (snake_case) are never emphasis.
  return {
    canOpen: leftFlanking && (!rightFlanking || punctBefore),
    canClose: rightFlanking && (!leftFlanking || punctAfter),
  };
}

/** Splits inline text into nodes and emphasis delimiters, before emphasis is matched. */
function tokenizeInline(text: string, allowLinks: boolean): Item[] {
  const items: Item[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') items.push({ type: 'text', value: buffer });
    buffer = '';
  };
  const brackets = matchBrackets(text);
  // Code-span closers we already know are absent: searching again would make `` ` ` ` `` quadratic.
  const missingCloser = new Set<number>();

  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;

    if (ch === '\\') {
      const next = text[i + 1];
      if (next === '\n') {
        buffer = buffer.replace(/[ \t]+$/, '');
        flush();
        items.push({ type: 'break' });
        i += 2;
        continue;
      }
      if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
        buffer += next;
        i += 2;
        continue;
      }
      buffer += ch;
      i += 1;
      continue;
    }

    if (ch === '\n') {
      // Every line break the writer typed is kept, as in comment boxes on the web.
      buffer = buffer.replace(/[ \t]+$/, '');
      flush();
      items.push({ type: 'break' });
      i += 1;
      continue;
    }

    if (ch === '`') {
      let run = 1;
      while (text[i + run] === '`') run += 1;
      let close = -1;
      if (!missingCloser.has(run)) {
        let j = i + run;
        while (j < text.length) {
          const found = text.indexOf('`', j);
          if (found === -1) break;
          let length = 1;
          while (text[found + length] === '`') length += 1;
          if (length === run) {
            close = found;
            break;
          }
          j = found + length;
        }
        if (close === -1) missingCloser.add(run);
      }
      if (close === -1) {
        buffer += '`'.repeat(run);
        i += run;
        continue;
      }
      let value = text.slice(i + run, close).replace(/\n/g, ' ');
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      flush();
      items.push({ type: 'code', value });
      i = close + run;
      continue;
    }

    if (ch === '!' && text[i + 1] === '[') {
      const labelEnd = brackets.get(i + 1);
      const tail = labelEnd === undefined ? null : parseLinkTail(text, labelEnd + 1);
      if (labelEnd !== undefined && tail) {
        // Images are never loaded (tracking pixels, huge files); the alt text stands in.
        buffer += plainTextOfInline(parseInline(text.slice(i + 2, labelEnd), false));
        i = tail.end;
        continue;
      }
    }

    if (ch === '[' && allowLinks) {
      const labelEnd = brackets.get(i);
      const tail = labelEnd === undefined ? null : parseLinkTail(text, labelEnd + 1);
      if (labelEnd !== undefined && tail) {
        // Link text cannot contain links, so it is parsed with links off.
        const children = parseInline(text.slice(i + 1, labelEnd), false);
        const href = toSafeHref(tail.destination);
        flush();
        if (href) items.push({ type: 'link', href, ...(tail.title ? { title: tail.title } : {}), children });
        else items.push(...children);
        i = tail.end;
        continue;
      }
    }

    if (ch === '<') {
      AUTOLINK.lastIndex = i;
      const autolink = AUTOLINK.exec(text);
      if (autolink) {
        const href = allowLinks ? toSafeHref(autolink[1]!) : null;
        if (href) {
          flush();
          items.push({ type: 'link', href, children: [{ type: 'text', value: autolink[1]! }] });
        } else {
          buffer += autolink[0];
        }
        i += autolink[0].length;
        continue;
      }
    }

    if ((ch === 'h' || ch === 'H') && allowLinks && !isWordChar(text[i - 1])) {
      BARE_URL.lastIndex = i;
      const bare = BARE_URL.exec(text);
      if (bare) {
        const url = trimBareUrl(bare[0]);
        const href = toSafeHref(url);
        if (href) {
          flush();
          items.push({ type: 'link', href, children: [{ type: 'text', value: url }] });
        } else {
          // Not linkable (e.g. "http://" alone): the whole run is text, and is not scanned again.
          buffer += url;
        }
        i += url.length;
        continue;
      }
    }

    if (ch === '*' || ch === '_') {
      let run = 1;
      while (text[i + run] === ch) run += 1;
      flush();
      items.push({ type: 'delim', char: ch, count: run, length: run, ...classifyDelimiter(text, i, run) });
      i += run;
      continue;
    }

    buffer += ch;
    i += 1;
  }
  flush();
  return items;
}

function maxDepth(nodes: readonly InlineNode[]): number {
  // A loop, not Math.max(...nodes): spreading a long list of nodes overflows the argument limit.
  let depth = 0;
  for (const node of nodes) {
    if (node.type === 'strong' || node.type === 'em' || node.type === 'link') depth = Math.max(depth, 1 + maxDepth(node.children));
  }
  return depth;
}

/** Turns leftover delimiters into text and joins neighbouring text nodes. */
function finishItems(items: Item[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const item of items) {
    const node: InlineNode = item.type === 'delim' ? { type: 'text', value: item.char.repeat(item.count) } : item;
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value };
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

/** CommonMark's emphasis matching, simplified: closers look back for the nearest usable opener. */
function resolveEmphasis(items: Item[]): InlineNode[] {
  // Index below which no opener for that character exists: keeps unmatched runs linear.
  const bottom: Record<'*' | '_', number> = { '*': -1, _: -1 };
  let i = 0;
  while (i < items.length) {
    const closer = items[i]!;
    if (closer.type !== 'delim' || !closer.canClose || closer.count === 0) {
      i += 1;
      continue;
    }
    let openerIndex = -1;
    for (let j = i - 1; j > bottom[closer.char]; j--) {
      const candidate = items[j]!;
      if (candidate.type !== 'delim' || candidate.char !== closer.char || !candidate.canOpen || candidate.count === 0) continue;
      // The "rule of three" keeps "*foo**bar*" from pairing the wrong runs.
      const ambiguous = candidate.canClose || closer.canOpen;
      if (ambiguous && (candidate.length + closer.length) % 3 === 0 && !(candidate.length % 3 === 0 && closer.length % 3 === 0)) continue;
      openerIndex = j;
      break;
    }
    if (openerIndex === -1) {
      bottom[closer.char] = i - 1;
      i += 1;
      continue;
    }
    const opener = items[openerIndex] as Delimiter;
    const use = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const inner = finishItems(items.slice(openerIndex + 1, i));
    const marker = closer.char.repeat(use);
    const wrapped: InlineNode[] =
      maxDepth(inner) >= MAX_INLINE_DEPTH
        ? [{ type: 'text', value: marker }, ...inner, { type: 'text', value: marker }]
        : [{ type: use === 2 ? 'strong' : 'em', children: inner }];
    opener.count -= use;
    closer.count -= use;
    items.splice(openerIndex + 1, i - openerIndex - 1, ...wrapped);
    i = openerIndex + 1 + wrapped.length;
    // Everything spliced away sat above the opener; bottoms above it no longer point anywhere.
    bottom['*'] = Math.min(bottom['*'], openerIndex);
    bottom._ = Math.min(bottom._, openerIndex);
    if (opener.count === 0) {
      items.splice(openerIndex, 1);
      i -= 1;
    }
    if (closer.count === 0) items.splice(i, 1);
  }
  return finishItems(items);
}

/** Parses one block's inline text. With `allowLinks` off, link syntax and URLs stay text. */
export function parseInline(text: string, allowLinks = true): InlineNode[] {
  return resolveEmphasis(tokenizeInline(text, allowLinks));
}

// ---------------------------------------------------------------------------------------------
// Plain text (excerpts, feed descriptions, alt text)

export function plainTextOfInline(nodes: readonly InlineNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.value;
    else if (node.type === 'break') out += '\n';
    else out += plainTextOfInline(node.children);
  }
  return out;
}

export function plainTextOfBlocks(blocks: readonly BlockNode[], separator = '\n\n'): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return plainTextOfInline(block.children);
        case 'code':
          return block.value;
        case 'quote':
          return plainTextOfBlocks(block.children);
        case 'list':
          return block.items.map((item) => plainTextOfBlocks(item, '\n')).join('\n');
        case 'rule':
          return '';
      }
    })
    .filter((text) => text !== '')
    .join(separator);
}
