import type { Metadata } from 'next';

// A baseline for bench/public-reads.ts: a page built once at build time, never rendered
// again, padded to the HTML size of a published fact-check page. Not linked and not in the
// sitemap; harmless if found.
export const dynamic = 'force-static';

export const metadata: Metadata = { title: 'Benchmark baseline', robots: { index: false, follow: false } };

/**
 * Characters of filler text, chosen so the whole response (layout, the text once in the HTML
 * and once in the RSC payload) weighs what the demo's corrected fact-check page weighs;
 * bench/public-reads.ts prints both sizes so a drift shows.
 */
const FILLER_CHARACTERS = 7_800;
const SENTENCE = 'This page only exists as a fixed-size baseline for the public page benchmarks. ';
const filler = SENTENCE.repeat(Math.ceil(FILLER_CHARACTERS / SENTENCE.length)).slice(0, FILLER_CHARACTERS);

const paragraphs = Array.from({ length: Math.ceil(FILLER_CHARACTERS / 320) }, (_, index) => ({
  id: index,
  text: filler.slice(index * 320, (index + 1) * 320),
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
