import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation, trpcQuery } from './trpc';

async function pageAs(browser: Browser, role: keyof typeof DEMO): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughApi(page.request, DEMO[role].email);
  return page;
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('propose → return with a comment → revise → a second editor approves → public page, highlight, feed, correction', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const reviewer = await pageAs(browser, 'reviewer');
  const editor = await pageAs(browser, 'editor');
  const editor2 = await pageAs(browser, 'editor2');
  const statement = `The harbour tunnel carries 40,000 cars a day (${stamp})`;
  const { article, claim } = await seedArticleWithClaim(reviewer.request, {
    title: `Harbour tunnel traffic ${stamp}`,
    paragraphs: ['The minister said the harbour tunnel carries 40,000 cars a day.', 'Traffic counts are published monthly.'],
    quote: 'the harbour tunnel carries 40,000 cars a day',
    statement,
    claimant: 'The minister',
  });
  await proposeThroughApi(reviewer.request, claim.id, {
    ratingLabel: 'Mostly true',
    summary: 'Counts average 38,500 cars a day.',
    ruling: 'The monthly traffic counts show an average of 38,500 cars a day over the last year.',
  });

  // The editor finds it in the queue and returns it with a comment.
  await editor.goto('/desk/review');
  await expect(editor.getByRole('link', { name: /Review queue, \d+ waiting/ })).toBeVisible();
  await editor.getByRole('link', { name: statement }).click();
  await expect(editor.getByRole('heading', { name: `Review: ${statement}` })).toBeVisible();
  await expect(editor.locator('.review-context mark')).toHaveText('the harbour tunnel carries 40,000 cars a day');
  await expectNoSeriousViolations(editor);
  await editor.getByRole('button', { name: 'Return with a comment' }).click();
  await editor.getByRole('button', { name: 'Return to the reviewer' }).click();
  await expect(editor.getByRole('main').getByRole('alert')).toContainText('at least 3 characters');
  await editor.getByLabel('What needs to change').fill('Link the monthly counts themselves.');
  await editor.getByRole('button', { name: 'Return to the reviewer' }).click();
  await expect(editor.getByRole('status')).toHaveText('Returned to the reviewer.');

  // The reviewer sees the comment in the workspace and revises through the form.
  await reviewer.goto(`/desk/articles/${article.slug}?claim=${claim.id}`);
  await expect(reviewer.getByText('“Link the monthly counts themselves.”')).toBeVisible();
  await reviewer.getByRole('button', { name: 'Propose a verdict' }).click();
  const form = reviewer.getByRole('form', { name: 'Propose a verdict' });
  await form.getByLabel('Rating').selectOption({ label: 'Mostly true' });
  await form.getByLabel('One-line summary').fill('Counts average 38,500 cars a day, close to the claim.');
  await form.getByLabel('Ruling (Markdown)').fill('The [monthly counts](https://example.org/counts) average **38,500** cars a day.');
  await form.getByLabel('Another source URL').fill('https://example.org/counts');
  await form.getByLabel('Its title').fill('Monthly traffic counts');
  await form.getByRole('button', { name: 'Send to an editor' }).click();
  await expect(reviewer.getByText('Waiting for an editor')).toBeVisible();

  // A second editor approves.
  await editor2.goto(`/desk/review/${claim.id}`);
  await editor2.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(editor2.getByRole('status')).toHaveText('Approved and published.');

  // An anonymous reader: the fact-check page with valid JSON-LD, the highlight, the feed item.
  const reader = await (await browser.newContext()).newPage();
  const detail = await trpcQuery<{ claim: { slug: string } }>(reviewer.request, 'claims.detail', { claimId: claim.id });
  const response = await reader.goto(`/fact-checks/${detail.claim.slug}`);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1, name: statement })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Our rating: Mostly true' })).toBeVisible();
  const jsonLd = await reader.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd).toHaveLength(1);
  const review = JSON.parse(jsonLd[0]!) as Record<string, unknown> & { reviewRating: Record<string, unknown> };
  expect(review['@type']).toBe('ClaimReview');
  expect(review.claimReviewed).toBe(statement);
  expect(review.reviewRating.alternateName).toBe('Mostly true');
  expect(review.url).toBe(new URL(`/fact-checks/${detail.claim.slug}`, review.url as string).toString());
  await expectNoSeriousViolations(reader);
  // Served from the cache until the next approval revalidates it.
  await reader.request.get(`/fact-checks/${detail.claim.slug}`);
  const cached = await reader.request.get(`/fact-checks/${detail.claim.slug}`);
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');

  await reader.goto(`/articles/${article.slug}`);
  await expect(reader.locator('mark.public-claim')).toContainText('the harbour tunnel carries 40,000 cars a day');
  await expect(reader.locator('mark.public-claim .verdict-badge')).toHaveText('Mostly true');
  await expectNoSeriousViolations(reader);

  const feed = await reader.request.get('/feed.xml');
  expect(feed.headers()['content-type']).toContain('application/rss+xml');
  expect(await feed.text()).toContain(`<link>${review.url as string}</link>`);

  // The embeddable card, cached too, shows the verdict until a correction replaces it.
  expect(await (await reader.request.get(`/embed/${detail.claim.slug}`)).text()).toContain('>Mostly true</span>');
  const oembed = await reader.request.get(`/oembed?url=${encodeURIComponent(review.url as string)}&format=json`);
  expect(await oembed.json()).toMatchObject({ type: 'rich', version: '1.0' });

  // A correction goes through the same review and then shows on the page and in the feed.
  await proposeThroughApi(reviewer.request, claim.id, {
    ratingLabel: 'True',
    summary: 'New counts average 40,200 cars a day.',
    ruling: 'The latest monthly counts average 40,200 cars a day, matching the claim.',
    correctionNote: 'Updated with the latest monthly counts; rating changed from Mostly true to True.',
  });
  const queue = await trpcQuery<{ claimId: number; verdictId: number; verdictVersion: number }[]>(editor.request, 'review.queue', {});
  const pending = queue.find((q) => q.claimId === claim.id)!;
  await trpcMutation(editor.request, 'verdicts.approve', { verdictId: pending.verdictId, version: pending.verdictVersion });
  const embedAfter = await (await reader.request.get(`/embed/${detail.claim.slug}`)).text();
  expect(embedAfter).toContain('>True</span>');
  await reader.goto(`/fact-checks/${detail.claim.slug}`);
  await expect(reader.getByRole('heading', { name: 'Our rating: True' })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Corrections' })).toBeVisible();
  await expect(reader.getByText('Updated with the latest monthly counts')).toBeVisible();
  await expect(reader.getByText('Counts average 38,500 cars a day, close to the claim.')).toBeVisible();
  const correctedFeed = await (await reader.request.get('/feed.xml')).text();
  expect(correctedFeed).toContain(`Correction: ${statement}`);
});

test('the proposer cannot approve their own verdict, with a clear message', async ({ browser }) => {
  const editor = await pageAs(browser, 'editor');
  const stamp = Date.now();
  const { claim } = await seedArticleWithClaim(editor.request, {
    title: `Own proposal ${stamp}`,
    paragraphs: ['The council said recycling rose by 12 percent last year.'],
    quote: 'recycling rose by 12 percent last year',
    statement: `Recycling rose by 12 percent (${stamp})`,
    claimant: 'The council',
  });
  await proposeThroughApi(editor.request, claim.id, {
    ratingLabel: 'True',
    summary: 'The council report shows a 12 percent rise.',
    ruling: 'The annual waste report shows recycling rose by 12.1 percent.',
  });
  await editor.goto(`/desk/review/${claim.id}`);
  await expect(editor.getByText('another editor has to approve it (two-person rule)')).toBeVisible();
  await editor.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(editor.getByRole('main').getByRole('alert')).toContainText('two-person rule');
  const detail = await trpcQuery<{ claim: { status: string } }>(editor.request, 'claims.detail', { claimId: claim.id });
  expect(detail.claim.status).toBe('in_review');
});

test('public pages: unknown slugs are 404, drafts never appear, methodology lists the scale', async ({ page }) => {
  expect((await page.goto('/fact-checks/no-such-check'))?.status()).toBe(404);
  expect((await page.request.get('/oembed?url=https%3A%2F%2Fevil.example%2Ffact-checks%2Fx&format=json')).status()).toBe(404);
  await page.goto('/fact-checks');
  await expect(page.getByRole('heading', { name: 'Fact-checks' })).toBeVisible();
  const html = await page.content();
  // The demo's pending proposal and staff discussion stay off the public site.
  expect(html).not.toContain('Russia’s own official count was 89 dead');
  expect(html).not.toContain('Do we say which count we rate?');
  // The demo article's public page: published claims highlighted, the pending one and staff notes absent.
  await page.goto('/articles/following-deadly-ukrainian-attack-russia-puts-blame-on-its');
  await expect(page.locator('mark.public-claim')).toHaveCount(2);
  const articleHtml = await page.content();
  expect(articleHtml).not.toContain('killed 89 Russian soldiers');
  expect(articleHtml).not.toContain('Ukraine claimed a much higher number');
  expect(articleHtml).not.toContain('@factdesk.test');
  await expectNoSeriousViolations(page);
  const annotations = await page.request.get('/api/articles/following-deadly-ukrainian-attack-russia-puts-blame-on-its/annotations');
  expect(annotations.headers()['content-type']).toContain('application/ld+json');
  const annotationPage = (await annotations.json()) as { '@context': string; type: string; items: { motivation: string; target: { selector: { type: string }[] } }[] };
  expect(annotationPage['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  expect(annotationPage.items).toHaveLength(2);
  for (const item of annotationPage.items) {
    expect(item.motivation).toBe('assessing');
    expect(item.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  }
  await page.goto('/methodology');
  await expect(page.getByRole('columnheader', { name: 'Value' })).toBeVisible();
  await expectNoSeriousViolations(page);
  const robots = await (await page.request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /desk');
  const sitemap = await (await page.request.get('/sitemap.xml')).text();
  expect(sitemap).toContain('/fact-checks/');
});
