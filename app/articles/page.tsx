import type { Metadata } from 'next';
import Link from 'next/link';
import { getPublicCaller } from '@/server/trpc/server-caller';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Articles' };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const { page: pageParam } = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(pageParam ?? '1', 10) || 1));
  const caller = await getPublicCaller();
  const { items, hasMore } = await caller.public.articles({ page });
  return (
    <>
      <h1>Articles</h1>
      {items.length === 0 ? (
        <p>No fact-checked articles yet.</p>
      ) : (
        <ul className="card-list">
          {items.map((article) => (
            <li key={article.id} className="card">
              <h2>
                <Link href={`/articles/${article.slug}`}>{article.title}</Link>
              </h2>
              {article.dek ? <p className="dek">{article.dek}</p> : null}
              <p className="muted">
                {[article.publisher, article.author, formatDate(article.publishedAt)].filter(Boolean).join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link href={`/articles?page=${page - 1}`}>Newer</Link> : null}
        {hasMore ? <Link href={`/articles?page=${page + 1}`}>Older</Link> : null}
      </nav>
    </>
  );
}

function formatDate(date: Date | null): string | null {
  return date ? date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null;
}
