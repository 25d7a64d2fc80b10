// AUTH_SECRET signs session cookies. The embedded default generates one and keeps it in
// ./data so sessions survive restarts; on PostgreSQL (several instances) it must come from
// the environment so every instance shares it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '@/db/config';

export const AUTH_SECRET_FILE = 'data/auth-secret';

export class MissingAuthSecretError extends Error {
  override name = 'MissingAuthSecretError';
}

export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (parseDatabaseUrl(env.DATABASE_URL, cwd).dialect === 'postgres') {
    throw new MissingAuthSecretError(
      'AUTH_SECRET is required when DATABASE_URL points at PostgreSQL (every instance must share it). Generate one with: openssl rand -base64 33',
    );
  }
  const file = path.resolve(cwd, AUTH_SECRET_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(33).toString('base64');
    fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  }
}
