import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '@/server/trpc/context';
import { createTestDb, type TestDb } from './helpers/databases';
import { callerFor, seedUser, type SeededUser } from './helpers/seed';

// bench.noop exists for the save-path benchmark only: closed unless the server started with
// FACTDESK_BENCH=1, and even then behind the reviewer gate like a real save.
describe('bench.noop', () => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  const input = { claimId: 1, body: 'x' };

  beforeAll(async () => {
    testDb = await createTestDb('sqlite');
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  it('answers NOT_FOUND when the server did not start with FACTDESK_BENCH=1', async () => {
    const caller = await callerFor(testDb.db, reviewer);
    await expect(caller.bench.noop(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('with FACTDESK_BENCH=1 at start, answers a reviewer and still refuses the signed-out and bad input', async () => {
    vi.stubEnv('FACTDESK_BENCH', '1');
    vi.resetModules();
    try {
      const { createCaller } = await import('@/server/routers');
      const signedIn = createCaller(await createContext({ db: testDb.db, sessionUserId: reviewer.id }));
      await expect(signedIn.bench.noop(input)).resolves.toEqual({ ok: true });
      await expect(signedIn.bench.noop({ claimId: -1, body: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      const anonymous = createCaller(await createContext({ db: testDb.db, sessionUserId: null }));
      await expect(anonymous.bench.noop(input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
