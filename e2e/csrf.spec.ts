import type { APIRequestContext } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, signInThroughApi, test } from './fixtures';
import { baseURL } from './instances';
import { trpcQuery } from './trpc';

const IMPORT = '/api/trpc/articles.import';
const articleInput = (title: string) => ({ json: { title, paragraphs: ['A paragraph that should never be stored.'] } });

async function titlesOnDesk(request: APIRequestContext): Promise<string[]> {
  const list = await trpcQuery<{ items: { title: string }[] }>(request, 'articles.list', { page: 1 });
  return list.items.map((a) => a.title);
}

test('state-changing tRPC requests sent as a form, as text or from another origin are refused with 403', async ({ request }) => {
  await signInThroughApi(request, DEMO.reviewer.email);
  const stamp = Date.now();
  const forged: { label: string; options: Parameters<APIRequestContext['post']>[1] }[] = [
    { label: 'form-urlencoded', options: { form: { json: JSON.stringify(articleInput(`forged form ${stamp}`).json) } } },
    { label: 'multipart', options: { multipart: { json: JSON.stringify(articleInput(`forged multipart ${stamp}`).json) } } },
    {
      label: 'text/plain',
      options: { data: JSON.stringify(articleInput(`forged text ${stamp}`)), headers: { 'content-type': 'text/plain;charset=UTF-8' } },
    },
    { label: 'foreign origin', options: { data: articleInput(`forged origin ${stamp}`), headers: { origin: 'https://evil.example' } } },
    {
      label: 'cross-site fetch',
      options: { data: articleInput(`forged cross-site ${stamp}`), headers: { 'sec-fetch-site': 'cross-site' } },
    },
  ];
  for (const { label, options } of forged) {
    const response = await request.post(IMPORT, options);
    expect([label, response.status()]).toEqual([label, 403]);
    expect(((await response.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe('FORBIDDEN');
  }
  expect((await titlesOnDesk(request)).filter((t) => t.includes(String(stamp)))).toEqual([]);

  // The same request as the app sends it goes through, from our own origin or from no browser.
  const own = await request.post(IMPORT, { data: articleInput(`own origin ${stamp}`), headers: { origin: baseURL } });
  expect(own.status()).toBe(200);
  const script = await request.post(IMPORT, { data: articleInput(`no origin ${stamp}`) });
  expect(script.status()).toBe(200);
  expect((await titlesOnDesk(request)).filter((t) => t.includes(String(stamp))).sort()).toEqual([`no origin ${stamp}`, `own origin ${stamp}`]);
});

test('a page of another site cannot post to the desk from a signed-in browser', async ({ page }) => {
  await signInThroughApi(page.request, DEMO.reviewer.email);
  await page.goto('/desk');
  const stamp = Date.now();
  // A plain HTML form on another origin, as an attacker would host it, posting into the desk.
  const attacker = await page.context().newPage();
  await attacker.route('http://evil.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" action="${baseURL}${IMPORT}" enctype="text/plain"><input name='{"json":{"title":"forged ${stamp}","paragraphs":["x"],"a":"' value='"}}'></form>`,
    }),
  );
  await attacker.goto('http://evil.test/');
  const [response] = await Promise.all([
    attacker.waitForResponse((r) => r.url().includes(IMPORT)),
    attacker.locator('form').evaluate((form: HTMLFormElement) => form.submit()),
  ]);
  expect(response.status()).toBe(403);
  expect((await titlesOnDesk(page.request)).filter((t) => t.includes(String(stamp)))).toEqual([]);
});

function sessionCookieOf(headers: { name: string; value: string }[]): string {
  const cookie = headers.find((h) => h.name.toLowerCase() === 'set-cookie' && /authjs\.session-token=/.test(h.value));
  expect(cookie, 'a session cookie is set').toBeDefined();
  return cookie!.value;
}

async function signInResponse(request: APIRequestContext, headers: Record<string, string> = {}) {
  const csrf = await request.get('/api/auth/csrf', { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: DEMO.editor2.email, password: DEMO_PASSWORD, callbackUrl: '/desk' },
    maxRedirects: 0,
    headers,
  });
  expect(response.status()).toBe(302);
  return response.headersArray();
}

test('the session cookie is HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix behind https', async ({ playwright }) => {
  const plain = await playwright.request.newContext({ baseURL });
  const cookie = sessionCookieOf(await signInResponse(plain));
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  expect(cookie).toMatch(/;\s*Path=\//i);
  await plain.dispose();

  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https, trusted with trustHost), the cookie is Secure.
  const secure = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-proto': 'https' } });
  const secureCookie = sessionCookieOf(await signInResponse(secure));
  expect(secureCookie).toMatch(/^__Secure-authjs\.session-token=/);
  expect(secureCookie).toMatch(/;\s*Secure/i);
  expect(secureCookie).toMatch(/;\s*HttpOnly/i);
  expect(secureCookie).toMatch(/;\s*SameSite=Lax/i);
  await secure.dispose();
});
