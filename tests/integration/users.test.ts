import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEventsForEntity } from '@/db/queries/audit';
import { authenticateUser } from '@/server/services/users';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedUser, TEST_PASSWORD, type SeededUser } from './helpers/seed';

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe.each(testDialects())('users and sign-in on %s', (dialect) => {
  let testDb: TestDb;
  let admin: SeededUser;
  let reviewer: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    admin = await seedUser(testDb.db, 'admin');
    reviewer = await seedUser(testDb.db, 'reviewer', { email: 'Mixed.Case@Example.test' });
  });
  afterAll(() => testDb.dispose());

  describe('authenticateUser', () => {
    it('accepts the right password, with the email in any case', async () => {
      const actor = await authenticateUser(testDb.db, 'MIXED.case@example.TEST', TEST_PASSWORD);
      expect(actor).toEqual({ id: reviewer.id, name: reviewer.name, email: 'mixed.case@example.test', role: 'reviewer' });
    });

    it('answers the same way for a wrong password, an unknown email and a deactivated account', async () => {
      const deactivated = await seedUser(testDb.db, 'editor', { isActive: false });
      expect(await authenticateUser(testDb.db, reviewer.email, 'wrong-password')).toBeNull();
      expect(await authenticateUser(testDb.db, 'nobody@example.test', TEST_PASSWORD)).toBeNull();
      expect(await authenticateUser(testDb.db, deactivated.email, TEST_PASSWORD)).toBeNull();
    });
  });

  describe('admin procedures', () => {
    it('lists users without password hashes', async () => {
      const users = await (await callerFor(testDb.db, admin)).users.list();
      expect(users.map((u) => u.email)).toContain(reviewer.email);
      for (const user of users) expect(Object.keys(user)).not.toContain('passwordHash');
    });

    it('creates a user who can then sign in, and audits it', async () => {
      const caller = await callerFor(testDb.db, admin);
      const created = await caller.users.create({
        email: '  New.Person@Example.test ',
        name: 'New Person',
        role: 'editor',
        password: 'a-long-password',
      });
      expect(created).toMatchObject({ email: 'new.person@example.test', role: 'editor', isActive: true, version: 1 });
      expect(await authenticateUser(testDb.db, 'new.person@example.test', 'a-long-password')).not.toBeNull();
      const audit = await findAuditEventsForEntity(testDb.db, 'user', created.id);
      expect(audit.map((e) => [e.action, e.actorId])).toEqual([['user.created', admin.id]]);
      expect(JSON.stringify(audit)).not.toContain('a-long-password');
    });

    it('refuses a duplicate email with CONFLICT and invalid input with BAD_REQUEST', async () => {
      const caller = await callerFor(testDb.db, admin);
      expect(
        await errorCode(caller.users.create({ email: reviewer.email, name: 'Dup', role: 'reviewer', password: 'long-enough-pw' })),
      ).toBe('CONFLICT');
      expect(
        await errorCode(caller.users.create({ email: 'not-an-email', name: '', role: 'reviewer', password: 'short' })),
      ).toBe('BAD_REQUEST');
      expect(
        await errorCode(caller.users.create({ email: 'x@example.test', name: 'X', role: 'owner' as never, password: 'long-enough-pw' })),
      ).toBe('BAD_REQUEST');
    });

    it('changes a role on the version it read; a stale version gets CONFLICT and changes nothing', async () => {
      const target = await seedUser(testDb.db, 'reviewer');
      const caller = await callerFor(testDb.db, admin);
      const promoted = await caller.users.changeRole({ userId: target.id, version: target.version, role: 'editor' });
      expect(promoted).toMatchObject({ role: 'editor', version: target.version + 1 });
      const stale = caller.users.changeRole({ userId: target.id, version: target.version, role: 'admin' });
      expect(await errorCode(stale)).toBe('CONFLICT');
      const after = (await caller.users.list()).find((u) => u.id === target.id);
      expect(after).toMatchObject({ role: 'editor', version: target.version + 1 });
      const audit = await findAuditEventsForEntity(testDb.db, 'user', target.id);
      expect(audit.map((e) => e.action)).toEqual(['user.created', 'user.role_changed']);
      expect(audit[1]?.before).toMatchObject({ role: 'reviewer' });
      expect(audit[1]?.after).toMatchObject({ role: 'editor' });
    });

    it('deactivates a user, who is then signed out everywhere, and can reactivate them', async () => {
      const target = await seedUser(testDb.db, 'editor');
      const caller = await callerFor(testDb.db, admin);
      const deactivated = await caller.users.setActive({ userId: target.id, version: target.version, isActive: false });
      expect(deactivated.isActive).toBe(false);
      const asTarget = await callerFor(testDb.db, target);
      expect(await asTarget.session.me()).toBeNull();
      const reactivated = await caller.users.setActive({ userId: target.id, version: deactivated.version, isActive: true });
      expect(reactivated.isActive).toBe(true);
      expect((await (await callerFor(testDb.db, target)).session.me())?.id).toBe(target.id);
    });

    it('keeps at least one active admin and refuses self-deactivation', async () => {
      const caller = await callerFor(testDb.db, admin);
      expect(await errorCode(caller.users.setActive({ userId: admin.id, version: admin.version, isActive: false }))).toBe(
        'PRECONDITION_FAILED',
      );
      const others = (await caller.users.list()).filter((u) => u.role === 'admin' && u.isActive && u.id !== admin.id);
      for (const other of others) await caller.users.setActive({ userId: other.id, version: other.version, isActive: false });
      const self = (await caller.users.list()).find((u) => u.id === admin.id)!;
      expect(await errorCode(caller.users.changeRole({ userId: admin.id, version: self.version, role: 'editor' }))).toBe(
        'PRECONDITION_FAILED',
      );
    });

    it('answers NOT_FOUND for an unknown user id', async () => {
      const caller = await callerFor(testDb.db, admin);
      expect(await errorCode(caller.users.changeRole({ userId: 999_999, version: 1, role: 'editor' }))).toBe('NOT_FOUND');
    });

    it('is closed to reviewers (FORBIDDEN) and to anonymous callers (UNAUTHORIZED)', async () => {
      expect(await errorCode((await callerFor(testDb.db, reviewer)).users.list())).toBe('FORBIDDEN');
      expect(await errorCode((await callerFor(testDb.db, null)).users.list())).toBe('UNAUTHORIZED');
    });
  });
});
