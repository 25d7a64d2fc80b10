// The app's database: opened once per process and migrated before first use. Demo data is
// seeded by `npm start` (scripts/start.ts) and the test runners, never here: the build
// renders pages and must not write demo data half-way into a database.
import { openDatabase, type AppDb } from '@/db/client';
import { parseDatabaseUrl } from '@/db/config';
import { migrateDatabase } from '@/db/migrate';

const holder = globalThis as typeof globalThis & { __factdeskDb?: Promise<AppDb> };

/** Demo data goes only into the embedded default, or where FACTDESK_SEED_DEMO=1 asks for it. */
export function shouldSeedDemo(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.FACTDESK_SEED_DEMO === '1') return true;
  if (env.FACTDESK_SEED_DEMO === '0') return false;
  return parseDatabaseUrl(env.DATABASE_URL).dialect === 'sqlite' && !env.DATABASE_URL?.trim();
}

async function initAppDb(): Promise<AppDb> {
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    await migrateDatabase(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

export function getAppDb(): Promise<AppDb> {
  if (!holder.__factdeskDb) {
    const pending = initAppDb();
    holder.__factdeskDb = pending;
    // A database that is down at start must not stay failed forever: the next call retries.
    pending.catch(() => {
      if (holder.__factdeskDb === pending) holder.__factdeskDb = undefined;
    });
  }
  return holder.__factdeskDb;
}
