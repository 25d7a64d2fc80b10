import type { AppDb } from '@/db/client';
import { insertAuditEvent } from '@/db/queries/audit';
import { updateClaimIfVersion } from '@/db/queries/claims';
import { findUserById } from '@/db/queries/users';
import { findArticleById } from '@/db/queries/articles';
import { insertFollowIfMissing } from '@/db/queries/follows';
import {
  findNextVerdictNumber,
  findVerdictById,
  findVerdictsByClaimAndStatus,
  insertVerdict,
  updateVerdictIfVersion,
} from '@/db/queries/verdicts';
import { decideClaimTransition, type ClaimAction } from '@/lib/domain/claim-workflow';
import type { ClaimRow, VerdictRow } from '@/db/types';
import type { VerdictSource } from '@/lib/domain/selectors';
import { conflict, DomainError, notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import { requireClaim, summariseClaim } from './claims';
import { toVerdictView } from './claim-views';
import { recordLiveEvents, type VERDICT_EVENT_TYPES } from './live-events';
import { buildCheckedClaimReview } from './public-site';
import { getDeskSettings } from './settings';

type Tx = Parameters<Parameters<AppDb['transaction']>[0]>[0];

async function assertTransition(tx: Tx, claim: ClaimRow, action: ClaimAction, actor: Actor, isProposer: boolean) {
  const hasPublishedVerdict = (await findVerdictsByClaimAndStatus(tx, claim.id, 'approved')).length > 0;
  const decision = decideClaimTransition({ status: claim.status, hasPublishedVerdict }, action, {
    role: actor.role,
    isProposer,
  });
  if (!decision.isAllowed) {
    throw new DomainError(decision.reason === 'FORBIDDEN' ? 'FORBIDDEN' : 'PRECONDITION_FAILED', decision.message);
  }
  return decision.nextStatus;
}

export async function proposeVerdict(
  db: AppDb,
  actor: Actor | null,
  input: {
    claimId: number;
    claimVersion: number;
    ratingKey: string;
    summary: string;
    ruling: string;
    sources: VerdictSource[];
    correctionNote: string | null;
  },
) {
  const reviewer = requireRole(actor, 'reviewer');
  const settings = await getDeskSettings(db);
  const rating = settings.ratingScale.find((r) => r.key === input.ratingKey);
  if (!rating) throw new DomainError('BAD_REQUEST', `"${input.ratingKey}" is not on the desk's rating scale.`);
  return db.transaction(async (tx) => {
    const claim = await requireClaim(tx, input.claimId);
    const nextStatus = await assertTransition(tx, claim, 'propose', reviewer, false);
    const missing = settings.checklist.filter((item) => item.required && !claim.checklist[item.key]?.checked);
    if (missing.length > 0) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        `Tick the required checklist items first: ${missing.map((item) => item.label).join(', ')}.`,
      );
    }
    const isUpdate = claim.status === 'published';
    if (isUpdate && !input.correctionNote?.trim()) {
      throw new DomainError('BAD_REQUEST', 'Say what changed: an update to a published verdict needs a correction note.');
    }
    const updatedClaim = await updateClaimIfVersion(tx, claim.id, input.claimVersion, { status: nextStatus });
    if (!updatedClaim) throw conflict('This claim changed since you loaded it. Reload to see the latest state.');
    const verdict = await insertVerdict(tx, {
      claimId: claim.id,
      versionNumber: await findNextVerdictNumber(tx, claim.id),
      ratingKey: rating.key,
      ratingLabel: rating.label,
      ratingValue: rating.value,
      summary: input.summary,
      ruling: input.ruling,
      sources: input.sources,
      correctionNote: isUpdate ? input.correctionNote : null,
      status: 'pending',
      proposedById: reviewer.id,
    });
    await insertFollowIfMissing(tx, reviewer.id, claim.id);
    await insertAuditEvent(tx, {
      entityType: 'verdict',
      entityId: verdict.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: isUpdate ? 'verdict.update_proposed' : 'verdict.proposed',
      actorId: reviewer.id,
      before: { claimStatus: claim.status },
      after: { claimStatus: nextStatus, rating: rating.label, summary: input.summary },
    });
    await announceVerdict(tx, reviewer, 'verdict.proposed', updatedClaim, verdict);
    return { verdictId: verdict.id, claimStatus: updatedClaim.status, claimVersion: updatedClaim.version };
  });
}

export async function withdrawVerdict(db: AppDb, actor: Actor | null, input: { verdictId: number; version: number }) {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const verdict = await findVerdictById(tx, input.verdictId);
    if (!verdict) throw notFound('Verdict');
    if (verdict.status !== 'pending') {
      throw new DomainError('PRECONDITION_FAILED', `This proposal was already ${verdict.status}.`);
    }
    const claim = await requireClaim(tx, verdict.claimId);
    const nextStatus = await assertTransition(tx, claim, 'withdraw', reviewer, verdict.proposedById === reviewer.id);
    const updatedVerdict = await updateVerdictIfVersion(tx, verdict.id, input.version, { status: 'withdrawn' });
    if (!updatedVerdict) throw conflict('This proposal changed since you loaded it. Reload to see its state.');
    const updatedClaim = await updateClaimIfVersion(tx, claim.id, claim.version, { status: nextStatus });
    if (!updatedClaim) throw conflict('This claim changed at the same moment. Reload and try again.');
    await insertAuditEvent(tx, {
      entityType: 'verdict',
      entityId: verdict.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: 'verdict.withdrawn',
      actorId: reviewer.id,
      before: { claimStatus: claim.status, verdictStatus: 'pending' },
      after: { claimStatus: nextStatus, verdictStatus: 'withdrawn' },
    });
    await announceVerdict(tx, reviewer, 'verdict.withdrawn', updatedClaim, updatedVerdict);
    return { claimStatus: updatedClaim.status, claimVersion: updatedClaim.version };
  });
}

async function requirePendingVerdict(tx: Tx, verdictId: number, expectedVersion: number) {
  const verdict = await findVerdictById(tx, verdictId);
  if (!verdict) throw notFound('Verdict');
  if (verdict.status !== 'pending' || verdict.version !== expectedVersion) {
    const decider = verdict.decidedById ? await findUserById(tx, verdict.decidedById) : undefined;
    const by = decider ? ` by ${decider.name}` : '';
    throw conflict(
      verdict.status === 'pending'
        ? 'This proposal changed since you loaded it. Reload to see it.'
        : `This proposal was already ${verdict.status}${by}.`,
      { status: verdict.status, decidedBy: decider?.name ?? null },
    );
  }
  return verdict;
}

/** Tells live workspaces and review queues; the last write of the transaction. */
async function announceVerdict(
  tx: Tx,
  actor: Actor,
  type: (typeof VERDICT_EVENT_TYPES)[number],
  claim: ClaimRow,
  verdict: VerdictRow | null,
): Promise<void> {
  const proposer = verdict ? await findUserById(tx, verdict.proposedById) : undefined;
  await recordLiveEvents(tx, actor, claim.articleId, [
    {
      type,
      claim: await summariseClaim(tx, claim),
      verdict: verdict ? toVerdictView(verdict, proposer?.name ?? 'Unknown') : null,
    },
  ]);
}

/** The public pages that show a claim's verdict, to revalidate when it changes. */
export function publicPathsFor(claimSlug: string, articleSlug: string | null): string[] {
  const paths = [`/fact-checks/${claimSlug}`, `/embed/${claimSlug}`, '/fact-checks', '/articles', '/feed.xml', '/sitemap.xml'];
  if (articleSlug) paths.push(`/articles/${articleSlug}`);
  return paths;
}

/** Publishes a pending verdict. The two-person rule holds for everyone, admins included. */
export async function approveVerdict(db: AppDb, actor: Actor | null, input: { verdictId: number; version: number }) {
  const editor = requireRole(actor, 'editor');
  return db.transaction(async (tx) => {
    const verdict = await requirePendingVerdict(tx, input.verdictId, input.version);
    const claim = await requireClaim(tx, verdict.claimId);
    const nextStatus = await assertTransition(tx, claim, 'approve', editor, verdict.proposedById === editor.id);
    const now = new Date();
    const approved = await updateVerdictIfVersion(tx, verdict.id, verdict.version, {
      status: 'approved',
      decidedById: editor.id,
      decidedAt: now,
    });
    if (!approved) throw conflict('Someone decided this proposal at the same moment. Reload to see it.');
    const updatedClaim = await updateClaimIfVersion(tx, claim.id, claim.version, { status: nextStatus });
    if (!updatedClaim) throw conflict('This claim changed at the same moment. Reload and try again.');
    await insertAuditEvent(tx, {
      entityType: 'verdict',
      entityId: verdict.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: verdict.correctionNote ? 'verdict.correction_approved' : 'verdict.approved',
      actorId: editor.id,
      before: { claimStatus: claim.status, verdictStatus: 'pending' },
      after: { claimStatus: nextStatus, verdictStatus: 'approved', rating: verdict.ratingLabel },
    });
    // Publish only what search engines will accept: a ClaimReview missing a required field rolls it all back.
    const { validation } = await buildCheckedClaimReview(tx, claim.slug);
    if (validation.errors.length > 0) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        `This verdict cannot be published yet: ${validation.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      );
    }
    await announceVerdict(tx, editor, 'verdict.approved', updatedClaim, approved);
    const article = await findArticleById(tx, claim.articleId);
    return {
      claimStatus: updatedClaim.status,
      claimVersion: updatedClaim.version,
      claimSlug: claim.slug,
      publicPaths: publicPathsFor(claim.slug, article?.slug ?? null),
    };
  });
}

export async function returnVerdict(
  db: AppDb,
  actor: Actor | null,
  input: { verdictId: number; version: number; comment: string },
) {
  const editor = requireRole(actor, 'editor');
  return db.transaction(async (tx) => {
    const verdict = await requirePendingVerdict(tx, input.verdictId, input.version);
    const claim = await requireClaim(tx, verdict.claimId);
    const nextStatus = await assertTransition(tx, claim, 'return', editor, verdict.proposedById === editor.id);
    const returned = await updateVerdictIfVersion(tx, verdict.id, verdict.version, {
      status: 'returned',
      decidedById: editor.id,
      decidedAt: new Date(),
      decisionComment: input.comment,
    });
    if (!returned) throw conflict('Someone decided this proposal at the same moment. Reload to see it.');
    const updatedClaim = await updateClaimIfVersion(tx, claim.id, claim.version, { status: nextStatus });
    if (!updatedClaim) throw conflict('This claim changed at the same moment. Reload and try again.');
    await insertAuditEvent(tx, {
      entityType: 'verdict',
      entityId: verdict.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: 'verdict.returned',
      actorId: editor.id,
      before: { claimStatus: claim.status, verdictStatus: 'pending' },
      after: { claimStatus: nextStatus, verdictStatus: 'returned', comment: input.comment },
    });
    await announceVerdict(tx, editor, 'verdict.returned', updatedClaim, returned);
    return { claimStatus: updatedClaim.status, claimVersion: updatedClaim.version };
  });
}

/** Dismisses a claim as not checkable; a pending proposal on it is returned with the reason. */
export async function dismissClaim(
  db: AppDb,
  actor: Actor | null,
  input: { claimId: number; version: number; reason: string },
) {
  const editor = requireRole(actor, 'editor');
  return db.transaction(async (tx) => {
    const claim = await requireClaim(tx, input.claimId);
    const nextStatus = await assertTransition(tx, claim, 'dismiss', editor, false);
    const updatedClaim = await updateClaimIfVersion(tx, claim.id, input.version, {
      status: nextStatus,
      dismissReason: input.reason,
    });
    if (!updatedClaim) throw conflict('This claim changed since you loaded it. Reload to see the latest state.');
    for (const pending of await findVerdictsByClaimAndStatus(tx, claim.id, 'pending')) {
      await updateVerdictIfVersion(tx, pending.id, pending.version, {
        status: 'returned',
        decidedById: editor.id,
        decidedAt: new Date(),
        decisionComment: `Claim dismissed: ${input.reason}`,
      });
    }
    await insertAuditEvent(tx, {
      entityType: 'claim',
      entityId: claim.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: 'claim.dismissed',
      actorId: editor.id,
      before: { status: claim.status },
      after: { status: nextStatus, reason: input.reason },
    });
    await announceVerdict(tx, editor, 'claim.dismissed', updatedClaim, null);
    return { claimStatus: updatedClaim.status, claimVersion: updatedClaim.version };
  });
}
