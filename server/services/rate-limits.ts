// Rate limits: fixed windows counted in the database (db/queries/rate-limits.ts), so they hold
// across every instance behind a load balancer. Generous enough for a busy newsroom and for
// the end-to-end suite, tight enough to stop password guessing and a fetch or hash storm.
import type { Db } from '@/db/client';
import { deleteRateLimitBucketsBefore, findRateLimitBucket, hitRateLimitBucket } from '@/db/queries/rate-limits';
import { DomainError } from '../errors';

export type RateLimit = { name: string; limit: number; windowMs: number };

export const RATE_LIMITS = {
  /** Failed sign-ins per account name (whether or not the account exists). */
  signInFailuresPerAccount: { name: 'sign-in-failures:account', limit: 10, windowMs: 60_000 },
  /** Failed sign-ins per client address. */
  signInFailuresPerAddress: { name: 'sign-in-failures:address', limit: 30, windowMs: 60_000 },
  /** URL imports per user: the server fetches the page. */
  urlImportsPerUser: { name: 'url-import:user', limit: 20, windowMs: 60_000 },
  /** Other imports and revisions per user: parsing up to 2 MB of text or HTML each. */
  articleParsesPerUser: { name: 'article-parse:user', limit: 120, windowMs: 60_000 },
  /** New accounts per admin: an argon2id hash each. */
  accountsCreatedPerUser: { name: 'account-create:user', limit: 30, windowMs: 60_000 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitResult = { isAllowed: boolean; hits: number; retryAfterMs: number };

const keyOf = (limit: RateLimit, subject: string) => `${limit.name}:${subject.trim().toLowerCase()}`;

function resultOf(limit: RateLimit, hits: number, windowStartedAt: Date, now: Date): RateLimitResult {
  const retryAfterMs = Math.max(0, windowStartedAt.getTime() + limit.windowMs - now.getTime());
  return { isAllowed: hits <= limit.limit, hits, retryAfterMs };
}

/** Counts one hit for `subject` and says whether it is within the limit. */
export async function consumeRateLimit(db: Db, limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> {
  const bucket = await hitRateLimitBucket(db, keyOf(limit, subject), now, new Date(now.getTime() - limit.windowMs));
  return resultOf(limit, bucket.hits, bucket.windowStartedAt, now);
}

/** Whether `subject` has used up its limit in the current window, without counting a hit. */
export async function isRateLimited(db: Db, limit: RateLimit, subject: string, now = new Date()): Promise<boolean> {
  const bucket = await findRateLimitBucket(db, keyOf(limit, subject));
  if (!bucket || bucket.windowStartedAt.getTime() < now.getTime() - limit.windowMs) return false;
  return bucket.hits >= limit.limit;
}

/** Counts one hit and throws TOO_MANY_REQUESTS past the limit. */
export async function enforceRateLimit(db: Db, limit: RateLimit, subject: string, now = new Date()): Promise<void> {
  const result = await consumeRateLimit(db, limit, subject, now);
  if (!result.isAllowed) {
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    throw new DomainError('TOO_MANY_REQUESTS', `Too many requests. Try again in ${seconds} s.`, { retryAfterSeconds: seconds });
  }
}

/** Drops finished windows (the longest limit is a minute); called now and then, never on a hot path. */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  const longest = Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowMs));
  return deleteRateLimitBucketsBefore(db, new Date(now.getTime() - longest));
}
