// `npm run export -- desk.json`: writes the whole desk of the configured database (DATABASE_URL)
// to a versioned JSON file (see server/services/desk-transfer.ts).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { DatabaseConfigError, parseDatabaseUrl } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { DeskTransferError, exportDesk } from '../server/services/desk-transfer';

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error('Usage: npm run export -- <file.json>');
  process.exit(2);
}

try {
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    await migrateDatabase(db);
    const file = await exportDesk(db);
    // Written beside the target and renamed into place, so a failed export never leaves half a file.
    const temporary = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, `${JSON.stringify(file, null, 1)}\n`);
    fs.renameSync(temporary, target);
    const counts = Object.entries(file.tables).map(([table, rows]) => `${table} ${rows.length}`);
    console.log(`Exported the desk to ${target}: ${counts.join(', ')}.`);
  } finally {
    await db.close();
  }
} catch (error) {
  const known = error instanceof DatabaseConfigError || error instanceof DeskTransferError;
  console.error(known ? (error as Error).message : `Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

export {};
