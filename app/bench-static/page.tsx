import type { Metadata } from 'next';

// A baseline for bench/public-reads.ts: a page built once at build time, never rendered
// again, padded to the HTML size of a published fact-check page. Not linked and not in the
// sitemap; harmless if found.
export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Benchmark baseline', robots: { index: false, follow: false } };

/** Bytes of filler text; bench/public-reads.ts prints both page sizes so a drift shows. */
const FILLER_BYTES = 9_000;
const SENTENCE = 'This page only exists as a fixed-size baseline for the public page benchmarks. ';

const paragraphs = Array.from({ length: Math.ceil(FILLER_BYTES / (SENTENCE.length * 4)) }, (_, index) => ({
  id: index,
  text: SENTENCE.repeat(4),
}));

export default function BenchStaticPage() {
  return (
    <main id="main" className="page">
      <h1>Benchmark baseline</h1>
      {paragraphs.map((paragraph) => (
        <p key={paragraph.id}>{paragraph.text}</p>
      ))}
    </main>
  );
}
