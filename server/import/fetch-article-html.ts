// Fetching an article page for a reviewer. Everything about the request is bounded: the
// addresses it may reach, the number of redirects, the time and the size, because the URL
// comes from a user and the server does the fetching.

import dns from 'node:dns';
import { isIP } from 'node:net';
import { decodeTextBytes, ImportError, MAX_IMPORT_BYTES } from '@/lib/article-import';
import { isBlockedAddress } from './blocked-addresses';
import { BLOCKED_ADDRESS_MESSAGE, createGuardedFetch } from './guarded-fetch';

export type FetchArticleOptions = {
  /** Only for tests and local development: allows loopback and private-network addresses. */
  allowPrivateAddresses?: boolean;
  /** For the whole import: DNS, every redirect hop and the body. Default 10 s. */
  timeoutMs?: number;
  /** Default 2 MB (MAX_IMPORT_BYTES). */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Replaces the guarded node:http transport (tests); addresses are still checked per hop. */
  fetchImpl?: typeof fetch;
};

export type FetchedArticleHtml = { html: string; finalUrl: string };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_MIME_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REQUEST_HEADERS = {
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  'accept-encoding': 'gzip, deflate, br',
  'user-agent': 'FactdeskImporter/0.1 (newsroom fact-checking; article import)',
};

function parseImportableUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new ImportError('BLOCKED_ADDRESS', `“${value}” is not a valid web address.`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ImportError('BLOCKED_ADDRESS', 'Only http:// and https:// addresses can be imported.');
  }
  if (url.username || url.password) {
    throw new ImportError('BLOCKED_ADDRESS', 'Addresses containing a user name or password cannot be imported.');
  }
  return url;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

/** Resolves the host and refuses if any of its addresses is blocked. */
async function assertPublicHost(url: URL, signal: AbortSignal): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    if (isBlockedAddress(host)) throw new ImportError('BLOCKED_ADDRESS', BLOCKED_ADDRESS_MESSAGE);
    return;
  }
  let addresses: dns.LookupAddress[];
  try {
    // dns.lookup cannot be cancelled; racing it keeps the import inside its time budget.
    addresses = await Promise.race([dns.promises.lookup(host, { all: true, verbatim: true }), rejectOnAbort(signal)]);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ImportError('UNREACHABLE', `The server “${host}” could not be found.`, { cause: error });
  }
  if (addresses.length === 0 || addresses.some((entry) => isBlockedAddress(entry.address))) {
    throw new ImportError('BLOCKED_ADDRESS', BLOCKED_ADDRESS_MESSAGE);
  }
}

function describeNetworkError(error: unknown, url: URL): string {
  const code = (error as { cause?: { code?: unknown }; code?: unknown })?.cause?.code ?? (error as { code?: unknown })?.code;
  const host = url.host;
  switch (code) {
    case 'ECONNREFUSED':
      return `The server at ${host} refused the connection.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The server “${url.hostname}” could not be found.`;
    case 'ECONNRESET':
      return `The connection to ${host} was interrupted.`;
    default:
      return `The web address ${url.href} could not be reached.`;
  }
}

function readMimeType(contentType: string | null): string | null {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase();
  return essence ? essence : null;
}

function readCharset(contentType: string | null, head: Uint8Array): string | null {
  const fromHeader = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader;
  // Like browsers, look for <meta charset> in the first kilobytes (latin1 keeps bytes as chars).
  const prefix = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(prefix)?.[1] ?? null;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  return /^(?:<!doctype html|<html|<head|<body|<!--)/.test(prefix) || /<(?:p|div|article|title)[\s>]/.test(prefix);
}

/** Reads the body, counting bytes as they arrive so an endless or huge body is cut off early. */
async function readBodyWithLimit(response: Response, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  // A pending read() does not notice the abort by itself on every transport; cancel it.
  const cancel = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', cancel, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason ?? new Error('aborted');
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        cancel();
        throw new ImportError('TOO_LARGE', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', cancel);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Fetches an article page: http(s) only; every hop's host is resolved and refused when it is
 * loopback, private, link-local, CGNAT or otherwise special (unless allowPrivateAddresses);
 * at most `maxRedirects` redirects; the whole fetch within `timeoutMs`; the body within
 * `maxBytes`; HTML only. Throws ImportError (BLOCKED_ADDRESS, UNREACHABLE, TIMEOUT,
 * TOO_LARGE, NOT_HTML, BINARY).
 */
export async function fetchArticleHtml(url: string, options: FetchArticleOptions = {}): Promise<FetchedArticleHtml> {
  const allowPrivateAddresses = options.allowPrivateAddresses ?? false;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const fetchImpl = options.fetchImpl ?? createGuardedFetch({ allowPrivateAddresses });

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const signal = controller.signal;
  let current = parseImportableUrl(url);
  try {
    for (let redirects = 0; ; redirects++) {
      if (!allowPrivateAddresses) await assertPublicHost(current, signal);
      let response: Response;
      try {
        response = await fetchImpl(current.href, { method: 'GET', redirect: 'manual', signal, headers: REQUEST_HEADERS });
      } catch (error) {
        if (error instanceof ImportError || signal.aborted) throw error;
        throw new ImportError('UNREACHABLE', describeNetworkError(error, current), { cause: error });
      }

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new ImportError('UNREACHABLE', `${current.href} redirected without saying where to.`);
        if (redirects >= maxRedirects) {
          throw new ImportError('UNREACHABLE', `The web address redirected more than ${maxRedirects} times; import the final address instead.`);
        }
        current = parseImportableUrl(new URL(location, current).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
        throw new ImportError('UNREACHABLE', `The server answered ${status} for ${current.href}.`);
      }

      const contentType = response.headers.get('content-type');
      const mimeType = readMimeType(contentType);
      if (mimeType !== null && !HTML_MIME_TYPES.has(mimeType)) {
        await response.body?.cancel().catch(() => {});
        throw new ImportError('NOT_HTML', `The address returned ${mimeType}, not a web page. Download the file and import it instead.`);
      }
      const declaredLength = Number(response.headers.get('content-length'));
      if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new ImportError('TOO_LARGE', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
      }
      const bytes = await readBodyWithLimit(response, maxBytes, signal);
      // No Content-Type at all: accept the body only if it is recognisably HTML.
      if (mimeType === null && !looksLikeHtml(bytes)) throw new ImportError('NOT_HTML');
      if (bytes.byteLength === 0) throw new ImportError('NO_TEXT', 'The web page is empty.');
      const html = decodeTextBytes(bytes, readCharset(contentType, bytes));
      return { html, finalUrl: current.href };
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (signal.aborted) {
      throw new ImportError('TIMEOUT', `The web page did not load within ${Math.round(timeoutMs / 100) / 10} s.`, { cause: error });
    }
    throw new ImportError('UNREACHABLE', describeNetworkError(error, current), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
