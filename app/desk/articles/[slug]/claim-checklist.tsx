'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
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
  // Ticks show at once; a refused change puts the box back and explains why.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = useMutation(
    trpc.claims.setChecklistItem.mutationOptions({
      onError: (_error, variables) =>
        setPending((current) => {
          const { [variables.itemKey]: _dropped, ...rest } = current;
          return rest;
        }),
      onSettled: async (_data, error, variables) => {
        await onChanged();
        if (!error) {
          setPending((current) => {
            const { [variables.itemKey]: _dropped, ...rest } = current;
            return rest;
          });
        }
      },
    }),
  );
  const isClosed = status === 'published' || status === 'dismissed';
  return (
    <fieldset className="ws-section ws-checklist">
      <legend>Checklist</legend>
      {items.map((item) => (
        <label key={item.key} className="checkbox">
          <input
            type="checkbox"
            checked={pending[item.key] ?? item.isChecked}
            disabled={isClosed}
            onChange={(e) => {
              const isChecked = e.target.checked;
              setPending((current) => ({ ...current, [item.key]: isChecked }));
              toggle.mutate({ claimId, itemKey: item.key, isChecked });
            }}
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
