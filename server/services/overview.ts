import type { AppDb } from '@/db/client';
import { countClaimsByStatus, findApprovalsSince } from '@/db/queries/overview';
import { CLAIM_STATUSES } from '@/lib/domain/enums';
import { requireRole, type Actor } from './actor';
import { listReviewQueue } from './review-queue';
import { getDeskSettings } from './settings';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
export const OVERVIEW_WEEKS = 8;

/** Start of the ISO week (Monday, UTC) containing `date`. */
export function startOfWeekUtc(date: Date): Date {
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

export async function getDeskOverview(db: AppDb, actor: Actor | null, now: Date = new Date()) {
  requireRole(actor, 'editor');
  const firstWeek = new Date(startOfWeekUtc(now).getTime() - (OVERVIEW_WEEKS - 1) * WEEK_MS);
  const [statusCounts, approvals, queue, settings] = await Promise.all([
    countClaimsByStatus(db),
    findApprovalsSince(db, firstWeek),
    listReviewQueue(db, actor, {}),
    getDeskSettings(db),
  ]);
  const weeks = Array.from({ length: OVERVIEW_WEEKS }, (_, index) => {
    const start = new Date(firstWeek.getTime() + index * WEEK_MS);
    return { weekStart: start, counts: Object.fromEntries(settings.ratingScale.map((r) => [r.key, 0])) as Record<string, number> };
  });
  for (const approval of approvals) {
    if (!approval.decidedAt) continue;
    const index = Math.floor((startOfWeekUtc(approval.decidedAt).getTime() - firstWeek.getTime()) / WEEK_MS);
    const week = weeks[index];
    if (week) week.counts[approval.ratingKey] = (week.counts[approval.ratingKey] ?? 0) + 1;
  }
  return {
    byStatus: CLAIM_STATUSES.map((status) => ({ status, count: statusCounts.find((s) => s.status === status)?.value ?? 0 })),
    ratings: settings.ratingScale.map((r) => ({ key: r.key, label: r.label, color: r.color })),
    weeks,
    oldestWaiting: queue.slice(0, 5),
  };
}
