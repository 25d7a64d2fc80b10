import type { Metadata } from 'next';
import Link from 'next/link';
import { requireSignedInUser } from '../../_components/require-user';
import { isTrpcErrorCode } from '../../_components/trpc-errors';
import { QueueLive } from './queue-live';

export const metadata: Metadata = { title: 'Review queue' };

function describeAge(since: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return 'less than an hour';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<{ article?: string; proposer?: string }>;
}) {
  const { user, caller } = await requireSignedInUser('/desk/review');
  const params = await searchParams;
  const articleId = Number(params.article) || undefined;
  const proposerId = Number(params.proposer) || undefined;
  let queue;
  try {
    queue = await caller.review.queue({ articleId, proposerId });
  } catch (error) {
    if (!isTrpcErrorCode(error, 'FORBIDDEN')) throw error;
    return (
      <section aria-labelledby="forbidden-heading">
        <h1 id="forbidden-heading">Not allowed</h1>
        <p>Only editors review proposed verdicts. You are signed in as a {user.role}.</p>
      </section>
    );
  }
  const all = articleId || proposerId ? await caller.review.queue({}) : queue;
  const articles = [...new Map(all.map((q) => [q.articleId, q.articleTitle])).entries()];
  const proposers = [...new Map(all.map((q) => [q.proposerId, q.proposerName])).entries()];
  const now = new Date();
  return (
    <>
      <h1>Review queue</h1>
      <QueueLive />
      <form className="ws-filters" method="get" aria-label="Filter the queue">
        <label htmlFor="queue-article">Article</label>
        <select id="queue-article" name="article" defaultValue={articleId ?? ''}>
          <option value="">All articles</option>
          {articles.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </select>
        <label htmlFor="queue-proposer">Proposer</label>
        <select id="queue-proposer" name="proposer" defaultValue={proposerId ?? ''}>
          <option value="">Anyone</option>
          {proposers.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small">
          Filter
        </button>
      </form>
      {queue.length === 0 ? (
        <p>Nothing waits for review{articleId || proposerId ? ' with these filters' : ''}.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Proposed verdicts waiting for an editor, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Rating</th>
              <th scope="col">Proposer</th>
              <th scope="col">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.verdictId}>
                <td>
                  <Link href={`/desk/review/${item.claimId}`}>{item.claimStatement}</Link>
                  <br />
                  <span className="muted">
                    {item.articleTitle}
                    {item.isUpdate ? ' · update to a published verdict' : ''}
                  </span>
                </td>
                <td>{item.ratingLabel}</td>
                <td>
                  {item.proposerName}
                  {item.canApprove ? null : <span className="muted"> (you: another editor must approve)</span>}
                </td>
                <td>{describeAge(item.proposedAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
