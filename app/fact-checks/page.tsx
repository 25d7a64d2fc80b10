import type { Metadata } from 'next';
import Link from 'next/link';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const metadata: Metadata = { title: 'Fact-checks', alternates: { types: { 'application/rss+xml': '/feed.xml' } } };

export default async function FactChecksPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; rating?: string; page?: string }>;
}) {
  const params = await searchParams;
  const query = (params.q ?? '').slice(0, 200);
  const ratingKey = (params.rating ?? '').slice(0, 60);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.page ?? '1', 10) || 1));
  const caller = await getPublicCaller();
  const result = await caller.public.factChecks({ query: query || undefined, ratingKey: ratingKey || undefined, page });
  const linkTo = (target: number) => {
    const next = new URLSearchParams();
    if (query) next.set('q', query);
    if (ratingKey) next.set('rating', ratingKey);
    next.set('page', String(target));
    return `/fact-checks?${next}`;
  };
  return (
    <>
      <h1>Fact-checks</h1>
      <form method="get" className="ws-filters" role="search" aria-label="Search fact-checks">
        <label htmlFor="fc-query">Search</label>
        <input id="fc-query" name="q" type="search" defaultValue={query} />
        <label htmlFor="fc-rating">Rating</label>
        <select id="fc-rating" name="rating" defaultValue={ratingKey}>
          <option value="">Any rating</option>
          {result.ratings.map((rating) => (
            <option key={rating.key} value={rating.key}>
              {rating.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-small">
          Search
        </button>
      </form>
      <p className="muted" role="status">
        {result.total === 1 ? '1 fact-check' : `${result.total} fact-checks`}
        {query || ratingKey ? ' match' : ''}
      </p>
      <ul className="card-list">
        {result.items.map((item) => (
          <li key={item.slug} className="card">
            <p>
              <span className="verdict-badge" style={{ borderLeftColor: item.ratingColor }}>
                {item.ratingLabel}
              </span>
            </p>
            <h2>
              <Link href={`/fact-checks/${item.slug}`}>{item.statement}</Link>
            </h2>
            <p>{item.summary}</p>
            <p className="muted">
              {item.claimant} · {item.articleTitle}
              {item.publishedAt
                ? ` · ${item.publishedAt.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })}`
                : ''}
            </p>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link href={linkTo(page - 1)}>Newer</Link> : null}
        <span className="muted">
          Page {result.page} of {result.pageCount}
        </span>
        {page < result.pageCount ? <Link href={linkTo(page + 1)}>Older</Link> : null}
      </nav>
    </>
  );
}
