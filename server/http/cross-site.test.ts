import { describe, expect, it } from 'vitest';
import { checkCrossSiteRequest } from './cross-site';

const URL_OF_API = 'http://127.0.0.1:3100/api/trpc/claims.create';

function post(headers: Record<string, string>) {
  return new Request(URL_OF_API, { method: 'POST', headers: { host: '127.0.0.1:3100', ...headers }, body: '{}' });
}

describe('checkCrossSiteRequest', () => {
  it('lets JSON posts from our own pages (or from no browser at all) through', () => {
    expect(checkCrossSiteRequest(post({ 'content-type': 'application/json' }))).toEqual({ isAllowed: true });
    expect(checkCrossSiteRequest(post({ 'content-type': 'application/json; charset=utf-8', origin: 'http://127.0.0.1:3100' }))).toEqual({
      isAllowed: true,
    });
    expect(checkCrossSiteRequest(post({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }))).toEqual({ isAllowed: true });
  });

  it('accepts the public address and the forwarded host behind a proxy as our own origin', () => {
    const behindProxy = post({ 'content-type': 'application/json', origin: 'https://desk.example.org', 'x-forwarded-host': 'desk.example.org', 'x-forwarded-proto': 'https' });
    expect(checkCrossSiteRequest(behindProxy).isAllowed).toBe(true);
    const publicOrigin = post({ 'content-type': 'application/json', origin: 'https://facts.example.org' });
    expect(checkCrossSiteRequest(publicOrigin, 'https://facts.example.org/').isAllowed).toBe(true);
  });

  it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'text/plain;charset=UTF-8', '', 'application/jsonp', 'application/json-seq'])(
    'refuses a post sent as %j',
    (contentType) => {
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      expect(checkCrossSiteRequest(post(headers)).isAllowed).toBe(false);
    },
  );

  it.each(['https://evil.example', 'http://127.0.0.1:3101', 'http://127.0.0.1:3100.evil.example', 'null'])('refuses a post from origin %s', (origin) => {
    expect(checkCrossSiteRequest(post({ 'content-type': 'application/json', origin })).isAllowed).toBe(false);
  });

  it('refuses a post the browser marks as cross-site', () => {
    expect(checkCrossSiteRequest(post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' })).isAllowed).toBe(false);
  });

  it('never refuses reads: tRPC runs mutations over POST only', () => {
    const read = new Request(URL_OF_API, { method: 'GET', headers: { origin: 'https://evil.example' } });
    expect(checkCrossSiteRequest(read).isAllowed).toBe(true);
  });
});
