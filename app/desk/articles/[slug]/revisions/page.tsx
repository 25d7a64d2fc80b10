import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireSignedInUser } from '../../../../_components/require-user';
import { isTrpcErrorCode } from '../../../../_components/trpc-errors';
import { ParagraphDiff } from '../paragraph-diff';

export const metadata: Metadata = { title: 'Revisions' };

type Search = { from?: string; to?: string; view?: string };

/** An article's revisions: the list, any one of them in full, and what changed between two. */
export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const { caller } = await requireSignedInUser(`/desk/articles/${slug}/revisions`);
  let article;
  try {
    article = await caller.articles.bySlug({ slug });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  }
  const revisions = await caller.articles.revisions({ articleId: article.id });
  const latest = article.revisionNumber;
  const to = Number(search.to) || latest;
  const from = Number(search.from) || Math.max(1, to - 1);
  const viewNumber = Number(search.view) || null;

  const load = async <T,>(work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (error) {
      if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) return null;
      throw error;
    }
  };
  const viewed = viewNumber ? await load(() => caller.articles.revision({ articleId: article.id, revisionNumber: viewNumber })) : null;
  const diff = !viewNumber && revisions.length > 1 ? await load(() => caller.articles.revisionDiff({ articleId: article.id, from, to })) : null;
  const claimsById = new Map(diff?.affectedClaims.map((c) => [c.id, c]) ?? []);

  return (
    <>
      <p>
        <Link href={`/desk/articles/${slug}`}>← Back to the workspace</Link>
      </p>
      <h1>Revisions of “{article.title}”</h1>
      <table className="table">
        <caption className="visually-hidden">Every stored revision of the article, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Revision</th>
            <th scope="col">Stored</th>
            <th scope="col">By</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.revisionNumber}>
              <td>
                {r.revisionNumber}
                {r.revisionNumber === latest ? ' (current)' : ''}
              </td>
              <td>
                <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString('en-GB', { timeZone: 'UTC' })} UTC</time>
              </td>
              <td>{r.createdByName ?? 'Import'}</td>
              <td>
                {r.paragraphCount} paragraphs, {r.characterCount.toLocaleString('en-GB')} characters
              </td>
              <td>
                <Link href={`?view=${r.revisionNumber}`} aria-label={`Read revision ${r.revisionNumber}`}>
                  Read
                </Link>
                {r.revisionNumber > 1 ? (
                  <>
                    {' · '}
                    <Link
                      href={`?from=${r.revisionNumber - 1}&to=${r.revisionNumber}`}
                      aria-label={`Changes in revision ${r.revisionNumber}`}
                    >
                      Changes
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {viewNumber && !viewed ? <p role="alert">There is no revision {viewNumber}.</p> : null}
      {viewed ? (
        <section aria-labelledby="revision-heading">
          <h2 id="revision-heading">Revision {viewed.revisionNumber}: {viewed.title}</h2>
          {viewed.dek ? <p className="muted">{viewed.dek}</p> : null}
          {viewed.paragraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ) : null}

      {revisions.length > 1 && !viewNumber ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Changes from revision {from} to {to}
          </h2>
          <form method="get" className="ws-filters" aria-label="Compare revisions">
            <RevisionSelect id="diff-from" name="from" label="From" value={from} revisions={revisions} />
            <RevisionSelect id="diff-to" name="to" label="To" value={to} revisions={revisions} />
            <button type="submit" className="button button-small">
              Compare
            </button>
          </form>
          {!diff ? (
            <p role="alert">These revisions cannot be compared.</p>
          ) : diff.ops.every((op) => op.kind === 'same') ? (
            <p>No paragraph changed.</p>
          ) : (
            <ParagraphDiff
              ops={diff.ops}
              label="Paragraph changes"
              renderExtra={(op) =>
                op.claimIds.length > 0 ? (
                  <p className="ws-diff-claims">
                    Affects:{' '}
                    {op.claimIds.map((claimId, i) => {
                      const claim = claimsById.get(claimId);
                      return (
                        <span key={claimId}>
                          {i > 0 ? '; ' : null}
                          <Link href={`/desk/articles/${slug}?claim=${claimId}`}>{claim?.statement ?? `claim ${claimId}`}</Link>
                          {claim?.anchorState === 'orphan' ? ' (orphaned)' : ''}
                        </span>
                      );
                    })}
                  </p>
                ) : null
              }
            />
          )}
        </section>
      ) : null}
    </>
  );
}

function RevisionSelect(props: { id: string; name: string; label: string; value: number; revisions: { revisionNumber: number }[] }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        {props.revisions.map((r) => (
          <option key={r.revisionNumber} value={r.revisionNumber}>
            {r.revisionNumber}
          </option>
        ))}
      </select>
    </>
  );
}
