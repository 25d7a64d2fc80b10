import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findAuditEventsForClaim, findAuditEventsForEntity } from '@/db/queries/audit';
import { findEventsAfter, findLatestEventId } from '@/db/queries/events';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedProposal, seedUser, selectorsFor, type SeededUser } from './helpers/seed';

const ORIGINAL = [
  'Officials in Riverton said on Tuesday that the new bridge will open in March, two months later than planned by the city.',
  'The mayor said that fourty percent of the city roads were repaired in 2023, a record for the region.',
  'Critics say the real number is closer to 12 percent.',
  'The council spokesperson added that no figures would be released before the election.',
  'Residents can comment on the plans until the end of the month.',
];

// The publisher adds an editor's note, fixes the typo and cuts the spokesperson's sentence.
const REVISED = [
  ORIGINAL[0]!,
  'Editor’s note: an earlier version of this article misspelled a figure.',
  'The mayor said that forty percent of the city roads were repaired in 2023, a record for the region.',
  ORIGINAL[2]!,
  ORIGINAL[4]!,
];

const QUOTES = {
  exact: 'the new bridge will open in March',
  fuzzy: 'The mayor said that fourty percent of the city roads were repaired in 2023',
  moved: 'Critics say the real number is closer to 12 percent',
  orphan: 'no figures would be released before the election',
};

describe.each(testDialects())('article revisions on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  let editor: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
    editor = await seedUser(testDb.db, 'editor');
  });
  afterAll(() => testDb.dispose());

  /** An article with one claim per quote; the orphan-to-be is published, with a note in its discussion. */
  async function seedDesk() {
    const { db } = testDb;
    const article = await seedArticle(db, { paragraphs: ORIGINAL, title: 'Riverton roads', dek: 'A standfirst.' });
    const caller = await callerFor(db, reviewer);
    const claims: Record<keyof typeof QUOTES, { id: number; slug: string; version: number }> = {} as never;
    for (const [key, quote] of Object.entries(QUOTES) as [keyof typeof QUOTES, string][]) {
      claims[key] = await caller.claims.create({
        articleId: article.id,
        selectors: selectorsFor(article, quote),
        statement: `Statement: ${quote}`,
        claimant: 'Someone',
      });
    }
    await caller.annotations.create({ claimId: claims.orphan.id, kind: 'note', body: 'Spokesperson confirmed by phone.' });
    const proposal = await seedProposal(db, claims.orphan.id, reviewer.actor);
    await (await callerFor(db, editor)).verdicts.approve({ verdictId: proposal.verdictId, version: proposal.verdictVersion });
    return { article, claims, caller };
  }

  async function claimOf(claimId: number) {
    return (await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId })).claim;
  }

  it('stores a revision and re-anchors each claim: exact, moved, fuzzy after a typo fix, orphan keeping its quote', async () => {
    const { article, claims, caller } = await seedDesk();
    const before = Object.fromEntries(
      await Promise.all(Object.entries(claims).map(async ([key, c]) => [key, await claimOf(c.id)] as const)),
    );
    const cursor = await findLatestEventId(testDb.db);

    const result = await caller.articles.revise({
      articleId: article.id,
      version: article.version,
      title: 'Riverton roads (updated)',
      dek: 'A standfirst.',
      paragraphs: REVISED,
    });
    expect(result.revisionNumber).toBe(2);
    expect(result.anchorCounts).toEqual({ exact: 1, moved: 1, fuzzy: 1, orphan: 1 });
    expect(result.article).toMatchObject({
      id: article.id,
      title: 'Riverton roads (updated)',
      paragraphs: REVISED,
      revisionNumber: 2,
      version: article.version + 1,
    });

    const text = REVISED.join('\n\n');
    const exact = await claimOf(claims.exact.id);
    expect(exact).toMatchObject({ anchorState: 'exact', version: before.exact!.version, selectors: before.exact!.selectors });

    const moved = await claimOf(claims.moved.id);
    expect(moved.anchorState).toBe('moved');
    expect(moved.version).toBe(before.moved!.version + 1);
    expect(moved.selectors.quote.exact).toBe(QUOTES.moved);
    expect(moved.selectors.position.start).toBe(text.indexOf(QUOTES.moved));
    expect(moved.selectors.position.start).not.toBe(before.moved!.selectors.position.start);

    const fuzzy = await claimOf(claims.fuzzy.id);
    expect(fuzzy.anchorState).toBe('fuzzy');
    expect(fuzzy.selectors.quote.exact).toBe(QUOTES.fuzzy.replace('fourty', 'forty'));
    expect(text.slice(fuzzy.selectors.position.start, fuzzy.selectors.position.end)).toBe(fuzzy.selectors.quote.exact);

    const orphan = await claimOf(claims.orphan.id);
    expect(orphan.anchorState).toBe('orphan');
    expect(orphan.selectors).toEqual(before.orphan!.selectors);
    expect(orphan.selectors.quote.exact).toBe(QUOTES.orphan);
    expect(orphan.status).toBe('published');

    // Readers still see the published fact-check with its quote, shown as no longer in the article.
    const anonymous = await callerFor(testDb.db, null);
    expect((await anonymous.public.factCheck({ slug: claims.orphan.slug })).quote).toBe(QUOTES.orphan);
    const publicArticle = await anonymous.public.article({ slug: article.slug });
    expect(publicArticle.paragraphs).toEqual(REVISED);
    expect(publicArticle.factChecks).toEqual([expect.objectContaining({ slug: claims.orphan.slug, isAnchored: false })]);

    // Audit: one event for the article, one per claim whose anchor changed.
    const articleAudit = await findAuditEventsForEntity(testDb.db, 'article', article.id);
    expect(articleAudit.map((e) => [e.action, e.actorId])).toEqual([
      ['article.imported', null],
      ['article.revised', reviewer.id],
    ]);
    expect(articleAudit[1]).toMatchObject({
      before: { revisionNumber: 1 },
      after: { revisionNumber: 2, anchorCounts: { exact: 1, moved: 1, fuzzy: 1, orphan: 1 } },
    });
    const reanchored = async (claimId: number) =>
      (await findAuditEventsForClaim(testDb.db, claimId)).filter((e) => e.event.action === 'claim.reanchored').map((e) => e.event);
    expect(await reanchored(claims.exact.id)).toEqual([]);
    const [movedAudit] = await reanchored(claims.moved.id);
    expect(movedAudit).toMatchObject({
      actorId: reviewer.id,
      before: { anchorState: 'exact', selectors: before.moved!.selectors },
      after: { anchorState: 'moved', selectors: moved.selectors },
    });
    const [orphanAudit] = await reanchored(claims.orphan.id);
    expect(orphanAudit).toMatchObject({ before: { anchorState: 'exact' }, after: { anchorState: 'orphan', selectors: before.orphan!.selectors } });
    expect(await reanchored(claims.fuzzy.id)).toHaveLength(1);

    // Live events: claim.edited per re-anchored claim, then article.revised, last.
    const events = (await findEventsAfter(testDb.db, { afterId: cursor, articleId: article.id, limit: 100 })).map((r) => r.event);
    expect(events.map((e) => e.type)).toEqual(['claim.edited', 'claim.edited', 'claim.edited', 'article.revised']);
    expect(new Set(events.slice(0, 3).map((e) => e.claimId))).toEqual(new Set([claims.moved.id, claims.fuzzy.id, claims.orphan.id]));
    expect(events[3]).toMatchObject({ claimId: null, actorId: reviewer.id });
  });

  it('keeps every revision viewable and lists them newest first', async () => {
    const { article, caller } = await seedDesk();
    await caller.articles.revise({ articleId: article.id, version: article.version, title: 'Second title', dek: null, paragraphs: REVISED });

    const revisions = await caller.articles.revisions({ articleId: article.id });
    expect(revisions).toEqual([
      {
        revisionNumber: 2,
        title: 'Second title',
        createdAt: expect.any(Date),
        createdByName: reviewer.name,
        paragraphCount: REVISED.length,
        characterCount: REVISED.join('\n\n').length,
      },
      {
        revisionNumber: 1,
        title: 'Riverton roads',
        createdAt: expect.any(Date),
        createdByName: null,
        paragraphCount: ORIGINAL.length,
        characterCount: ORIGINAL.join('\n\n').length,
      },
    ]);
    expect(await caller.articles.revision({ articleId: article.id, revisionNumber: 1 })).toEqual({
      revisionNumber: 1,
      title: 'Riverton roads',
      dek: 'A standfirst.',
      paragraphs: ORIGINAL,
      createdAt: expect.any(Date),
    });
    expect(await caller.articles.revision({ articleId: article.id, revisionNumber: 2 })).toMatchObject({ dek: null, paragraphs: REVISED });
  });

  it('diffs two revisions paragraph by paragraph and marks the claims in changed or removed paragraphs', async () => {
    const { article, claims, caller } = await seedDesk();
    await caller.articles.revise({ articleId: article.id, version: article.version, title: 'Riverton roads', dek: 'A standfirst.', paragraphs: REVISED });

    const diff = await caller.articles.revisionDiff({ articleId: article.id, from: 1, to: 2 });
    expect(diff.from).toMatchObject({ revisionNumber: 1 });
    expect(diff.to).toMatchObject({ revisionNumber: 2 });
    expect(diff.ops.map((op) => [op.kind, op.beforeIndex, op.afterIndex, op.claimIds])).toEqual([
      ['same', 0, 0, []],
      ['added', null, 1, []],
      ['changed', 1, 2, [claims.fuzzy.id]],
      ['same', 2, 3, []],
      ['removed', 3, null, [claims.orphan.id]],
      ['same', 4, 4, []],
    ]);
    expect(diff.ops[2]).toMatchObject({ before: ORIGINAL[1], after: REVISED[2] });
    expect(diff.affectedClaims.map((c) => [c.id, c.anchorState]).sort()).toEqual(
      [
        [claims.fuzzy.id, 'fuzzy'],
        [claims.orphan.id, 'orphan'],
      ].sort(),
    );

    // Towards an older revision the claims are found by their quotes.
    const backwards = await caller.articles.revisionDiff({ articleId: article.id, from: 2, to: 1 });
    const changed = backwards.ops.find((op) => op.kind === 'changed');
    expect(changed).toMatchObject({ beforeIndex: 2, afterIndex: 1, claimIds: [claims.fuzzy.id] });
  });

  it('re-attaches the orphan by hand to words of the current text; its discussion stays', async () => {
    const { article, claims, caller } = await seedDesk();
    const revised = await caller.articles.revise({
      articleId: article.id,
      version: article.version,
      title: 'Riverton roads',
      dek: 'A standfirst.',
      paragraphs: REVISED,
    });
    const orphan = await claimOf(claims.orphan.id);
    const selectors = selectorsFor(revised.article, 'Residents can comment on the plans');

    // Words that are not at that place in the current text are refused.
    const wrong = { ...selectors, quote: { ...selectors.quote, exact: 'Residents can comment on the plant' } };
    await expect(caller.claims.reattach({ claimId: orphan.id, version: orphan.version, selectors: wrong })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller.claims.reattach({ claimId: orphan.id, version: orphan.version - 1, selectors })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { details: { current: { id: orphan.id, version: orphan.version } } },
    });
    await expect(caller.claims.reattach({ claimId: 999_999, version: 1, selectors })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const cursor = await findLatestEventId(testDb.db);
    const reattached = await caller.claims.reattach({ claimId: orphan.id, version: orphan.version, selectors });
    expect(reattached).toMatchObject({ id: orphan.id, anchorState: 'exact', version: orphan.version + 1, selectors, annotationCount: 1 });

    const detail = await caller.claims.detail({ claimId: orphan.id });
    expect(detail.annotations.map((a) => a.body)).toEqual(['Spokesperson confirmed by phone.']);
    expect(detail.context.quote).toBe('Residents can comment on the plans');
    const audit = (await findAuditEventsForClaim(testDb.db, orphan.id)).map((e) => e.event);
    expect(audit.at(-1)).toMatchObject({
      action: 'claim.reattached',
      actorId: reviewer.id,
      before: { anchorState: 'orphan', selectors: orphan.selectors },
      after: { anchorState: 'exact', anchorScore: 1, selectors },
    });
    const events = await findEventsAfter(testDb.db, { afterId: cursor, articleId: article.id, limit: 10 });
    expect(events.map((r) => [r.event.type, r.event.claimId])).toEqual([['claim.edited', orphan.id]]);
  });

  it('refuses a stale article version with CONFLICT and the current article, storing nothing', async () => {
    const { article, caller } = await seedDesk();
    const input = { articleId: article.id, title: 'Riverton roads', dek: 'A standfirst.', paragraphs: REVISED };
    await caller.articles.revise({ ...input, version: article.version });
    const cursor = await findLatestEventId(testDb.db);
    await expect(caller.articles.revise({ ...input, version: article.version, paragraphs: ORIGINAL })).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { details: { current: { id: article.id, version: article.version + 1, revisionNumber: 2 }, changedBy: reviewer.name } },
    });
    expect(await caller.articles.revisions({ articleId: article.id })).toHaveLength(2);
    expect((await caller.articles.bySlug({ slug: article.slug })).paragraphs).toEqual(REVISED);
    expect(await findEventsAfter(testDb.db, { afterId: cursor, articleId: article.id, limit: 10 })).toEqual([]);
  });

  it('re-anchors annotations that point at their own passage, and keeps an orphaned one\'s quote', async () => {
    const { db } = testDb;
    const { updateAnnotationIfVersion } = await import('@/db/queries/annotations');
    const article = await seedArticle(db, { paragraphs: ORIGINAL });
    const caller = await callerFor(db, reviewer);
    const claim = await caller.claims.create({
      articleId: article.id,
      selectors: selectorsFor(article, QUOTES.exact),
      statement: 'The bridge opens in March.',
      claimant: 'Officials',
    });
    // No procedure anchors annotations yet; the columns are set as a future one would.
    const anchored = async (quote: string) => {
      const note = await caller.annotations.create({ claimId: claim.id, kind: 'note', body: `On ${quote}` });
      await updateAnnotationIfVersion(db, note.id, note.version, {
        selectors: selectorsFor(article, quote),
        anchorState: 'exact',
        anchorScore: 1,
      });
      return note.id;
    };
    const movedId = await anchored(QUOTES.moved);
    const orphanId = await anchored(QUOTES.orphan);
    const cursor = await findLatestEventId(db);
    await caller.articles.revise({ articleId: article.id, version: article.version, title: article.title, dek: article.dek, paragraphs: REVISED });

    const { findAnnotationById } = await import('@/db/queries/annotations');
    const moved = await findAnnotationById(db, movedId);
    expect(moved).toMatchObject({ anchorState: 'moved', version: 3 });
    expect(moved!.selectors!.position.start).toBe(REVISED.join('\n\n').indexOf(QUOTES.moved));
    const orphan = await findAnnotationById(db, orphanId);
    expect(orphan).toMatchObject({ anchorState: 'orphan', selectors: selectorsFor(article, QUOTES.orphan) });
    expect((await findAuditEventsForEntity(db, 'annotation', movedId)).map((e) => e.action)).toContain('annotation.reanchored');
    const events = (await findEventsAfter(db, { afterId: cursor, articleId: article.id, limit: 10 })).map((r) => r.event.type);
    expect(events).toEqual(['annotation.edited', 'annotation.edited', 'article.revised']);
  });

  it('validates the new text as an import is validated', async () => {
    const article = await seedArticle(testDb.db, { paragraphs: ORIGINAL });
    const caller = await callerFor(testDb.db, reviewer);
    const valid = { articleId: article.id, version: article.version, title: 'T', dek: null, paragraphs: REVISED };
    for (const input of [
      { ...valid, paragraphs: [] },
      { ...valid, paragraphs: ['Fine.', '   '] },
      { ...valid, title: '  ' },
      { ...valid, paragraphs: Array.from({ length: 21 }, () => 'y'.repeat(100_000)) },
    ]) {
      await expect(caller.articles.revise(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await caller.articles.revisions({ articleId: article.id })).toHaveLength(1);
  });

  it('refuses a revision identical to the current text with BAD_REQUEST', async () => {
    const article = await seedArticle(testDb.db, { paragraphs: ORIGINAL, title: 'Same text', dek: 'Dek.' });
    const caller = await callerFor(testDb.db, reviewer);
    await expect(
      caller.articles.revise({ articleId: article.id, version: article.version, title: 'Same text', dek: 'Dek.', paragraphs: ORIGINAL }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('identical') });
    // Surrounding whitespace is trimmed by validation, so it does not make a new revision either.
    await expect(
      caller.articles.revise({
        articleId: article.id,
        version: article.version,
        title: ' Same text ',
        dek: 'Dek.',
        paragraphs: ORIGINAL.map((p) => `${p} `),
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await caller.articles.revisions({ articleId: article.id })).toHaveLength(1);
    // A new headline alone is a revision.
    const retitled = await caller.articles.revise({
      articleId: article.id,
      version: article.version,
      title: 'New headline',
      dek: 'Dek.',
      paragraphs: ORIGINAL,
    });
    expect(retitled).toMatchObject({ revisionNumber: 2, anchorCounts: { exact: 0, moved: 0, fuzzy: 0, orphan: 0 } });
  });

  it('answers NOT_FOUND for unknown articles and revisions', async () => {
    const article = await seedArticle(testDb.db);
    const caller = await callerFor(testDb.db, reviewer);
    await expect(
      caller.articles.revise({ articleId: 999_999, version: 1, title: 'T', dek: null, paragraphs: ['P.'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.revisions({ articleId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.revision({ articleId: article.id, revisionNumber: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.revision({ articleId: 999_999, revisionNumber: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.revisionDiff({ articleId: article.id, from: 1, to: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller.articles.revisionDiff({ articleId: 999_999, from: 1, to: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for signed-in staff only: anonymous callers get UNAUTHORIZED', async () => {
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, reviewer.actor);
    const anonymous = await callerFor(testDb.db, null);
    const unauthorized = { code: 'UNAUTHORIZED' };
    await expect(
      anonymous.articles.revise({ articleId: article.id, version: article.version, title: 'T', dek: null, paragraphs: ['Changed.'] }),
    ).rejects.toMatchObject(unauthorized);
    await expect(anonymous.articles.revisions({ articleId: article.id })).rejects.toMatchObject(unauthorized);
    await expect(anonymous.articles.revision({ articleId: article.id, revisionNumber: 1 })).rejects.toMatchObject(unauthorized);
    await expect(anonymous.articles.revisionDiff({ articleId: article.id, from: 1, to: 1 })).rejects.toMatchObject(unauthorized);
    await expect(
      anonymous.claims.reattach({ claimId: claim.id, version: claim.version, selectors: claim.selectors }),
    ).rejects.toMatchObject(unauthorized);
    expect((await (await callerFor(testDb.db, reviewer)).articles.bySlug({ slug: article.slug })).revisionNumber).toBe(1);
  });

  it('leaves no half state when the revision fails part-way through its transaction', async () => {
    const { db } = testDb;
    const { article, claims, caller } = await seedDesk();
    const movedBefore = await claimOf(claims.moved.id);
    // A stray row holding revision 2 makes storing the revision fail, after the article text
    // and the claims' anchors have been rewritten in the same transaction.
    await db.q.insert(db.t.articleRevisions).values({
      articleId: article.id,
      revisionNumber: 2,
      title: 'Stray',
      dek: null,
      paragraphs: ['Stray.'],
      createdById: null,
    });
    const cursor = await findLatestEventId(db);
    // The server logs the internal error (with its request id); keep it out of the test output.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        caller.articles.revise({ articleId: article.id, version: article.version, title: 'Riverton roads', dek: null, paragraphs: REVISED }),
      ).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expect(logged.mock.calls.map((args) => String(args[0]))).toContainEqual(expect.stringMatching(/^\[trpc\] request \S+ articles\.revise failed/));
    } finally {
      logged.mockRestore();
    }

    expect(await caller.articles.bySlug({ slug: article.slug })).toMatchObject({
      paragraphs: ORIGINAL,
      revisionNumber: 1,
      version: article.version,
    });
    expect(await claimOf(claims.moved.id)).toEqual(movedBefore);
    expect((await claimOf(claims.orphan.id)).anchorState).toBe('exact');
    const actions = (await findAuditEventsForClaim(db, claims.moved.id)).map((e) => e.event.action);
    expect(actions).not.toContain('claim.reanchored');
    expect((await findAuditEventsForEntity(db, 'article', article.id)).map((e) => e.action)).toEqual(['article.imported']);
    expect(await findEventsAfter(db, { afterId: cursor, articleId: article.id, limit: 10 })).toEqual([]);
  });
});
