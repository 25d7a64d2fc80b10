import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlainTextArticle } from '../article-import';
import { resolveAnchor, resolveAnchors } from './resolve-anchor';
import { describeTextRange, joinParagraphs, paragraphOffsets, segmentTextByRanges, type TextSelectors } from './selectors';

const fixture = parsePlainTextArticle(
  fs.readFileSync(path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt'), 'utf8'),
);
const article = joinParagraphs(fixture.paragraphs);

function selectorsFor(text: string, quote: string, occurrence = 0): TextSelectors {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`not found: ${quote}`);
  return describeTextRange(text, start, start + quote.length);
}

describe('describeTextRange', () => {
  it('stores the quote with 32 characters of context each side', () => {
    const s = selectorsFor(article, 'reportedly left 89 people dead');
    expect(s.quote.exact).toBe('reportedly left 89 people dead');
    expect(s.quote.prefix).toHaveLength(32);
    expect(s.quote.suffix).toHaveLength(32);
    expect(article.slice(s.position.start, s.position.end)).toBe(s.quote.exact);
  });

  it('trims leading and trailing whitespace of the selection', () => {
    const start = article.indexOf(' reportedly');
    const s = describeTextRange(article, start, start + ' reportedly left '.length);
    expect(s.quote.exact).toBe('reportedly left');
    expect(s.position.start).toBe(start + 1);
  });

  it('keeps a selection across paragraphs, separator included', () => {
    const text = joinParagraphs(['First paragraph ends here.', 'Second one starts here.']);
    const start = text.indexOf('ends');
    const end = text.indexOf('starts') + 'starts'.length;
    expect(describeTextRange(text, start, end).quote.exact).toBe('ends here.\n\nSecond one starts');
  });

  it('never splits an emoji and keeps curly quotes and dashes', () => {
    const text = 'He said “it’s fine” — then 🚀 launched.';
    const rocket = text.indexOf('🚀');
    const s = describeTextRange(text, rocket + 1, rocket + 2); // inside the surrogate pair
    expect(s.quote.exact).toBe('🚀');
    const quoted = selectorsFor(text, '“it’s fine” —');
    expect(quoted.quote.exact).toBe('“it’s fine” —');
  });

  it('refuses empty, whitespace-only and out-of-bounds ranges', () => {
    expect(() => describeTextRange('abc', 1, 1)).toThrow(RangeError);
    expect(() => describeTextRange('a   b', 1, 4)).toThrow(RangeError);
    expect(() => describeTextRange('abc', 0, 9)).toThrow(RangeError);
  });
});

describe('segmentTextByRanges', () => {
  it('keeps overlapping claims visible: each segment lists every range covering it', () => {
    const text = 'abcdefghij';
    const segments = segmentTextByRanges(text, [
      { id: 1, start: 2, end: 6 },
      { id: 2, start: 4, end: 8 },
    ]);
    expect(segments.map((s) => [s.text, s.ids])).toEqual([
      ['ab', []],
      ['cd', [1]],
      ['ef', [1, 2]],
      ['gh', [2]],
      ['ij', []],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

describe('paragraphOffsets', () => {
  it('gives where each paragraph starts in the joined text', () => {
    const paragraphs = ['One.', 'Two two.', 'Three.'];
    const text = joinParagraphs(paragraphs);
    paragraphOffsets(paragraphs).forEach((offset, index) => expect(text.startsWith(paragraphs[index]!, offset)).toBe(true));
  });
});

describe('resolveAnchor', () => {
  const phones = selectorsFor(article, 'massive use of mobile phones by the personnel');

  it('is exact when nothing changed', () => {
    expect(resolveAnchor(article, phones)).toMatchObject({ state: 'exact', start: phones.position.start });
  });

  it('follows the quote after an insertion or a deletion before it', () => {
    const inserted = 'A new opening paragraph was added by the editors.\n\n' + article;
    const moved = resolveAnchor(inserted, phones);
    expect(moved.state).toBe('moved');
    expect(inserted.slice(moved.start!, moved.end!)).toBe(phones.quote.exact);
    const deleted = article.replace(fixture.paragraphs[0]! + '\n\n', '');
    const after = resolveAnchor(deleted, phones);
    expect(after.state).toBe('moved');
    expect(deleted.slice(after.start!, after.end!)).toBe(phones.quote.exact);
  });

  it('follows a moved paragraph', () => {
    const reordered = joinParagraphs([...fixture.paragraphs].reverse());
    const result = resolveAnchor(reordered, phones);
    expect(reordered.slice(result.start!, result.end!)).toBe(phones.quote.exact);
  });

  it('picks the right one of a repeated phrase by its context', () => {
    const text = 'The mayor said costs rose. Later, the auditor said costs rose sharply in 2021.';
    const second = selectorsFor(text, 'said costs rose', 1);
    const shifted = 'Update: ' + text;
    const result = resolveAnchor(shifted, second);
    expect(result.state).toBe('moved');
    expect(shifted.slice(result.start! - 'auditor '.length, result.start!)).toBe('auditor ');
  });

  it('stays on the original when the quoted sentence is duplicated elsewhere', () => {
    const duplicated = article + '\n\n' + 'Recap: ' + phones.quote.exact + ', officials said.';
    const result = resolveAnchor(duplicated, phones);
    expect(result).toMatchObject({ state: 'exact', start: phones.position.start });
  });

  it('attaches fuzzily after a typo fix inside the quote, on the corrected words', () => {
    const quote = 'a blatant attempt to smear blame';
    const original = article.replace(quote, 'a blatent attempt to smaer blame');
    const selectors = selectorsFor(original, 'a blatent attempt to smaer blame');
    const result = resolveAnchor(article, selectors);
    expect(result.state).toBe('fuzzy');
    expect(result.score).toBeGreaterThan(0.75);
    expect(article.slice(result.start!, result.end!)).toContain('attempt to smear');
  });

  it('orphans a rewritten quote instead of guessing', () => {
    const quote = 'Of course, using phones with geolocation is a mistake.';
    const rewritten = article.replace(quote, 'Phones can reveal locations, he conceded.');
    expect(resolveAnchor(rewritten, selectorsFor(article, quote)).state).toBe('orphan');
  });

  it('orphans a deleted quote', () => {
    const quote = 'Pegov also warned that more death would come if the Russians kept blaming each other.';
    const deleted = article.replace(quote, '');
    expect(resolveAnchor(deleted, selectorsFor(article, quote))).toMatchObject({ state: 'orphan', start: null });
  });

  it('resolves many anchors on a long text correctly', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} reports that figure ${i * 7} was confirmed by source ${i % 13}.`);
    const text = joinParagraphs(paragraphs);
    const anchors = paragraphs.map((p, i) => selectorsFor(text, `figure ${i * 7} was confirmed`));
    const revised = 'Editor’s note: updated.\n\n' + text;
    const results = resolveAnchors(revised, anchors);
    results.forEach((r, i) => expect(revised.slice(r.start!, r.end!)).toBe(anchors[i]!.quote.exact));
  });
});
