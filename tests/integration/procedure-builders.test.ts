import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContext } from '@/server/trpc/context';
import {
  adminProcedure,
  createCallerFactory,
  editorProcedure,
  publicProcedure,
  reviewerProcedure,
  router,
  signedInProcedure,
} from '@/server/trpc/init';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { seedUser, type SeededUser } from './helpers/seed';

// A router made of one procedure per builder, so each builder's gate is tested on its own.
const gateRouter = router({
  open: publicProcedure.input(z.void()).query(() => 'public'),
  signedIn: signedInProcedure.input(z.void()).query(({ ctx }) => ctx.user.id),
  reviewer: reviewerProcedure.input(z.void()).query(() => 'reviewer'),
  editor: editorProcedure.input(z.void()).query(() => 'editor'),
  admin: adminProcedure.input(z.void()).query(() => 'admin'),
  validated: publicProcedure.input(z.object({ email: z.email(), count: z.number().int() })).query(() => 'ok'),
});
const createGateCaller = createCallerFactory(gateRouter);

type Gate = 'open' | 'signedIn' | 'reviewer' | 'editor' | 'admin';
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN';

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN')) return error.code;
    throw error;
  }
}

describe.each(testDialects())('procedure builders on %s', (dialect) => {
  let testDb: TestDb;
  let users: Record<'reviewer' | 'editor' | 'admin' | 'deactivated', SeededUser>;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    const { db } = testDb;
    users = {
      reviewer: await seedUser(db, 'reviewer'),
      editor: await seedUser(db, 'editor'),
      admin: await seedUser(db, 'admin'),
      deactivated: await seedUser(db, 'admin', { isActive: false }),
    };
  });
  afterAll(() => testDb.dispose());

  const expected: Record<'anonymous' | 'reviewer' | 'editor' | 'admin' | 'deactivated', Record<Gate, Outcome>> = {
    anonymous: { open: 'ok', signedIn: 'UNAUTHORIZED', reviewer: 'UNAUTHORIZED', editor: 'UNAUTHORIZED', admin: 'UNAUTHORIZED' },
    reviewer: { open: 'ok', signedIn: 'ok', reviewer: 'ok', editor: 'FORBIDDEN', admin: 'FORBIDDEN' },
    editor: { open: 'ok', signedIn: 'ok', reviewer: 'ok', editor: 'ok', admin: 'FORBIDDEN' },
    admin: { open: 'ok', signedIn: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok' },
    // A deactivated account is treated as signed out, even with a still-valid session cookie.
    deactivated: { open: 'ok', signedIn: 'UNAUTHORIZED', reviewer: 'UNAUTHORIZED', editor: 'UNAUTHORIZED', admin: 'UNAUTHORIZED' },
  };

  for (const [who, gates] of Object.entries(expected)) {
    it(`gates every builder for ${who}`, async () => {
      const sessionUserId = who === 'anonymous' ? null : users[who as keyof typeof users].id;
      const caller = createGateCaller(await createContext({ db: testDb.db, sessionUserId }));
      const actual: Record<string, Outcome> = {};
      for (const gate of Object.keys(gates) as Gate[]) actual[gate] = await outcomeOf(() => caller[gate]());
      expect(actual).toEqual(gates);
    });
  }

  it('turns invalid input into BAD_REQUEST with zod field errors, never a 500', async () => {
    const caller = createGateCaller(await createContext({ db: testDb.db, sessionUserId: null }));
    const error = await caller.validated({ email: 'nope', count: 1.5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const { getErrorShape } = await import('@trpc/server/unstable-core-do-not-import');
    const shape = getErrorShape({
      config: gateRouter._def._config,
      error: error as TRPCError,
      type: 'query',
      path: 'validated',
      input: undefined,
      ctx: undefined,
    }) as { data: { zodError: { fieldErrors: Record<string, string[]> } } };
    expect(Object.keys(shape.data.zodError.fieldErrors).sort()).toEqual(['count', 'email']);
  });
});
