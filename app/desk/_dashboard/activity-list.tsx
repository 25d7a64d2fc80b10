import Link from 'next/link';
import { describeActivity } from './dashboard-labels';
import { RelativeTime } from './relative-time';
import { buildClaimHref, type DashboardEvent } from './types';

type Props = {
  events: DashboardEvent[];
  /** The article of each claim on the dashboard, so events can link into the workspace. */
  articleSlugByClaimId: Map<number, string>;
  now: Date;
};

// The newest events are shown; older ones stay one click away so the articles are not pushed far down.
const VISIBLE_EVENTS = 8;

/** What happened lately on the claims you are assigned or follow, newest first. */
export function ActivityList({ events, articleSlugByClaimId, now }: Props) {
  const renderEvent = (event: DashboardEvent) => {
    const slug = articleSlugByClaimId.get(event.claimId);
    const statement = `“${event.claimStatement}”`;
    return (
      <li key={event.id} className="dash-activity-item">
        <span>
          <strong>{event.actorName}</strong> {describeActivity(event.action)}{' '}
          {slug ? <Link href={buildClaimHref(slug, event.claimId)}>{statement}</Link> : statement}
        </span>
        <span className="dash-item-meta">
          <RelativeTime date={event.createdAt} now={now} />
        </span>
      </li>
    );
  };
  const earlier = events.slice(VISIBLE_EVENTS);
  return (
    <section className="dash-section" aria-labelledby="dash-activity-heading">
      <h2 id="dash-activity-heading">Recent activity</h2>
      {events.length === 0 ? (
        <p className="dash-empty">
          No activity yet on your claims. New notes, evidence, verdicts and editors’ decisions on the claims you are
          assigned or follow will show up here.
        </p>
      ) : (
        <ol className="dash-list dash-activity">{events.slice(0, VISIBLE_EVENTS).map(renderEvent)}</ol>
      )}
      {earlier.length > 0 ? (
        <details className="dash-more">
          <summary>{`Show ${earlier.length} earlier ${earlier.length === 1 ? 'event' : 'events'}`}</summary>
          <ol className="dash-list dash-activity" start={VISIBLE_EVENTS + 1}>
            {earlier.map(renderEvent)}
          </ol>
        </details>
      ) : null}
    </section>
  );
}
