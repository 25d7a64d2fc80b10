import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('makes readable ASCII slugs', () => {
    expect(slugify("Following deadly Ukrainian attack, Russia puts blame on its own soldiers")).toBe(
      'following-deadly-ukrainian-attack-russia-puts-blame-on-its',
    );
    expect(slugify("Zelenskyy’s café — “quoted”")).toBe('zelenskyys-cafe-quoted');
  });

  it('never returns an empty slug', () => {
    expect(slugify('!!!')).toBe('untitled');
  });

  it('cuts at a word boundary within the limit', () => {
    const slug = slugify('alpha beta gamma delta epsilon', 14);
    expect(slug).toBe('alpha-beta');
    expect(slug.length).toBeLessThanOrEqual(14);
  });
});
