'use client';

import { useIsMutating, useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { renderMarkdown } from '@/lib/markdown';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';
import type { ClaimDetailData, WorkspaceUser } from './types';

const VERDICT_STATUS_LABELS = {
  pending: 'Waiting for an editor',
  returned: 'Returned',
  withdrawn: 'Withdrawn',
  approved: 'Published',
} as const;

type Props = { detail: ClaimDetailData; currentUser: WorkspaceUser; onChanged: () => Promise<void> };

export function VerdictSection({ detail, currentUser, onChanged }: Props) {
  const trpc = useTRPC();
  const withdraw = useMutation(trpc.verdicts.withdraw.mutationOptions({ onSettled: onChanged }));
  const { claim, verdicts } = detail;
  const canPropose = claim.status === 'open' || claim.status === 'published';
  return (
    <section aria-labelledby="verdict-heading" className="ws-section">
      <h3 id="verdict-heading">Verdict</h3>
      {verdicts.length === 0 ? <p className="muted">No verdict proposed yet.</p> : null}
      <ol className="ws-verdicts">
        {[...verdicts].reverse().map((verdict) => (
          <li key={verdict.id} className={`ws-verdict ws-verdict-${verdict.status}`}>
            <p>
              <strong>{verdict.ratingLabel}</strong> — {verdict.summary}
            </p>
            <p className="muted">
              Version {verdict.versionNumber} by {verdict.proposerName} · {VERDICT_STATUS_LABELS[verdict.status]}
              {verdict.decisionComment ? ` · “${verdict.decisionComment}”` : ''}
            </p>
            {verdict.correctionNote ? <p>Correction note: {verdict.correctionNote}</p> : null}
            <details>
              <summary>Ruling and sources</summary>
              <div className="ws-annotation-body">{renderMarkdown(verdict.ruling)}</div>
              <ul>
                {verdict.sources.map((source) => (
                  <li key={source.url}>
                    <a href={source.url} rel="noopener noreferrer nofollow ugc" target="_blank">
                      {source.title}
                    </a>
                  </li>
                ))}
              </ul>
            </details>
            {verdict.status === 'pending' && verdict.proposedById === currentUser.id ? (
              <button
                type="button"
                className="button button-small button-secondary"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate({ verdictId: verdict.id, version: verdict.version })}
              >
                Withdraw proposal
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {withdraw.error ? (
        <p role="alert" className="form-error">
          {describeMutationError(withdraw.error).message}
        </p>
      ) : null}
      {canPropose ? <ProposeVerdictForm detail={detail} onProposed={onChanged} /> : null}
    </section>
  );
}

function ProposeVerdictForm({ detail, onProposed }: { detail: ClaimDetailData; onProposed: () => Promise<void> }) {
  const trpc = useTRPC();
  const [isOpen, setIsOpen] = useState(false);
  const propose = useMutation(
    trpc.verdicts.propose.mutationOptions({
      async onSuccess() {
        setIsOpen(false);
        await onProposed();
      },
    }),
  );
  // Ticking the checklist changes the claim's version; sending before those saves land would
  // be refused as a stale edit, so the button waits for them.
  const checklistSaves = useIsMutating({ mutationKey: trpc.claims.setChecklistItem.mutationKey() });
  const { claim } = detail;
  const isUpdate = claim.status === 'published';
  const evidenceSources = detail.annotations
    .filter((a) => a.evidence && !a.isDeleted)
    .map((a) => ({ url: a.evidence!.sourceUrl, title: a.evidence!.sourceTitle }));
  const uniqueSources = evidenceSources.filter((s, i) => evidenceSources.findIndex((o) => o.url === s.url) === i);
  const missing = detail.checklist.filter((item) => item.required && !item.isChecked);
  const failure = propose.error ? describeMutationError(propose.error) : null;
  const fieldError = (name: string) => failure?.fieldErrors[name]?.[0];

  if (!isOpen) {
    return (
      <button type="button" className="button" onClick={() => setIsOpen(true)}>
        {isUpdate ? 'Propose an update' : 'Propose a verdict'}
      </button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (name: string) => String(data.get(name) ?? '').trim();
    const chosen = uniqueSources.filter((_, index) => data.get(`source-${index}`) === 'on');
    const extraUrl = read('extraSourceUrl');
    const sources = extraUrl ? [...chosen, { url: extraUrl, title: read('extraSourceTitle') || extraUrl }] : chosen;
    propose.mutate({
      claimId: claim.id,
      claimVersion: claim.version,
      ratingKey: read('rating'),
      summary: read('summary'),
      ruling: read('ruling'),
      sources,
      correctionNote: isUpdate ? read('correctionNote') : null,
    });
  }

  return (
    <form className="form ws-verdict-form" onSubmit={onSubmit} aria-label="Propose a verdict" noValidate>
      {missing.length > 0 ? (
        <p className="muted">Still to tick on the checklist: {missing.map((item) => item.label).join(', ')}.</p>
      ) : null}
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="verdict-rating">Rating</label>
        <select id="verdict-rating" name="rating" defaultValue="">
          <option value="" disabled>
            Choose a rating
          </option>
          {detail.ratingScale.map((rating) => (
            <option key={rating.key} value={rating.key}>
              {rating.label}
            </option>
          ))}
        </select>
        {fieldError('ratingKey') ? <p className="field-error">{fieldError('ratingKey')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="verdict-summary">One-line summary</label>
        <input id="verdict-summary" name="summary" maxLength={280} />
        {fieldError('summary') ? <p className="field-error">{fieldError('summary')}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="verdict-ruling">Ruling (Markdown)</label>
        <textarea id="verdict-ruling" name="ruling" rows={6} />
        {fieldError('ruling') ? <p className="field-error">{fieldError('ruling')}</p> : null}
      </div>
      <fieldset>
        <legend>Sources</legend>
        {uniqueSources.length === 0 ? <p className="muted">No evidence on this claim yet; add a source below.</p> : null}
        {uniqueSources.map((source, index) => (
          <label key={source.url} className="checkbox">
            <input type="checkbox" name={`source-${index}`} defaultChecked /> {source.title}
          </label>
        ))}
        <div className="field">
          <label htmlFor="verdict-extra-url">Another source URL</label>
          <input id="verdict-extra-url" name="extraSourceUrl" type="url" />
        </div>
        <div className="field">
          <label htmlFor="verdict-extra-title">Its title</label>
          <input id="verdict-extra-title" name="extraSourceTitle" />
        </div>
        {fieldError('sources') ? <p className="field-error">{fieldError('sources')}</p> : null}
      </fieldset>
      {isUpdate ? (
        <div className="field">
          <label htmlFor="verdict-correction">Correction note (what changed and why)</label>
          <textarea id="verdict-correction" name="correctionNote" rows={2} />
        </div>
      ) : null}
      <div className="row-actions">
        <button type="submit" className="button" disabled={propose.isPending || checklistSaves > 0}>
          {propose.isPending ? 'Sending…' : 'Send to an editor'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setIsOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
