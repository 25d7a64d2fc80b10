import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';

export async function insertFollowIfMissing(db: Db, userId: number, claimId: number): Promise<void> {
  await db.q.insert(db.t.claimFollows).values({ userId, claimId }).onConflictDoNothing();
}

export async function deleteFollow(db: Db, userId: number, claimId: number): Promise<void> {
  const { claimFollows } = db.t;
  await db.q.delete(claimFollows).where(and(eq(claimFollows.userId, userId), eq(claimFollows.claimId, claimId)));
}

export async function isFollowing(db: Db, userId: number, claimId: number): Promise<boolean> {
  const { claimFollows } = db.t;
  const rows = await db.q
    .select({ claimId: claimFollows.claimId })
    .from(claimFollows)
    .where(and(eq(claimFollows.userId, userId), eq(claimFollows.claimId, claimId)))
    .limit(1);
  return rows.length > 0;
}

export async function findFollowedClaimIds(db: Db, userId: number): Promise<number[]> {
  const { claimFollows } = db.t;
  const rows = await db.q.select({ claimId: claimFollows.claimId }).from(claimFollows).where(eq(claimFollows.userId, userId));
  return rows.map((r) => r.claimId);
}
