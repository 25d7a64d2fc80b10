'use client';

import { useEffect, useId, useRef } from 'react';

export type ConflictField = { label: string; mine: string; theirs: string };

type Props = {
  what: string;
  changedBy: string | null;
  changedAt: Date | null;
  fields: ConflictField[];
  isBusy: boolean;
  onLoadTheirs: () => void;
  onReapplyMine: () => void;
};

/**
 * Shown when a save was refused because someone else saved first: nothing was overwritten,
 * and the writer chooses between their version and the other person's.
 */
export function ConflictDialog({ what, changedBy, changedAt, fields, isBusy, onLoadTheirs, onReapplyMine }: Props) {
  const headingId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const who = changedBy ?? 'Someone else';
  const when = changedAt ? ` at ${changedAt.toLocaleTimeString('en-GB')}` : '';
  const differing = fields.filter((f) => f.mine !== f.theirs);
  return (
    <div ref={ref} role="alertdialog" aria-labelledby={headingId} tabIndex={-1} className="conflict-dialog">
      <h3 id={headingId}>
        {who} changed this {what}
        {when}
      </h3>
      <p>Your changes were not saved, and theirs were not overwritten. Choose which version to keep.</p>
      {differing.length > 0 ? (
        <dl className="conflict-diff">
          <dt aria-hidden="true" />
          <dd className="conflict-col">Yours</dd>
          <dd className="conflict-col">Theirs</dd>
          {differing.map((field) => (
            <FieldRow key={field.label} field={field} />
          ))}
        </dl>
      ) : (
        <p className="muted">Their change touched other fields; your text is the same as theirs.</p>
      )}
      <div className="row-actions">
        <button type="button" className="button button-small button-secondary" disabled={isBusy} onClick={onLoadTheirs}>
          Load theirs
        </button>
        <button type="button" className="button button-small" disabled={isBusy} onClick={onReapplyMine}>
          Reapply mine
        </button>
      </div>
    </div>
  );
}

function FieldRow({ field }: { field: ConflictField }) {
  return (
    <>
      <dt>{field.label}</dt>
      <dd aria-label={`${field.label}, yours`}>{field.mine || '—'}</dd>
      <dd aria-label={`${field.label}, theirs`}>{field.theirs || '—'}</dd>
    </>
  );
}
