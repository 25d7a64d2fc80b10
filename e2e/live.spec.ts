import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test, type DemoRole } from './fixtures';
import { selectWithMouse } from './selection';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation } from './trpc';

// "Within a second" is the promise to reviewers working side by side.
const LIVE_TIMEOUT_MS = 1_000;

const PARAGRAPHS = [
  'The city council said on Monday that 412 new homes were finished last year, a record for the district.',
  'Opposition members disputed the figure and said the true number was closer to 300, citing planning records.',
  'The mayor told reporters that rents had fallen by 5 percent since the programme began.',
];

async function openAs(browser: Browser, role: DemoRole, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  await signInThroughApi(context.request, DEMO[role].email);
  return { context, page: await context.newPage() };
}

async function seedLiveArticle(page: Page, label: string) {
  return seedArticleWithClaim(page.request, {
    title: `Live ${label} ${Date.now()}`,
    paragraphs: PARAGRAPHS,
    quote: '412 new homes were finished last year',
    statement: '412 new homes were finished last year.',
    claimant: 'City council',
  });
}

test.describe('live collaboration', () => {
  test('two reviewers see each other, and each other’s annotations and claims, without reloading', async ({ browser }) => {
    const rita = await openAs(browser, 'reviewer');
    const ravi = await openAs(browser, 'reviewer2');
    const { article, claim } = await seedLiveArticle(rita.page, 'presence');
    const workspace = `/desk/articles/${article.slug}?claim=${claim.id}`;
    await rita.page.goto(workspace);
    await ravi.page.goto(workspace);
    await expect(rita.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    await expect(ravi.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

    // Presence: initials in the header, the full name for screen readers.
    await expect(rita.page.getByRole('list', { name: 'Also viewing' }).getByRole('listitem')).toHaveText(['RRRavi Reviewer']);
    await expect(ravi.page.getByRole('list', { name: 'Also viewing' }).getByText('Rita Reviewer')).toBeVisible();

    // An annotation written by Rita appears in Ravi's open claim.
    const composer = rita.page.getByRole('form', { name: 'Add to the research' });
    await composer.getByLabel('Text (Markdown)').fill('Planning records list **318** completions.');
    await composer.getByRole('button', { name: 'Add note' }).click();
    await expect(rita.page.getByRole('article', { name: 'Note by Rita Reviewer' })).toBeVisible();
    await expect(ravi.page.getByRole('article', { name: 'Note by Rita Reviewer' }).locator('strong', { hasText: '318' })).toBeVisible({
      timeout: LIVE_TIMEOUT_MS,
    });

    // A claim Rita marks shows in Ravi's claim list and as a highlight.
    await rita.page.getByRole('button', { name: '← All claims' }).click();
    await ravi.page.getByRole('button', { name: '← All claims' }).click();
    await expect(ravi.page.locator('mark.ws-highlight')).toHaveCount(1);
    await selectWithMouse(rita.page, 'rents had fallen by 5 percent');
    await rita.page.getByRole('button', { name: 'Mark as claim' }).click();
    const form = rita.page.getByRole('form', { name: 'New claim' });
    await form.getByLabel('Claimant (who said it)').fill('The mayor');
    await form.getByRole('button', { name: 'Save claim' }).click();
    await expect(rita.page.getByRole('heading', { level: 2, name: 'rents had fallen by 5 percent' })).toBeVisible();
    await expect(ravi.page.getByRole('button', { name: /rents had fallen by 5 percent/ })).toBeVisible({ timeout: LIVE_TIMEOUT_MS });
    await expect(ravi.page.locator('mark.ws-highlight')).toHaveCount(2);

    // Leaving the page drops Rita from Ravi's header within a few seconds.
    await rita.context.close();
    await expect(ravi.page.getByText('Nobody else is viewing this article.')).toBeVisible({ timeout: 10_000 });
    await ravi.context.close();
  });

  test('a concurrent edit of the same claim shows the conflict dialog to the second writer, who can load theirs or reapply', async ({
    browser,
  }) => {
    const rita = await openAs(browser, 'reviewer');
    const ravi = await openAs(browser, 'reviewer2');
    const { article, claim } = await seedLiveArticle(rita.page, 'conflict');
    const workspace = `/desk/articles/${article.slug}?claim=${claim.id}`;
    await rita.page.goto(workspace);
    await ravi.page.goto(workspace);
    await rita.page.getByRole('button', { name: 'Edit claim' }).click();
    await ravi.page.getByRole('button', { name: 'Edit claim' }).click();

    await rita.page.getByLabel('Checkable statement').fill('The council finished 412 homes in 2025.');
    await rita.page.getByRole('button', { name: 'Save claim' }).click();
    await expect(rita.page.getByRole('heading', { level: 2, name: 'The council finished 412 homes in 2025.' })).toBeVisible();
    // Rita's change arrives live in Ravi's header while his draft stays untouched.
    await expect(ravi.page.getByRole('heading', { level: 2, name: 'The council finished 412 homes in 2025.' })).toBeVisible({
      timeout: LIVE_TIMEOUT_MS,
    });

    await ravi.page.getByLabel('Checkable statement').fill('412 homes were completed in the district last year.');
    await ravi.page.getByRole('button', { name: 'Save claim' }).click();
    const dialog = ravi.page.getByRole('alertdialog', { name: /Rita Reviewer changed this claim/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Statement, yours')).toHaveText('412 homes were completed in the district last year.');
    await expect(dialog.getByLabel('Statement, theirs')).toHaveText('The council finished 412 homes in 2025.');
    // Nothing was overwritten: Rita still sees her own wording.
    await expect(rita.page.getByRole('heading', { level: 2, name: 'The council finished 412 homes in 2025.' })).toBeVisible();

    await dialog.getByRole('button', { name: 'Load theirs' }).click();
    await expect(dialog).toBeHidden();
    await expect(ravi.page.getByLabel('Checkable statement')).toHaveValue('The council finished 412 homes in 2025.');

    // Now a second race, resolved the other way: Ravi reapplies his wording on top of Rita's.
    await ravi.page.getByLabel('Checkable statement').fill('412 homes were completed in the district last year.');
    await trpcMutation(rita.page.request, 'claims.update', {
      claimId: claim.id,
      version: claim.version + 1,
      claimant: 'Leeds city council',
    });
    await ravi.page.getByRole('button', { name: 'Save claim' }).click();
    await ravi.page.getByRole('alertdialog', { name: /Rita Reviewer changed this claim/ }).getByRole('button', { name: 'Reapply mine' }).click();
    await expect(ravi.page.getByRole('heading', { level: 2, name: '412 homes were completed in the district last year.' })).toBeVisible();
    await expect(rita.page.getByRole('heading', { level: 2, name: '412 homes were completed in the district last year.' })).toBeVisible({
      timeout: LIVE_TIMEOUT_MS,
    });
    await rita.context.close();
    await ravi.context.close();
  });

  test('an editor’s review queue shows a new proposal without reloading', async ({ browser }) => {
    const rita = await openAs(browser, 'reviewer');
    const edith = await openAs(browser, 'editor');
    const { claim } = await seedLiveArticle(rita.page, 'queue');
    await edith.page.goto('/desk/review');
    await expect(edith.page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
    await expect(edith.page.getByRole('link', { name: '412 new homes were finished last year.' })).toHaveCount(0);
    await proposeThroughApi(rita.page.request, claim.id, {
      ratingLabel: 'Mostly false',
      summary: 'Planning records show 318 homes.',
      ruling: 'The council counted approvals, not completions.',
    });
    await expect(edith.page.getByText(/Rita Reviewer proposed a verdict on “412 new homes were finished last year\.”/)).toBeVisible();
    await expect(edith.page.getByRole('link', { name: '412 new homes were finished last year.' })).toBeVisible();
    await rita.context.close();
    await edith.context.close();
  });
});
