// `npm run db:seed`: migrates the configured database and seeds the demo desk if it is empty.
import { openDatabase } from '../db/client';
import { DatabaseConfigError, parseDatabaseUrl } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { seedDemoData } from '../server/seed/demo';

try {
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL));
  await migrateDatabase(db);
  const seeded = await db.runExclusive(() => seedDemoData(db, { log: console.log }));
  if (!seeded) console.log('The database already has users; nothing was seeded.');
  await db.close();
} catch (error) {
  console.error(error instanceof DatabaseConfigError ? error.message : `Seeding failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

export {};
