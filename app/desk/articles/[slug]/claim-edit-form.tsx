'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeMutationError, readConflict } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import { ConflictDialog } from './conflict-dialog';
import type { ClaimSummary } from './types';

type Props = { claim: ClaimSummary; onDone: () => Promise<void> | void; onCancel: () => void };
type Draft = { statement: string; claimant: string; tags: string };

const draftOf = (claim: ClaimSummary): Draft => ({
  statement: claim.statement,
  claimant: claim.claimant,
  tags: claim.tags.join(', '),
});
const parseTags = (tags: string) =>
  tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * Edits a claim's wording. The version is the one read when editing began: if someone saves
 * in the meantime (their change arrives live), this save is refused rather than overwriting it.
 */
export function ClaimEditForm({ claim, onDone, onCancel }: Props) {
  const trpc = useTRPC();
  const [baseVersion, setBaseVersion] = useState(claim.version);
  const [draft, setDraft] = useState<Draft>(() => draftOf(claim));
  const update = useMutation(trpc.claims.update.mutationOptions({ onSuccess: () => onDone() }));
  const conflict = readConflict<ClaimSummary>(update.error);
  const failure = update.error && !conflict ? describeMutationError(update.error) : null;
  const fieldError = (name: string) => failure?.fieldErrors[name]?.[0];

  const save = (version: number) =>
    update.mutate({
      claimId: claim.id,
      version,
      statement: draft.statement,
      claimant: draft.claimant,
      tags: parseTags(draft.tags),
    });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(baseVersion);
  }

  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [field]: e.target.value });

  return (
    <form className="form ws-claim-form" onSubmit={onSubmit} aria-label="Edit claim" noValidate>
      {conflict ? (
        <ConflictDialog
          what="claim"
          changedBy={conflict.changedBy}
          changedAt={conflict.changedAt}
          isBusy={update.isPending}
          fields={[
            { label: 'Statement', mine: draft.statement.trim(), theirs: conflict.current.statement },
            { label: 'Claimant', mine: draft.claimant.trim(), theirs: conflict.current.claimant },
            { label: 'Tags', mine: parseTags(draft.tags).join(', '), theirs: conflict.current.tags.join(', ') },
          ]}
          onLoadTheirs={() => {
            setDraft(draftOf(conflict.current));
            setBaseVersion(conflict.current.version);
            update.reset();
          }}
          onReapplyMine={() => {
            setBaseVersion(conflict.current.version);
            save(conflict.current.version);
          }}
        />
      ) : null}
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="claim-edit-statement">Checkable statement</label>
        <textarea id="claim-edit-statement" rows={3} value={draft.statement} onChange={set('statement')} autoFocus />
        {fieldError('statement') ? <p className="field-error">{fieldError('statement')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="claim-edit-claimant">Claimant (who said it)</label>
        <input id="claim-edit-claimant" value={draft.claimant} onChange={set('claimant')} />
        {fieldError('claimant') ? <p className="field-error">{fieldError('claimant')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="claim-edit-tags">Tags (comma-separated)</label>
        <input id="claim-edit-tags" value={draft.tags} onChange={set('tags')} />
        {fieldError('tags') ? <p className="field-error">{fieldError('tags')}</p> : null}
      </div>
      <div className="row-actions">
        <button type="submit" className="button button-small" disabled={update.isPending || conflict !== null}>
          {update.isPending ? 'Saving…' : 'Save claim'}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
