'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TextSelectors } from '@/lib/anchoring';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import type { StaffMember } from './types';

type Props = {
  articleId: number;
  slug: string;
  selectors: TextSelectors;
  staff: StaffMember[];
  onCancel: () => void;
  onCreated: (claimId: number) => void;
};

export function ClaimForm({ articleId, slug, selectors, staff, onCancel, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [statement, setStatement] = useState(selectors.quote.exact);
  const create = useMutation(
    trpc.claims.create.mutationOptions({
      async onSuccess(claim) {
        await queryClient.invalidateQueries({ queryKey: trpc.articles.workspace.queryKey({ slug }) });
        onCreated(claim.id);
      },
    }),
  );
  const failure = create.error ? describeMutationError(create.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const assignee = String(data.get('assignee') ?? '');
    create.mutate({
      articleId,
      selectors,
      statement,
      claimant: String(data.get('claimant') ?? ''),
      assigneeId: assignee ? Number(assignee) : null,
      tags: String(data.get('tags') ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    });
  }

  const fieldError = (name: string) => failure?.fieldErrors[name]?.[0];

  return (
    <form className="form ws-claim-form" onSubmit={onSubmit} aria-label="New claim" noValidate>
      <h2>New claim</h2>
      <blockquote className="ws-quote">{selectors.quote.exact}</blockquote>
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="claim-statement">Checkable statement</label>
        <textarea
          id="claim-statement"
          rows={3}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          aria-describedby={fieldError('statement') ? 'claim-statement-error' : undefined}
          autoFocus
        />
        {fieldError('statement') ? (
          <p id="claim-statement-error" className="field-error">
            {fieldError('statement')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="claim-claimant">Claimant (who said it)</label>
        <input id="claim-claimant" name="claimant" aria-describedby={fieldError('claimant') ? 'claim-claimant-error' : undefined} />
        {fieldError('claimant') ? (
          <p id="claim-claimant-error" className="field-error">
            {fieldError('claimant')}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="claim-assignee">Assignee</label>
        <select id="claim-assignee" name="assignee" defaultValue="">
          <option value="">Nobody yet</option>
          {staff.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name} ({member.role})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="claim-tags">Tags (comma-separated)</label>
        <input id="claim-tags" name="tags" />
      </div>
      <div className="row-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save claim'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
