import { describe, expect, it } from 'vitest';
import { DatabaseConfigError, parseDatabaseUrl } from './config';

describe('parseDatabaseUrl', () => {
  it('defaults to an embedded SQLite file under ./data', () => {
    const config = parseDatabaseUrl(undefined, '/srv/app');
    expect(config).toEqual({
      dialect: 'sqlite',
      url: 'file:/srv/app/data/factdesk.db',
      filePath: '/srv/app/data/factdesk.db',
      isEmbeddedDefault: true,
    });
    expect(parseDatabaseUrl('  ', '/srv/app').dialect).toBe('sqlite');
  });

  it('accepts relative and absolute file: URLs as SQLite', () => {
    expect(parseDatabaseUrl('file:./tmp/x.db', '/srv/app')).toMatchObject({
      dialect: 'sqlite',
      filePath: '/srv/app/tmp/x.db',
      isEmbeddedDefault: false,
    });
    expect(parseDatabaseUrl('file:///var/lib/f.db', '/srv/app')).toMatchObject({ filePath: '/var/lib/f.db' });
  });

  it('accepts both PostgreSQL schemes', () => {
    expect(parseDatabaseUrl('postgres://u@h/db').dialect).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://u@h:5433/db').dialect).toBe('postgres');
  });

  it('rejects any other scheme with one line naming the accepted forms', () => {
    expect(() => parseDatabaseUrl('mysql://u@h/db')).toThrow(DatabaseConfigError);
    try {
      parseDatabaseUrl('mysql://u@h/db');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('"mysql:"');
      expect(message).toContain('postgres://');
      expect(message).toContain('file:');
      expect(message).not.toContain('\n');
    }
  });
});
