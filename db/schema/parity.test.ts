import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { CHECKED_TABLES } from './parity';
import * as pg from './pg';
import * as sqlite from './sqlite';

describe('schema parity between SQLite and PostgreSQL', () => {
  it('exports the same tables, all of them covered by the compile-time check', () => {
    expect(Object.keys(sqlite).sort()).toEqual(Object.keys(pg).sort());
    expect([...CHECKED_TABLES].sort()).toEqual(Object.keys(sqlite).sort());
  });

  it('gives every table the same SQL name and the same columns', () => {
    for (const name of CHECKED_TABLES) {
      const a = sqlite[name] as Table;
      const b = pg[name] as Table;
      expect(getTableName(a)).toBe(getTableName(b));
      const columnsA = Object.entries(getTableColumns(a)).map(([key, c]) => [key, c.name, c.notNull]);
      const columnsB = Object.entries(getTableColumns(b)).map(([key, c]) => [key, c.name, c.notNull]);
      expect(columnsA).toEqual(columnsB);
    }
  });
});
