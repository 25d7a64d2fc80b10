// Applies the committed migrations of the database's dialect. Called on start, so a new
// deployment brings its database up to date before serving a request.
import path from 'node:path';
import type { AppDb } from './client';

const MIGRATIONS_ROOT = path.join(process.cwd(), 'db', 'migrations');

export async function migrateDatabase(db: AppDb, migrationsRoot: string = MIGRATIONS_ROOT): Promise<void> {
  if (db.driver === 'sqlite') {
    const { migrate } = await import('drizzle-orm/libsql/migrator');
    await migrate(db.q as never, { migrationsFolder: path.join(migrationsRoot, 'sqlite') });
    return;
  }
  const migrationsFolder = path.join(migrationsRoot, 'pg');
  if (db.driver === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db.q as never, { migrationsFolder });
    return;
  }
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  await db.runExclusive(() => migrate(db.q as never, { migrationsFolder }));
}
