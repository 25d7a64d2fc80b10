import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { trpcMutation } from './trpc';

const DEMO_SLUG = 'following-deadly-ukrainian-attack-russia-puts-blame-on-its';

/** Selects `phrase` inside the article text with a real mouse drag. */
async function selectWithMouse(page: Page, phrase: string) {
  const box = await page.evaluate((needle) => {
    const root = document.querySelector('[aria-label="Article text"]')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent!.indexOf(needle);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + needle.length);
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`phrase not found: ${needle}`);
  }, phrase);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

async function openFreshArticle(page: Page, title: string, paragraphs: string[]) {
  // Each test imports its own article through the API, so tests never share claims.
  const article = await trpcMutation<{ slug: string }>(page.request, 'articles.import', {
    title,
    dek: null,
    paragraphs,
    publisher: 'E2E Gazette',
    author: null,
    url: null,
    publishedAt: null,
    language: 'en',
  });
  await page.goto(`/desk/articles/${article.slug}`);
}

test.describe('reviewer workspace', () => {
  test('marks claims with the mouse and the keyboard, researches and proposes; all survives a reload', async ({ page, signInAs }) => {
    await signInAs('reviewer');
    const title = `Workspace probe ${Date.now()}`;
    await openFreshArticle(page, title, [
      'The mayor said the new bridge cost 12 million euros and opened in 2021, two years late.',
      'Critics replied that the real cost was closer to 20 million euros according to the audit office.',
    ]);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Mouse: select a phrase and use the popover button.
    await selectWithMouse(page, 'the new bridge cost 12 million euros');
    await page.getByRole('button', { name: 'Mark as claim' }).click();
    const form = page.getByRole('form', { name: 'New claim' });
    await expect(form.getByLabel('Checkable statement')).toHaveValue('the new bridge cost 12 million euros');
    await form.getByLabel('Claimant (who said it)').fill('The mayor');
    await form.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'the new bridge cost 12 million euros' })).toBeVisible();
    await page.getByRole('button', { name: '← All claims' }).click();

    // Keyboard alone: caret into the text, move, extend with Shift+arrows, press M.
    const text = page.getByRole('textbox', { name: 'Article text' });
    await text.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    // Place the caret at the start of "closer": find its offset from the paragraph start.
    await page.evaluate(() => {
      const root = document.querySelector('[aria-label="Article text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent!.indexOf('closer to 20 million');
        if (index >= 0) {
          window.getSelection()!.collapse(node, index);
          return;
        }
      }
    });
    for (let i = 0; i < 'closer to 20 million euros'.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('m');
    const keyboardForm = page.getByRole('form', { name: 'New claim' });
    await expect(keyboardForm.getByLabel('Checkable statement')).toHaveValue('closer to 20 million euros');
    await keyboardForm.getByLabel('Claimant (who said it)').fill('Critics');
    await keyboardForm.getByLabel('Checkable statement').fill('The real cost was closer to 20 million euros.');
    await keyboardForm.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'The real cost was closer to 20 million euros.' })).toBeVisible();

    // Evidence with a source, then a reply.
    const composer = page.getByRole('form', { name: 'Add to the research' });
    await composer.getByRole('radio', { name: 'Evidence' }).check();
    await composer.getByLabel('Source URL').fill('https://example.org/audit-report');
    await composer.getByLabel('Source title').fill('Audit office report 2022');
    await composer.getByLabel('Quoted excerpt').fill('Total cost: 19.7 million euros.');
    await composer.getByLabel('This source').selectOption('supports');
    await composer.getByRole('button', { name: 'Add evidence' }).click();
    const evidence = page.getByRole('article', { name: /Evidence by Rita Reviewer/ });
    await expect(evidence.getByRole('link', { name: 'Audit office report 2022' })).toHaveAttribute(
      'href',
      'https://example.org/audit-report',
    );
    await evidence.getByRole('button', { name: 'Reply' }).click();
    await evidence.getByLabel('Your reply').fill('Page 14 has the **breakdown**.');
    await evidence.getByRole('button', { name: 'Post reply' }).click();
    await expect(page.getByRole('article', { name: /Note by Rita Reviewer/ }).locator('strong', { hasText: 'breakdown' })).toBeVisible();

    // The checklist, then the proposal.
    for (const item of ['Original source found', 'Claimant contacted', 'Context checked']) {
      await page.getByRole('checkbox', { name: new RegExp(item) }).check();
      await expect(page.getByRole('checkbox', { name: new RegExp(item) })).toBeChecked();
    }
    await page.getByRole('button', { name: 'Propose a verdict' }).click();
    const proposal = page.getByRole('form', { name: 'Propose a verdict' });
    await proposal.getByLabel('Rating').selectOption({ label: 'Mostly true' });
    await proposal.getByLabel('One-line summary').fill('The audit office put the cost at 19.7 million euros.');
    await proposal.getByLabel('Ruling (Markdown)').fill('The audit report, page 14, gives a total of **19.7 million euros**.');
    await proposal.getByRole('button', { name: 'Send to an editor' }).click();
    await expect(page.getByText('Waiting for an editor')).toBeVisible();
    await expect(page.locator('.ws-claim-meta .status-badge').first()).toHaveText('In review');

    // After a reload the claims, research and highlights are where they were.
    const highlightsBefore = await page.locator('mark.ws-highlight').allTextContents();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'The real cost was closer to 20 million euros.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Audit office report 2022' })).toBeVisible();
    await expect(page.getByText('Waiting for an editor')).toBeVisible();
    expect(await page.locator('mark.ws-highlight').allTextContents()).toEqual(highlightsBefore);
    expect(highlightsBefore.join('|')).toBe('the new bridge cost 12 million euros|closer to 20 million euros');
    await page.getByRole('button', { name: '← All claims' }).click();
    const list = page.getByRole('list').filter({ has: page.getByRole('button', { name: /12 million/ }) });
    await expect(list.getByRole('listitem')).toHaveCount(2);
  });

  test('the demo article shows its seeded claims, filterable; no serious accessibility violations', async ({ page, signInAs }) => {
    await signInAs('reviewer');
    await page.goto(`/desk/articles/${DEMO_SLUG}`);
    await expect(page.getByRole('heading', { name: /^Claims \(4\)$/ })).toBeVisible();
    await expect(page.locator('mark.ws-highlight')).toHaveCount(4);
    await page.getByLabel('Status').selectOption('in_review');
    await expect(page.getByRole('button', { name: /killed 89 Russian soldiers/ })).toBeVisible();
    await expect(page.locator('.ws-claim-list > li')).toHaveCount(1);
    await page.getByLabel('Status').selectOption('all');
    await page.getByRole('checkbox', { name: 'Assigned to me' }).check();
    await expect(page.locator('.ws-claim-list > li')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.locator('mark.ws-highlight').first().click();
    await expect(page.getByRole('heading', { level: 3, name: 'Research' })).toBeVisible();
    const detailResults = await new AxeBuilder({ page }).analyze();
    const seriousDetail = detailResults.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(seriousDetail.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('another reviewer cannot edit or delete my annotation, only reply', async ({ page, signInAs }) => {
    await signInAs('reviewer2');
    await page.goto(`/desk/articles/${DEMO_SLUG}`);
    await page.getByRole('button', { name: /killed 89 Russian soldiers/ }).click();
    const evidence = page.getByRole('article', { name: /Evidence by Rita Reviewer/ });
    await expect(evidence).toBeVisible();
    await expect(evidence.getByRole('button', { name: 'Reply' }).first()).toBeVisible();
    await expect(evidence.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(evidence.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  });
});
