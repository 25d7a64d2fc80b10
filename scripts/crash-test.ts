// `npm run test:crash`: the production server is killed with SIGKILL at random moments while
// 16 writers create annotations (and now and then claims) over HTTP; after each kill it is
// started again and the writers carry on. At the end the database is read directly: every write
// the server acknowledged (HTTP 200 with an id) must be there, and no write may be half there
// (an annotation without its audit event, its live event or its follow; a claim without its
// audit event, its live event or its article).
//
// SQLite by default (a fresh file); PostgreSQL when CRASH_DATABASE_URL=postgres://… names a
// server on a loopback address (a fresh database is created on it and dropped afterwards).
// CRASH_KILLS (default 24, at least 20) and CRASH_PORT (3400-3499) tune a run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { parseDatabaseUrl } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { createScratchPostgresDatabase } from '../db/scratch-postgres';
import { findStorageProblems, findWriteTrails } from '../db/queries/durability';
import { DEMO_PASSWORD } from '../server/seed/demo-accounts';
import { seedDemoData } from '../server/seed/demo';
import { isBuildStale } from './build-freshness';

const WRITERS = 16;
const MIN_KILLS = 20;
const KILLS = Math.max(MIN_KILLS, Number(process.env.CRASH_KILLS ?? 24));
/** The kill phase ends here even if fewer kills were done (then the run fails). */
const KILL_PHASE_BUDGET_MS = 150_000;
const SERVER_READY_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
const AUTH_SECRET = 'crash-test-only-secret-not-for-production-0123456789';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

function fail(message: string): never {
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// The database under test

type TestDatabase = { label: 'sqlite' | 'postgres'; url: string; dispose(): Promise<void> };

async function createDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.CRASH_DATABASE_URL?.trim();
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-crash-'));
    return {
      label: 'sqlite',
      url: `file:${path.join(dir, 'crash.db')}`,
      async dispose() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const parsed = new URL(serverUrl);
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) fail('CRASH_DATABASE_URL must be a postgres:// or postgresql:// URL.');
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) fail(`CRASH_DATABASE_URL must name a loopback address, not ${parsed.hostname}.`);
  const scratch = await createScratchPostgresDatabase(serverUrl, 'factdesk_crash');
  return { label: 'postgres', url: scratch.url, dispose: scratch.drop };
}

// ---------------------------------------------------------------------------------------------
// The server, started and killed as a process group (next may fork workers)

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function choosePort(): Promise<number> {
  if (process.env.CRASH_PORT) {
    const port = Number(process.env.CRASH_PORT);
    if (!Number.isInteger(port) || port < 3400 || port > 3499) fail('CRASH_PORT must be between 3400 and 3499.');
    return port;
  }
  const offset = process.pid % 100;
  for (let i = 0; i < 100; i += 1) {
    const port = 3400 + ((offset + i) % 100);
    if (await isPortFree(port)) return port;
  }
  return fail('No free port between 3400 and 3499.');
}

class Server {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderrTail = '';

  constructor(
    private readonly port: number,
    private readonly databaseUrl: string,
  ) {}

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  start(): void {
    const child = spawn(process.execPath, [nextBin, 'start', '-p', String(this.port), '-H', '127.0.0.1'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AUTH_SECRET,
        DATABASE_URL: this.databaseUrl,
        FACTDESK_SEED_DEMO: '0',
        PUBLIC_URL: this.baseUrl,
      },
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4_000);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.child = child;
  }

  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + SERVER_READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (!this.isRunning) fail(`The server exited while starting:\n${this.stderrTail}`);
      try {
        const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await sleep(100);
    }
    fail(`The server was not ready within ${SERVER_READY_TIMEOUT_MS / 1000} s:\n${this.stderrTail}`);
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (!pid || !this.isRunning) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }

  async kill(): Promise<void> {
    this.signalGroup('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.signalGroup('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) await this.kill();
  }

  /** For process exit handlers, which cannot wait. */
  killNow(): void {
    this.signalGroup('SIGKILL');
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP: Auth.js sign-in and tRPC mutations (superjson wire format)

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesFrom(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: '/desk' }),
  });
  await response.body?.cancel();
  const location = response.headers.get('location') ?? '';
  if (response.status !== 302 || location.includes('error')) fail(`Sign-in as ${email} failed: ${response.status} ${location}`);
  const session = cookiesFrom(response).filter((c) => c.includes('session-token'));
  if (session.length === 0) fail(`Sign-in as ${email} set no session cookie.`);
  return session.join('; ');
}

type MutationResult = { status: number; data: unknown };

async function mutate(baseUrl: string, cookie: string, procedure: string, input: unknown): Promise<MutationResult> {
  const response = await fetch(`${baseUrl}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ json: input }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = (JSON.parse(text) as { result?: { data?: { json?: unknown } } }).result?.data?.json ?? null;
  } catch {
    // A dying server can cut a body short; that response is not an acknowledgement.
  }
  return { status: response.status, data };
}

function idOf(data: unknown): number | null {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

const PARAGRAPHS = [
  'The minister said on Monday that unemployment fell to 3.9 percent in the last quarter, the lowest since 1975.',
  'Opposition leaders replied that the figure ignores people who stopped looking for work.',
  'The statistics office will publish revised numbers in the spring.',
];
const QUOTE = 'unemployment fell to 3.9 percent in the last quarter';

function claimInput(articleId: number, n: string) {
  const text = PARAGRAPHS.join('\n\n');
  const start = text.indexOf(QUOTE);
  const end = start + QUOTE.length;
  return {
    articleId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
    },
    statement: `Unemployment fell to 3.9 percent (${n})`,
    claimant: 'The minister',
    assigneeId: null,
    tags: ['crash-test'],
  };
}

// ---------------------------------------------------------------------------------------------
// The run

type Tally = {
  annotations: number[];
  claims: number[];
  failedRequests: number;
  /** Answers other than 200 that are not the server going away (a 4xx would be a bug here). */
  unexpected: string[];
  acknowledgedAfterLastRestart: number;
};

async function runWriters(
  server: Server,
  cookies: string[],
  articleId: number,
  initialClaims: number[],
  tally: Tally,
  isStopping: () => boolean,
  isAfterLastRestart: () => boolean,
): Promise<void> {
  const claimIds = [...initialClaims];
  const writer = async (w: number) => {
    const cookie = cookies[w % cookies.length]!;
    for (let n = 0; !isStopping(); n += 1) {
      // Writer 0 creates a claim every 5th write; everyone annotates the claims there are.
      const isClaim = w === 0 && n % 5 === 4;
      try {
        const result = isClaim
          ? await mutate(server.baseUrl, cookie, 'claims.create', claimInput(articleId, `w${w}-${n}`))
          : await mutate(server.baseUrl, cookie, 'annotations.create', {
              claimId: claimIds[randomBetween(0, claimIds.length)],
              parentId: null,
              kind: 'note',
              body: `Crash test note from writer ${w}, write ${n}.`,
            });
        const id = idOf(result.data);
        if (result.status === 200 && id !== null) {
          (isClaim ? tally.claims : tally.annotations).push(id);
          if (isClaim) claimIds.push(id);
          if (isAfterLastRestart()) tally.acknowledgedAfterLastRestart += 1;
        } else if (result.status >= 500 || result.status === 200) {
          tally.failedRequests += 1;
          await sleep(50);
        } else if (tally.unexpected.length < 20) {
          tally.unexpected.push(`${result.status} ${JSON.stringify(result.data)}`);
        }
      } catch {
        // Refused or reset: the server is down or being killed. Not acknowledged, so not counted.
        tally.failedRequests += 1;
        await sleep(randomBetween(50, 150));
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

type Verdict = { lost: number; found: number; halfWritten: string[]; duplicates: number };

async function verify(databaseUrl: string, articleId: number, tally: Tally): Promise<Verdict> {
  const db = await openDatabase(parseDatabaseUrl(databaseUrl));
  try {
    const trails = await findWriteTrails(db, [articleId]);
    const halfWritten = await findStorageProblems(db);
    const annotationIds = new Set(trails.annotations.map((a) => a.id));
    const claimIds = new Set(trails.claims.map((c) => c.id));
    const acknowledged = [...tally.annotations.map((id) => ['annotation', id] as const), ...tally.claims.map((id) => ['claim', id] as const)];
    const found = acknowledged.filter(([kind, id]) => (kind === 'annotation' ? annotationIds : claimIds).has(id)).length;
    const duplicates =
      tally.annotations.length - new Set(tally.annotations).size + (tally.claims.length - new Set(tally.claims).size);

    const audited = new Set(trails.audit.map((a) => `${a.entityType}:${a.entityId}:${a.action}`));
    const auditedEntities = new Set(trails.audit.map((a) => `${a.entityType}:${a.entityId}`));
    const eventIds = (type: string, field: 'annotation' | 'claim') =>
      new Set(
        trails.events
          .filter((e) => e.type === type)
          .map((e) => (e.payload as { json?: Record<string, { id?: number } | undefined> }).json?.[field]?.id),
      );
    const annotationEvents = eventIds('annotation.added', 'annotation');
    const claimEvents = eventIds('claim.created', 'claim');
    const follows = new Set(trails.follows.map((f) => `${f.userId}:${f.claimId}`));

    for (const a of trails.annotations) {
      if (!audited.has(`annotation:${a.id}:annotation.note_added`)) halfWritten.push(`annotation ${a.id} has no audit event`);
      if (!annotationEvents.has(a.id)) halfWritten.push(`annotation ${a.id} has no live event`);
      if (!follows.has(`${a.authorId}:${a.claimId}`)) halfWritten.push(`annotation ${a.id}: its author does not follow claim ${a.claimId}`);
      if (!a.hasClaim) halfWritten.push(`annotation ${a.id} belongs to a missing claim ${a.claimId}`);
    }
    for (const c of trails.claims) {
      if (!audited.has(`claim:${c.id}:claim.created`)) halfWritten.push(`claim ${c.id} has no audit event`);
      if (!claimEvents.has(c.id)) halfWritten.push(`claim ${c.id} has no live event`);
      if (!c.hasArticle) halfWritten.push(`claim ${c.id} belongs to a missing article ${c.articleId}`);
    }
    // The other way round: a trail left by a write whose row is missing.
    for (const key of auditedEntities) {
      const [type, id] = key.split(':') as [string, string];
      if (!(type === 'annotation' ? annotationIds : claimIds).has(Number(id))) halfWritten.push(`audit event for a missing ${type} ${id}`);
    }
    for (const id of annotationEvents) if (!annotationIds.has(id as number)) halfWritten.push(`live event for a missing annotation ${id}`);
    for (const id of claimEvents) if (!claimIds.has(id as number)) halfWritten.push(`live event for a missing claim ${id}`);

    return { lost: acknowledged.length - found, found, halfWritten, duplicates };
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  if (isBuildStale(root)) {
    console.log('Building Factdesk (next build)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
    if (build.status !== 0) fail('The build failed; see the output above.');
  }

  const database = await createDatabase();
  let server: Server | null = null;
  const onExit = () => server?.killNow();
  process.on('exit', onExit);
  const onSignal = (signal: NodeJS.Signals) => {
    server?.killNow();
    void database.dispose().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    {
      const db = await openDatabase(parseDatabaseUrl(database.url));
      await migrateDatabase(db);
      await seedDemoData(db, { log: () => undefined });
      await db.close();
    }
    const port = await choosePort();
    const runningServer = new Server(port, database.url);
    server = runningServer;
    runningServer.start();
    await runningServer.waitUntilReady();

    const cookies = [await signIn(runningServer.baseUrl, 'reviewer@factdesk.test'), await signIn(runningServer.baseUrl, 'reviewer2@factdesk.test')];
    const article = await mutate(runningServer.baseUrl, cookies[0]!, 'articles.import', {
      title: `Crash test ${new Date().toISOString()}`,
      dek: null,
      paragraphs: PARAGRAPHS,
      publisher: 'Crash Gazette',
      author: null,
      url: null,
      publishedAt: null,
      language: 'en',
    });
    const articleId = idOf(article.data) ?? fail(`articles.import failed: ${article.status} ${JSON.stringify(article.data)}`);
    const tally: Tally = { annotations: [], claims: [], failedRequests: 0, unexpected: [], acknowledgedAfterLastRestart: 0 };
    const initialClaims: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const claim = await mutate(runningServer.baseUrl, cookies[0]!, 'claims.create', claimInput(articleId, `initial ${i}`));
      const id = idOf(claim.data) ?? fail(`claims.create failed: ${claim.status} ${JSON.stringify(claim.data)}`);
      initialClaims.push(id);
      tally.claims.push(id);
    }

    let isStopping = false;
    let isAfterLastRestart = false;
    const writing = runWriters(runningServer, cookies, articleId, initialClaims, tally, () => isStopping, () => isAfterLastRestart);

    let kills = 0;
    let startupKills = 0;
    const killPhaseEnds = Date.now() + KILL_PHASE_BUDGET_MS;
    try {
      while (kills < KILLS && Date.now() < killPhaseEnds) {
        // A random moment: usually while writes flow, sometimes right as the server comes up.
        const acknowledgedBefore = tally.annotations.length + tally.claims.length;
        const waitUntil = Date.now() + (Math.random() < 0.25 ? randomBetween(0, 150) : randomBetween(200, 1_500));
        while (Date.now() < waitUntil) await sleep(20);
        if (kills % 2 === 0) {
          // Every other kill waits for writes to be acknowledged by this life of the server.
          const progressDeadline = Date.now() + 5_000;
          while (tally.annotations.length + tally.claims.length === acknowledgedBefore && Date.now() < progressDeadline) await sleep(20);
        }
        await runningServer.kill();
        kills += 1;
        runningServer.start();
        if (kills % 5 === 0) {
          // Now and then also while it starts up (opening and migrating the database), before it serves.
          await sleep(randomBetween(100, 600));
          await runningServer.kill();
          startupKills += 1;
          runningServer.start();
        }
        await runningServer.waitUntilReady();
      }
      isAfterLastRestart = true;
      // The restarted server must take writes again after the last crash.
      const afterDeadline = Date.now() + 10_000;
      while (tally.acknowledgedAfterLastRestart < WRITERS && Date.now() < afterDeadline) await sleep(50);
    } finally {
      isStopping = true;
      await writing;
    }
    await runningServer.stop();

    const verdict = await verify(database.url, articleId, tally);
    const acknowledged = tally.annotations.length + tally.claims.length;
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
    console.log(
      `crash test (${database.label}): kills ${kills} (and ${startupKills} more during start-up), acknowledged ${acknowledged} (annotations ${tally.annotations.length}, claims ${tally.claims.length}), ` +
        `found ${verdict.found}, lost ${verdict.lost}, half-written ${verdict.halfWritten.length}, ` +
        `failed requests ${tally.failedRequests}, acknowledged after the last restart ${tally.acknowledgedAfterLastRestart}, duration ${seconds} s`,
    );
    const problems: string[] = [];
    if (verdict.lost > 0) problems.push(`${verdict.lost} acknowledged writes are missing`);
    if (verdict.halfWritten.length > 0) problems.push(`half-written rows:\n  ${verdict.halfWritten.slice(0, 20).join('\n  ')}`);
    if (verdict.duplicates > 0) problems.push(`${verdict.duplicates} ids were acknowledged twice`);
    if (kills < MIN_KILLS) problems.push(`only ${kills} kills fitted in the time budget (at least ${MIN_KILLS} needed)`);
    if (tally.acknowledgedAfterLastRestart === 0) problems.push('no write was acknowledged after the last restart');
    if (tally.unexpected.length > 0) problems.push(`unexpected answers:\n  ${tally.unexpected.join('\n  ')}`);
    for (const problem of problems) console.error(`FAIL: ${problem}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await server?.stop().catch(() => undefined);
    process.off('exit', onExit);
    await database.dispose();
  }
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`crash test failed: ${(error as Error).message}`);
}
// Idle keep-alive sockets must not hold the process open.
process.exit(exitCode);
