import { describe, expect, it } from 'vitest';
import { diffParagraphs, paragraphSimilarity, type ParagraphDiffOp } from './index';

const kinds = (ops: ParagraphDiffOp[]) => ops.map((op) => op.kind);

/** Rebuilding both sides from the ops must give the inputs back, with indexes in order. */
function expectConsistent(before: string[], after: string[], ops: ParagraphDiffOp[]) {
  const rebuiltBefore = ops.filter((op) => op.beforeIndex !== null);
  const rebuiltAfter = ops.filter((op) => op.afterIndex !== null);
  expect(rebuiltBefore.map((op) => op.before)).toEqual(before);
  expect(rebuiltAfter.map((op) => op.after)).toEqual(after);
  expect(rebuiltBefore.map((op) => op.beforeIndex)).toEqual(before.map((_, i) => i));
  expect(rebuiltAfter.map((op) => op.afterIndex)).toEqual(after.map((_, i) => i));
}

describe('diffParagraphs', () => {
  it('marks every paragraph same for identical revisions', () => {
    const text = ['One.', 'Two.', 'Three.'];
    const ops = diffParagraphs(text, [...text]);
    expect(kinds(ops)).toEqual(['same', 'same', 'same']);
    expect(ops[1]).toEqual({ kind: 'same', before: 'Two.', after: 'Two.', beforeIndex: 1, afterIndex: 1 });
  });

  it('reports an inserted and a deleted paragraph with their indexes', () => {
    const before = ['Alpha paragraph.', 'Beta paragraph here.', 'Gamma paragraph.'];
    const after = ['Alpha paragraph.', 'Gamma paragraph.', 'A brand new closing remark about nothing.'];
    const ops = diffParagraphs(before, after);
    expect(ops).toEqual([
      { kind: 'same', before: 'Alpha paragraph.', after: 'Alpha paragraph.', beforeIndex: 0, afterIndex: 0 },
      { kind: 'removed', before: 'Beta paragraph here.', after: null, beforeIndex: 1, afterIndex: null },
      { kind: 'same', before: 'Gamma paragraph.', after: 'Gamma paragraph.', beforeIndex: 2, afterIndex: 1 },
      { kind: 'added', before: null, after: 'A brand new closing remark about nothing.', beforeIndex: null, afterIndex: 2 },
    ]);
  });

  it('pairs a typo fix into one changed paragraph', () => {
    const before = ['Intro.', 'The minister said unemployment fell by fourty percent last year.', 'Outro.'];
    const after = ['Intro.', 'The minister said unemployment fell by forty percent last year.', 'Outro.'];
    const ops = diffParagraphs(before, after);
    expect(kinds(ops)).toEqual(['same', 'changed', 'same']);
    expect(ops[1]).toMatchObject({ beforeIndex: 1, afterIndex: 1, before: before[1], after: after[1] });
  });

  it('keeps unrelated replacements as removed and added', () => {
    const before = ['Intro.', 'Rain is expected across the north on Sunday.', 'Outro.'];
    const after = ['Intro.', 'The central bank raised interest rates again.', 'Outro.'];
    expect(kinds(diffParagraphs(before, after))).toEqual(['same', 'removed', 'added', 'same']);
  });

  it('pairs in order inside a run of edits and leaves the rest as added or removed', () => {
    const before = ['Head.', 'The council approved the budget on Monday evening.', 'This sentence was cut entirely from the story.', 'Tail.'];
    const after = [
      'Head.',
      'A new paragraph about something else altogether.',
      'The council approved the new budget on Monday evening.',
      'Tail.',
    ];
    const ops = diffParagraphs(before, after);
    expect(kinds(ops)).toEqual(['same', 'added', 'changed', 'removed', 'same']);
    expect(ops[2]).toMatchObject({ beforeIndex: 1, afterIndex: 2 });
    expectConsistent(before, after, ops);
  });

  it('handles moved paragraphs, empty sides and repeated paragraphs consistently', () => {
    const cases: [string[], string[]][] = [
      [[], ['Only after.']],
      [['Only before.'], []],
      [
        ['A.', 'B.', 'C.', 'D.'],
        ['D.', 'A.', 'B.', 'C.'],
      ],
      [
        ['Same.', 'Same.', 'Other.'],
        ['Same.', 'Other.', 'Same.', 'Same.'],
      ],
    ];
    for (const [before, after] of cases) expectConsistent(before, after, diffParagraphs(before, after));
    expect(kinds(diffParagraphs(['A.', 'B.', 'C.', 'D.'], ['D.', 'A.', 'B.', 'C.']))).toEqual([
      'added',
      'same',
      'same',
      'same',
      'removed',
    ]);
  });

  it('honours a stricter similarity threshold', () => {
    const before = ['The mayor said forty percent of roads were fixed.'];
    const after = ['The mayor claimed that about forty percent of city roads had been fixed.'];
    expect(kinds(diffParagraphs(before, after))).toEqual(['changed']);
    expect(kinds(diffParagraphs(before, after, { similarityThreshold: 0.95 }))).toEqual(['removed', 'added']);
  });
});

describe('paragraphSimilarity', () => {
  it('is 1 for equal text, 0 for no common words, and ignores case and punctuation', () => {
    expect(paragraphSimilarity('Same words here.', 'Same words here.')).toBe(1);
    expect(paragraphSimilarity('alpha beta', 'gamma delta')).toBe(0);
    expect(paragraphSimilarity('Alpha, beta!', 'alpha beta')).toBe(1);
    expect(paragraphSimilarity('', 'alpha')).toBe(0);
  });
});
