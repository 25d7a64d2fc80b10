// Issue #8, memory: the server's resident set size (VmRSS of the next-server process) after
// 50,000 mixed requests (public pages, a static file, public and signed-in tRPC queries,
// saves, no-ops) must stay within 15% of its value after the first 10,000.
import { runAutocannon } from './harness/dev-tools';
import { saveResult } from './harness/report';
import { createBenchDatabase, ensureBuild, readRssKb, serverPid, signIn, startServer, withDatabase } from './harness/server';

const CHUNK = Number(process.env.BENCH_MEMORY_CHUNK ?? 10_000);
const CHUNKS = 5;

ensureBuild();
const database = await createBenchDatabase('memory');
const seeded = await withDatabase(database.url, async (db) => {
  const claims = await db.q.select({ id: db.t.claims.id, slug: db.t.claims.slug, status: db.t.claims.status }).from(db.t.claims);
  const articles = await db.q.select({ slug: db.t.articles.slug }).from(db.t.articles);
  return { claimId: claims[0]!.id, factCheckSlug: claims.find((c) => c.status === 'published')!.slug, articleSlug: articles[0]!.slug };
});
const server = await startServer({ port: 3540, databaseUrl: database.url, env: { FACTDESK_BENCH: '1' } });
const samples: Array<Record<string, string | number>> = [];
let ratio = NaN;
let plateau = NaN;
let errors = 0;
try {
  const cookie = await signIn(server.baseUrl, 'reviewer@factdesk.test');
  const json = { cookie, 'content-type': 'application/json' };
  const query = (input: unknown) => encodeURIComponent(JSON.stringify({ json: input }));
  const requests = [
    { method: 'GET' as const, path: `/fact-checks/${seeded.factCheckSlug}` },
    { method: 'GET' as const, path: `/articles/${seeded.articleSlug}` },
    { method: 'GET' as const, path: '/fact-checks' },
    { method: 'GET' as const, path: '/bench-1k.txt' },
    { method: 'GET' as const, path: `/api/trpc/public.factChecks?input=${query({ page: 1 })}` },
    { method: 'GET' as const, path: `/api/trpc/articles.workspace?input=${query({ slug: seeded.articleSlug })}`, headers: { cookie } },
    {
      method: 'POST' as const,
      path: '/api/trpc/annotations.create',
      headers: json,
      body: JSON.stringify({ json: { claimId: seeded.claimId, parentId: null, kind: 'note', body: 'Memory benchmark note.', evidence: null } }),
    },
    { method: 'POST' as const, path: '/api/trpc/bench.noop', headers: json, body: JSON.stringify({ json: { claimId: seeded.claimId, body: 'x' } }) },
  ];
  const pid = serverPid(server.pid);
  samples.push({ requests: 0, 'VmRSS MB': readRssKb(pid) / 1024, 'vs after 10,000': '', 'req/s': '' });
  let baseline = 0;
  let plateauStart = 0;
  for (let chunk = 1; chunk <= CHUNKS; chunk += 1) {
    const result = await runAutocannon({ url: server.baseUrl, connections: 16, amount: CHUNK, requests });
    errors += result.errors + result.timeouts + result.non2xx;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rss = readRssKb(pid);
    if (chunk === 1) baseline = rss;
    if (chunk === 2) plateauStart = rss;
    samples.push({ requests: chunk * CHUNK, 'VmRSS MB': rss / 1024, 'vs after 10,000': rss / baseline, 'req/s': result.requests.average });
    ratio = rss / baseline;
    plateau = rss / plateauStart;
  }
} finally {
  await server.stop();
  await database.dispose();
}
saveResult({
  name: 'memory',
  command: 'npm run bench:memory',
  tables: { [`Server RSS over ${CHUNKS * CHUNK} mixed requests (16 connections)`]: samples },
  ratios: {
    rss_50k_over_10k: { value: ratio, better: 'lower', target: '<= 1.15' },
    // Whether it keeps growing once warm (a leak) or levels off (heap and caches sizing up).
    rss_50k_over_20k: { value: plateau, better: 'lower' },
  },
  targets: [
    { name: 'RSS after 50,000 vs after 10,000', target: '<= 1.15', value: ratio.toFixed(3), isMet: ratio <= 1.15 },
    { name: 'RSS after 50,000 vs after 20,000 (levelling off, not a target)', target: 'reported', value: plateau.toFixed(3), isMet: true },
    { name: 'errors', target: '0', value: String(errors), isMet: errors === 0 },
  ],
});
