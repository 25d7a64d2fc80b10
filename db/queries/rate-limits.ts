// Fixed-window counters shared by every app instance (one row per key), so a limit holds
// across a load balancer. Each hit is one atomic upsert: no read-then-write race.
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';

export type RateLimitBucket = { hits: number; windowStartedAt: Date };

/**
 * Counts one hit on `key` and returns the bucket after it: a window that started before
 * `windowStart` is over, so the hit opens a new one at `now` with a count of 1.
 */
export async function hitRateLimitBucket(db: Db, key: string, now: Date, windowStart: Date): Promise<RateLimitBucket> {
  const { rateLimitBuckets: b } = db.t;
  const isExpired = sql`${b.windowStartedAt} < ${sql.param(windowStart, b.windowStartedAt)}`;
  const rows = await db.q
    .insert(b)
    .values({ key, windowStartedAt: now, hits: 1 })
    .onConflictDoUpdate({
      target: b.key,
      set: {
        hits: sql`case when ${isExpired} then 1 else ${b.hits} + 1 end`,
        windowStartedAt: sql`case when ${isExpired} then ${sql.param(now, b.windowStartedAt)} else ${b.windowStartedAt} end`,
      },
    })
    .returning({ hits: b.hits, windowStartedAt: b.windowStartedAt });
  return rows[0]!;
}

export async function findRateLimitBucket(db: Db, key: string): Promise<RateLimitBucket | undefined> {
  const { rateLimitBuckets: b } = db.t;
  const rows = await db.q.select({ hits: b.hits, windowStartedAt: b.windowStartedAt }).from(b).where(eq(b.key, key)).limit(1);
  return rows[0];
}

/** Forgets windows that ended before `before`, so the table does not grow without bound. */
export async function deleteRateLimitBucketsBefore(db: Db, before: Date): Promise<number> {
  const { rateLimitBuckets: b } = db.t;
  const rows = await db.q.delete(b).where(lt(b.windowStartedAt, before)).returning({ key: b.key });
  return rows.length;
}
