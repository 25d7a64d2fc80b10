// The client factory: opens the database DATABASE_URL names, with the right driver and
// schema, behind one type. Shared query code is typed against the SQLite schema and
// receives the matching dialect's tables at run time (see CONTRIBUTING.md, "Two dialects").
import type { ResultSet } from '@libsql/client';
import { sql, type Logger, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { parseDatabaseUrl, type DatabaseConfig } from './config';
import {
  createInProcessNotifier,
  createPgliteNotifier,
  createPgNotifier,
  encodeNotification,
  NOTIFY_CHANNEL,
  type NotificationHandler,
  type Notifier,
} from './notifications';
import * as pgSchema from './schema/pg';
import * as sqliteSchema from './schema/sqlite';

export type Schema = typeof sqliteSchema;
export type DialectName = 'sqlite' | 'postgres';

/** A query runner: the database itself or an open transaction. */
export type Queryable = BaseSQLiteDatabase<'async', ResultSet | unknown, Schema>;

/** What data-access functions receive: a query runner and the tables of its dialect. */
export type Db = {
  readonly q: Queryable;
  readonly t: Schema;
  readonly dialect: DialectName;
  /**
   * Tells every listener of `topic`, in this and every other app instance. Inside a
   * transaction it is sent only when the transaction commits, and never if it rolls back.
   */
  notify(topic: string, payload: string): Promise<void>;
};

export type AppDb = Db & {
  /** Runs `work` in one transaction; on SQLite transactions are queued one at a time. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Runs `work` while holding a database-wide lock, so that when several app instances
   * start together only one migrates or seeds at a time.
   */
  runExclusive<T>(work: () => Promise<T>): Promise<T>;
  /** 'pglite' for the embedded Postgres used in tests, otherwise the dialect. */
  readonly driver: 'sqlite' | 'postgres' | 'pglite';
  /** Hears `notify` calls on `topic`; returns the function that stops listening. */
  listen(topic: string, handler: NotificationHandler): () => void;
};

// Any constant works; it only has to be the same in every app instance.
const EXCLUSIVE_LOCK_KEY = 7_310_411;
const EVENTS_LOCK_KEY = 7_310_412;

type RawTransactional = {
  transaction<T>(work: (tx: unknown) => Promise<T>): Promise<T>;
};

/** A raw statement on a PostgreSQL query runner (Drizzle's pg drivers call it `execute`). */
async function executeOnPostgres(q: Queryable, query: SQL): Promise<void> {
  await (q as unknown as { execute(query: SQL): Promise<unknown> }).execute(query);
}

/**
 * Makes writers of the events log take turns until they commit, on PostgreSQL, so event ids
 * become visible in id order and a reader resuming "after id N" can never skip a row that
 * commits late. SQLite transactions already run one at a time.
 */
export async function serialiseEventWriters(db: Db): Promise<void> {
  if (db.dialect === 'postgres') await executeOnPostgres(db.q, sql`select pg_advisory_xact_lock(${EVENTS_LOCK_KEY})`);
}

function wrap(
  raw: unknown,
  dialect: DialectName,
  driver: AppDb['driver'],
  close: () => Promise<void>,
  notifier: Notifier,
  runExclusive: AppDb['runExclusive'] = (work) => work(),
): AppDb {
  const q = raw as Queryable;
  const t = (dialect === 'sqlite' ? sqliteSchema : pgSchema) as unknown as Schema;
  // libsql fails concurrent write transactions on one file with SQLITE_BUSY instead of
  // waiting, and a busy timeout would block the event loop; so writes take turns here.
  const runTransaction = async <T>(work: (tx: Db) => Promise<T>): Promise<T> => {
    // PostgreSQL holds a NOTIFY issued in a transaction until commit by itself; SQLite's
    // in-process notifications wait here for the commit instead.
    const afterCommit: Array<[string, string]> = [];
    const result = await (raw as RawTransactional).transaction((tx) => work(txDb(tx, afterCommit)));
    for (const [topic, payload] of afterCommit) await notifier.publish(topic, payload);
    return result;
  };
  const txDb = (tx: unknown, afterCommit: Array<[string, string]>): Db => {
    const txQ = tx as Queryable;
    const notify =
      dialect === 'sqlite'
        ? async (topic: string, payload: string) => void afterCommit.push([topic, payload])
        : async (topic: string, payload: string) => {
            await executeOnPostgres(txQ, sql`select pg_notify(${NOTIFY_CHANNEL}, ${encodeNotification(topic, payload)})`);
          };
    return { q: txQ, t, dialect, notify };
  };

  // Group commit on SQLite: a commit waits for the disk (fsync, ~4 ms here), which would cap
  // writes at a few hundred a second. Transactions that queued up while one ran are run
  // together in one SQLite transaction, each inside its own savepoint: one that fails rolls
  // back alone, exactly as if it had run by itself, and every one is acknowledged only once
  // the shared commit is on disk.
  type QueuedJob = { work: (tx: Db) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  const waiting: QueuedJob[] = [];
  let isDraining = false;
  const MAX_GROUP = 64;
  const runGroup = async (group: QueuedJob[]): Promise<void> => {
    if (group.length === 1) {
      const job = group[0]!;
      await runTransaction(job.work).then(job.resolve, job.reject);
      return;
    }
    type Outcome = { ok: true; value: unknown; afterCommit: Array<[string, string]> } | { ok: false; error: unknown };
    const outcomes: Outcome[] = [];
    try {
      await (raw as RawTransactional).transaction(async (outer) => {
        for (const job of group) {
          const afterCommit: Array<[string, string]> = [];
          try {
            const value = await (outer as RawTransactional).transaction((inner) => job.work(txDb(inner, afterCommit)));
            outcomes.push({ ok: true, value, afterCommit });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The shared commit failed: nothing in the group was written.
      group.forEach((job, index) => {
        const outcome = outcomes[index];
        job.reject(outcome && !outcome.ok ? outcome.error : error);
      });
      return;
    }
    for (const [index, job] of group.entries()) {
      const outcome = outcomes[index]!;
      if (!outcome.ok) {
        job.reject(outcome.error);
        continue;
      }
      try {
        for (const [topic, payload] of outcome.afterCommit) await notifier.publish(topic, payload);
        job.resolve(outcome.value);
      } catch (error) {
        job.reject(error);
      }
    }
  };
  const drain = async () => {
    try {
      while (waiting.length > 0) await runGroup(waiting.splice(0, MAX_GROUP));
    } finally {
      isDraining = false;
    }
  };
  return {
    q,
    t,
    dialect,
    driver,
    runExclusive,
    notify: (topic, payload) => notifier.publish(topic, payload),
    listen: (topic, handler) => notifier.listen(topic, handler),
    async close() {
      await notifier.close();
      await close();
      // Open streams re-read, meet the closed database and end with an error instead of waiting.
      notifier.wakeAll();
    },
    transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
      if (dialect !== 'sqlite') return runTransaction(work);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
        if (isDraining) return;
        isDraining = true;
        // Start on the next turn of the event loop, so the writes of requests that arrived
        // together (their callbacks are already queued) join this group instead of each
        // waiting for its own commit.
        setImmediate(() => void drain());
      });
    },
  };
}

/** Options for instrumenting a connection (bench/ counts queries with a logger). */
export type OpenOptions = { logger?: Logger };

export async function openSqlite(filePath: string, options: OpenOptions = {}): Promise<AppDb> {
  const [{ createClient }, { drizzle }, fs, path] = await Promise.all([
    import('@libsql/client'),
    import('drizzle-orm/libsql'),
    import('node:fs'),
    import('node:path'),
  ]);
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const client = createClient({ url: `file:${filePath}` });
  await client.execute('PRAGMA journal_mode=WAL');
  await client.execute('PRAGMA foreign_keys=ON');
  const orm = drizzle({ client, schema: sqliteSchema, logger: options.logger });
  return wrap(orm, 'sqlite', 'sqlite', async () => client.close(), createInProcessNotifier());
}

export async function openPostgres(url: string, options: OpenOptions = {}): Promise<AppDb> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const orm = drizzle({ client: pool, schema: pgSchema, logger: options.logger });
  const runExclusive: AppDb['runExclusive'] = async (work) => {
    // Session-level advisory locks belong to one connection, so lock and unlock on the same one.
    const lockClient = await pool.connect();
    try {
      await lockClient.query('select pg_advisory_lock($1)', [EXCLUSIVE_LOCK_KEY]);
      try {
        return await work();
      } finally {
        await lockClient.query('select pg_advisory_unlock($1)', [EXCLUSIVE_LOCK_KEY]);
      }
    } finally {
      lockClient.release();
    }
  };
  return wrap(orm, 'postgres', 'postgres', async () => pool.end(), createPgNotifier(pool), runExclusive);
}

/** Embedded Postgres (WASM) in memory, for the test matrix. */
export async function openPglite(options: OpenOptions = {}): Promise<AppDb> {
  const [{ PGlite }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ]);
  const client = new PGlite();
  const orm = drizzle({ client, schema: pgSchema, logger: options.logger });
  return wrap(orm, 'postgres', 'pglite', async () => client.close(), createPgliteNotifier(client));
}

export async function openDatabase(
  config: DatabaseConfig = parseDatabaseUrl(process.env.DATABASE_URL),
  options: OpenOptions = {},
): Promise<AppDb> {
  return config.dialect === 'sqlite' ? openSqlite(config.filePath, options) : openPostgres(config.url, options);
}
