// In production an unexpected error reaches the client as one generic line (no SQL, no file
// paths, no stack), while the server log keeps the detail under the request's id.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, type TestDb } from './helpers/databases';

const SECRET_DETAIL = 'select password_hash from users where email = $1 -- /srv/factdesk/db/queries/users.ts';

async function loadInit(nodeEnv: 'production' | 'development') {
  vi.resetModules();
  vi.stubEnv('NODE_ENV', nodeEnv);
  const init = await import('@/server/trpc/init');
  const { createContext } = await import('@/server/trpc/context');
  const { fetchRequestHandler } = await import('@trpc/server/adapters/fetch');
  const { DomainError } = await import('@/server/errors');
  const router = init.router({
    broken: init.publicProcedure.query(() => {
      throw new Error(SECRET_DETAIL);
    }),
    refused: init.publicProcedure.query(() => {
      throw new DomainError('CONFLICT', 'This claim changed since you loaded it.', { version: 3 });
    }),
  });
  return { router, createContext, fetchRequestHandler };
}

describe('internal errors', () => {
  let testDb: TestDb;
  const logged: unknown[][] = [];
  beforeAll(async () => {
    testDb = await createTestDb('sqlite');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    logged.length = 0;
  });
  afterAll(() => testDb.dispose());

  async function call(nodeEnv: 'production' | 'development', path: string, requestId: string) {
    const { router, createContext, fetchRequestHandler } = await loadInit(nodeEnv);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://localhost/api/trpc/${path}`),
      router,
      createContext: () => createContext({ db: testDb.db, sessionUserId: null, requestId }),
    });
    return { status: response.status, body: await response.text() };
  }

  it('answers 500 with a generic message and no stack in production, and logs the detail with the request id', async () => {
    const { status, body } = await call('production', 'broken', 'req-prod-4711');
    expect(status).toBe(500);
    const error = (JSON.parse(body) as { error: { json: { message: string; data: Record<string, unknown> } } }).error.json;
    expect(error.message).toBe('Something went wrong on our side. Please try again.');
    expect(error.data.stack ?? null).toBeNull();
    expect(body).not.toContain('internal-errors.test.ts');
    expect(body).not.toContain('password_hash');
    expect(body).not.toContain('/srv/factdesk');
    const line = logged.map((args) => args.map(String).join(' ')).find((text) => text.includes('req-prod-4711'));
    expect(line).toContain('[trpc] request req-prod-4711 broken failed');
    expect(line).toContain(SECRET_DETAIL);
  });

  it('shows the real message (for developers) outside production', async () => {
    const { status, body } = await call('development', 'broken', 'req-dev-1');
    expect(status).toBe(500);
    expect(body).toContain('password_hash');
  });

  it('keeps deliberate domain errors readable in production, with their safe details', async () => {
    const { status, body } = await call('production', 'refused', 'req-prod-2');
    expect(status).toBe(409);
    const error = (JSON.parse(body) as { error: { json: { message: string; data: { details: unknown; stack?: unknown } } } }).error.json;
    expect(error.message).toBe('This claim changed since you loaded it.');
    expect(error.data.details).toEqual({ version: 3 });
    expect(error.data.stack ?? null).toBeNull();
    expect(body).not.toContain('internal-errors.test.ts');
    expect(logged).toEqual([]);
  });
});
