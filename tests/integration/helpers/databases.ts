// Real, migrated databases for integration tests: a SQLite file, embedded Postgres
// (PGlite), and, when TEST_POSTGRES_URL is set, a fresh database on a real PostgreSQL server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPglite, openPostgres, openSqlite, type AppDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createScratchPostgresDatabase } from '@/db/scratch-postgres';

export type TestDialect = 'sqlite' | 'pglite' | 'postgres';

export function testDialects(): TestDialect[] {
  return process.env.TEST_POSTGRES_URL ? ['sqlite', 'pglite', 'postgres'] : ['sqlite', 'pglite'];
}

export type TestDb = { db: AppDb; dispose(): Promise<void> };

export async function createTestDb(dialect: TestDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-test-'));
    const db = await openSqlite(path.join(dir, 'test.db'));
    await migrateDatabase(db);
    return {
      db,
      async dispose() {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (dialect === 'pglite') {
    const db = await openPglite();
    await migrateDatabase(db);
    return { db, dispose: () => db.close() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error('TEST_POSTGRES_URL is not set');
  const scratch = await createScratchPostgresDatabase(adminUrl, 'factdesk_test');
  const db = await openPostgres(scratch.url);
  await migrateDatabase(db);
  return {
    db,
    async dispose() {
      await db.close();
      await scratch.drop();
    },
  };
}
