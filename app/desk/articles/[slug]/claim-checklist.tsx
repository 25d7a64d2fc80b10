'use client';

import { useMutation } from '@tanstack/react-query';
import type { ClaimStatus } from '@/lib/domain/enums';
import { describeMutationError } from '../../../_components/mutation-error';
import { useTRPC } from '../../../_trpc/client';

type Item = { key: string; label: string; required: boolean; isChecked: boolean };

export function ClaimChecklist({
  claimId,
  items,
  status,
  onChanged,
}: {
  claimId: number;
  items: Item[];
  status: ClaimStatus;
  onChanged: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const toggle = useMutation(trpc.claims.setChecklistItem.mutationOptions({ onSettled: onChanged }));
  const isClosed = status === 'published' || status === 'dismissed';
  return (
    <fieldset className="ws-section ws-checklist">
      <legend>Checklist</legend>
      {items.map((item) => (
        <label key={item.key} className="checkbox">
          <input
            type="checkbox"
            checked={item.isChecked}
            disabled={isClosed || toggle.isPending}
            onChange={(e) => toggle.mutate({ claimId, itemKey: item.key, isChecked: e.target.checked })}
          />{' '}
          {item.label}
          {item.required ? <span className="muted"> (required)</span> : null}
        </label>
      ))}
      {toggle.error ? (
        <p role="alert" className="form-error">
          {describeMutationError(toggle.error).message}
        </p>
      ) : null}
    </fieldset>
  );
}
