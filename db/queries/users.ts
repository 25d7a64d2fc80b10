import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { UserRole } from '../../lib/domain/enums';
import type { Db } from '../client';
import type { UserRow } from '../types';

export type { UserRow };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const { users } = db.t;
  const rows = await db.q
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const { users } = db.t;
  const rows = await db.q.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function findAllUsers(db: Db): Promise<UserRow[]> {
  const { users } = db.t;
  return db.q.select().from(users).orderBy(asc(users.email));
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.q.select({ value: count() }).from(db.t.users);
  return rows[0]?.value ?? 0;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const { users } = db.t;
  const rows = await db.q
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isActive, true)));
  return rows[0]?.value ?? 0;
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string; role: UserRole },
): Promise<UserRow> {
  const rows = await db.q
    .insert(db.t.users)
    .values({ ...values, email: values.email.trim().toLowerCase(), updatedAt: new Date() })
    .returning();
  const row = rows[0];
  if (!row) throw new Error('insertUser returned no row');
  return row;
}

/** Updates a user only if it still has `expectedVersion`; returns undefined when it does not. */
export async function updateUserIfVersion(
  db: Db,
  id: number,
  expectedVersion: number,
  changes: Partial<Pick<UserRow, 'role' | 'isActive' | 'name' | 'passwordHash'>>,
): Promise<UserRow | undefined> {
  const { users } = db.t;
  const rows = await db.q
    .update(users)
    .set({ ...changes, updatedAt: new Date(), version: expectedVersion + 1 })
    .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
    .returning();
  return rows[0];
}

export async function findActiveStaff(db: Db) {
  const { users } = db.t;
  return db.q
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.isActive, true))
    .orderBy(asc(users.name));
}
