'use client';

import { useState } from 'react';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/domain/enums';
import { STATUS_LABELS, type ClaimSummary } from './types';

type Props = { claims: ClaimSummary[]; currentUserId: number; onOpen: (claimId: number) => void };

/** The article's claims in text order, filterable by status and "assigned to me". */
export function ClaimList({ claims, currentUserId, onOpen }: Props) {
  const [status, setStatus] = useState<ClaimStatus | 'all'>('all');
  const [isMineOnly, setIsMineOnly] = useState(false);
  const visible = claims.filter(
    (c) => (status === 'all' || c.status === status) && (!isMineOnly || c.assigneeId === currentUserId),
  );
  return (
    <section aria-labelledby="claims-heading">
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
