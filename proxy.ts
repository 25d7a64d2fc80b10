// Security headers on every response (lib/security-headers.ts chooses them by path), and a
// per-request nonce that Next.js puts on its own scripts in pages rendered per request.
// Authorisation is not done here: procedures and services enforce it (a proxy can be bypassed).
import { NextResponse, type NextRequest } from 'next/server';
import { securityHeaders } from '@/lib/security-headers';

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders(request.nextUrl.pathname, nonce, { isDevelopment: process.env.NODE_ENV === 'development' });
  // Next.js reads the nonce from the request's Content-Security-Policy header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', headers['content-security-policy']!);
  requestHeaders.set('x-nonce', nonce);
  // A request id from an upstream proxy is kept when it looks like one; it ends up in log lines.
  if (!/^[A-Za-z0-9._-]{8,64}$/.test(requestHeaders.get('x-request-id') ?? '')) requestHeaders.set('x-request-id', crypto.randomUUID());
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set('x-request-id', requestHeaders.get('x-request-id')!);
  return response;
}

export const config = {
  // Static build output carries no user content; everything else, pages and APIs, gets the headers.
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
