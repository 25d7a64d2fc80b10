// `npm run test:e2e`: Playwright in Debian's Chromium against `next build` + `next start`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isBuildStale } from './build-freshness';
import { ensureChromium } from './ensure-chromium';

const root = process.cwd();
ensureChromium();

if (isBuildStale(root)) {
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Every run starts from an empty database, migrated and seeded with the demo desk here.
fs.rmSync(path.join(root, 'data', 'e2e'), { recursive: true, force: true });
fs.mkdirSync(path.join(root, 'data', 'e2e'), { recursive: true });
{
  const { openDatabase } = await import('../db/client');
  const { parseDatabaseUrl } = await import('../db/config');
  const { migrateDatabase } = await import('../db/migrate');
  const { seedDemoData } = await import('../server/seed/demo');
  const db = await openDatabase(parseDatabaseUrl(process.env.E2E_DATABASE_URL ?? 'file:data/e2e/factdesk.db'));
  await migrateDatabase(db);
  await seedDemoData(db, { log: () => undefined });
  await db.close();
}

const run = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
