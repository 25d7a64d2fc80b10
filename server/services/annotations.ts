import type { AppDb, Db } from '@/db/client';
import { countAnnotationsByClaim } from '@/db/queries/claims';
import { findUserById } from '@/db/queries/users';
import { findAnnotationById, insertAnnotation, updateAnnotationIfVersion } from '@/db/queries/annotations';
import { insertAuditEvent } from '@/db/queries/audit';
import { insertFollowIfMissing } from '@/db/queries/follows';
import type { AnnotationRow } from '@/db/types';
import type { AnnotationKind, EvidenceStance } from '@/lib/domain/enums';
import { conflict, DomainError, forbidden, notFound } from '../errors';
import { describeLastChange } from './conflicts';
import { requireRole, type Actor } from './actor';
import { requireClaim } from './claims';
import { recordLiveEvents, type ANNOTATION_EVENT_TYPES } from './live-events';

/** Tells live workspaces about the change; the last write of the transaction. */
async function announceAnnotation(
  tx: Db,
  actor: Actor,
  type: (typeof ANNOTATION_EVENT_TYPES)[number],
  annotation: AnnotationRow,
  // What the caller already read in this transaction, so the save path does not read it twice.
  known: { articleId?: number; authorName?: string } = {},
): Promise<void> {
  // One after another: a transaction is one connection, and pg refuses to pipeline on it.
  const articleId = known.articleId ?? (await requireClaim(tx, annotation.claimId)).articleId;
  const authorName = known.authorName ?? (await findUserById(tx, annotation.authorId))?.name ?? 'Unknown';
  const counts = await countAnnotationsByClaim(tx, [annotation.claimId]);
  await recordLiveEvents(tx, actor, articleId, [
    { type, annotation, authorName, annotationCount: counts.get(annotation.claimId) ?? 0 },
  ]);
}

type EvidenceInput = {
  sourceUrl: string;
  sourceTitle: string;
  excerpt: string;
  archiveUrl: string | null;
  stance: EvidenceStance;
};

function evidenceColumns(evidence: EvidenceInput | null) {
  return {
    sourceUrl: evidence?.sourceUrl ?? null,
    sourceTitle: evidence?.sourceTitle ?? null,
    excerpt: evidence?.excerpt ?? null,
    archiveUrl: evidence?.archiveUrl ?? null,
    stance: evidence?.stance ?? null,
  };
}

/** The annotation as it is now, and who last changed it, for a writer who lost a race. */
async function describeAnnotationForConflict(db: Db, current: AnnotationRow) {
  return {
    current: { ...auditSnapshot(current), version: current.version },
    ...(await describeLastChange(db, { entityType: 'annotation', entityId: current.id }, current.updatedAt)),
  };
}

/** What the audit keeps of an annotation: its whole text, so a deletion loses nothing. */
function auditSnapshot(a: AnnotationRow) {
  return {
    kind: a.kind,
    body: a.body,
    sourceUrl: a.sourceUrl,
    sourceTitle: a.sourceTitle,
    excerpt: a.excerpt,
    archiveUrl: a.archiveUrl,
    stance: a.stance,
    isHidden: a.isHidden,
    deletedAt: a.deletedAt,
  };
}

export async function createAnnotation(
  db: AppDb,
  actor: Actor | null,
  input: { claimId: number; parentId: number | null; kind: AnnotationKind; body: string; evidence: EvidenceInput | null },
) {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const claim = await requireClaim(tx, input.claimId);
    if (input.parentId !== null) {
      const parent = await findAnnotationById(tx, input.parentId);
      if (!parent || parent.claimId !== claim.id) throw notFound('The annotation you are replying to');
      if (parent.deletedAt) throw new DomainError('PRECONDITION_FAILED', 'You cannot reply to a deleted annotation.');
    }
    const row = await insertAnnotation(tx, {
      claimId: claim.id,
      parentId: input.parentId,
      kind: input.kind,
      body: input.body,
      ...evidenceColumns(input.kind === 'evidence' ? input.evidence : null),
      authorId: reviewer.id,
    });
    await insertFollowIfMissing(tx, reviewer.id, claim.id);
    await insertAuditEvent(tx, {
      entityType: 'annotation',
      entityId: row.id,
      claimId: claim.id,
      articleId: claim.articleId,
      action: input.parentId ? 'annotation.replied' : `annotation.${input.kind}_added`,
      actorId: reviewer.id,
      after: auditSnapshot(row),
    });
    await announceAnnotation(tx, reviewer, 'annotation.added', row, { articleId: claim.articleId, authorName: reviewer.name });
    return { id: row.id, version: row.version };
  });
}

async function requireOwnAnnotation(db: Db, actor: Actor, id: number) {
  const annotation = await findAnnotationById(db, id);
  if (!annotation || annotation.deletedAt) throw notFound('Annotation');
  if (annotation.authorId !== actor.id) throw forbidden('Only its author can change or delete an annotation.');
  return annotation;
}

export async function updateAnnotation(
  db: AppDb,
  actor: Actor | null,
  input: { annotationId: number; version: number; body: string; evidence: EvidenceInput | null },
) {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const current = await requireOwnAnnotation(tx, reviewer, input.annotationId);
    if (current.kind === 'evidence' && !input.evidence) {
      throw new DomainError('BAD_REQUEST', 'Evidence needs a source.');
    }
    if (current.kind !== 'evidence' && input.body.trim().length === 0) {
      throw new DomainError('BAD_REQUEST', 'Write something first.');
    }
    const updated = await updateAnnotationIfVersion(tx, current.id, input.version, {
      body: input.body,
      ...(current.kind === 'evidence' ? evidenceColumns(input.evidence) : {}),
    });
    if (!updated) throw conflict('This annotation changed since you opened it.', await describeAnnotationForConflict(tx, current));
    await insertAuditEvent(tx, {
      entityType: 'annotation',
      entityId: current.id,
      claimId: current.claimId,
      action: 'annotation.edited',
      actorId: reviewer.id,
      before: auditSnapshot(current),
      after: auditSnapshot(updated),
    });
    await announceAnnotation(tx, reviewer, 'annotation.edited', updated);
    return { id: updated.id, version: updated.version };
  });
}

export async function deleteAnnotation(db: AppDb, actor: Actor | null, input: { annotationId: number; version: number }) {
  const reviewer = requireRole(actor, 'reviewer');
  return db.transaction(async (tx) => {
    const current = await requireOwnAnnotation(tx, reviewer, input.annotationId);
    const updated = await updateAnnotationIfVersion(tx, current.id, input.version, { deletedAt: new Date() });
    if (!updated) throw conflict('This annotation changed since you opened it.', await describeAnnotationForConflict(tx, current));
    await insertAuditEvent(tx, {
      entityType: 'annotation',
      entityId: current.id,
      claimId: current.claimId,
      action: 'annotation.deleted',
      actorId: reviewer.id,
      before: auditSnapshot(current),
      after: auditSnapshot(updated),
    });
    await announceAnnotation(tx, reviewer, 'annotation.deleted', updated);
    return { id: updated.id, version: updated.version };
  });
}

export async function setAnnotationHidden(db: AppDb, actor: Actor | null, input: { annotationId: number; isHidden: boolean }) {
  const editor = requireRole(actor, 'editor');
  return db.transaction(async (tx) => {
    const current = await findAnnotationById(tx, input.annotationId);
    if (!current || current.deletedAt) throw notFound('Annotation');
    const updated = await updateAnnotationIfVersion(tx, current.id, current.version, {
      isHidden: input.isHidden,
      hiddenById: input.isHidden ? editor.id : null,
    });
    if (!updated) throw conflict('This annotation changed at the same moment. Try again.');
    await insertAuditEvent(tx, {
      entityType: 'annotation',
      entityId: current.id,
      claimId: current.claimId,
      action: input.isHidden ? 'annotation.hidden' : 'annotation.unhidden',
      actorId: editor.id,
      before: { isHidden: current.isHidden },
      after: { isHidden: updated.isHidden },
    });
    await announceAnnotation(tx, editor, updated.isHidden ? 'annotation.hidden' : 'annotation.shown', updated);
    return { id: updated.id, version: updated.version, isHidden: updated.isHidden };
  });
}
