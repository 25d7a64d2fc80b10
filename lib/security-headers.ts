// The security headers of every response, chosen by path. Pure, so proxy.ts stays a thin
// adapter and the choice is unit-tested.

/**
 * Public pages are rendered once and served from Next.js's cache, so their HTML cannot carry a
 * per-request nonce; their inline scripts are Next's own RSC payload. Everything else renders per
 * request and gets a strict nonce policy: no inline script runs there without the nonce.
 */
const PER_REQUEST_PREFIXES = ['/desk', '/admin', '/sign-in', '/sign-out', '/api'];

export function isRenderedPerRequest(pathname: string): boolean {
  return PER_REQUEST_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** The verdict card is made to be embedded (oEmbed); nothing else may be framed. */
export function isEmbeddable(pathname: string): boolean {
  return /^\/embed\/[^/]+\/?$/.test(pathname);
}

export function contentSecurityPolicy(pathname: string, nonce: string, { isDevelopment = false } = {}): string {
  // JSON-LD (<script type="application/ld+json">) is a data block: script-src does not govern it.
  const scriptSrc = isRenderedPerRequest(pathname)
    ? `'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ''}`
    : `'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ''}`;
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${isEmbeddable(pathname) ? '*' : "'none'"}`,
  ].join('; ');
}

export function securityHeaders(pathname: string, nonce: string, options: { isDevelopment?: boolean } = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(pathname, nonce, options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(isEmbeddable(pathname) ? {} : { 'x-frame-options': 'DENY' }),
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
