// One test per kind of revision an article goes through, plus properties: each asserts where
// the anchor must land (or that it must orphan), never merely that something was returned.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlainTextArticle } from '../article-import';
import { resolveAnchor } from './resolve-anchor';
import { describeTextRange, joinParagraphs, type TextSelectors } from './selectors';

const paragraphs = parsePlainTextArticle(fs.readFileSync(path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt'), 'utf8')).paragraphs;
const article = joinParagraphs(paragraphs);

function select(text: string, quote: string): TextSelectors {
  const start = text.indexOf(quote);
  if (start < 0 || text.indexOf(quote, start + 1) !== -1) throw new Error(`not found exactly once: ${quote}`);
  return describeTextRange(text, start, start + quote.length);
}

function expectPlacedOn(text: string, selectors: TextSelectors, words: string, state?: 'exact' | 'moved' | 'fuzzy') {
  const result = resolveAnchor(text, selectors);
  const start = text.indexOf(words);
  expect(start, 'the expected words are in the revised text once').toBeGreaterThanOrEqual(0);
  expect(text.indexOf(words, start + 1)).toBe(-1);
  expect(result).toMatchObject({ start, end: start + words.length, ...(state ? { state } : {}) });
}

const sentence = 'Sevryukov went on to claim that this cell phone usage "allowed the enemy to locate the personnel for launching the missile strike."';
const clause = 'many Russians seemed to disagree with the stance';

describe('resolveAnchor, revision by revision', () => {
  it('follows an insertion before the quote, even right next to it', () => {
    const selectors = select(article, clause);
    expectPlacedOn('Editor’s note: this story was updated.\n\n' + article, selectors, clause, 'moved');
    const adjacent = article.replace(clause, 'reportedly ' + clause);
    const result = resolveAnchor(adjacent, selectors);
    expect(result.state).toBe('moved');
    expect(adjacent.slice(result.start!, result.end!)).toBe(clause);
  });

  it('stays put after an insertion after the quote', () => {
    const selectors = select(article, clause);
    expect(resolveAnchor(article.replace(clause, clause + ', officials noted,'), selectors)).toMatchObject({ state: 'exact', start: selectors.position.start });
  });

  it('follows deletions around the quote: a paragraph before it, the word just after it', () => {
    const selectors = select(article, clause);
    expectPlacedOn(article.replace(paragraphs[1]! + '\n\n', ''), selectors, clause, 'moved');
    const withoutWord = article.replace('In a statement posted late Tuesday', 'In a statement late Tuesday');
    expectPlacedOn(withoutWord, selectors, clause, 'moved');
    // The word just before the quote deleted, and its paragraph moved: one side is intact, the
    // other lost only that word.
    const index = paragraphs.findIndex((p) => p.includes(clause));
    const edited = paragraphs.map((p, i) => (i === index ? p.replace('dissidence, ' + clause, clause) : p));
    const [paragraph] = edited.splice(index, 1);
    expectPlacedOn(joinParagraphs([paragraph!, ...edited]), selectors, clause, 'moved');
  });

  it('follows its paragraph when the paragraph moves, a whole-paragraph quote included', () => {
    const index = paragraphs.findIndex((p) => p.includes(clause));
    const moved = [...paragraphs];
    const [paragraph] = moved.splice(index, 1);
    moved.splice(0, 0, paragraph!);
    const text = joinParagraphs(moved);
    expectPlacedOn(text, select(article, clause), clause, 'moved');
    expectPlacedOn(text, select(article, paragraph!), paragraph!, 'moved');
  });

  it('attaches fuzzily after a typo fix inside the quote, on exactly the corrected words', () => {
    const typo = article.replace(sentence, sentence.replace('personnel', 'personel'));
    const result = resolveAnchor(article, select(typo, sentence.replace('personnel', 'personel')));
    expect(result.state).toBe('fuzzy');
    expect(result.score).toBeGreaterThan(0.9);
    expect(article.slice(result.start!, result.end!)).toBe(sentence);
  });

  it('snaps a fuzzy match to whole words when the quote’s last word changed', () => {
    const quote = "The attack, which occurred on New Year's Day and targeted a base housing conscripted soldiers";
    const revised = article.replace(quote, quote.replace('soldiers', 'troops'));
    const result = resolveAnchor(revised, select(article, quote));
    expect(result.state).toBe('fuzzy');
    expect(revised.slice(result.start!, result.end!)).toBe(quote.replace('soldiers', 'troops'));
  });

  it('orphans a rewrite of the quoted sentence, even one that keeps some of its words', () => {
    const rewritten = article.replace(sentence, 'He later claimed the phones let the enemy find the personnel before the strike.');
    expect(resolveAnchor(rewritten, select(article, sentence))).toMatchObject({ state: 'orphan', start: null, end: null });
    const clauseRewritten = article.replace(clause, 'several Russians appeared to reject the view');
    expect(resolveAnchor(clauseRewritten, select(article, clause)).state).toBe('orphan');
  });

  it('stays on the original when the quoted sentence is duplicated elsewhere and the text shifted', () => {
    const recap = joinParagraphs([paragraphs[0]!, `Recap: ${sentence} That claim has been disputed.`, ...paragraphs.slice(1)]);
    expect(recap.indexOf(sentence)).toBeLessThan(recap.lastIndexOf(sentence));
    const original = recap.indexOf('\n\n' + sentence + '\n\n') + 2;
    expect(resolveAnchor(recap, select(article, sentence))).toMatchObject({ state: 'moved', start: original, end: original + sentence.length });
  });

  it('orphans when the sentence was copied elsewhere and the original deleted', () => {
    const index = paragraphs.findIndex((p) => p === sentence);
    const revised = [...paragraphs];
    revised.splice(index, 1);
    revised.splice(1, 0, `Recap: ${sentence} That claim has been disputed.`);
    expect(resolveAnchor(joinParagraphs(revised), select(article, sentence)).state).toBe('orphan');
  });

  it('orphans a clause whose paragraph was deleted and quoted elsewhere, even when only a closing quote mark tells them apart', () => {
    // The words around the copy match the stored context but for where the paragraph ends.
    const quote = 'enemy to locate the personnel for';
    const index = paragraphs.findIndex((p) => p === sentence);
    const revised = [...paragraphs];
    revised.splice(index, 1);
    revised.splice(revised.length - 2, 0, `One reader quoted the passage in a letter: “${sentence}”`);
    const text = joinParagraphs(revised);
    expect(text.split(quote)).toHaveLength(2);
    expect(resolveAnchor(text, select(article, quote)).state).toBe('orphan');
  });

  it('orphans rather than guess between two occurrences with the same context', () => {
    const index = paragraphs.findIndex((p) => p.includes(clause));
    // The paragraph is repeated further on and the text before the original grew: both copies
    // have the same 32 characters around the quote.
    const revised = joinParagraphs(['A new opening paragraph.', ...paragraphs.slice(0, index + 3), paragraphs[index]!, ...paragraphs.slice(index + 3)]);
    expect(resolveAnchor(revised, select(article, clause)).state).toBe('orphan');
  });

  it('orphans a deleted quote', () => {
    const quote = 'Pegov also warned that more death would come if the Russians kept blaming each other.';
    expect(resolveAnchor(article.replace(' ' + quote, ''), select(article, quote))).toMatchObject({ state: 'orphan', start: null });
  });

  it('attaches across whitespace and punctuation changes inside the quote', () => {
    const quote = 'reportedly left 89 people dead and dozens wounded';
    const spaced = article.replace(quote, 'reportedly left 89  people dead, and dozens wounded');
    const result = resolveAnchor(spaced, select(article, quote));
    expect(result.state).toBe('fuzzy');
    expect(spaced.slice(result.start!, result.end!)).toBe('reportedly left 89  people dead, and dozens wounded');
    const curly = 'it was "already obvious that the main reason';
    const straightened = article.replace(curly, 'it was “already obvious that the main reason');
    expectPlacedOn(straightened, select(article, curly), 'it was “already obvious that the main reason', 'fuzzy');
  });

  it('needs context before moving a short quote: a stray occurrence elsewhere is not it', () => {
    const text = 'The mayor said costs rose. Later, the auditor said costs rose sharply in 2021.';
    const second = describeTextRange(text, text.lastIndexOf('said costs rose'), text.lastIndexOf('said costs rose') + 'said costs rose'.length);
    // The auditor's sentence is rewritten: only the mayor's "said costs rose" is left.
    const revised = 'Update: The mayor said costs rose. Later, the auditor reported a sharp increase in 2021.';
    expect(resolveAnchor(revised, second).state).toBe('orphan');
    // With its context intact it moves.
    const shifted = 'Update: ' + text;
    expect(resolveAnchor(shifted, second)).toMatchObject({ state: 'moved', start: shifted.lastIndexOf('said costs rose') });
  });
});

type OutsideEdit = { before: boolean; where: number; insert: string; deleteLength: number };

describe('resolveAnchor, properties', () => {
  const quotes = [sentence, clause, 'reportedly left 89 people dead and dozens wounded', 'a nationally known blogger who publishes pro-Russian propaganda'];
  const edit = fc.record({
    before: fc.boolean(),
    where: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    insert: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('\n\n', ' ', 'The council said. ', 'New paragraph.\n\n')),
    deleteLength: fc.nat({ max: 60 }),
  });

  /** Applies edits outside [start - margin, end + margin) and tracks where the quote goes. */
  function editOutside(text: string, start: number, end: number, edits: readonly OutsideEdit[], margin: number) {
    for (const e of edits) {
      const [from, to] = e.before ? [0, Math.max(0, start - margin)] : [Math.min(text.length, end + margin), text.length];
      const at = from + Math.floor(e.where * (to - from + 1));
      const removed = Math.min(e.deleteLength, to - at);
      text = text.slice(0, at) + e.insert + text.slice(at + removed);
      if (e.before) {
        start += e.insert.length - removed;
        end += e.insert.length - removed;
      }
    }
    return { text, start, end };
  }

  it('edits outside the quote never move the anchor off the quote (it lands on it or orphans)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...quotes), fc.array(edit, { maxLength: 6 }), (quote, edits) => {
        const selectors = select(article, quote);
        const revised = editOutside(article, selectors.position.start, selectors.position.end, edits, 0);
        const result = resolveAnchor(revised.text, selectors);
        if (result.state !== 'orphan') expect([result.start, result.end]).toEqual([revised.start, revised.end]);
      }),
      { numRuns: 300 },
    );
  });

  it('edits that leave the stored context alone always find the quote', () => {
    fc.assert(
      fc.property(fc.constantFrom(...quotes), fc.array(edit, { maxLength: 6 }), (quote, edits) => {
        const selectors = select(article, quote);
        const revised = editOutside(article, selectors.position.start, selectors.position.end, edits, 40);
        const result = resolveAnchor(revised.text, selectors);
        expect(result.state).not.toBe('orphan');
        expect([result.start, result.end]).toEqual([revised.start, revised.end]);
      }),
      { numRuns: 300 },
    );
  });
});
