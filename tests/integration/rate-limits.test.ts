import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRateLimitBucket } from '@/db/queries/rate-limits';
import { consumeRateLimit, enforceRateLimit, isRateLimited, pruneRateLimits, RATE_LIMITS, type RateLimit } from '@/server/services/rate-limits';
import { signInWithPassword } from '@/server/services/sign-in';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedUser, TEST_PASSWORD, type SeededUser } from './helpers/seed';

const subject = () => `subject-${randomBytes(4).toString('hex')}`;
const tight: RateLimit = { name: 'test-tight', limit: 3, windowMs: 60_000 };

async function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ok',
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );
}

describe.each(testDialects())('rate limits on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  it('counts hits in a fixed window: the limit is allowed, the next refused, and a new window starts afresh', async () => {
    const who = subject();
    const t0 = new Date('2026-01-01T10:00:00Z');
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await consumeRateLimit(testDb.db, tight, who, new Date(t0.getTime() + i * 1000)));
    expect(results.map((r) => [r.hits, r.isAllowed])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, false],
    ]);
    expect(results[3]!.retryAfterMs).toBe(57_000);
    expect(await isRateLimited(testDb.db, tight, who, new Date(t0.getTime() + 59_000))).toBe(true);
    // One millisecond past the window: over, and the next hit opens a new one.
    const later = new Date(t0.getTime() + 60_001);
    expect(await isRateLimited(testDb.db, tight, who, later)).toBe(false);
    const fresh = await consumeRateLimit(testDb.db, tight, who, later);
    expect([fresh.hits, fresh.isAllowed]).toEqual([1, true]);
    expect((await findRateLimitBucket(testDb.db, `${tight.name}:${who}`))?.windowStartedAt.getTime()).toBe(later.getTime());
  });

  it('keeps subjects and limits apart, and matches subjects case-insensitively', async () => {
    const who = subject();
    for (let i = 0; i < 3; i += 1) await consumeRateLimit(testDb.db, tight, who.toUpperCase());
    expect(await isRateLimited(testDb.db, tight, who)).toBe(true);
    expect(await isRateLimited(testDb.db, tight, subject())).toBe(false);
    expect(await isRateLimited(testDb.db, { ...tight, name: 'test-other' }, who)).toBe(false);
  });

  it('loses no hit under concurrency: 25 at once, exactly the limit get through', async () => {
    const who = subject();
    const limit: RateLimit = { name: 'test-concurrent', limit: 10, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(testDb.db, limit, who)));
    expect(results.filter((r) => r.isAllowed)).toHaveLength(10);
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('enforceRateLimit throws TOO_MANY_REQUESTS with the seconds to wait', async () => {
    const who = subject();
    const now = new Date();
    for (let i = 0; i < 3; i += 1) await enforceRateLimit(testDb.db, tight, who, now);
    const error = await enforceRateLimit(testDb.db, tight, who, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: 60 } });
  });

  it('prunes finished windows only', async () => {
    const old = subject();
    const current = subject();
    const now = new Date();
    await consumeRateLimit(testDb.db, tight, old, new Date(now.getTime() - 5 * 60_000));
    await consumeRateLimit(testDb.db, tight, current, now);
    expect(await pruneRateLimits(testDb.db, now)).toBeGreaterThanOrEqual(1);
    expect(await findRateLimitBucket(testDb.db, `${tight.name}:${old}`)).toBeUndefined();
    expect(await findRateLimitBucket(testDb.db, `${tight.name}:${current}`)).toBeDefined();
  });

  describe('sign-in', () => {
    it('refuses the 11th attempt in a minute after 10 wrong passwords, even with the right one, and only for that account', async () => {
      const user = await seedUser(testDb.db, 'reviewer');
      const address = `10.0.0.${Math.floor(Math.random() * 200)}`;
      const now = new Date();
      const outcomes = [];
      for (let i = 0; i < 10; i += 1) {
        outcomes.push((await signInWithPassword(testDb.db, { email: user.email, password: 'wrong-password', address }, now)).status);
      }
      expect(outcomes).toEqual(Array(10).fill('refused'));
      expect((await signInWithPassword(testDb.db, { email: user.email.toUpperCase(), password: TEST_PASSWORD, address: '10.9.9.9' }, now)).status).toBe(
        'rate-limited',
      );
      // Another account from the same address is still let in.
      expect((await signInWithPassword(testDb.db, { email: reviewer.email, password: TEST_PASSWORD, address }, now)).status).toBe('signed-in');
      // A minute later the account signs in again.
      const later = new Date(now.getTime() + 61_000);
      expect((await signInWithPassword(testDb.db, { email: user.email, password: TEST_PASSWORD, address }, later)).status).toBe('signed-in');
    });

    it('counts failures for accounts that do not exist the same way, so the limit reveals nothing', async () => {
      const email = `nobody-${randomBytes(3).toString('hex')}@example.test`;
      const now = new Date();
      for (let i = 0; i < 10; i += 1) await signInWithPassword(testDb.db, { email, password: 'x', address: `172.16.${i}.1` }, now);
      expect((await signInWithPassword(testDb.db, { email, password: 'x', address: '172.16.99.1' }, now)).status).toBe('rate-limited');
    });

    it('limits failures per address across accounts, and never counts successes', async () => {
      const address = `192.168.${Math.floor(Math.random() * 250)}.7`;
      const now = new Date();
      for (let i = 0; i <= RATE_LIMITS.signInFailuresPerAddress.limit; i += 1) {
        expect((await signInWithPassword(testDb.db, { email: reviewer.email, password: TEST_PASSWORD, address }, now)).status).toBe('signed-in');
      }
      for (let i = 0; i < RATE_LIMITS.signInFailuresPerAddress.limit; i += 1) {
        await signInWithPassword(testDb.db, { email: `guess-${i}@example.test`, password: 'x', address }, now);
      }
      expect((await signInWithPassword(testDb.db, { email: reviewer.email, password: TEST_PASSWORD, address }, now)).status).toBe('rate-limited');
      expect((await signInWithPassword(testDb.db, { email: reviewer.email, password: TEST_PASSWORD, address: '192.0.2.1' }, now)).status).toBe('signed-in');
    });
  });

  describe('costly procedures', () => {
    it('limits URL imports per user, and other users keep their own allowance', async () => {
      const user = await seedUser(testDb.db, 'reviewer');
      const other = await seedUser(testDb.db, 'reviewer');
      const caller = await callerFor(testDb.db, user);
      // Blocked addresses fail fast without a network, and still count: the limit is on attempts.
      const attempt = (c: typeof caller) => codeOf(c.articles.previewImport({ kind: 'url', url: 'http://127.0.0.1:9/article' }));
      const codes = [];
      for (let i = 0; i < RATE_LIMITS.urlImportsPerUser.limit; i += 1) codes.push(await attempt(caller));
      expect(new Set(codes)).toEqual(new Set(['BAD_REQUEST']));
      expect(await attempt(caller)).toBe('TOO_MANY_REQUESTS');
      expect(await attempt(await callerFor(testDb.db, other))).toBe('BAD_REQUEST');
      // Pasted text has its own, larger allowance.
      expect(await codeOf(caller.articles.previewImport({ kind: 'text', text: 'A title\n\nA paragraph of text.' }))).toBe('ok');
    });

    it('limits accounts created per admin', async () => {
      const admin = await seedUser(testDb.db, 'admin');
      const caller = await callerFor(testDb.db, admin);
      const { limit } = RATE_LIMITS.accountsCreatedPerUser;
      // Fill the window without hashing 30 passwords: the hits are what count.
      for (let i = 0; i < limit; i += 1) await consumeRateLimit(testDb.db, RATE_LIMITS.accountsCreatedPerUser, String(admin.id));
      const code = await codeOf(
        caller.users.create({ email: `over-${randomBytes(3).toString('hex')}@example.test`, name: 'Over', role: 'reviewer', password: TEST_PASSWORD }),
      );
      expect(code).toBe('TOO_MANY_REQUESTS');
    });
  });
});
