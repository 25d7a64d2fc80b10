// Reads DATABASE_URL and decides which database is underneath. Only db/ knows the answer.
import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; url: string; filePath: string; isEmbeddedDefault: boolean }
  | { dialect: 'postgres'; url: string };

export const ACCEPTED_DATABASE_URLS =
  'DATABASE_URL must be unset (embedded SQLite in ./data), file:<path> (SQLite), or postgres://… / postgresql://… (PostgreSQL)';

export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

export const DEFAULT_SQLITE_PATH = 'data/factdesk.db';

export function parseDatabaseUrl(raw: string | undefined, cwd: string = process.cwd()): DatabaseConfig {
  const value = raw?.trim();
  if (!value) {
    const filePath = path.resolve(cwd, DEFAULT_SQLITE_PATH);
    return { dialect: 'sqlite', url: `file:${filePath}`, filePath, isEmbeddedDefault: true };
  }
  if (value.startsWith('file:')) {
    const rest = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (!rest) throw new DatabaseConfigError(`Unsupported DATABASE_URL "${value}". ${ACCEPTED_DATABASE_URLS}`);
    const filePath = path.resolve(cwd, rest);
    return { dialect: 'sqlite', url: `file:${filePath}`, filePath, isEmbeddedDefault: false };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { dialect: 'postgres', url: value };
  const scheme = value.split(':')[0] ?? value;
  throw new DatabaseConfigError(`Unsupported DATABASE_URL scheme "${scheme}:". ${ACCEPTED_DATABASE_URLS}`);
}
