import { expect, type APIRequestContext } from '@playwright/test';

// Minimal tRPC-over-HTTP calls for seeding test data through the real API (superjson wire format).
type SuperJson = { json: unknown; meta?: unknown };

function unwrap(body: unknown): unknown {
  const data = (body as { result?: { data?: SuperJson } }).result?.data;
  return data?.json;
}

export async function trpcMutation<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.ok(), `${path} failed: ${JSON.stringify(body)}`).toBe(true);
  return unwrap(body) as T;
}

export async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const encoded = encodeURIComponent(JSON.stringify({ json: input }));
  const response = await request.get(`/api/trpc/${path}?input=${encoded}`);
  const body = await response.json();
  expect(response.ok(), `${path} failed: ${JSON.stringify(body)}`).toBe(true);
  return unwrap(body) as T;
}

/** Marks `quote` (its first occurrence) in an article's text as a claim, through the API. */
export async function markClaimThroughApi(
  request: APIRequestContext,
  { articleId, paragraphs, quote, statement, claimant }: { articleId: number; paragraphs: string[]; quote: string; statement: string; claimant: string },
) {
  const text = paragraphs.join('\n\n');
  const start = text.indexOf(quote);
  expect(start, `"${quote}" is not in the article`).toBeGreaterThanOrEqual(0);
  const end = start + quote.length;
  return trpcMutation<{ id: number; slug: string; version: number }>(request, 'claims.create', {
    articleId,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
    },
    statement,
    claimant,
    assigneeId: null,
    tags: [],
  });
}

/** Imports an article through the API. */
export async function importThroughApi(
  request: APIRequestContext,
  { title, paragraphs, dek = null, url = null }: { title: string; paragraphs: string[]; dek?: string | null; url?: string | null },
) {
  return trpcMutation<{ id: number; slug: string; version: number }>(request, 'articles.import', {
    title,
    dek,
    paragraphs,
    publisher: 'E2E Gazette',
    author: null,
    url,
    publishedAt: null,
    language: 'en',
  });
}

/** Imports an article and marks `quote` in it as a claim, through the API. */
export async function seedArticleWithClaim(
  request: APIRequestContext,
  { title, paragraphs, quote, statement, claimant }: { title: string; paragraphs: string[]; quote: string; statement: string; claimant: string },
) {
  const article = await importThroughApi(request, { title, paragraphs });
  const claim = await markClaimThroughApi(request, { articleId: article.id, paragraphs, quote, statement, claimant });
  return { article, claim };
}

/** Ticks the checklist and proposes a verdict on a claim, through the API. */
export async function proposeThroughApi(
  request: APIRequestContext,
  claimId: number,
  verdict: { ratingLabel: string; summary: string; ruling: string; correctionNote?: string },
) {
  const detail = await trpcQuery<{
    claim: { version: number; status: string };
    checklist: { key: string; isChecked: boolean }[];
    ratingScale: { key: string; label: string }[];
  }>(request, 'claims.detail', { claimId });
  if (detail.claim.status === 'open') {
    for (const item of detail.checklist.filter((i) => !i.isChecked)) {
      await trpcMutation(request, 'claims.setChecklistItem', { claimId, itemKey: item.key, isChecked: true });
    }
  }
  const fresh = await trpcQuery<{ claim: { version: number } }>(request, 'claims.detail', { claimId });
  const rating = detail.ratingScale.find((r) => r.label === verdict.ratingLabel)!;
  return trpcMutation<{ verdictId: number }>(request, 'verdicts.propose', {
    claimId,
    claimVersion: fresh.claim.version,
    ratingKey: rating.key,
    summary: verdict.summary,
    ruling: verdict.ruling,
    sources: [{ url: 'https://example.org/evidence', title: 'Evidence page' }],
    correctionNote: verdict.correctionNote ?? null,
  });
}
