// The shared benchmark harness: builds if stale, prepares a fresh database (migrated and
// seeded with the demo desk, as scripts/e2e.ts does), serves it with `next start` on a bench
// port (3500-3599) and always stops the server when the process ends.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppDb } from '@/db/client';
import { createScratchPostgresDatabase } from '@/db/scratch-postgres';
import { isBuildStale } from '../../scripts/build-freshness';

export const root = process.cwd();
export const AUTH_SECRET = 'bench-only-secret-not-for-production-use-0123456789';
export const DEMO_PASSWORD = 'factdesk-demo';

export function ensureBuild(): void {
  if (!isBuildStale(root)) return;
  console.log('Building (next build)…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('next build failed');
}

export type BenchDatabase = { url: string; dialect: 'sqlite' | 'postgres'; dispose(): Promise<void> };

/**
 * A fresh, migrated database seeded with the demo desk: a SQLite file under data/bench, or a
 * new database on the PostgreSQL server `postgresAdminUrl` names (dropped by dispose()).
 */
export async function createBenchDatabase(name: string, postgresAdminUrl?: string): Promise<BenchDatabase> {
  if (!postgresAdminUrl) {
    const dir = path.join(root, 'data', 'bench', name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const url = `file:${path.join(dir, 'factdesk.db')}`;
    await prepare(url);
    return { url, dialect: 'sqlite', dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const scratch = await createScratchPostgresDatabase(postgresAdminUrl, `factdesk_bench_${name.toLowerCase().replace(/\W/g, '_')}`);
  await prepare(scratch.url);
  return { url: scratch.url, dialect: 'postgres', dispose: scratch.drop };
}

async function prepare(url: string): Promise<void> {
  await withDatabase(url, async (db) => {
    const { migrateDatabase } = await import('@/db/migrate');
    const { seedDemoData } = await import('@/server/seed/demo');
    await migrateDatabase(db);
    await seedDemoData(db, { log: () => undefined });
  });
}

/** Opens the database at `url` for `work` (seeding, counting rows), then closes it. */
export async function withDatabase<T>(url: string, work: (db: AppDb) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('@/db/client');
  const { parseDatabaseUrl } = await import('@/db/config');
  const db = await openDatabase(parseDatabaseUrl(url));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export type BenchServer = { baseUrl: string; port: number; pid: number; stop(): Promise<void> };

const running = new Set<ChildProcess>();
function stopAll() {
  for (const child of running) child.kill('SIGTERM');
}
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
process.on('uncaughtException', (error) => {
  console.error(error);
  stopAll();
  process.exit(1);
});

/** `next start` with NODE_ENV=production on `port`, ready once /api/health answers. */
export async function startServer({
  port,
  databaseUrl,
  env = {},
  nodeArgs = [],
}: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Extra flags for Node itself, e.g. --cpu-prof when looking for where the time goes. */
  nodeArgs?: string[];
}): Promise<BenchServer> {
  if (port < 3500 || port > 3599) throw new Error('Benchmarks use ports 3500-3599 only.');
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port), '--keepAliveTimeout', '65000'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AUTH_SECRET,
        DATABASE_URL: databaseUrl,
        FACTDESK_SEED_DEMO: '0',
        PUBLIC_URL: baseUrl,
        ...env,
      },
    },
  );
  running.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${stderr}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`next start did not become healthy:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      running.delete(child);
    },
  };
}

/** Signs in through Auth.js's own endpoints (CSRF token, then the credentials callback); returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: '/desk' }),
    redirect: 'manual',
  });
  keep(response);
  if (response.status !== 302 || (response.headers.get('location') ?? '').includes('error')) {
    throw new Error(`Sign-in as ${email} failed (${response.status} ${response.headers.get('location')})`);
  }
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`No session cookie for ${email}`);
  return cookie();
}

/** A tRPC mutation over HTTP, superjson wire format. */
export async function trpcMutation<T>(baseUrl: string, cookie: string, procedure: string, input: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json: T } } };
  if (!response.ok) throw new Error(`${procedure} failed: ${JSON.stringify(body)}`);
  return body.result!.data!.json;
}

/** The pid of the process actually serving (next start may hand over to a next-server child). */
export function serverPid(pid: number): number {
  const children = (() => {
    try {
      return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  for (const child of children) {
    const name = fs.readFileSync(`/proc/${child}/comm`, 'utf8');
    if (name.includes('next')) return child;
  }
  return pid;
}

export function readRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!match) throw new Error(`No VmRSS for pid ${pid}`);
  return Number(match[1]);
}

export function nextFreeLabel(): string {
  return randomBytes(3).toString('hex');
}
