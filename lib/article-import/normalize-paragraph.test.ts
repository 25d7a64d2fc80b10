import { describe, expect, it } from 'vitest';
import { canonicalText, normalizeParagraph } from './normalize-paragraph';

describe('normalizeParagraph', () => {
  it('collapses every kind of whitespace, including non-breaking spaces and line breaks', () => {
    expect(normalizeParagraph('  Two\u00a0 spaces,\ttab\r\nand\u2028line  ')).toBe('Two spaces, tab and line');
  });

  it('NFC-normalises so that composed and decomposed accents compare equal', () => {
    const decomposed = 'Zelenskyy cafe\u0301';
    expect(normalizeParagraph(decomposed)).toBe('Zelenskyy caf\u00e9');
    expect(normalizeParagraph(decomposed)).toHaveLength(14);
  });

  it('removes invisible characters and control characters left by copying', () => {
    expect(normalizeParagraph('soft\u00adhyphen zero\u200bwidth \ufeffbom\u0007bell')).toBe('softhyphen zerowidth bombell');
  });

  it('keeps curly quotes, apostrophes and dashes as typed', () => {
    const text = '“It’s over” – or is it? — ‘maybe’';
    expect(normalizeParagraph(text)).toBe(text);
  });
});

describe('canonicalText', () => {
  it('joins paragraphs with one blank line', () => {
    expect(canonicalText(['One.', 'Two.', 'Three.'])).toBe('One.\n\nTwo.\n\nThree.');
    expect(canonicalText([])).toBe('');
  });
});
