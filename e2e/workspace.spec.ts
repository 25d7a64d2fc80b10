import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { selectWithMouse } from './selection';

const DEMO_SLUG = 'following-deadly-ukrainian-attack-russia-puts-blame-on-its';
const DEMO_FILE = path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt');

test.describe('reviewer workspace', () => {
  test('imports the fixture, marks claims with the mouse and the keyboard alone, researches, proposes; all survives a reload', async ({
    page,
    signInAs,
  }) => {
    test.setTimeout(90_000);
    await signInAs('reviewer');
    const title = `Workspace probe ${Date.now()}`;
    await page.goto('/desk/import');
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await page.getByLabel('Article file').setInputFiles(DEMO_FILE);
    await page.getByRole('button', { name: 'Preview import' }).click();
    const review = page.getByRole('form', { name: 'Imported article' });
    await review.getByLabel('Title').fill(title);
    await review.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL(/\/desk\/articles\//);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    // Mouse: select a phrase and use the popover button.
    await selectWithMouse(page, 'reportedly left 89 people dead');
    await page.getByRole('button', { name: 'Mark as claim' }).click();
    const form = page.getByRole('form', { name: 'New claim' });
    await expect(form.getByLabel('Checkable statement')).toHaveValue('reportedly left 89 people dead');
    await form.getByLabel('Claimant (who said it)').fill('The Week');
    await form.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'reportedly left 89 people dead' })).toBeVisible();
    await page.getByRole('button', { name: '← All claims' }).click();

    // Keyboard alone: Tab into the text, jump word by word with Ctrl+arrows, extend with Shift, press M.
    const text = page.getByRole('textbox', { name: 'Article text' });
    await text.focus();
    await page.keyboard.press('Control+Home');
    const textBeforeCaret = () =>
      page.evaluate(() => {
        const selection = window.getSelection()!;
        const range = document.createRange();
        range.setStart(document.querySelector('[aria-label="Article text"]')!, 0);
        range.setEnd(selection.focusNode!, selection.focusOffset);
        return range.toString();
      });
    for (let presses = 0; presses < 400 && !/statement was\s?$/.test(await textBeforeCaret()); presses += 1) {
      await page.keyboard.press('Control+ArrowRight');
    }
    expect(await textBeforeCaret()).toMatch(/statement was\s?$/);
    for (let presses = 0; presses < 12 && !(await page.evaluate(() => window.getSelection()!.toString())).includes('smear blame'); presses += 1) {
      await page.keyboard.press('Control+Shift+ArrowRight');
    }
    await page.keyboard.press('m');
    const keyboardForm = page.getByRole('form', { name: 'New claim' });
    await expect(keyboardForm.getByLabel('Checkable statement')).toHaveValue(/^"a blatant attempt to smear blame/);
    await keyboardForm.getByLabel('Checkable statement').fill('Sevryukov’s statement was a blatant attempt to smear blame.');
    await keyboardForm.getByLabel('Claimant (who said it)').fill('Semyon Pegov');
    await keyboardForm.getByRole('button', { name: 'Save claim' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sevryukov’s statement was a blatant attempt to smear blame.' })).toBeVisible();
    const keyboardQuote = (await page.locator('.ws-detail .ws-quote').first().textContent())!;
    expect(keyboardQuote).toMatch(/^"a blatant attempt to smear blame/);

    // Evidence with a source, then a reply.
    const composer = page.getByRole('form', { name: 'Add to the research' });
    await composer.getByRole('radio', { name: 'Evidence' }).check();
    await composer.getByLabel('Source URL').fill('https://example.org/pegov-telegram');
    await composer.getByLabel('Source title').fill('Pegov’s Telegram post');
    await composer.getByLabel('Quoted excerpt').fill('a blatant attempt to smear blame');
    await composer.getByLabel('This source').selectOption('supports');
    await composer.getByRole('button', { name: 'Add evidence' }).click();
    const evidence = page.getByRole('article', { name: /Evidence by Rita Reviewer/ });
    await expect(evidence.getByRole('link', { name: 'Pegov’s Telegram post' })).toHaveAttribute('href', 'https://example.org/pegov-telegram');
    await evidence.getByRole('button', { name: 'Reply' }).click();
    await evidence.getByLabel('Your reply').fill('Archived on **5 January**.');
    await evidence.getByRole('button', { name: 'Post reply' }).click();
    await expect(page.getByRole('article', { name: /Note by Rita Reviewer/ }).locator('strong', { hasText: '5 January' })).toBeVisible();

    // The checklist, then the proposal.
    for (const item of ['Original source found', 'Claimant contacted', 'Context checked']) {
      await page.getByRole('checkbox', { name: new RegExp(item) }).check();
      await expect(page.getByRole('checkbox', { name: new RegExp(item) })).toBeChecked();
    }
    await page.getByRole('button', { name: 'Propose a verdict' }).click();
    const proposal = page.getByRole('form', { name: 'Propose a verdict' });
    await proposal.getByLabel('Rating').selectOption({ label: 'True' });
    await proposal.getByLabel('One-line summary').fill('Pegov did write this on his Telegram channel.');
    await proposal.getByLabel('Ruling (Markdown)').fill('The post is on **Pegov’s Telegram channel**, archived on 5 January.');
    await proposal.getByRole('button', { name: 'Send to an editor' }).click();
    await expect(page.getByText('Waiting for an editor')).toBeVisible();
    await expect(page.locator('.ws-detail .status-badge').first()).toHaveText('In review');

    // After a reload the claims, research and highlights are where they were.
    const highlightsBefore = await page.locator('mark.ws-highlight').allTextContents();
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Sevryukov’s statement was a blatant attempt to smear blame.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Pegov’s Telegram post' })).toBeVisible();
    await expect(page.getByText('Waiting for an editor')).toBeVisible();
    expect(await page.locator('mark.ws-highlight').allTextContents()).toEqual(highlightsBefore);
    expect(highlightsBefore[0]).toBe('reportedly left 89 people dead');
    expect(highlightsBefore.slice(1).join('')).toBe(keyboardQuote);
    await page.getByRole('button', { name: '← All claims' }).click();
    await expect(page.locator('.ws-claim-list > li')).toHaveCount(2);
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
