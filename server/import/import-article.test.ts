import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSourceSchema, isImportError, MAX_IMPORT_BYTES } from '@/lib/article-import';
import { importArticle } from './import-article';
import { startTestServer, type TestServer } from './test-http-server';

const fixture = readFileSync(fileURLToPath(new URL('../../demo/the-week-russia-blames-phones.txt', import.meta.url)), 'utf8');
const page = readFileSync(fileURLToPath(new URL('./test-fixtures/article-page.html', import.meta.url)), 'utf8');
const toBase64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return isImportError(error) ? error.code : `not an ImportError: ${String(error)}`;
  }
  return undefined;
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    '/news/harbour-tunnel': (_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
    '/old-link': (_, response) => response.writeHead(301, { location: '/news/harbour-tunnel' }).end(),
  });
});

afterAll(async () => {
  await server.close();
});

describe('importArticle', () => {
  it('imports pasted plain text', async () => {
    const article = await importArticle({ kind: 'text', text: fixture });
    expect(article.title).toBe('Following deadly Ukrainian attack, Russia puts blame on its own soldiers');
    expect(article.paragraphs).toHaveLength(6);
    expect(article.classified.some((p) => p.reason === 'related-stories')).toBe(true);
  });

  it('imports pasted Markdown when asked to', async () => {
    const article = await importArticle({ kind: 'text', format: 'markdown', text: '# Title here\n\nSome **bold** body text.' });
    expect(article).toMatchObject({ title: 'Title here', paragraphs: ['Some bold body text.'] });
  });

  it('imports pasted HTML with its source URL', async () => {
    const article = await importArticle({ kind: 'html', html: page, url: 'https://courier.example/x' });
    expect(article.url).toBe('https://courier.example/x');
    expect(article.paragraphs[0]).toMatch(/^The projected cost of the harbour tunnel/);
  });

  it('imports uploaded .txt (base64), .html (base64) and .md (text) files by extension', async () => {
    const txt = await importArticle({ kind: 'file', fileName: 'copy.TXT', contentBase64: toBase64(`\ufeff${fixture}`) });
    expect(txt.title).toBe('Following deadly Ukrainian attack, Russia puts blame on its own soldiers');
    expect(txt.paragraphs).toHaveLength(6);

    const html = await importArticle({ kind: 'file', fileName: 'saved-page.htm', contentBase64: toBase64(page) });
    expect(html.publisher).toBe('Coastline Courier');
    expect(JSON.stringify(html)).not.toContain('<');

    const md = await importArticle({ kind: 'file', fileName: 'draft.markdown', text: '# Draft\n\n- first point\n- second point' });
    expect(md.paragraphs).toEqual(['first point', 'second point']);
  });

  it('rejects binary, empty and oversized files', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await codeOf(importArticle({ kind: 'file', fileName: 'photo.txt', contentBase64: toBase64(png) }))).toBe('BINARY');
    expect(await codeOf(importArticle({ kind: 'file', fileName: 'empty.txt', contentBase64: '' }))).toBe('EMPTY');
    expect(await codeOf(importArticle({ kind: 'file', fileName: 'blank.md', text: '  \n\n ' }))).toBe('EMPTY');
    const big = toBase64(new Uint8Array(MAX_IMPORT_BYTES + 10).fill(0x61));
    expect(await codeOf(importArticle({ kind: 'file', fileName: 'big.txt', contentBase64: big }))).toBe('TOO_LARGE');
  });

  it('imports a URL served by a real local server, following a redirect to the final URL', async () => {
    const source = importSourceSchema.parse({ kind: 'url', url: server.url('/old-link') });
    const article = await importArticle(source, { allowPrivateAddresses: true });
    expect(article.url).toBe(server.url('/news/harbour-tunnel'));
    expect(article.title).toBe('Harbour tunnel costs double, documents show');
    expect(article.paragraphs).toHaveLength(10);
    expect(article.author).toBe('Priya Shah');
  });

  it('refuses the same local URL without allowPrivateAddresses', async () => {
    const before = server.requests.length;
    expect(await codeOf(importArticle({ kind: 'url', url: server.url('/news/harbour-tunnel') }))).toBe('BLOCKED_ADDRESS');
    expect(server.requests.length).toBe(before);
  });
});
