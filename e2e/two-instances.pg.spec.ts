// Runs only when the end-to-end database is PostgreSQL (playwright.config.ts adds a second
// `next start` on the next port then): two app instances on one database, as behind a load
// balancer, share live events and presence through LISTEN/NOTIFY.
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { baseURL, secondInstanceURL } from './instances';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation, trpcQuery } from './trpc';

test('a browser on instance A sees an annotation made through instance B, and who is viewing there', async ({ browser }) => {
  const onA = await browser.newContext();
  await signInThroughApi(onA.request, DEMO.reviewer.email);
  const onB = await browser.newContext({ baseURL: secondInstanceURL });
  await signInThroughApi(onB.request, DEMO.reviewer2.email);

  const { article, claim } = await seedArticleWithClaim(onB.request, {
    title: `Two instances ${Date.now()}`,
    paragraphs: ['The minister said unemployment fell to 3.1 percent in March, the lowest since 1975.'],
    quote: 'unemployment fell to 3.1 percent in March',
    statement: 'Unemployment fell to 3.1 percent in March.',
    claimant: 'The minister',
  });
  const pageA = await onA.newPage();
  await pageA.goto(`/desk/articles/${article.slug}?claim=${claim.id}`);
  await expect(pageA.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  const pageB = await onB.newPage();
  await pageB.goto(`/desk/articles/${article.slug}?claim=${claim.id}`);
  await expect(pageA.getByRole('list', { name: 'Also viewing' }).getByText('Ravi Reviewer')).toBeVisible({ timeout: 5_000 });
  await expect(pageB.getByRole('list', { name: 'Also viewing' }).getByText('Rita Reviewer')).toBeVisible({ timeout: 5_000 });

  await trpcMutation(onB.request, 'annotations.create', {
    claimId: claim.id,
    parentId: null,
    kind: 'note',
    body: 'Posted through instance B.',
    evidence: null,
  });
  await expect(pageA.getByRole('article', { name: 'Note by Ravi Reviewer' })).toContainText('Posted through instance B.', {
    timeout: 1_000,
  });
  await onA.close();
  await onB.close();
});

test('a correction approved through instance B shows on instance A’s cached fact-check page', async ({ browser }) => {
  const reviewerOnA = await browser.newContext();
  await signInThroughApi(reviewerOnA.request, DEMO.reviewer.email);
  const editorOnA = await browser.newContext();
  await signInThroughApi(editorOnA.request, DEMO.editor.email);
  const editorOnB = await browser.newContext({ baseURL: secondInstanceURL });
  await signInThroughApi(editorOnB.request, DEMO.editor2.email);
  const approveNext = async (editor: typeof editorOnA, claimId: number) => {
    const queue = await trpcQuery<{ claimId: number; verdictId: number; verdictVersion: number }[]>(editor.request, 'review.queue', {});
    const pending = queue.find((item) => item.claimId === claimId)!;
    await trpcMutation(editor.request, 'verdicts.approve', { verdictId: pending.verdictId, version: pending.verdictVersion });
  };

  const { claim } = await seedArticleWithClaim(reviewerOnA.request, {
    title: `Cache relay ${Date.now()}`,
    paragraphs: ['The agency said 12,000 jobs were created in the region last quarter.'],
    quote: '12,000 jobs were created in the region last quarter',
    statement: '12,000 jobs were created in the region last quarter.',
    claimant: 'The agency',
  });
  await proposeThroughApi(reviewerOnA.request, claim.id, {
    ratingLabel: 'True',
    summary: 'Payroll data confirm 12,000 new jobs.',
    ruling: 'The quarterly payroll release lists 12,000 new jobs.',
  });
  await approveNext(editorOnA, claim.id);

  // Both instances render the page once and then serve it from their own caches.
  const reader = await browser.newContext();
  for (const origin of [baseURL, secondInstanceURL]) {
    await expect.poll(async () => (await reader.request.get(`${origin}/fact-checks/${claim.slug}`)).headers()['x-nextjs-cache']).toBe('HIT');
  }

  await proposeThroughApi(reviewerOnA.request, claim.id, {
    ratingLabel: 'Mostly true',
    summary: 'Revised data show 11,200 new jobs.',
    ruling: 'The revised payroll release lowered the count to 11,200.',
    correctionNote: 'Updated after the revised payroll release.',
  });
  await approveNext(editorOnB, claim.id);

  const page = await reader.newPage();
  await expect
    .poll(async () => (await reader.request.get(`${baseURL}/fact-checks/${claim.slug}`)).text(), { timeout: 5_000 })
    .toContain('Updated after the revised payroll release.');
  await page.goto(`${baseURL}/fact-checks/${claim.slug}`);
  await expect(page.getByRole('heading', { name: 'Our rating: Mostly true' })).toBeVisible();
  for (const context of [reviewerOnA, editorOnA, editorOnB, reader]) await context.close();
});
