import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findAuditEventsForEntity } from '@/db/queries/audit';
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

describe.each(testDialects())('reviewer dashboard and staff on %s', (dialect) => {
  let testDb: TestDb;
  let colleague: SeededUser;
  let editor: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    colleague = await seedUser(testDb.db, 'reviewer');
    editor = await seedUser(testDb.db, 'editor');
  });
  afterAll(() => testDb.dispose());

  it('lists open and in-review claims assigned to the user under `assigned`', async () => {
    const me = await seedUser(testDb.db, 'reviewer');
    const article = await seedArticle(testDb.db, { title: 'Assigned work' });
    const open = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Open and mine', assigneeId: me.id });
    const inReview = await seedClaim(testDb.db, article, colleague.actor, { statement: 'In review and mine', assigneeId: me.id });
    await seedProposal(testDb.db, inReview.id, colleague.actor);
    const dismissed = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Dismissed', assigneeId: me.id });
    await (await callerFor(testDb.db, editor)).verdicts.dismissClaim({
      claimId: dismissed.id,
      version: dismissed.version,
      reason: 'Not checkable: an opinion.',
    });
    const notMine = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Assigned to someone else', assigneeId: colleague.id });

    const dashboard = await (await callerFor(testDb.db, me)).desk.dashboard();
    const assignedIds = dashboard.assigned.map((c) => c.id);
    expect(assignedIds.sort()).toEqual([open.id, inReview.id].sort());
    expect(assignedIds).not.toContain(notMine.id);
    expect(dashboard.assigned.find((c) => c.id === inReview.id)).toMatchObject({
      status: 'in_review',
      statement: 'In review and mine',
      assigneeName: me.name,
      articleSlug: article.slug,
      articleTitle: 'Assigned work',
    });
  });

  it('lists claims the user created or annotated under `following`, with live annotation counts', async () => {
    const me = await seedUser(testDb.db, 'reviewer');
    const article = await seedArticle(testDb.db);
    const created = await seedClaim(testDb.db, article, me.actor, { statement: 'I created this' });
    const annotated = await seedClaim(testDb.db, article, colleague.actor, { statement: 'I commented on this' });
    const unrelated = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Not mine at all' });
    const asMe = await callerFor(testDb.db, me);
    const kept = await asMe.annotations.create({ claimId: annotated.id, kind: 'question', body: 'Source?' });
    const removed = await asMe.annotations.create({ claimId: annotated.id, kind: 'note', body: 'Scratch that' });
    await asMe.annotations.delete({ annotationId: removed.id, version: removed.version });

    const dashboard = await asMe.desk.dashboard();
    expect(dashboard.assigned).toEqual([]);
    const following = dashboard.following.map((c) => c.id);
    expect(following.sort()).toEqual([created.id, annotated.id].sort());
    expect(following).not.toContain(unrelated.id);
    expect(dashboard.following.find((c) => c.id === annotated.id)?.annotationCount).toBe(1);
    expect(kept.version).toBe(1);
  });

  it('drops a claim from `following` after setFollowing(false), and brings it back with true', async () => {
    const me = await seedUser(testDb.db, 'reviewer');
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, me.actor);
    const asMe = await callerFor(testDb.db, me);
    expect((await asMe.desk.dashboard()).following.map((c) => c.id)).toEqual([claim.id]);

    await asMe.claims.setFollowing({ claimId: claim.id, isFollowing: false });
    const after = await asMe.desk.dashboard();
    expect(after.following).toEqual([]);
    expect(after.activity).toEqual([]);

    await asMe.claims.setFollowing({ claimId: claim.id, isFollowing: true });
    expect((await asMe.desk.dashboard()).following.map((c) => c.id)).toEqual([claim.id]);
  });

  it('shows recent activity on followed and assigned claims only, newest first', async () => {
    const me = await seedUser(testDb.db, 'reviewer');
    const article = await seedArticle(testDb.db);
    const mine = await seedClaim(testDb.db, article, me.actor, { statement: 'Claim I follow' });
    const assigned = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Claim assigned to me', assigneeId: me.id });
    await (await callerFor(testDb.db, me)).claims.setFollowing({ claimId: assigned.id, isFollowing: false });
    const unrelated = await seedClaim(testDb.db, article, colleague.actor, { statement: 'Claim of someone else' });
    const asColleague = await callerFor(testDb.db, colleague);
    await asColleague.annotations.create({ claimId: mine.id, kind: 'question', body: 'Who said it first?' });
    await asColleague.annotations.create({ claimId: unrelated.id, kind: 'note', body: 'Unrelated note' });
    await asColleague.annotations.create({ claimId: assigned.id, kind: 'note', body: 'A note for the assignee' });

    const { activity } = await (await callerFor(testDb.db, me)).desk.dashboard();
    expect(activity.map((a) => [a.action, a.claimId, a.actorName])).toEqual([
      ['annotation.note_added', assigned.id, colleague.name],
      ['annotation.question_added', mine.id, colleague.name],
      ['claim.created', assigned.id, colleague.name],
      ['claim.created', mine.id, me.name],
    ]);
    expect(activity[1]?.claimStatement).toBe('Claim I follow');
    const ids = activity.map((a) => a.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    for (let i = 1; i < activity.length; i += 1) {
      expect(activity[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(activity[i]!.createdAt.getTime());
    }
  });

  it('serves the default settings, with no stored versions, to reviewers', async () => {
    // Nothing in this database ever changes the settings.
    const settings = await (await callerFor(testDb.db, colleague)).desk.settings();
    expect(settings.ratingScale).toEqual(DEFAULT_RATING_SCALE);
    expect(settings.checklist).toEqual(DEFAULT_CHECKLIST);
    expect(settings.versions).toEqual({ ratingScale: null, checklist: null });
  });

  it('lists active staff by name without private fields', async () => {
    const zed = await seedUser(testDb.db, 'editor', { name: 'Zed Staffer' });
    const amy = await seedUser(testDb.db, 'admin', { name: 'Amy Staffer' });
    const gone = await seedUser(testDb.db, 'reviewer', { name: 'Gone Staffer', isActive: false });
    const staff = await (await callerFor(testDb.db, colleague)).desk.staff();
    const ids = staff.map((s) => s.id);
    expect(ids).toContain(zed.id);
    expect(ids).toContain(amy.id);
    expect(ids).not.toContain(gone.id);
    expect(staff.find((s) => s.id === amy.id)).toEqual({ id: amy.id, name: 'Amy Staffer', role: 'admin' });
    const names = staff.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const member of staff) expect(Object.keys(member).sort()).toEqual(['id', 'name', 'role']);
  });
});

// Settings are desk-wide: these tests share a database of their own and put the defaults back
// after each test.
describe.each(testDialects())('desk settings on %s', (dialect: TestDialect) => {
  let testDb: TestDb;
  let admin: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    admin = await seedUser(testDb.db, 'admin');
  });
  afterAll(() => testDb.dispose());

  async function adminDesk() {
    onTestFinished(() => restoreDeskDefaults(testDb.db, admin.actor));
    const asAdmin = await callerFor(testDb.db, admin);
    return { asAdmin, loaded: await asAdmin.desk.settings() };
  }

  it('saves the checklist for everyone, versioned and audited', async () => {
    const { asAdmin, loaded } = await adminDesk();
    const reviewer = await seedUser(testDb.db, 'reviewer');
    const items = [
      { key: 'original-source', label: 'Original source found', required: true },
      { key: 'second-source', label: 'Second source found', required: false },
    ];
    const auditBefore = (await findAuditEventsForEntity(testDb.db, 'settings', 0)).length;
    const saved = await asAdmin.desk.updateChecklist({ items, expectedVersion: loaded.versions.checklist });
    expect(saved.checklist).toEqual(items);
    expect(saved.versions.checklist).toBe((loaded.versions.checklist ?? 0) + 1);
    expect((await (await callerFor(testDb.db, reviewer)).desk.settings()).checklist).toEqual(items);

    const audit = (await findAuditEventsForEntity(testDb.db, 'settings', 0)).slice(auditBefore);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['settings.checklist_changed', admin.id]]);
    expect(audit[0]?.before).toEqual(loaded.versions.checklist === null ? null : loaded.checklist);
    expect(audit[0]?.after).toEqual(items);
  });

  it('saves the rating scale on the version it read; a stale version gets CONFLICT; an invalid scale BAD_REQUEST', async () => {
    const { asAdmin, loaded } = await adminDesk();
    const relabelled = DEFAULT_RATING_SCALE.map((r) => (r.key === 'false' ? { ...r, label: 'Wrong' } : r));
    const first = await asAdmin.desk.updateRatingScale({ ratings: relabelled, expectedVersion: loaded.versions.ratingScale });
    expect(first.ratingScale.find((r) => r.key === 'false')?.label).toBe('Wrong');
    const v1 = first.versions.ratingScale!;
    expect(v1).toBe((loaded.versions.ratingScale ?? 0) + 1);

    await expect(asAdmin.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: null })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      asAdmin.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: v1 + 7 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      asAdmin.desk.updateRatingScale({ ratings: [DEFAULT_RATING_SCALE[0]!], expectedVersion: v1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      asAdmin.desk.updateRatingScale({
        ratings: [DEFAULT_RATING_SCALE[0]!, { ...DEFAULT_RATING_SCALE[1]!, key: DEFAULT_RATING_SCALE[0]!.key }],
        expectedVersion: v1,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const settings = await asAdmin.desk.settings();
    expect(settings.ratingScale).toEqual(relabelled);
    expect(settings.versions.ratingScale).toBe(v1);
    const second = await asAdmin.desk.updateRatingScale({ ratings: DEFAULT_RATING_SCALE, expectedVersion: v1 });
    expect(second.versions.ratingScale).toBe(v1 + 1);
  });

  it('lets exactly one of two admins saving the checklist on the same version at once win', async () => {
    const { asAdmin, loaded } = await adminDesk();
    const otherAdmin = await seedUser(testDb.db, 'admin');
    const asOther = await callerFor(testDb.db, otherAdmin);
    let version = loaded.versions.checklist;
    if (version === null) version = (await asAdmin.desk.updateChecklist({ items: DEFAULT_CHECKLIST, expectedVersion: null })).versions.checklist!;
    const auditBefore = (await findAuditEventsForEntity(testDb.db, 'settings', 0)).length;

    // A few rounds, so a race that only sometimes interleaves still shows.
    for (let round = 1; round <= 5; round += 1) {
      const results = await Promise.allSettled([
        asAdmin.desk.updateChecklist({ items: [{ key: `first-${round}`, label: 'First admin', required: true }], expectedVersion: version }),
        asOther.desk.updateChecklist({ items: [{ key: `second-${round}`, label: 'Second admin', required: true }], expectedVersion: version }),
      ]);
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code));
      expect([round, outcomes.sort()]).toEqual([round, ['CONFLICT', 'ok']]);
      version += 1;
      expect((await asAdmin.desk.settings()).versions.checklist).toBe(version);
    }
    const audit = (await findAuditEventsForEntity(testDb.db, 'settings', 0)).slice(auditBefore);
    expect(audit.filter((e) => e.action === 'settings.checklist_changed')).toHaveLength(5);
  });
});
