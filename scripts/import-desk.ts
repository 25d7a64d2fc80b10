// `npm run import -- desk.json [--replace]`: loads a desk exported by `npm run export` into the
// configured database (DATABASE_URL), in one transaction. An empty database only, unless
// --replace is given.
import fs from 'node:fs';
import { openDatabase } from '../db/client';
import { DatabaseConfigError, parseDatabaseUrl } from '../db/config';
import { migrateDatabase } from '../db/migrate';
import { DeskTransferError, importDesk, parseDeskFile } from '../server/services/desk-transfer';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const files = args.filter((a) => a !== '--replace');
if (files.length !== 1 || files[0]!.startsWith('--')) {
  console.error('Usage: npm run import -- <file.json> [--replace]');
  process.exit(2);
}
const source = files[0]!;

try {
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (error) {
    throw new DeskTransferError(`Cannot read ${source}: ${(error as Error).message}`);
  }
  // Checked before the database is opened: a wrong file never touches it.
  const file = parseDeskFile(text);
  const db = await openDatabase(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    await migrateDatabase(db);
    const result = await importDesk(db, file, { replace });
    const counts = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`);
    console.log(`${result.replaced ? 'Replaced the desk with' : 'Imported'} ${source}: ${counts.join(', ')}.`);
  } finally {
    await db.close();
  }
} catch (error) {
  const known = error instanceof DatabaseConfigError || error instanceof DeskTransferError;
  console.error(known ? (error as Error).message : `Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
}

export {};
