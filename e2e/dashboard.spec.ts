import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { trpcMutation } from './trpc';

const DEMO_TITLE = 'Following deadly Ukrainian attack, Russia puts blame on its own soldiers';
const DEMO_SLUG = 'following-deadly-ukrainian-attack-russia-puts-blame-on-its';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function section(page: Page, heading: string) {
  return page.getByRole('region', { name: heading, exact: true });
}

test('the desk greets the reviewer, lists the articles and leads to the import page', async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  await signInAs('reviewer');
  await page.goto('/desk');
  await expect(page.getByRole('heading', { level: 1, name: 'Desk', exact: true })).toBeVisible();
  await expect(page.getByText(`Welcome, ${DEMO.reviewer.name}. You are signed in as a reviewer.`)).toBeVisible();
  for (const heading of ['Assigned to me', 'Claims I follow', 'Recent activity', 'Articles']) {
    await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
  }
  const demo = section(page, 'Articles').getByRole('link', { name: DEMO_TITLE, exact: true });
  await expect(demo).toHaveAttribute('href', `/desk/articles/${DEMO_SLUG}`);
  await expectNoSeriousViolations(page);

  await page.getByRole('link', { name: 'Import an article' }).click();
  await page.waitForURL('**/desk/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import an article' })).toBeVisible();
  await page.getByRole('link', { name: '← Back to the desk' }).click();
  await page.waitForURL(/\/desk$/);
  await section(page, 'Articles').getByRole('link', { name: DEMO_TITLE, exact: true }).click();
  await page.waitForURL(`**/desk/articles/${DEMO_SLUG}`);
});

test('a new reviewer sees what to do, then their assigned claims, the claims they follow and the activity', async ({ page, browser }) => {
  test.setTimeout(60_000);
  // A reviewer of their own, so no other test's claims reach these lists.
  const stamp = Date.now();
  const admin = await (await browser.newContext()).newPage();
  await signInThroughApi(admin.request, DEMO.admin.email);
  const email = `dashboard-${stamp}@factdesk.test`;
  const password = 'a-long-dashboard-password';
  const name = `Dana Dashboard ${stamp}`;
  const reviewer = await trpcMutation<{ id: number }>(admin.request, 'users.create', { email, name, role: 'reviewer', password });
  await signInThroughApi(page.request, email, password);

  await page.goto('/desk');
  await expect(page.getByText(`Welcome, ${name}. You are signed in as a reviewer.`)).toBeVisible();
  await expect(section(page, 'Assigned to me')).toContainText('Nothing is assigned to you right now.');
  await expect(section(page, 'Claims I follow')).toContainText('You are not following any claims yet.');
  await expect(section(page, 'Recent activity')).toContainText('No activity yet on your claims.');
  await expect(section(page, 'Assigned to me').getByRole('listitem')).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // The reviewer marks a claim and assigns it to themselves; a colleague follows up with a note.
  const title = `Tram line costs ${stamp}`;
  const paragraphs = ['The mayor said the new tram line cost 80 million euros.', 'The audit office put the cost at 95 million euros.'];
  const article = await trpcMutation<{ id: number; slug: string }>(page.request, 'articles.import', {
    title,
    dek: null,
    paragraphs,
    publisher: 'E2E Gazette',
    author: null,
    url: null,
    publishedAt: null,
    language: 'en',
  });
  const quote = 'the new tram line cost 80 million euros';
  const text = paragraphs.join('\n\n');
  const start = text.indexOf(quote);
  const statement = `The tram line cost 80 million euros (${stamp})`;
  const claim = await trpcMutation<{ id: number }>(page.request, 'claims.create', {
    articleId: article.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32) },
      position: { type: 'TextPositionSelector', start, end: start + quote.length },
    },
    statement,
    claimant: 'The mayor',
    assigneeId: reviewer.id,
    tags: [],
  });
  const colleague = await (await browser.newContext()).newPage();
  await signInThroughApi(colleague.request, DEMO.reviewer2.email);
  await trpcMutation(colleague.request, 'annotations.create', { claimId: claim.id, kind: 'note', body: 'The audit report is on page 12.' });

  await page.reload();
  const claimHref = `/desk/articles/${article.slug}?claim=${claim.id}`;
  const assigned = section(page, 'Assigned to me').getByRole('listitem');
  await expect(assigned).toHaveCount(1);
  await expect(assigned.getByRole('link', { name: statement })).toHaveAttribute('href', claimHref);
  await expect(assigned).toContainText('Status: Open');
  await expect(assigned).toContainText('Claimant: The mayor');
  await expect(assigned).toContainText('1 annotation');
  await expect(assigned).toContainText(`In “${title}”`);
  await expect(assigned.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);

  const followed = section(page, 'Claims I follow').getByRole('listitem');
  await expect(followed).toHaveCount(1);
  await expect(followed).toContainText(`Assigned to ${name}`);

  const activity = section(page, 'Recent activity').getByRole('listitem');
  await expect(activity).toHaveCount(2);
  await expect(activity.first()).toContainText(`${DEMO.reviewer2.name} added a note to “${statement}”`);
  await expect(activity.last()).toContainText(`${name} marked the claim “${statement}”`);
  await expect(activity.first().getByRole('link', { name: `“${statement}”` })).toHaveAttribute('href', claimHref);

  await expect(section(page, 'Articles').getByRole('link', { name: title, exact: true })).toHaveAttribute('href', `/desk/articles/${article.slug}`);
  await expectNoSeriousViolations(page);

  // Each item opens the claim in its article's workspace.
  await assigned.getByRole('link', { name: statement }).click();
  await page.waitForURL((url) => url.pathname === `/desk/articles/${article.slug}` && url.searchParams.get('claim') === String(claim.id));
});
