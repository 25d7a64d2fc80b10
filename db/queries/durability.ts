// Read-only checks for the crash test (scripts/crash-test.ts): what a set of articles holds,
// with the audit and live-event rows each write must have committed alongside, and the
// storage engine's own consistency check.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';

export type WriteTrails = {
  claims: Array<{ id: number; articleId: number; hasArticle: boolean }>;
  annotations: Array<{ id: number; claimId: number; authorId: number; hasClaim: boolean }>;
  audit: Array<{ entityType: string; entityId: number; action: string; claimId: number | null }>;
  events: Array<{ type: string; claimId: number | null; payload: unknown }>;
  follows: Array<{ userId: number; claimId: number }>;
};

/** Everything written about the given articles' claims and annotations. */
export async function findWriteTrails(db: Db, articleIds: number[]): Promise<WriteTrails> {
  const { articles, claims, annotations, auditEvents, events, claimFollows } = db.t;
  // Sequential: on PostgreSQL these may share one connection.
  const claimRows = await db.q
    .select({ id: claims.id, articleId: claims.articleId, foundArticleId: articles.id })
    .from(claims)
    .leftJoin(articles, eq(articles.id, claims.articleId))
    .where(inArray(claims.articleId, articleIds));
  const claimIds = claimRows.map((c) => c.id);
  const annotationRows =
    claimIds.length === 0
      ? []
      : await db.q
          .select({ id: annotations.id, claimId: annotations.claimId, authorId: annotations.authorId, foundClaimId: claims.id })
          .from(annotations)
          .leftJoin(claims, eq(claims.id, annotations.claimId))
          .where(inArray(annotations.claimId, claimIds));
  const audit = await db.q
    .select({ entityType: auditEvents.entityType, entityId: auditEvents.entityId, action: auditEvents.action, claimId: auditEvents.claimId })
    .from(auditEvents)
    .where(and(inArray(auditEvents.articleId, articleIds), inArray(auditEvents.entityType, ['claim', 'annotation'])));
  const eventRows = await db.q
    .select({ type: events.type, claimId: events.claimId, payload: events.payload })
    .from(events)
    .where(and(inArray(events.articleId, articleIds), inArray(events.type, ['claim.created', 'annotation.added'])));
  const follows = claimIds.length === 0 ? [] : await db.q.select({ userId: claimFollows.userId, claimId: claimFollows.claimId }).from(claimFollows).where(inArray(claimFollows.claimId, claimIds));
  return {
    claims: claimRows.map((c) => ({ id: c.id, articleId: c.articleId, hasArticle: c.foundArticleId !== null })),
    annotations: annotationRows.map((a) => ({ id: a.id, claimId: a.claimId, authorId: a.authorId, hasClaim: a.foundClaimId !== null })),
    audit,
    events: eventRows,
    follows,
  };
}

/** Problems the storage engine itself reports: SQLite's integrity and foreign-key checks. */
export async function findStorageProblems(db: Db): Promise<string[]> {
  if (db.dialect !== 'sqlite') return [];
  const problems: string[] = [];
  const integrity = await db.q.all<{ integrity_check: string }>(sql`pragma integrity_check`);
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(`integrity_check: ${row.integrity_check}`);
  const foreignKeys = await db.q.all<{ table: string; rowid: number; parent: string }>(sql`pragma foreign_key_check`);
  for (const row of foreignKeys) problems.push(`foreign key: ${row.table} row ${row.rowid} points at a missing ${row.parent}`);
  return problems;
}
