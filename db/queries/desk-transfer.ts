// Whole-desk reads and writes for export and import, written once for both dialects. The
// table list is explicit (parents before children, the order rows can be inserted in);
// `listSchemaTables` lets a test prove it covers every table the schema declares.
import { count, getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm';
import type { Db, Schema } from '../client';
import * as sqliteSchema from '../schema/sqlite';

/** Every table of the desk, parents first. */
export const DESK_TABLES = [
  { key: 'users', primaryKey: ['id'] },
  { key: 'settings', primaryKey: ['key'] },
  { key: 'articles', primaryKey: ['id'] },
  { key: 'articleRevisions', primaryKey: ['id'] },
  { key: 'claims', primaryKey: ['id'] },
  { key: 'annotations', primaryKey: ['id'] },
  { key: 'verdicts', primaryKey: ['id'] },
  { key: 'auditEvents', primaryKey: ['id'] },
  { key: 'claimFollows', primaryKey: ['userId', 'claimId'] },
  { key: 'events', primaryKey: ['id'] },
  { key: 'rateLimitBuckets', primaryKey: ['key'] },
] as const satisfies ReadonlyArray<{ key: keyof Schema; primaryKey: readonly string[] }>;

export type DeskTableKey = (typeof DESK_TABLES)[number]['key'];
export type DeskRow = Record<string, unknown>;

/** The keys of every table the schema module exports (the SQLite and PostgreSQL ones match). */
export function listSchemaTables(schema: Record<string, unknown> = sqliteSchema): string[] {
  return Object.entries(schema)
    .filter(([, value]) => is(value, Table))
    .map(([key]) => key);
}

export type ColumnKind = 'integer' | 'real' | 'text' | 'boolean' | 'timestamp' | 'json';
export type ColumnDescription = {
  key: string;
  kind: ColumnKind;
  isNullable: boolean;
  enumValues: readonly string[] | null;
};

function kindOf(column: { dataType: string; columnType: string }): ColumnKind {
  switch (column.dataType) {
    case 'number':
      return /Real|Double/.test(column.columnType) ? 'real' : 'integer';
    case 'string':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'timestamp';
    case 'json':
      return 'json';
    default:
      throw new Error(`Column type ${column.columnType} is not supported by desk transfer.`);
  }
}

/** The columns of a desk table, in a form that does not depend on the dialect. */
export function describeDeskTable(key: DeskTableKey): ColumnDescription[] {
  const table = sqliteSchema[key] as Table;
  return Object.entries(getTableColumns(table)).map(([columnKey, column]) => ({
    key: columnKey,
    kind: kindOf(column),
    isNullable: !column.notNull,
    enumValues: column.enumValues && column.enumValues.length > 0 ? column.enumValues : null,
  }));
}

function comparePrimaryKeys(keys: readonly string[]) {
  return (a: DeskRow, b: DeskRow): number => {
    for (const key of keys) {
      const x = a[key] as number | string;
      const y = b[key] as number | string;
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
}

/** Every row of a table, ordered by primary key in code (text collation differs by dialect). */
export async function findAllRows(db: Db, key: DeskTableKey): Promise<DeskRow[]> {
  const spec = DESK_TABLES.find((t) => t.key === key)!;
  const rows = (await db.q.select().from(db.t[key] as typeof sqliteSchema.users)) as DeskRow[];
  return rows.sort(comparePrimaryKeys(spec.primaryKey));
}

export async function countRows(db: Db, key: DeskTableKey): Promise<number> {
  const [row] = await db.q.select({ n: count() }).from(db.t[key] as typeof sqliteSchema.users);
  return row?.n ?? 0;
}

/** Deletes every row of every desk table, children first. */
export async function deleteAllDeskRows(db: Db): Promise<void> {
  for (const { key } of [...DESK_TABLES].reverse()) {
    await db.q.delete(db.t[key] as typeof sqliteSchema.users);
  }
}

// Well under SQLite's and PostgreSQL's limits on bound parameters per statement.
const MAX_PARAMETERS_PER_INSERT = 5_000;

/** Inserts rows as they are, ids included. */
export async function insertRows(db: Db, key: DeskTableKey, rows: DeskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columnCount = describeDeskTable(key).length;
  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS_PER_INSERT / columnCount));
  const table = db.t[key] as typeof sqliteSchema.users;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await db.q.insert(table).values(rows.slice(i, i + chunkSize) as never);
  }
}

/**
 * On PostgreSQL, moves each identity sequence past the largest id, so rows created after an
 * import (which keeps ids) do not collide. SQLite's AUTOINCREMENT follows explicit ids itself.
 */
export async function resetIdentitySequences(db: Db): Promise<void> {
  if (db.dialect !== 'postgres') return;
  const execute = (query: ReturnType<typeof sql>) =>
    (db.q as unknown as { execute(query: ReturnType<typeof sql>): Promise<unknown> }).execute(query);
  for (const { key, primaryKey } of DESK_TABLES) {
    if (primaryKey.length !== 1 || primaryKey[0] !== 'id') continue;
    const name = getTableName(db.t[key] as Table);
    await execute(
      sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce(max("id"), 0) + 1, false) from ${sql.identifier(name)}`,
    );
  }
}
