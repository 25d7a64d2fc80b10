import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { findAuditEventsForEntity } from '@/db/queries/audit';
import { createTestDb, testDialects, type TestDb } from './helpers/databases';
import { callerFor, seedUser, type SeededUser } from './helpers/seed';

const FIXTURE = fs.readFileSync(new URL('../../demo/the-week-russia-blames-phones.txt', import.meta.url), 'utf8');
const FIXTURE_TITLE = 'Following deadly Ukrainian attack, Russia puts blame on its own soldiers';

const ARTICLE_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry timetable cut by half, port admits | Harbour Herald</title>
  <meta property="og:title" content="Ferry timetable cut by half, port admits">
  <meta property="og:site_name" content="Harbour Herald">
  <meta name="author" content="Sam Porter">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/subscribe">Subscribe</a></nav>
  <article>
    <h1>Ferry timetable cut by half, port admits</h1>
    <p>The island ferry will run eight crossings a day from March instead of sixteen, the port authority confirmed on Monday, after weeks of denying that any cuts were planned.</p>
    <p>A spokesperson said the change was needed because two of the four vessels are due for long repairs, and that the full timetable would return "as soon as the ships are back in the water".</p>
    <p>Islanders who commute to the mainland said the reduced service would make it impossible to reach early shifts, and the local council has asked the port to publish the repair schedule.</p>
    <p>The port authority has not said how long the repairs will take or what they will cost, and did not answer questions about whether a replacement vessel had been considered.</p>
  </article>
  <footer>© 2024 Harbour Herald. All rights reserved.</footer>
</body>
</html>`;

/** A page server on 127.0.0.1, closed when the test ends. */
async function servePage(html: string): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    requests.push(request.url ?? '/');
    if (request.url === '/news/ferry') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/news/ferry`, requests };
}

/** Sets IMPORT_ALLOW_PRIVATE_ADDRESSES for this test only. */
function allowPrivateAddresses(value: string | undefined) {
  const previous = process.env.IMPORT_ALLOW_PRIVATE_ADDRESSES;
  if (value === undefined) delete process.env.IMPORT_ALLOW_PRIVATE_ADDRESSES;
  else process.env.IMPORT_ALLOW_PRIVATE_ADDRESSES = value;
  onTestFinished(() => {
    if (previous === undefined) delete process.env.IMPORT_ALLOW_PRIVATE_ADDRESSES;
    else process.env.IMPORT_ALLOW_PRIVATE_ADDRESSES = previous;
  });
}

describe.each(testDialects())('article import on %s', (dialect) => {
  let testDb: TestDb;
  let reviewer: SeededUser;

  beforeAll(async () => {
    testDb = await createTestDb(dialect);
    reviewer = await seedUser(testDb.db, 'reviewer');
  });
  afterAll(() => testDb.dispose());

  /** Every article id on every page of articles.list. */
  async function allArticleIds(): Promise<number[]> {
    const caller = await callerFor(testDb.db, reviewer);
    const ids: number[] = [];
    for (let page = 1; ; page += 1) {
      const result = await caller.articles.list({ page });
      ids.push(...result.items.map((a) => a.id));
      if (!result.hasMore) return ids;
    }
  }

  async function revisionsOf(articleId: number) {
    const { articleRevisions } = testDb.db.t;
    return testDb.db.q.select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId));
  }

  describe('articles.previewImport', () => {
    it('extracts the title, dek and body from the demo text and marks the boilerplate', async () => {
      const before = await allArticleIds();
      const preview = await (await callerFor(testDb.db, reviewer)).articles.previewImport({ kind: 'text', text: FIXTURE });
      expect(preview.title).toBe(FIXTURE_TITLE);
      expect(preview.dek).toContain('blaming the use of cell phones');
      expect(preview.paragraphs.length).toBeGreaterThanOrEqual(5);
      const body = preview.paragraphs.join('\n');
      expect(body).toContain('reportedly left 89 people dead');
      expect(body).toContain('Serhii Cherevatyi');
      expect(body).not.toContain('Sign up for The Week');
      expect(body).not.toContain('Justin Klawans has worked');
      expect(body).not.toContain('bailout');

      const boilerplate = preview.classified.filter((p) => p.isBoilerplate);
      expect(boilerplate.some((p) => p.text.startsWith('Sign up for The Week'))).toBe(true);
      expect(boilerplate.some((p) => p.text.startsWith('Justin Klawans has worked'))).toBe(true);
      expect(boilerplate.some((p) => p.text.includes('bailout'))).toBe(true);
      for (const p of boilerplate) expect(p.reason).not.toBeNull();
      // The kept entries of the classification are exactly the paragraphs.
      expect(preview.classified.filter((p) => !p.isBoilerplate).map((p) => p.text)).toEqual(preview.paragraphs);
      // A preview stores nothing.
      expect(await allArticleIds()).toEqual(before);
    });

    it('refuses empty text with BAD_REQUEST and a clear message', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      for (const text of ['', '   \n\n  ']) {
        await expect(caller.articles.previewImport({ kind: 'text', text })).rejects.toMatchObject({
          code: 'BAD_REQUEST',
          message: expect.stringContaining('Paste the article text.'),
        });
      }
    });

    it('refuses a loopback URL as a blocked address without IMPORT_ALLOW_PRIVATE_ADDRESSES', async () => {
      allowPrivateAddresses(undefined);
      const { url, requests } = await servePage(ARTICLE_PAGE);
      await expect((await callerFor(testDb.db, reviewer)).articles.previewImport({ kind: 'url', url })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('private or local network'),
      });
      expect(requests).toEqual([]);
    });

    it('previews a page served on 127.0.0.1 when IMPORT_ALLOW_PRIVATE_ADDRESSES=1', async () => {
      allowPrivateAddresses('1');
      const { url, requests } = await servePage(ARTICLE_PAGE);
      const preview = await (await callerFor(testDb.db, reviewer)).articles.previewImport({ kind: 'url', url });
      expect(requests).toEqual(['/news/ferry']);
      expect(preview.title).toBe('Ferry timetable cut by half, port admits');
      expect(preview.url).toBe(url);
      expect(preview.paragraphs.join('\n')).toContain('eight crossings a day from March instead of sixteen');
      expect(preview.paragraphs.join('\n')).toContain('has not said how long the repairs will take');
      expect(preview.paragraphs.join('\n')).not.toContain('All rights reserved');
      expect(preview.paragraphs.join('\n')).not.toContain('Subscribe');
    });

    it('reports an unreachable page as BAD_REQUEST, not a server error', async () => {
      allowPrivateAddresses('1');
      const { url } = await servePage(ARTICLE_PAGE);
      await expect(
        (await callerFor(testDb.db, reviewer)).articles.previewImport({ kind: 'url', url: url.replace('/news/ferry', '/missing') }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('404') });
    });
  });

  describe('articles.import', () => {
    it('stores the previewed article with one revision; bySlug then finds it; the import is audited', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      const preview = await caller.articles.previewImport({ kind: 'text', text: FIXTURE });
      const before = await allArticleIds();
      const stored = await caller.articles.import({
        title: preview.title,
        dek: preview.dek,
        paragraphs: preview.paragraphs,
        publisher: preview.publisher,
        author: preview.author,
        url: 'https://theweek.com/russia/phones',
        publishedAt: new Date('2023-01-04T12:00:00Z'),
        language: 'en',
      });
      expect(stored).toMatchObject({ title: FIXTURE_TITLE, revisionNumber: 1, version: 1, paragraphs: preview.paragraphs });
      expect(stored.slug).toMatch(/^following-deadly-ukrainian-attack/);
      expect(await allArticleIds()).toEqual([stored.id, ...before]);

      const found = await caller.articles.bySlug({ slug: stored.slug });
      expect(found).toMatchObject({
        id: stored.id,
        title: FIXTURE_TITLE,
        dek: preview.dek,
        paragraphs: preview.paragraphs,
        url: 'https://theweek.com/russia/phones',
        language: 'en',
        revisionNumber: 1,
      });
      expect(found.publishedAt?.toISOString()).toBe('2023-01-04T12:00:00.000Z');

      const revisions = await revisionsOf(stored.id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ revisionNumber: 1, title: FIXTURE_TITLE, paragraphs: preview.paragraphs });

      const audit = await findAuditEventsForEntity(testDb.db, 'article', stored.id);
      expect(audit.map((e) => [e.action, e.actorId])).toEqual([['article.imported', reviewer.id]]);

      const workspace = await caller.articles.workspace({ slug: stored.slug });
      expect(workspace.article.id).toBe(stored.id);
      expect(workspace.claims).toEqual([]);
    });

    it('trims fields and fills defaults for optional ones', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      const stored = await caller.articles.import({ title: '  Minimal article  ', paragraphs: ['  Only one paragraph.  '] });
      expect(stored).toMatchObject({
        title: 'Minimal article',
        paragraphs: ['Only one paragraph.'],
        dek: null,
        url: null,
        publisher: null,
        publishedAt: null,
      });
      expect(await revisionsOf(stored.id)).toHaveLength(1);
    });

    it('writes nothing when the import is invalid (BAD_REQUEST)', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      const before = await allArticleIds();
      const valid = { title: 'Refused article', paragraphs: ['A paragraph.'] };
      const attempts = [
        { ...valid, paragraphs: [] },
        { ...valid, paragraphs: ['Fine.', '   '] },
        { ...valid, title: '   ' },
        { ...valid, paragraphs: ['x'.repeat(100_001)] },
        { ...valid, paragraphs: Array.from({ length: 5_001 }, (_, i) => `Paragraph ${i}.`) },
        // Each paragraph within its limit, together more than 2 MB.
        { ...valid, paragraphs: Array.from({ length: 21 }, () => 'y'.repeat(100_000)) },
        { ...valid, url: 'javascript:alert(1)' },
        { ...valid, language: 'not a language' },
      ];
      for (const input of attempts) {
        await expect(caller.articles.import(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      }
      await expect(caller.articles.import({ ...valid, paragraphs: [] })).rejects.toMatchObject({
        message: expect.stringContaining('Keep at least one paragraph.'),
      });
      expect(await allArticleIds()).toEqual(before);
      await expect(caller.articles.bySlug({ slug: 'refused-article' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('never answers a NUL character in the text with a server error: refused (BAD_REQUEST) or stored without it', async () => {
      // The preview refuses NUL as binary content; PostgreSQL cannot store it in text or jsonb.
      const caller = await callerFor(testDb.db, reviewer);
      for (const { input, kept } of [
        { input: { title: 'Null byte\u0000 in the title', paragraphs: ['A clean paragraph.'] }, kept: /in the title/ },
        { input: { title: 'Null byte in the body', paragraphs: ['Before\u0000after.'] }, kept: /Before ?after\./ },
      ]) {
        const before = await allArticleIds();
        const outcome = await caller.articles.import(input).then(
          (article) => ({ code: 'ok', text: [article.title, ...article.paragraphs].join('\n') }),
          (error: unknown) => ({ code: (error as { code?: string }).code, text: '' }),
        );
        expect(['ok', 'BAD_REQUEST']).toContain(outcome.code);
        expect(outcome.text).not.toContain('\u0000');
        if (outcome.code !== 'ok') expect(await allArticleIds()).toEqual(before);
        // Stored: only the NUL is gone; SQLite must not cut the text at it.
        else expect(outcome.text).toMatch(kept);
      }
    });

    it('gives a re-imported article a distinct slug', async () => {
      const caller = await callerFor(testDb.db, reviewer);
      const first = await caller.articles.import({ title: 'Imported twice over', paragraphs: ['Same body.'] });
      const second = await caller.articles.import({ title: 'Imported twice over', paragraphs: ['Same body.'] });
      expect(second.slug).not.toBe(first.slug);
      expect((await caller.articles.bySlug({ slug: second.slug })).id).toBe(second.id);
    });
  });

  it('answers NOT_FOUND for the workspace of an unknown article', async () => {
    await expect((await callerFor(testDb.db, reviewer)).articles.workspace({ slug: 'no-such-article-here' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
