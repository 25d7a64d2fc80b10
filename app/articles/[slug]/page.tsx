import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { paragraphOffsets } from '@/lib/anchoring';
import { getPublicCaller } from '@/server/trpc/server-caller';
import { isTrpcErrorCode } from '../../_components/trpc-errors';

// Served from cache; approving or correcting a verdict revalidates it at once.
export const revalidate = 3600;

// Nothing is prerendered at build time (the build has no database); each page is rendered on
// its first request, then served from the cache until an approval revalidates it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const loadArticle = cache(async (slug: string) => {
  const caller = await getPublicCaller();
  try {
    return await caller.public.article({ slug });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  }
});

type Article = Awaited<ReturnType<typeof loadArticle>>;
type FactCheck = Article['factChecks'][number];

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const article = await loadArticle((await params).slug);
  return { title: article.title, description: article.dek ?? undefined };
}

/** A paragraph with the published claims inside it marked, each linking to its fact-check. */
function renderParagraph(paragraph: string, paragraphStart: number, factChecks: FactCheck[]): ReactNode[] {
  const inside = factChecks
    .filter((f) => f.isAnchored && f.start >= paragraphStart && f.end <= paragraphStart + paragraph.length)
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const factCheck of inside) {
    const start = factCheck.start - paragraphStart;
    const end = factCheck.end - paragraphStart;
    if (start < cursor) continue; // Overlapping published claims: the first one is marked, all are listed below.
    parts.push(paragraph.slice(cursor, start));
    parts.push(
      <mark key={factCheck.slug} className="public-claim" style={{ borderBottomColor: factCheck.ratingColor }}>
        <Link href={`/fact-checks/${factCheck.slug}`}>{paragraph.slice(start, end)}</Link>
        <span className="verdict-badge" style={{ borderLeftColor: factCheck.ratingColor }}>
          {factCheck.ratingLabel}
        </span>
      </mark>,
    );
    cursor = end;
  }
  parts.push(paragraph.slice(cursor));
  return parts;
}

export default async function ArticlePage({ params }: { params: Promise<{ slug: string }> }) {
  const article = await loadArticle((await params).slug);
  const byline = [article.author, article.publisher].filter(Boolean).join(', ');
  const starts = paragraphOffsets(article.paragraphs);
  return (
    <article className="article" lang={article.language ?? undefined}>
      <header>
        <h1>{article.title}</h1>
        {article.dek ? <p className="dek">{article.dek}</p> : null}
        <p className="muted">
          {byline}
          {article.publishedAt ? (
            <>
              {byline ? ' · ' : null}
              <time dateTime={article.publishedAt.toISOString()}>
                {article.publishedAt.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' })}
              </time>
            </>
          ) : null}
        </p>
        {article.url ? (
          <p>
            <a href={article.url} rel="noopener noreferrer nofollow">
              Original article
            </a>
          </p>
        ) : null}
      </header>
      <div className="article-body">
        {article.paragraphs.map((paragraph, index) => (
          <p key={index}>{renderParagraph(paragraph, starts[index]!, article.factChecks)}</p>
        ))}
      </div>
      <section aria-labelledby="fact-checks-heading" className="public-fact-check-list">
        <h2 id="fact-checks-heading">Fact-checks in this article</h2>
        <ul>
          {article.factChecks.map((factCheck) => (
            <li key={factCheck.slug}>
              <span className="verdict-badge" style={{ borderLeftColor: factCheck.ratingColor }}>
                {factCheck.ratingLabel}
              </span>{' '}
              <Link href={`/fact-checks/${factCheck.slug}`}>{factCheck.statement}</Link>{' '}
              <span className="muted">— {factCheck.claimant}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
