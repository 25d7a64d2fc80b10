// Seeded corpus of article revisions with ground truth, for benchmarking re-anchoring.
//
// Ground truth is provenance: the anchor must land on the quote's own characters as they are
// after the edits ([start, end) in the revised text, typo fixes and punctuation changes inside
// the quote included), or orphan when those characters were destroyed (rewritten, deleted).
// Two rules make "correct" decidable from what a resolver can see (the selectors and the text):
// - when another occurrence of the surviving words has exactly the same 32 characters of
//   context on both sides, nobody can tell the two apart (only guess from the old position):
//   the right answer is orphan, unless the stored position still holds the quote there;
// - when the quote's characters are gone but one copy elsewhere carries the stored context
//   (all of it, or all of it within the paragraph with the same paragraph edges), that copy is
//   indistinguishable from the quote's paragraph having moved, which must be followed: it is
//   the place. A copy with other words around it (a recap, a pull quote) is not: orphan.
import fs from 'node:fs';
import path from 'node:path';
import { describeTextRange, joinParagraphs, CONTEXT_LENGTH, type TextSelectors } from '../../lib/anchoring';
import { parsePlainTextArticle } from '../../lib/article-import';
import { moveParagraph, overlaps, paragraphSpans, replaceText, sentenceSpans, type Doc, type Span } from './doc';
import { createRng, seedFrom, type Rng } from './prng';

export type Article = { name: string; text: string };
export type ExpectedReason = 'survives' | 'selector-copy' | 'destroyed' | 'indistinguishable';
export type BenchCase = {
  id: string;
  article: string;
  kind: EditKind;
  quoteKind: QuoteKind;
  edits: string[];
  selectors: TextSelectors;
  revised: string;
  expected: Span | null;
  expectedReason: ExpectedReason;
};

export const EDIT_KINDS = [
  'unchanged',
  'insert-before',
  'insert-after',
  'delete-before',
  'delete-after',
  'move-quote-paragraph',
  'move-other-paragraph',
  'typo-fix',
  'word-change',
  'whitespace-punctuation',
  'rewrite-sentence',
  'delete-quote',
  'duplicate-sentence',
  'duplicate-then-delete',
  'duplicate-paragraph',
  'combination',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];
export type QuoteKind = 'sentence' | 'clause' | 'short' | 'two-sentences' | 'paragraph';

export function loadArticles(repoRoot: string): Article[] {
  const read = (file: string) => parsePlainTextArticle(fs.readFileSync(file, 'utf8')).paragraphs;
  const textsDir = path.join(repoRoot, 'bench', 'anchoring', 'texts');
  const files = fs.readdirSync(textsDir).filter((f) => f.endsWith('.txt')).sort();
  return [
    { name: 'the-week-russia-blames-phones', text: joinParagraphs(read(path.join(repoRoot, 'demo', 'the-week-russia-blames-phones.txt'))) },
    ...files.map((f) => ({ name: f.replace(/\.txt$/, ''), text: joinParagraphs(read(path.join(textsDir, f))) })),
  ];
}

const FILLER_SENTENCES = [
  'The figures could not be independently verified.',
  'A spokesperson declined to comment on Friday.',
  'Officials are expected to publish a full report next month.',
  'This article has been updated with new information.',
  'The ministry did not respond to a request for comment.',
  'Local media reported similar figures on Wednesday.',
  'Correction: an earlier version of this article misstated the date of the meeting.',
  'The decision can be appealed within 30 days.',
  'Several witnesses gave a different account of the events.',
  'The report was first published by a regional newspaper.',
  'Neither side has said what it will do next.',
  'Critics said the announcement came too late.',
  'It was not clear how many people were affected.',
  'The agency said it would review its procedures.',
];
const PHRASES_BEFORE = ['reportedly ', 'according to officials, ', 'on Monday, ', 'it said, ', 'in a statement, '];
const PHRASES_AFTER = [', officials said', ' (according to the report)', ', it added', ' on Tuesday', ', sources said'];
const WRAPPERS: ((sentence: string) => string)[] = [
  (s) => `Recap: ${s}`,
  (s) => `${s} That claim has been disputed.`,
  (s) => `One reader quoted the passage in a letter: “${s}”`,
  (s) => `Earlier this week: ${s} The statement was widely shared.`,
];
const WORD_POOL = [
  'officials', 'government', 'statement', 'region', 'people', 'week', 'report', 'council', 'plan', 'spokesperson',
  'evidence', 'critics', 'residents', 'agency', 'numbers', 'decision', 'question', 'public', 'response', 'later',
  'announced', 'denied', 'confirmed', 'suggested', 'claimed', 'under', 'despite', 'because', 'while', 'several',
];

type Token = Span;
function wordTokens(text: string, range: Span): Token[] {
  const tokens: Token[] = [];
  const re = /\S+/g;
  const body = text.slice(range.start, range.end);
  for (let m = re.exec(body); m; m = re.exec(body)) tokens.push({ start: range.start + m.index, end: range.start + m.index + m[0].length });
  return tokens;
}

function trimQuotePunctuation(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[“"‘'(]/.test(text[start]!)) start += 1;
  while (end > start && /[,;:.!?”"’)]/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

function chooseQuote(text: string, rng: Rng, kind: QuoteKind): Span | null {
  const paragraphs = paragraphSpans(text).filter((p) => p.end - p.start > 20);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const paragraph = rng.pick(paragraphs);
    const sentences = sentenceSpans(text, paragraph);
    if (kind === 'paragraph') return paragraph;
    if (kind === 'two-sentences') {
      if (sentences.length < 2) continue;
      const i = rng.int(0, sentences.length - 1);
      return { start: sentences[i]!.start, end: sentences[i + 1]!.end };
    }
    const sentence = rng.pick(sentences);
    if (kind === 'sentence') return sentence;
    const tokens = wordTokens(text, sentence);
    const [min, max] = kind === 'short' ? [2, 3] : [4, 12];
    if (tokens.length < min + 1) continue;
    const n = rng.int(min, Math.min(max, tokens.length - 1) + 1);
    const first = rng.int(0, tokens.length - n + 1);
    const span = trimQuotePunctuation(text, { start: tokens[first]!.start, end: tokens[first + n - 1]!.end });
    if (span.end - span.start >= 4 && /\s/.test(text.slice(span.start, span.end))) return span;
  }
  return null;
}

/** Typos a reader would fix: swapped, dropped, doubled or mistyped letter, inside a word. */
function makeTypo(word: string, rng: Rng): string {
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 4)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default: {
      const letters = 'etaoinshrdlucmfwypvbgk';
      const replacement = letters[(letters.indexOf(word[i]!.toLowerCase()) + 1 + rng.int(0, 5)) % letters.length]!;
      return word.slice(0, i) + replacement + word.slice(i + 1);
    }
  }
}

function lettersOnlyWords(doc: Doc, span: Span): Token[] {
  const out: Token[] = [];
  const re = /\p{L}{4,}/gu;
  const body = doc.text.slice(span.start, span.end);
  for (let m = re.exec(body); m; m = re.exec(body)) out.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  return out;
}

/** Plants a typo in the original (before the selectors are taken); returns how to fix it. */
function plantTypo(doc: Doc, rng: Rng, spanIndex: number): { doc: Doc; fix: Span & { word: string } } | null {
  const span = doc.spans[spanIndex];
  if (!span) return null;
  const words = lettersOnlyWords(doc, span);
  if (words.length === 0) return null;
  const w = rng.pick(words);
  const word = doc.text.slice(w.start, w.end);
  const typo = makeTypo(word, rng);
  if (typo === word) return null;
  // The fix is tracked as a span too, so later edits move it along.
  const planted = replaceText({ text: doc.text, spans: [...doc.spans, w] }, w.start, w.end, typo, true);
  const fixSpan = planted.spans.pop()!;
  return { doc: planted, fix: { ...fixSpan, word } };
}

function paragraphOf(text: string, span: Span): number {
  return paragraphSpans(text).findIndex((p) => span.start >= p.start && span.end <= p.end);
}

/** The sentences covering a span (the whole "quoted sentence"). */
function coveringSentences(text: string, span: Span): Span {
  const sentences = paragraphSpans(text).flatMap((p) => sentenceSpans(text, p));
  const covering = sentences.filter((s) => overlaps(s, span));
  return { start: covering[0]!.start, end: covering[covering.length - 1]!.end };
}

function fillerParagraph(rng: Rng): string {
  return Array.from({ length: rng.int(1, 4) }, () => rng.pick(FILLER_SENTENCES)).join(' ');
}

function insertAround(doc: Doc, rng: Rng, side: 'before' | 'after', quote: Span): { doc: Doc; note: string } | null {
  const paragraphs = paragraphSpans(doc.text);
  const roll = rng.next();
  if (roll < 0.3) {
    // Right next to the quote: its near context changes.
    return side === 'before'
      ? { doc: replaceText(doc, quote.start, quote.start, rng.pick(PHRASES_BEFORE)), note: 'phrase just before' }
      : { doc: replaceText(doc, quote.end, quote.end, rng.pick(PHRASES_AFTER)), note: 'phrase just after' };
  }
  if (roll < 0.65) {
    const sentences = paragraphs.flatMap((p) => sentenceSpans(doc.text, p));
    const spots = side === 'before' ? sentences.filter((s) => s.start <= quote.start).map((s) => s.start) : sentences.filter((s) => s.end >= quote.end).map((s) => s.end);
    if (spots.length === 0) return null;
    const at = side === 'before' ? spots[spots.length - 1 - Math.min(spots.length - 1, rng.int(0, 3))]! : spots[Math.min(spots.length - 1, rng.int(0, 3))]!;
    const sentence = rng.pick(FILLER_SENTENCES);
    return { doc: replaceText(doc, at, at, side === 'before' ? sentence + ' ' : ' ' + sentence), note: 'sentence' };
  }
  const spots = side === 'before' ? paragraphs.filter((p) => p.start <= quote.start).map((p) => p.start) : paragraphs.filter((p) => p.end >= quote.end).map((p) => p.end);
  const at = rng.pick(spots);
  const paragraph = fillerParagraph(rng);
  return { doc: replaceText(doc, at, at, side === 'before' ? paragraph + '\n\n' : '\n\n' + paragraph), note: 'paragraph' };
}

function deleteAround(doc: Doc, rng: Rng, side: 'before' | 'after', quote: Span): { doc: Doc; note: string } | null {
  const paragraphs = paragraphSpans(doc.text);
  const roll = rng.next();
  if (roll < 0.25) {
    // The word right next to the quote, in the same paragraph.
    const paragraph = paragraphs.find((p) => quote.start >= p.start && quote.start <= p.end)!;
    const tokens = wordTokens(doc.text, paragraph);
    if (side === 'before') {
      const index = tokens.findIndex((t) => t.start >= quote.start) - 1;
      if (index >= 0 && tokens[index]!.end < quote.start) return { doc: replaceText(doc, tokens[index]!.start, quote.start, ''), note: 'word just before' };
    } else {
      const index = tokens.findIndex((t) => t.start > quote.end);
      if (index > 0) return { doc: replaceText(doc, quote.end, tokens[index]!.end, ''), note: 'word just after' };
    }
    return null;
  }
  const sentences = paragraphs.flatMap((p) => sentenceSpans(doc.text, p).map((s) => ({ ...s, paragraph: p })));
  const candidates = side === 'before' ? sentences.filter((s) => s.end <= quote.start) : sentences.filter((s) => s.start >= quote.end);
  if (candidates.length === 0) return null;
  const near = side === 'before' ? candidates.slice(-3) : candidates.slice(0, 3);
  const target = rng.chance(0.6) ? rng.pick(near) : rng.pick(candidates);
  return { doc: deleteSentence(doc, target, target.paragraph), note: 'sentence' };
}

function deleteSentence(doc: Doc, sentence: Span, paragraph: Span): Doc {
  if (sentence.start === paragraph.start && sentence.end === paragraph.end) {
    // The whole paragraph goes, with one separator.
    return paragraph.end + 2 <= doc.text.length ? replaceText(doc, paragraph.start, paragraph.end + 2, '') : replaceText(doc, Math.max(0, paragraph.start - 2), paragraph.end, '');
  }
  let { start, end } = sentence;
  if (end < paragraph.end) {
    while (end < paragraph.end && /\s/.test(doc.text[end]!)) end += 1;
  } else {
    while (start > paragraph.start && /\s/.test(doc.text[start - 1]!)) start -= 1;
  }
  return replaceText(doc, start, end, '');
}

function moveQuoteParagraph(doc: Doc, rng: Rng, quote: Span): Doc | null {
  const from = paragraphOf(doc.text, quote);
  const count = paragraphSpans(doc.text).length;
  if (from === -1 || count < 3) return null;
  let to = rng.int(0, count - 1);
  if (to === from) to = (to + 1) % (count - 1);
  return moveParagraph(doc, from, to);
}

function moveOtherParagraph(doc: Doc, rng: Rng, quote: Span): Doc | null {
  const paragraphs = paragraphSpans(doc.text);
  const others = paragraphs.map((p, i) => ({ p, i })).filter(({ p }) => !overlaps(p, quote) && !(p.start === quote.start && p.end === quote.end));
  if (others.length === 0) return null;
  const { p, i } = rng.pick(others);
  const quoteIndex = paragraphSpans(doc.text).findIndex((q) => q.end >= quote.start);
  // Across the quote, so its position changes.
  const to = p.end <= quote.start ? rng.int(quoteIndex, paragraphs.length - 1) : rng.int(0, quoteIndex + 1);
  return to === i ? null : moveParagraph(doc, i, to);
}

function changeWhitespacePunctuation(doc: Doc, rng: Rng, quote: Span): { doc: Doc; note: string } | null {
  const body = doc.text.slice(quote.start, quote.end);
  const options: (() => { doc: Doc; note: string } | null)[] = [
    () => {
      const swaps: Record<string, string> = { '“': '"', '”': '"', '’': "'", '‘': "'", '"': '“', "'": '’' };
      const at = [...body].findIndex((c, i) => i > 0 && i < body.length - 1 && c in swaps);
      if (at <= 0) return null;
      return { doc: replaceText(doc, quote.start + at, quote.start + at + 1, swaps[body[at]!]!, true), note: 'quote marks' };
    },
    () => {
      const at = body.indexOf(', ');
      return at <= 0 ? null : { doc: replaceText(doc, quote.start + at, quote.start + at + 1, '', true), note: 'comma removed' };
    },
    () => {
      const spaces = [...body.matchAll(/\p{L} /gu)].map((m) => m.index + 1);
      if (spaces.length === 0) return null;
      const at = quote.start + rng.pick(spaces);
      return { doc: replaceText(doc, at, at, ',', true), note: 'comma added' };
    },
    () => {
      const spaces = [...body.matchAll(/ /g)].map((m) => m.index);
      if (spaces.length === 0) return null;
      const at = quote.start + rng.pick(spaces);
      return { doc: replaceText(doc, at, at + 1, rng.pick(['  ', '\u00a0']), true), note: 'space changed' };
    },
    () => {
      const at = body.search(/[—–]/);
      return at <= 0 ? null : { doc: replaceText(doc, quote.start + at, quote.start + at + 1, body[at] === '—' ? '–' : '—', true), note: 'dash' };
    },
    () => (body.endsWith('.') ? { doc: replaceText(doc, quote.end - 1, quote.end, '', true), note: 'final full stop removed' } : null),
  ];
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const result = rng.pick(options)();
    if (result) return result;
  }
  return null;
}

function changeOneWord(doc: Doc, rng: Rng, quote: Span): Doc | null {
  if (wordTokens(doc.text, quote).length < 8) return null;
  const words = lettersOnlyWords(doc, quote);
  if (words.length === 0) return null;
  const w = rng.pick(words);
  const replacement = rng.pick(WORD_POOL.filter((x) => x !== doc.text.slice(w.start, w.end)));
  return replaceText(doc, w.start, w.end, replacement, true);
}

function rewrite(text: string, range: Span, exact: string, rng: Rng): string | null {
  const words = text.slice(range.start, range.end).split(/\s+/);
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const kept = words.map((w) => (rng.chance(0.35) ? w : rng.pick(WORD_POOL)));
    const k = Math.floor(kept.length / 3);
    const rotated = [...kept.slice(k), ...kept.slice(0, k)].join(' ').replace(/[.!?]+$/, '');
    const sentence = rotated.charAt(0).toUpperCase() + rotated.slice(1) + '.';
    if (!sentence.includes(exact)) return sentence;
  }
  return null;
}

function duplicateSentenceElsewhere(doc: Doc, rng: Rng, sentence: Span): Doc | null {
  const paragraphs = paragraphSpans(doc.text);
  const own = paragraphs.findIndex((p) => sentence.start >= p.start && sentence.start <= p.end);
  // Elsewhere: not in the quote's paragraph nor next to it (a copy appended to the paragraph
  // just before, with the original deleted, is a paragraph merge, not a copy).
  const others = paragraphs.filter((_, i) => Math.abs(i - own) >= 2);
  if (others.length === 0) return null;
  const target = rng.pick(others);
  const copy = rng.pick(WRAPPERS)(doc.text.slice(sentence.start, sentence.end));
  return rng.chance(0.5) ? replaceText(doc, target.end, target.end, ' ' + copy) : replaceText(doc, target.start, target.start, copy + '\n\n');
}

type Built = { doc: Doc; edits: string[] } | null;

/** Applies one kind of edit to spans[0] (the quote). Typo fixes were planted beforehand. */
function applyEdit(kind: EditKind, doc: Doc, rng: Rng, typoFix: (Span & { word: string }) | null): Built {
  const quote = doc.spans[0];
  if (!quote) return null;
  const one = (result: { doc: Doc; note: string } | null, label: string): Built => (result ? { doc: result.doc, edits: [`${label}: ${result.note}`] } : null);
  const plain = (result: Doc | null, label: string): Built => (result ? { doc: result, edits: [label] } : null);
  switch (kind) {
    case 'unchanged':
      return { doc, edits: [] };
    case 'insert-before':
      return one(insertAround(doc, rng, 'before', quote), kind);
    case 'insert-after':
      return one(insertAround(doc, rng, 'after', quote), kind);
    case 'delete-before':
      return one(deleteAround(doc, rng, 'before', quote), kind);
    case 'delete-after':
      return one(deleteAround(doc, rng, 'after', quote), kind);
    case 'move-quote-paragraph':
      return plain(moveQuoteParagraph(doc, rng, quote), kind);
    case 'move-other-paragraph':
      return plain(moveOtherParagraph(doc, rng, quote), kind);
    case 'typo-fix': {
      if (!typoFix) return null;
      const fix = doc.spans[doc.spans.length - 1];
      if (!fix) return null;
      const fixed = replaceText(doc, fix.start, fix.end, typoFix.word, true);
      return { doc: fixed, edits: [`typo-fix: ${doc.text.slice(fix.start, fix.end)} → ${typoFix.word}`] };
    }
    case 'word-change':
      return plain(changeOneWord(doc, rng, quote), kind);
    case 'whitespace-punctuation':
      return one(changeWhitespacePunctuation(doc, rng, quote), kind);
    case 'rewrite-sentence': {
      const range = coveringSentences(doc.text, quote);
      const sentence = rewrite(doc.text, range, doc.text.slice(quote.start, quote.end), rng);
      return sentence ? plain(replaceText(doc, range.start, range.end, sentence), kind) : null;
    }
    case 'delete-quote': {
      const range = coveringSentences(doc.text, quote);
      const paragraph = paragraphSpans(doc.text).find((p) => range.start >= p.start && range.end <= p.end);
      return paragraph ? plain(deleteSentence(doc, range, paragraph), kind) : plain(replaceText(doc, range.start, range.end, ''), kind);
    }
    case 'duplicate-sentence': {
      const range = coveringSentences(doc.text, quote);
      return plain(duplicateSentenceElsewhere(doc, rng, range), kind);
    }
    case 'duplicate-then-delete': {
      const range = coveringSentences(doc.text, quote);
      const copied = duplicateSentenceElsewhere({ text: doc.text, spans: [...doc.spans, range] }, rng, range);
      if (!copied) return null;
      const original = copied.spans.pop()!;
      const paragraph = paragraphSpans(copied.text).find((p) => original.start >= p.start && original.end <= p.end);
      const deleted = paragraph ? deleteSentence(copied, original, paragraph) : replaceText(copied, original.start, original.end, '');
      return plain(deleted, kind);
    }
    case 'duplicate-paragraph': {
      const paragraphs = paragraphSpans(doc.text);
      const own = paragraphOf(doc.text, quote);
      if (own === -1) return null;
      const spots = paragraphs.map((_, i) => i).filter((i) => Math.abs(i - own) >= 2 && i !== own + 2);
      if (spots.length === 0) return null;
      const at = rng.pick(spots);
      const ownText = doc.text.slice(paragraphs[own]!.start, paragraphs[own]!.end);
      let next = at < paragraphs.length ? replaceText(doc, paragraphs[at]!.start, paragraphs[at]!.start, ownText + '\n\n') : replaceText(doc, doc.text.length, doc.text.length, '\n\n' + ownText);
      const edits = [`duplicate-paragraph: copy at paragraph ${at}`];
      if (rng.chance(0.7)) {
        const shifted = insertAround(next, rng, 'before', next.spans[0]!);
        if (shifted && shifted.note !== 'phrase just before') {
          next = shifted.doc;
          edits.push(`insert-before: ${shifted.note}`);
        }
      }
      return { doc: next, edits };
    }
    case 'combination': {
      const pool: EditKind[] = ['insert-before', 'insert-after', 'delete-before', 'delete-after', 'move-quote-paragraph', 'move-other-paragraph', 'whitespace-punctuation', 'word-change'];
      if (typoFix) pool.push('typo-fix');
      const steps = rng.int(2, 4);
      let current: Doc = doc;
      const edits: string[] = [];
      for (let i = 0; i < steps && pool.length > 0; i += 1) {
        const step = pool.splice(rng.int(0, pool.length), 1)[0]!;
        const applied = applyEdit(step, current, rng, typoFix);
        if (!applied) continue;
        current = applied.doc;
        edits.push(...applied.edits);
      }
      return edits.length >= 2 ? { doc: current, edits } : null;
    }
  }
}

function quoteKindFor(kind: EditKind, rng: Rng): QuoteKind {
  const roll = rng.next();
  const base: QuoteKind = roll < 0.35 ? 'sentence' : roll < 0.7 ? 'clause' : roll < 0.9 ? 'short' : roll < 0.97 ? 'two-sentences' : 'paragraph';
  if (kind === 'word-change' && (base === 'short' || base === 'clause')) return 'sentence';
  return base;
}

const windowsOf = (text: string, span: Span) => [text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start), text.slice(span.end, span.end + CONTEXT_LENGTH)].join('\u0000');

const BREAK = '\n\n';
/** The stored context, cut at paragraph edges (the text's edges count as such), is the same there. */
function hasSameParagraphContext(text: string, start: number, end: number, prefix: string, suffix: string): boolean {
  const prefixCut = prefix.lastIndexOf(BREAK);
  const prefixInner = prefixCut === -1 ? prefix : prefix.slice(prefixCut + BREAK.length);
  const prefixHasEdge = prefixCut !== -1 || prefix.length < CONTEXT_LENGTH;
  const before = start - prefixInner.length;
  const prefixOk = text.slice(Math.max(0, before), start) === prefixInner && before >= 0 && (!prefixHasEdge || before === 0 || text.slice(before - BREAK.length, before) === BREAK);
  const suffixCut = suffix.indexOf(BREAK);
  const suffixInner = suffixCut === -1 ? suffix : suffix.slice(0, suffixCut);
  const suffixHasEdge = suffixCut !== -1 || suffix.length < CONTEXT_LENGTH;
  const after = end + suffixInner.length;
  const suffixOk = text.slice(end, after) === suffixInner && after <= text.length && (!suffixHasEdge || after === text.length || text.startsWith(BREAK, after));
  return prefixOk && suffixOk;
}

function groundTruth(revised: string, span: Span | null, selectors: TextSelectors): { expected: Span | null; expectedReason: ExpectedReason } {
  if (!span || span.end <= span.start) {
    // The quote's own characters are gone. A copy that carries the stored context as far as
    // it reaches inside the paragraph (and the same paragraph edges) looks exactly like the
    // quote's paragraph having moved, which must be followed: no resolver that sees only the
    // selectors can tell the two apart, so that copy is accepted as the place. Any other copy
    // (a recap with other words around it) is other words: orphan.
    const { exact, prefix, suffix } = selectors.quote;
    // A copy with the whole stored context, character for character, comes first.
    const occurrences: number[] = [];
    for (let at = revised.indexOf(exact); at !== -1; at = revised.indexOf(exact, at + 1)) occurrences.push(at);
    const whole = occurrences.filter((at) => revised.slice(Math.max(0, at - CONTEXT_LENGTH), at) === prefix && revised.slice(at + exact.length, at + exact.length + CONTEXT_LENGTH) === suffix);
    const copies = whole.length > 0 ? whole : occurrences.filter((at) => hasSameParagraphContext(revised, at, at + exact.length, prefix, suffix));
    return copies.length === 1 ? { expected: { start: copies[0]!, end: copies[0]! + exact.length }, expectedReason: 'selector-copy' } : { expected: null, expectedReason: 'destroyed' };
  }
  const words = revised.slice(span.start, span.end);
  const storedHolds = span.start === selectors.position.start && span.end === selectors.position.end && words === selectors.quote.exact;
  if (!storedHolds) {
    const own = windowsOf(revised, span);
    for (let at = revised.indexOf(words); at !== -1; at = revised.indexOf(words, at + 1)) {
      if (at !== span.start && windowsOf(revised, { start: at, end: at + words.length }) === own) return { expected: null, expectedReason: 'indistinguishable' };
    }
  }
  return { expected: span, expectedReason: 'survives' };
}

export function buildCase(article: Article, kind: EditKind, index: number): BenchCase | null {
  const id = `${article.name}/${kind}/${index}`;
  const rng = createRng(seedFrom(id));
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const quoteKind = quoteKindFor(kind, rng);
    const quote = chooseQuote(article.text, rng, quoteKind);
    if (!quote) continue;
    let doc: Doc = { text: article.text, spans: [quote] };
    let typoFix: (Span & { word: string }) | null = null;
    if (kind === 'typo-fix' || (kind === 'combination' && rng.chance(0.5))) {
      const planted = plantTypo(doc, rng, 0);
      if (!planted) continue;
      doc = { text: planted.doc.text, spans: [...planted.doc.spans, planted.fix] };
      typoFix = planted.fix;
    }
    const selectors = describeTextRange(doc.text, doc.spans[0]!.start, doc.spans[0]!.end);
    const built = applyEdit(kind, doc, rng, typoFix);
    if (!built) continue;
    return {
      id,
      article: article.name,
      kind,
      quoteKind,
      edits: built.edits,
      selectors,
      revised: built.doc.text,
      ...groundTruth(built.doc.text, built.doc.spans[0] ?? null, selectors),
    };
  }
  return null;
}

export function buildCorpus(articles: readonly Article[], casesPerKindPerArticle: number): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const article of articles) {
    for (const kind of EDIT_KINDS) {
      for (let i = 0; i < casesPerKindPerArticle; i += 1) {
        const built = buildCase(article, kind, i);
        if (built) cases.push(built);
      }
    }
  }
  return cases;
}

// ---- The long article for the timing run ----------------------------------------------------

/** ~targetLength characters of distinct news paragraphs, varied from the corpus texts. */
export function buildLongArticle(articles: readonly Article[], targetLength: number, seed: number): string {
  const rng = createRng(seed);
  const source = articles.flatMap((a) => paragraphSpans(a.text).map((p) => a.text.slice(p.start, p.end)));
  const vocabulary = [...new Set(source.join(' ').match(/\p{L}{5,}/gu) ?? [])];
  const out: string[] = [];
  let length = 0;
  for (let round = 0; length < targetLength; round += 1) {
    for (const paragraph of source) {
      const varied = round === 0 ? paragraph : paragraph.replace(/\p{L}{5,}/gu, (w) => (rng.chance(0.2) ? rng.pick(vocabulary) : w));
      out.push(varied);
      length += varied.length + 2;
      if (length >= targetLength) break;
    }
  }
  return joinParagraphs(out);
}

export type TimingSet = { revised: string; selectors: TextSelectors[]; expected: (Span | null)[] };

/** 500 anchors on a long article, then one revision with many edits of the kinds above. */
export function buildTimingSet(articles: readonly Article[], anchorCount: number, targetLength: number, seed: number): TimingSet {
  const rng = createRng(seed);
  const text = buildLongArticle(articles, targetLength, seed);
  const quotes: Span[] = [];
  while (quotes.length < anchorCount) {
    const quote = chooseQuote(text, rng, quoteKindFor('unchanged', rng));
    if (quote) quotes.push(quote);
  }
  let doc: Doc = { text, spans: quotes };
  const fixes: string[] = [];
  for (let i = 0; i < anchorCount / 10; i += 1) {
    const planted = plantTypo(doc, rng, rng.int(0, anchorCount));
    if (!planted) continue;
    // The fix spans ride after the quotes so that later plantings move them too.
    doc = { text: planted.doc.text, spans: [...planted.doc.spans, planted.fix] };
    fixes.push(planted.fix.word);
  }
  const selectors = doc.spans.slice(0, anchorCount).map((s) => describeTextRange(doc.text, s!.start, s!.end));
  for (let i = 0; i < fixes.length; i += 1) {
    const at = doc.spans[anchorCount + i];
    if (at) doc = replaceText(doc, at.start, at.end, fixes[i]!, true);
  }
  for (let i = 0; i < 60; i += 1) {
    const paragraphs = paragraphSpans(doc.text);
    const roll = rng.next();
    if (roll < 0.4) {
      const at = rng.pick(paragraphs).start;
      doc = replaceText(doc, at, at, fillerParagraph(rng) + '\n\n');
    } else if (roll < 0.7) {
      const paragraph = rng.pick(paragraphs);
      doc = deleteSentence(doc, rng.pick(sentenceSpans(doc.text, paragraph)), paragraph);
    } else {
      doc = moveParagraph(doc, rng.int(0, paragraphs.length), rng.int(0, paragraphs.length - 1));
    }
  }
  const expected = doc.spans.slice(0, anchorCount).map((span, i) => groundTruth(doc.text, span, selectors[i]!).expected);
  return { revised: doc.text, selectors, expected };
}
