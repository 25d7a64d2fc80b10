// ClaimReview (schema.org) for a published fact-check, and a check against Google's
// fact-check markup rules, so a verdict that search engines would reject is never published.
import type { ClaimReview, WithContext } from 'schema-dts';
import type { Rating } from '../ratings';

export type ClaimReviewInput = {
  claimText: string;
  rating: Rating;
  scale: readonly Rating[];
  pageUrl: string;
  organisation: { name: string; url: string; logoUrl?: string };
  datePublished: Date;
  dateModified?: Date;
  claimant: string;
  claimantType?: 'Person' | 'Organization';
  claimDate?: Date | null;
  appearance: { url: string; headline?: string };
};

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function buildClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  const values = input.scale.map((r) => r.value);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.pageUrl,
    claimReviewed: input.claimText,
    datePublished: isoDate(input.datePublished),
    ...(input.dateModified ? { dateModified: isoDate(input.dateModified) } : {}),
    author: {
      '@type': 'Organization',
      name: input.organisation.name,
      url: input.organisation.url,
      ...(input.organisation.logoUrl ? { logo: input.organisation.logoUrl } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: input.rating.value,
      bestRating: Math.max(...values),
      worstRating: Math.min(...values),
      alternateName: input.rating.label,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': input.claimantType ?? 'Person', name: input.claimant },
      ...(input.claimDate ? { datePublished: isoDate(input.claimDate) } : {}),
      appearance: [
        {
          '@type': 'CreativeWork',
          url: input.appearance.url,
          ...(input.appearance.headline ? { headline: input.appearance.headline } : {}),
        },
      ],
    },
  };
}

export type ClaimReviewIssue = { field: string; message: string };

const MAX_RECOMMENDED_CLAIM_LENGTH = 75;

function isAbsoluteHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const hasMarkup = (value: unknown) => typeof value === 'string' && /<\/?[a-z][^>]*>/i.test(value);

/** Google's fact-check rules: errors block publishing, warnings are advice. */
export function validateClaimReview(
  claimReview: Record<string, unknown> | WithContext<ClaimReview>,
  { siteUrl }: { siteUrl: string },
): { errors: ClaimReviewIssue[]; warnings: ClaimReviewIssue[] } {
  const cr = claimReview as Record<string, unknown>;
  const errors: ClaimReviewIssue[] = [];
  const warnings: ClaimReviewIssue[] = [];
  const rating = (cr.reviewRating ?? {}) as Record<string, unknown>;
  const author = (cr.author ?? {}) as Record<string, unknown>;
  const item = (cr.itemReviewed ?? {}) as Record<string, unknown>;
  const itemAuthor = (item.author ?? {}) as Record<string, unknown>;
  const appearances = (Array.isArray(item.appearance) ? item.appearance : item.appearance ? [item.appearance] : []) as Record<
    string,
    unknown
  >[];

  if (cr['@type'] !== 'ClaimReview') errors.push({ field: '@type', message: 'must be ClaimReview' });
  if (isBlank(cr.claimReviewed)) errors.push({ field: 'claimReviewed', message: 'the claim is missing' });
  else if ((cr.claimReviewed as string).length > MAX_RECOMMENDED_CLAIM_LENGTH) {
    warnings.push({ field: 'claimReviewed', message: `longer than the recommended ${MAX_RECOMMENDED_CLAIM_LENGTH} characters` });
  }
  if (!isAbsoluteHttpUrl(cr.url)) errors.push({ field: 'url', message: 'the fact-check page needs an absolute http(s) URL' });
  else if (new URL(cr.url).origin !== new URL(siteUrl).origin) {
    errors.push({ field: 'url', message: `must be on this site (${new URL(siteUrl).origin})` });
  }
  if (isBlank(author.name)) errors.push({ field: 'author.name', message: 'the publishing organisation has no name' });
  if (author.url !== undefined && !isAbsoluteHttpUrl(author.url)) errors.push({ field: 'author.url', message: 'must be an http(s) URL' });
  if (isBlank(rating.alternateName)) errors.push({ field: 'reviewRating.alternateName', message: 'the text verdict is missing' });
  const value = rating.ratingValue;
  const best = rating.bestRating;
  const worst = rating.worstRating;
  if (typeof value !== 'number' || typeof best !== 'number' || typeof worst !== 'number') {
    errors.push({ field: 'reviewRating.ratingValue', message: 'ratingValue, bestRating and worstRating must be numbers' });
  } else {
    if (best <= worst) errors.push({ field: 'reviewRating.bestRating', message: 'must be greater than worstRating' });
    if (value < worst || value > best) errors.push({ field: 'reviewRating.ratingValue', message: `must be between ${worst} and ${best}` });
  }
  if (typeof cr.datePublished !== 'string' || Number.isNaN(Date.parse(cr.datePublished))) {
    errors.push({ field: 'datePublished', message: 'must be a valid date' });
  }
  if (item['@type'] !== 'Claim') errors.push({ field: 'itemReviewed', message: 'must be a Claim' });
  if (isBlank(itemAuthor.name)) errors.push({ field: 'itemReviewed.author.name', message: 'who made the claim is missing' });
  if (appearances.length === 0) warnings.push({ field: 'itemReviewed.appearance', message: 'where the claim appeared is recommended' });
  for (const appearance of appearances) {
    if (!isAbsoluteHttpUrl(appearance.url)) errors.push({ field: 'itemReviewed.appearance.url', message: 'must be an absolute http(s) URL' });
  }
  for (const [field, text] of [
    ['claimReviewed', cr.claimReviewed],
    ['reviewRating.alternateName', rating.alternateName],
    ['itemReviewed.author.name', itemAuthor.name],
  ] as const) {
    if (hasMarkup(text)) errors.push({ field, message: 'must be plain text, without HTML' });
  }
  return { errors, warnings };
}

/** JSON for a <script type="application/ld+json"> element: nothing in it can close the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
