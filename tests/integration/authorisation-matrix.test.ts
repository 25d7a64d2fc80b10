// Every tRPC procedure × every kind of caller → the outcome the design promises. A procedure
// added to the router without a row here fails the first test, so nothing ships unchecked.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '@/db/client';
import { DEFAULT_CHECKLIST, DEFAULT_ORGANISATION, DEFAULT_RATING_SCALE } from '@/lib/ratings';
import { appRouter, createCaller } from '@/server/routers';
import type { Actor } from '@/server/services/actor';
import { getClaimDetail, setChecklistItem } from '@/server/services/claims';
import { getOrganisationSettings } from '@/server/services/organisation';
import { getDeskSettings } from '@/server/services/settings';
import { createUserUnchecked } from '@/server/services/users';
import { approveVerdict } from '@/server/services/verdicts';
import { setAnnotationHidden, createAnnotation } from '@/server/services/annotations';
import { createContext } from '@/server/trpc/context';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { seedArticle, seedClaim, seedProposal, seedUser, selectorsFor, TEST_PASSWORD, type SeededUser } from './helpers/seed';

const PERSONAS = ['anonymous', 'owner', 'otherReviewer', 'editor', 'proposer', 'admin', 'deactivated'] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST';
type Expected = Record<Persona, Outcome>;
type Caller = ReturnType<typeof createCaller>;

/** The decoy desk one call works on: the owner's claim and note, another reviewer's hidden note, the proposer's pending verdict. */
type Fixture = {
  ownerActor: Actor;
  articleId: number;
  articleSlug: string;
  articleVersion: number;
  paragraphs: string[];
  claimId: number;
  claimSlug: string;
  claimVersion: number;
  annotationId: number;
  annotationVersion: number;
  hiddenAnnotationId: number;
  hiddenAnnotationVersion: number;
  proposedClaimId: number;
  proposedClaimVersion: number;
  verdictId: number;
  verdictVersion: number;
};

type Row = {
  /** Mutations get a fresh fixture per caller, so one caller's success cannot change another's outcome. */
  isWrite: boolean;
  call: (c: Caller, f: Fixture, db: AppDb) => Promise<unknown>;
  expected: Expected;
};

// Outcome rows by gate. The deactivated caller is an admin whose account was switched off.
const everyone: Expected = { anonymous: 'ok', owner: 'ok', otherReviewer: 'ok', editor: 'ok', proposer: 'ok', admin: 'ok', deactivated: 'ok' };
const staff: Expected = { ...everyone, anonymous: 'UNAUTHORIZED', deactivated: 'UNAUTHORIZED' };
const editors: Expected = { ...staff, owner: 'FORBIDDEN', otherReviewer: 'FORBIDDEN' };
const admins: Expected = { ...editors, editor: 'FORBIDDEN', proposer: 'FORBIDDEN' };
const onlyOwner: Expected = { ...staff, otherReviewer: 'FORBIDDEN', editor: 'FORBIDDEN', proposer: 'FORBIDDEN', admin: 'FORBIDDEN' };
const onlyProposer: Expected = { ...staff, owner: 'FORBIDDEN', otherReviewer: 'FORBIDDEN', editor: 'FORBIDDEN', admin: 'FORBIDDEN' };
/** The two-person rule: editors and admins approve, but never the proposer. */
const editorsButProposer: Expected = { ...editors, proposer: 'FORBIDDEN' };

const unique = () => randomBytes(4).toString('hex');
const NEW_TEXT = ['First paragraph of the article.', 'Second paragraph with a claim, revised.'];

const matrix: Record<string, Row[]> = {
  'health.check': [{ isWrite: false, call: (c) => c.health.check(), expected: everyone }],
  'session.me': [{ isWrite: false, call: (c) => c.session.me(), expected: everyone }],

  'users.list': [{ isWrite: false, call: (c) => c.users.list(), expected: admins }],
  'users.create': [
    {
      isWrite: true,
      call: (c) => c.users.create({ email: `made-${unique()}@example.test`, name: 'Made', role: 'reviewer', password: TEST_PASSWORD }),
      expected: admins,
    },
  ],
  'users.changeRole': [
    {
      isWrite: true,
      call: async (c, _f, db) => {
        const target = await createUserUnchecked(db, { email: `t-${unique()}@example.test`, name: 'T', role: 'reviewer', password: TEST_PASSWORD }, null);
        return c.users.changeRole({ userId: target.id, version: target.version, role: 'editor' });
      },
      expected: admins,
    },
  ],
  'users.setActive': [
    {
      isWrite: true,
      call: async (c, _f, db) => {
        const target = await createUserUnchecked(db, { email: `t-${unique()}@example.test`, name: 'T', role: 'reviewer', password: TEST_PASSWORD }, null);
        return c.users.setActive({ userId: target.id, version: target.version, isActive: false });
      },
      expected: admins,
    },
  ],

  'articles.list': [{ isWrite: false, call: (c) => c.articles.list({ page: 1 }), expected: staff }],
  'articles.bySlug': [{ isWrite: false, call: (c, f) => c.articles.bySlug({ slug: f.articleSlug }), expected: staff }],
  'articles.workspace': [{ isWrite: false, call: (c, f) => c.articles.workspace({ slug: f.articleSlug }), expected: staff }],
  'articles.previewImport': [
    { isWrite: false, call: (c) => c.articles.previewImport({ kind: 'text', text: 'A title\n\nA paragraph of the article.' }), expected: staff },
  ],
  'articles.import': [
    { isWrite: true, call: (c) => c.articles.import({ title: `Imported ${unique()}`, paragraphs: ['A paragraph.'] }), expected: staff },
  ],
  'articles.revise': [
    {
      isWrite: true,
      call: (c, f) => c.articles.revise({ articleId: f.articleId, version: f.articleVersion, title: 'Revised', dek: null, paragraphs: NEW_TEXT }),
      expected: staff,
    },
  ],
  'articles.revisions': [{ isWrite: false, call: (c, f) => c.articles.revisions({ articleId: f.articleId }), expected: staff }],
  'articles.revision': [
    { isWrite: false, call: (c, f) => c.articles.revision({ articleId: f.articleId, revisionNumber: 1 }), expected: staff },
    // A revision that does not exist: past the gate, then NOT_FOUND, for every staff member alike.
    {
      isWrite: false,
      call: (c, f) => c.articles.revision({ articleId: f.articleId, revisionNumber: 99 }),
      expected: { ...staff, owner: 'NOT_FOUND', otherReviewer: 'NOT_FOUND', editor: 'NOT_FOUND', proposer: 'NOT_FOUND', admin: 'NOT_FOUND' },
    },
  ],
  'articles.revisionDiff': [
    { isWrite: false, call: (c, f) => c.articles.revisionDiff({ articleId: f.articleId, from: 1, to: 1 }), expected: staff },
  ],

  'claims.create': [
    {
      isWrite: true,
      call: (c, f) =>
        c.claims.create({
          articleId: f.articleId,
          selectors: selectorsFor({ paragraphs: f.paragraphs }, 'Second paragraph'),
          statement: 'A statement under test',
          claimant: 'Someone',
        }),
      expected: staff,
    },
  ],
  'claims.update': [
    { isWrite: true, call: (c, f) => c.claims.update({ claimId: f.claimId, version: f.claimVersion, tags: ['matrix'] }), expected: staff },
  ],
  'claims.reattach': [
    {
      isWrite: true,
      call: (c, f) =>
        c.claims.reattach({
          claimId: f.claimId,
          version: f.claimVersion,
          selectors: selectorsFor({ paragraphs: f.paragraphs }, 'paragraph with a claim'),
        }),
      expected: staff,
    },
  ],
  'claims.listByArticle': [{ isWrite: false, call: (c, f) => c.claims.listByArticle({ articleId: f.articleId }), expected: staff }],
  'claims.detail': [{ isWrite: false, call: (c, f) => c.claims.detail({ claimId: f.claimId }), expected: staff }],
  'claims.setChecklistItem': [
    {
      isWrite: true,
      call: (c, f) => c.claims.setChecklistItem({ claimId: f.claimId, itemKey: DEFAULT_CHECKLIST[0]!.key, isChecked: true }),
      expected: staff,
    },
  ],
  'claims.setFollowing': [{ isWrite: true, call: (c, f) => c.claims.setFollowing({ claimId: f.claimId, isFollowing: true }), expected: staff }],

  'annotations.create': [
    { isWrite: true, call: (c, f) => c.annotations.create({ claimId: f.claimId, kind: 'note', body: 'A reply' }), expected: staff },
  ],
  // Owners only: not other reviewers, not editors, not admins.
  'annotations.update': [
    {
      isWrite: true,
      call: (c, f) => c.annotations.update({ annotationId: f.annotationId, version: f.annotationVersion, body: 'Edited' }),
      expected: onlyOwner,
    },
    // Another reviewer's hidden note: the owner of the claim's note cannot touch it either.
    {
      isWrite: true,
      call: (c, f) => c.annotations.update({ annotationId: f.hiddenAnnotationId, version: f.hiddenAnnotationVersion, body: 'Edited' }),
      expected: { ...onlyOwner, owner: 'FORBIDDEN', otherReviewer: 'ok' },
    },
  ],
  'annotations.delete': [
    { isWrite: true, call: (c, f) => c.annotations.delete({ annotationId: f.annotationId, version: f.annotationVersion }), expected: onlyOwner },
  ],
  'annotations.setHidden': [
    { isWrite: true, call: (c, f) => c.annotations.setHidden({ annotationId: f.annotationId, isHidden: true }), expected: editors },
  ],

  'verdicts.propose': [
    {
      isWrite: true,
      call: async (c, f, db) => {
        // The owner ticks the checklist first, so only the gate can refuse the proposal.
        const owner = (await getClaimDetail(db, ownerOf(f), f.claimId)).claim;
        for (const item of DEFAULT_CHECKLIST) await setChecklistItem(db, ownerOf(f), { claimId: f.claimId, itemKey: item.key, isChecked: true });
        const claimVersion = (await getClaimDetail(db, ownerOf(f), f.claimId)).claim.version;
        expect(claimVersion).toBeGreaterThanOrEqual(owner.version);
        return c.verdicts.propose({
          claimId: f.claimId,
          claimVersion,
          ratingKey: DEFAULT_RATING_SCALE[0]!.key,
          summary: 'A summary under test.',
          ruling: 'A ruling under test that is long enough.',
          sources: [{ url: 'https://example.org/a', title: 'A' }],
        });
      },
      expected: staff,
    },
  ],
  'verdicts.withdraw': [
    { isWrite: true, call: (c, f) => c.verdicts.withdraw({ verdictId: f.verdictId, version: f.verdictVersion }), expected: onlyProposer },
  ],
  'verdicts.approve': [
    { isWrite: true, call: (c, f) => c.verdicts.approve({ verdictId: f.verdictId, version: f.verdictVersion }), expected: editorsButProposer },
  ],
  'verdicts.return': [
    {
      isWrite: true,
      call: (c, f) => c.verdicts.return({ verdictId: f.verdictId, version: f.verdictVersion, comment: 'Needs another source.' }),
      expected: editors,
    },
  ],
  'verdicts.dismissClaim': [
    {
      isWrite: true,
      call: (c, f) => c.verdicts.dismissClaim({ claimId: f.claimId, version: f.claimVersion, reason: 'An opinion, not a claim.' }),
      expected: editors,
    },
  ],

  'desk.dashboard': [{ isWrite: false, call: (c) => c.desk.dashboard(), expected: staff }],
  'desk.staff': [{ isWrite: false, call: (c) => c.desk.staff(), expected: staff }],
  // The benchmarks' no-op: behind the reviewer gate, then NOT_FOUND unless the server started with FACTDESK_BENCH=1.
  'bench.noop': [
    {
      isWrite: false,
      call: (c, f) => c.bench.noop({ claimId: f.claimId, body: 'x' }),
      expected: { ...staff, owner: 'NOT_FOUND', otherReviewer: 'NOT_FOUND', editor: 'NOT_FOUND', proposer: 'NOT_FOUND', admin: 'NOT_FOUND' },
    },
  ],
  'desk.settings': [{ isWrite: false, call: (c) => c.desk.settings(), expected: staff }],
  'desk.updateChecklist': [
    {
      isWrite: true,
      call: async (c, _f, db) =>
        c.desk.updateChecklist({ items: DEFAULT_CHECKLIST, expectedVersion: (await getDeskSettings(db)).versions.checklist }),
      expected: admins,
    },
  ],
  'desk.organisation': [{ isWrite: false, call: (c) => c.desk.organisation(), expected: admins }],
  'desk.updateOrganisation': [
    {
      isWrite: true,
      call: async (c, _f, db) =>
        c.desk.updateOrganisation({ settings: DEFAULT_ORGANISATION, expectedVersion: (await getOrganisationSettings(db)).version }),
      expected: admins,
    },
  ],
  'desk.updateRatingScale': [
    {
      isWrite: true,
      call: async (c, _f, db) =>
        c.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: (await getDeskSettings(db)).versions.ratingScale }),
      expected: admins,
    },
  ],

  'review.queue': [{ isWrite: false, call: (c) => c.review.queue({}), expected: editors }],
  'review.overview': [{ isWrite: false, call: (c) => c.review.overview(), expected: editors }],
  'review.queueCount': [{ isWrite: false, call: (c) => c.review.queueCount(), expected: editors }],

  // Public procedures answer everyone, but only about published work: the decoy claim is not
  // published, so asking for it is NOT_FOUND even for an admin.
  'public.factCheck': [
    { isWrite: false, call: (c, f) => c.public.factCheck({ slug: f.claimSlug }), expected: allAre('NOT_FOUND') },
  ],
  'public.factChecks': [{ isWrite: false, call: (c) => c.public.factChecks({ page: 1 }), expected: everyone }],
  'public.article': [
    { isWrite: false, call: (c, f) => c.public.article({ slug: f.articleSlug }), expected: allAre('NOT_FOUND') },
  ],
  'public.articles': [{ isWrite: false, call: (c) => c.public.articles({ page: 1 }), expected: everyone }],
  'public.feed': [{ isWrite: false, call: (c) => c.public.feed(), expected: everyone }],
  'public.articleAnnotations': [
    { isWrite: false, call: (c, f) => c.public.articleAnnotations({ slug: f.articleSlug }), expected: allAre('NOT_FOUND') },
  ],
  'public.methodology': [{ isWrite: false, call: (c) => c.public.methodology(), expected: everyone }],

  'live.articleEvents': [{ isWrite: false, call: (c, f) => c.live.articleEvents({ articleId: f.articleId, lastEventId: '0' }), expected: staff }],
  'live.reviewQueueEvents': [{ isWrite: false, call: (c) => c.live.reviewQueueEvents({ lastEventId: '0' }), expected: editors }],
  'live.presence': [{ isWrite: false, call: (c, f) => c.live.presence({ articleId: f.articleId }), expected: staff }],
};

const ownerOf = (f: Fixture) => f.ownerActor;

function allAre(outcome: Outcome): Expected {
  return Object.fromEntries(PERSONAS.map((p) => [p, outcome])) as Expected;
}

/** The outcome of one call; a subscription is read until its first item, or for a moment when it stays quiet. */
async function outcomeOf(call: () => Promise<unknown>): Promise<string> {
  try {
    const result = await call();
    if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
      const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([iterator.next(), new Promise((resolve) => (timer = setTimeout(resolve, 300)))]);
      clearTimeout(timer);
      void iterator.return?.();
    }
    return 'ok';
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

describe('the authorisation matrix', () => {
  it('has a row for every procedure of the router, and none for a procedure that does not exist', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(procedures.length).toBeGreaterThan(40);
    expect(Object.keys(matrix).sort()).toEqual(procedures);
    for (const rows of Object.values(matrix)) expect(rows.length).toBeGreaterThan(0);
  });
});

describe.each(testDialects())('authorisation matrix on %s', (dialect) => {
  let testDb: TestDb;
  let users: Record<Exclude<Persona, 'anonymous'>, SeededUser>;
  let shared: Fixture;
  const controllers: AbortController[] = [];

  async function seedFixture(): Promise<Fixture> {
    const { db } = testDb;
    const article = await seedArticle(db);
    const claim = await seedClaim(db, article, users.owner.actor);
    const note = await createAnnotation(db, users.owner.actor, { claimId: claim.id, parentId: null, kind: 'note', body: 'Owner note', evidence: null });
    const other = await createAnnotation(db, users.otherReviewer.actor, {
      claimId: claim.id,
      parentId: null,
      kind: 'note',
      body: 'Hidden note',
      evidence: null,
    });
    const hidden = await setAnnotationHidden(db, users.editor.actor, { annotationId: other.id, isHidden: true });
    const proposed = await seedClaim(db, article, users.owner.actor, { start: 6, end: 15 });
    const { verdictId, verdictVersion, claimVersion } = await seedProposal(db, proposed.id, users.proposer.actor);
    return {
      ownerActor: users.owner.actor,
      articleId: article.id,
      articleSlug: article.slug,
      articleVersion: article.version,
      paragraphs: article.paragraphs,
      claimId: claim.id,
      claimSlug: claim.slug,
      claimVersion: claim.version,
      annotationId: note.id,
      annotationVersion: note.version,
      hiddenAnnotationId: hidden.id,
      hiddenAnnotationVersion: hidden.version,
      proposedClaimId: proposed.id,
      proposedClaimVersion: claimVersion,
      verdictId,
      verdictVersion,
    };
  }

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    const { db } = testDb;
    users = {
      owner: await seedUser(db, 'reviewer'),
      otherReviewer: await seedUser(db, 'reviewer'),
      editor: await seedUser(db, 'editor'),
      proposer: await seedUser(db, 'editor'),
      admin: await seedUser(db, 'admin'),
      deactivated: await seedUser(db, 'admin', { isActive: false }),
    };
    shared = await seedFixture();
    // A published fact-check too, so public lists are not trivially empty.
    const published = await seedFixture();
    await approveVerdict(db, users.editor.actor, { verdictId: published.verdictId, version: published.verdictVersion });
  });
  afterAll(async () => {
    for (const controller of controllers) controller.abort();
    await testDb.dispose();
  });

  async function callerAs(persona: Persona): Promise<Caller> {
    const controller = new AbortController();
    controllers.push(controller);
    const sessionUserId = persona === 'anonymous' ? null : users[persona].id;
    return createCaller(await createContext({ db: testDb.db, sessionUserId }), { signal: controller.signal });
  }

  for (const [procedure, rows] of Object.entries(matrix)) {
    rows.forEach((row, index) => {
      it(`${procedure}${rows.length > 1 ? ` (case ${index + 1})` : ''}`, async () => {
        const actual: Record<string, string> = {};
        for (const persona of PERSONAS) {
          const fixture = row.isWrite ? await seedFixture() : shared;
          const caller = await callerAs(persona);
          actual[persona] = await outcomeOf(() => row.call(caller, fixture, testDb.db));
        }
        expect(actual).toEqual(row.expected);
      });
    });
  }
});
