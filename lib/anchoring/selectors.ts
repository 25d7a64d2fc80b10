// W3C Web Annotation text selectors over an article's canonical plain text.

export type TextQuoteSelector = { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
export type TextPositionSelector = { type: 'TextPositionSelector'; start: number; end: number };
export type TextSelectors = { quote: TextQuoteSelector; position: TextPositionSelector };

/** Characters of context stored on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export const PARAGRAPH_SEPARATOR = '\n\n';

export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join(PARAGRAPH_SEPARATOR);
}

/** Where each paragraph starts in the joined text. */
export function paragraphOffsets(paragraphs: readonly string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    offsets.push(offset);
    offset += paragraph.length + PARAGRAPH_SEPARATOR.length;
  }
  return offsets;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Selectors for text[start, end). Surrounding whitespace is trimmed (a selection of " the cat "
 * anchors on "the cat") and a boundary inside a surrogate pair is widened to the whole emoji,
 * so a quote is always valid text.
 */
export function describeTextRange(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Invalid text range ${start}–${end} for a text of ${text.length} characters.`);
  }
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (start >= end) throw new RangeError('The selection contains only whitespace.');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

export type TextRange = { id: string | number; start: number; end: number };
export type TextSegment = { start: number; end: number; text: string; ids: (string | number)[] };

/**
 * Cuts the text into consecutive segments at every range boundary; each segment lists the
 * ranges covering it, so overlapping highlights all stay visible.
 */
export function segmentTextByRanges(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const cuts = new Set<number>([0, text.length]);
  const valid = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start);
  for (const range of valid) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (end <= start) continue;
    segments.push({
      start,
      end,
      text: text.slice(start, end),
      ids: valid.filter((r) => r.start <= start && r.end >= end).map((r) => r.id),
    });
  }
  return segments;
}
