import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { trpcMutation, trpcQuery } from './trpc';
import { LITERAL_CHECKS, XSS_PAYLOADS } from './xss-corpus';
import { expectNoExecution, instrumentedPage } from './xss-instrument';

const P = XSS_PAYLOADS;
/** Publishing refuses HTML in the ClaimReview's text fields, so published claims carry the payloads without tags. */
const PLAIN = P.filter((p) => !p.includes('<'));

async function apiAs(browser: Browser, role: keyof typeof DEMO): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, DEMO[role].email);
  return context.request;
}

async function proposeWith(reviewer: APIRequestContext, claimId: number, summary: string, sources: string[]) {
  const detail = await trpcQuery<{ checklist: { key: string; isChecked: boolean }[] }>(reviewer, 'claims.detail', { claimId });
  for (const item of detail.checklist) await trpcMutation(reviewer, 'claims.setChecklistItem', { claimId, itemKey: item.key, isChecked: true });
  const fresh = await trpcQuery<{ claim: { version: number } }>(reviewer, 'claims.detail', { claimId });
  return trpcMutation<{ verdictId: number }>(reviewer, 'verdicts.propose', {
    claimId,
    claimVersion: fresh.claim.version,
    ratingKey: 'false',
    summary: `Summary: ${summary}`.slice(0, 280),
    ruling: `Ruling.\n\n${P.join('\n\n')}`,
    sources: sources.map((title, i) => ({ url: `https://example.org/source-${i}?q=${encodeURIComponent(title.slice(0, 50))}`, title: title.slice(0, 300) })),
    correctionNote: null,
  });
}

test(`${P.length} XSS payloads in every user-writable field never run on any page that shows them`, async ({ browser }) => {
  test.setTimeout(240_000);
  expect(P.length).toBeGreaterThanOrEqual(100);
  const stamp = Date.now();
  const reviewer = await apiAs(browser, 'reviewer');
  const editor = await apiAs(browser, 'editor2');
  const admin = await apiAs(browser, 'admin');

  const paragraphs = P.map((payload, i) => `Paragraph ${i}: ${payload}`);
  const article = await trpcMutation<{ id: number; slug: string }>(reviewer, 'articles.import', {
    title: `XSS ${stamp} ${PLAIN[0]}`,
    dek: P.slice(0, 30).join(' ').slice(0, 2000),
    paragraphs,
    publisher: PLAIN[1]!.slice(0, 200),
    author: PLAIN[2]!.slice(0, 300),
    url: null,
    publishedAt: null,
    language: 'en',
  });
  const text = paragraphs.join('\n\n');
  const claims: { id: number; slug: string }[] = [];
  for (const [i, payload] of P.entries()) {
    const quote = `Paragraph ${i}:`;
    const start = text.indexOf(`${quote} `);
    const end = start + quote.length;
    claims.push(
      await trpcMutation<{ id: number; slug: string }>(reviewer, 'claims.create', {
        articleId: article.id,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
          position: { type: 'TextPositionSelector', start, end },
        },
        statement: i < 5 ? PLAIN[i]! : payload,
        claimant: (i < 5 ? PLAIN[i + 5]! : payload).slice(0, 200),
        assigneeId: null,
        tags: i < 10 ? [payload.slice(0, 40)] : [],
      }),
    );
  }
  for (const payload of P) await trpcMutation(reviewer, 'annotations.create', { claimId: claims[0]!.id, kind: 'note', body: payload });
  await trpcMutation(reviewer, 'annotations.create', {
    claimId: claims[0]!.id,
    kind: 'evidence',
    body: P[5],
    evidence: { sourceUrl: 'https://example.org/evidence', sourceTitle: P[6]!.slice(0, 300), excerpt: P.slice(0, 50).join('\n'), archiveUrl: null, stance: 'supports' },
  });

  // Verdicts: three published, one returned with a comment, one pending.
  for (let i = 0; i < 5; i += 1) {
    const { verdictId } = await proposeWith(reviewer, claims[i]!.id, P[i]!, P.slice(i * 30, i * 30 + 30));
    if (i < 3) await trpcMutation(editor, 'verdicts.approve', { verdictId, version: 1 });
    if (i === 3) await trpcMutation(editor, 'verdicts.return', { verdictId, version: 1, comment: P.slice(0, 60).join('\n').slice(0, 5000) });
  }
  const published = await trpcQuery<{ claim: { slug: string } }>(reviewer, 'claims.detail', { claimId: claims[0]!.id });
  for (const payload of P.slice(0, 10)) {
    await trpcMutation(admin, 'users.create', {
      email: `xss-${stamp}-${Math.random().toString(36).slice(2, 8)}@example.test`,
      name: payload.slice(0, 120),
      role: 'reviewer',
      password: `password-${stamp}`,
    });
  }

  const desk = await instrumentedPage(browser, 'editor');
  const deskPaths = [
    `/desk/articles/${article.slug}`,
    `/desk/articles/${article.slug}?claim=${claims[0]!.id}`,
    `/desk/articles/${article.slug}?claim=${claims[3]!.id}`,
    '/desk/review',
    `/desk/review/${claims[4]!.id}`,
    '/desk',
    '/desk/overview',
  ];
  for (const path of deskPaths) await expectNoExecution(desk.page, desk.dialogs, path);
  // Shown as text: the statements are on the workspace, word for word.
  await desk.page.goto(`/desk/articles/${article.slug}`);
  const deskText = (await desk.page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const payload of LITERAL_CHECKS.filter((p) => P.indexOf(p) >= 5)) expect(deskText).toContain(payload.replace(/\s+/g, ' ').trim());

  const adminPage = await instrumentedPage(browser, 'admin');
  await expectNoExecution(adminPage.page, adminPage.dialogs, '/admin/users');
  await expect(adminPage.page.getByText(P[0]!.slice(0, 120), { exact: true })).toBeVisible();

  const reader = await instrumentedPage(browser, 'reviewer');
  const publicPaths = [
    '/fact-checks',
    `/fact-checks?q=${encodeURIComponent('script')}`,
    `/fact-checks/${published.claim.slug}`,
    `/articles/${article.slug}`,
    `/embed/${published.claim.slug}`,
    '/articles',
  ];
  for (const path of publicPaths) await expectNoExecution(reader.page, reader.dialogs, path);
  await reader.page.goto(`/articles/${article.slug}`);
  const articleText = (await reader.page.locator('body').innerText()).replace(/\s+/g, ' ');
  for (const [i, payload] of P.entries()) {
    // Paragraphs 0 to 4 carry the published claims' highlights and verdict badges inline.
    if (i >= 5 && LITERAL_CHECKS.includes(payload)) expect(articleText).toContain(`Paragraph ${i}: ${payload.replace(/\s+/g, ' ').trim()}`);
  }
  await reader.page.goto(`/fact-checks/${published.claim.slug}`);
  await expect(reader.page.getByRole('heading', { level: 1 })).toContainText(PLAIN[0]!.trim());
});
