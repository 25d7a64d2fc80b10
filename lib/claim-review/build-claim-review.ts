import type { ClaimReview, WithContext } from 'schema-dts';
import { ratingBounds, type Rating } from '../ratings/rating-scale';

export type ClaimReviewInput = {
  /** The claim as the desk summarises it (Google recommends at most 75 characters). */
  claimText: string;
  rating: Rating;
  /** The scale the rating comes from; it sets `bestRating` and `worstRating`. */
  scale: readonly Rating[];
  /** The public fact-check page that carries this markup. */
  pageUrl: string;
  organisation: { name: string; url: string; logoUrl?: string | null };
  datePublished: Date;
  dateModified?: Date | null;
  /** Who made the claim. */
  claimant: string;
  claimantType?: 'Person' | 'Organization';
  claimDate?: Date | null;
  /** Where the claim appeared: the article it was marked in. */
  appearance: { url: string; headline?: string | null };
};

// An invalid Date would make toISOString throw; an empty string instead lets
// validateClaimReview report the bad field by name before anything is published.
function toIsoString(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The schema.org ClaimReview for one published verdict, ready for `serializeJsonLd`. */
export function buildClaimReview(input: ClaimReviewInput): WithContext<ClaimReview> {
  const { best, worst } = ratingBounds(input.scale);
  const logoUrl = input.organisation.logoUrl;
  const headline = input.appearance.headline?.trim();

  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.pageUrl,
    claimReviewed: input.claimText.trim(),
    datePublished: toIsoString(input.datePublished),
    ...(input.dateModified ? { dateModified: toIsoString(input.dateModified) } : {}),
    author: {
      '@type': 'Organization',
      name: input.organisation.name,
      url: input.organisation.url,
      ...(logoUrl ? { logo: logoUrl } : {}),
    },
    reviewRating: {
      '@type': 'Rating',
      alternateName: input.rating.label,
      ratingValue: input.rating.value,
      bestRating: best,
      worstRating: worst,
    },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': input.claimantType ?? 'Person', name: input.claimant.trim() },
      ...(input.claimDate ? { datePublished: toIsoString(input.claimDate) } : {}),
      appearance: [
        {
          '@type': 'CreativeWork',
          url: input.appearance.url,
          ...(headline ? { headline } : {}),
        },
      ],
    },
  };
}
