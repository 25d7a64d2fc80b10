// The public procedures (and the services behind the public routes) never return desk-only
// data: decoy claims, drafts, staff notes, hidden annotations, staff names, emails and password
// hashes are seeded with unique markers and searched for in every response.
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLIST, DEFAULT_RATING_SCALE } from '@/lib/ratings';
import { createAnnotation, setAnnotationHidden } from '@/server/services/annotations';
import { setChecklistItem, updateClaim } from '@/server/services/claims';
import { getPublicArticleAnnotations } from '@/server/services/public-site';
import { approveVerdict, dismissClaim, proposeVerdict, returnVerdict, withdrawVerdict } from '@/server/services/verdicts';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedArticle, seedClaim, seedProposal, seedUser, type SeededUser } from './helpers/seed';

/** Every string seeded into desk-only places; none may come back from a public procedure. */
const M = {
  unpublishedArticle: 'zqxmarkerunpubarticle',
  unpublishedClaim: 'zqxmarkerunpubclaim',
  pendingDraft: 'zqxmarkerpendingdraft',
  pendingUpdate: 'zqxmarkerpendingupdate',
  returnedDraft: 'zqxmarkerreturneddraft',
  returnComment: 'zqxmarkerreturncomment',
  withdrawnDraft: 'zqxmarkerwithdrawndraft',
  dismissReason: 'zqxmarkerdismissreason',
  dismissedClaim: 'zqxmarkerdismissedclaim',
  staffNote: 'zqxmarkerstaffnote',
  hiddenNote: 'zqxmarkerhiddennote',
  evidence: 'zqxmarkerevidence',
  tag: 'zqxmarkertag',
  staffName: 'Zqxmarkerstaffname',
  email: 'zqxmarkeremail',
} as const;

describe.each(testDialects())('the public site never leaks desk data on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;
  let editor: SeededUser;
  let publishedClaimSlug: string;
  let publishedArticleSlug: string;
  let hiddenArticleSlug: string;
  const decoySlugs: string[] = [];
  let passwordHashes: string[] = [];

  const ruling = (marker: string) => `${marker} ruling text that is long enough for the schema.`;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    const { db } = testDb;
    reviewer = await seedUser(db, 'reviewer', { name: `${M.staffName} Reviewer`, email: `${M.email}-reviewer@example.test` });
    editor = await seedUser(db, 'editor', { name: `${M.staffName} Editor`, email: `${M.email}-editor@example.test` });
    const r = reviewer.actor;
    const e = editor.actor;

    // A public article: one published claim, with a pending correction and staff notes on it.
    const article = await seedArticle(db, {
      paragraphs: ['The minister said unemployment halved last year.', 'Other people said other things entirely here.'],
    });
    publishedArticleSlug = article.slug;
    const published = await seedClaim(db, article, r, { start: 0, end: 12, statement: 'Unemployment halved last year' });
    publishedClaimSlug = published.slug;
    const first = await seedProposal(db, published.id, r);
    await approveVerdict(db, e, { verdictId: first.verdictId, version: first.verdictVersion });
    const note = await createAnnotation(db, r, { claimId: published.id, parentId: null, kind: 'note', body: `${M.staffNote} note`, evidence: null });
    await createAnnotation(db, r, {
      claimId: published.id,
      parentId: null,
      kind: 'evidence',
      body: `${M.evidence} body`,
      evidence: { sourceUrl: `https://example.org/${M.evidence}`, sourceTitle: `${M.evidence} title`, excerpt: M.evidence, archiveUrl: null, stance: 'supports' },
    });
    const hidden = await createAnnotation(db, r, { claimId: published.id, parentId: note.id, kind: 'note', body: `${M.hiddenNote} reply`, evidence: null });
    await setAnnotationHidden(db, e, { annotationId: hidden.id, isHidden: true });
    const afterNotes = await (await callerFor(db, reviewer)).claims.detail({ claimId: published.id });
    await updateClaim(db, r, { claimId: published.id, version: afterNotes.claim.version, tags: [M.tag] });
    const latest = await (await callerFor(db, reviewer)).claims.detail({ claimId: published.id });
    await proposeVerdict(db, r, {
      claimId: published.id,
      claimVersion: latest.claim.version,
      ratingKey: DEFAULT_RATING_SCALE[1]!.key,
      summary: `${M.pendingUpdate} summary`,
      ruling: ruling(M.pendingUpdate),
      sources: [{ url: `https://example.org/${M.pendingUpdate}`, title: M.pendingUpdate }],
      correctionNote: `${M.pendingUpdate} note`,
    });

    // Unpublished claims on the public article: pending, returned, withdrawn, dismissed.
    const pending = await seedClaim(db, article, r, { start: 13, end: 25, statement: `${M.unpublishedClaim} pending` });
    await proposeDraft(pending.id, M.pendingDraft);
    const returned = await seedClaim(db, article, r, { start: 26, end: 40, statement: `${M.unpublishedClaim} returned` });
    const toReturn = await proposeDraft(returned.id, M.returnedDraft);
    await returnVerdict(db, e, { verdictId: toReturn.verdictId, version: 1, comment: `${M.returnComment} comment` });
    const withdrawn = await seedClaim(db, article, r, { start: 50, end: 62, statement: `${M.unpublishedClaim} withdrawn` });
    const toWithdraw = await proposeDraft(withdrawn.id, M.withdrawnDraft);
    await withdrawVerdict(db, r, { verdictId: toWithdraw.verdictId, version: 1 });
    const dismissed = await seedClaim(db, article, r, { start: 63, end: 75, statement: `${M.dismissedClaim} statement` });
    await dismissClaim(db, e, { claimId: dismissed.id, version: dismissed.version, reason: `${M.dismissReason} reason` });
    decoySlugs.push(pending.slug, returned.slug, withdrawn.slug, dismissed.slug);

    // An article with no published claim at all.
    const hiddenArticle = await seedArticle(db, { title: `${M.unpublishedArticle} title`, dek: `${M.unpublishedArticle} dek` });
    hiddenArticleSlug = hiddenArticle.slug;
    const onHidden = await seedClaim(db, hiddenArticle, r, { statement: `${M.unpublishedClaim} on hidden article` });
    await proposeDraft(onHidden.id, M.pendingDraft);
    decoySlugs.push(onHidden.slug);

    const { users } = db.t;
    passwordHashes = (await db.q.select({ hash: users.passwordHash }).from(users).where(eq(users.isActive, true))).map((u) => u.hash);

    async function proposeDraft(claimId: number, marker: string) {
      for (const item of DEFAULT_CHECKLIST) await setChecklistItem(db, r, { claimId, itemKey: item.key, isChecked: true });
      const detail = await (await callerFor(db, reviewer)).claims.detail({ claimId });
      return proposeVerdict(db, r, {
        claimId,
        claimVersion: detail.claim.version,
        ratingKey: DEFAULT_RATING_SCALE[0]!.key,
        summary: `${marker} summary`,
        ruling: ruling(marker),
        sources: [{ url: `https://example.org/${marker}`, title: marker }],
        correctionNote: null,
      });
    }
  });
  afterAll(() => testDb.dispose());

  function expectNoMarkers(label: string, value: unknown) {
    const text = JSON.stringify(value).toLowerCase();
    const found = Object.values(M).filter((marker) => text.includes(marker.toLowerCase()));
    expect({ label, found }).toEqual({ label, found: [] });
    for (const hash of passwordHashes) expect(text.includes(hash.toLowerCase()), `${label} contains a password hash`).toBe(false);
    expect(text, label).not.toContain('$argon2');
  }

  async function codeOf(call: Promise<unknown>): Promise<string> {
    return call.then(
      () => 'ok',
      (error: unknown) => {
        expectNoMarkers('an error', { message: (error as Error).message });
        return error instanceof TRPCError ? error.code : String(error);
      },
    );
  }

  it('seeded the markers where the desk can see them (so their absence below means something)', async () => {
    const caller = await callerFor(testDb.db, editor);
    const workspace = await caller.articles.workspace({ slug: publishedArticleSlug });
    const detail = await caller.claims.detail({ claimId: workspace.claims.find((c) => c.slug === publishedClaimSlug)!.id });
    const deskText = JSON.stringify([workspace, detail, await caller.review.queue({})]);
    for (const marker of [M.unpublishedClaim, M.pendingDraft, M.pendingUpdate, M.staffNote, M.hiddenNote, M.evidence, M.tag, M.staffName]) {
      expect(deskText, marker).toContain(marker);
    }
  });

  it('answers every public procedure, anonymous or signed in, with published data only', async () => {
    for (const who of [null, reviewer, editor]) {
      const caller = await callerFor(testDb.db, who);
      const factCheck = await caller.public.factCheck({ slug: publishedClaimSlug });
      expect(factCheck.statement).toBe('Unemployment halved last year');
      const article = await caller.public.article({ slug: publishedArticleSlug });
      expect(article.factChecks.map((f) => f.slug)).toEqual([publishedClaimSlug]);
      const responses: Record<string, unknown> = {
        factCheck,
        article,
        factChecks: await caller.public.factChecks({ page: 1 }),
        articles: await caller.public.articles({ page: 1 }),
        feed: await caller.public.feed(),
        articleAnnotations: await caller.public.articleAnnotations({ slug: publishedArticleSlug }),
        methodology: await caller.public.methodology(),
        health: await caller.health.check(),
      };
      for (const query of ['zqxmarker', M.unpublishedClaim, M.pendingDraft, M.tag, 'unemployment', 'pending']) {
        responses[`factChecks ${query}`] = await caller.public.factChecks({ query, page: 1 });
      }
      for (const rating of DEFAULT_RATING_SCALE) {
        responses[`factChecks ${rating.key}`] = await caller.public.factChecks({ ratingKey: rating.key, page: 1 });
      }
      expect((responses.factChecks as { total: number }).total).toBe(1);
      expect((responses.articles as { items: { slug: string }[] }).items.map((a) => a.slug)).toEqual([publishedArticleSlug]);
      expect((responses.feed as unknown[]).length).toBe(1);
      for (const [label, response] of Object.entries(responses)) expectNoMarkers(label, response);
    }
  });

  it('answers NOT_FOUND, without the markers, for every unpublished claim and article', async () => {
    const caller = await callerFor(testDb.db, null);
    for (const slug of decoySlugs) expect(await codeOf(caller.public.factCheck({ slug }))).toBe('NOT_FOUND');
    for (const call of [
      caller.public.article({ slug: hiddenArticleSlug }),
      caller.public.articleAnnotations({ slug: hiddenArticleSlug }),
    ]) {
      expect(await codeOf(call)).toBe('NOT_FOUND');
    }
  });

  it('serves /api/articles/<slug>/annotations from published verdicts only', async () => {
    const page = await getPublicArticleAnnotations(testDb.db, publishedArticleSlug);
    expectNoMarkers('annotations page', page);
    expect(JSON.stringify(page)).toContain(publishedClaimSlug);
    expect(await codeOf(getPublicArticleAnnotations(testDb.db, hiddenArticleSlug))).not.toBe('ok');
  });
});
