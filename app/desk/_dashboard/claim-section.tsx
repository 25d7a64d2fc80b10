import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatCount, STATUS_LABELS } from './dashboard-labels';
import { RelativeTime } from './relative-time';
import { buildClaimHref, type DashboardClaim } from './types';

type Props = {
  id: string;
  title: string;
  claims: DashboardClaim[];
  now: Date;
  emptyState: ReactNode;
  /** Claims you follow may be someone else's: say who has them. */
  isAssigneeShown?: boolean;
};

/** One dashboard section of claims, each linking into its article's workspace. */
export function ClaimSection({ id, title, claims, now, emptyState, isAssigneeShown = false }: Props) {
  return (
    <section className="dash-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {claims.length === 0 ? (
        <p className="dash-empty">{emptyState}</p>
      ) : (
        <ul className="dash-list">
          {claims.map((claim) => (
            <li key={claim.id} className="dash-item">
              <Link href={buildClaimHref(claim.articleSlug, claim.id)} className="dash-item-link">
                {claim.statement}
              </Link>
              <span className="dash-item-meta">
                <span className={`status-badge status-${claim.status}`}>
                  <span className="visually-hidden">Status: </span>
                  {STATUS_LABELS[claim.status]}
                </span>
                <span>Claimant: {claim.claimant}</span>
                {isAssigneeShown ? <span>{claim.assigneeName ? `Assigned to ${claim.assigneeName}` : 'Unassigned'}</span> : null}
                <span>{formatCount(claim.annotationCount, 'annotation', 'annotations')}</span>
                <span>
                  Updated <RelativeTime date={claim.updatedAt} now={now} />
                </span>
              </span>
              <span className="dash-item-article">In “{claim.articleTitle}”</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
