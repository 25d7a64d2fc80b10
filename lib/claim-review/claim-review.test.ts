import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_SCALE } from '../ratings';
import { buildClaimReview, serializeJsonLd, validateClaimReview, type ClaimReviewInput } from './index';

const SITE = 'https://factcheck.example';
const input: ClaimReviewInput = {
  claimText: 'Phones caused the strike on the base',
  rating: DEFAULT_RATING_SCALE.find((r) => r.key === 'misleading')!,
  scale: DEFAULT_RATING_SCALE,
  pageUrl: `${SITE}/fact-checks/phones-caused-the-strike`,
  organisation: { name: 'Example Desk', url: SITE, logoUrl: `${SITE}/logo.png` },
  datePublished: new Date('2023-01-05T10:00:00Z'),
  dateModified: new Date('2023-01-09T10:00:00Z'),
  claimant: 'Lt. Gen. Sergei Sevryukov',
  claimDate: new Date('2023-01-03T00:00:00Z'),
  appearance: { url: 'https://news.example/article', headline: 'Russia blames phones' },
};

describe('buildClaimReview', () => {
  it('fills every field Google reads', () => {
    const cr = buildClaimReview(input) as unknown as Record<string, unknown>;
    expect(cr).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: input.pageUrl,
      claimReviewed: input.claimText,
      datePublished: '2023-01-05',
      dateModified: '2023-01-09',
      author: { '@type': 'Organization', name: 'Example Desk', url: SITE },
      reviewRating: { '@type': 'Rating', alternateName: 'Misleading', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Lt. Gen. Sergei Sevryukov' },
        datePublished: '2023-01-03',
        appearance: [{ '@type': 'CreativeWork', url: 'https://news.example/article' }],
      },
    });
    expect(validateClaimReview(cr, { siteUrl: SITE })).toEqual({ errors: [], warnings: [] });
  });
});

describe('validateClaimReview', () => {
  const valid = () => JSON.parse(JSON.stringify(buildClaimReview(input))) as Record<string, Record<string, unknown>>;
  const fieldsOf = (cr: unknown) => validateClaimReview(cr as Record<string, unknown>, { siteUrl: SITE }).errors.map((e) => e.field);

  it.each([
    ['claimReviewed', (cr: Record<string, Record<string, unknown>>) => delete cr.claimReviewed],
    ['url', (cr: Record<string, Record<string, unknown>>) => delete cr.url],
    ['author.name', (cr: Record<string, Record<string, unknown>>) => delete cr.author!.name],
    ['reviewRating.alternateName', (cr: Record<string, Record<string, unknown>>) => delete cr.reviewRating!.alternateName],
    ['reviewRating.ratingValue', (cr: Record<string, Record<string, unknown>>) => delete cr.reviewRating!.ratingValue],
    ['datePublished', (cr: Record<string, Record<string, unknown>>) => delete cr.datePublished],
    ['itemReviewed.author.name', (cr: Record<string, Record<string, unknown>>) => delete (cr.itemReviewed!.author as Record<string, unknown>).name],
  ])('names a missing %s', (field, remove) => {
    const cr = valid();
    remove(cr);
    expect(fieldsOf(cr)).toContain(field);
  });

  it('refuses a page URL on another site and an out-of-range rating', () => {
    const offSite = valid();
    (offSite as Record<string, unknown>).url = 'https://elsewhere.example/fc';
    expect(fieldsOf(offSite)).toEqual(['url']);
    const outOfRange = valid();
    outOfRange.reviewRating!.ratingValue = 9;
    expect(fieldsOf(outOfRange)).toEqual(['reviewRating.ratingValue']);
    const inverted = valid();
    inverted.reviewRating!.bestRating = 1;
    inverted.reviewRating!.worstRating = 5;
    expect(fieldsOf(inverted)).toContain('reviewRating.bestRating');
  });

  it('refuses HTML in text fields and warns about long claims', () => {
    const withHtml = valid();
    (withHtml as Record<string, unknown>).claimReviewed = '<b>bold</b> claim';
    expect(fieldsOf(withHtml)).toContain('claimReviewed');
    const long = buildClaimReview({ ...input, claimText: 'x'.repeat(120) });
    expect(validateClaimReview(long, { siteUrl: SITE }).warnings.map((w) => w.field)).toEqual(['claimReviewed']);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or break a line', () => {
    const json = serializeJsonLd({ claim: '</script><script>alert(1)</script> & \u2028' });
    expect(json).not.toContain('</script');
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ claim: '</script><script>alert(1)</script> & \u2028' });
  });
});
