// Safe Markdown for text users write (annotations, rulings, settings). It builds React
// elements from a small parser: raw HTML in the source stays literal text, links are kept only
// for http(s) URLs, images become their alt text. Nothing is ever inserted as HTML.
import { Fragment, type ReactNode } from 'react';

const LINK_REL = 'noopener noreferrer nofollow ugc';

/** True only for absolute http: and https: URLs (after the browser's own URL parsing). */
export function isSafeHttpUrl(value: string): boolean {
  // Control characters and whitespace inside a URL are how "java\tscript:" slips through.
  const trimmed = value.trim();
  for (const char of trimmed) {
    const code = char.charCodeAt(0);
    if (code <= 0x20 || code === 0x7f) return false;
  }
  try {
    const url = new URL(trimmed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

type Inline = ReactNode;

function renderLink(text: string, href: string, key: string): Inline {
  // Links never nest: the label is rendered with links turned off.
  const label = renderInline(text, `${key}t`, false);
  if (!isSafeHttpUrl(href)) return <Fragment key={key}>{label}</Fragment>;
  return (
    <a key={key} href={href.trim()} rel={LINK_REL}>
      {label}
    </a>
  );
}

/** Inline syntax: `code`, **bold**, *italic* / _italic_, [text](url), ![alt](url), bare http(s) URLs. */
function renderInline(source: string, keyPrefix: string, allowLinks = true): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  let index = 0;
  let count = 0;
  const key = () => `${keyPrefix}-${count++}`;
  const flush = () => {
    if (buffer) out.push(buffer);
    buffer = '';
  };
  while (index < source.length) {
    const rest = source.slice(index);
    const char = source[index]!;
    if (char === '\\' && index + 1 < source.length && /[\\`*_[\]()!#<>-]/.test(source[index + 1]!)) {
      buffer += source[index + 1];
      index += 2;
      continue;
    }
    if (char === '`') {
      const close = source.indexOf('`', index + 1);
      if (close > index) {
        flush();
        out.push(<code key={key()}>{source.slice(index + 1, close)}</code>);
        index = close + 1;
        continue;
      }
    }
    if (rest.startsWith('**') || rest.startsWith('__')) {
      const marker = rest.slice(0, 2);
      const close = source.indexOf(marker, index + 2);
      if (close > index + 2) {
        flush();
        out.push(<strong key={key()}>{renderInline(source.slice(index + 2, close), key(), allowLinks)}</strong>);
        index = close + 2;
        continue;
      }
    }
    if ((char === '*' || char === '_') && source[index + 1] !== ' ') {
      const close = source.indexOf(char, index + 1);
      if (close > index + 1 && source[close - 1] !== ' ') {
        flush();
        out.push(<em key={key()}>{renderInline(source.slice(index + 1, close), key(), allowLinks)}</em>);
        index = close + 1;
        continue;
      }
    }
    const link = /^(!?)\[([^\]]*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+"[^"]*")?\)/.exec(rest);
    if (link) {
      flush();
      const [whole, bang, text, href] = link;
      out.push(bang ? (text ?? '') : allowLinks ? renderLink(text ?? '', href ?? '', key()) : (text ?? ''));
      index += whole.length;
      continue;
    }
    const autolink = /^<(https?:\/\/[^\s<>]+)>/.exec(rest);
    if (autolink && allowLinks) {
      flush();
      out.push(renderLink(autolink[1]!, autolink[1]!, key()));
      index += autolink[0].length;
      continue;
    }
    const bare = /^https?:\/\/[^\s<>()"']+[^\s<>()"'.,;:!?]/.exec(rest);
    if (bare && allowLinks && (index === 0 || /[\s(]/.test(source[index - 1]!))) {
      flush();
      out.push(renderLink(bare[0], bare[0], key()));
      index += bare[0].length;
      continue;
    }
    buffer += char;
    index += 1;
  }
  flush();
  return out;
}

function renderLines(lines: string[], keyPrefix: string): Inline[] {
  const out: Inline[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(<br key={`${keyPrefix}-br${i}`} />);
    out.push(...renderInline(line, `${keyPrefix}-l${i}`));
  });
  return out;
}

type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] };

function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index += 1;
      continue;
    }
    if (/^\s*```/.test(line)) {
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !/^\s*```/.test(lines[index]!)) body.push(lines[index++]!);
      index += 1;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.replace(/\s#+\s*$/, '') });
      index += 1;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const body: string[] = [];
      while (index < lines.length && /^\s*>/.test(lines[index]!)) body.push(lines[index++]!.replace(/^\s*>\s?/, ''));
      blocks.push({ kind: 'quote', lines: body });
      continue;
    }
    const listMatch = /^\s*([-*+]|\d{1,9}[.)])\s+/.exec(line);
    if (listMatch) {
      const ordered = /\d/.test(listMatch[1]!);
      const items: string[] = [];
      while (index < lines.length) {
        const item = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/.exec(lines[index]!);
        if (item && /\d/.test(item[1]!) === ordered) {
          items.push(item[2]!);
          index += 1;
        } else if (lines[index]!.trim() !== '' && /^\s{2,}/.test(lines[index]!) && items.length > 0) {
          items[items.length - 1] += ' ' + lines[index]!.trim();
          index += 1;
        } else break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const body: string[] = [];
    while (
      index < lines.length &&
      lines[index]!.trim() !== '' &&
      !/^\s*```/.test(lines[index]!) &&
      !/^#{1,6}\s/.test(lines[index]!) &&
      !/^\s*>/.test(lines[index]!) &&
      !/^\s*([-*+]|\d{1,9}[.)])\s+/.test(lines[index]!)
    ) {
      body.push(lines[index++]!);
    }
    blocks.push({ kind: 'paragraph', lines: body });
  }
  return blocks;
}

/** Renders user Markdown as React elements. Headings are toned down to bold paragraphs of level 3–4. */
export function renderMarkdown(source: string): ReactNode {
  return parseBlocks(source).map((block, index) => {
    const key = `b${index}`;
    switch (block.kind) {
      case 'paragraph':
        return <p key={key}>{renderLines(block.lines, key)}</p>;
      case 'heading':
        return block.level <= 2 ? <h3 key={key}>{renderInline(block.text, key)}</h3> : <h4 key={key}>{renderInline(block.text, key)}</h4>;
      case 'code':
        return (
          <pre key={key}>
            <code>{block.text}</code>
          </pre>
        );
      case 'quote':
        return <blockquote key={key}>{renderMarkdown(block.lines.join('\n'))}</blockquote>;
      case 'list': {
        const items = block.items.map((item, i) => <li key={`${key}-${i}`}>{renderInline(item, `${key}-${i}`)}</li>);
        return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
      }
    }
  });
}

/** The text of some Markdown without its syntax, for excerpts and meta descriptions. */
export function markdownToPlainText(source: string): string {
  return source
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
