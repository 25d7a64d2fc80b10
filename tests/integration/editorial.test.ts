import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEventsForClaim } from '@/db/queries/audit';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedProposal, seedUser, type SeededUser } from './helpers/seed';

describe.each(testDialects())('editorial decisions on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  let editor: SeededUser;
  let editor2: SeededUser;
  let admin: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
    editor = await seedUser(testDb.db, 'editor');
    editor2 = await seedUser(testDb.db, 'editor');
    admin = await seedUser(testDb.db, 'admin');
  });
  afterAll(() => testDb.dispose());

  async function pendingProposalBy(proposer: SeededUser) {
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, proposer.actor);
    const proposal = await seedProposal(testDb.db, claim.id, proposer.actor);
    return { article, claim, ...proposal };
  }

  it('publishes when a second editor approves, and audits it', async () => {
    const { claim, verdictId, verdictVersion } = await pendingProposalBy(reviewer);
    const result = await (await callerFor(testDb.db, editor)).verdicts.approve({ verdictId, version: verdictVersion });
    expect(result.claimStatus).toBe('published');
    const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
    expect(detail.verdicts[0]).toMatchObject({ status: 'approved' });
    const actions = (await findAuditEventsForClaim(testDb.db, claim.id)).map((e) => e.event.action);
    expect(actions.slice(-2)).toEqual(['verdict.proposed', 'verdict.approved']);
  });

  it('enforces the two-person rule for editors and admins alike', async () => {
    for (const proposer of [editor, admin]) {
      const { claim, verdictId, verdictVersion } = await pendingProposalBy(proposer);
      const attempt = (await callerFor(testDb.db, proposer)).verdicts.approve({ verdictId, version: verdictVersion });
      await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('two-person rule') });
      const detail = await (await callerFor(testDb.db, proposer)).claims.detail({ claimId: claim.id });
      expect(detail.claim.status).toBe('in_review');
      expect(detail.verdicts[0]?.status).toBe('pending');
    }
  });

  it('refuses reviewers (FORBIDDEN) and anonymous callers (UNAUTHORIZED)', async () => {
    const { verdictId, verdictVersion } = await pendingProposalBy(editor);
    await expect((await callerFor(testDb.db, reviewer)).verdicts.approve({ verdictId, version: verdictVersion })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await callerFor(testDb.db, null)).verdicts.approve({ verdictId, version: verdictVersion })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('answers CONFLICT naming who decided when the proposal was already decided', async () => {
    const { verdictId, verdictVersion } = await pendingProposalBy(reviewer);
    await (await callerFor(testDb.db, editor)).verdicts.approve({ verdictId, version: verdictVersion });
    const late = (await callerFor(testDb.db, editor2)).verdicts.approve({ verdictId, version: verdictVersion });
    await expect(late).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(editor.name) });
  });

  it('returns with a required comment; the reviewer revises and a second editor approves', async () => {
    const { claim, verdictId, verdictVersion } = await pendingProposalBy(reviewer);
    const asEditor = await callerFor(testDb.db, editor);
    await expect(asEditor.verdicts.return({ verdictId, version: verdictVersion, comment: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const returned = await asEditor.verdicts.return({ verdictId, version: verdictVersion, comment: 'Cite the audit report.' });
    expect(returned.claimStatus).toBe('open');
    const revised = await seedProposal(testDb.db, claim.id, reviewer.actor, 1);
    await (await callerFor(testDb.db, editor2)).verdicts.approve({ verdictId: revised.verdictId, version: revised.verdictVersion });
    const detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
    expect(detail.verdicts.map((v) => [v.versionNumber, v.status, v.decisionComment])).toEqual([
      [1, 'returned', 'Cite the audit report.'],
      [2, 'approved', null],
    ]);
    expect(detail.claim.status).toBe('published');
  });

  it('takes a correction of a published verdict through the same review', async () => {
    const { claim, verdictId, verdictVersion } = await pendingProposalBy(reviewer);
    await (await callerFor(testDb.db, editor)).verdicts.approve({ verdictId, version: verdictVersion });
    const correction = await seedProposal(testDb.db, claim.id, reviewer.actor, 2);
    let detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
    expect(detail.claim.status).toBe('in_review');
    expect(detail.verdicts[1]?.correctionNote).toBe('Corrected after new evidence.');
    // Returning a correction falls back to the published verdict, not to open.
    const returned = await (await callerFor(testDb.db, editor2)).verdicts.return({
      verdictId: correction.verdictId,
      version: correction.verdictVersion,
      comment: 'Not convinced yet.',
    });
    expect(returned.claimStatus).toBe('published');
    detail = await (await callerFor(testDb.db, reviewer)).claims.detail({ claimId: claim.id });
    expect(detail.verdicts.map((v) => v.status)).toEqual(['approved', 'returned']);
  });

  it('dismisses a claim with a reason and returns its pending proposal', async () => {
    const { claim } = await pendingProposalBy(reviewer);
    const asEditor = await callerFor(testDb.db, editor);
    const current = await asEditor.claims.detail({ claimId: claim.id });
    await expect(
      asEditor.verdicts.dismissClaim({ claimId: claim.id, version: current.claim.version, reason: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const result = await asEditor.verdicts.dismissClaim({
      claimId: claim.id,
      version: current.claim.version,
      reason: 'An opinion, not a checkable fact.',
    });
    expect(result.claimStatus).toBe('dismissed');
    const after = await asEditor.claims.detail({ claimId: claim.id });
    expect(after.verdicts[0]).toMatchObject({ status: 'returned', decisionComment: 'Claim dismissed: An opinion, not a checkable fact.' });
    await expect(
      (await callerFor(testDb.db, reviewer)).verdicts.dismissClaim({ claimId: claim.id, version: after.claim.version, reason: 'again' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('answers NOT_FOUND for an unknown verdict', async () => {
    await expect((await callerFor(testDb.db, editor)).verdicts.approve({ verdictId: 987_654, version: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe.each(testDialects())('review queue on %s', (dialect) => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
  });
  afterAll(() => testDb.dispose());

  it('lists pending proposals oldest first, filters them, and marks the ones the editor cannot approve', async () => {
    const reviewer = await seedUser(testDb.db, 'reviewer');
    const editor = await seedUser(testDb.db, 'editor');
    const article = await seedArticle(testDb.db);
    const other = await seedArticle(testDb.db);
    const first = await seedClaim(testDb.db, article, reviewer.actor);
    const second = await seedClaim(testDb.db, other, editor.actor);
    await seedProposal(testDb.db, first.id, reviewer.actor);
    await seedProposal(testDb.db, second.id, editor.actor);
    const asEditor = await callerFor(testDb.db, editor);
    const queue = await asEditor.review.queue();
    expect(queue.map((q) => [q.claimId, q.proposerName, q.canApprove])).toEqual([
      [first.id, reviewer.name, true],
      [second.id, editor.name, false],
    ]);
    expect(await asEditor.review.queueCount()).toBe(2);
    expect((await asEditor.review.queue({ articleId: other.id })).map((q) => q.claimId)).toEqual([second.id]);
    expect((await asEditor.review.queue({ proposerId: reviewer.id })).map((q) => q.claimId)).toEqual([first.id]);
    await expect((await callerFor(testDb.db, reviewer)).review.queue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe.each(testDialects())('publishing checks the ClaimReview on %s', (dialect) => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
  });
  afterAll(() => testDb.dispose());

  it('refuses to publish markup Google would reject, names the field, and changes nothing', async () => {
    const reviewer = await seedUser(testDb.db, 'reviewer');
    const editor = await seedUser(testDb.db, 'editor');
    const article = await seedArticle(testDb.db);
    const claim = await seedClaim(testDb.db, article, reviewer.actor);
    const asReviewer = await callerFor(testDb.db, reviewer);
    const current = await asReviewer.claims.detail({ claimId: claim.id });
    // HTML in the claimant's name would go into itemReviewed.author.name.
    await asReviewer.claims.update({ claimId: claim.id, version: current.claim.version, claimant: '<b>The mayor</b>' });
    const { verdictId, verdictVersion } = await seedProposal(testDb.db, claim.id, reviewer.actor);
    const attempt = (await callerFor(testDb.db, editor)).verdicts.approve({ verdictId, version: verdictVersion });
    await expect(attempt).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('itemReviewed.author.name'),
    });
    const after = await asReviewer.claims.detail({ claimId: claim.id });
    expect(after.claim.status).toBe('in_review');
    expect(after.verdicts[0]?.status).toBe('pending');
    await expect((await callerFor(testDb.db, null)).public.factCheck({ slug: claim.slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
