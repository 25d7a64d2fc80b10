// Moves a whole desk between databases (either dialect) as one versioned JSON document:
// `{ format: 'factdesk-desk', version: 1, exportedAt, tables: { <table>: rows[] } }`, with ids
// kept and dates as ISO strings. An import is all or nothing: one transaction.
import { z } from 'zod';
import type { AppDb } from '@/db/client';
import {
  countRows,
  deleteAllDeskRows,
  describeDeskTable,
  DESK_TABLES,
  findAllRows,
  insertRows,
  resetIdentitySequences,
  type ColumnDescription,
  type DeskRow,
  type DeskTableKey,
} from '@/db/queries/desk-transfer';

export const DESK_FILE_FORMAT = 'factdesk-desk';
export const DESK_FILE_VERSION = 1;

export type DeskFile = {
  format: typeof DESK_FILE_FORMAT;
  version: typeof DESK_FILE_VERSION;
  exportedAt: string;
  tables: Record<DeskTableKey, DeskRow[]>;
};

/** A refusal with a message meant for the person running the export or import. */
export class DeskTransferError extends Error {
  override name = 'DeskTransferError';
}

const isoDate = z.iso.datetime({ offset: true });

function columnSchema(column: ColumnDescription): z.ZodType {
  let schema: z.ZodType;
  switch (column.kind) {
    case 'integer':
      schema = z.number().int();
      break;
    case 'real':
      schema = z.number();
      break;
    case 'text':
      schema = column.enumValues ? z.enum(column.enumValues as [string, ...string[]]) : z.string();
      break;
    case 'boolean':
      schema = z.boolean();
      break;
    case 'timestamp':
      schema = isoDate;
      break;
    case 'json':
      // z.json() accepts null itself; a required JSON column must hold a value.
      schema = column.isNullable ? z.json() : z.json().refine((v) => v !== null, 'Expected a JSON value, not null');
      return schema;
  }
  return column.isNullable ? schema.nullable() : schema;
}

function rowSchema(key: DeskTableKey) {
  return z.strictObject(Object.fromEntries(describeDeskTable(key).map((c) => [c.key, columnSchema(c)])));
}

const envelopeSchema = z.object({
  format: z.literal(DESK_FILE_FORMAT, { error: `This is not a Factdesk desk export (expected "format": "${DESK_FILE_FORMAT}").` }),
  version: z.literal(DESK_FILE_VERSION, {
    error: (issue) =>
      `Unsupported desk export version ${JSON.stringify(issue.input)}; this Factdesk reads version ${DESK_FILE_VERSION}.`,
  }),
  exportedAt: isoDate,
  tables: z.unknown(),
});

const tablesSchema = z.strictObject(Object.fromEntries(DESK_TABLES.map(({ key }) => [key, z.array(rowSchema(key))])));

function describeIssues(error: z.ZodError, prefix: string): string {
  const lines = error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.reduce<string>(
      (at, part) => (typeof part === 'number' ? `${at}[${part}]` : at ? `${at}.${String(part)}` : String(part)),
      prefix,
    );
    return `  ${where || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length > 10 ? `\n  … and ${error.issues.length - 10} more problems` : '';
  return `${lines.join('\n')}${more}`;
}

/** Checks a parsed JSON document against the format; throws DeskTransferError saying what is wrong. */
export function validateDeskFile(document: unknown): DeskFile {
  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) {
    const formatIssue = envelope.error.issues.find((i) => i.path[0] === 'format' || i.path[0] === 'version');
    if (formatIssue) throw new DeskTransferError(formatIssue.message);
    throw new DeskTransferError(`The desk file is malformed:\n${describeIssues(envelope.error, '')}`);
  }
  const tables = tablesSchema.safeParse(envelope.data.tables);
  if (!tables.success) throw new DeskTransferError(`The desk file is malformed:\n${describeIssues(tables.error, 'tables')}`);
  return { ...envelope.data, tables: tables.data } as DeskFile;
}

/** Parses the text of a desk file; throws DeskTransferError if it is not JSON or not the format. */
export function parseDeskFile(text: string): DeskFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new DeskTransferError(`The desk file is not valid JSON: ${(error as Error).message}`);
  }
  return validateDeskFile(document);
}

function toFileRow(row: DeskRow, timestamps: string[]): DeskRow {
  const out: DeskRow = { ...row };
  for (const key of timestamps) {
    const value = out[key];
    if (value instanceof Date) out[key] = value.toISOString();
  }
  return out;
}

function toDatabaseRow(row: DeskRow, timestamps: string[]): DeskRow {
  const out: DeskRow = { ...row };
  for (const key of timestamps) {
    const value = out[key];
    if (typeof value === 'string') out[key] = new Date(value);
  }
  return out;
}

function timestampColumns(key: DeskTableKey): string[] {
  return describeDeskTable(key)
    .filter((c) => c.kind === 'timestamp')
    .map((c) => c.key);
}

/** Reads every table of the desk in one transaction, so the export is one consistent snapshot. */
export async function exportDesk(db: AppDb, now: () => Date = () => new Date()): Promise<DeskFile> {
  const tables = await db.transaction(async (tx) => {
    const result = {} as Record<DeskTableKey, DeskRow[]>;
    for (const { key } of DESK_TABLES) {
      const timestamps = timestampColumns(key);
      result[key] = (await findAllRows(tx, key)).map((row) => toFileRow(row, timestamps));
    }
    return result;
  });
  return { format: DESK_FILE_FORMAT, version: DESK_FILE_VERSION, exportedAt: now().toISOString(), tables };
}

/** Rows per table; tables with no rows are left out. */
export async function countDeskRows(db: AppDb): Promise<Partial<Record<DeskTableKey, number>>> {
  const counts: Partial<Record<DeskTableKey, number>> = {};
  for (const { key } of DESK_TABLES) {
    const n = await countRows(db, key);
    if (n > 0) counts[key] = n;
  }
  return counts;
}

export type ImportResult = { replaced: boolean; rows: Record<DeskTableKey, number> };

/**
 * Writes a desk file into the database in one transaction. Refuses a database that holds any
 * row unless `replace` is set, in which case every existing row is deleted first.
 */
export async function importDesk(db: AppDb, document: unknown, { replace }: { replace: boolean }): Promise<ImportResult> {
  const file = validateDeskFile(document);
  try {
    return await db.transaction(async (tx) => {
      let hasRows = false;
      for (const { key } of DESK_TABLES) {
        if ((await countRows(tx, key)) > 0) {
          hasRows = true;
          break;
        }
      }
      if (hasRows && !replace) {
        throw new DeskTransferError(
          'The target database is not empty; nothing was imported. Pass --replace to delete its desk and import this one instead.',
        );
      }
      if (hasRows) await deleteAllDeskRows(tx);
      const rows = {} as Record<DeskTableKey, number>;
      for (const { key } of DESK_TABLES) {
        const timestamps = timestampColumns(key);
        await insertRows(tx, key, file.tables[key].map((row) => toDatabaseRow(row, timestamps)));
        rows[key] = file.tables[key].length;
      }
      await resetIdentitySequences(tx);
      return { replaced: hasRows, rows };
    });
  } catch (error) {
    if (error instanceof DeskTransferError) throw error;
    const cause = error as Error & { cause?: Error };
    const detail = cause.cause?.message ?? cause.message;
    throw new DeskTransferError(`The import failed and nothing was changed: ${detail}`);
  }
}
