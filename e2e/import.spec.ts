import AxeBuilder from '@axe-core/playwright';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { proposeThroughApi, trpcMutation, trpcQuery } from './trpc';

const DEMO_FILE = path.join(process.cwd(), 'demo', 'the-week-russia-blames-phones.txt');
const DEMO_TITLE = 'Following deadly Ukrainian attack, Russia puts blame on its own soldiers';
const WORKSPACE_URL = /\/desk\/articles\/[a-z0-9-]+$/;

type SavedArticle = { id: number; slug: string; title: string; paragraphs: string[]; url: string | null; publisher: string | null };

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The preview's row for the line containing `text`, and its "Keep" checkbox. */
function previewLine(page: Page, text: string): { row: Locator; keep: Locator } {
  const row = page.getByRole('form', { name: 'Imported article' }).getByRole('listitem').filter({ hasText: text });
  return { row, keep: row.getByRole('checkbox', { name: /^Keep/ }) };
}

function slugFromUrl(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Serves `routes` from node:http on 127.0.0.1 for the length of a test. */
async function startPageServer(routes: Record<string, { type: string; body: string }>) {
  const server = http.createServer((request, response) => {
    const route = routes[(request.url ?? '/').split('?')[0]!];
    if (!route) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    response.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname: string) => `http://127.0.0.1:${port}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bind an ephemeral port, then release it. */
async function findClosedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function pageAs(browser: Browser, role: keyof typeof DEMO): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughApi(page.request, DEMO[role].email);
  return page;
}

/** Marks `quote` as a claim, proposes a verdict as the reviewer and approves it as an editor: the article goes public. */
async function publishClaimOn(reviewer: APIRequestContext, editor: APIRequestContext, article: SavedArticle, quote: string) {
  const text = article.paragraphs.join('\n\n');
  const start = text.indexOf(quote);
  expect(start, `“${quote}” is in the saved article`).toBeGreaterThanOrEqual(0);
  const end = start + quote.length;
  const claim = await trpcMutation<{ id: number }>(reviewer, 'claims.create', {
    articleId: article.id,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
    },
    statement: quote,
    claimant: 'The article',
    assigneeId: null,
    tags: [],
  });
  await proposeThroughApi(reviewer, claim.id, {
    ratingLabel: 'True',
    summary: 'Official figures confirm it.',
    ruling: 'The figure matches what officials reported at the time.',
  });
  const queue = await trpcQuery<{ claimId: number; verdictId: number; verdictVersion: number }[]>(editor, 'review.queue', {});
  const pending = queue.find((item) => item.claimId === claim.id)!;
  await trpcMutation(editor, 'verdicts.approve', { verdictId: pending.verdictId, version: pending.verdictVersion });
}

test.describe('importing an article', () => {
  test('a reviewer uploads the demo file, restores and removes lines, saves; the public page shows exactly the kept paragraphs', async ({
    page,
    signInAs,
    browser,
  }) => {
    test.setTimeout(90_000);
    await signInAs('reviewer');
    await page.goto('/desk');
    await page.getByRole('link', { name: 'Import an article' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import an article' })).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await expect(page.getByRole('tab', { name: 'Upload a file' })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('Article file').setInputFiles(DEMO_FILE);
    await page.getByRole('button', { name: 'Preview import' }).click();

    const review = page.getByRole('form', { name: 'Imported article' });
    await expect(page.getByRole('heading', { level: 2, name: 'Check the article before saving' })).toBeFocused();
    await expect(review.getByLabel('Title')).toHaveValue(DEMO_TITLE);
    await expect(review.getByLabel('Standfirst (dek)')).toHaveValue(/^Russia is seemingly blaming the use of cell phones/);
    await expect(review.getByLabel('Publisher')).toHaveValue('The Week');
    await expect(review.getByLabel('Author')).toHaveValue('Justin Klawans');

    // The classifier's suggestion: article lines kept, boilerplate left out with its reason.
    await expect(previewLine(page, 'reportedly left 89 people dead').keep).toBeChecked();
    await expect(previewLine(page, 'Serhii Cherevatyi said, per CNN').keep).toBeChecked();
    const newsletter = previewLine(page, 'Sign up for The Week');
    await expect(newsletter.keep).not.toBeChecked();
    await expect(newsletter.row).toContainText('Left out: Newsletter or sign-up prompt');
    await expect(previewLine(page, 'Justin Klawans has worked').keep).not.toBeChecked();
    await expect(previewLine(page, 'The mission to demine Ukraine').keep).not.toBeChecked();

    // The reviewer overrides it both ways.
    const restored = previewLine(page, 'Escape your echo chamber');
    await restored.keep.check();
    await expect(restored.row).toContainText('Restored by you');
    const removed = previewLine(page, 'However, in a rare show of dissidence');
    await removed.keep.uncheck();
    await expect(removed.row).toContainText('Left out by you');
    await expect(review.getByRole('status')).toHaveText(/^6 of \d+ lines kept, \d+ left out\.$/);

    // A title of its own, so this copy is told apart from the seeded demo article.
    const title = `${DEMO_TITLE} (upload ${Date.now()})`;
    await review.getByLabel('Title').fill(title);
    await expectNoSeriousViolations(page);
    await review.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL(WORKSPACE_URL);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    const article = await trpcQuery<SavedArticle>(page.request, 'articles.bySlug', { slug: slugFromUrl(page) });
    expect(article.title).toBe(title);
    expect(article.paragraphs).toHaveLength(6);
    expect(article.paragraphs[2]).toMatch(/^Escape your echo chamber/);

    // Public pages show published work only: publish one claim, then read it as a reader would.
    const editor = await pageAs(browser, 'editor');
    // The claim's highlight and verdict badge split its words, so it is a phrase the checks below do not read.
    await publishClaimOn(page.request, editor.request, article, 'massive use of mobile phones');
    const reader = await (await browser.newContext()).newPage();
    await reader.goto('/articles');
    await reader.getByRole('link', { name: title }).click();
    await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const body = reader.locator('.article-body');
    await expect(body).toContainText('reportedly left 89 people dead and dozens wounded');
    await expect(body).toContainText('Serhii Cherevatyi said, per CNN');
    await expect(body).toContainText('Escape your echo chamber');
    const text = await reader.getByRole('main').innerText();
    for (const dropped of ['However, in a rare show of dissidence', 'Sign up for The Week', 'Justin Klawans has worked', 'The mission to demine Ukraine']) {
      expect(text).not.toContain(dropped);
    }
  });

  test('pasted plain text and Markdown become articles; the first line is the title', async ({ page, signInAs }) => {
    await signInAs('reviewer');
    await page.goto('/desk/import');
    const stamp = Date.now();

    // Markdown: the heading is the title and inline markup is removed.
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await page
      .getByLabel('Article text')
      .fill(
        `# Bridge tolls ${stamp}\n\nThe council said tolls will fall by 10 per cent in May.\n\nDrivers who cross **twice a day** will save about 40 euros a month, the council estimated.\n`,
      );
    await page.getByRole('radio', { name: 'Markdown' }).check();
    await page.getByRole('button', { name: 'Preview import' }).click();
    const review = page.getByRole('form', { name: 'Imported article' });
    await expect(review.getByLabel('Title')).toHaveValue(`Bridge tolls ${stamp}`);
    await expect(previewLine(page, 'Drivers who cross twice a day will save').keep).toBeChecked();

    // Plain text replaces that preview.
    const title = `Harbour parking charges ${stamp}`;
    const lines = [
      'The harbour authority will raise parking charges in June, it said on Monday.',
      'Charges will rise from 2 to 3 euros an hour in the three harbour car parks, according to the authority.',
      'Sign up for our free daily newsletter, delivered straight to your inbox.',
      'Residents with a permit will keep parking free of charge, the authority added.',
    ];
    await page.getByRole('radio', { name: 'Plain text' }).check();
    await page.getByLabel('Article text').fill([title, ...lines].join('\n'));
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect(review.getByLabel('Title')).toHaveValue(title);
    // The short opening line reads like a standfirst; here it belongs to the text.
    await expect(review.getByLabel('Standfirst (dek)')).toHaveValue(lines[0]!);
    await review.getByRole('button', { name: 'Move the standfirst into the article text' }).click();
    await expect(review.getByLabel('Standfirst (dek)')).toHaveValue('');
    await expect(previewLine(page, 'will raise parking charges in June').keep).toBeFocused();
    await expect(previewLine(page, 'will raise parking charges in June').keep).toBeChecked();
    await expect(previewLine(page, 'Charges will rise from 2 to 3 euros').keep).toBeChecked();
    await expect(previewLine(page, 'Sign up for our free daily newsletter').keep).not.toBeChecked();
    await expect(previewLine(page, 'Residents with a permit').keep).toBeChecked();

    // The saved article keeps the reviewer's corrections to the details.
    await review.getByLabel('Publisher').fill('Harbour Gazette');
    await review.getByLabel('Language').fill('en');
    await review.getByLabel('Publication date').fill('2024-05-02');
    await review.getByRole('button', { name: 'Save article' }).click();
    await page.waitForURL(WORKSPACE_URL);
    const article = await trpcQuery<SavedArticle & { dek: string | null; language: string | null; publishedAt: string | null }>(
      page.request,
      'articles.bySlug',
      { slug: slugFromUrl(page) },
    );
    expect(article.title).toBe(title);
    expect(article.dek).toBeNull();
    expect(article.paragraphs).toEqual([lines[0], lines[1], lines[3]]);
    expect(article.publisher).toBe('Harbour Gazette');
    expect(article.language).toBe('en');
    expect(article.publishedAt).toMatch(/^2024-05-02T00:00:00/);
  });

  test('the source tabs work with the keyboard, and pasted HTML is previewed with its web address', async ({ page, signInAs }) => {
    await signInAs('reviewer');
    await page.goto('/desk/import');
    const textTab = page.getByRole('tab', { name: 'Paste text' });
    await expect(textTab).toHaveAttribute('aria-selected', 'true');
    await textTab.focus();
    await page.keyboard.press('ArrowRight');
    const htmlTab = page.getByRole('tab', { name: 'Paste HTML' });
    await expect(htmlTab).toBeFocused();
    await expect(htmlTab).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Paste HTML' })).toBeVisible();
    await expect(page.getByLabel('Article text')).toBeHidden();
    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: 'From a web address' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(textTab).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(htmlTab).toHaveAttribute('aria-selected', 'true');

    const title = `Ferry timetable cut ${Date.now()}`;
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Page HTML')).toBeFocused();
    await page.getByLabel('Page HTML').fill(ferryPage(title));
    await page.getByLabel('Original web address (optional)').fill('https://herald.example/news/ferry-timetable');
    await page.getByLabel('Original web address (optional)').press('Enter');
    const review = page.getByRole('form', { name: 'Imported article' });
    await expect(review.getByLabel('Title')).toHaveValue(title);
    await expect(review.getByLabel('Original web address')).toHaveValue('https://herald.example/news/ferry-timetable');
    await expect(review.getByLabel('Publisher')).toHaveValue('Island Herald');
    await expect(review.getByLabel('Publication date')).toHaveValue('2024-03-05');
    await expect(previewLine(page, 'Sign up for our free morning newsletter').keep).not.toBeChecked();

    // Saving refuses an empty title, in the form, and keeps the preview.
    await review.getByLabel('Title').fill('');
    await review.getByRole('button', { name: 'Save article' }).click();
    await expect(review.getByRole('alert')).toHaveText('Please correct the fields marked below.');
    await expect(review.getByText('The article needs a title.')).toBeVisible();
    await expect(review.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/desk\/import$/);
  });

  test('a web address is fetched and imported', async ({ page, signInAs }) => {
    const title = `Ferry fares rise by a third ${Date.now()}`;
    const server = await startPageServer({ '/news/ferry': { type: 'text/html; charset=utf-8', body: ferryPage(title) } });
    try {
      await signInAs('reviewer');
      await page.goto('/desk/import');
      await page.getByRole('tab', { name: 'From a web address' }).click();
      await page.getByLabel('Web address of the article').fill(server.url('/news/ferry'));
      await page.getByRole('button', { name: 'Preview import' }).click();
      const review = page.getByRole('form', { name: 'Imported article' });
      await expect(review.getByLabel('Title')).toHaveValue(title);
      await expect(review.getByLabel('Original web address')).toHaveValue(server.url('/news/ferry'));
      await expect(review.getByLabel('Author')).toHaveValue('Morgan Lee');
      await expect(review.getByLabel('Language')).toHaveValue('en');
      await expect(previewLine(page, 'Sign up for our free morning newsletter').keep).not.toBeChecked();
      await review.getByRole('button', { name: 'Save article' }).click();
      await page.waitForURL(WORKSPACE_URL);
      const article = await trpcQuery<SavedArticle>(page.request, 'articles.bySlug', { slug: slugFromUrl(page) });
      expect(article.url).toBe(server.url('/news/ferry'));
      expect(article.paragraphs).toHaveLength(3);
      expect(article.paragraphs.join('\n')).not.toContain('newsletter');
    } finally {
      await server.close();
    }
  });

  test('bad input shows a message in the form and saves nothing', async ({ page, signInAs }) => {
    test.setTimeout(60_000);
    await signInAs('reviewer');
    await page.goto('/desk/import');
    const source = page.getByRole('form', { name: 'Article source' });
    const previewButton = page.getByRole('button', { name: 'Preview import' });
    const previewRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('articles.previewImport')) previewRequests.push(request.url());
    });

    // Empty text, refused in the browser with the same message the server gives.
    await previewButton.click();
    await expect(source.getByRole('alert')).toHaveText('Paste the article text.');
    await expect(page.getByLabel('Article text')).toHaveAttribute('aria-invalid', 'true');

    // A binary file named .txt: the server reads the bytes and refuses them.
    await page.getByRole('tab', { name: 'Upload a file' }).click();
    await expect(source.getByRole('alert')).toHaveCount(0);
    await page.getByLabel('Article file').setInputFiles({
      name: 'x.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x48, 0x69, 0x00, 0x00, 0x01, 0x02, 0xff, 0x00, 0x7f, 0x10]),
    });
    await previewButton.click();
    await expect(source.getByRole('alert')).toHaveText('This looks like a binary file, not text. Import a .txt, .md or .html file.');
    expect(previewRequests).toHaveLength(1);

    // More than 2 MB: refused before anything is sent.
    await page.getByLabel('Article file').setInputFiles({
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a'),
    });
    await expect(source.getByRole('alert')).toContainText('larger than 2 MB');
    await previewButton.click();
    await expect(source.getByRole('alert')).toContainText('larger than 2 MB');
    expect(previewRequests).toHaveLength(1);

    // A file type that is not an article.
    await page.getByLabel('Article file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
    await expect(source.getByRole('alert')).toHaveText('Only .txt, .md, .markdown, .html and .htm files can be imported.');

    // Web addresses: not one at all, then one nothing answers on.
    await page.getByRole('tab', { name: 'From a web address' }).click();
    const address = page.getByLabel('Web address of the article');
    await address.fill('not a web address');
    await previewButton.click();
    await expect(source.getByRole('alert')).toHaveText('Enter a full web address starting with http:// or https://');
    const port = await findClosedPort();
    await address.fill(`http://127.0.0.1:${port}/story`);
    await previewButton.click();
    await expect(source.getByRole('alert')).toHaveText(`The server at 127.0.0.1:${port} refused the connection.`);
    await expect(address).toHaveAttribute('aria-invalid', 'true');

    // A message stays with the source it is about.
    await page.getByRole('tab', { name: 'Paste text' }).click();
    await expect(source.getByRole('alert')).toHaveCount(0);

    await expectNoSeriousViolations(page);
    expect(previewRequests).toHaveLength(2);
    await expect(page.getByRole('button', { name: 'Save article' })).toHaveCount(0);
    await expect(page).toHaveURL(/\/desk\/import$/);
  });
});

function ferryPage(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${title} | Island Herald</title>
  <meta property="og:site_name" content="Island Herald">
  <meta property="og:title" content="${title}">
  <meta name="author" content="Morgan Lee">
  <meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
  <main><article>
    <h1>${title}</h1>
    <p>The island ferry company raised its standard return fare from 30 to 40 euros on Monday, a rise of a third, citing fuel costs that it said had doubled since 2021.</p>
    <p>The transport minister told parliament that the company had received 12 million euros in public subsidies last year and should not need to raise fares at all.</p>
    <p>Sign up for our free morning newsletter, delivered to your inbox.</p>
    <p>Passenger groups said they would ask the competition authority to examine whether the new fares were justified by the company's published accounts.</p>
  </article></main>
  <footer>© 2024 Island Herald</footer>
</body>
</html>`;
}
