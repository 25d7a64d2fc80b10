import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE, findRating, type Rating } from '../ratings/rating-scale';
import { buildClaimReview, type ClaimReviewInput } from './build-claim-review';
import { serializeJsonLd } from './serialize-json-ld';
import { validateClaimReview } from './validate-claim-review';

const SITE = 'https://facts.example.org';
const falseRating = findRating(DEFAULT_RATING_SCALE, 'false') as Rating;

const input = (overrides: Partial<ClaimReviewInput> = {}): ClaimReviewInput => ({
  claimText: 'Soldiers’ mobile phones caused the deaths of 89 troops',
  rating: falseRating,
  scale: DEFAULT_RATING_SCALE,
  pageUrl: `${SITE}/fact-checks/phones-caused-deaths`,
  organisation: { name: 'Factdesk Demo Desk', url: SITE, logoUrl: `${SITE}/logo.png` },
  datePublished: new Date('2023-01-05T10:00:00Z'),
  claimant: 'Sergei Sevryukov',
  claimDate: new Date('2023-01-04T08:00:00Z'),
  appearance: { url: 'https://news.example.com/russia-blames-phones', headline: 'Russia blames phones' },
  ...overrides,
});

// A JSON copy so tests can delete and corrupt fields the way stored or hand-edited markup might be.
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const built = (overrides: Partial<ClaimReviewInput> = {}): Loose => JSON.parse(JSON.stringify(buildClaimReview(input(overrides))));
const fieldsOf = (issues: { field: string }[]) => issues.map((i) => i.field);
const validate = (cr: unknown) => validateClaimReview(cr, { siteUrl: SITE });

describe('buildClaimReview', () => {
  it('builds the full ClaimReview', () => {
    expect(buildClaimReview(input({ dateModified: new Date('2023-01-06T09:30:00Z') }))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://facts.example.org/fact-checks/phones-caused-deaths',
      claimReviewed: 'Soldiers’ mobile phones caused the deaths of 89 troops',
      datePublished: '2023-01-05T10:00:00.000Z',
      dateModified: '2023-01-06T09:30:00.000Z',
      author: { '@type': 'Organization', name: 'Factdesk Demo Desk', url: SITE, logo: 'https://facts.example.org/logo.png' },
      reviewRating: { '@type': 'Rating', alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Sergei Sevryukov' },
        datePublished: '2023-01-04T08:00:00.000Z',
        appearance: [{ '@type': 'CreativeWork', url: 'https://news.example.com/russia-blames-phones', headline: 'Russia blames phones' }],
      },
    });
  });

  it('leaves out optional parts that are not given', () => {
    const cr = built({ organisation: { name: 'Desk', url: SITE, logoUrl: null }, claimDate: null, appearance: { url: 'https://news.example.com/a' } });
    expect(cr.author).not.toHaveProperty('logo');
    expect(cr).not.toHaveProperty('dateModified');
    expect(cr.itemReviewed).not.toHaveProperty('datePublished');
    expect(cr.itemReviewed.appearance[0]).not.toHaveProperty('headline');
  });

  it('takes the bounds from the scale and the claimant type from the input', () => {
    const scale: Rating[] = [
      { key: 'a', label: 'A', color: '#000000', description: '', value: 2 },
      { key: 'b', label: 'B', color: '#000000', description: '', value: 10 },
    ];
    const cr = built({ scale, rating: scale[0] as Rating, claimantType: 'Organization', claimant: 'Ministry of Defence' });
    expect(cr.reviewRating).toMatchObject({ alternateName: 'A', ratingValue: 2, bestRating: 10, worstRating: 2 });
    expect(cr.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Ministry of Defence' });
  });

  it('turns an invalid date into an error from the validator rather than a crash', () => {
    const cr = buildClaimReview(input({ datePublished: new Date('nonsense') }));
    expect(fieldsOf(validate(cr).errors)).toEqual(['datePublished']);
  });
});

describe('validateClaimReview', () => {
  it('passes a complete ClaimReview with no errors or warnings', () => {
    expect(validate(buildClaimReview(input({ dateModified: new Date('2023-01-06T00:00:00Z') })))).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['claimReviewed', (cr: Loose) => delete cr.claimReviewed],
    ['reviewRating', (cr: Loose) => delete cr.reviewRating],
    ['reviewRating.alternateName', (cr: Loose) => delete cr.reviewRating.alternateName],
    ['reviewRating.ratingValue', (cr: Loose) => delete cr.reviewRating.ratingValue],
    ['reviewRating.bestRating', (cr: Loose) => delete cr.reviewRating.bestRating],
    ['reviewRating.worstRating', (cr: Loose) => delete cr.reviewRating.worstRating],
    ['url', (cr: Loose) => delete cr.url],
    ['author', (cr: Loose) => delete cr.author],
    ['author.name', (cr: Loose) => delete cr.author.name],
    ['datePublished', (cr: Loose) => delete cr.datePublished],
    ['itemReviewed', (cr: Loose) => delete cr.itemReviewed],
    ['itemReviewed.author', (cr: Loose) => delete cr.itemReviewed.author],
    ['itemReviewed.author.name', (cr: Loose) => delete cr.itemReviewed.author.name],
    ['itemReviewed.appearance', (cr: Loose) => delete cr.itemReviewed.appearance],
    ['itemReviewed.appearance[0].url', (cr: Loose) => delete cr.itemReviewed.appearance[0].url],
  ])('reports a missing %s by name', (field, remove) => {
    const cr = built();
    remove(cr);
    expect(fieldsOf(validate(cr).errors)).toEqual([field]);
  });

  it('treats blank text as missing', () => {
    const cr = built();
    cr.claimReviewed = '   ';
    cr.reviewRating.alternateName = '';
    expect(fieldsOf(validate(cr).errors)).toEqual(['claimReviewed', 'reviewRating.alternateName']);
  });

  it.each([
    'https://other.example.org/fact-checks/x',
    'https://example.org.evil.test/fact-checks/x',
    'https://evilfacts.example.org/x',
    'http://facts.example.org/fact-checks/x',
    'https://facts.example.org:8443/fact-checks/x',
  ])('rejects the off-site url %s', (url) => {
    const result = validate(built({ pageUrl: url }));
    expect(fieldsOf(result.errors)).toEqual(['url']);
    expect(result.errors[0]?.message).toContain('https://facts.example.org');
  });

  it('accepts a url on a subdomain of the site, as Google does', () => {
    expect(validate(built({ pageUrl: 'https://www.facts.example.org/fact-checks/x' })).errors).toEqual([]);
  });

  it.each(['/fact-checks/x', 'javascript:alert(1)', '//facts.example.org/x'])('rejects the non-absolute or non-http url %s', (url) => {
    const result = validate(built({ pageUrl: url }));
    expect(result.errors).toEqual([{ field: 'url', message: 'must be an absolute http:// or https:// URL.' }]);
  });

  it('reports an unusable site URL instead of accepting every page', () => {
    const result = validateClaimReview(built(), { siteUrl: 'localhost:3000' });
    expect(fieldsOf(result.errors)).toEqual(['url']);
  });

  it('rejects a ratingValue outside the bounds', () => {
    for (const ratingValue of [0, 6, 5.5]) {
      const cr = built();
      cr.reviewRating.ratingValue = ratingValue;
      const errors = validate(cr).errors;
      expect(fieldsOf(errors)).toEqual(['reviewRating.ratingValue']);
      expect(errors[0]?.message).toMatch(/between worstRating \(1\) and bestRating \(5\)/);
    }
    const edge = built();
    edge.reviewRating.ratingValue = 5;
    expect(validate(edge).errors).toEqual([]);
  });

  it('requires bestRating greater than worstRating', () => {
    const equal = built();
    equal.reviewRating.bestRating = 1;
    expect(fieldsOf(validate(equal).errors)).toEqual(['reviewRating.bestRating']);
    const inverted = built();
    inverted.reviewRating.bestRating = 1;
    inverted.reviewRating.worstRating = 5;
    expect(fieldsOf(validate(inverted).errors)).toEqual(['reviewRating.bestRating']);
  });

  it('accepts a custom scale that runs down to 0', () => {
    const scale: Rating[] = [...DEFAULT_RATING_SCALE, { key: 'pants-on-fire', label: 'Pants on fire', color: '#7f1d1d', description: '', value: 0 }];
    const cr = built({ scale, rating: scale.at(-1) as Rating });
    expect(cr.reviewRating).toMatchObject({ ratingValue: 0, worstRating: 0, bestRating: 5 });
    expect(validate(cr).errors).toEqual([]);
  });

  it('rejects a non-numeric ratingValue but accepts a numeric string', () => {
    const text = built();
    text.reviewRating.ratingValue = 'False';
    expect(fieldsOf(validate(text).errors)).toEqual(['reviewRating.ratingValue']);
    const numeric = built();
    numeric.reviewRating.ratingValue = '2';
    expect(validate(numeric).errors).toEqual([]);
  });

  it('warns, without blocking, when claimReviewed is longer than 75 characters', () => {
    const exactly75 = 'x'.repeat(75);
    expect(validate(built({ claimText: exactly75 })).warnings).toEqual([]);
    const result = validate(built({ claimText: 'x'.repeat(76) }));
    expect(result.errors).toEqual([]);
    expect(fieldsOf(result.warnings)).toEqual(['claimReviewed']);
    expect(result.warnings[0]?.message).toContain('76 characters');
  });

  it.each([
    ['claimReviewed', { claimText: 'Phones <b>caused</b> deaths' }],
    ['reviewRating.alternateName', { rating: { ...falseRating, label: '<script>alert(1)</script>' } }],
    ['author.name', { organisation: { name: 'Desk &amp; Co', url: SITE } }],
    ['itemReviewed.author.name', { claimant: 'Sergei <img src=x onerror=alert(1)>' }],
    ['itemReviewed.appearance[0].headline', { appearance: { url: 'https://news.example.com/a', headline: 'A <!-- hidden --> headline' } }],
  ])('rejects HTML in %s', (field, overrides) => {
    expect(fieldsOf(validate(built(overrides as Partial<ClaimReviewInput>)).errors)).toEqual([field]);
  });

  it('does not mistake comparisons or ampersands for HTML', () => {
    expect(validate(built({ claimText: 'Fewer than 100 died & more than 5 < 10 were hurt' })).errors).toEqual([]);
  });

  it('rejects invalid dates and a modification before publication', () => {
    const badDate = built();
    badDate.datePublished = '2023-02-30';
    expect(fieldsOf(validate(badDate).errors)).toEqual(['datePublished']);
    const notIso = built();
    notIso.datePublished = 'January 5, 2023';
    expect(fieldsOf(validate(notIso).errors)).toEqual(['datePublished']);
    const early = built({ dateModified: new Date('2023-01-01T00:00:00Z') });
    expect(fieldsOf(validate(early).errors)).toEqual(['dateModified']);
  });

  it('warns when the claim is dated after the fact-check', () => {
    const result = validate(built({ claimDate: new Date('2023-02-01T00:00:00Z') }));
    expect(result.errors).toEqual([]);
    expect(fieldsOf(result.warnings)).toEqual(['itemReviewed.datePublished']);
  });

  it('rejects an appearance url that is not absolute http(s)', () => {
    for (const url of ['/articles/1', 'data:text/html,hi', 'javascript:alert(1)']) {
      expect(fieldsOf(validate(built({ appearance: { url } })).errors)).toEqual(['itemReviewed.appearance[0].url']);
    }
  });

  it('writes messages that read after "field: " without repeating the field', () => {
    const cr = built();
    delete cr.claimReviewed;
    cr.url = 'https://elsewhere.example/x';
    cr.reviewRating.ratingValue = 9;
    const { errors } = validate(cr);
    expect(errors).toHaveLength(3);
    for (const { field, message } of errors) expect(message.startsWith(field)).toBe(false);
  });

  it('rejects something that is not a ClaimReview at all', () => {
    expect(fieldsOf(validate(null).errors)).toEqual(['@type']);
    const wrongType = built();
    wrongType['@type'] = 'Review';
    expect(fieldsOf(validate(wrongType).errors)).toEqual(['@type']);
  });
});

describe('serializeJsonLd', () => {
  it('cannot be broken out of a script element', () => {
    const cr = buildClaimReview(input({ claimText: '</script><script>alert(1)</script>' }));
    const json = serializeJsonLd(cr);
    expect(json).not.toMatch(/<|>/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  it('escapes ampersands and the JavaScript line separators', () => {
    const json = serializeJsonLd({ a: 'x & y', b: 'line\u2028sep\u2029para', c: '<!--' });
    expect(json).toBe('{"a":"x \\u0026 y","b":"line\\u2028sep\\u2029para","c":"\\u003c!--"}');
    expect(json).not.toMatch(/[&\u2028\u2029]/);
  });

  it('parses back to exactly the same value', () => {
    const cr = buildClaimReview(input({ claimText: 'A < B && C > D \u2028 "quoted" </script>' }));
    expect(JSON.parse(serializeJsonLd(cr))).toEqual(cr);
  });

  it('refuses values JSON cannot represent', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });
});
