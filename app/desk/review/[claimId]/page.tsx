import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { renderMarkdown } from '@/lib/markdown';
import { requireSignedInUser } from '../../../_components/require-user';
import { isTrpcErrorCode } from '../../../_components/trpc-errors';
import { DecisionPanel } from './decision-panel';
import { VerdictComparison } from './verdict-comparison';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId: raw } = await params;
  const claimId = Number(raw);
  if (!Number.isInteger(claimId) || claimId <= 0) notFound();
  const { user, caller } = await requireSignedInUser(`/desk/review/${claimId}`);
  let detail;
  try {
    detail = await caller.claims.detail({ claimId });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND')) notFound();
    throw error;
  }
  const pending = detail.verdicts.find((v) => v.status === 'pending') ?? null;
  const published = [...detail.verdicts].reverse().find((v) => v.status === 'approved') ?? null;
  const evidence = detail.annotations.filter((a) => a.evidence && !a.isDeleted);
  const discussion = detail.annotations.filter((a) => !a.evidence && !a.isDeleted);
  const isEditor = user.role !== 'reviewer';

  return (
    <div className="review-page">
      <p>
        <Link href="/desk/review">← Review queue</Link>
      </p>
      <h1>Review: {detail.claim.statement}</h1>
      <p className="ws-claim-meta">
        <span className={`status-badge status-${detail.claim.status}`}>{detail.claim.status.replace('_', ' ')}</span>
        <span>Claimant: {detail.claim.claimant}</span>
        <span>
          In <Link href={`/desk/articles/${detail.article.slug}?claim=${detail.claim.id}`}>{detail.article.title}</Link>
        </span>
      </p>

      <section aria-labelledby="context-heading" className="ws-section">
        <h2 id="context-heading">In the article</h2>
        <p className="review-context">
          {detail.context.before}
          <mark className="ws-highlight ws-status-in_review">{detail.context.quote}</mark>
          {detail.context.after}
        </p>
        {detail.claim.anchorState === 'orphan' ? (
          <p role="note" className="ws-anchor-warning">
            <strong>Orphaned:</strong> the article was revised and these words are no longer in it. The quote above is
            the one the claim was marked on{detail.claim.status === 'published' ? ', and the public fact-check still shows it' : ''}.
            Re-attach it in the workspace.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="proposal-heading" className="ws-section">
        <h2 id="proposal-heading">{pending ? `Proposed by ${pending.proposerName}` : 'No proposal waiting'}</h2>
        {pending ? <VerdictComparison proposed={pending} published={published} /> : null}
        {pending && isEditor ? (
          <DecisionPanel
            verdictId={pending.id}
            verdictVersion={pending.version}
            claimId={detail.claim.id}
            claimVersion={detail.claim.version}
            isOwnProposal={pending.proposedById === user.id}
          />
        ) : null}
        {!isEditor ? <p className="muted">Only editors can approve or return proposals.</p> : null}
      </section>

      <section aria-labelledby="checklist-heading" className="ws-section">
        <h2 id="checklist-heading">Checklist</h2>
        <ul>
          {detail.checklist.map((item) => (
            <li key={item.key}>
              {item.isChecked ? '✓' : '✗'} {item.label}
              {item.required ? '' : ' (optional)'}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="evidence-heading" className="ws-section">
        <h2 id="evidence-heading">Evidence ({evidence.length})</h2>
        <ul>
          {evidence.map((a) => (
            <li key={a.id}>
              <a href={a.evidence!.sourceUrl} rel="noopener noreferrer nofollow ugc">
                {a.evidence!.sourceTitle}
              </a>{' '}
              <span className="muted">
                ({a.evidence!.stance}, added by {a.authorName})
              </span>
              {a.evidence!.excerpt ? <blockquote className="ws-quote">{a.evidence!.excerpt}</blockquote> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="discussion-heading" className="ws-section">
        <h2 id="discussion-heading">Discussion ({discussion.length})</h2>
        {discussion.map((a) => (
          <article key={a.id} className="ws-annotation" aria-label={`${a.kind} by ${a.authorName}`}>
            <header className="ws-annotation-header">
              {a.kind} · {a.authorName}
            </header>
            {a.body ? <div className="ws-annotation-body">{renderMarkdown(a.body)}</div> : <p className="muted">Hidden.</p>}
          </article>
        ))}
      </section>

      <details className="ws-section">
        <summary>Audit trail ({detail.audit.length})</summary>
        <ol className="ws-audit">
          {detail.audit.map((event) => (
            <li key={event.id}>
              <time dateTime={event.createdAt.toISOString()}>{event.createdAt.toLocaleString('en-GB')}</time> —{' '}
              {event.actorName}: {event.action}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
