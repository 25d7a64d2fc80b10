import type { AppDb } from '@/db/client';
import { findRecentAuditEventsForClaims } from '@/db/queries/audit';
import { countAnnotationsByClaim, findClaimIdsAssignedTo, findClaimsByIds } from '@/db/queries/claims';
import { findFollowedClaimIds } from '@/db/queries/follows';
import { requireRole, type Actor } from './actor';

export async function getReviewerDashboard(db: AppDb, actor: Actor | null) {
  const reviewer = requireRole(actor, 'reviewer');
  const [assignedIds, followedIds] = await Promise.all([
    findClaimIdsAssignedTo(db, reviewer.id, ['open', 'in_review']),
    findFollowedClaimIds(db, reviewer.id),
  ]);
  const allIds = [...new Set([...assignedIds, ...followedIds])];
  const [rows, counts, activity] = await Promise.all([
    findClaimsByIds(db, allIds),
    countAnnotationsByClaim(db, allIds),
    findRecentAuditEventsForClaims(db, allIds, 30),
  ]);
  const toItem = (row: (typeof rows)[number]) => ({
    id: row.claim.id,
    statement: row.claim.statement,
    claimant: row.claim.claimant,
    status: row.claim.status,
    assigneeName: row.assigneeName,
    annotationCount: counts.get(row.claim.id) ?? 0,
    articleSlug: row.articleSlug,
    articleTitle: row.articleTitle,
    updatedAt: row.claim.updatedAt,
  });
  const assigned = new Set(assignedIds);
  const followed = new Set(followedIds);
  return {
    assigned: rows.filter((r) => assigned.has(r.claim.id)).map(toItem),
    following: rows.filter((r) => followed.has(r.claim.id)).map(toItem),
    activity: activity.map((event) => ({
      id: event.id,
      action: event.action,
      actorName: event.actorName ?? 'System',
      claimId: event.claimId ?? 0,
      claimStatement: event.claimStatement,
      createdAt: event.createdAt,
    })),
  };
}
