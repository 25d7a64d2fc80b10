// A paragraph-level diff between two revisions of an article: a longest common subsequence
// over identical paragraphs, then a pass that pairs a removed paragraph with a similar added
// one as `changed`, so a typo fix reads as one edited paragraph rather than a delete and an add.

export type ParagraphDiffKind = 'same' | 'added' | 'removed' | 'changed';

export type ParagraphDiffOp = {
  kind: ParagraphDiffKind;
  before: string | null;
  after: string | null;
  beforeIndex: number | null;
  afterIndex: number | null;
};

/** Removed and added paragraphs at least this similar (word overlap, 0–1) are shown as changed. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.5;
/** Above this many table cells the LCS is skipped: the middle is shown as removed, then added. */
const MAX_LCS_CELLS = 4_000_000;
/** Above this many comparisons in one run of edits, removed and added are not paired. */
const MAX_PAIRING_COMPARISONS = 250_000;

const same = (text: string, beforeIndex: number, afterIndex: number): ParagraphDiffOp => ({
  kind: 'same',
  before: text,
  after: text,
  beforeIndex,
  afterIndex,
});
const removed = (text: string, beforeIndex: number): ParagraphDiffOp => ({
  kind: 'removed',
  before: text,
  after: null,
  beforeIndex,
  afterIndex: null,
});
const added = (text: string, afterIndex: number): ParagraphDiffOp => ({
  kind: 'added',
  before: null,
  after: text,
  beforeIndex: null,
  afterIndex,
});

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Dice coefficient over the multisets of words: 1 for the same words, 0 for none in common. */
export function paragraphSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.length === 0 || wordsB.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of wordsA) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of wordsB) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(word, left - 1);
    }
  }
  return (2 * common) / (wordsA.length + wordsB.length);
}

/** Edit script for before[b0, b1) → after[a0, a1) with only same/removed/added ops. */
function lcsOps(before: readonly string[], after: readonly string[], b0: number, b1: number, a0: number, a1: number) {
  const n = b1 - b0;
  const m = a1 - a0;
  const ops: ParagraphDiffOp[] = [];
  if (n * m > MAX_LCS_CELLS) {
    for (let i = b0; i < b1; i += 1) ops.push(removed(before[i]!, i));
    for (let j = a0; j < a1; j += 1) ops.push(added(after[j]!, j));
    return ops;
  }
  // lengths[i][j] = LCS length of before[b0+i..b1) and after[a0+j..a1).
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        before[b0 + i] === after[a0 + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[b0 + i] === after[a0 + j]) {
      ops.push(same(before[b0 + i]!, b0 + i, a0 + j));
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push(removed(before[b0 + i]!, b0 + i));
      i += 1;
    } else {
      ops.push(added(after[a0 + j]!, a0 + j));
      j += 1;
    }
  }
  for (; i < n; i += 1) ops.push(removed(before[b0 + i]!, b0 + i));
  for (; j < m; j += 1) ops.push(added(after[a0 + j]!, a0 + j));
  return ops;
}

/**
 * Pairs the removed and added paragraphs of one run of edits (between two unchanged
 * paragraphs), in order: each removed paragraph takes the most similar added one still ahead
 * of the last pairing, if it clears the threshold.
 */
function pairRun(run: ParagraphDiffOp[], threshold: number): ParagraphDiffOp[] {
  const gone = run.filter((op) => op.kind === 'removed');
  const fresh = run.filter((op) => op.kind === 'added');
  if (gone.length === 0 || fresh.length === 0 || gone.length * fresh.length > MAX_PAIRING_COMPARISONS) return run;
  const ops: ParagraphDiffOp[] = [];
  let next = 0;
  for (const old of gone) {
    let best = -1;
    let bestScore = threshold;
    for (let k = next; k < fresh.length; k += 1) {
      const score = paragraphSimilarity(old.before!, fresh[k]!.after!);
      if (score >= bestScore && (best === -1 || score > bestScore)) {
        best = k;
        bestScore = score;
      }
    }
    if (best === -1) {
      ops.push(old);
      continue;
    }
    for (; next < best; next += 1) ops.push(fresh[next]!);
    const partner = fresh[best]!;
    ops.push({ kind: 'changed', before: old.before, after: partner.after, beforeIndex: old.beforeIndex, afterIndex: partner.afterIndex });
    next = best + 1;
  }
  for (; next < fresh.length; next += 1) ops.push(fresh[next]!);
  return ops;
}

export function diffParagraphs(
  before: readonly string[],
  after: readonly string[],
  options: { similarityThreshold?: number } = {},
): ParagraphDiffOp[] {
  const threshold = options.similarityThreshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  // Edits are usually local: strip the common head and tail before the quadratic part.
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head += 1;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail += 1;
  }
  const raw: ParagraphDiffOp[] = [];
  for (let i = 0; i < head; i += 1) raw.push(same(before[i]!, i, i));
  raw.push(...lcsOps(before, after, head, before.length - tail, head, after.length - tail));
  for (let k = tail; k > 0; k -= 1) raw.push(same(before[before.length - k]!, before.length - k, after.length - k));

  const ops: ParagraphDiffOp[] = [];
  let run: ParagraphDiffOp[] = [];
  for (const op of raw) {
    if (op.kind === 'same') {
      ops.push(...pairRun(run, threshold), op);
      run = [];
    } else {
      run.push(op);
    }
  }
  ops.push(...pairRun(run, threshold));
  return ops;
}
