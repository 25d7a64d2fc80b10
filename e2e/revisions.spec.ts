import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { selectWithMouse } from './selection';
import { importThroughApi, markClaimThroughApi, trpcMutation } from './trpc';

const FIXTURE = fs.readFileSync(path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt'), 'utf8');
const DELETED_SENTENCE =
  "The attack, which occurred on New Year's Day and targeted a base housing conscripted soldiers in the Russian-occupied territory of Donetsk, reportedly left 89 people dead and dozens wounded.";
const REWRITTEN_SENTENCE =
  "The attack on New Year's Day targeted a base for conscripts in occupied Donetsk; Moscow later said 89 soldiers had died there.";

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('revising the demo article orphans a claim whose sentence was rewritten; the reviewer re-attaches it and sees the diff', async ({
  page,
  signInAs,
}) => {
  test.setTimeout(60_000);
  await signInAs('reviewer');
  // The demo article as imported from the fixture, under a title of this test's own.
  const preview = await trpcMutation<{ title: string; dek: string | null; paragraphs: string[] }>(page.request, 'articles.previewImport', {
    kind: 'text',
    text: FIXTURE,
  });
  const article = await importThroughApi(page.request, { title: `Revision probe ${Date.now()}`, dek: preview.dek, paragraphs: preview.paragraphs });
  await markClaimThroughApi(page.request, {
    articleId: article.id,
    paragraphs: preview.paragraphs,
    quote: 'reportedly left 89 people dead',
    statement: 'The attack left 89 people dead.',
    claimant: 'The Week',
  });
  await markClaimThroughApi(page.request, {
    articleId: article.id,
    paragraphs: preview.paragraphs,
    quote: 'a blatant attempt to smear blame',
    statement: 'Pegov called the statement a blatant attempt to smear blame.',
    claimant: 'Semyon Pegov',
  });

  await page.goto(`/desk/articles/${article.slug}`);
  await expect(page.locator('mark.ws-highlight')).toHaveCount(2);
  await page.getByRole('button', { name: 'Revise the article' }).click();
  const revision = page.getByRole('form', { name: 'New revision' });
  expect(FIXTURE).toContain(DELETED_SENTENCE);
  await revision.getByLabel('New text, headline first, as copied from the page').fill(FIXTURE.replace(DELETED_SENTENCE, REWRITTEN_SENTENCE));
  await revision.getByRole('button', { name: 'Preview changes' }).click();
  const changes = page.getByRole('group', { name: 'Preview of the revision' });
  await expect(changes).toContainText('1 paragraph changed, 0 added, 0 removed.');
  await expect(changes.locator('ins')).toHaveText(REWRITTEN_SENTENCE);
  await changes.getByRole('button', { name: 'Save as revision 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Revision 2 saved.' })).toHaveText(
    'Revision 2 saved. Claims: 0 unchanged, 1 moved, 0 matched approximately, 1 orphaned.',
  );
  await page.getByRole('button', { name: 'Close' }).click();

  // The orphan is listed, keeps its quote, and is not highlighted on the wrong words.
  const orphans = page.getByRole('region', { name: 'Orphaned claims (1)' });
  await expect(orphans.getByText('reportedly left 89 people dead')).toBeVisible();
  await expect(page.locator('mark.ws-highlight')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);
  await orphans.getByRole('button', { name: 'Re-attach “The attack left 89 people dead.”' }).click();
  await expect(page.getByRole('heading', { name: 'Re-attach a claim' })).toBeVisible();
  await selectWithMouse(page, '89 soldiers had died');
  await page.getByRole('button', { name: 'Attach here' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'The attack left 89 people dead.' })).toBeVisible();
  await expect(page.locator('.ws-detail .ws-quote').first()).toHaveText('89 soldiers had died');
  await expect(page.getByRole('note')).toHaveCount(0);
  await expect(page.locator('mark.ws-highlight')).toHaveCount(2);
  await page.getByRole('button', { name: '← All claims' }).click();
  await expect(page.getByRole('region', { name: /Orphaned claims/ })).toHaveCount(0);

  // The history keeps revision 1 readable and marks the claim the change touched.
  await page.goto(`/desk/articles/${article.slug}/revisions`);
  await expect(page.getByRole('row')).toHaveCount(3);
  const diff = page.getByRole('list', { name: 'Paragraph changes' });
  await expect(diff.getByRole('listitem')).toHaveCount(1);
  await expect(diff.locator('del')).toHaveText(DELETED_SENTENCE);
  await expect(diff.getByRole('link', { name: 'The attack left 89 people dead.' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('link', { name: 'Read revision 1' }).click();
  await expect(page.getByRole('heading', { name: /^Revision 1:/ })).toBeVisible();
  await expect(page.getByText(DELETED_SENTENCE)).toBeVisible();
});
