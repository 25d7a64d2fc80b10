import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_ORGANISATION,
  DEFAULT_RATING_SCALE,
  organisationSettingsSchema,
  ratingBounds,
  ratingScaleSchema,
  ratingTextColor,
} from './index';

describe('the default rating scale', () => {
  it('validates, and spans 1 (worst) to 5 (best)', () => {
    expect(ratingScaleSchema.safeParse(DEFAULT_RATING_SCALE).success).toBe(true);
    expect(ratingBounds(DEFAULT_RATING_SCALE)).toEqual({ best: 5, worst: 1 });
    expect(DEFAULT_RATING_SCALE.map((r) => r.label)).toEqual([
      'True',
      'Mostly true',
      'Half true',
      'Mostly false',
      'False',
      'Misleading',
      'Unproven',
    ]);
  });

  it('refuses duplicate keys, bad colours and a one-step scale', () => {
    const duplicate = [...DEFAULT_RATING_SCALE, { ...DEFAULT_RATING_SCALE[0]!, label: 'Other' }];
    expect(ratingScaleSchema.safeParse(duplicate).success).toBe(false);
    expect(ratingScaleSchema.safeParse([{ ...DEFAULT_RATING_SCALE[0]!, color: 'red' }, DEFAULT_RATING_SCALE[1]]).success).toBe(false);
    expect(ratingScaleSchema.safeParse([DEFAULT_RATING_SCALE[0]]).success).toBe(false);
  });
});

describe('ratingTextColor', () => {
  it('picks the readable text colour', () => {
    expect(ratingTextColor({ color: '#ffffff' })).toBe('#000000');
    expect(ratingTextColor({ color: '#000000' })).toBe('#ffffff');
    expect(ratingTextColor({ color: '#1a7f37' })).toBe('#ffffff');
    expect(ratingTextColor({ color: '#ffd33d' })).toBe('#000000');
  });
});

describe('organisation settings', () => {
  it('accept the defaults and refuse non-http URLs', () => {
    expect(organisationSettingsSchema.safeParse(DEFAULT_ORGANISATION).success).toBe(true);
    expect(organisationSettingsSchema.safeParse({ ...DEFAULT_ORGANISATION, url: 'javascript:alert(1)' }).success).toBe(false);
    expect(organisationSettingsSchema.safeParse({ ...DEFAULT_ORGANISATION, logoUrl: 'data:image/png;base64,AA' }).success).toBe(false);
  });

  it('has required default checklist items', () => {
    expect(DEFAULT_CHECKLIST.every((item) => item.required)).toBe(true);
  });
});
