// Re-attaches a stored anchor to (possibly revised) text: the stored position if it still
// holds the quote, else the best exact occurrence of the quote, else a fuzzy match that must
// clear a threshold. Anything less becomes an orphan: never silently the wrong words.
import search from 'approx-string-match';
import type { TextSelectors } from './selectors';

export type AnchorState = 'exact' | 'moved' | 'fuzzy' | 'orphan';
export type AnchorResult =
  | { state: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { state: 'orphan'; score: number; start: null; end: null };

/**
 * A fuzzy match is accepted from this combined score up. Calibrated so that typo fixes and
 * small wording changes inside a quote (a few characters in a sentence) still attach, while a
 * rewritten sentence that shares only some words (quote similarity below ~0.8) does not.
 */
export const DEFAULT_FUZZY_THRESHOLD = 0.75;
/** The quote itself must be at least this similar, whatever the context says. */
const MIN_QUOTE_SIMILARITY = 0.8;
const MAX_ERROR_RATE = 0.25;

/** Similarity in [0, 1] of `a` to the best-matching stretch of `b` (both short strings). */
function contextSimilarity(expected: string, actual: string, side: 'prefix' | 'suffix'): number {
  if (expected.length === 0) return 1;
  // Compare aligned on the side touching the quote: the end of prefixes, the start of suffixes.
  const a = side === 'prefix' ? expected.slice(-actual.length || undefined) : expected.slice(0, actual.length || undefined);
  if (a.length === 0) return actual.length === 0 ? 1 : 0;
  const matches = search(actual, a, a.length);
  const best = matches.reduce((min, m) => Math.min(min, m.errors), a.length);
  return 1 - best / Math.max(a.length, 1);
}

function scoreContext(text: string, start: number, end: number, selectors: TextSelectors): number {
  const { prefix, suffix } = selectors.quote;
  const actualPrefix = text.slice(Math.max(0, start - prefix.length), start);
  const actualSuffix = text.slice(end, end + suffix.length);
  const prefixScore = prefix ? contextSimilarity(prefix, actualPrefix, 'prefix') : 1;
  const suffixScore = suffix ? contextSimilarity(suffix, actualSuffix, 'suffix') : 1;
  return (prefixScore + suffixScore) / 2;
}

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) found.push(index);
  return found;
}

export function resolveAnchor(
  text: string,
  selectors: TextSelectors,
  options: { fuzzyThreshold?: number } = {},
): AnchorResult {
  const { exact } = selectors.quote;
  const { start: oldStart, end: oldEnd } = selectors.position;
  if (exact.length === 0) return { state: 'orphan', score: 0, start: null, end: null };

  if (oldEnd <= text.length && oldStart >= 0 && text.slice(oldStart, oldEnd) === exact) {
    return { state: 'exact', start: oldStart, end: oldEnd, score: 1 };
  }

  const occurrences = exactOccurrences(text, exact);
  if (occurrences.length > 0) {
    const ranked = occurrences
      .map((start) => ({
        start,
        context: scoreContext(text, start, start + exact.length, selectors),
        distance: Math.abs(start - oldStart),
      }))
      .sort((a, b) => b.context - a.context || a.distance - b.distance);
    const best = ranked[0]!;
    return { state: 'moved', start: best.start, end: best.start + exact.length, score: 1 };
  }

  const threshold = options.fuzzyThreshold ?? DEFAULT_FUZZY_THRESHOLD;
  const maxErrors = Math.floor(exact.length * MAX_ERROR_RATE);
  if (maxErrors === 0) return { state: 'orphan', score: 0, start: null, end: null };
  const candidates = search(text, exact, maxErrors);
  let best: { start: number; end: number; score: number } | null = null;
  for (const candidate of candidates) {
    const quoteSimilarity = 1 - candidate.errors / exact.length;
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) continue;
    const context = scoreContext(text, candidate.start, candidate.end, selectors);
    const closeness = 1 - Math.min(1, Math.abs(candidate.start - oldStart) / Math.max(text.length, 1));
    // The quote matters most; context breaks ties between near-identical passages.
    const score = (50 * quoteSimilarity + 20 * context + 2 * closeness) / 72;
    if (!best || score > best.score) best = { start: candidate.start, end: candidate.end, score };
  }
  if (best && best.score >= threshold) return { state: 'fuzzy', ...best };
  return { state: 'orphan', score: best?.score ?? 0, start: null, end: null };
}

export function resolveAnchors(
  text: string,
  selectorsList: readonly TextSelectors[],
  options: { fuzzyThreshold?: number } = {},
): AnchorResult[] {
  return selectorsList.map((selectors) => resolveAnchor(text, selectors, options));
}
