import { and, count, eq, gte } from 'drizzle-orm';
import type { Db } from '../client';

export async function countClaimsByStatus(db: Db) {
  const { claims } = db.t;
  return db.q.select({ status: claims.status, value: count() }).from(claims).groupBy(claims.status);
}

/** Approvals since `since`, with their rating and date; bucketed into weeks by the service (portable SQL). */
export async function findApprovalsSince(db: Db, since: Date) {
  const { verdicts } = db.t;
  return db.q
    .select({ ratingKey: verdicts.ratingKey, ratingLabel: verdicts.ratingLabel, decidedAt: verdicts.decidedAt })
    .from(verdicts)
    .where(and(eq(verdicts.status, 'approved'), gte(verdicts.decidedAt, since)));
}
