import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ClaimStatus } from '../../lib/domain/enums';
import type { Db } from '../client';
import type { ClaimRow, NewClaimRow } from '../types';

export async function insertClaim(db: Db, values: Omit<NewClaimRow, 'id' | 'updatedAt'>): Promise<ClaimRow> {
  const rows = await db.q.insert(db.t.claims).values({ ...values, updatedAt: new Date() }).returning();
  const row = rows[0];
  if (!row) throw new Error('insertClaim returned no row');
  return row;
}

export async function findClaimById(db: Db, id: number): Promise<ClaimRow | undefined> {
  const { claims } = db.t;
  const rows = await db.q.select().from(claims).where(eq(claims.id, id)).limit(1);
  return rows[0];
}

export async function findClaimBySlug(db: Db, slug: string): Promise<ClaimRow | undefined> {
  const { claims } = db.t;
  const rows = await db.q.select().from(claims).where(eq(claims.slug, slug)).limit(1);
  return rows[0];
}

export async function isClaimSlugTaken(db: Db, slug: string): Promise<boolean> {
  return (await findClaimBySlug(db, slug)) !== undefined;
}

/** Claims of an article with the assignee's name; ordering by position happens in the service (JSON column). */
export async function findClaimsByArticle(
  db: Db,
  articleId: number,
  filter: { status?: ClaimStatus; assigneeId?: number } = {},
) {
  const { claims, users } = db.t;
  const conditions = [eq(claims.articleId, articleId)];
  if (filter.status) conditions.push(eq(claims.status, filter.status));
  if (filter.assigneeId !== undefined) conditions.push(eq(claims.assigneeId, filter.assigneeId));
  return db.q
    .select({ claim: claims, assigneeName: users.name })
    .from(claims)
    .leftJoin(users, eq(users.id, claims.assigneeId))
    .where(and(...conditions))
    .orderBy(asc(claims.id));
}

export async function findClaimsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const { claims, users, articles } = db.t;
  return db.q
    .select({ claim: claims, assigneeName: users.name, articleSlug: articles.slug, articleTitle: articles.title })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .leftJoin(users, eq(users.id, claims.assigneeId))
    .where(inArray(claims.id, ids))
    .orderBy(desc(claims.updatedAt));
}

export async function findClaimIdsAssignedTo(db: Db, userId: number, statuses: ClaimStatus[]): Promise<number[]> {
  const { claims } = db.t;
  const rows = await db.q
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.assigneeId, userId), inArray(claims.status, statuses)));
  return rows.map((r) => r.id);
}

/** Visible (not deleted) annotation counts per claim, in one query. */
export async function countAnnotationsByClaim(db: Db, claimIds: number[]): Promise<Map<number, number>> {
  if (claimIds.length === 0) return new Map();
  const { annotations } = db.t;
  const rows = await db.q
    .select({ claimId: annotations.claimId, value: count() })
    .from(annotations)
    .where(and(inArray(annotations.claimId, claimIds), isNull(annotations.deletedAt)))
    .groupBy(annotations.claimId);
  return new Map(rows.map((r) => [r.claimId, r.value]));
}

export async function updateClaimIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<ClaimRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<ClaimRow | undefined> {
  const { claims } = db.t;
  const rows = await db.q
    .update(claims)
    .set({ ...changes, updatedAt: new Date(), version: expectedVersion + 1 })
    .where(and(eq(claims.id, id), eq(claims.version, expectedVersion)))
    .returning();
  return rows[0];
}
