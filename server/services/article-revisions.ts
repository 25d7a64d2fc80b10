// Article revisions: publishers edit articles after publication, the desk stores each text it
// was shown, re-anchors every claim (and anchored annotation) on the new text, and can show
// what changed between two revisions.
import type { AppDb, Db } from '@/db/client';
import {
  findArticleById,
  findRevision,
  findRevisionsByArticle,
  insertArticleRevision,
  updateArticleTextIfVersion,
  type ArticleRow,
} from '@/db/queries/articles';
import { findAnchoredAnnotationsByArticle, updateAnnotationIfVersion } from '@/db/queries/annotations';
import { insertAuditEvent } from '@/db/queries/audit';
import { countAnnotationsByClaim, findClaimsByArticle, updateClaimIfVersion } from '@/db/queries/claims';
import { joinParagraphs, paragraphOffsets } from '@/lib/anchoring';
import { diffParagraphs, type ParagraphDiffOp } from '@/lib/article-diff';
import { conflict, DomainError, notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import { describeLastChange } from './conflicts';
import { toArticleView, type ArticleView } from './articles';
import { toSummary } from './claim-views';
import { recordLiveEvents, type StoredLiveEvent } from './live-events';
import { anchorOf, emptyAnchorCounts, isSameAnchor, reanchor, type Anchor, type AnchorCounts } from './reanchoring';
import { publicPathsFor } from './verdicts';

/** The article as it is now, and who last changed it, for a writer who lost a race. */
async function describeArticleForConflict(db: Db, current: ArticleRow) {
  return {
    current: toArticleView(current),
    ...(await describeLastChange(db, { entityType: 'article', entityId: current.id }, current.updatedAt)),
  };
}

function isSameText(article: ArticleRow, input: { title: string; dek: string | null; paragraphs: string[] }): boolean {
  return (
    article.title === input.title &&
    article.dek === input.dek &&
    article.paragraphs.length === input.paragraphs.length &&
    article.paragraphs.every((p, i) => p === input.paragraphs[i])
  );
}

const STALE_ARTICLE = 'Someone else changed this article since you loaded it.';
const CHANGED_WHILE_REVISING = 'A claim on this article changed while the revision was being saved. Reload and try again.';

export type ReviseArticleResult = {
  article: ArticleView;
  revisionNumber: number;
  anchorCounts: AnchorCounts;
  publicPaths: string[];
};

/**
 * Stores a new revision of an article's text and re-anchors everything pointing into it, in
 * one transaction: a failure anywhere leaves the old text, anchors and revisions as they were.
 */
export async function reviseArticle(
  db: AppDb,
  actor: Actor | null,
  input: { articleId: number; version: number; title: string; dek: string | null; paragraphs: string[] },
): Promise<ReviseArticleResult> {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const current = await findArticleById(tx, input.articleId);
    if (!current) throw notFound('Article');
    if (current.version !== input.version) {
      throw conflict(STALE_ARTICLE, await describeArticleForConflict(tx, current));
    }
    if (isSameText(current, input)) {
      throw new DomainError('BAD_REQUEST', 'This text is identical to the current revision of the article; there is nothing to save.');
    }
    const revisionNumber = current.revisionNumber + 1;
    const article = await updateArticleTextIfVersion(tx, current.id, input.version, {
      title: input.title,
      dek: input.dek,
      paragraphs: input.paragraphs,
      revisionNumber,
    });
    if (!article) {
      const latest = await findArticleById(tx, current.id);
      throw conflict(STALE_ARTICLE, latest ? await describeArticleForConflict(tx, latest) : undefined);
    }
    const text = joinParagraphs(article.paragraphs);
    const liveEvents: StoredLiveEvent[] = [];
    const publicPaths = new Set<string>();

    const claimRows = await findClaimsByArticle(tx, article.id);
    const annotationCounts = await countAnnotationsByClaim(
      tx,
      claimRows.map((r) => r.claim.id),
    );
    const anchorCounts = emptyAnchorCounts();
    let reanchoredClaims = 0;
    for (const { claim, assigneeName } of claimRows) {
      const before = anchorOf(claim);
      const after = reanchor(text, claim.selectors);
      anchorCounts[after.anchorState] += 1;
      if (isSameAnchor(before, after)) continue;
      const updated = await updateClaimIfVersion(tx, claim.id, claim.version, after);
      if (!updated) throw conflict(CHANGED_WHILE_REVISING);
      reanchoredClaims += 1;
      await insertAuditEvent(tx, {
        entityType: 'claim',
        entityId: claim.id,
        claimId: claim.id,
        articleId: article.id,
        action: 'claim.reanchored',
        actorId: reviewer.id,
        before: { ...before, revisionNumber: current.revisionNumber },
        after: { ...after, revisionNumber },
      });
      liveEvents.push({ type: 'claim.edited', claim: toSummary(updated, assigneeName, annotationCounts.get(claim.id) ?? 0) });
      if (updated.status === 'published') for (const path of publicPathsFor(updated.slug, article.slug)) publicPaths.add(path);
    }

    for (const { annotation, authorName } of await findAnchoredAnnotationsByArticle(tx, article.id)) {
      if (!annotation.selectors || !annotation.anchorState) continue;
      const before: Anchor = { selectors: annotation.selectors, anchorState: annotation.anchorState, anchorScore: annotation.anchorScore };
      const after = reanchor(text, annotation.selectors);
      if (isSameAnchor(before, after)) continue;
      const updated = await updateAnnotationIfVersion(tx, annotation.id, annotation.version, after);
      if (!updated) throw conflict(CHANGED_WHILE_REVISING);
      await insertAuditEvent(tx, {
        entityType: 'annotation',
        entityId: annotation.id,
        claimId: annotation.claimId,
        articleId: article.id,
        action: 'annotation.reanchored',
        actorId: reviewer.id,
        before: { ...before, revisionNumber: current.revisionNumber },
        after: { ...after, revisionNumber },
      });
      liveEvents.push({
        type: 'annotation.edited',
        annotation: updated,
        authorName,
        annotationCount: annotationCounts.get(annotation.claimId) ?? 0,
      });
    }

    // Stored after the re-anchoring, so a failure to record the revision undoes that too.
    await insertArticleRevision(tx, {
      articleId: article.id,
      revisionNumber,
      title: article.title,
      dek: article.dek,
      paragraphs: article.paragraphs,
      createdById: reviewer.id,
    });
    await insertAuditEvent(tx, {
      entityType: 'article',
      entityId: article.id,
      articleId: article.id,
      action: 'article.revised',
      actorId: reviewer.id,
      before: { revisionNumber: current.revisionNumber, title: current.title, paragraphs: current.paragraphs.length },
      after: { revisionNumber, title: article.title, paragraphs: article.paragraphs.length, anchorCounts, reanchoredClaims },
    });
    if (publicPaths.size > 0) publicPaths.add(`/articles/${article.slug}`);
    liveEvents.push({ type: 'article.revised', articleId: article.id, revisionNumber, articleVersion: article.version });
    await recordLiveEvents(tx, reviewer, article.id, liveEvents);
    return { article: toArticleView(article), revisionNumber, anchorCounts, publicPaths: [...publicPaths] };
  });
}

async function requireArticle(db: Db, articleId: number): Promise<ArticleRow> {
  const article = await findArticleById(db, articleId);
  if (!article) throw notFound('Article');
  return article;
}

async function requireRevision(db: Db, articleId: number, revisionNumber: number) {
  const revision = await findRevision(db, articleId, revisionNumber);
  if (!revision) throw notFound('Revision');
  return revision;
}

export async function listArticleRevisions(db: AppDb, actor: Actor | null, input: { articleId: number }) {
  requireRole(actor, 'reviewer');
  await requireArticle(db, input.articleId);
  const rows = await findRevisionsByArticle(db, input.articleId);
  return rows.map(({ revision, createdByName }) => ({
    revisionNumber: revision.revisionNumber,
    title: revision.title,
    createdAt: revision.createdAt,
    createdByName,
    paragraphCount: revision.paragraphs.length,
    characterCount: joinParagraphs(revision.paragraphs).length,
  }));
}

export async function getArticleRevision(db: AppDb, actor: Actor | null, input: { articleId: number; revisionNumber: number }) {
  requireRole(actor, 'reviewer');
  const revision = await requireRevision(db, input.articleId, input.revisionNumber);
  return {
    revisionNumber: revision.revisionNumber,
    title: revision.title,
    dek: revision.dek,
    paragraphs: revision.paragraphs,
    createdAt: revision.createdAt,
  };
}

/** Indexes of the paragraphs that text[start, end) overlaps. */
function paragraphsCovering(paragraphs: readonly string[], start: number, end: number): number[] {
  const offsets = paragraphOffsets(paragraphs);
  const covered: number[] = [];
  paragraphs.forEach((paragraph, index) => {
    const from = offsets[index]!;
    if (from < end && from + paragraph.length > start) covered.push(index);
  });
  return covered;
}

/** The paragraphs holding the occurrence of `quote` nearest to `near`, or null when it is absent. */
function locateQuote(paragraphs: readonly string[], quote: string, near: number): number[] | null {
  const text = joinParagraphs(paragraphs);
  let best = -1;
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) {
    if (best === -1 || Math.abs(index - near) < Math.abs(best - near)) best = index;
  }
  return best === -1 ? null : paragraphsCovering(paragraphs, best, best + quote.length);
}

/**
 * What changed between two revisions, paragraph by paragraph, with the claims each changed or
 * removed paragraph held. A claim is placed by its stored anchor when `to` is the current text
 * (and the claim is anchored there), else by its quote: in `to` if it is still there, else in `from`.
 */
export async function diffArticleRevisions(
  db: AppDb,
  actor: Actor | null,
  input: { articleId: number; from: number; to: number },
) {
  requireRole(actor, 'reviewer');
  const article = await requireArticle(db, input.articleId);
  const [from, to, claimRows] = await Promise.all([
    requireRevision(db, article.id, input.from),
    requireRevision(db, article.id, input.to),
    findClaimsByArticle(db, article.id),
  ]);
  const ops: (ParagraphDiffOp & { claimIds: number[] })[] = diffParagraphs(from.paragraphs, to.paragraphs).map((op) => ({
    ...op,
    claimIds: [],
  }));
  const isToCurrent = to.revisionNumber === article.revisionNumber;
  const affected = new Set<number>();
  const mark = (claimId: number, side: 'before' | 'after', indexes: number[]) => {
    for (const op of ops) {
      const index = side === 'before' ? op.beforeIndex : op.afterIndex;
      if (index === null || !indexes.includes(index)) continue;
      if (op.kind === 'changed' || op.kind === 'removed') {
        op.claimIds.push(claimId);
        affected.add(claimId);
      }
    }
  };
  for (const { claim } of claimRows) {
    const { quote, position } = claim.selectors;
    if (isToCurrent && claim.anchorState !== 'orphan') {
      mark(claim.id, 'after', paragraphsCovering(to.paragraphs, position.start, position.end));
      continue;
    }
    const inTo = locateQuote(to.paragraphs, quote.exact, position.start);
    if (inTo) {
      mark(claim.id, 'after', inTo);
      continue;
    }
    const inFrom = locateQuote(from.paragraphs, quote.exact, position.start);
    if (inFrom) mark(claim.id, 'before', inFrom);
  }
  const describe = (r: typeof from) => ({ revisionNumber: r.revisionNumber, title: r.title, createdAt: r.createdAt });
  return {
    from: describe(from),
    to: describe(to),
    ops,
    affectedClaims: claimRows
      .filter(({ claim }) => affected.has(claim.id))
      .map(({ claim }) => ({
        id: claim.id,
        slug: claim.slug,
        statement: claim.statement,
        status: claim.status,
        anchorState: claim.anchorState,
        quote: claim.selectors.quote.exact,
      })),
  };
}
