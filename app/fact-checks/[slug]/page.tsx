import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { renderMarkdown } from '@/lib/markdown';
import { getPublicCaller } from '@/server/trpc/server-caller';
import { JsonLdScript } from '../../_components/json-ld-script';
import { RatingMeter } from '../../_components/rating-meter';
import { isTrpcErrorCode } from '../../_components/trpc-errors';

export const revalidate = 3600;

// Nothing is prerendered at build time (the build has no database); each page is rendered on
// its first request, then served from the cache until an approval revalidates it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const loadFactCheck = cache(async (slug: string) => {
  const caller = await getPublicCaller();
  try {
    return await caller.public.factCheck({ slug });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  }
});

const formatDate = (date: Date) => date.toLocaleDateString('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const factCheck = await loadFactCheck((await params).slug);
  const title = `${factCheck.rating.label}: ${factCheck.statement}`;
  return {
    title,
    description: factCheck.summary,
    alternates: {
      canonical: factCheck.pageUrl,
      types: { 'application/json+oembed': `/oembed?url=${encodeURIComponent(factCheck.pageUrl)}&format=json` },
    },
    openGraph: {
      type: 'article',
      title,
      description: factCheck.summary,
      url: factCheck.pageUrl,
      siteName: factCheck.organisation.name,
      publishedTime: factCheck.publishedAt.toISOString(),
      modifiedTime: factCheck.updatedAt.toISOString(),
    },
    twitter: { card: 'summary', title, description: factCheck.summary },
  };
}

export default async function FactCheckPage({ params }: { params: Promise<{ slug: string }> }) {
  const factCheck = await loadFactCheck((await params).slug);
  return (
    <article className="fact-check">
      <JsonLdScript json={factCheck.jsonLd} />
      <p className="muted">
        Fact-check by {factCheck.organisation.name} · Published{' '}
        <time dateTime={factCheck.publishedAt.toISOString()}>{formatDate(factCheck.publishedAt)}</time>
        {factCheck.corrections.length > 0 ? (
          <>
            {' '}
            · Updated <time dateTime={factCheck.updatedAt.toISOString()}>{formatDate(factCheck.updatedAt)}</time>
          </>
        ) : null}
      </p>
      <h1>{factCheck.statement}</h1>
      <p className="fact-check-claimant">
        Claim by <strong>{factCheck.claimant}</strong>, in{' '}
        <Link href={`/articles/${factCheck.article.slug}`}>{factCheck.article.title}</Link>
        {factCheck.article.publisher ? ` (${factCheck.article.publisher})` : ''}
      </p>
      <blockquote className="ws-quote">{factCheck.quote}</blockquote>
      <section aria-labelledby="verdict-heading" className="fact-check-verdict">
        <h2 id="verdict-heading">
          Our rating: <span className="verdict-label">{factCheck.rating.label}</span>
        </h2>
        <RatingMeter rating={factCheck.rating} scale={factCheck.scale} />
        <p className="fact-check-summary">{factCheck.summary}</p>
      </section>
      {factCheck.corrections.length > 0 ? (
        <section aria-labelledby="corrections-heading" className="fact-check-corrections">
          <h2 id="corrections-heading">Corrections</h2>
          <ul>
            {factCheck.corrections.map((correction) => (
              <li key={correction.date.toISOString()}>
                <time dateTime={correction.date.toISOString()}>{formatDate(correction.date)}</time>: {correction.note}
              </li>
            ))}
          </ul>
          <h3>Earlier verdicts</h3>
          <ul>
            {factCheck.earlierVerdicts.map((verdict) => (
              <li key={verdict.publishedAt.toISOString()}>
                {formatDate(verdict.publishedAt)}: <strong>{verdict.ratingLabel}</strong> — {verdict.summary}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="ruling-heading">
        <h2 id="ruling-heading">Our ruling</h2>
        <div className="fact-check-ruling">{renderMarkdown(factCheck.ruling)}</div>
      </section>
      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        <ol>
          {factCheck.sources.map((source) => (
            <li key={source.url}>
              <a href={source.url} rel="noopener noreferrer nofollow">
                {source.title}
              </a>
            </li>
          ))}
        </ol>
      </section>
      <p className="muted">
        How we rate claims: <Link href="/methodology">our methodology and corrections policy</Link>.
      </p>
    </article>
  );
}
