import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import type { SettingRow } from '../types';

export async function findSettings(db: Db, keys: string[]): Promise<SettingRow[]> {
  const { settings } = db.t;
  return db.q.select().from(settings).where(inArray(settings.key, keys));
}

export async function findSetting(db: Db, key: string): Promise<SettingRow | undefined> {
  const { settings } = db.t;
  const rows = await db.q.select().from(settings).where(eq(settings.key, key)).limit(1);
  return rows[0];
}

/** Writes a setting; with `expectedVersion` only if the stored row still has it (undefined otherwise). */
export async function upsertSetting(
  db: Db,
  key: string,
  value: unknown,
  updatedById: number | null,
  expectedVersion: number | null,
): Promise<SettingRow | undefined> {
  const { settings } = db.t;
  const now = new Date();
  if (expectedVersion === null) {
    const rows = await db.q
      .insert(settings)
      .values({ key, value, updatedById, updatedAt: now, version: 1 })
      .onConflictDoNothing()
      .returning();
    return rows[0];
  }
  // The version in the WHERE clause is what makes two concurrent saves on one version
  // end with exactly one winner on PostgreSQL, where transactions do run concurrently.
  const rows = await db.q
    .update(settings)
    .set({ value, updatedById, updatedAt: now, version: expectedVersion + 1 })
    .where(and(eq(settings.key, key), eq(settings.version, expectedVersion)))
    .returning();
  return rows[0];
}
