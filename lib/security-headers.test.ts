import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './security-headers';

const directives = (policy: string) => Object.fromEntries(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('security headers', () => {
  it('gives per-request pages a nonce policy with no unsafe-inline script', () => {
    for (const path of ['/desk', '/desk/articles/a-b', '/admin/users', '/sign-in']) {
      const csp = directives(contentSecurityPolicy(path, 'abc123'));
      expect(csp['script-src']).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
      expect(csp['frame-ancestors']).toBe("'none'");
    }
  });

  it('never allows inline event handlers, plugins, foreign forms or a foreign base', () => {
    for (const path of ['/desk', '/fact-checks/x', '/embed/x', '/']) {
      const csp = directives(contentSecurityPolicy(path, 'n'));
      expect(csp['script-src-attr']).toBe("'none'");
      expect(csp['object-src']).toBe("'none'");
      expect(csp['base-uri']).toBe("'self'");
      expect(csp['form-action']).toBe("'self'");
    }
  });

  it('lets only the embed card be framed, by anyone', () => {
    expect(directives(contentSecurityPolicy('/embed/some-claim', 'n'))['frame-ancestors']).toBe('*');
    expect(securityHeaders('/embed/some-claim', 'n')['x-frame-options']).toBeUndefined();
    for (const path of ['/fact-checks/some-claim', '/embed', '/embed/a/b', '/embedded/x', '/articles/x']) {
      expect([path, directives(contentSecurityPolicy(path, 'n'))['frame-ancestors']]).toEqual([path, "'none'"]);
      expect(securityHeaders(path, 'n')['x-frame-options']).toBe('DENY');
    }
  });

  it('sends nosniff and a referrer policy everywhere', () => {
    for (const path of ['/', '/desk', '/embed/x', '/feed.xml']) {
      expect(securityHeaders(path, 'n')).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin' });
    }
  });
});
