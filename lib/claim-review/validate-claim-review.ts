import { toSafeHref } from '../markdown/is-safe-http-url';

/** `field` is the dotted path in the markup; `message` reads on its own after "field: ". */
export type ClaimReviewIssue = { field: string; message: string };
export type ClaimReviewValidation = { errors: ClaimReviewIssue[]; warnings: ClaimReviewIssue[] };

/** Google truncates longer `claimReviewed` text on mobile. */
export const CLAIM_REVIEWED_RECOMMENDED_MAX = 75;

type JsonRecord = Record<string, unknown>;

function asRecord(value: unknown): JsonRecord | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : null;
}

// schema.org lets most properties repeat; consumers read the first value, so that one is checked.
function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function isNonEmptyText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

// Tags, comments and character references. Structured data is plain text: search engines show
// markup literally, and a careless consumer might render it.
const HTML_PATTERN = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[CDATA\[|&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;

export function containsHtml(text: string): boolean {
  return HTML_PATTERN.test(text);
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Milliseconds since the epoch for an ISO 8601 date or date-time, or null if it is not one. */
function parseIsoDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return null;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return null;
  // Some engines roll 2024-02-30 over into March; a calendar date that does not exist is a typo.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  return time;
}

function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

function isSameSite(pageUrl: URL, siteUrl: URL): boolean {
  // Google accepts the site's own host or a subdomain of it. Scheme and port must match too:
  // an http:// page on an https:// site, or another port on localhost, is another origin.
  if (pageUrl.protocol !== siteUrl.protocol || pageUrl.port !== siteUrl.port) return false;
  return pageUrl.hostname === siteUrl.hostname || pageUrl.hostname.endsWith(`.${siteUrl.hostname}`);
}

const NOT_HTTP = 'must be an absolute http:// or https:// URL.';
const NOT_PLAIN = 'must be plain text, without HTML.';

/**
 * Checks a ClaimReview against Google's fact-check markup rules and the desk's own
 * requirements (DESIGN.md, Publishing). Errors block publishing; warnings are advice.
 * The argument is `unknown` because markup read back from storage or typed by hand has no
 * type guarantees; a `WithContext<ClaimReview>` from `buildClaimReview` is the usual input.
 */
export function validateClaimReview(claimReview: unknown, options: { siteUrl: string }): ClaimReviewValidation {
  const errors: ClaimReviewIssue[] = [];
  const warnings: ClaimReviewIssue[] = [];
  const error = (field: string, message: string) => errors.push({ field, message });
  const warn = (field: string, message: string) => warnings.push({ field, message });

  /** The text when present and plain; records the error otherwise. */
  const requireText = (field: string, value: unknown, missing: string): string | null => {
    if (!isNonEmptyText(value)) {
      error(field, missing);
      return null;
    }
    if (containsHtml(value)) error(field, NOT_PLAIN);
    return value;
  };
  const checkOptionalUrl = (field: string, value: unknown) => {
    if (value !== undefined && !(typeof value === 'string' && toSafeHref(value))) error(field, NOT_HTTP);
  };

  const cr = asRecord(claimReview);
  if (!cr) {
    error('@type', 'The markup is not a ClaimReview object.');
    return { errors, warnings };
  }
  if (cr['@type'] !== 'ClaimReview') error('@type', 'must be "ClaimReview".');
  if (cr['@context'] !== undefined && !/^https?:\/\/schema\.org\/?$/.test(String(cr['@context']))) {
    warn('@context', 'should be "https://schema.org".');
  }

  const claimReviewed = requireText('claimReviewed', cr.claimReviewed, 'The claim being checked is missing.');
  if (claimReviewed !== null && claimReviewed.trim().length > CLAIM_REVIEWED_RECOMMENDED_MAX) {
    warn(
      'claimReviewed',
      `is ${claimReviewed.trim().length} characters; Google recommends at most ${CLAIM_REVIEWED_RECOMMENDED_MAX} so it does not wrap on phones.`,
    );
  }

  const rating = asRecord(firstOf(cr.reviewRating));
  if (!rating) {
    error('reviewRating', 'The rating is missing.');
  } else {
    requireText('reviewRating.alternateName', firstOf(rating.alternateName), 'The text verdict is missing.');
    const value = parseNumber(rating.ratingValue);
    const best = parseNumber(rating.bestRating);
    const worst = parseNumber(rating.worstRating);
    if (value === null) error('reviewRating.ratingValue', 'must be a number.');
    if (best === null) error('reviewRating.bestRating', 'must be a number.');
    if (worst === null) error('reviewRating.worstRating', 'must be a number.');
    if (best !== null && worst !== null && best <= worst) {
      error('reviewRating.bestRating', `(${best}) must be greater than worstRating (${worst}).`);
    }
    if (value !== null && best !== null && worst !== null && best > worst && (value < worst || value > best)) {
      error('reviewRating.ratingValue', `(${value}) must be between worstRating (${worst}) and bestRating (${best}).`);
    }
  }

  const siteHref = toSafeHref(options.siteUrl);
  const siteUrl = siteHref ? new URL(siteHref) : null;
  if (!siteUrl) error('url', `The site address ${JSON.stringify(options.siteUrl)} is not an absolute http(s) URL, so no page can be checked against it.`);
  if (!isNonEmptyText(cr.url)) {
    error('url', 'The address of the fact-check page is missing.');
  } else {
    const pageHref = toSafeHref(cr.url);
    if (!pageHref) error('url', NOT_HTTP);
    else if (siteUrl && !isSameSite(new URL(pageHref), siteUrl)) {
      error('url', `must be on this site (${siteUrl.origin}) or one of its subdomains.`);
    }
  }

  const author = asRecord(firstOf(cr.author));
  if (!author) {
    error('author', 'The fact-checking organisation is missing.');
  } else {
    requireText('author.name', author.name, 'The fact-checking organisation has no name.');
    if (author['@type'] !== 'Organization') warn('author', 'should be the publishing Organization.');
    checkOptionalUrl('author.url', author.url);
    checkOptionalUrl('author.logo', firstOf(author.logo));
  }

  const published = parseIsoDate(cr.datePublished);
  if (cr.datePublished === undefined || cr.datePublished === '') error('datePublished', 'The publication date is missing.');
  else if (published === null) error('datePublished', 'must be an ISO 8601 date.');
  if (cr.dateModified !== undefined) {
    const modified = parseIsoDate(cr.dateModified);
    if (modified === null) error('dateModified', 'must be an ISO 8601 date.');
    else if (published !== null && modified < published) error('dateModified', 'is earlier than datePublished.');
  }

  const claim = asRecord(firstOf(cr.itemReviewed));
  if (!claim) {
    error('itemReviewed', 'The claim (a Claim with its author and appearance) is missing.');
    return { errors, warnings };
  }
  if (claim['@type'] !== 'Claim') error('itemReviewed', 'must be a Claim.');

  const claimant = asRecord(firstOf(claim.author));
  if (!claimant) {
    error('itemReviewed.author', 'Who made the claim is missing.');
  } else {
    requireText('itemReviewed.author.name', claimant.name, 'Who made the claim is missing.');
    if (claimant['@type'] !== 'Person' && claimant['@type'] !== 'Organization') {
      error('itemReviewed.author', 'must be a Person or an Organization.');
    }
  }

  if (claim.datePublished !== undefined) {
    const claimDate = parseIsoDate(claim.datePublished);
    if (claimDate === null) error('itemReviewed.datePublished', 'must be an ISO 8601 date.');
    else if (published !== null && claimDate > published) warn('itemReviewed.datePublished', 'The claim is dated after the fact-check.');
  }

  const appearances: unknown[] = claim.appearance === undefined ? [] : Array.isArray(claim.appearance) ? claim.appearance : [claim.appearance];
  if (appearances.length === 0) error('itemReviewed.appearance', 'Where the claim appeared is missing.');
  appearances.forEach((item, index) => {
    const field = `itemReviewed.appearance[${index}]`;
    // schema.org also allows a bare URL as an appearance.
    const work = typeof item === 'string' ? { url: item } : asRecord(item);
    if (!work) {
      error(field, 'must be a CreativeWork with a url.');
      return;
    }
    if (!isNonEmptyText(work.url)) error(`${field}.url`, 'The address where the claim appeared is missing.');
    else if (!toSafeHref(work.url)) error(`${field}.url`, NOT_HTTP);
    if (work.headline !== undefined && (typeof work.headline !== 'string' || containsHtml(work.headline))) {
      error(`${field}.headline`, NOT_PLAIN);
    }
  });

  return { errors, warnings };
}
