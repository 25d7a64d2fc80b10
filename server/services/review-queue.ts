import type { AppDb } from '@/db/client';
import { countPendingProposals, findPendingProposals } from '@/db/queries/verdicts';
import { requireRole, type Actor } from './actor';

export async function listReviewQueue(db: AppDb, actor: Actor | null, filter: { articleId?: number; proposerId?: number }) {
  const editor = requireRole(actor, 'editor');
  const rows = await findPendingProposals(db, filter);
  return rows.map((row) => ({
    verdictId: row.verdictId,
    verdictVersion: row.verdictVersion,
    ratingLabel: row.ratingLabel,
    summary: row.summary,
    isUpdate: row.isUpdate !== null,
    proposedAt: row.proposedAt,
    proposerId: row.proposerId,
    proposerName: row.proposerName,
    // The two-person rule, shown up front: an editor cannot approve their own proposal.
    canApprove: row.proposerId !== editor.id,
    claimId: row.claimId,
    claimStatement: row.claimStatement,
    articleId: row.articleId,
    articleSlug: row.articleSlug,
    articleTitle: row.articleTitle,
  }));
}

export async function countReviewQueue(db: AppDb, actor: Actor | null): Promise<number> {
  requireRole(actor, 'editor');
  return countPendingProposals(db);
}
