// Issue #8, workspace load: `articles.workspace` for an article with 500 claims and 2,000
// annotations, through tRPC's createCaller (procedure, middleware, output validation) on
// each dialect: response size, number of SQL queries (counted by a Drizzle logger: it must
// not grow with the number of claims) and time, against a 50-claim article on the same
// database so the ratios hold on a busy machine.
import fs from 'node:fs';
import path from 'node:path';
import superjson from 'superjson';
import type { AppDb, OpenOptions } from '@/db/client';
import { createScratchPostgresDatabase } from '@/db/scratch-postgres';
import { median, saveResult, type Ratio, type Target } from './harness/report';
import { demoActor, seedBigArticle } from './harness/seed';
import { root } from './harness/server';

const CALLS = Number(process.env.BENCH_CALLS ?? 40);

type Dialect = 'sqlite' | 'pglite' | 'postgres';

async function open(dialect: Dialect, options: OpenOptions): Promise<{ db: AppDb; dispose(): Promise<void> }> {
  const client = await import('@/db/client');
  if (dialect === 'sqlite') {
    const dir = path.join(root, 'data', 'bench', 'workspace-load');
    fs.rmSync(dir, { recursive: true, force: true });
    const db = await client.openSqlite(path.join(dir, 'factdesk.db'), options);
    return { db, dispose: async () => (await db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  if (dialect === 'pglite') {
    const db = await client.openPglite(options);
    return { db, dispose: () => db.close() };
  }
  const scratch = await createScratchPostgresDatabase(process.env.BENCH_DATABASE_URL!, 'factdesk_bench_ws');
  const db = await client.openPostgres(scratch.url, options);
  return {
    db,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}

async function benchDialect(dialect: Dialect) {
  let queries = 0;
  const { db, dispose } = await open(dialect, { logger: { logQuery: () => void (queries += 1) } });
  try {
    const { migrateDatabase } = await import('@/db/migrate');
    const { seedDemoData } = await import('@/server/seed/demo');
    const { createCaller } = await import('@/server/routers');
    const { createContext } = await import('@/server/trpc/context');
    await migrateDatabase(db);
    await seedDemoData(db, { log: () => undefined });
    const big = await seedBigArticle(db, { title: 'Bench workspace, 500 claims', characters: 100_000, claims: 500, annotations: 2_000 });
    const small = await seedBigArticle(db, { title: 'Bench workspace, 50 claims', characters: 10_000, claims: 50, annotations: 200 });
    const reviewer = await demoActor(db, 'reviewer@factdesk.test');
    const caller = createCaller(await createContext({ db, sessionUserId: reviewer.id }));
    const call = async (slug: string) => {
      const before = queries;
      const started = performance.now();
      const result = await caller.articles.workspace({ slug });
      const ms = performance.now() - started;
      return { ms, queries: queries - before, claims: result.claims.length, bytes: Buffer.byteLength(JSON.stringify(superjson.serialize(result))) };
    };
    for (let i = 0; i < 3; i += 1) {
      await call(big.article.slug);
      await call(small.article.slug);
    }
    // Alternate the two articles call by call, so both see the same machine.
    const bigCalls: Array<Awaited<ReturnType<typeof call>>> = [];
    const smallCalls: Array<Awaited<ReturnType<typeof call>>> = [];
    for (let i = 0; i < CALLS; i += 1) {
      bigCalls.push(await call(big.article.slug));
      smallCalls.push(await call(small.article.slug));
    }
    const pick = (calls: typeof bigCalls) => ({ ...calls.at(-1)!, ms: median(calls.map((c) => c.ms)) });
    return { big: pick(bigCalls), small: pick(smallCalls), annotations: 2_000 };
  } finally {
    await dispose();
  }
}

const dialects: Dialect[] = ['sqlite', 'pglite'];
if (process.env.BENCH_DATABASE_URL) dialects.push('postgres');
const rows: Array<Record<string, string | number>> = [];
const ratios: Record<string, Ratio> = {};
const targets: Target[] = [];
for (const dialect of dialects) {
  const { big, small } = await benchDialect(dialect);
  for (const [label, run] of [['500 claims, 2,000 annotations, 100k chars', big], ['50 claims, 200 annotations, 10k chars', small]] as const) {
    rows.push({ dialect, article: label, claims: run.claims, 'SQL queries': run.queries, 'response KB': run.bytes / 1024, 'median ms': run.ms });
  }
  ratios[`${dialect}.queries_500_over_50`] = { value: big.queries / small.queries, better: 'lower', target: '= 1' };
  ratios[`${dialect}.ms_500_over_50`] = { value: big.ms / small.ms, better: 'lower' };
  ratios[`${dialect}.bytes_per_claim`] = { value: big.bytes / big.claims, better: 'lower' };
  targets.push({
    name: `${dialect}: query count independent of claims (no N+1)`,
    target: `${small.queries} (as for 50 claims)`,
    value: String(big.queries),
    isMet: big.queries === small.queries,
  });
}
saveResult({
  name: 'workspace-load',
  command: 'npm run bench:workspace-load   # BENCH_DATABASE_URL=postgres://… adds PostgreSQL',
  tables: { [`articles.workspace through createCaller (median of ${CALLS} calls, the two articles alternating)`]: rows },
  ratios,
  targets,
});
