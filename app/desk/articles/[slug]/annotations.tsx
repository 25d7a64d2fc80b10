'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ANNOTATION_KINDS, EVIDENCE_STANCES, type AnnotationKind, type EvidenceStance } from '@/lib/domain/enums';
import { renderMarkdown } from '@/lib/markdown';
import { describeMutationError, readConflict } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import { ConflictDialog } from './conflict-dialog';
import type { AnnotationData, WorkspaceUser } from './types';

const KIND_LABELS: Record<AnnotationKind, string> = { note: 'Note', question: 'Question', evidence: 'Evidence' };
const STANCE_LABELS: Record<EvidenceStance, string> = {
  supports: 'Supports the claim',
  contradicts: 'Contradicts the claim',
  context: 'Adds context',
};

type ThreadProps = {
  annotation: AnnotationData;
  all: AnnotationData[];
  claimId: number;
  currentUser: WorkspaceUser;
  onChanged: () => Promise<void>;
};

export function AnnotationThread({ annotation, all, claimId, currentUser, onChanged }: ThreadProps) {
  const trpc = useTRPC();
  const [mode, setMode] = useState<'view' | 'edit' | 'reply'>('view');
  const remove = useMutation(trpc.annotations.delete.mutationOptions({ onSettled: onChanged }));
  const hide = useMutation(trpc.annotations.setHidden.mutationOptions({ onSettled: onChanged }));
  const replies = all.filter((a) => a.parentId === annotation.id);
  const isEditor = currentUser.role !== 'reviewer';
  const error = remove.error ?? hide.error;
  const heading = `${KIND_LABELS[annotation.kind]} by ${annotation.authorName}`;

  return (
    <article className={`ws-annotation ws-annotation-${annotation.kind}`} aria-label={heading}>
      <header className="ws-annotation-header">
        <strong>{KIND_LABELS[annotation.kind]}</strong> · {annotation.authorName} ·{' '}
        <time dateTime={annotation.createdAt.toISOString()}>{annotation.createdAt.toLocaleString('en-GB')}</time>
        {annotation.updatedAt.getTime() !== annotation.createdAt.getTime() && !annotation.isDeleted ? ' (edited)' : null}
      </header>
      {annotation.isDeleted ? (
        <p className="muted">This annotation was deleted by its author.</p>
      ) : annotation.isHidden && !isEditor ? (
        <p className="muted">Hidden by an editor.</p>
      ) : mode === 'edit' ? (
        <AnnotationComposer
          claimId={claimId}
          parentId={annotation.parentId}
          existing={annotation}
          onSaved={async () => {
            setMode('view');
            await onChanged();
          }}
          onCancel={() => setMode('view')}
        />
      ) : (
        <>
          {annotation.isHidden ? <p className="muted">Hidden from reviewers by an editor.</p> : null}
          {annotation.evidence ? <EvidenceCard evidence={annotation.evidence} /> : null}
          {annotation.body ? <div className="ws-annotation-body">{renderMarkdown(annotation.body)}</div> : null}
        </>
      )}
      {!annotation.isDeleted && mode === 'view' ? (
        <div className="row-actions">
          <button type="button" className="button button-small button-secondary" onClick={() => setMode('reply')}>
            Reply
          </button>
          {annotation.canEdit ? (
            <>
              <button type="button" className="button button-small button-secondary" onClick={() => setMode('edit')}>
                Edit
              </button>
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={remove.isPending}
                onClick={() => {
                  if (window.confirm('Delete this annotation? Its text stays in the audit trail.')) {
                    remove.mutate({ annotationId: annotation.id, version: annotation.version });
                  }
                }}
              >
                Delete
              </button>
            </>
          ) : null}
          {isEditor ? (
            <button
              type="button"
              className="button button-small button-secondary"
              disabled={hide.isPending}
              onClick={() => hide.mutate({ annotationId: annotation.id, isHidden: !annotation.isHidden })}
            >
              {annotation.isHidden ? 'Unhide' : 'Hide'}
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="form-error">
          {describeMutationError(error).message}
        </p>
      ) : null}
      {mode === 'reply' ? (
        <AnnotationComposer
          claimId={claimId}
          parentId={annotation.id}
          onSaved={async () => {
            setMode('view');
            await onChanged();
          }}
          onCancel={() => setMode('view')}
        />
      ) : null}
      {replies.length > 0 ? (
        <div className="ws-replies">
          {replies.map((reply) => (
            <AnnotationThread
              key={reply.id}
              annotation={reply}
              all={all}
              claimId={claimId}
              currentUser={currentUser}
              onChanged={onChanged}
            />
          ))}
        </div>
      ) : null}
    </article>
  );
}

function EvidenceCard({ evidence }: { evidence: NonNullable<AnnotationData['evidence']> }) {
  return (
    <div className={`ws-evidence ws-stance-${evidence.stance}`}>
      <p>
        <a href={evidence.sourceUrl} rel="noopener noreferrer nofollow ugc" target="_blank">
          {evidence.sourceTitle}
        </a>{' '}
        <span className="muted">({STANCE_LABELS[evidence.stance]})</span>
      </p>
      {evidence.excerpt ? <blockquote className="ws-quote">{evidence.excerpt}</blockquote> : null}
      {evidence.archiveUrl ? (
        <p>
          <a href={evidence.archiveUrl} rel="noopener noreferrer nofollow ugc" target="_blank">
            Archived copy
          </a>
        </p>
      ) : null}
    </div>
  );
}

type ComposerProps = {
  claimId: number;
  parentId: number | null;
  existing?: AnnotationData;
  onSaved: () => Promise<void>;
  onCancel?: () => void;
};

/** An annotation's editable fields as the server reports them on a CONFLICT. */
type AnnotationSnapshot = {
  body: string;
  sourceUrl: string | null;
  sourceTitle: string | null;
  excerpt: string | null;
  archiveUrl: string | null;
  stance: EvidenceStance | null;
  deletedAt: Date | null;
  version: number;
};
type AnnotationInput = { body: string; evidence: AnnotationData['evidence'] };

function snapshotToInput(snapshot: AnnotationSnapshot): AnnotationInput {
  return {
    body: snapshot.body,
    evidence: snapshot.sourceUrl
      ? {
          sourceUrl: snapshot.sourceUrl,
          sourceTitle: snapshot.sourceTitle ?? '',
          excerpt: snapshot.excerpt ?? '',
          archiveUrl: snapshot.archiveUrl,
          stance: snapshot.stance ?? 'supports',
        }
      : null,
  };
}

/**
 * Writes a new note, question or evidence, a reply, or an edit of one's own annotation. An
 * edit names the version read when editing began, so a change that arrives live meanwhile
 * is never overwritten: the save is refused and the writer picks a version.
 */
export function AnnotationComposer({ claimId, parentId, existing, onSaved, onCancel }: ComposerProps) {
  const trpc = useTRPC();
  const id = useId();
  const isReply = parentId !== null && !existing;
  const [kind, setKind] = useState<AnnotationKind>(existing?.kind ?? 'note');
  const [formKey, setFormKey] = useState(0);
  const [baseVersion, setBaseVersion] = useState(existing?.version ?? 0);
  const [shown, setShown] = useState<AnnotationInput>({ body: existing?.body ?? '', evidence: existing?.evidence ?? null });
  const [submitted, setSubmitted] = useState<AnnotationInput | null>(null);
  const create = useMutation(
    trpc.annotations.create.mutationOptions({
      async onSuccess() {
        setFormKey((k) => k + 1);
        await onSaved();
      },
    }),
  );
  const update = useMutation(trpc.annotations.update.mutationOptions({ onSuccess: onSaved }));
  const mutation = existing ? update : create;
  const conflict = readConflict<AnnotationSnapshot>(update.error);
  const failure = mutation.error && !conflict ? describeMutationError(mutation.error) : null;
  const fieldError = (name: string) => failure?.fieldErrors[name]?.[0];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (name: string) => String(data.get(name) ?? '');
    const evidence =
      kind === 'evidence'
        ? {
            sourceUrl: read('sourceUrl'),
            sourceTitle: read('sourceTitle'),
            excerpt: read('excerpt'),
            archiveUrl: read('archiveUrl') || null,
            stance: (read('stance') || 'supports') as EvidenceStance,
          }
        : null;
    if (existing) {
      setSubmitted({ body: read('body'), evidence });
      update.mutate({ annotationId: existing.id, version: baseVersion, body: read('body'), evidence });
    } else create.mutate({ claimId, parentId, kind, body: read('body'), evidence });
  }

  const conflictDialog =
    existing && conflict && submitted ? (
      <ConflictDialog
        what="annotation"
        changedBy={conflict.changedBy}
        changedAt={conflict.changedAt}
        isBusy={update.isPending}
        fields={[
          { label: 'Text', mine: submitted.body.trim(), theirs: conflict.current.deletedAt ? '(deleted)' : conflict.current.body },
          ...(submitted.evidence
            ? [
                { label: 'Source URL', mine: submitted.evidence.sourceUrl.trim(), theirs: conflict.current.sourceUrl ?? '' },
                { label: 'Source title', mine: submitted.evidence.sourceTitle.trim(), theirs: conflict.current.sourceTitle ?? '' },
                { label: 'Excerpt', mine: submitted.evidence.excerpt.trim(), theirs: conflict.current.excerpt ?? '' },
              ]
            : []),
        ]}
        onLoadTheirs={() => {
          update.reset();
          if (conflict.current.deletedAt) {
            onCancel?.();
            return;
          }
          setShown(snapshotToInput(conflict.current));
          setBaseVersion(conflict.current.version);
          setFormKey((k) => k + 1);
        }}
        onReapplyMine={() => {
          setBaseVersion(conflict.current.version);
          update.mutate({ annotationId: existing.id, version: conflict.current.version, ...submitted });
        }}
      />
    ) : null;

  const label = existing ? 'Edit annotation' : isReply ? 'Reply' : 'Add to the research';
  return (
    <form key={formKey} className="form ws-composer" onSubmit={onSubmit} aria-label={label} noValidate>
      {!existing && !isReply ? (
        <fieldset className="ws-kind">
          <legend>Add a</legend>
          {ANNOTATION_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {conflictDialog}
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      {kind === 'evidence' && !isReply ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-url`}>Source URL</label>
            <input id={`${id}-url`} name="sourceUrl" type="url" defaultValue={shown.evidence?.sourceUrl} />
            {fieldError('evidence') ? <p className="field-error">{fieldError('evidence')}</p> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-title`}>Source title</label>
            <input id={`${id}-title`} name="sourceTitle" defaultValue={shown.evidence?.sourceTitle} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-excerpt`}>Quoted excerpt</label>
            <textarea id={`${id}-excerpt`} name="excerpt" rows={3} defaultValue={shown.evidence?.excerpt} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-archive`}>Archived copy URL (optional)</label>
            <input id={`${id}-archive`} name="archiveUrl" type="url" defaultValue={shown.evidence?.archiveUrl ?? ''} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-stance`}>This source</label>
            <select id={`${id}-stance`} name="stance" defaultValue={shown.evidence?.stance ?? 'supports'}>
              {EVIDENCE_STANCES.map((s) => (
                <option key={s} value={s}>
                  {STANCE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-body`}>
          {isReply ? 'Your reply' : kind === 'evidence' ? 'Comment (optional, Markdown)' : 'Text (Markdown)'}
        </label>
        <textarea id={`${id}-body`} name="body" rows={3} defaultValue={shown.body} />
        {fieldError('body') ? <p className="field-error">{fieldError('body')}</p> : null}
      </div>
      <div className="row-actions">
        <button type="submit" className="button button-small" disabled={mutation.isPending || conflict !== null}>
          {existing ? 'Save changes' : isReply ? 'Post reply' : `Add ${KIND_LABELS[kind].toLowerCase()}`}
        </button>
        {onCancel ? (
          <button type="button" className="button button-small button-secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
