// The public site's read side: published fact-checks only. Nothing here takes an actor,
// and every query it uses joins on approved verdicts.
import type { AppDb, Db } from '@/db/client';
import { findArticleBySlug } from '@/db/queries/articles';
import {
  findApprovedVerdictsForClaims,
  findPublicArticles,
  findPublishedClaims,
  findPublishedFactCheckPage,
  findRecentApprovals,
} from '@/db/queries/public';
import type { VerdictRow } from '@/db/types';
import { buildClaimReview, serializeJsonLd, validateClaimReview } from '@/lib/claim-review';
import { buildAnnotationPage } from '@/lib/w3c';
import type { Rating } from '@/lib/ratings';
import { notFound } from '../errors';
import { getDeskSettings } from './settings';
import { getOrganisationSettings, type OrganisationSettings } from './organisation';

/** Absolute URL of this site's public pages (ClaimReview, feeds and sitemaps need absolute URLs). */
export function getPublicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim();
  return (configured || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, '');
}

function findRatingOrFallback(scale: Rating[], verdict: VerdictRow): Rating {
  // A rating later removed from the scale still renders with the label and value it was published with.
  return (
    scale.find((r) => r.key === verdict.ratingKey) ?? {
      key: verdict.ratingKey,
      label: verdict.ratingLabel,
      value: verdict.ratingValue,
      color: '#6b7280',
      description: '',
    }
  );
}

export const PUBLIC_PAGE_SIZE = 20;

/**
 * The ClaimReview a claim's current verdict would be published with, checked against Google's
 * fact-check rules. Approval calls this inside its transaction and refuses to publish on errors.
 */
export async function buildCheckedClaimReview(db: Db, claimSlug: string) {
  const [claim] = await findPublishedClaims(db, { slug: claimSlug });
  if (!claim) throw notFound('Fact-check');
  // One after another: approval runs this inside its transaction, on one connection.
  const verdicts = await findApprovedVerdictsForClaims(db, [claim.id]);
  const settings = await getDeskSettings(db);
  const organisation = await getOrganisationSettings(db);
  const current = verdicts[verdicts.length - 1]!;
  const first = verdicts[0]!;
  const baseUrl = getPublicBaseUrl();
  const claimReview = buildClaimReview({
    claimText: claim.statement,
    rating: findRatingOrFallback(settings.ratingScale, current),
    scale: settings.ratingScale,
    pageUrl: `${baseUrl}/fact-checks/${claim.slug}`,
    organisation: { name: organisation.name, url: organisation.url, logoUrl: organisation.logoUrl ?? undefined },
    datePublished: first.decidedAt ?? first.createdAt,
    dateModified: current.decidedAt ?? current.createdAt,
    claimant: claim.claimant,
    claimDate: claim.claimDate ?? claim.articlePublishedAt,
    appearance: { url: claim.articleUrl ?? `${baseUrl}/articles/${claim.articleSlug}`, headline: claim.articleTitle },
  });
  return { claim, verdicts, current, first, settings, organisation, claimReview, validation: validateClaimReview(claimReview, { siteUrl: baseUrl }) };
}

export async function getPublicFactCheck(db: AppDb, slug: string) {
  const { claim, verdicts, current, first, settings, organisation, claimReview } = await buildCheckedClaimReview(db, slug);
  const rating = findRatingOrFallback(settings.ratingScale, current);
  const pageUrl = `${getPublicBaseUrl()}/fact-checks/${claim.slug}`;
  return {
    slug: claim.slug,
    statement: claim.statement,
    claimant: claim.claimant,
    quote: claim.selectors.quote.exact,
    article: {
      slug: claim.articleSlug,
      title: claim.articleTitle,
      url: claim.articleUrl,
      publisher: claim.articlePublisher,
      publishedAt: claim.articlePublishedAt,
    },
    rating: { key: rating.key, label: current.ratingLabel, value: current.ratingValue, color: rating.color },
    scale: settings.ratingScale.map((r) => ({ key: r.key, label: r.label, value: r.value, color: r.color })),
    summary: current.summary,
    ruling: current.ruling,
    sources: current.sources,
    publishedAt: first.decidedAt ?? first.createdAt,
    updatedAt: current.decidedAt ?? current.createdAt,
    corrections: verdicts
      .slice(1)
      .map((v) => ({ date: v.decidedAt ?? v.createdAt, note: v.correctionNote ?? 'Updated.' }))
      .reverse(),
    earlierVerdicts: verdicts
      .slice(0, -1)
      .map((v) => ({ ratingLabel: v.ratingLabel, summary: v.summary, publishedAt: v.decidedAt ?? v.createdAt }))
      .reverse(),
    organisation: { name: organisation.name, url: organisation.url, logoUrl: organisation.logoUrl },
    pageUrl,
    jsonLd: serializeJsonLd(claimReview),
  };
}

export async function listPublicFactChecks(db: AppDb, filter: { query?: string; ratingKey?: string; page: number }) {
  const { rows, total } = await findPublishedFactCheckPage(db, {
    query: filter.query?.trim() || undefined,
    ratingKey: filter.ratingKey || undefined,
    limit: PUBLIC_PAGE_SIZE,
    offset: (filter.page - 1) * PUBLIC_PAGE_SIZE,
  });
  const settings = await getDeskSettings(db);
  return {
    items: rows.map((row) => ({
      slug: row.slug,
      statement: row.statement,
      claimant: row.claimant,
      ratingLabel: row.ratingLabel,
      ratingColor: settings.ratingScale.find((r) => r.key === row.ratingKey)?.color ?? '#6b7280',
      summary: row.summary,
      publishedAt: row.decidedAt,
      articleTitle: row.articleTitle,
    })),
    total,
    page: filter.page,
    pageCount: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)),
    ratings: settings.ratingScale.map((r) => ({ key: r.key, label: r.label })),
  };
}

export async function getPublicArticle(db: AppDb, slug: string) {
  const article = await findArticleBySlug(db, slug);
  if (!article) throw notFound('Article');
  const claims = await findPublishedClaims(db, { articleId: article.id });
  if (claims.length === 0) throw notFound('Article');
  const [verdicts, settings] = await Promise.all([
    findApprovedVerdictsForClaims(
      db,
      claims.map((c) => c.id),
    ),
    getDeskSettings(db),
  ]);
  const currentByClaim = new Map<number, VerdictRow>();
  for (const verdict of verdicts) currentByClaim.set(verdict.claimId, verdict);
  return {
    slug: article.slug,
    title: article.title,
    dek: article.dek,
    paragraphs: article.paragraphs,
    publisher: article.publisher,
    author: article.author,
    url: article.url,
    publishedAt: article.publishedAt,
    language: article.language,
    factChecks: claims
      .map((c) => {
        const verdict = currentByClaim.get(c.id)!;
        const rating = findRatingOrFallback(settings.ratingScale, verdict);
        return {
          slug: c.slug,
          statement: c.statement,
          claimant: c.claimant,
          start: c.selectors.position.start,
          end: c.selectors.position.end,
          isAnchored: c.anchorState !== 'orphan',
          ratingLabel: verdict.ratingLabel,
          ratingColor: rating.color,
          summary: verdict.summary,
        };
      })
      .sort((a, b) => a.start - b.start),
  };
}

export async function listPublicArticles(db: AppDb, { page }: { page: number }) {
  const rows = await findPublicArticles(db, { limit: PUBLIC_PAGE_SIZE + 1, offset: (page - 1) * PUBLIC_PAGE_SIZE });
  return { items: rows.slice(0, PUBLIC_PAGE_SIZE), hasMore: rows.length > PUBLIC_PAGE_SIZE, page };
}

export async function listFeedItems(db: AppDb) {
  const rows = await findRecentApprovals(db, 50);
  return rows.map((row) => ({
    guid: `verdict-${row.verdictId}`,
    slug: row.slug,
    title:
      row.versionNumber > 1 && row.correctionNote
        ? `Correction: ${row.statement} — ${row.ratingLabel}`
        : `${row.statement} — ${row.ratingLabel}`,
    isCorrection: row.correctionNote !== null,
    description: row.correctionNote ? `${row.correctionNote} ${row.summary}` : row.summary,
    claimant: row.claimant,
    publishedAt: row.decidedAt!,
  }));
}

export type PublicOrganisation = OrganisationSettings;

/** The article's published fact-checks as a W3C Web Annotation page (JSON-LD). */
export async function getPublicArticleAnnotations(db: AppDb, slug: string) {
  const article = await findArticleBySlug(db, slug);
  if (!article) throw notFound('Article');
  const claims = await findPublishedClaims(db, { articleId: article.id });
  if (claims.length === 0) throw notFound('Article');
  const verdicts = await findApprovedVerdictsForClaims(
    db,
    claims.map((c) => c.id),
  );
  const byClaim = new Map<number, VerdictRow[]>();
  for (const verdict of verdicts) byClaim.set(verdict.claimId, [...(byClaim.get(verdict.claimId) ?? []), verdict]);
  const base = getPublicBaseUrl();
  const organisation = await getOrganisationSettings(db);
  return buildAnnotationPage({
    id: `${base}/api/articles/${article.slug}/annotations`,
    annotations: claims.map((claim) => {
      const history = byClaim.get(claim.id)!;
      const current = history[history.length - 1]!;
      return {
        id: `${base}/fact-checks/${claim.slug}#annotation`,
        targetSource: article.url ?? `${base}/articles/${article.slug}`,
        selectors: claim.selectors,
        body: { ratingLabel: current.ratingLabel, summary: current.summary, factCheckUrl: `${base}/fact-checks/${claim.slug}` },
        created: history[0]!.decidedAt ?? history[0]!.createdAt,
        modified: current.decidedAt ?? current.createdAt,
        creatorName: organisation.name,
      };
    }),
  });
}
