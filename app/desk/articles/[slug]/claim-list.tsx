'use client';

import { useState } from 'react';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/domain/enums';
import { STATUS_LABELS, type ClaimSummary } from './types';

type Props = {
  claims: ClaimSummary[];
  currentUserId: number;
  onOpen: (claimId: number) => void;
  onReattach: (claim: ClaimSummary) => void;
  onRevise: () => void;
};

/** The article's claims in text order, filterable by status and "assigned to me". */
export function ClaimList({ claims, currentUserId, onOpen, onReattach, onRevise }: Props) {
  const [status, setStatus] = useState<ClaimStatus | 'all'>('all');
  const [isMineOnly, setIsMineOnly] = useState(false);
  const visible = claims.filter(
    (c) => (status === 'all' || c.status === status) && (!isMineOnly || c.assigneeId === currentUserId),
  );
  const orphans = claims.filter((c) => c.anchorState === 'orphan');
  return (
    <section aria-labelledby="claims-heading">
      <div className="row-actions">
        <button type="button" className="button button-small button-secondary" onClick={onRevise}>
          Revise the article
        </button>
      </div>
      {orphans.length > 0 ? (
        <section className="ws-orphans" aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">Orphaned claims ({orphans.length})</h2>
          <p className="muted">
            Their words are no longer in the current text of the article. Each keeps its quote and discussion until you
            re-attach it.
          </p>
          <ul>
            {orphans.map((claim) => (
              <li key={claim.id}>
                <button type="button" className="ws-link-button" onClick={() => onOpen(claim.id)}>
                  {claim.statement}
                </button>
                <blockquote className="ws-quote">{claim.selectors.quote.exact}</blockquote>
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Re-attach “${claim.statement}”`}
                  onClick={() => onReattach(claim)}
                >
                  Re-attach
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 id="claims-heading">Claims ({claims.length})</h2>
      <div className="ws-filters">
        <label htmlFor="claim-status-filter">Status</label>
        <select id="claim-status-filter" value={status} onChange={(e) => setStatus(e.target.value as ClaimStatus | 'all')}>
          <option value="all">All</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={isMineOnly} onChange={(e) => setIsMineOnly(e.target.checked)} /> Assigned to me
        </label>
      </div>
      {claims.length === 0 ? (
        <p className="muted">No claims yet. Select a checkable statement in the article and mark it as a claim.</p>
      ) : visible.length === 0 ? (
        <p className="muted">No claims match these filters.</p>
      ) : (
        <ol className="ws-claim-list">
          {visible.map((claim) => (
            <li key={claim.id}>
              <button type="button" className="ws-claim-item" onClick={() => onOpen(claim.id)}>
                <span className="ws-claim-statement">{claim.statement}</span>
                <span className="ws-claim-meta">
                  <span className={`status-badge status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
                  <span>{claim.claimant}</span>
                  <span>{claim.assigneeName ? `Assigned to ${claim.assigneeName}` : 'Unassigned'}</span>
                  <span>
                    {claim.annotationCount} {claim.annotationCount === 1 ? 'note' : 'notes'}
                  </span>
                  {claim.anchorState === 'orphan' ? <span className="ws-orphan">Orphaned</span> : null}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
