// Re-attaches a stored anchor to (possibly revised) text: the stored position if it still
// holds the quote, else the exact occurrence of the quote that its context singles out, else a
// fuzzy match that must clear a threshold. Anything less becomes an orphan: an anchor is never
// silently placed on the wrong words, and "cannot tell two places apart" counts as "less".
import search from 'approx-string-match';
import type { TextSelectors } from './selectors';

export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphan';
export type AnchorResult =
  | { state: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { state: 'orphan'; score: number; start: null; end: null };

export type ResolveAnchorOptions = {
  /** Combined score (quote 70 %, context 30 %) a fuzzy match needs. */
  fuzzyThreshold?: number;
};

/**
 * A fuzzy match is accepted from this combined score up. Calibrated on the benchmark
 * (bench/anchoring): typo fixes and one changed word inside a quote still attach, while a
 * rewritten sentence that keeps some of the words does not.
 */
export const DEFAULT_FUZZY_THRESHOLD = 0.75;
/** The quote itself must be at least this similar, whatever the context says. */
const MIN_QUOTE_SIMILARITY = 0.7;
/** Errors the approximate search allows, as a share of the quote's length. */
const MAX_ERROR_RATE = 0.3;
/** Quotes with fewer words than this occur by chance: they move only with strong context. */
const SHORT_QUOTE_WORDS = 4;
/**
 * Two candidates whose context scores (sum of both sides, 0..2) are this close cannot be told
 * apart: orphan rather than guess. A perfect context still beats an imperfect one.
 */
const AMBIGUITY_MARGIN = 0.06;
/** Context may be pushed this far from the quote by an insertion and still count. */
const CONTEXT_SLACK = 64;
/** Context scores (0..2) this close are a close call that closeness to the old position may settle. */
const CLOSE_CALL = 0.3;
/**
 * Up to this length the whole text is searched approximately; beyond it (one search costs about
 * a millisecond per 50,000 characters) only where the old position, the stored context or the
 * quote's own first and last words point.
 */
const WHOLE_TEXT_SEARCH_LIMIT = 20_000;
/** Errors allowed when looking for a context pushed away from the quote. */
const CONTEXT_ERROR_RATE = 0.15;
/** A candidate this close to the old position may rely on one side of its context. */
const NEAR_DISTANCE = 100;
const PARAGRAPH_BREAK = '\n\n';

const orphan = (score = 0): AnchorResult => ({ state: 'orphan', score, start: null, end: null });

type Side = 'prefix' | 'suffix';

/**
 * How well the stored context on one side is found next to a candidate, in [0, 1]: 1 when it
 * is intact, a little less when an insertion pushed it away or a few characters changed, and
 * 0.6 to 0.9 when the only evidence is the paragraph structure (the same paragraph edge at the
 * same distance, with the same words in between): a moved paragraph keeps that.
 */
function sideScore(text: string, start: number, end: number, stored: string, side: Side, contextLength: number): number {
  const isAtTextEdge = stored.length < contextLength;
  // Compared over the full context length, so a stored context cut short by the text's edge
  // only matches at that edge.
  const adjacent = side === 'prefix' ? text.slice(Math.max(0, start - contextLength), start) : text.slice(end, end + contextLength);
  if (adjacent === stored) return 1;
  let score = 0;
  const from = side === 'prefix' ? Math.max(0, start - stored.length - CONTEXT_SLACK) : end;
  const to = side === 'prefix' ? start : Math.min(text.length, end + stored.length + CONTEXT_SLACK);
  // A few characters cut short by the text's edge say nothing on their own, wherever they recur.
  if (stored.length >= 8 && to > from) {
    // Paragraph breaks and the text's edges weigh as much as a word: a copy of the sentence
    // elsewhere often differs from the original only in where its paragraph ends.
    const edge = side === 'prefix' ? (isAtTextEdge ? STRUCTURE_MARK : '') : isAtTextEdge ? STRUCTURE_MARK : '';
    const pattern = side === 'prefix' ? edge + markStructure(stored, side) : markStructure(stored, side) + edge;
    const window = side === 'prefix' ? (from === 0 ? STRUCTURE_MARK : '') + markStructure(text.slice(from, to), side) : markStructure(text.slice(from, to), side) + (to === text.length ? STRUCTURE_MARK : '');
    const matches = search(window, pattern, Math.floor(pattern.length * CONTEXT_ERROR_RATE));
    let fewest = pattern.length;
    for (const m of matches) if (m.errors < fewest) fewest = m.errors;
    // A little below 1 even with no error: an intact context right next to the quote wins.
    score = 0.95 * (1 - fewest / pattern.length);
    // Near-identical words with the paragraph ending elsewhere are a copy (a quotation of the
    // sentence, say), not the original: too weak to move an anchor on their own.
    if (!isParagraphEdgeAligned(text, start, end, stored, side)) score = Math.min(score, MISALIGNED_EDGE_SCORE);
  }
  return Math.max(score, lostWordScore(text, start, end, stored, side), paragraphEdgeScore(text, start, end, stored, side, isAtTextEdge));
}

const MISALIGNED_EDGE_SCORE = 0.55;

/**
 * When the stored context reaches a paragraph edge, is there one at the same distance from
 * the candidate? (A context without an edge has nothing to align.)
 */
function isParagraphEdgeAligned(text: string, start: number, end: number, stored: string, side: Side): boolean {
  if (side === 'suffix') {
    const at = stored.indexOf('\n');
    if (at === -1) return true;
    return end + at === text.length || text[end + at] === '\n';
  }
  const at = stored.lastIndexOf('\n');
  if (at === -1) return true;
  const distance = stored.length - 1 - at;
  return start - distance - 1 < 0 ? start - distance === 0 : text[start - distance - 1] === '\n';
}

/** The word right next to the quote was deleted and the rest of the context is intact. */
function lostWordScore(text: string, start: number, end: number, stored: string, side: Side): number {
  if (side === 'prefix') {
    const cut = stored.trimEnd().lastIndexOf(' ');
    const rest = cut === -1 ? '' : stored.slice(0, cut + 1);
    return rest.length >= 16 && start >= rest.length && text.startsWith(rest, start - rest.length) ? 0.85 : 0;
  }
  const cut = stored.trimStart().indexOf(' ');
  const rest = cut === -1 ? '' : stored.slice(stored.length - stored.trimStart().length + cut);
  return rest.length >= 16 && text.startsWith(rest, end) ? 0.85 : 0;
}

/**
 * The stored context crossed a paragraph edge (or the text's edge): is the candidate the same
 * distance from a paragraph edge, with the same words in between? Right next to it scores 0.9
 * (0.6 when there are fewer than 8 such words); pushed away by a short insertion, a little less.
 */
const STRUCTURE_MARK = '\u2029'.repeat(6);
/** Paragraph breaks (also one cut in half by the 32-character limit) become a word-sized mark. */
function markStructure(context: string, side: Side): string {
  const marked = context.replaceAll(PARAGRAPH_BREAK, STRUCTURE_MARK);
  if (side === 'suffix' && marked.endsWith('\n')) return marked.slice(0, -1) + STRUCTURE_MARK;
  if (side === 'prefix' && marked.startsWith('\n')) return STRUCTURE_MARK + marked.slice(1);
  return marked;
}

function paragraphEdgeScore(text: string, start: number, end: number, stored: string, side: Side, isAtTextEdge: boolean): number {
  const cut = side === 'prefix' ? stored.lastIndexOf(PARAGRAPH_BREAK) : stored.indexOf(PARAGRAPH_BREAK);
  if (cut === -1 && !isAtTextEdge) return 0;
  const inner = cut === -1 ? stored : side === 'prefix' ? stored.slice(cut + PARAGRAPH_BREAK.length) : stored.slice(0, cut);
  const weight = inner.length >= 8 ? 0.9 : 0.6;
  if (side === 'prefix') {
    const at = start - inner.length;
    const isEdgeAt = (p: number) => p === 0 || (p >= PARAGRAPH_BREAK.length && text.startsWith(PARAGRAPH_BREAK, p - PARAGRAPH_BREAK.length));
    if (at >= 0 && text.startsWith(inner, at) && isEdgeAt(at)) return weight;
    const paragraphStart = text.lastIndexOf(PARAGRAPH_BREAK, start - 1);
    const from = paragraphStart === -1 ? 0 : paragraphStart + PARAGRAPH_BREAK.length;
    return inner.length >= 8 && start - from <= inner.length + CONTEXT_SLACK && text.startsWith(inner, from) ? weight - 0.05 : 0;
  }
  const at = end + inner.length;
  const isEdgeAt = (p: number) => p === text.length || text.startsWith(PARAGRAPH_BREAK, p);
  if (at <= text.length && text.startsWith(inner, end) && isEdgeAt(at)) return weight;
  const found = text.indexOf(PARAGRAPH_BREAK, end);
  const paragraphEnd = found === -1 ? text.length : found;
  return inner.length >= 8 && paragraphEnd - end <= inner.length + CONTEXT_SLACK && text.slice(paragraphEnd - inner.length, paragraphEnd) === inner ? weight - 0.05 : 0;
}

type Context = { prefix: number; suffix: number; sum: number; best: number };

function scoreContext(text: string, start: number, end: number, selectors: TextSelectors, contextLength: number): Context {
  const { prefix, suffix } = selectors.quote;
  const prefixScore = sideScore(text, start, end, prefix, 'prefix', contextLength);
  const suffixScore = sideScore(text, start, end, suffix, 'suffix', contextLength);
  return { prefix: prefixScore, suffix: suffixScore, sum: prefixScore + suffixScore, best: Math.max(prefixScore, suffixScore) };
}

/**
 * Whether a candidate's context is enough to move the quote there: both sides, or one side
 * strongly when the candidate is near the old position (an edit right next to the quote). A
 * copy of the quote elsewhere that keeps only one side of its context (a recap, a pull quote)
 * is not enough. Short quotes occur by chance, so they also need one strong side.
 */
function hasContextSupport(context: Context, isShort: boolean, distance: number): boolean {
  if (isShort && context.best < 0.85) return false;
  return (context.prefix >= 0.6 && context.suffix >= 0.6) || (context.best >= 0.85 && distance <= NEAR_DISTANCE);
}

function isAmbiguous(best: number, second: number | undefined): boolean {
  if (second === undefined) return false;
  return best >= 2 ? second >= 2 : second >= best - AMBIGUITY_MARGIN;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_'’-]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/**
 * Moves a fuzzy match's edges onto whole words (never half a word), shaped like the quote's
 * own edges: a quote starting with a word starts at a word start; one starting with
 * punctuation starts at that mark when it is there, else at the start of a token.
 */
function snapToWords(text: string, start: number, end: number, exact: string): { start: number; end: number } {
  const first = exact[0]!;
  const last = exact[exact.length - 1]!;
  let s = start;
  let e = end;
  const reach = 3;
  if (isWordChar(first)) {
    while (s > 0 && isWordChar(text[s - 1]) && isWordChar(text[s])) s -= 1;
    let moved = 0;
    while (s < e && !isWordChar(text[s]) && moved < reach) {
      s += 1;
      moved += 1;
    }
  } else if (text[s] !== first) {
    const near = text.slice(Math.max(0, s - reach), s + reach + 1).indexOf(first);
    if (near !== -1) s = Math.max(0, s - reach) + near;
    else {
      while (s > 0 && !isSpace(text[s - 1]) && !isSpace(text[s])) s -= 1;
      while (s < e && isSpace(text[s])) s += 1;
    }
  }
  if (isWordChar(last)) {
    while (e < text.length && isWordChar(text[e - 1]) && isWordChar(text[e])) e += 1;
    let moved = 0;
    while (e > s && !isWordChar(text[e - 1]) && moved < reach) {
      e -= 1;
      moved += 1;
    }
  } else if (text[e - 1] !== last) {
    const from = Math.max(s, e - reach - 1);
    const near = text.slice(from, e + reach).lastIndexOf(last);
    if (near !== -1) e = from + near + 1;
    else {
      while (e < text.length && !isSpace(text[e - 1]) && !isSpace(text[e])) e += 1;
      while (e > s && isSpace(text[e - 1])) e -= 1;
    }
  }
  return e > s ? { start: s, end: e } : { start, end };
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) found.push(index);
  return found;
}

/**
 * Picks the occurrence the context singles out, or says it cannot. When two occurrences both
 * have context support and their scores are a close call, the one much nearer the old
 * position wins (a copy of the sentence elsewhere keeps most of its context); when the
 * context is the same, or closeness does not settle it either, nobody can tell: ambiguous.
 */
function chooseAmong<T extends { start: number; context: Context }>(ranked: readonly T[], isShort: boolean, oldStart: number): T | 'ambiguous' | null {
  const best = ranked[0];
  if (!best) return null;
  const distance = (c: T) => Math.abs(c.start - oldStart);
  const second = ranked[1];
  if (second && isAmbiguous(best.context.sum, second.context.sum)) return 'ambiguous';
  const bestSupported = hasContextSupport(best.context, isShort, distance(best));
  if (second && hasContextSupport(second.context, isShort, distance(second)) && best.context.sum - second.context.sum < CLOSE_CALL) {
    const [near, far] = distance(best) <= distance(second) ? [best, second] : [second, best];
    if (distance(far) >= 2 * distance(near) + 2 * CONTEXT_SLACK && hasContextSupport(near.context, isShort, distance(near))) return near;
    // Closeness does not settle it; an intact context on both sides still beats a partial one.
    return best.context.sum >= 2 && second.context.sum < 2 && bestSupported ? best : 'ambiguous';
  }
  if (second && bestSupported && second.context.best >= 0.85 && distance(best) >= 1.5 * distance(second) + 2 * CONTEXT_SLACK) {
    // The context points to one place and closeness to another one that has context too: the
    // original may have been edited next to the quote while a copy kept the old context.
    return 'ambiguous';
  }
  return bestSupported ? best : null;
}

type Match = { start: number; end: number; errors: number };

/**
 * Approximate matches of the quote, sorted by start. The search reports only the matches with
 * the fewest errors in the text it is given, so a lightly edited quote in its own context would
 * be hidden by a closer copy elsewhere; it is searched for again where the context says the
 * quote should be (after its prefix, before its suffix, around the old position).
 */
function findApproximateMatches(text: string, selectors: TextSelectors, maxErrors: number): Match[] {
  const { exact, prefix, suffix } = selectors.quote;
  const span = exact.length + maxErrors + CONTEXT_SLACK;
  const windows: [number, number][] = [[selectors.position.start - span, selectors.position.end + span]];

  const prefixTail = prefix.slice(-16);
  if (prefixTail.length >= 8) {
    let count = 0;
    for (let at = text.indexOf(prefixTail); at !== -1 && count < 8; at = text.indexOf(prefixTail, at + 1), count += 1) windows.push([at + prefixTail.length, at + prefixTail.length + span]);
  }
  // A typo or a changed word leaves the quote's own first or last words intact.
  for (const piece of [exact.slice(0, 16), exact.slice(-16)]) {
    if (piece.length < 8) continue;
    let count = 0;
    for (let at = text.indexOf(piece); at !== -1 && count < 8; at = text.indexOf(piece, at + 1), count += 1) windows.push([at - span, at + span]);
  }
  const suffixHead = suffix.slice(0, 16);
  if (suffixHead.length >= 8) {
    let count = 0;
    for (let at = text.indexOf(suffixHead); at !== -1 && count < 8; at = text.indexOf(suffixHead, at + 1), count += 1) windows.push([at - span, at]);
  }
  // Overlapping windows are searched once, as their union.
  const merged: [number, number][] = [];
  for (const [from, to] of windows.map(([f, t]): [number, number] => [Math.max(0, f), Math.min(text.length, t)]).sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  // The whole text on its own, not merged: its lowest-error matches would hide the local ones.
  if (text.length <= WHOLE_TEXT_SEARCH_LIMIT) merged.push([0, text.length]);
  const seen = new Set<string>();
  const found: Match[] = [];
  for (const [a, b] of merged) {
    if (b - a < exact.length - maxErrors) continue;
    for (const m of a === 0 && b === text.length ? search(text, exact, maxErrors) : search(text.slice(a, b), exact, maxErrors)) {
      const key = `${a + m.start}:${a + m.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ start: a + m.start, end: a + m.end, errors: m.errors });
    }
  }
  return found.sort((x, y) => x.start - y.start || x.end - y.end);
}

type Candidate = { start: number; end: number; score: number; context: Context };

export function resolveAnchor(text: string, selectors: TextSelectors, options: ResolveAnchorOptions = {}): AnchorResult {
  const { exact, prefix, suffix } = selectors.quote;
  const { start: oldStart, end: oldEnd } = selectors.position;
  if (exact.length === 0) return orphan();

  const contextLength = Math.max(prefix.length, suffix.length, 32);
  const isShort = countWords(exact) < SHORT_QUOTE_WORDS;
  const holdsStoredPosition = oldEnd <= text.length && oldStart >= 0 && text.slice(oldStart, oldEnd) === exact;
  if (holdsStoredPosition && text.slice(Math.max(0, oldStart - contextLength), oldStart) === prefix && text.slice(oldEnd, oldEnd + contextLength) === suffix) {
    return { state: 'exact', start: oldStart, end: oldEnd, score: 1 };
  }

  const occurrences = exactOccurrences(text, exact);
  if (occurrences.length > 0) {
    const ranked = occurrences
      .map((start) => ({ start, context: scoreContext(text, start, start + exact.length, selectors, contextLength) }))
      .sort((a, b) => b.context.sum - a.context.sum || Math.abs(a.start - oldStart) - Math.abs(b.start - oldStart));
    const best = ranked[0]!;
    if (holdsStoredPosition) {
      // The stored position wins unless another occurrence's context is clearly better (the
      // quote was duplicated so that a copy landed exactly where the original was).
      const stored = ranked.find((r) => r.start === oldStart)!;
      const isStoredBest = stored === best || !(best.context.sum > stored.context.sum + AMBIGUITY_MARGIN && hasContextSupport(best.context, isShort, 0));
      return isStoredBest ? { state: 'exact', start: oldStart, end: oldEnd, score: 1 } : { state: 'moved', start: best.start, end: best.start + exact.length, score: 1 };
    }
    const chosen = chooseAmong(ranked, isShort, oldStart);
    if (chosen === 'ambiguous') return orphan(best.context.sum / 2);
    if (chosen) return { state: 'moved', start: chosen.start, end: chosen.start + exact.length, score: 1 };
    // No occurrence has the quote's context: the words may still be there, slightly edited.
  }

  const threshold = options.fuzzyThreshold ?? DEFAULT_FUZZY_THRESHOLD;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return orphan();
  // Overlapping matches are one place: only its reading with the fewest errors is scored.
  const places: Match[] = [];
  let placeEnd = -1;
  for (const match of findApproximateMatches(text, selectors, maxErrors)) {
    const last = places[places.length - 1];
    if (last && match.start < placeEnd) {
      if (match.errors < last.errors) places[places.length - 1] = match;
      placeEnd = Math.max(placeEnd, match.end);
      continue;
    }
    places.push(match);
    placeEnd = match.end;
  }
  const clusters: Candidate[] = [];
  for (const match of places) {
    const quoteSimilarity = 1 - match.errors / exact.length;
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) continue;
    // The quote's exact text needs no snapping, even when an edit glued a word to it.
    const { start, end } = match.errors === 0 ? match : snapToWords(text, match.start, match.end, exact);
    const context = scoreContext(text, start, end, selectors, contextLength);
    const score = 0.7 * quoteSimilarity + 0.3 * (context.sum / 2);
    clusters.push({ start, end, score, context });
  }
  if (clusters.length === 0) return orphan();
  clusters.sort((a, b) => b.score - a.score);
  const best = clusters[0]!;
  const second = clusters[1];
  if (best.score < threshold || !hasContextSupport(best.context, isShort, Math.abs(best.start - oldStart))) return orphan(best.score);
  if (second && second.score >= best.score - AMBIGUITY_MARGIN / 2) return orphan(best.score);
  return { state: 'fuzzy', start: best.start, end: best.end, score: best.score };
}

export function resolveAnchors(text: string, selectorsList: readonly TextSelectors[], options: ResolveAnchorOptions = {}): AnchorResult[] {
  return selectorsList.map((selectors) => resolveAnchor(text, selectors, options));
}
