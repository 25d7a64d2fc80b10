import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getPublicCaller } from '@/server/trpc/server-caller';
import { isTrpcErrorCode } from '../../_components/trpc-errors';

// Revalidated with the fact-check page when a correction is approved, so embeds update themselves.
export const revalidate = 3600;

// Nothing is prerendered at build time (the build has no database); each page is rendered on
// its first request, then served from the cache until an approval revalidates it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
export const metadata: Metadata = { robots: { index: false } };

export default async function EmbedCard({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  let factCheck;
  try {
    factCheck = await (await getPublicCaller()).public.factCheck({ slug });
  } catch (error) {
    if (isTrpcErrorCode(error, 'NOT_FOUND') || isTrpcErrorCode(error, 'BAD_REQUEST')) notFound();
    throw error;
  }
  return (
    <main className="embed-card">
      <p className="muted">{factCheck.organisation.name} fact-check</p>
      <p>
        <span className="verdict-badge" style={{ borderLeftColor: factCheck.rating.color }}>
          {factCheck.rating.label}
        </span>
      </p>
      <h1 style={{ fontSize: '1.1rem' }}>
        <a href={factCheck.pageUrl} target="_blank" rel="noopener">
          {factCheck.statement}
        </a>
      </h1>
      <p>{factCheck.summary}</p>
      {factCheck.corrections.length > 0 ? (
        <p className="muted">Corrected {factCheck.updatedAt.toLocaleDateString('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })}</p>
      ) : null}
    </main>
  );
}
