// A minimal `fetch` over node:http/https whose DNS lookup refuses blocked addresses at
// connect time. Checking the hostname before calling the global fetch is not enough on its
// own: fetch resolves the name again, and a hostile DNS server can answer with a public
// address the first time and 127.0.0.1 the second (DNS rebinding). Validating inside the
// socket's own lookup closes that gap, because the address checked is the address used.

import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { type LookupFunction } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ImportError } from '@/lib/article-import';
import { isBlockedAddress } from './blocked-addresses';

export const BLOCKED_ADDRESS_MESSAGE =
  'This address points to a private or local network (or a special-purpose address) and cannot be imported.';

/** A socket lookup that resolves like the default one but fails on any blocked address. */
export const lookupPublicAddress: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) {
      callback(error, '', 0);
      return;
    }
    if (addresses.length === 0 || addresses.some((entry) => isBlockedAddress(entry.address))) {
      callback(new ImportError('BLOCKED_ADDRESS', BLOCKED_ADDRESS_MESSAGE), '', 0);
      return;
    }
    if (options.all) {
      (callback as (error: null, addresses: dns.LookupAddress[]) => void)(null, addresses);
      return;
    }
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
};

// Statuses whose responses cannot have a body (the Response constructor rejects one).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

function readRequestTarget(input: Parameters<typeof fetch>[0]): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

function decodeContentEncoding(response: http.IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const noop = () => {};
  // pipeline() destroys the whole chain on error, so a corrupt gzip stream errors the body.
  if (encoding === 'gzip' || encoding === 'x-gzip') return pipeline(response, zlib.createGunzip(), noop);
  if (encoding === 'deflate') return pipeline(response, zlib.createInflate(), noop);
  if (encoding === 'br') return pipeline(response, zlib.createBrotliDecompress(), noop);
  return response;
}

/**
 * A `fetch` for GET requests of web pages: never follows redirects itself (the caller checks
 * each hop), honours `signal`, decodes gzip/deflate/br, and unless `allowPrivateAddresses`
 * refuses to connect to blocked addresses.
 */
export function createGuardedFetch(options: { allowPrivateAddresses?: boolean } = {}): typeof fetch {
  const lookup = options.allowPrivateAddresses ? undefined : lookupPublicAddress;
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(readRequestTarget(input));
      const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
      if (!transport) {
        reject(new ImportError('BLOCKED_ADDRESS', 'Only http:// and https:// addresses can be imported.'));
        return;
      }
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, key) => {
        headers[key] = value;
      });
      const method = init?.method ?? 'GET';
      const request = transport.request(
        url,
        { method, headers, lookup, signal: init?.signal ?? undefined },
        (response) => {
          // A connection reset after the headers makes the response emit 'error'; unheard, that
          // would crash the process. The body stream below still reports it to the reader.
          response.on('error', () => {});
          const status = response.statusCode ?? 0;
          if (status < 200 || status > 599) {
            response.destroy();
            reject(new ImportError('UNREACHABLE', `The server sent an invalid HTTP status (${status}).`));
            return;
          }
          const responseHeaders = new Headers();
          try {
            for (const [name, value] of Object.entries(response.headers)) {
              if (Array.isArray(value)) value.forEach((item) => responseHeaders.append(name, item));
              else if (value !== undefined) responseHeaders.set(name, value);
            }
          } catch (error) {
            response.destroy();
            reject(new ImportError('UNREACHABLE', 'The server sent malformed HTTP headers.', { cause: error }));
            return;
          }
          const hasBody = !NULL_BODY_STATUSES.has(status) && method !== 'HEAD';
          if (!hasBody) response.resume();
          const decoded = hasBody ? decodeContentEncoding(response) : null;
          if (decoded !== response) {
            // The decoded body no longer has the encoded length or encoding.
            responseHeaders.delete('content-encoding');
            responseHeaders.delete('content-length');
          }
          const body = decoded ? (Readable.toWeb(decoded) as unknown as ReadableStream<Uint8Array>) : null;
          resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers: responseHeaders }));
        },
      );
      request.on('error', reject);
      request.end();
    });
}
