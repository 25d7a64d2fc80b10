// A revisable text that tracks where given spans (the quotes' original characters) end up.
// Ground truth is provenance: a span follows its own characters through insertions,
// deletions and moves; an edit that destroys them makes the span null (the anchor must orphan).

export type Span = { start: number; end: number };
export type Doc = { text: string; spans: (Span | null)[] };

const SEPARATOR = '\n\n';

export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (;;) {
    const index = text.indexOf(SEPARATOR, start);
    if (index === -1) {
      spans.push({ start, end: text.length });
      return spans;
    }
    spans.push({ start, end: index });
    start = index + SEPARATOR.length;
  }
}

/** Sentences of one paragraph (a heuristic: ends at . ! ? plus closing quotes, before a space). */
export function sentenceSpans(text: string, paragraph: Span): Span[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const spans: Span[] = [];
  const boundary = /[.!?][”"’)]*(?=\s)/g;
  let start = 0;
  for (let m = boundary.exec(body); m; m = boundary.exec(body)) {
    const end = m.index + m[0].length;
    spans.push({ start: paragraph.start + start, end: paragraph.start + end });
    start = end;
    while (start < body.length && /\s/.test(body[start]!)) start += 1;
  }
  if (start < body.length) spans.push({ start: paragraph.start + start, end: paragraph.end });
  return spans;
}

/**
 * Replaces text[a, b) by `insert`. A span entirely before or after moves or stays; with
 * `inside`, an edit within a span (a typo fix) keeps it and changes its length; any other
 * overlap destroys it. An insertion exactly at a span's start goes before it.
 */
export function replaceText(doc: Doc, a: number, b: number, insert: string, inside = false): Doc {
  const delta = insert.length - (b - a);
  const spans = doc.spans.map((span) => {
    if (!span) return null;
    const isWithin = inside && a >= span.start && b <= span.end;
    if (b <= span.start && !isWithin) return { start: span.start + delta, end: span.end + delta };
    if (a >= span.end && !isWithin) return span;
    if (isWithin) return { start: span.start, end: span.end + delta };
    return null;
  });
  return { text: doc.text.slice(0, a) + insert + doc.text.slice(b), spans };
}

/** Moves paragraph `from` to index `to` (in the list without it); spans inside travel with it. */
export function moveParagraph(doc: Doc, from: number, to: number): Doc {
  const paragraphs = paragraphSpans(doc.text);
  const texts = paragraphs.map((p) => doc.text.slice(p.start, p.end));
  const owner = doc.spans.map((span) => {
    if (!span) return null;
    const index = paragraphs.findIndex((p) => span.start >= p.start && span.end <= p.end);
    if (index === -1) {
      // A span across paragraphs loses its text if one of its paragraphs moves away.
      const first = paragraphs.findIndex((p) => span.start <= p.end);
      const last = paragraphs.findIndex((p) => span.end <= p.end);
      return from >= first && from <= last ? null : { multi: true as const, first, last, offset: span.start - paragraphs[first]!.start, length: span.end - span.start };
    }
    return { multi: false as const, first: index, last: index, offset: span.start - paragraphs[index]!.start, length: span.end - span.start };
  });
  const order = texts.map((_, i) => i).filter((i) => i !== from);
  order.splice(to, 0, from);
  const newTexts = order.map((i) => texts[i]!);
  const text = newTexts.join(SEPARATOR);
  const starts: number[] = [];
  let offset = 0;
  for (const t of newTexts) {
    starts.push(offset);
    offset += t.length + SEPARATOR.length;
  }
  const spans = owner.map((o) => {
    if (!o) return null;
    const newFirst = order.indexOf(o.first);
    if (o.multi) {
      // Still contiguous only if its paragraphs are still consecutive and in order.
      for (let k = o.first; k <= o.last; k += 1) if (order.indexOf(k) !== newFirst + (k - o.first)) return null;
    }
    const start = starts[newFirst]! + o.offset;
    return { start, end: start + o.length };
  });
  return { text, spans };
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
