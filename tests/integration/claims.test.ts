import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEventsForClaim } from '@/db/queries/audit';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import {
  callerFor,
  canonicalTextOf,
  seedArticle,
  seedClaim,
  seedProposal,
  seedUser,
  selectorsFor,
  type SeededUser,
} from './helpers/seed';

const PARAGRAPHS = [
  'The mayor said that 40 percent of the city roads were repaired in 2023.',
  'Critics say the real number is closer to 12 percent.',
  'The council has not published its own figures.',
];

describe.each(testDialects())('claims on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  async function actionsOf(claimId: number) {
    return (await findAuditEventsForClaim(testDb.db, claimId)).map((e) => e.event.action);
  }

  describe('claims.create', () => {
    it('creates a claim from selectors over the canonical text, across two paragraphs, and audits it', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const exact = 'repaired in 2023.\n\nCritics say';
      const selectors = selectorsFor(article, exact);
      expect(canonicalTextOf(article).slice(selectors.position.start, selectors.position.end)).toBe(exact);

      const caller = await callerFor(testDb.db, reviewer);
      const claim = await caller.claims.create({
        articleId: article.id,
        selectors,
        statement: 'Forty percent of the roads were repaired in 2023.',
        claimant: 'The mayor',
      });
      expect(claim).toMatchObject({
        articleId: article.id,
        status: 'open',
        anchorState: 'exact',
        statement: 'Forty percent of the roads were repaired in 2023.',
        claimant: 'The mayor',
        assigneeId: null,
        annotationCount: 0,
        version: 1,
      });
      expect(claim.selectors.quote.exact).toContain('\n\n');
      expect(claim.selectors.position).toEqual(selectors.position);

      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.context.quote).toBe(exact);
      expect(detail.createdByName).toBe(reviewer.name);
      expect(detail.isFollowing).toBe(true);

      const audit = await findAuditEventsForClaim(testDb.db, claim.id);
      expect(audit.map((e) => [e.event.action, e.event.actorId])).toEqual([['claim.created', reviewer.id]]);
      expect(audit[0]?.event.after).toMatchObject({ quote: exact, claimant: 'The mayor' });
    });

    it('refuses selectors whose position does not hold quote.exact with BAD_REQUEST and writes nothing', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const caller = await callerFor(testDb.db, reviewer);
      const good = selectorsFor(article, 'Critics say');
      const attempts = [
        // Shifted by one character: same length, different words.
        { ...good, position: { ...good.position, start: good.position.start + 1, end: good.position.end + 1 } },
        // A selection joined with a single newline, as if the paragraphs were not separated by a blank line.
        (() => {
          const s = selectorsFor(article, 'in 2023.\n\nCritics');
          return { ...s, quote: { ...s.quote, exact: 'in 2023.\nCritics ' } };
        })(),
        // Past the end of the text.
        {
          quote: { type: 'TextQuoteSelector' as const, exact: 'figures.XX', prefix: '', suffix: '' },
          position: {
            type: 'TextPositionSelector' as const,
            start: canonicalTextOf(article).length - 8,
            end: canonicalTextOf(article).length + 2,
          },
        },
      ];
      for (const selectors of attempts) {
        await expect(
          caller.claims.create({ articleId: article.id, selectors, statement: 'Some statement', claimant: 'Someone' }),
        ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      expect(await caller.claims.listByArticle({ articleId: article.id })).toEqual([]);
    });

    it('answers NOT_FOUND for an unknown article', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.claims.create({
          articleId: 999_999,
          selectors: selectorsFor(article, 'Critics say'),
          statement: 'Some statement',
          claimant: 'Someone',
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.claims.listByArticle({ articleId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.claims.detail({ claimId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('assigns only active users: a deactivated or unknown assignee is BAD_REQUEST', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const colleague = await seedUser(testDb.db, 'reviewer');
      const gone = await seedUser(testDb.db, 'reviewer', { isActive: false });
      const caller = await callerFor(testDb.db, reviewer);
      const input = {
        articleId: article.id,
        selectors: selectorsFor(article, 'real number is closer to 12 percent'),
        statement: 'The real number is 12 percent.',
        claimant: 'Critics',
      };
      await expect(caller.claims.create({ ...input, assigneeId: gone.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(caller.claims.create({ ...input, assigneeId: 999_999 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await caller.claims.listByArticle({ articleId: article.id })).toEqual([]);

      const claim = await caller.claims.create({ ...input, assigneeId: colleague.id });
      expect(claim).toMatchObject({ assigneeId: colleague.id, assigneeName: colleague.name });
      await expect(caller.claims.update({ claimId: claim.id, version: claim.version, assigneeId: gone.id })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      expect((await caller.claims.detail({ claimId: claim.id })).claim).toMatchObject({ assigneeId: colleague.id, version: 1 });
    });
  });

  describe('claims.listByArticle', () => {
    it('lists claims in text order, whatever order they were created in', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const caller = await callerFor(testDb.db, reviewer);
      const quotes = ['has not published', 'Critics say', 'The mayor said'];
      for (const quote of quotes) {
        await caller.claims.create({
          articleId: article.id,
          selectors: selectorsFor(article, quote),
          statement: `Statement on ${quote}`,
          claimant: 'Someone',
        });
      }
      const listed = await caller.claims.listByArticle({ articleId: article.id });
      expect(listed.map((c) => c.selectors.quote.exact)).toEqual(['The mayor said', 'Critics say', 'has not published']);
      const starts = listed.map((c) => c.selectors.position.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      const workspace = await caller.articles.workspace({ slug: article.slug });
      expect(workspace.claims.map((c) => c.id)).toEqual(listed.map((c) => c.id));
      expect(workspace.article.paragraphs).toEqual(PARAGRAPHS);
    });

    it('filters by status and by isAssignedToMe', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const me = await seedUser(testDb.db, 'reviewer');
      const text = canonicalTextOf(article);
      const mine = await seedClaim(testDb.db, article, reviewer.actor, {
        start: text.indexOf('Critics'),
        end: text.indexOf('Critics') + 7,
        assigneeId: me.id,
      });
      const inReview = await seedClaim(testDb.db, article, reviewer.actor, { start: 0, end: 9 });
      const other = await seedClaim(testDb.db, article, reviewer.actor, {
        start: text.indexOf('council'),
        end: text.indexOf('council') + 7,
      });
      await seedProposal(testDb.db, inReview.id, reviewer.actor);

      const caller = await callerFor(testDb.db, me);
      expect((await caller.claims.listByArticle({ articleId: article.id })).map((c) => c.id)).toEqual([inReview.id, mine.id, other.id]);
      expect((await caller.claims.listByArticle({ articleId: article.id, status: 'open' })).map((c) => c.id)).toEqual([
        mine.id,
        other.id,
      ]);
      expect((await caller.claims.listByArticle({ articleId: article.id, status: 'in_review' })).map((c) => c.id)).toEqual([
        inReview.id,
      ]);
      expect(await caller.claims.listByArticle({ articleId: article.id, status: 'published' })).toEqual([]);
      expect((await caller.claims.listByArticle({ articleId: article.id, isAssignedToMe: true })).map((c) => c.id)).toEqual([mine.id]);
      expect(
        await caller.claims.listByArticle({ articleId: article.id, isAssignedToMe: true, status: 'in_review' }),
      ).toEqual([]);
      // The same filter for the reviewer who created them all: nothing is assigned to them.
      expect(await (await callerFor(testDb.db, reviewer)).claims.listByArticle({ articleId: article.id, isAssignedToMe: true })).toEqual(
        [],
      );
    });

    it('counts annotations without the deleted ones', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);
      const first = await caller.annotations.create({ claimId: claim.id, kind: 'note', body: 'First note' });
      await caller.annotations.create({ claimId: claim.id, kind: 'question', body: 'Which roads?' });
      await caller.annotations.create({ claimId: claim.id, kind: 'note', body: 'Third note' });
      expect((await caller.claims.listByArticle({ articleId: article.id }))[0]?.annotationCount).toBe(3);

      await caller.annotations.delete({ annotationId: first.id, version: first.version });
      expect((await caller.claims.listByArticle({ articleId: article.id }))[0]?.annotationCount).toBe(2);
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim.annotationCount).toBe(2);
      expect(detail.annotations).toHaveLength(3);
    });
  });

  describe('claims.update', () => {
    it('edits on the version it read and audits before/after; a stale version gets CONFLICT and changes nothing', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor, { statement: 'Original statement' });
      const caller = await callerFor(testDb.db, reviewer);

      const edited = await caller.claims.update({
        claimId: claim.id,
        version: claim.version,
        statement: 'Edited statement',
        tags: ['Roads', 'roads', ' budget '],
      });
      expect(edited).toMatchObject({ statement: 'Edited statement', tags: ['roads', 'budget'], version: claim.version + 1 });

      const stale = caller.claims.update({ claimId: claim.id, version: claim.version, statement: 'Lost update' });
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ statement: 'Edited statement', version: claim.version + 1 });

      const audit = await findAuditEventsForClaim(testDb.db, claim.id);
      expect(audit.map((e) => e.event.action)).toEqual(['claim.created', 'claim.edited']);
      expect(audit[1]?.event.before).toMatchObject({ statement: 'Original statement' });
      expect(audit[1]?.event.after).toMatchObject({ statement: 'Edited statement', tags: ['roads', 'budget'] });
    });

    it('audits an assignment as claim.assigned and shows the assignee', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const colleague = await seedUser(testDb.db, 'editor');
      const caller = await callerFor(testDb.db, reviewer);
      const updated = await caller.claims.update({ claimId: claim.id, version: claim.version, assigneeId: colleague.id });
      expect(updated).toMatchObject({ assigneeId: colleague.id, assigneeName: colleague.name });
      expect(await actionsOf(claim.id)).toEqual(['claim.created', 'claim.assigned']);
      expect((await (await callerFor(testDb.db, colleague)).claims.detail({ claimId: claim.id })).isFollowing).toBe(true);
    });

    it('locks the statement and claimant while in review (PRECONDITION_FAILED) but not the tags', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor, { statement: 'Locked statement' });
      const { claimVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);

      await expect(caller.claims.update({ claimId: claim.id, version: claimVersion, statement: 'Changed meanwhile' })).rejects.toMatchObject(
        { code: 'PRECONDITION_FAILED' },
      );
      await expect(caller.claims.update({ claimId: claim.id, version: claimVersion, claimant: 'Somebody else' })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ statement: 'Locked statement', claimant: 'A. Claimant', status: 'in_review', version: claimVersion });

      const tagged = await caller.claims.update({ claimId: claim.id, version: claimVersion, tags: ['infrastructure'] });
      expect(tagged).toMatchObject({ tags: ['infrastructure'], status: 'in_review', statement: 'Locked statement' });
    });

    it('answers NOT_FOUND for an unknown claim', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      await expect(caller.claims.update({ claimId: 999_999, version: 1, statement: 'Whatever it is' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('claims.setChecklistItem and claims.setFollowing', () => {
    it('ticks and unticks an item, bumps the version and audits both', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);
      const ticked = await caller.claims.setChecklistItem({ claimId: claim.id, itemKey: 'original-source', isChecked: true });
      expect(ticked.find((i) => i.key === 'original-source')?.isChecked).toBe(true);
      expect(ticked.filter((i) => i.isChecked)).toHaveLength(1);
      const unticked = await caller.claims.setChecklistItem({ claimId: claim.id, itemKey: 'original-source', isChecked: false });
      expect(unticked.every((i) => !i.isChecked)).toBe(true);
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim.version).toBe(claim.version + 2);
      expect(await actionsOf(claim.id)).toEqual(['claim.created', 'checklist.checked', 'checklist.unchecked']);
    });

    it('refuses an unknown checklist key with BAD_REQUEST and an unknown claim with NOT_FOUND', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);
      await expect(caller.claims.setChecklistItem({ claimId: claim.id, itemKey: 'no-such-item', isChecked: true })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('no-such-item'),
      });
      await expect(
        caller.claims.setChecklistItem({ claimId: 999_999, itemKey: 'original-source', isChecked: true }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await caller.claims.detail({ claimId: claim.id })).claim.version).toBe(claim.version);
      expect(await actionsOf(claim.id)).toEqual(['claim.created']);
    });

    it('closes the checklist once a claim is dismissed (PRECONDITION_FAILED)', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const editor = await seedUser(testDb.db, 'editor');
      await (await callerFor(testDb.db, editor)).verdicts.dismissClaim({
        claimId: claim.id,
        version: claim.version,
        reason: 'An opinion, not a checkable fact.',
      });
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.claims.setChecklistItem({ claimId: claim.id, itemKey: 'original-source', isChecked: true }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
      expect((await caller.claims.detail({ claimId: claim.id })).checklist.every((i) => !i.isChecked)).toBe(true);
    });

    it('follows and unfollows a claim', async () => {
      const article = await seedArticle(testDb.db, { paragraphs: PARAGRAPHS });
      const claim = await seedClaim(testDb.db, article, reviewer.actor);
      const other = await seedUser(testDb.db, 'reviewer');
      const caller = await callerFor(testDb.db, other);
      expect((await caller.claims.detail({ claimId: claim.id })).isFollowing).toBe(false);
      expect(await caller.claims.setFollowing({ claimId: claim.id, isFollowing: true })).toEqual({ isFollowing: true });
      expect(await caller.claims.setFollowing({ claimId: claim.id, isFollowing: true })).toEqual({ isFollowing: true });
      expect((await caller.claims.detail({ claimId: claim.id })).isFollowing).toBe(true);
      await caller.claims.setFollowing({ claimId: claim.id, isFollowing: false });
      expect((await caller.claims.detail({ claimId: claim.id })).isFollowing).toBe(false);
      await expect(caller.claims.setFollowing({ claimId: 999_999, isFollowing: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
