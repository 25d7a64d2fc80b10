import Link from 'next/link';
import { formatDate } from './format-time';
import type { ArticlePage } from './types';

/** The desk's articles, newest first, each opening its workspace. */
export function ArticleList({ articles }: { articles: ArticlePage }) {
  const { items, page, hasMore } = articles;
  return (
    <section className="dash-section" aria-labelledby="dash-articles-heading">
      <h2 id="dash-articles-heading">Articles</h2>
      {items.length === 0 ? (
        <p className="dash-empty">
          {page > 1 ? (
            <>
              There are no more articles. <Link href="/desk">Back to the newest</Link>.
            </>
          ) : (
            <>
              No articles yet. <Link href="/desk/import">Import the first one</Link> to start marking its claims.
            </>
          )}
        </p>
      ) : (
        <ul className="dash-list">
          {items.map((article) => (
            <li key={article.id} className="dash-item">
              <Link href={`/desk/articles/${article.slug}`} className="dash-item-link">
                {article.title}
              </Link>
              {article.dek ? <span className="dash-article-dek">{article.dek}</span> : null}
              <span className="dash-item-meta">
                {[
                  article.publisher,
                  article.author,
                  article.publishedAt ? `Published ${formatDate(article.publishedAt)}` : null,
                  `Imported ${formatDate(article.createdAt)}`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {page > 1 || hasMore ? (
        <nav aria-label="Article pages" className="pager">
          {page > 1 ? <Link href={page === 2 ? '/desk' : `/desk?page=${page - 1}`}>Newer articles</Link> : null}
          {hasMore ? <Link href={`/desk?page=${page + 1}`}>Older articles</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}
