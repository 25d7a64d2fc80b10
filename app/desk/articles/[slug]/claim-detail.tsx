'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import { AnnotationComposer, AnnotationThread } from './annotations';
import { ClaimChecklist } from './claim-checklist';
import { ClaimEditForm } from './claim-edit-form';
import { STATUS_LABELS, type ClaimSummary, type StaffMember, type WorkspaceUser } from './types';
import { VerdictSection } from './verdicts';

type Props = {
  claimId: number;
  slug: string;
  staff: StaffMember[];
  currentUser: WorkspaceUser;
  onClose: () => void;
  onReattach: (claim: ClaimSummary) => void;
};

export function ClaimDetail({ claimId, slug, staff, currentUser, onClose, onReattach }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailQuery = useQuery(trpc.claims.detail.queryOptions({ claimId }));
  const [isEditing, setIsEditing] = useState(false);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.claims.detail.queryKey({ claimId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.articles.workspace.queryKey({ slug }) }),
    ]);
  };
  const update = useMutation(trpc.claims.update.mutationOptions({ onSettled: refresh }));
  const follow = useMutation(trpc.claims.setFollowing.mutationOptions({ onSettled: refresh }));

  if (detailQuery.isPending) return <p role="status">Loading the claim…</p>;
  if (detailQuery.isError) {
    return (
      <div>
        <p role="alert" className="form-error">
          {describeMutationError(detailQuery.error).message}
        </p>
        <button type="button" className="button button-secondary" onClick={onClose}>
          All claims
        </button>
      </div>
    );
  }
  const detail = detailQuery.data;
  const { claim } = detail;
  const topLevel = detail.annotations.filter((a) => a.parentId === null);

  return (
    <article className="ws-detail" aria-labelledby="claim-heading">
      <button type="button" className="button button-small button-secondary" onClick={onClose}>
        ← All claims
      </button>
      <h2 id="claim-heading" className="ws-detail-title">
        {claim.statement}
      </h2>
      <p className="ws-claim-meta">
        <span className={`status-badge status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
        <span>Claimant: {claim.claimant}</span>
        <span>Marked by {detail.createdByName}</span>
      </p>
      {isEditing ? (
        <ClaimEditForm
          claim={claim}
          onCancel={() => setIsEditing(false)}
          onDone={async () => {
            setIsEditing(false);
            await refresh();
          }}
        />
      ) : (
        <button type="button" className="button button-small button-secondary" onClick={() => setIsEditing(true)}>
          Edit claim
        </button>
      )}
      <blockquote className="ws-quote">{claim.selectors.quote.exact}</blockquote>
      {claim.anchorState === 'orphan' ? (
        <div role="note" className="ws-anchor-warning">
          <p>
            <strong>Orphaned:</strong> these words are no longer in the current text of the article.
            {claim.status === 'published'
              ? ' The public fact-check still quotes them, but the public article cannot highlight them.'
              : ' The quote and the discussion are kept.'}
          </p>
          <button type="button" className="button button-small" onClick={() => onReattach(claim)}>
            Re-attach to new words
          </button>
        </div>
      ) : claim.anchorState === 'fuzzy' ? (
        <p role="note" className="ws-anchor-note">
          Re-attached by an approximate match after the article changed
          {claim.anchorScore !== null ? ` (similarity ${Math.round(claim.anchorScore * 100)}%)` : ''}: check the
          highlighted words.
        </p>
      ) : null}
      {claim.tags.length > 0 ? (
        <ul className="ws-tags" aria-label="Tags">
          {claim.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null}
      <div className="ws-row">
        <label htmlFor="claim-assignee-select">Assignee</label>
        <select
          id="claim-assignee-select"
          value={claim.assigneeId ?? ''}
          disabled={update.isPending}
          onChange={(e) =>
            update.mutate({ claimId, version: claim.version, assigneeId: e.target.value ? Number(e.target.value) : null })
          }
        >
          <option value="">Nobody</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small button-secondary"
          aria-pressed={detail.isFollowing}
          disabled={follow.isPending}
          onClick={() => follow.mutate({ claimId, isFollowing: !detail.isFollowing })}
        >
          {detail.isFollowing ? 'Following' : 'Follow'}
        </button>
      </div>
      {update.error ? (
        <p role="alert" className="form-error">
          {describeMutationError(update.error).message}
        </p>
      ) : null}

      <ClaimChecklist claimId={claimId} items={detail.checklist} status={claim.status} onChanged={refresh} />

      <section aria-labelledby="research-heading" className="ws-section">
        <h3 id="research-heading">Research</h3>
        {topLevel.length === 0 ? <p className="muted">No notes, questions or evidence yet.</p> : null}
        {topLevel.map((annotation) => (
          <AnnotationThread
            key={annotation.id}
            annotation={annotation}
            all={detail.annotations}
            claimId={claimId}
            currentUser={currentUser}
            onChanged={refresh}
          />
        ))}
        <AnnotationComposer claimId={claimId} parentId={null} onSaved={refresh} />
      </section>

      <VerdictSection detail={detail} currentUser={currentUser} onChanged={refresh} />

      <details className="ws-section">
        <summary>Audit trail ({detail.audit.length})</summary>
        <ol className="ws-audit">
          {detail.audit.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toLocaleString('en-GB')}</time> —{' '}
              {event.actorName}: {event.action}
            </li>
          ))}
        </ol>
      </details>
    </article>
  );
}
