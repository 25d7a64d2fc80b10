import type { Browser } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation } from './trpc';

function directivesOf(policy: string | undefined): Record<string, string> {
  expect(policy, 'a Content-Security-Policy header').toBeTruthy();
  return Object.fromEntries(policy!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
}

async function publishedFactCheck(browser: Browser) {
  const stamp = Date.now();
  const reviewer = (await browser.newContext()).request;
  const editor = (await browser.newContext()).request;
  await signInThroughApi(reviewer, DEMO.reviewer.email);
  await signInThroughApi(editor, DEMO.editor2.email);
  const { article, claim } = await seedArticleWithClaim(reviewer, {
    title: `Headers ${stamp}`,
    paragraphs: [`The council said the park is 40 hectares (${stamp}).`],
    quote: 'the park is 40 hectares',
    statement: `The park is 40 hectares (${stamp})`,
    claimant: 'The council',
  });
  const { verdictId } = await proposeThroughApi(reviewer, claim.id, {
    ratingLabel: 'True',
    summary: 'The land registry says 40.2 hectares.',
    ruling: 'The land registry entry for the park gives its area as 40.2 hectares.',
  });
  const { claimSlug } = await trpcMutation<{ claimSlug: string }>(editor, 'verdicts.approve', { verdictId, version: 1 });
  return { claimSlug, articleSlug: article.slug };
}

test('every response carries nosniff, a referrer policy and a CSP; only the embed card may be framed', async ({ request, browser }) => {
  const { claimSlug, articleSlug } = await publishedFactCheck(browser);
  const paths = ['/', '/sign-in', '/fact-checks', `/fact-checks/${claimSlug}`, `/articles/${articleSlug}`, '/methodology', '/feed.xml', '/sitemap.xml', '/api/health', '/desk', `/embed/${claimSlug}`, '/no-such-page'];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect([path, headers['x-content-type-options']]).toEqual([path, 'nosniff']);
    expect([path, headers['referrer-policy']]).toEqual([path, 'strict-origin-when-cross-origin']);
    const csp = directivesOf(headers['content-security-policy']);
    expect([path, csp['object-src'], csp['script-src-attr'], csp['base-uri']]).toEqual([path, "'none'", "'none'", "'self'"]);
    const isEmbed = path.startsWith('/embed/');
    expect([path, csp['frame-ancestors']]).toEqual([path, isEmbed ? '*' : "'none'"]);
    expect([path, headers['x-frame-options']]).toEqual([path, isEmbed ? undefined : 'DENY']);
    expect(headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  }
});

test('pages rendered per request allow only scripts with this response’s nonce, and Next’s scripts carry it', async ({ page }) => {
  for (const path of ['/sign-in', '/desk']) {
    await signInThroughApi(page.request, DEMO.reviewer.email);
    const response = await page.request.get(path);
    const csp = directivesOf(response.headers()['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp['script-src'] ?? '')?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    expect(csp['script-src']).not.toContain('unsafe-inline');
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const withoutNonce = scripts.filter((attrs) => !attrs.includes('application/ld+json') && !attrs.includes(`nonce="${nonce}"`));
    expect([path, withoutNonce]).toEqual([path, []]);
    // A second response gets a different nonce.
    const again = directivesOf((await page.request.get(path)).headers()['content-security-policy']);
    expect(again['script-src']).not.toContain(nonce!);
  }
});

test('the pages hydrate and work under the policy, with no CSP violation, and JSON-LD is still there', async ({ page, browser }) => {
  const { claimSlug } = await publishedFactCheck(browser);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`/fact-checks/${claimSlug}`);
  const jsonLd = await page.locator('script[type="application/ld+json"]').first().textContent();
  expect(JSON.parse(jsonLd ?? '{}')['@type']).toBe('ClaimReview');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO.editor.email);
  await page.getByLabel('Password').fill('factdesk-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/desk');
  await page.goto('/desk/review');
  await expect(page.getByRole('link', { name: /Review queue/ })).toBeVisible();
  expect(violations).toEqual([]);
});
