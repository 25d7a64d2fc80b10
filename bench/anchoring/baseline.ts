// A Hypothesis-style re-anchorer, for comparison: the quote where it was, else its first /
// closest exact occurrence, else the best approximate match with no threshold at all.
import search from 'approx-string-match';
import type { AnchorResult, TextSelectors } from '../../lib/anchoring';

export function resolveAnchorBaseline(text: string, selectors: TextSelectors): AnchorResult {
  const { exact } = selectors.quote;
  const { start: oldStart, end: oldEnd } = selectors.position;
  if (text.slice(oldStart, oldEnd) === exact) return { state: 'exact', start: oldStart, end: oldEnd, score: 1 };
  let best = -1;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    if (best === -1 || Math.abs(at - oldStart) < Math.abs(best - oldStart)) best = at;
  }
  if (best !== -1) return { state: 'moved', start: best, end: best + exact.length, score: 1 };
  const matches = search(text, exact, Math.min(256, Math.floor(exact.length / 2)));
  let fuzzy: { start: number; end: number; errors: number } | null = null;
  for (const m of matches) {
    if (!fuzzy || m.errors < fuzzy.errors || (m.errors === fuzzy.errors && Math.abs(m.start - oldStart) < Math.abs(fuzzy.start - oldStart))) fuzzy = m;
  }
  if (!fuzzy) return { state: 'orphan', score: 0, start: null, end: null };
  return { state: 'fuzzy', start: fuzzy.start, end: fuzzy.end, score: 1 - fuzzy.errors / exact.length };
}
