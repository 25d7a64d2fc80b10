import { and, asc, count, eq, max } from 'drizzle-orm';
import type { VerdictStatus } from '../../lib/domain/enums';
import type { Db } from '../client';
import type { NewVerdictRow, VerdictRow } from '../types';

export async function insertVerdict(db: Db, values: Omit<NewVerdictRow, 'id' | 'updatedAt'>): Promise<VerdictRow> {
  const rows = await db.q.insert(db.t.verdicts).values({ ...values, updatedAt: new Date() }).returning();
  const row = rows[0];
  if (!row) throw new Error('insertVerdict returned no row');
  return row;
}

export async function findVerdictById(db: Db, id: number): Promise<VerdictRow | undefined> {
  const { verdicts } = db.t;
  const rows = await db.q.select().from(verdicts).where(eq(verdicts.id, id)).limit(1);
  return rows[0];
}

export async function findVerdictsByClaim(db: Db, claimId: number) {
  const { verdicts, users } = db.t;
  return db.q
    .select({ verdict: verdicts, proposerName: users.name })
    .from(verdicts)
    .innerJoin(users, eq(users.id, verdicts.proposedById))
    .where(eq(verdicts.claimId, claimId))
    .orderBy(asc(verdicts.versionNumber));
}

export async function findVerdictsByClaimAndStatus(db: Db, claimId: number, status: VerdictStatus) {
  const { verdicts } = db.t;
  return db.q
    .select()
    .from(verdicts)
    .where(and(eq(verdicts.claimId, claimId), eq(verdicts.status, status)))
    .orderBy(asc(verdicts.versionNumber));
}

export async function findNextVerdictNumber(db: Db, claimId: number): Promise<number> {
  const { verdicts } = db.t;
  const rows = await db.q.select({ value: max(verdicts.versionNumber) }).from(verdicts).where(eq(verdicts.claimId, claimId));
  return (rows[0]?.value ?? 0) + 1;
}

export async function updateVerdictIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<VerdictRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<VerdictRow | undefined> {
  const { verdicts } = db.t;
  const rows = await db.q
    .update(verdicts)
    .set({ ...changes, updatedAt: new Date(), version: expectedVersion + 1 })
    .where(and(eq(verdicts.id, id), eq(verdicts.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Pending proposals, oldest first, with what the review queue shows. */
export async function findPendingProposals(db: Db, filter: { articleId?: number; proposerId?: number }) {
  const { verdicts, claims, articles, users } = db.t;
  const conditions = [eq(verdicts.status, 'pending')];
  if (filter.articleId !== undefined) conditions.push(eq(claims.articleId, filter.articleId));
  if (filter.proposerId !== undefined) conditions.push(eq(verdicts.proposedById, filter.proposerId));
  return db.q
    .select({
      verdictId: verdicts.id,
      verdictVersion: verdicts.version,
      ratingLabel: verdicts.ratingLabel,
      summary: verdicts.summary,
      isUpdate: verdicts.correctionNote,
      proposedAt: verdicts.createdAt,
      proposerId: verdicts.proposedById,
      proposerName: users.name,
      claimId: claims.id,
      claimStatement: claims.statement,
      articleId: articles.id,
      articleSlug: articles.slug,
      articleTitle: articles.title,
    })
    .from(verdicts)
    .innerJoin(claims, eq(claims.id, verdicts.claimId))
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .innerJoin(users, eq(users.id, verdicts.proposedById))
    .where(and(...conditions))
    .orderBy(asc(verdicts.createdAt), asc(verdicts.id));
}

export async function countPendingProposals(db: Db): Promise<number> {
  const { verdicts } = db.t;
  const rows = await db.q.select({ value: count() }).from(verdicts).where(eq(verdicts.status, 'pending'));
  return rows[0]?.value ?? 0;
}
