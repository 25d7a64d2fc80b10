import { randomBytes } from 'node:crypto';
import type { AppDb, Db } from '@/db/client';
import { findArticleById } from '@/db/queries/articles';
import { findAuditEventsForClaim, insertAuditEvent } from '@/db/queries/audit';
import { findAnnotationsByClaim } from '@/db/queries/annotations';
import {
  countAnnotationsByClaim,
  findClaimById,
  findClaimsByArticle,
  insertClaim,
  isClaimSlugTaken,
  updateClaimIfVersion,
} from '@/db/queries/claims';
import { deleteFollow, insertFollowIfMissing, isFollowing } from '@/db/queries/follows';
import { findUserById } from '@/db/queries/users';
import { findVerdictsByClaim } from '@/db/queries/verdicts';
import type { ClaimRow } from '@/db/types';
import { joinParagraphs } from '@/lib/anchoring';
import type { ClaimStatus } from '@/lib/domain/enums';
import type { StoredSelectors } from '@/lib/domain/selectors';
import { slugify } from '@/lib/slug';
import { conflict, DomainError, notFound } from '../errors';
import { describeLastChange } from './conflicts';
import { requireRole, type Actor } from './actor';
import { toAnnotationView, toSummary, toVerdictView, type ClaimSummary } from './claim-views';

export type { ClaimSummary } from './claim-views';
import { recordLiveEvents } from './live-events';
import { getDeskSettings } from './settings';

async function pickFreeClaimSlug(db: Db, statement: string): Promise<string> {
  const base = slugify(statement, 50);
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString('hex')}`;
    if (!(await isClaimSlugTaken(db, candidate))) return candidate;
  }
}

async function assertAssignable(db: Db, assigneeId: number | null | undefined): Promise<void> {
  if (assigneeId === null || assigneeId === undefined) return;
  const user = await findUserById(db, assigneeId);
  if (!user || !user.isActive) throw new DomainError('BAD_REQUEST', 'The assignee must be an active member of the desk.');
}

/** A claim row as the workspace lists it (with its assignee's name and annotation count). */
export async function summariseClaim(db: Db, claim: ClaimRow): Promise<ClaimSummary> {
  // Sequential: `db` may be a transaction, one connection that pg will not pipeline on.
  const assignee = claim.assigneeId ? await findUserById(db, claim.assigneeId) : undefined;
  const counts = await countAnnotationsByClaim(db, [claim.id]);
  return toSummary(claim, assignee?.name ?? null, counts.get(claim.id) ?? 0);
}

export async function requireClaim(db: Db, claimId: number): Promise<ClaimRow> {
  const claim = await findClaimById(db, claimId);
  if (!claim) throw notFound('Claim');
  return claim;
}

export async function createClaim(
  db: AppDb,
  actor: Actor | null,
  input: {
    articleId: number;
    selectors: StoredSelectors;
    statement: string;
    claimant: string;
    assigneeId: number | null;
    tags: string[];
  },
): Promise<ClaimSummary> {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const article = await findArticleById(tx, input.articleId);
    if (!article) throw notFound('Article');
    const text = joinParagraphs(article.paragraphs);
    const { start, end } = input.selectors.position;
    if (end > text.length || text.slice(start, end) !== input.selectors.quote.exact) {
      throw new DomainError(
        'BAD_REQUEST',
        'The selected words are not at that place in the article (it may have changed). Reload and select again.',
      );
    }
    await assertAssignable(tx, input.assigneeId);
    const claim = await insertClaim(tx, {
      articleId: article.id,
      slug: await pickFreeClaimSlug(tx, input.statement),
      statement: input.statement,
      claimant: input.claimant,
      selectors: input.selectors,
      anchorState: 'exact',
      anchorScore: 1,
      status: 'open',
      assigneeId: input.assigneeId,
      tags: input.tags,
      checklist: {},
      createdById: reviewer.id,
    });
    await insertFollowIfMissing(tx, reviewer.id, claim.id);
    if (input.assigneeId) await insertFollowIfMissing(tx, input.assigneeId, claim.id);
    await insertAuditEvent(tx, {
      entityType: 'claim',
      entityId: claim.id,
      claimId: claim.id,
      articleId: article.id,
      action: 'claim.created',
      actorId: reviewer.id,
      after: { statement: claim.statement, claimant: claim.claimant, quote: input.selectors.quote.exact },
    });
    const assignee = input.assigneeId ? await findUserById(tx, input.assigneeId) : undefined;
    const summary = toSummary(claim, assignee?.name ?? null, 0);
    await recordLiveEvents(tx, reviewer, article.id, [{ type: 'claim.created', claim: summary }]);
    return summary;
  });
}

export async function updateClaim(
  db: AppDb,
  actor: Actor | null,
  input: {
    claimId: number;
    version: number;
    statement?: string;
    claimant?: string;
    assigneeId?: number | null;
    tags?: string[];
  },
): Promise<ClaimSummary> {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const current = await requireClaim(tx, input.claimId);
    const changesWording =
      (input.statement !== undefined && input.statement !== current.statement) ||
      (input.claimant !== undefined && input.claimant !== current.claimant);
    if (changesWording && (current.status === 'published' || current.status === 'in_review')) {
      throw new DomainError(
        'PRECONDITION_FAILED',
        'The statement and claimant are locked while a verdict is in review or published; propose an update instead.',
      );
    }
    await assertAssignable(tx, input.assigneeId);
    const changes = {
      ...(input.statement !== undefined ? { statement: input.statement } : {}),
      ...(input.claimant !== undefined ? { claimant: input.claimant } : {}),
      ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
      ...(input.tags !== undefined ? { tags: input.tags } : {}),
    };
    const updated = await updateClaimIfVersion(tx, current.id, input.version, changes);
    if (!updated) {
      throw conflict('Someone else changed this claim since you loaded it.', await describeClaimForConflict(tx, current));
    }
    if (input.assigneeId) await insertFollowIfMissing(tx, input.assigneeId, current.id);
    const action = input.assigneeId !== undefined && input.assigneeId !== current.assigneeId ? 'claim.assigned' : 'claim.edited';
    await insertAuditEvent(tx, {
      entityType: 'claim',
      entityId: current.id,
      claimId: current.id,
      articleId: current.articleId,
      action,
      actorId: reviewer.id,
      before: pickClaimFields(current),
      after: pickClaimFields(updated),
    });
    const assignee = updated.assigneeId ? await findUserById(tx, updated.assigneeId) : undefined;
    const counts = await countAnnotationsByClaim(tx, [updated.id]);
    const summary = toSummary(updated, assignee?.name ?? null, counts.get(updated.id) ?? 0);
    await recordLiveEvents(tx, reviewer, current.articleId, [{ type: action, claim: summary }]);
    return summary;
  });
}

function pickClaimFields(claim: ClaimRow) {
  return { statement: claim.statement, claimant: claim.claimant, assigneeId: claim.assigneeId, tags: claim.tags };
}

/** What a writer who lost a race needs: the row as it is now, and who changed it when. */
export async function describeClaimForConflict(db: Db, current: ClaimRow) {
  // Anything on the claim counts (a proposal or a decision also moves its version).
  return { current: await summariseClaim(db, current), ...(await describeLastChange(db, { claimId: current.id }, current.updatedAt)) };
}

export async function listClaimsForArticle(
  db: AppDb,
  actor: Actor | null,
  filter: { articleId: number; status?: ClaimStatus; isAssignedToMe: boolean },
): Promise<ClaimSummary[]> {
  const reviewer = requireRole(actor, 'reviewer');
  const article = await findArticleById(db, filter.articleId);
  if (!article) throw notFound('Article');
  return listClaimsOfKnownArticle(db, filter.articleId, {
    status: filter.status,
    assigneeId: filter.isAssignedToMe ? reviewer.id : undefined,
  });
}

/** The claims of an article the caller has already loaded, in text order. */
export async function listClaimsOfKnownArticle(
  db: AppDb,
  articleId: number,
  filter: { status?: ClaimStatus; assigneeId?: number } = {},
): Promise<ClaimSummary[]> {
  const rows = await findClaimsByArticle(db, articleId, filter);
  const counts = await countAnnotationsByClaim(
    db,
    rows.map((r) => r.claim.id),
  );
  return rows
    .map((r) => toSummary(r.claim, r.assigneeName, counts.get(r.claim.id) ?? 0))
    .sort((a, b) => a.selectors.position.start - b.selectors.position.start || a.id - b.id);
}

export async function getClaimDetail(db: AppDb, actor: Actor | null, claimId: number) {
  const reviewer = requireRole(actor, 'reviewer');
  const claim = await requireClaim(db, claimId);
  const [article, annotationRows, verdictRows, auditRows, settings, following, assignee, creator] = await Promise.all([
    findArticleById(db, claim.articleId),
    findAnnotationsByClaim(db, claim.id),
    findVerdictsByClaim(db, claim.id),
    findAuditEventsForClaim(db, claim.id),
    getDeskSettings(db),
    isFollowing(db, reviewer.id, claim.id),
    claim.assigneeId ? findUserById(db, claim.assigneeId) : Promise.resolve(undefined),
    findUserById(db, claim.createdById),
  ]);
  const annotations = annotationRows.map(({ annotation, authorName }) => toAnnotationView(annotation, authorName, reviewer));
  const checklist = settings.checklist.map((item) => ({
    ...item,
    isChecked: claim.checklist[item.key]?.checked ?? false,
  }));
  if (!article) throw notFound('Article');
  return {
    claim: toSummary(claim, assignee?.name ?? null, annotations.filter((a) => !a.isDeleted).length),
    article: { id: article.id, slug: article.slug, title: article.title },
    // An orphan's position points at other words now: show the quote with the context it had.
    context:
      claim.anchorState === 'orphan'
        ? { before: claim.selectors.quote.prefix, quote: claim.selectors.quote.exact, after: claim.selectors.quote.suffix }
        : describeQuoteContext(joinParagraphs(article.paragraphs), claim.selectors.position),
    createdByName: creator?.name ?? 'Unknown',
    isFollowing: following,
    checklist,
    ratingScale: settings.ratingScale,
    annotations,
    verdicts: verdictRows.map(({ verdict, proposerName }) => toVerdictView(verdict, proposerName)),
    audit: auditRows.map(({ event, actorName }) => ({
      id: event.id,
      action: event.action,
      actorName: actorName ?? 'System',
      createdAt: event.createdAt,
    })),
  };
}

const CONTEXT_CHARACTERS = 280;

/** The quote with the text around it (cut at word boundaries), so a reviewer of the claim sees it in place. */
function describeQuoteContext(text: string, position: { start: number; end: number }) {
  const quote = text.slice(position.start, position.end);
  let before = text.slice(Math.max(0, position.start - CONTEXT_CHARACTERS), position.start);
  let after = text.slice(position.end, position.end + CONTEXT_CHARACTERS);
  if (position.start > CONTEXT_CHARACTERS) before = '…' + before.replace(/^\S*\s/, '');
  if (position.end + CONTEXT_CHARACTERS < text.length) after = after.replace(/\s\S*$/, '') + '…';
  return { before, quote, after };
}

export type ClaimDetail = Awaited<ReturnType<typeof getClaimDetail>>;

export async function setChecklistItem(
  db: AppDb,
  actor: Actor | null,
  input: { claimId: number; itemKey: string; isChecked: boolean },
) {
  const reviewer = requireRole(actor, 'reviewer');
  const settings = await getDeskSettings(db);
  if (!settings.checklist.some((item) => item.key === input.itemKey)) {
    throw new DomainError('BAD_REQUEST', `There is no checklist item "${input.itemKey}".`);
  }
  // Two reviewers ticking different items at once must both win: re-read and retry on a version race.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const result = await db.transaction(async (tx) => {
      const claim = await requireClaim(tx, input.claimId);
      if (claim.status !== 'open' && claim.status !== 'in_review') {
        throw new DomainError('PRECONDITION_FAILED', 'The checklist is closed once a claim is published or dismissed.');
      }
      const checklistState = {
        ...claim.checklist,
        [input.itemKey]: { checked: input.isChecked, byUserId: reviewer.id, at: new Date().toISOString() },
      };
      const updated = await updateClaimIfVersion(tx, claim.id, claim.version, { checklist: checklistState });
      if (!updated) return null;
      await insertAuditEvent(tx, {
        entityType: 'claim',
        entityId: claim.id,
        claimId: claim.id,
        articleId: claim.articleId,
        action: input.isChecked ? 'checklist.checked' : 'checklist.unchecked',
        actorId: reviewer.id,
        after: { item: input.itemKey },
      });
      const checklist = settings.checklist.map((item) => ({ ...item, isChecked: updated.checklist[item.key]?.checked ?? false }));
      await recordLiveEvents(tx, reviewer, claim.articleId, [
        { type: 'checklist.changed', claimId: claim.id, claimVersion: updated.version, checklist },
      ]);
      return checklist;
    });
    if (result) return result;
  }
  throw conflict('The checklist is being changed by others right now. Try again.');
}

export async function setFollowing(db: AppDb, actor: Actor | null, input: { claimId: number; isFollowing: boolean }) {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    await requireClaim(tx, input.claimId);
    if (input.isFollowing) await insertFollowIfMissing(tx, reviewer.id, input.claimId);
    else await deleteFollow(tx, reviewer.id, input.claimId);
    return { isFollowing: input.isFollowing };
  });
}
