// Canonical paragraph text. Anchors (W3C selectors) are character offsets into
// `canonicalText`, so this must be deterministic and identical in browser and server.

// Invisible characters that copy-paste leaves behind (soft hyphen, zero-width space, word
// joiner, BOM). They would make identical-looking quotes fail to match.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
// Control characters other than whitespace; whitespace is collapsed below instead.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

// Runs of whitespace and single non-space whitespace characters. Equivalent to /\s+/ → ' ' but
// leaves the common single space alone, which is far faster on megabyte-sized input.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Collapses whitespace, NFC-normalises and trims. Curly quotes and dashes are kept as typed. */
export function normalizeParagraph(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

/** The article's canonical plain text: paragraphs separated by one blank line. */
export function canonicalText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}
