// Real, migrated databases for integration tests: a SQLite file, embedded Postgres
// (PGlite), and, when TEST_POSTGRES_URL is set, a fresh database on a real PostgreSQL server.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, openSqlite, type AppDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

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
  const name = `factdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrateDatabase(db);
  return {
    db,
    async dispose() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
