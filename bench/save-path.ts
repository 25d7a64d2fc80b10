// Issue #8, save path: creating an annotation through the full stack (HTTP, session, tRPC,
// validation, transaction, audit, live event) against a no-op tRPC mutation with the same
// session on the same server. A and B interleaved in rounds, so the ratios hold on a busy
// machine. SQLite always; PostgreSQL beside it when BENCH_DATABASE_URL names a server
// (an admin URL: a fresh database is created and dropped).
import { runAutocannon, type AutocannonOptions, type AutocannonResult } from './harness/dev-tools';
import { median, saveResult, type Ratio, type Target } from './harness/report';
import { createBenchDatabase, ensureBuild, signIn, startServer, withDatabase } from './harness/server';

const CONNECTIONS = [1, 16, 50];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const FIXED_RATE = 150;

type Tally = { acked: number; sent: number; refused: number; errors: number };

async function countAnnotations(url: string): Promise<number> {
  return withDatabase(url, async (db) => {
    const { count } = await import('drizzle-orm');
    const rows = await db.q.select({ value: count() }).from(db.t.annotations);
    return rows[0]!.value;
  });
}

async function benchDialect(label: 'sqlite' | 'postgres', port: number, adminUrl?: string) {
  const database = await createBenchDatabase(`save-path-${label}`, adminUrl);
  const claimId = await withDatabase(database.url, async (db) => {
    const rows = await db.q.select({ id: db.t.claims.id }).from(db.t.claims).limit(1);
    return rows[0]!.id;
  });
  const server = await startServer({ port, databaseUrl: database.url, env: { FACTDESK_BENCH: '1' } });
  try {
    const cookie = await signIn(server.baseUrl, 'reviewer@factdesk.test');
    const headers = { cookie, 'content-type': 'application/json' };
    const save: AutocannonOptions = {
      url: `${server.baseUrl}/api/trpc/annotations.create`,
      method: 'POST',
      headers,
      body: JSON.stringify({ json: { claimId, parentId: null, kind: 'note', body: 'A benchmark note on this claim.', evidence: null } }),
    };
    const noop: AutocannonOptions = {
      url: `${server.baseUrl}/api/trpc/bench.noop`,
      method: 'POST',
      headers,
      body: JSON.stringify({ json: { claimId, body: 'A benchmark note on this claim.' } }),
    };
    for (const probe of [save, noop]) {
      const response = await fetch(probe.url, { method: 'POST', headers, body: probe.body });
      if (!response.ok) throw new Error(`${probe.url} answered ${response.status}: ${await response.text()}`);
    }
    const before = await countAnnotations(database.url);
    const tally: Tally = { acked: 1, sent: 1, refused: 0, errors: 0 };
    const record = (result: AutocannonResult) => {
      tally.acked += result['2xx'];
      tally.sent += result.requests.sent;
      tally.refused += result.non2xx;
      tally.errors += result.errors + result.timeouts;
    };
    let noopRefused = 0;
    // Warm up both paths (JIT, connection pools, prepared statements).
    record(await runAutocannon({ ...save, connections: 16, duration: 2 }));
    await runAutocannon({ ...noop, connections: 16, duration: 2 });

    const samples = new Map<number, { save: number[]; noop: number[]; ratio: number[]; saveP99: number[]; noopP99: number[] }>();
    for (const connections of CONNECTIONS) samples.set(connections, { save: [], noop: [], ratio: [], saveP99: [], noopP99: [] });
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const connections of CONNECTIONS) {
        const runSave = async () => {
          const r = await runAutocannon({ ...save, connections, duration: SECONDS });
          record(r);
          return r;
        };
        const runNoop = async () => {
          const r = await runAutocannon({ ...noop, connections, duration: SECONDS });
          noopRefused += r.non2xx + r.errors + r.timeouts;
          return r;
        };
        // Alternate which goes first, so neither always gets the cooler machine.
        let a: AutocannonResult;
        let b: AutocannonResult;
        if (round % 2 === 0) {
          a = await runSave();
          b = await runNoop();
        } else {
          b = await runNoop();
          a = await runSave();
        }
        const s = samples.get(connections)!;
        s.save.push(a.requests.average);
        s.noop.push(b.requests.average);
        s.ratio.push(a.requests.average / b.requests.average);
        s.saveP99.push(a.latency.p99);
        s.noopP99.push(b.latency.p99);
      }
    }
    const fixed = await runAutocannon({ ...save, connections: 10, overallRate: FIXED_RATE, duration: 5 });
    record(fixed);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const added = (await countAnnotations(database.url)) - before + 1;
    const inFlight = tally.sent - tally.acked - tally.refused;
    return { samples, fixed, tally, added, inFlight, noopRefused };
  } finally {
    await server.stop();
    await database.dispose();
  }
}

ensureBuild();
const dialects: Array<['sqlite' | 'postgres', number, string | undefined]> = [['sqlite', 3510, undefined]];
if (process.env.BENCH_DATABASE_URL) dialects.push(['postgres', 3511, process.env.BENCH_DATABASE_URL]);

const tables: Record<string, Array<Record<string, string | number>>> = {};
const ratios: Record<string, Ratio> = {};
const targets: Target[] = [];
const integrityRows: Array<Record<string, string | number>> = [];
for (const [label, port, adminUrl] of dialects) {
  const { samples, fixed, tally, added, inFlight, noopRefused } = await benchDialect(label, port, adminUrl);
  tables[`Save path on ${label}: annotations.create vs bench.noop (req/s, median of ${ROUNDS} interleaved rounds of ${SECONDS} s)`] = [
    ...samples.entries(),
  ].map(([connections, s]) => ({
    connections,
    'save req/s': median(s.save),
    'no-op req/s': median(s.noop),
    'save/no-op': median(s.ratio),
    'save p99 ms': median(s.saveP99),
    'no-op p99 ms': median(s.noopP99),
  }));
  for (const [connections, s] of samples) {
    const value = median(s.ratio);
    const gated = connections >= 16;
    ratios[`${label}.save_over_noop.c${connections}`] = { value, better: 'higher', ...(gated ? { target: '>= 0.40' } : {}) };
    if (gated) {
      targets.push({ name: `${label}: save/no-op req/s at ${connections} connections`, target: '>= 40%', value: `${(value * 100).toFixed(0)}%`, isMet: value >= 0.4 });
    }
  }
  tables[`Fixed rate on ${label}: ${FIXED_RATE} saves/s for 5 s, 10 connections`] = [
    {
      'req/s': fixed.requests.average,
      'p50 ms': fixed.latency.p50,
      'p90 ms': fixed.latency.p90,
      'p99 ms': fixed.latency.p99,
      'max ms': fixed.latency.max,
      errors: fixed.errors + fixed.timeouts + fixed.non2xx,
    },
  ];
  targets.push({ name: `${label}: p99 at ${FIXED_RATE} saves/s`, target: '< 50 ms', value: `${fixed.latency.p99} ms`, isMet: fixed.latency.p99 < 50 });
  const isIntact = added >= tally.acked && added <= tally.acked + Math.max(0, inFlight);
  integrityRows.push({
    dialect: label,
    'saves sent': tally.sent,
    acknowledged: tally.acked,
    'in flight at stop': inFlight,
    'refused (non-2xx)': tally.refused,
    'socket errors': tally.errors,
    'rows added': added,
    'no-op errors': noopRefused,
  });
  targets.push({
    name: `${label}: zero errors (no SQLITE_BUSY)`,
    target: '0',
    value: String(tally.refused + tally.errors),
    isMet: tally.refused + tally.errors === 0,
  });
  targets.push({
    name: `${label}: rows = acknowledged (+ in flight), none lost`,
    target: `${tally.acked}..${tally.acked + Math.max(0, inFlight)}`,
    value: String(added),
    isMet: isIntact,
  });
}
tables['Save integrity (whole run, warm-up included)'] = integrityRows;

const result = saveResult({
  name: 'save-path',
  command: 'npm run bench:save   # BENCH_DATABASE_URL=postgres://… adds PostgreSQL',
  tables,
  ratios,
  targets,
});
// Targets missed are reported, not fatal: `npm run bench:check` gates regressions.
void result;
