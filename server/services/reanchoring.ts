// Anchors after the article text changes: the automatic re-anchoring a revision runs over
// every claim and anchored annotation, and the manual re-attachment of an orphaned claim.
import type { AppDb } from '@/db/client';
import { findArticleById } from '@/db/queries/articles';
import { insertAuditEvent } from '@/db/queries/audit';
import { updateClaimIfVersion } from '@/db/queries/claims';
import type { ClaimRow } from '@/db/types';
import { describeTextRange, joinParagraphs, resolveAnchor } from '@/lib/anchoring';
import type { AnchorStateValue } from '@/lib/domain/enums';
import type { StoredSelectors } from '@/lib/domain/selectors';
import { conflict, DomainError, notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import type { ClaimSummary } from './claim-views';
import { describeClaimForConflict, requireClaim, summariseClaim } from './claims';
import { recordLiveEvents } from './live-events';
import { publicPathsFor } from './verdicts';

export type Anchor = { selectors: StoredSelectors; anchorState: AnchorStateValue; anchorScore: number | null };
export type AnchorCounts = Record<AnchorStateValue, number>;

export const emptyAnchorCounts = (): AnchorCounts => ({ exact: 0, moved: 0, fuzzy: 0, orphan: 0 });

/**
 * Where `selectors` land in `text`. A found passage gets fresh selectors (position and
 * context in the new text); an orphan keeps its old ones, so the quote a published
 * fact-check shows survives the passage leaving the article.
 */
export function reanchor(text: string, selectors: StoredSelectors): Anchor {
  const result = resolveAnchor(text, selectors);
  if (result.state !== 'orphan') {
    try {
      return { selectors: describeTextRange(text, result.start, result.end), anchorState: result.state, anchorScore: result.score };
    } catch (error) {
      // A match of nothing but whitespace cannot be a quote: treat it as not found.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return { selectors, anchorState: 'orphan', anchorScore: result.score };
}

function isSameSelectors(a: StoredSelectors, b: StoredSelectors): boolean {
  return (
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

export function isSameAnchor(a: Anchor, b: Anchor): boolean {
  return a.anchorState === b.anchorState && a.anchorScore === b.anchorScore && isSameSelectors(a.selectors, b.selectors);
}

export function anchorOf(row: Pick<ClaimRow, 'selectors' | 'anchorState' | 'anchorScore'>): Anchor {
  return { selectors: row.selectors, anchorState: row.anchorState, anchorScore: row.anchorScore };
}

/**
 * Re-attaches a claim by hand to a passage the reviewer selected in the current text (an
 * orphan after a revision, or a fuzzy match placed on the wrong words). Its discussion stays.
 */
export async function reattachClaim(
  db: AppDb,
  actor: Actor | null,
  input: { claimId: number; version: number; selectors: StoredSelectors },
): Promise<{ claim: ClaimSummary; publicPaths: string[] }> {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const current = await requireClaim(tx, input.claimId);
    if (current.version !== input.version) {
      throw conflict('Someone else changed this claim since you loaded it.', await describeClaimForConflict(tx, current));
    }
    const article = await findArticleById(tx, current.articleId);
    if (!article) throw notFound('Article');
    const text = joinParagraphs(article.paragraphs);
    const { start, end } = input.selectors.position;
    const selected = end <= text.length ? text.slice(start, end) : null;
    const selectors = selected === input.selectors.quote.exact ? describeTextRange(text, start, end) : null;
    if (!selectors || selectors.quote.exact !== input.selectors.quote.exact) {
      throw new DomainError(
        'BAD_REQUEST',
        'The selected words are not at that place in the current text of the article (it may have been revised). Reload and select again.',
      );
    }
    const updated = await updateClaimIfVersion(tx, current.id, input.version, {
      selectors,
      anchorState: 'exact',
      anchorScore: 1,
    });
    if (!updated) {
      throw conflict('Someone else changed this claim since you loaded it.', await describeClaimForConflict(tx, current));
    }
    await insertAuditEvent(tx, {
      entityType: 'claim',
      entityId: current.id,
      claimId: current.id,
      articleId: current.articleId,
      action: 'claim.reattached',
      actorId: reviewer.id,
      before: anchorOf(current),
      after: anchorOf(updated),
    });
    const summary = await summariseClaim(tx, updated);
    await recordLiveEvents(tx, reviewer, current.articleId, [{ type: 'claim.edited', claim: summary }]);
    return { claim: summary, publicPaths: updated.status === 'published' ? publicPathsFor(updated.slug, article.slug) : [] };
  });
}
