import type { z } from 'zod';
import type { AppDb } from '@/db/client';
import { insertAuditEvent } from '@/db/queries/audit';
import {
  countActiveAdmins,
  findActiveStaff,
  findAllUsers,
  findUserByEmail,
  findUserById,
  insertUser,
  updateUserIfVersion,
  type UserRow,
} from '@/db/queries/users';
import type { UserRole } from '@/lib/domain/enums';
import { newUserSchema } from '@/lib/schemas/users';
import { getDummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { conflict, DomainError, notFound } from '../errors';
import { requireRole, type Actor } from './actor';
import { enforceRateLimit, RATE_LIMITS } from './rate-limits';

export type PublicUser = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'isActive' | 'createdAt' | 'version'>;

function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isActive: row.isActive,
    createdAt: row.createdAt,
    version: row.version,
  };
}

function toActor(row: UserRow): Actor {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/**
 * Checks an email and password. Returns null for every kind of failure (unknown email,
 * wrong password, deactivated account) so the caller cannot tell them apart.
 */
export async function authenticateUser(db: AppDb, email: string, password: string): Promise<Actor | null> {
  const user = await findUserByEmail(db, email);
  if (!user) {
    await verifyPassword(await getDummyPasswordHash(), password);
    return null;
  }
  const isValid = await verifyPassword(user.passwordHash, password);
  if (!isValid || !user.isActive) return null;
  return toActor(user);
}

/** The actor for a session's user id, or null when the account is gone or deactivated. */
export async function findActiveActor(db: AppDb, userId: number): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  return user?.isActive ? toActor(user) : null;
}

export async function listUsers(db: AppDb, actor: Actor | null): Promise<PublicUser[]> {
  requireRole(actor, 'admin');
  return (await findAllUsers(db)).map(toPublicUser);
}

export async function createUser(
  db: AppDb,
  actor: Actor | null,
  input: z.input<typeof newUserSchema>,
): Promise<PublicUser> {
  const admin = requireRole(actor, 'admin');
  const values = newUserSchema.parse(input);
  // Each account costs an argon2id hash (19 MiB, two passes).
  await enforceRateLimit(db, RATE_LIMITS.accountsCreatedPerUser, String(admin.id));
  return createUserUnchecked(db, values, admin.id);
}

/** Creates a user without a permission check: for seeding and the admin service above. */
export async function createUserUnchecked(
  db: AppDb,
  values: z.output<typeof newUserSchema>,
  actorId: number | null,
): Promise<PublicUser> {
  const passwordHash = await hashPassword(values.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, values.email)) {
      throw new DomainError('CONFLICT', `A user with the email ${values.email} already exists.`);
    }
    const row = await insertUser(tx, { email: values.email, name: values.name, role: values.role, passwordHash });
    const after = toPublicUser(row);
    await insertAuditEvent(tx, { entityType: 'user', entityId: row.id, action: 'user.created', actorId, after });
    return after;
  });
}

type UserChange = { userId: number; version: number };

async function changeUser(
  db: AppDb,
  admin: Actor,
  { userId, version }: UserChange,
  action: string,
  changes: { role?: UserRole; isActive?: boolean },
): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const current = await findUserById(tx, userId);
    if (!current) throw notFound('User');
    const losesAdmin =
      current.role === 'admin' &&
      current.isActive &&
      ((changes.role !== undefined && changes.role !== 'admin') || changes.isActive === false);
    if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
      throw new DomainError('PRECONDITION_FAILED', 'The desk needs at least one active admin.');
    }
    const updated = await updateUserIfVersion(tx, userId, version, changes);
    if (!updated) {
      throw conflict(
        `${current.name} was changed by someone else since you loaded it (now version ${current.version}). Reload and try again.`,
        toPublicUser(current),
      );
    }
    await insertAuditEvent(tx, {
      entityType: 'user',
      entityId: userId,
      action,
      actorId: admin.id,
      before: toPublicUser(current),
      after: toPublicUser(updated),
    });
    return toPublicUser(updated);
  });
}

export async function changeUserRole(
  db: AppDb,
  actor: Actor | null,
  input: UserChange & { role: UserRole },
): Promise<PublicUser> {
  const admin = requireRole(actor, 'admin');
  return changeUser(db, admin, input, 'user.role_changed', { role: input.role });
}

export async function setUserActive(
  db: AppDb,
  actor: Actor | null,
  input: UserChange & { isActive: boolean },
): Promise<PublicUser> {
  const admin = requireRole(actor, 'admin');
  if (!input.isActive && input.userId === admin.id) {
    throw new DomainError('PRECONDITION_FAILED', 'You cannot deactivate your own account.');
  }
  return changeUser(db, admin, input, input.isActive ? 'user.reactivated' : 'user.deactivated', {
    isActive: input.isActive,
  });
}

/** Names and roles of active staff, for assignee pickers: no emails. */
export async function listStaff(db: AppDb, actor: Actor | null) {
  requireRole(actor, 'reviewer');
  return findActiveStaff(db);
}
