import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import type { AnnotationRow, NewAnnotationRow } from '../types';

export async function insertAnnotation(
  db: Db,
  values: Omit<NewAnnotationRow, 'id' | 'updatedAt'>,
): Promise<AnnotationRow> {
  const rows = await db.q.insert(db.t.annotations).values({ ...values, updatedAt: new Date() }).returning();
  const row = rows[0];
  if (!row) throw new Error('insertAnnotation returned no row');
  return row;
}

export async function findAnnotationById(db: Db, id: number): Promise<AnnotationRow | undefined> {
  const { annotations } = db.t;
  const rows = await db.q.select().from(annotations).where(eq(annotations.id, id)).limit(1);
  return rows[0];
}

export async function findAnnotationsByClaim(db: Db, claimId: number) {
  const { annotations, users } = db.t;
  return db.q
    .select({ annotation: annotations, authorName: users.name })
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(eq(annotations.claimId, claimId))
    .orderBy(asc(annotations.createdAt), asc(annotations.id));
}

export async function updateAnnotationIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Omit<AnnotationRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>>,
): Promise<AnnotationRow | undefined> {
  const { annotations } = db.t;
  const rows = await db.q
    .update(annotations)
    .set({ ...changes, updatedAt: new Date(), version: expectedVersion + 1 })
    .where(and(eq(annotations.id, id), eq(annotations.version, expectedVersion)))
    .returning();
  return rows[0];
}

/** Annotations of an article's claims that point at their own passage (they have selectors), with author names. */
export async function findAnchoredAnnotationsByArticle(db: Db, articleId: number) {
  const { annotations, claims, users } = db.t;
  return db.q
    .select({ annotation: annotations, authorName: users.name })
    .from(annotations)
    .innerJoin(claims, eq(claims.id, annotations.claimId))
    .innerJoin(users, eq(users.id, annotations.authorId))
    .where(and(eq(claims.articleId, articleId), isNotNull(annotations.selectors), isNull(annotations.deletedAt)))
    .orderBy(asc(annotations.id));
}
