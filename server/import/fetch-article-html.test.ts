import { type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isImportError, MAX_IMPORT_BYTES } from '@/lib/article-import';
import { fetchArticleHtml } from './fetch-article-html';
import { createGuardedFetch } from './guarded-fetch';
import { findClosedPort, startTestServer, type TestServer } from './test-http-server';

const PAGE = '<!doctype html><html><head><title>Test page</title></head><body><p>Hello from the test server.</p></body></html>';
const local = { allowPrivateAddresses: true } as const;

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
  const redirect = (to: string) => (_: unknown, response: ServerResponse) => {
    response.writeHead(302, { location: to }).end();
  };
  server = await startTestServer({
    '/article': (_, response) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    '/r1': redirect('/r2'),
    '/r2': redirect('/r3'),
    '/r3': redirect('/article'),
    '/r4': redirect('/r1'),
    '/to-file': redirect('file:///etc/passwd'),
    '/pdf': (_, response) => response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    '/json': (_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    '/untyped-html': (_, response) => {
      response.removeHeader('content-type');
      response.writeHead(200).end(PAGE);
    },
    '/untyped-text': (_, response) => {
      response.writeHead(200).end('just some bytes, not a page');
    },
    '/missing': (_, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>'),
    '/hang': () => {
      // Never answers.
    },
    '/slow-body': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<html><body><p>Start');
      // The rest never comes.
    },
    '/huge-streamed': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      let sent = 0;
      const push = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) {
            response.once('drain', push);
            return;
          }
        }
        response.end();
      };
      push();
    },
    '/huge-declared': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(MAX_IMPORT_BYTES + 1) });
      response.write('<p>');
    },
    '/gzip': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(PAGE));
    },
    '/latin': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' }).end(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x51, 0x94, 0x20, 0xe9]));
    },
    '/binary': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    },
  });
});

afterAll(async () => {
  await server.close();
});

describe('fetchArticleHtml against a local server', () => {
  it('fetches an HTML page when private addresses are allowed', async () => {
    const result = await fetchArticleHtml(server.url('/article'), local);
    expect(result).toEqual({ html: PAGE, finalUrl: server.url('/article') });
  });

  it('refuses the same loopback address by default, before any request is sent', async () => {
    const before = server.requests.length;
    expect(await codeOf(fetchArticleHtml(server.url('/article')))).toBe('BLOCKED_ADDRESS');
    // A host name is resolved with DNS and judged by its addresses.
    expect(await codeOf(fetchArticleHtml(`http://localhost:${server.port}/article`))).toBe('BLOCKED_ADDRESS');
    expect(server.requests.length).toBe(before);
  });

  it('refuses at connect time too, so a DNS answer that changes after the check cannot reach loopback', async () => {
    const before = server.requests.length;
    const guardedFetch = createGuardedFetch();
    expect(await codeOf(guardedFetch(`http://localhost:${server.port}/article`))).toBe('BLOCKED_ADDRESS');
    expect(server.requests.length).toBe(before);
  });

  it('follows up to three redirects and reports the final URL', async () => {
    const result = await fetchArticleHtml(server.url('/r1'), local);
    expect(result.finalUrl).toBe(server.url('/article'));
    expect(result.html).toBe(PAGE);
  });

  it('refuses a fourth redirect without following it', async () => {
    const before = server.requests.length;
    const promise = fetchArticleHtml(server.url('/r4'), local);
    await expect(promise).rejects.toMatchObject({ code: 'UNREACHABLE', message: expect.stringMatching(/more than 3 times/) });
    expect(server.requests.slice(before)).toEqual(['/r4', '/r1', '/r2', '/r3']);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    expect(await codeOf(fetchArticleHtml(server.url('/to-file'), local))).toBe('BLOCKED_ADDRESS');
  });

  it('refuses non-HTML content types', async () => {
    await expect(fetchArticleHtml(server.url('/pdf'), local)).rejects.toMatchObject({
      code: 'NOT_HTML',
      message: expect.stringContaining('application/pdf'),
    });
    expect(await codeOf(fetchArticleHtml(server.url('/json'), local))).toBe('NOT_HTML');
  });

  it('accepts a page without Content-Type only when the body is recognisably HTML', async () => {
    expect((await fetchArticleHtml(server.url('/untyped-html'), local)).html).toBe(PAGE);
    expect(await codeOf(fetchArticleHtml(server.url('/untyped-text'), local))).toBe('NOT_HTML');
  });

  it('reports HTTP errors and closed ports as UNREACHABLE', async () => {
    await expect(fetchArticleHtml(server.url('/missing'), local)).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('404'),
    });
    const port = await findClosedPort();
    await expect(fetchArticleHtml(`http://127.0.0.1:${port}/`, local)).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('refused'),
    });
  });

  it('gives up with TIMEOUT when the server does not answer in time', async () => {
    const started = Date.now();
    expect(await codeOf(fetchArticleHtml(server.url('/hang'), { ...local, timeoutMs: 200 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up with TIMEOUT when the body never finishes', async () => {
    const started = Date.now();
    expect(await codeOf(fetchArticleHtml(server.url('/slow-body'), { ...local, timeoutMs: 300 }))).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops reading at 2 MB with TOO_LARGE, whether or not the size was declared', async () => {
    expect(await codeOf(fetchArticleHtml(server.url('/huge-streamed'), local))).toBe('TOO_LARGE');
    expect(await codeOf(fetchArticleHtml(server.url('/huge-declared'), local))).toBe('TOO_LARGE');
  });

  it('decodes gzip and the declared charset', async () => {
    expect((await fetchArticleHtml(server.url('/gzip'), local)).html).toBe(PAGE);
    expect((await fetchArticleHtml(server.url('/latin'), local)).html).toBe('<p>“Q” é');
  });

  it('rejects a binary body served as HTML', async () => {
    expect(await codeOf(fetchArticleHtml(server.url('/binary'), local))).toBe('BINARY');
  });
});

describe('fetchArticleHtml address checks (no network)', () => {
  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.5/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'http://100.64.1.1/',
    // The URL parser turns these spellings of 127.0.0.1 into the dotted form first.
    'http://2130706433/',
    'http://0x7f000001/',
    'http://127.1/',
  ])('refuses %s without calling fetch', async (url) => {
    const fetchImpl = vi.fn<typeof fetch>();
    expect(await codeOf(fetchArticleHtml(url, { fetchImpl }))).toBe('BLOCKED_ADDRESS');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each(['ftp://example.org/a', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:secret@example.org/'])(
    'refuses %s',
    async (url) => {
      expect(await codeOf(fetchArticleHtml(url, { fetchImpl: vi.fn<typeof fetch>() }))).toBe('BLOCKED_ADDRESS');
    },
  );

  it('checks every redirect hop: a public page redirecting to the metadata address is refused', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () =>
      new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } }),
    );
    expect(await codeOf(fetchArticleHtml('http://93.184.215.14/story', { fetchImpl }))).toBe('BLOCKED_ADDRESS');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl.mock.calls[0]?.[1]).toMatchObject({ redirect: 'manual' });
  });

  it('maps a network failure of a custom fetch to UNREACHABLE', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET' }) });
    });
    await expect(fetchArticleHtml('http://93.184.215.14/story', { fetchImpl })).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('interrupted'),
    });
  });
});
