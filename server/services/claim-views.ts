// How claims, annotations and verdicts look to a member of the desk. The claim detail, the
// workspace and the live event stream all map rows through these, so a field shown in one
// place cannot leak through another.
import type { AnnotationRow, ClaimRow, VerdictRow } from '@/db/types';
import type { ClaimStatus } from '@/lib/domain/enums';
import type { StoredSelectors } from '@/lib/domain/selectors';
import type { Actor } from './actor';

export type ClaimSummary = {
  id: number;
  slug: string;
  articleId: number;
  statement: string;
  claimant: string;
  status: ClaimStatus;
  selectors: StoredSelectors;
  anchorState: ClaimRow['anchorState'];
  /** How well a fuzzy anchor matched (0–1); 1 for exact and moved ones. */
  anchorScore: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  tags: string[];
  annotationCount: number;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

export function toSummary(claim: ClaimRow, assigneeName: string | null, annotationCount: number): ClaimSummary {
  return {
    id: claim.id,
    slug: claim.slug,
    articleId: claim.articleId,
    statement: claim.statement,
    claimant: claim.claimant,
    status: claim.status,
    selectors: claim.selectors,
    anchorState: claim.anchorState,
    anchorScore: claim.anchorScore,
    assigneeId: claim.assigneeId,
    assigneeName,
    tags: claim.tags,
    annotationCount,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    version: claim.version,
  };
}

export type AnnotationView = {
  id: number;
  claimId: number;
  parentId: number | null;
  kind: 'note' | 'question' | 'evidence';
  body: string;
  evidence: {
    sourceUrl: string;
    sourceTitle: string;
    excerpt: string;
    archiveUrl: string | null;
    stance: 'supports' | 'contradicts' | 'context';
  } | null;
  authorId: number;
  authorName: string;
  isHidden: boolean;
  isDeleted: boolean;
  canEdit: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};

/** An annotation as `viewer` may see it: deleted text is gone, hidden text is for editors' eyes. */
export function toAnnotationView(a: AnnotationRow, authorName: string, viewer: Pick<Actor, 'id' | 'role'>): AnnotationView {
  const isDeleted = a.deletedAt !== null;
  const isBodyVisible = !isDeleted && (!a.isHidden || viewer.role !== 'reviewer');
  return {
    id: a.id,
    claimId: a.claimId,
    parentId: a.parentId,
    kind: a.kind,
    body: isBodyVisible ? a.body : '',
    evidence:
      isBodyVisible && a.kind === 'evidence' && a.sourceUrl
        ? {
            sourceUrl: a.sourceUrl,
            sourceTitle: a.sourceTitle ?? a.sourceUrl,
            excerpt: a.excerpt ?? '',
            archiveUrl: a.archiveUrl,
            stance: a.stance ?? 'context',
          }
        : null,
    authorId: a.authorId,
    authorName,
    isHidden: a.isHidden,
    isDeleted,
    canEdit: !isDeleted && a.authorId === viewer.id,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

export function toVerdictView(v: VerdictRow, proposerName: string) {
  return {
    id: v.id,
    versionNumber: v.versionNumber,
    ratingKey: v.ratingKey,
    ratingLabel: v.ratingLabel,
    ratingValue: v.ratingValue,
    summary: v.summary,
    ruling: v.ruling,
    sources: v.sources,
    correctionNote: v.correctionNote,
    status: v.status,
    proposedById: v.proposedById,
    proposerName,
    decidedAt: v.decidedAt,
    decisionComment: v.decisionComment,
    createdAt: v.createdAt,
    version: v.version,
  };
}

export type VerdictView = ReturnType<typeof toVerdictView>;
