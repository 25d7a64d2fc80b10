// Read models for the public site. Every query here joins on approved verdicts, so nothing
// unpublished can come back from it.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Approved verdicts (oldest first) of the given claims. */
export async function findApprovedVerdictsForClaims(db: Db, claimIds: number[]) {
  if (claimIds.length === 0) return [];
  const { verdicts } = db.t;
  return db.q
    .select()
    .from(verdicts)
    .where(and(inArray(verdicts.claimId, claimIds), eq(verdicts.status, 'approved')))
    .orderBy(asc(verdicts.claimId), asc(verdicts.versionNumber));
}

/** Claims that have at least one approved verdict, optionally of one article or matching a slug. */
export async function findPublishedClaims(db: Db, filter: { articleId?: number; slug?: string }) {
  const { claims, verdicts, articles } = db.t;
  const conditions = [
    sql`exists (select 1 from ${verdicts} where ${verdicts.claimId} = ${claims.id} and ${verdicts.status} = 'approved')`,
  ];
  if (filter.articleId !== undefined) conditions.push(eq(claims.articleId, filter.articleId));
  if (filter.slug !== undefined) conditions.push(eq(claims.slug, filter.slug));
  return db.q
    .select({
      id: claims.id,
      slug: claims.slug,
      statement: claims.statement,
      claimant: claims.claimant,
      claimDate: claims.claimDate,
      selectors: claims.selectors,
      anchorState: claims.anchorState,
      articleId: articles.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
      articleUrl: articles.url,
      articlePublisher: articles.publisher,
      articlePublishedAt: articles.publishedAt,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(...conditions))
    .orderBy(asc(claims.id));
}

/** The current (latest approved) verdict of each published claim, newest publication first, searchable. */
export async function findPublishedFactCheckPage(
  db: Db,
  filter: { query?: string; ratingKey?: string; limit: number; offset: number },
) {
  const { claims, verdicts, articles } = db.t;
  const latest = sql`${verdicts.versionNumber} = (select max(v2.version_number) from verdicts v2 where v2.claim_id = ${claims.id} and v2.status = 'approved')`;
  const conditions = [eq(verdicts.status, 'approved'), latest];
  if (filter.ratingKey) conditions.push(eq(verdicts.ratingKey, filter.ratingKey));
  if (filter.query) {
    const pattern = `%${filter.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(lower(${claims.statement}) like ${pattern} escape '\\' or lower(${claims.claimant}) like ${pattern} escape '\\' or lower(${verdicts.summary}) like ${pattern} escape '\\')`,
    );
  }
  const where = and(...conditions);
  const [rows, total] = await Promise.all([
    db.q
      .select({
        claimId: claims.id,
        slug: claims.slug,
        statement: claims.statement,
        claimant: claims.claimant,
        ratingKey: verdicts.ratingKey,
        ratingLabel: verdicts.ratingLabel,
        summary: verdicts.summary,
        decidedAt: verdicts.decidedAt,
        articleTitle: articles.title,
      })
      .from(verdicts)
      .innerJoin(claims, eq(claims.id, verdicts.claimId))
      .innerJoin(articles, eq(articles.id, claims.articleId))
      .where(where)
      .orderBy(desc(verdicts.decidedAt), desc(verdicts.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.q
      .select({ value: count() })
      .from(verdicts)
      .innerJoin(claims, eq(claims.id, verdicts.claimId))
      .where(where),
  ]);
  return { rows, total: total[0]?.value ?? 0 };
}

/** Approvals newest first: the feed's publications and corrections. */
export async function findRecentApprovals(db: Db, limit: number) {
  const { claims, verdicts } = db.t;
  return db.q
    .select({
      verdictId: verdicts.id,
      versionNumber: verdicts.versionNumber,
      ratingLabel: verdicts.ratingLabel,
      summary: verdicts.summary,
      correctionNote: verdicts.correctionNote,
      decidedAt: verdicts.decidedAt,
      slug: claims.slug,
      statement: claims.statement,
      claimant: claims.claimant,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .where(eq(verdicts.status, 'approved'))
    .orderBy(desc(verdicts.decidedAt), desc(verdicts.id))
    .limit(limit);
}

/** Articles with at least one published fact-check: the only articles the public site shows. */
export async function findPublicArticles(db: Db, options: { limit: number; offset: number }) {
  const { claims, verdicts, articles } = db.t;
  return db.q
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      dek: articles.dek,
      publisher: articles.publisher,
      author: articles.author,
      publishedAt: articles.publishedAt,
      createdAt: articles.createdAt,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(
      sql`exists (select 1 from ${claims} join ${verdicts} on ${verdicts.claimId} = ${claims.id} where ${claims.articleId} = ${articles.id} and ${verdicts.status} = 'approved')`,
    )
    .orderBy(desc(articles.createdAt), desc(articles.id))
    .limit(options.limit)
    .offset(options.offset);
}
