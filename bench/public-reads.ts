// Issue #8, public reads: a published fact-check page (rendered on first request, then served
// from Next's cache) against a force-static page of the same HTML size and a 1 KB file from
// public/, all from the same `next start`; and the article page with 50 published claims.
// Interleaved rounds (the order rotates), so the ratios hold on a busy machine.
import { runAutocannon } from './harness/dev-tools';
import { median, saveResult, type Ratio, type Target } from './harness/report';
import { seedPublishedArticle } from './harness/seed';
import { createBenchDatabase, ensureBuild, startServer, withDatabase } from './harness/server';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 16;

ensureBuild();
const database = await createBenchDatabase('public-reads');
const { factCheckSlug, articleSlug } = await withDatabase(database.url, async (db) => {
  const published = await db.q.select({ slug: db.t.claims.slug, status: db.t.claims.status }).from(db.t.claims);
  // The demo's corrected fact-check: the larger page, with corrections and earlier verdicts.
  const factCheck = published.find((c) => c.status === 'published' && c.slug.startsWith('the-main-reason'))
    ?? published.find((c) => c.status === 'published')!;
  const { article } = await seedPublishedArticle(db, { title: 'Bench article with fifty published claims', count: 50 });
  return { factCheckSlug: factCheck.slug, articleSlug: article.slug };
});

const server = await startServer({ port: 3521, databaseUrl: database.url });
const targets: Target[] = [];
const ratios: Record<string, Ratio> = {};
const tables: Record<string, Array<Record<string, string | number>>> = {};
try {
  const paths = {
    'fact-check page': `/fact-checks/${factCheckSlug}`,
    'article page (50 claims)': `/articles/${articleSlug}`,
    'force-static page': '/bench-static',
    'public/bench-1k.txt': '/bench-1k.txt',
  } as const;
  type Key = keyof typeof paths;
  const keys = Object.keys(paths) as Key[];
  const sizes: Array<Record<string, string | number>> = [];
  for (const key of keys) {
    // Twice: the first request of a cached page renders it, the second must be a cache hit.
    await fetch(server.baseUrl + paths[key]);
    const response = await fetch(server.baseUrl + paths[key]);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${paths[key]} answered ${response.status}`);
    const gzipped = await fetch(server.baseUrl + paths[key], { headers: { 'accept-encoding': 'gzip' } });
    sizes.push({
      page: key,
      path: paths[key].length > 40 ? `${paths[key].slice(0, 37)}…` : paths[key],
      'HTML bytes': body.byteLength,
      'x-nextjs-cache': response.headers.get('x-nextjs-cache') ?? '-',
      'content-encoding': gzipped.headers.get('content-encoding') ?? 'identity',
    });
  }
  for (const key of keys) await runAutocannon({ url: server.baseUrl + paths[key], connections: CONNECTIONS, duration: 1 });

  const rps = new Map<Key, number[]>(keys.map((k) => [k, []]));
  const perRound = { factCheck: [] as number[], article: [] as number[], staticOverFile: [] as number[], factCheckOverFile: [] as number[] };
  let errors = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = keys.map((_, i) => keys[(i + round) % keys.length]!);
    const got = new Map<Key, number>();
    for (const key of order) {
      const result = await runAutocannon({ url: server.baseUrl + paths[key], connections: CONNECTIONS, duration: SECONDS });
      errors += result.errors + result.timeouts + result.non2xx;
      got.set(key, result.requests.average);
      rps.get(key)!.push(result.requests.average);
    }
    perRound.factCheck.push(got.get('fact-check page')! / got.get('force-static page')!);
    perRound.article.push(got.get('article page (50 claims)')! / got.get('force-static page')!);
    perRound.staticOverFile.push(got.get('force-static page')! / got.get('public/bench-1k.txt')!);
    perRound.factCheckOverFile.push(got.get('fact-check page')! / got.get('public/bench-1k.txt')!);
  }
  tables['Page sizes'] = sizes;
  tables[`Public reads, ${CONNECTIONS} connections (req/s, median of ${ROUNDS} interleaved rounds of ${SECONDS} s)`] = keys.map((key) => ({
    page: key,
    'req/s': median(rps.get(key)!),
    'vs force-static': median(rps.get(key)!) / median(rps.get('force-static page')!),
    'vs 1 KB file': median(rps.get(key)!) / median(rps.get('public/bench-1k.txt')!),
  }));
  const factCheck = median(perRound.factCheck);
  const article = median(perRound.article);
  ratios['fact_check_over_static_page'] = { value: factCheck, better: 'higher', target: '>= 0.90' };
  ratios['article50_over_static_page'] = { value: article, better: 'higher', target: '>= 0.90' };
  ratios['static_page_over_file'] = { value: median(perRound.staticOverFile), better: 'higher' };
  ratios['fact_check_over_file'] = { value: median(perRound.factCheckOverFile), better: 'higher' };
  targets.push({ name: 'fact-check page vs force-static page', target: '>= 90%', value: `${(factCheck * 100).toFixed(0)}%`, isMet: factCheck >= 0.9 });
  targets.push({ name: 'article page (50 claims) vs force-static page', target: '>= 90%', value: `${(article * 100).toFixed(0)}%`, isMet: article >= 0.9 });
  targets.push({ name: 'errors', target: '0', value: String(errors), isMet: errors === 0 });
} finally {
  await server.stop();
  await database.dispose();
}
saveResult({ name: 'public-reads', command: 'npm run bench:reads', tables, ratios, targets });
