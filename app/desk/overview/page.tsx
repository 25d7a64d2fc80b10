import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSignedInUser } from '../../_components/require-user';
import { isTrpcErrorCode } from '../../_components/trpc-errors';

export const metadata: Metadata = { title: 'Desk overview' };

const STATUS_LABELS = { open: 'Open', in_review: 'In review', published: 'Published', dismissed: 'Dismissed' } as const;
const weekLabel = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

export default async function OverviewPage() {
  const { user, caller } = await requireSignedInUser('/desk/overview');
  let overview;
  try {
    overview = await caller.review.overview();
  } catch (error) {
    if (!isTrpcErrorCode(error, 'FORBIDDEN')) throw error;
    return (
      <section aria-labelledby="forbidden-heading">
        <h1 id="forbidden-heading">Not allowed</h1>
        <p>The desk overview is for editors. You are signed in as a {user.role}.</p>
      </section>
    );
  }
  const totals = overview.weeks.map((w) => Object.values(w.counts).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const barWidth = 36;
  const chartHeight = 120;
  return (
    <>
      <h1>Desk overview</h1>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Claims by status</h2>
        <ul className="overview-stats">
          {overview.byStatus.map((entry) => (
            <li key={entry.status}>
              <span className="overview-number">{entry.count}</span> {STATUS_LABELS[entry.status]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">Published verdicts by rating, last {overview.weeks.length} weeks</h2>
        <svg
          role="img"
          aria-labelledby="chart-heading"
          aria-describedby="chart-table"
          width={overview.weeks.length * (barWidth + 12)}
          height={chartHeight + 24}
          className="overview-chart"
        >
          {overview.weeks.map((week, index) => {
            let y = chartHeight;
            return (
              <g key={week.weekStart.toISOString()} transform={`translate(${index * (barWidth + 12)},0)`}>
                {overview.ratings.map((rating) => {
                  const count = week.counts[rating.key] ?? 0;
                  const height = (count / max) * chartHeight;
                  y -= height;
                  return count > 0 ? <rect key={rating.key} x={0} y={y} width={barWidth} height={height} fill={rating.color} /> : null;
                })}
                <text x={barWidth / 2} y={chartHeight + 16} textAnchor="middle" fontSize="10">
                  {weekLabel(week.weekStart)}
                </text>
              </g>
            );
          })}
        </svg>
        <table className="table" id="chart-table">
          <caption className="visually-hidden">Published verdicts per week and rating</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {overview.ratings.map((rating) => (
                <th key={rating.key} scope="col">
                  <span className="rating-swatch" style={{ background: rating.color }} aria-hidden="true" /> {rating.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.weeks.map((week) => (
              <tr key={week.weekStart.toISOString()}>
                <th scope="row">{weekLabel(week.weekStart)}</th>
                {overview.ratings.map((rating) => (
                  <td key={rating.key}>{week.counts[rating.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Oldest waiting proposals</h2>
        {overview.oldestWaiting.length === 0 ? (
          <p>Nothing waits for review.</p>
        ) : (
          <ol>
            {overview.oldestWaiting.map((item) => (
              <li key={item.verdictId}>
                <Link href={`/desk/review/${item.claimId}`}>{item.claimStatement}</Link>{' '}
                <span className="muted">
                  — {item.ratingLabel}, proposed by {item.proposerName} on{' '}
                  {item.proposedAt.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
