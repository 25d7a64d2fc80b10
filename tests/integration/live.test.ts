import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '@/db/client';
import { createCaller } from '@/server/routers';
import { createContext } from '@/server/trpc/context';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedProposal, seedUser, type SeededUser } from './helpers/seed';

type Tracked<T> = { id: string; data: T };

/** A caller whose subscriptions stop when `controller` aborts, as a browser leaving would. */
async function streamingCaller(db: AppDb, user: { id: number } | null, controller: AbortController) {
  return createCaller(await createContext({ db, sessionUserId: user?.id ?? null }), { signal: controller.signal });
}

const iterators = new WeakMap<object, AsyncIterator<unknown>>();
/** One iterator per stream, so successive reads continue where the last stopped. */
function iteratorOf<T>(iterable: AsyncIterable<T>): AsyncIterator<T> {
  let iterator = iterators.get(iterable);
  if (!iterator) {
    iterator = iterable[Symbol.asyncIterator]();
    iterators.set(iterable, iterator);
  }
  return iterator as AsyncIterator<T>;
}

/** Reads from a subscription until `count` items have arrived (or fails after `timeoutMs`). */
async function take<T>(iterable: AsyncIterable<T>, count: number, timeoutMs = 10_000): Promise<T[]> {
  const items: T[] = [];
  if (count === 0) return items;
  const iterator = iteratorOf(iterable);
  const deadline = Date.now() + timeoutMs;
  while (items.length < count) {
    const remaining = deadline - Date.now();
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(remaining, 0))),
    ]);
    if (next === 'timeout') throw new Error(`received ${items.length} of ${count} items in ${timeoutMs} ms`);
    if (next.done) break;
    items.push(untrack(next.value) as T);
  }
  return items;
}

/** Server-side callers yield tracked events as tRPC's [id, data, marker] envelopes. */
function untrack(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 3 && typeof value[0] === 'string') return { id: value[0], data: value[1] };
  return value;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    const iterable = await promise;
    if (iterable && typeof iterable === 'object' && Symbol.asyncIterator in iterable) {
      await (iterable as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
    }
    return 'OK';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

describe.each(testDialects())('live collaboration on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  let otherReviewer: SeededUser;
  let editor: SeededUser;
  const controllers: AbortController[] = [];

  function newController() {
    const controller = new AbortController();
    controllers.push(controller);
    return controller;
  }

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer', { name: 'Rita Reviewer' });
    otherReviewer = await seedUser(testDb.db, 'reviewer', { name: 'Olu Other' });
    editor = await seedUser(testDb.db, 'editor', { name: 'Eda Editor' });
  });
  afterAll(async () => {
    for (const controller of controllers) controller.abort();
    await testDb.dispose();
  });

  it('streams every kind of change on an article, in order, to another reviewer', async () => {
    const { db } = testDb;
    const article = await seedArticle(db);
    const workspace = await (await callerFor(db, otherReviewer)).articles.workspace({ slug: article.slug });
    const controller = newController();
    const watcher = await streamingCaller(db, otherReviewer, controller);
    const stream = await watcher.live.articleEvents({ articleId: article.id, lastEventId: String(workspace.eventCursor) });

    const author = await callerFor(db, reviewer);
    const claim = await seedClaim(db, article, reviewer.actor);
    const edited = await author.claims.update({ claimId: claim.id, version: claim.version, statement: 'An edited statement' });
    const note = await author.annotations.create({ claimId: claim.id, kind: 'note', body: 'A research note' });
    await author.annotations.update({ annotationId: note.id, version: note.version, body: 'A better note', evidence: null });
    const proposal = await seedProposal(db, claim.id, reviewer.actor);
    await (await callerFor(db, editor)).verdicts.return({
      verdictId: proposal.verdictId,
      version: proposal.verdictVersion,
      comment: 'Needs a second source.',
    });

    const checklistLength = (await author.claims.detail({ claimId: claim.id })).checklist.length;
    const expected = [
      'claim.created',
      'claim.edited',
      'annotation.added',
      'annotation.edited',
      ...Array<string>(checklistLength).fill('checklist.changed'),
      'verdict.proposed',
      'verdict.returned',
    ];
    const received = (await take(stream as AsyncIterable<Tracked<{ type: string }>>, expected.length)) as Array<
      Tracked<Record<string, unknown> & { type: string; id: number; actorName: string | null }>
    >;
    expect(received.map((item) => item.data.type)).toEqual(expected);
    const ids = received.map((item) => Number(item.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const editedEvent = received.find((item) => item.data.type === 'claim.edited')!;
    expect(editedEvent.data).toMatchObject({ claim: { id: claim.id, statement: 'An edited statement', version: edited.version } });
    expect(editedEvent.data.actorName).toBe('Rita Reviewer');
    const returned = received.find((item) => item.data.type === 'verdict.returned')!;
    expect(returned.data).toMatchObject({ claim: { status: 'open' }, verdict: { status: 'returned' } });
  });

  it('shows hidden annotation text to editors only, in the stream as in the claim detail', async () => {
    const { db } = testDb;
    const article = await seedArticle(db);
    const claim = await seedClaim(db, article, reviewer.actor);
    const note = await (await callerFor(db, reviewer)).annotations.create({ claimId: claim.id, kind: 'note', body: 'Private lead' });
    const cursor = (await (await callerFor(db, reviewer)).articles.workspace({ slug: article.slug })).eventCursor;
    const asReviewer = await (await streamingCaller(db, otherReviewer, newController())).live.articleEvents({
      articleId: article.id,
      lastEventId: String(cursor),
    });
    const asEditor = await (await streamingCaller(db, editor, newController())).live.articleEvents({
      articleId: article.id,
      lastEventId: String(cursor),
    });
    await (await callerFor(db, editor)).annotations.setHidden({ annotationId: note.id, isHidden: true });
    type AnnotationEvent = Tracked<{ type: string; annotation: { body: string; isHidden: boolean } }>;
    const [reviewerSees] = (await take(asReviewer, 1)) as AnnotationEvent[];
    const [editorSees] = (await take(asEditor, 1)) as AnnotationEvent[];
    expect(reviewerSees!.data).toMatchObject({ type: 'annotation.hidden', annotation: { isHidden: true, body: '' } });
    expect(editorSees!.data).toMatchObject({ type: 'annotation.hidden', annotation: { isHidden: true, body: 'Private lead' } });
  });

  it('resumes after forced disconnects with no gap and no duplicate while 120 events are produced', async () => {
    const { db } = testDb;
    const article = await seedArticle(db);
    const claim = await seedClaim(db, article, reviewer.actor);
    const startCursor = (await (await callerFor(db, reviewer)).articles.workspace({ slug: article.slug })).eventCursor;
    const total = 120;

    async function subscriber(seed: number) {
      const seen: number[] = [];
      let lastEventId = startCursor;
      let round = 0;
      while (seen.length < total) {
        const controller = newController();
        const caller = await streamingCaller(db, otherReviewer, controller);
        const stream = await caller.live.articleEvents({ articleId: article.id, lastEventId: String(lastEventId) });
        // Drop the connection after a varying number of events, as flaky networks do.
        const batch = Math.min(total - seen.length, 1 + ((seed * 7 + round * 13) % 17));
        const items = (await take(stream as AsyncIterable<Tracked<unknown>>, batch, 30_000)) as Tracked<unknown>[];
        controller.abort();
        for (const item of items) seen.push(Number(item.id));
        lastEventId = seen[seen.length - 1] ?? lastEventId;
        round += 1;
      }
      return { seen, rounds: round };
    }

    const producer = (async () => {
      const author = await callerFor(db, reviewer);
      for (let i = 0; i < total; i += 1) {
        await author.annotations.create({ claimId: claim.id, kind: 'note', body: `Note ${i}` });
      }
    })();
    const results = await Promise.all([subscriber(1), subscriber(2), subscriber(3)]);
    await producer;

    const { findEventsAfter } = await import('@/db/queries/events');
    const logged = (await findEventsAfter(db, { afterId: startCursor, articleId: article.id, limit: 1000 })).map((r) => r.event.id);
    expect(logged).toHaveLength(total);
    for (const { seen, rounds } of results) {
      expect(rounds).toBeGreaterThan(5);
      const duplicates = seen.length - new Set(seen).size;
      const gaps = logged.filter((id) => !seen.includes(id)).length;
      expect({ duplicates, gaps }).toEqual({ duplicates: 0, gaps: 0 });
      expect(seen).toEqual(logged);
    }
  });

  it('refuses streams to the wrong people and bad cursors with clear codes', async () => {
    const { db } = testDb;
    const article = await seedArticle(db);
    const anonymous = await streamingCaller(db, null, newController());
    const asReviewer = await streamingCaller(db, reviewer, newController());
    const deactivated = await seedUser(db, 'editor', { isActive: false });
    const asDeactivated = await streamingCaller(db, deactivated, newController());
    expect(await codeOf(anonymous.live.articleEvents({ articleId: article.id }))).toBe('UNAUTHORIZED');
    expect(await codeOf(asDeactivated.live.articleEvents({ articleId: article.id }))).toBe('UNAUTHORIZED');
    expect(await codeOf(asReviewer.live.reviewQueueEvents({}))).toBe('FORBIDDEN');
    expect(await codeOf(anonymous.live.presence({ articleId: article.id }))).toBe('UNAUTHORIZED');
    expect(await codeOf(asReviewer.live.articleEvents({ articleId: 2_000_000 }))).toBe('NOT_FOUND');
    expect(await codeOf(asReviewer.live.presence({ articleId: 2_000_000 }))).toBe('NOT_FOUND');
    for (const lastEventId of ['abc', '-1', '007', '1.5', '9'.repeat(40), ' 12']) {
      expect(await codeOf(asReviewer.live.articleEvents({ articleId: article.id, lastEventId }))).toBe('BAD_REQUEST');
    }
  });

  it('ends an open stream with SERVICE_UNAVAILABLE when the database goes away, without crashing', async () => {
    // A database of its own: this test closes it under an open stream.
    const own = await createTestDb(dialect);
    const ownReviewer = await seedUser(own.db, 'reviewer');
    const article = await seedArticle(own.db);
    const stream = await (await streamingCaller(own.db, ownReviewer, newController())).live.articleEvents({
      articleId: article.id,
      lastEventId: '0',
    });
    const iterator = iteratorOf(stream as AsyncIterable<unknown>);
    // Handled from the start: the stream may fail while the database is still being dropped.
    const outcomeOfNext = iterator.next().then(
      () => 'yielded',
      (error: unknown) => (error instanceof TRPCError ? error.code : `unexpected ${String(error)}`),
    );
    const logged: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      await own.dispose();
      const outcome = await Promise.race([
        outcomeOfNext,
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
      ]);
      expect(outcome).toBe('SERVICE_UNAVAILABLE');
    } finally {
      console.error = originalError;
    }
    // The failure is logged with the request id, for whoever reads the server log (other
    // tests' background work may log meanwhile, hence the filter).
    const streamLines = logged.map((args) => String((args as unknown[])[0])).filter((line) => line.startsWith('[live]'));
    expect(streamLines).toHaveLength(1);
    expect(streamLines[0]).toMatch(/^\[live\] request \S+: stream failed/);
  });

  it('keeps editors’ review queue current across articles', async () => {
    const { db } = testDb;
    const first = await seedArticle(db);
    const second = await seedArticle(db);
    const claimA = await seedClaim(db, first, reviewer.actor);
    const claimB = await seedClaim(db, second, otherReviewer.actor);
    const queue = await (await streamingCaller(db, editor, newController())).live.reviewQueueEvents({});
    await seedProposal(db, claimA.id, reviewer.actor);
    await (await callerFor(db, reviewer)).annotations.create({ claimId: claimA.id, kind: 'note', body: 'Not for the queue' });
    await seedProposal(db, claimB.id, otherReviewer.actor);
    const items = (await take(queue, 2)) as Array<Tracked<{ type: string; claim: { id: number } }>>;
    expect(items.map((item) => [item.data.type, item.data.claim.id])).toEqual([
      ['verdict.proposed', claimA.id],
      ['verdict.proposed', claimB.id],
    ]);
  });

  it('shows who is viewing an article, and drops a viewer once they leave', async () => {
    const { db } = testDb;
    const article = await seedArticle(db);
    const ritaLeaves = newController();
    type Viewers = { viewers: Array<{ name: string; initials: string }> };
    const rita = (await (await streamingCaller(db, reviewer, ritaLeaves)).live.presence({ articleId: article.id })) as AsyncIterable<Viewers>;
    const [first] = await take(rita, 1);
    expect(first!.viewers.map((v) => v.name)).toEqual(['Rita Reviewer']);

    const olu = (await (await streamingCaller(db, otherReviewer, newController())).live.presence({ articleId: article.id })) as AsyncIterable<Viewers>;
    const [oluFirst] = await take(olu, 1);
    expect(oluFirst!.viewers.map((v) => `${v.initials} ${v.name}`)).toEqual(['OO Olu Other', 'RR Rita Reviewer']);
    const [ritaSecond] = await take(rita, 1);
    expect(ritaSecond!.viewers).toHaveLength(2);

    // A browser leaving aborts the request, and the SSE response stops reading the stream.
    ritaLeaves.abort();
    await iteratorOf(rita).return?.();
    const [afterLeaving] = await take(olu, 1, 5_000);
    expect(afterLeaving!.viewers.map((v) => v.name)).toEqual(['Olu Other']);
  });
});
