import { describe, expect, it } from 'vitest';
import {
  checklistItemSchema,
  checklistSchema,
  computeContrastRatio,
  DEFAULT_CHECKLIST,
  DEFAULT_ORGANISATION,
  DEFAULT_RATING_SCALE,
  findRating,
  organisationSettingsSchema,
  ratingBounds,
  ratingScaleSchema,
  ratingSchema,
  ratingTextColor,
  type Rating,
} from './index';

const rating = (overrides: Partial<Rating> = {}): Rating => ({
  key: 'true',
  label: 'True',
  color: '#166534',
  description: 'Accurate.',
  value: 5,
  ...overrides,
});
const other = rating({ key: 'false', label: 'False', value: 1 });
const messagesOf = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('DEFAULT_RATING_SCALE', () => {
  it('validates, lists the seven ratings in order and spans 1 (worst) to 5 (best)', () => {
    expect(ratingScaleSchema.safeParse(DEFAULT_RATING_SCALE).success).toBe(true);
    expect(DEFAULT_RATING_SCALE.map((r) => r.label)).toEqual(['True', 'Mostly true', 'Half true', 'Mostly false', 'False', 'Misleading', 'Unproven']);
    expect(ratingBounds(DEFAULT_RATING_SCALE)).toEqual({ best: 5, worst: 1 });
  });

  it('orders the five truth ratings from 5 down to 1', () => {
    const values = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false'].map((key) => findRating(DEFAULT_RATING_SCALE, key)?.value);
    expect(values).toEqual([5, 4, 3, 2, 1]);
  });

  it('places Misleading and Unproven inside the scale and explains their numbers', () => {
    const misleading = findRating(DEFAULT_RATING_SCALE, 'misleading');
    const unproven = findRating(DEFAULT_RATING_SCALE, 'unproven');
    expect(misleading?.value).toBe(2);
    expect(unproven?.value).toBe(3);
    expect(misleading?.description).toMatch(/Scored 2/);
    expect(unproven?.description).toMatch(/Scored 3/);
  });

  it('gives every rating a label colour with at least 4.5:1 contrast (WCAG AA)', () => {
    for (const r of DEFAULT_RATING_SCALE) {
      expect(computeContrastRatio(r.color, ratingTextColor(r)), r.key).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps every badge at least 3:1 against a white page so the badges stay visible', () => {
    for (const r of DEFAULT_RATING_SCALE) {
      expect(computeContrastRatio(r.color, '#ffffff'), r.key).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('ratingTextColor', () => {
  it('puts white on dark colours and black on light ones', () => {
    expect(ratingTextColor({ color: '#000000' })).toBe('#ffffff');
    expect(ratingTextColor({ color: '#ffffff' })).toBe('#000000');
    expect(ratingTextColor({ color: '#ffd33d' })).toBe('#000000');
    expect(ratingTextColor({ color: '#1a7f37' })).toBe('#ffffff');
  });

  it('picks the side with the higher contrast near the crossover', () => {
    // #777777: 4.48 against white, 4.69 against black; #757575: 4.61 against white, 4.55 against black.
    expect(ratingTextColor({ color: '#777777' })).toBe('#000000');
    expect(ratingTextColor({ color: '#757575' })).toBe('#ffffff');
    expect(computeContrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(computeContrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => ratingTextColor({ color: 'red' })).toThrow(TypeError);
  });
});

describe('ratingSchema', () => {
  it('accepts a well-formed rating and defaults a missing description to empty', () => {
    expect(ratingSchema.safeParse(rating()).success).toBe(true);
    const { description: _omitted, ...withoutDescription } = rating();
    expect(ratingSchema.parse(withoutDescription).description).toBe('');
  });

  it.each([
    ['a non-hex colour', { color: 'green' }],
    ['a short hex colour', { color: '#0f0' }],
    ['a fractional value', { value: 2.5 }],
    ['a key with spaces', { key: 'mostly true' }],
    ['a key with capitals', { key: 'False' }],
    ['an empty label', { label: '   ' }],
  ])('rejects %s', (_name, overrides) => {
    expect(ratingSchema.safeParse(rating(overrides)).success).toBe(false);
  });
});

describe('ratingScaleSchema', () => {
  it('needs at least two ratings and at most 15', () => {
    expect(messagesOf(ratingScaleSchema.safeParse([rating()]))).toContain('A scale needs at least two ratings.');
    const many = Array.from({ length: 16 }, (_, i) => rating({ key: `r${i}`, label: `R${i}`, value: i + 1 }));
    expect(ratingScaleSchema.safeParse(many).success).toBe(false);
    expect(ratingScaleSchema.safeParse(many.slice(0, 15)).success).toBe(true);
  });

  it('reports a duplicate key at the repeated entry', () => {
    const result = ratingScaleSchema.safeParse([rating(), other, rating({ label: 'Correct' })]);
    expect(result.error?.issues.map((i) => i.path)).toEqual([[2, 'key']]);
    expect(messagesOf(result)[0]).toContain('Rating keys must be unique.');
  });

  it('reports a duplicate label, ignoring case', () => {
    const result = ratingScaleSchema.safeParse([rating(), other, rating({ key: 'correct', label: 'TRUE' })]);
    expect(result.error?.issues.map((i) => i.path)).toEqual([[2, 'label']]);
  });

  it('refuses a flat scale, which could never give bestRating > worstRating', () => {
    const flat = ratingScaleSchema.safeParse([rating({ value: 3 }), { ...other, value: 3 }]);
    expect(messagesOf(flat)).toEqual(['The best and worst ratings need different values.']);
  });

  it('accepts a custom scale that includes zero', () => {
    expect(ratingScaleSchema.safeParse([...DEFAULT_RATING_SCALE, rating({ key: 'pants-on-fire', label: 'Pants on fire', value: 0 })]).success).toBe(true);
  });
});

describe('findRating and ratingBounds', () => {
  it('finds a rating by key and returns undefined for an unknown key', () => {
    expect(findRating(DEFAULT_RATING_SCALE, 'half-true')?.label).toBe('Half true');
    expect(findRating(DEFAULT_RATING_SCALE, 'Half true')).toBeUndefined();
  });

  it('reports the highest and lowest values, whatever the order', () => {
    expect(ratingBounds([rating({ value: 7 }), rating({ value: 2 }), rating({ value: 9 })])).toEqual({ best: 9, worst: 2 });
  });

  it('refuses an empty scale instead of returning infinities', () => {
    expect(() => ratingBounds([])).toThrow(RangeError);
  });
});

describe('checklist', () => {
  it('has the three required default items', () => {
    expect(DEFAULT_CHECKLIST).toEqual([
      { key: 'original-source', label: 'Original source found', required: true },
      { key: 'claimant-contacted', label: 'Claimant contacted', required: true },
      { key: 'context-checked', label: 'Context checked', required: true },
    ]);
    expect(checklistSchema.safeParse(DEFAULT_CHECKLIST).success).toBe(true);
  });

  it('validates items', () => {
    expect(checklistItemSchema.safeParse({ key: 'x', label: 'X', required: 'yes' }).success).toBe(false);
    expect(checklistItemSchema.safeParse({ key: 'Bad Key', label: 'X', required: true }).success).toBe(false);
    expect(checklistItemSchema.safeParse({ key: 'ok', label: '  ', required: true }).success).toBe(false);
  });

  it('rejects duplicate keys with a message naming the rule', () => {
    const dup = checklistSchema.safeParse([...DEFAULT_CHECKLIST, { key: 'original-source', label: 'Again', required: false }]);
    expect(dup.error?.issues.map((i) => i.path)).toEqual([[3, 'key']]);
    expect(messagesOf(dup)[0]).toContain('Checklist keys must be unique.');
  });
});

describe('organisation settings', () => {
  it('accepts the defaults, which include a methodology and a corrections policy', () => {
    expect(organisationSettingsSchema.safeParse(DEFAULT_ORGANISATION).success).toBe(true);
    expect(DEFAULT_ORGANISATION).toMatchObject({ name: 'Factdesk Demo Desk', url: 'http://localhost:3000', logoUrl: null });
    expect(DEFAULT_ORGANISATION.methodology.split('\n\n').length).toBeGreaterThanOrEqual(3);
    expect(DEFAULT_ORGANISATION.correctionsPolicy.split('\n\n').length).toBeGreaterThanOrEqual(3);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org', '//example.org', 'example.org', 'data:image/png;base64,AA', 'https://user:pw@example.org'])(
    'rejects the url %s',
    (url) => {
      expect(organisationSettingsSchema.safeParse({ ...DEFAULT_ORGANISATION, url }).success).toBe(false);
      expect(organisationSettingsSchema.safeParse({ ...DEFAULT_ORGANISATION, logoUrl: url }).success).toBe(false);
    },
  );

  it('trims an https url and accepts a null logo', () => {
    const parsed = organisationSettingsSchema.parse({ ...DEFAULT_ORGANISATION, url: ' https://facts.example.org ', logoUrl: null });
    expect(parsed.url).toBe('https://facts.example.org');
  });

  it('requires a name, a methodology and a corrections policy', () => {
    for (const field of ['name', 'methodology', 'correctionsPolicy'] as const) {
      expect(organisationSettingsSchema.safeParse({ ...DEFAULT_ORGANISATION, [field]: '  ' }).success, field).toBe(false);
    }
  });
});
