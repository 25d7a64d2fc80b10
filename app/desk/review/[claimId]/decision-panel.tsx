'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';

type Props = {
  verdictId: number;
  verdictVersion: number;
  claimId: number;
  claimVersion: number;
  isOwnProposal: boolean;
};

export function DecisionPanel({ verdictId, verdictVersion, claimId, claimVersion, isOwnProposal }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<'choose' | 'return' | 'dismiss'>('choose');
  const [done, setDone] = useState<{ message: string; publicPath?: string } | null>(null);
  // The page is not refreshed here: the confirmation stays visible, with links onwards.
  const onSuccess = (message: string) => () => setDone({ message });
  const approve = useMutation(
    trpc.verdicts.approve.mutationOptions({
      onSuccess: (result) => setDone({ message: 'Approved and published.', publicPath: `/fact-checks/${result.claimSlug}` }),
    }),
  );
  const giveBack = useMutation(trpc.verdicts.return.mutationOptions({ onSuccess: onSuccess('Returned to the reviewer.') }));
  const dismiss = useMutation(trpc.verdicts.dismissClaim.mutationOptions({ onSuccess: onSuccess('Claim dismissed.') }));
  const error = approve.error ?? giveBack.error ?? dismiss.error;
  const failure = error ? describeMutationError(error) : null;
  const isBusy = approve.isPending || giveBack.isPending || dismiss.isPending;

  if (done) {
    return (
      <div className="review-decision">
        <p role="status" className="form-success">
          {done.message}
        </p>
        <p className="row-actions">
          <Link href="/desk/review" onClick={() => router.refresh()}>
            Back to the review queue
          </Link>
          {done.publicPath ? <Link href={done.publicPath}>View the public fact-check</Link> : null}
        </p>
      </div>
    );
  }

  const submitReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    giveBack.mutate({ verdictId, version: verdictVersion, comment: String(new FormData(event.currentTarget).get('comment') ?? '') });
  };
  const submitDismiss = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    dismiss.mutate({ claimId, version: claimVersion, reason: String(new FormData(event.currentTarget).get('reason') ?? '') });
  };

  return (
    <div className="review-decision">
      {failure ? (
        <p role="alert" className="form-error">
          {failure.message}
          {failure.fieldErrors.comment?.[0] ? ` ${failure.fieldErrors.comment[0]}` : ''}
          {failure.fieldErrors.reason?.[0] ? ` ${failure.fieldErrors.reason[0]}` : ''}
        </p>
      ) : null}
      {isOwnProposal ? (
        <p className="muted">You proposed this verdict, so another editor has to approve it (two-person rule).</p>
      ) : null}
      {mode === 'choose' ? (
        <div className="row-actions">
          <button type="button" className="button" disabled={isBusy} onClick={() => approve.mutate({ verdictId, version: verdictVersion })}>
            Approve and publish
          </button>
          <button type="button" className="button button-secondary" onClick={() => setMode('return')}>
            Return with a comment
          </button>
          <button type="button" className="button button-secondary" onClick={() => setMode('dismiss')}>
            Dismiss the claim
          </button>
        </div>
      ) : mode === 'return' ? (
        <form className="form" onSubmit={submitReturn} aria-label="Return the proposal">
          <div className="field">
            <label htmlFor="return-comment">What needs to change</label>
            <textarea id="return-comment" name="comment" rows={3} />
          </div>
          <div className="row-actions">
            <button type="submit" className="button" disabled={isBusy}>
              Return to the reviewer
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('choose')}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <form className="form" onSubmit={submitDismiss} aria-label="Dismiss the claim">
          <div className="field">
            <label htmlFor="dismiss-reason">Why it is not checkable</label>
            <textarea id="dismiss-reason" name="reason" rows={3} />
          </div>
          <div className="row-actions">
            <button type="submit" className="button" disabled={isBusy}>
              Dismiss
            </button>
            <button type="button" className="button button-secondary" onClick={() => setMode('choose')}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
