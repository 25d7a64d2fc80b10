import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, DEFAULT_RATING_SCALE } from '@/lib/ratings';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedProposal, seedUser, selectorsFor, type SeededUser } from './helpers/seed';

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Fixture = {
  articleId: number;
  articleSlug: string;
  selectors: ReturnType<typeof selectorsFor>;
  claimId: number;
  claimVersion: number;
  annotationId: number;
  annotationVersion: number;
  verdictId: number;
  verdictVersion: number;
};

/** One valid call per procedure under test, so a refusal can only come from the gate. */
function everyCall(f: Fixture): Record<string, (caller: Caller) => Promise<unknown>> {
  return {
    'claims.create': (c) =>
      c.claims.create({ articleId: f.articleId, selectors: f.selectors, statement: 'A gated statement', claimant: 'Someone' }),
    'claims.update': (c) => c.claims.update({ claimId: f.claimId, version: f.claimVersion, tags: ['gated'] }),
    'claims.listByArticle': (c) => c.claims.listByArticle({ articleId: f.articleId }),
    'claims.detail': (c) => c.claims.detail({ claimId: f.claimId }),
    'claims.setChecklistItem': (c) => c.claims.setChecklistItem({ claimId: f.claimId, itemKey: 'original-source', isChecked: true }),
    'claims.setFollowing': (c) => c.claims.setFollowing({ claimId: f.claimId, isFollowing: true }),
    'annotations.create': (c) => c.annotations.create({ claimId: f.claimId, kind: 'note', body: 'Gated note' }),
    'annotations.update': (c) => c.annotations.update({ annotationId: f.annotationId, version: f.annotationVersion, body: 'Edited' }),
    'annotations.delete': (c) => c.annotations.delete({ annotationId: f.annotationId, version: f.annotationVersion }),
    'annotations.setHidden': (c) => c.annotations.setHidden({ annotationId: f.annotationId, isHidden: true }),
    'verdicts.propose': (c) =>
      c.verdicts.propose({
        claimId: f.claimId,
        claimVersion: f.claimVersion,
        ratingKey: 'true',
        summary: 'A gated summary here.',
        ruling: 'A gated ruling that is long enough to pass.',
        sources: [{ url: 'https://example.org/a', title: 'A' }],
      }),
    'verdicts.withdraw': (c) => c.verdicts.withdraw({ verdictId: f.verdictId, version: f.verdictVersion }),
    'desk.dashboard': (c) => c.desk.dashboard(),
    'desk.staff': (c) => c.desk.staff(),
    'desk.settings': (c) => c.desk.settings(),
    'desk.updateChecklist': (c) => c.desk.updateChecklist({ items: DEFAULT_CHECKLIST, expectedVersion: null }),
    'desk.updateRatingScale': (c) => c.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: null }),
    'articles.workspace': (c) => c.articles.workspace({ slug: f.articleSlug }),
    'articles.previewImport': (c) => c.articles.previewImport({ kind: 'text', text: 'A title\n\nA paragraph of the article.' }),
    'articles.import': (c) => c.articles.import({ title: 'Gated import', paragraphs: ['A paragraph.'] }),
  };
}

async function codeOf(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ok',
    (error: unknown) => (error as { code?: string }).code ?? String(error),
  );
}

describe.each(testDialects())('role gates of the claim desk on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  let fixture: Fixture;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  async function seedFixture(owner: SeededUser): Promise<Fixture> {
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, owner.actor);
    const annotation = await (await callerFor(testDb.db, owner)).annotations.create({ claimId: claim.id, kind: 'note', body: 'Note' });
    const proposed = await seedClaim(testDb.db, article, owner.actor, { start: 5, end: 15 });
    const { verdictId, verdictVersion } = await seedProposal(testDb.db, proposed.id, owner.actor);
    return {
      articleId: article.id,
      articleSlug: article.slug,
      selectors: selectorsFor(article, 'Second paragraph'),
      claimId: claim.id,
      claimVersion: claim.version,
      annotationId: annotation.id,
      annotationVersion: annotation.version,
      verdictId,
      verdictVersion,
    };
  }

  beforeAll(async () => {
    fixture = await seedFixture(reviewer);
  });

  it('answers UNAUTHORIZED to anonymous callers for every procedure, and changes nothing', async () => {
    const anonymous = await callerFor(testDb.db, null);
    const outcomes: Record<string, string> = {};
    for (const [name, call] of Object.entries(everyCall(fixture))) outcomes[name] = await codeOf(call(anonymous));
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((name) => [name, 'UNAUTHORIZED'])));
    const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: fixture.claimId });
    expect(detail.claim.version).toBe(fixture.claimVersion);
    expect(detail.annotations.map((a) => [a.version, a.isHidden])).toEqual([[fixture.annotationVersion, false]]);
  });

  it('answers UNAUTHORIZED to a deactivated user for every procedure, even an admin', async () => {
    for (const role of ['reviewer', 'admin'] as const) {
      const deactivated = await seedUser(testDb.db, role, { isActive: false });
      const caller = await callerFor(testDb.db, deactivated);
      const outcomes: Record<string, string> = {};
      for (const [name, call] of Object.entries(everyCall(fixture))) outcomes[name] = await codeOf(call(caller));
      expect(outcomes).toEqual(Object.fromEntries(Object.keys(outcomes).map((name) => [name, 'UNAUTHORIZED'])));
    }
  });

  it('answers FORBIDDEN to a reviewer hiding an annotation or changing desk settings, and changes nothing', async () => {
    const caller = await callerFor(testDb.db, reviewer);
    const calls = everyCall(fixture);
    for (const name of ['annotations.setHidden', 'desk.updateChecklist', 'desk.updateRatingScale']) {
      expect([name, await codeOf(calls[name]!(caller))]).toEqual([name, 'FORBIDDEN']);
    }
    const settings = await caller.desk.settings();
    expect(settings.versions).toEqual({ ratingScale: null, checklist: null });
    const detail = await caller.claims.detail({ claimId: fixture.claimId });
    expect(detail.annotations[0]?.isHidden).toBe(false);
  });

  it('answers FORBIDDEN to an editor changing desk settings', async () => {
    const editor = await seedUser(testDb.db, 'editor');
    const caller = await callerFor(testDb.db, editor);
    const calls = everyCall(fixture);
    expect(await codeOf(calls['desk.updateChecklist']!(caller))).toBe('FORBIDDEN');
    expect(await codeOf(calls['desk.updateRatingScale']!(caller))).toBe('FORBIDDEN');
  });

  it('lets an active reviewer through every reviewer-level gate', async () => {
    // A fixture of its own, so the writes below do not disturb the other tests.
    const own = await seedFixture(reviewer);
    const caller = await callerFor(testDb.db, reviewer);
    const calls = everyCall(own);
    const reviewerLevel = Object.keys(calls).filter(
      (name) => !['annotations.setHidden', 'desk.updateChecklist', 'desk.updateRatingScale', 'annotations.delete'].includes(name),
    );
    const outcomes: Record<string, string> = {};
    for (const name of reviewerLevel) outcomes[name] = await codeOf(calls[name]!(caller));
    // claims.update bumps the claim version, so the proposal afterwards meets a stale version
    // or an unticked checklist: either way the gate let it through to the rules.
    const { ['verdicts.propose']: propose, ...rest } = outcomes;
    expect(rest).toEqual(Object.fromEntries(Object.keys(rest).map((name) => [name, 'ok'])));
    expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(propose);
  });
});
