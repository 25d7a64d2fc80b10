// Runs only when the end-to-end database is PostgreSQL (playwright.config.ts adds a second
// `next start` on the next port then): two app instances on one database, as behind a load
// balancer, share live events and presence through LISTEN/NOTIFY.
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { secondInstanceURL } from './instances';
import { seedArticleWithClaim, trpcMutation } from './trpc';

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
