// Cross-site request forgery on the tRPC endpoint. A session cookie rides along with any
// request a browser sends, so a state-changing request must prove it came from our own pages:
// JSON only (a cross-site <form> or a "simple" fetch cannot send application/json without a
// CORS preflight, which is never granted), and no foreign Origin. Checked in the route handler
// itself, so no proxy or rewrite can route around it.

/** Content types a cross-site form or simple request can send without a preflight. */
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

export type CrossSiteVerdict = { isAllowed: true } | { isAllowed: false; reason: string };

function originsOf(request: Request, publicUrl: string | undefined): Set<string> {
  const own = new Set<string>([new URL(request.url).origin]);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (host) {
    const protocol = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
    for (const scheme of new Set([protocol, 'http', 'https'])) {
      try {
        own.add(new URL(`${scheme}://${host}`).origin);
      } catch {
        // A malformed Host header names no origin of ours.
      }
    }
  }
  if (publicUrl) {
    try {
      own.add(new URL(publicUrl).origin);
    } catch {
      // An unparsable PUBLIC_URL adds nothing.
    }
  }
  return own;
}

/**
 * Whether a request to /api/trpc may run. Reads (GET, HEAD) are never refused here: tRPC runs
 * mutations only over POST, and reading a public or own page changes nothing.
 */
export function checkCrossSiteRequest(request: Request, publicUrl = process.env.PUBLIC_URL): CrossSiteVerdict {
  const method = request.method.toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { isAllowed: true };
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    return { isAllowed: false, reason: `Requests that change data must be sent as application/json, not ${contentType || 'no content type'}.` };
  }
  const origin = request.headers.get('origin');
  if (origin !== null && !originsOf(request, publicUrl).has(origin)) {
    return { isAllowed: false, reason: 'Requests from other sites are refused.' };
  }
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return { isAllowed: false, reason: 'Requests from other sites are refused.' };
  }
  return { isAllowed: true };
}

/** The 403 a refused request gets, shaped like a tRPC error so the client shows its message. */
export function crossSiteRefusal(reason: string): Response {
  return Response.json(
    { error: { json: { message: reason, code: -32003, data: { code: 'FORBIDDEN', httpStatus: 403 } } } },
    { status: 403 },
  );
}
