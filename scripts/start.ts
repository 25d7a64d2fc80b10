// `npm start`: checks the configuration, builds if the build is missing or older than the
// sources, then serves the production app on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseConfigError, parseDatabaseUrl } from '../db/config';
import { MissingAuthSecretError, resolveAuthSecret } from '../server/auth/secret';
import { describeDemoAccounts } from '../server/seed/demo-accounts';
import { isBuildStale } from './build-freshness';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let database;
try {
  database = parseDatabaseUrl(process.env.DATABASE_URL);
} catch (error) {
  if (error instanceof DatabaseConfigError) fail(error.message);
  throw error;
}

try {
  process.env.AUTH_SECRET = resolveAuthSecret();
} catch (error) {
  if (error instanceof MissingAuthSecretError) fail(error.message);
  throw error;
}

const port = process.env.PORT ?? '3000';
if (!/^\d{1,5}$/.test(port)) fail(`PORT must be a number, got "${port}".`);

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
if (isBuildStale(root)) {
  console.log('Building Factdesk (next build)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) fail('The build failed; see the output above.');
}

if (!fs.existsSync(path.join(root, 'data'))) fs.mkdirSync(path.join(root, 'data'), { recursive: true });

// Migrate (and on the embedded default, seed) here, before serving: a database problem shows
// in this terminal, and nothing touches the database during the build.
try {
  const { getAppDb, shouldSeedDemo } = await import('../server/db');
  const { seedDemoData } = await import('../server/seed/demo');
  const db = await getAppDb();
  if (shouldSeedDemo()) await db.runExclusive(() => seedDemoData(db, { log: console.log }));
  await db.close();
} catch (error) {
  fail(`Factdesk could not prepare its database: ${(error as Error).message}`);
}

const where = database.dialect === 'sqlite' ? `SQLite at ${path.relative(root, database.filePath)}` : 'PostgreSQL';
console.log(`Factdesk on http://localhost:${port} (${where})`);
if (database.dialect === 'sqlite' && database.isEmbeddedDefault) console.log(describeDemoAccounts());

const server = spawn(process.execPath, [nextBin, 'start', '-p', port, '--keepAliveTimeout', '65000'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
