import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findAuditEventsForClaim } from '@/db/queries/audit';
import { DEFAULT_CHECKLIST, DEFAULT_RATING_SCALE } from '@/lib/ratings';
import { createTestDb, testDialects, type TestDb, type TestDialect } from './helpers/databases';
import {
  callerFor,
  restoreDeskDefaults,
  seedArticle,
  seedClaim,
  seedProposal,
  seedUser,
  type SeededUser,
} from './helpers/seed';

const PROPOSAL = {
  summary: 'The figure is not supported by the records.',
  ruling: 'The council records show far fewer repairs than the mayor said, so the claim is mostly false.',
  sources: [{ url: 'https://example.org/records', title: 'Council records' }],
};

async function actionsOf(testDb: TestDb, claimId: number) {
  return (await findAuditEventsForClaim(testDb.db, claimId)).map((e) => e.event.action);
}

/** Ticks the given checklist items through the API and returns the claim's current version. */
async function tick(testDb: TestDb, user: SeededUser, claimId: number, keys: string[]) {
  const caller = await callerFor(testDb.db, user);
  for (const itemKey of keys) await caller.claims.setChecklistItem({ claimId, itemKey, isChecked: true });
  return (await caller.claims.detail({ claimId })).claim.version;
}

const ALL_ITEMS = DEFAULT_CHECKLIST.map((i) => i.key);

describe.each(testDialects())('verdict proposals on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  async function openClaim() {
    const article = await seedArticle(testDb.db);
    return seedClaim(testDb.db, article, reviewer.actor);
  }

  describe('the checklist rule', () => {
    it('refuses a proposal while a required item is unchecked, naming the item, and changes nothing', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ['original-source', 'context-checked']);
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.verdicts.propose({ claimId: claim.id, claimVersion: version, ratingKey: 'false', ...PROPOSAL }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Claimant contacted') });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ status: 'open', version });
      expect(detail.verdicts).toEqual([]);
      expect(await actionsOf(testDb, claim.id)).not.toContain('verdict.proposed');
    });

    it('names every missing required item when none is ticked', async () => {
      const claim = await openClaim();
      const caller = await callerFor(testDb.db, reviewer);
      const error = await caller.verdicts
        .propose({ claimId: claim.id, claimVersion: claim.version, ratingKey: 'false', ...PROPOSAL })
        .catch((e: unknown) => e as { code: string; message: string });
      expect(error).toMatchObject({ code: 'PRECONDITION_FAILED' });
      for (const item of DEFAULT_CHECKLIST) expect((error as { message: string }).message).toContain(item.label);
    });

    it('lets the proposal through once every required item is ticked; the claim goes in review', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      const caller = await callerFor(testDb.db, reviewer);
      const result = await caller.verdicts.propose({ claimId: claim.id, claimVersion: version, ratingKey: 'mostly-false', ...PROPOSAL });
      expect(result).toMatchObject({ claimStatus: 'in_review', claimVersion: version + 1 });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim.status).toBe('in_review');
      expect(detail.checklist.every((i) => i.isChecked)).toBe(true);
    });

    it('blocks the proposal again when a ticked item is unticked', async () => {
      const claim = await openClaim();
      await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      const caller = await callerFor(testDb.db, reviewer);
      await caller.claims.setChecklistItem({ claimId: claim.id, itemKey: 'context-checked', isChecked: false });
      const { version } = (await caller.claims.detail({ claimId: claim.id })).claim;
      await expect(
        caller.verdicts.propose({ claimId: claim.id, claimVersion: version, ratingKey: 'true', ...PROPOSAL }),
      ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('Context checked') });
    });
  });

  describe('verdicts.propose', () => {
    it('records the rating label and value from the scale, the proposer, and an audit event', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      const caller = await callerFor(testDb.db, reviewer);
      const { verdictId } = await caller.verdicts.propose({
        claimId: claim.id,
        claimVersion: version,
        ratingKey: 'mostly-false',
        ...PROPOSAL,
      });
      const detail = await caller.claims.detail({ claimId: claim.id });
      const expected = DEFAULT_RATING_SCALE.find((r) => r.key === 'mostly-false')!;
      expect(detail.verdicts).toHaveLength(1);
      expect(detail.verdicts[0]).toMatchObject({
        id: verdictId,
        versionNumber: 1,
        status: 'pending',
        ratingKey: 'mostly-false',
        ratingLabel: expected.label,
        ratingValue: expected.value,
        summary: PROPOSAL.summary,
        sources: PROPOSAL.sources,
        correctionNote: null,
        proposedById: reviewer.id,
        proposerName: reviewer.name,
      });
      const audit = await findAuditEventsForClaim(testDb.db, claim.id);
      const proposed = audit.find((e) => e.event.action === 'verdict.proposed');
      expect(proposed?.event).toMatchObject({ actorId: reviewer.id, entityType: 'verdict', entityId: verdictId });
      expect(proposed?.event.after).toMatchObject({ claimStatus: 'in_review', rating: expected.label });
    });

    it('refuses a rating key that is not on the scale with BAD_REQUEST', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.verdicts.propose({ claimId: claim.id, claimVersion: version, ratingKey: 'pants-on-fire', ...PROPOSAL }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('pants-on-fire') });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ status: 'open', version });
      expect(detail.verdicts).toEqual([]);
    });

    it('refuses a stale claim version with CONFLICT and writes no verdict', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      expect(version).toBeGreaterThan(claim.version);
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.verdicts.propose({ claimId: claim.id, claimVersion: claim.version, ratingKey: 'true', ...PROPOSAL }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ status: 'open', version });
      expect(detail.verdicts).toEqual([]);
      expect(await actionsOf(testDb, claim.id)).not.toContain('verdict.proposed');
    });

    it('refuses a second proposal while one is pending with PRECONDITION_FAILED', async () => {
      const claim = await openClaim();
      const { claimVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
      const colleague = await seedUser(testDb.db, 'reviewer');
      for (const who of [reviewer, colleague]) {
        await expect(
          (await callerFor(testDb.db, who)).verdicts.propose({ claimId: claim.id, claimVersion, ratingKey: 'true', ...PROPOSAL }),
        ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
      }
      const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
      expect(detail.verdicts.map((v) => v.status)).toEqual(['pending']);
      expect(detail.claim.version).toBe(claimVersion);
    });

    it('refuses invalid proposals (no source, a javascript: source URL, a short ruling) with BAD_REQUEST', async () => {
      const claim = await openClaim();
      const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
      const caller = await callerFor(testDb.db, reviewer);
      const base = { claimId: claim.id, claimVersion: version, ratingKey: 'true', ...PROPOSAL };
      for (const input of [
        { ...base, sources: [] },
        { ...base, sources: [{ url: 'javascript:alert(1)', title: 'Evil' }] },
        { ...base, ruling: 'Too short.' },
      ]) {
        await expect(caller.verdicts.propose(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      expect((await caller.claims.detail({ claimId: claim.id })).verdicts).toEqual([]);
    });

    it('answers NOT_FOUND for an unknown claim', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      await expect(
        caller.verdicts.propose({ claimId: 999_999, claimVersion: 1, ratingKey: 'true', ...PROPOSAL }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('verdicts.withdraw', () => {
    it('is refused for anyone but the proposer (FORBIDDEN), editors included', async () => {
      const claim = await openClaim();
      const { verdictId, verdictVersion, claimVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
      const colleague = await seedUser(testDb.db, 'reviewer');
      const editor = await seedUser(testDb.db, 'editor');
      for (const who of [colleague, editor]) {
        await expect((await callerFor(testDb.db, who)).verdicts.withdraw({ verdictId, version: verdictVersion })).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      }
      const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
      expect(detail.claim).toMatchObject({ status: 'in_review', version: claimVersion });
      expect(detail.verdicts[0]?.status).toBe('pending');
    });

    it('by the proposer puts the claim back to open and audits it; a new proposal is then possible', async () => {
      const claim = await openClaim();
      const { verdictId, verdictVersion, claimVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);
      const result = await caller.verdicts.withdraw({ verdictId, version: verdictVersion });
      expect(result).toEqual({ claimStatus: 'open', claimVersion: claimVersion + 1 });
      const detail = await caller.claims.detail({ claimId: claim.id });
      expect(detail.claim.status).toBe('open');
      expect(detail.verdicts.map((v) => [v.id, v.status])).toEqual([[verdictId, 'withdrawn']]);
      expect((await actionsOf(testDb, claim.id)).slice(-2)).toEqual(['verdict.proposed', 'verdict.withdrawn']);

      await expect(caller.verdicts.withdraw({ verdictId, version: verdictVersion + 1 })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
      });
      const again = await caller.verdicts.propose({
        claimId: claim.id,
        claimVersion: result.claimVersion,
        ratingKey: 'half-true',
        ...PROPOSAL,
      });
      expect(again.claimStatus).toBe('in_review');
      const after = await caller.claims.detail({ claimId: claim.id });
      expect(after.verdicts.map((v) => [v.versionNumber, v.status])).toEqual([
        [1, 'withdrawn'],
        [2, 'pending'],
      ]);
    });

    it('refuses a stale verdict version with CONFLICT and an unknown verdict with NOT_FOUND', async () => {
      const claim = await openClaim();
      const { verdictId, verdictVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
      const caller = await callerFor(testDb.db, reviewer);
      await expect(caller.verdicts.withdraw({ verdictId, version: verdictVersion + 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await caller.claims.detail({ claimId: claim.id })).claim.status).toBe('in_review');
      await expect(caller.verdicts.withdraw({ verdictId: 999_999, version: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});

// These tests change the desk-wide settings: they share a database of their own and put the
// defaults back after each test.
describe.each(testDialects())('desk settings and the proposal rules on %s', (dialect: TestDialect) => {
  let testDb: TestDb;
  let admin: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    admin = await seedUser(testDb.db, 'admin');
  });
  afterAll(() => testDb.dispose());

  async function deskWithClaim() {
    onTestFinished(() => restoreDeskDefaults(testDb.db, admin.actor));
    const reviewer = await seedUser(testDb.db, 'reviewer');
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, reviewer.actor);
    return { reviewer, claim };
  }

  it('follows the checklist an admin sets: an item made optional no longer blocks a proposal', async () => {
    const { reviewer, claim } = await deskWithClaim();
    const version = await tick(testDb, reviewer, claim.id, ['original-source', 'context-checked']);
    const asReviewer = await callerFor(testDb.db, reviewer);
    const input = { claimId: claim.id, claimVersion: version, ratingKey: 'true', ...PROPOSAL };
    await expect(asReviewer.verdicts.propose(input)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    const settings = await asReviewer.desk.settings();
    expect(settings.checklist).toEqual(DEFAULT_CHECKLIST);
    const saved = await (await callerFor(testDb.db, admin)).desk.updateChecklist({
      items: settings.checklist.map((i) => (i.key === 'claimant-contacted' ? { ...i, required: false } : i)),
      expectedVersion: settings.versions.checklist,
    });
    expect(saved.versions.checklist).toBe((settings.versions.checklist ?? 0) + 1);
    expect(saved.checklist.find((i) => i.key === 'claimant-contacted')?.required).toBe(false);

    const result = await asReviewer.verdicts.propose(input);
    expect(result.claimStatus).toBe('in_review');
  });

  it('requires a new required item an admin adds', async () => {
    const { reviewer, claim } = await deskWithClaim();
    const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
    const asAdmin = await callerFor(testDb.db, admin);
    await asAdmin.desk.updateChecklist({
      items: [...DEFAULT_CHECKLIST, { key: 'legal-review', label: 'Legal review done', required: true }],
      expectedVersion: (await asAdmin.desk.settings()).versions.checklist,
    });
    const asReviewer = await callerFor(testDb.db, reviewer);
    const input = { claimId: claim.id, claimVersion: version, ratingKey: 'true', ...PROPOSAL };
    await expect(asReviewer.verdicts.propose(input)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('Legal review done'),
    });
    await asReviewer.claims.setChecklistItem({ claimId: claim.id, itemKey: 'legal-review', isChecked: true });
    const result = await asReviewer.verdicts.propose({ ...input, claimVersion: version + 1 });
    expect(result.claimStatus).toBe('in_review');
  });

  it('refuses a stale expectedVersion with CONFLICT and keeps the saved checklist', async () => {
    await deskWithClaim();
    const asAdmin = await callerFor(testDb.db, admin);
    const loaded = (await asAdmin.desk.settings()).versions.checklist;
    const first = await asAdmin.desk.updateChecklist({
      items: [{ key: 'one', label: 'First item', required: true }],
      expectedVersion: loaded,
    });
    const v1 = first.versions.checklist!;
    expect(v1).toBe((loaded ?? 0) + 1);
    const second = await asAdmin.desk.updateChecklist({
      items: [{ key: 'two', label: 'Second item', required: false }],
      expectedVersion: v1,
    });
    expect(second.versions.checklist).toBe(v1 + 1);

    // Whoever loaded the settings before (no stored version, or v1) is now stale.
    await expect(
      asAdmin.desk.updateChecklist({ items: [{ key: 'three', label: 'Third', required: true }], expectedVersion: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      asAdmin.desk.updateChecklist({ items: [{ key: 'three', label: 'Third', required: true }], expectedVersion: v1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const settings = await asAdmin.desk.settings();
    expect(settings.checklist).toEqual([{ key: 'two', label: 'Second item', required: false }]);
    expect(settings.versions.checklist).toBe(v1 + 1);
  });

  it('refuses a checklist item with a malformed key with BAD_REQUEST', async () => {
    await deskWithClaim();
    const asAdmin = await callerFor(testDb.db, admin);
    const before = await asAdmin.desk.settings();
    await expect(
      asAdmin.desk.updateChecklist({
        items: [{ key: 'Not A Key', label: 'One', required: true }],
        expectedVersion: before.versions.checklist,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await asAdmin.desk.settings()).toEqual(before);
  });

  it('refuses duplicate checklist keys with BAD_REQUEST (not a server error) and keeps the checklist', async () => {
    await deskWithClaim();
    const asAdmin = await callerFor(testDb.db, admin);
    const before = await asAdmin.desk.settings();
    await expect(
      asAdmin.desk.updateChecklist({
        items: [
          { key: 'same', label: 'One', required: true },
          { key: 'same', label: 'Two', required: true },
        ],
        expectedVersion: before.versions.checklist,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Checklist keys must be unique.') });
    expect(await asAdmin.desk.settings()).toEqual(before);
  });

  it('records the label and value of a rating an admin adds to the scale', async () => {
    const { reviewer, claim } = await deskWithClaim();
    const asAdmin = await callerFor(testDb.db, admin);
    const loaded = (await asAdmin.desk.settings()).versions.ratingScale;
    const scale = await asAdmin.desk.updateRatingScale({
      ratings: [
        ...DEFAULT_RATING_SCALE,
        { key: 'pants-on-fire', label: 'Pants on fire', color: '#7f1d1d', value: 0, description: 'Ridiculous.' },
      ],
      expectedVersion: loaded,
    });
    expect(scale.versions.ratingScale).toBe((loaded ?? 0) + 1);
    expect(scale.ratingScale.map((r) => r.key)).toContain('pants-on-fire');

    const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
    const asReviewer = await callerFor(testDb.db, reviewer);
    await asReviewer.verdicts.propose({ claimId: claim.id, claimVersion: version, ratingKey: 'pants-on-fire', ...PROPOSAL });
    const detail = await asReviewer.claims.detail({ claimId: claim.id });
    expect(detail.verdicts[0]).toMatchObject({ ratingKey: 'pants-on-fire', ratingLabel: 'Pants on fire', ratingValue: 0 });
    expect(detail.ratingScale.map((r) => r.key)).toContain('pants-on-fire');

    await expect(asAdmin.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: loaded })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('rejects a rating key that an admin removed from the scale', async () => {
    const { reviewer, claim } = await deskWithClaim();
    const asAdmin = await callerFor(testDb.db, admin);
    await asAdmin.desk.updateRatingScale({
      ratings: DEFAULT_RATING_SCALE.filter((r) => r.key !== 'unproven'),
      expectedVersion: (await asAdmin.desk.settings()).versions.ratingScale,
    });
    const version = await tick(testDb, reviewer, claim.id, ALL_ITEMS);
    await expect(
      (await callerFor(testDb.db, reviewer)).verdicts.propose({
        claimId: claim.id,
        claimVersion: version,
        ratingKey: 'unproven',
        ...PROPOSAL,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
