import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'factdesk-demo';
export const DEMO = {
  reviewer: { email: 'reviewer@factdesk.test', name: 'Rita Reviewer', role: 'reviewer' },
  reviewer2: { email: 'reviewer2@factdesk.test', name: 'Ravi Reviewer', role: 'reviewer' },
  editor: { email: 'editor@factdesk.test', name: 'Edith Editor', role: 'editor' },
  editor2: { email: 'editor2@factdesk.test', name: 'Eamon Editor', role: 'editor' },
  admin: { email: 'admin@factdesk.test', name: 'Ada Admin', role: 'admin' },
} as const;
export type DemoRole = keyof typeof DEMO;

/** Signs in through Auth.js's own endpoints (CSRF token, then the credentials callback). */
export async function signInThroughApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD) {
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/desk' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()['location'] ?? '').not.toContain('error');
}

/** Signs in through the sign-in page, as a person would. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/desk');
}

export const test = base.extend<{ signInAs: (role: DemoRole) => Promise<void> }>({
  signInAs: async ({ page }, use) => {
    await use(async (role) => {
      await signInThroughApi(page.request, DEMO[role].email);
    });
  },
});

export { expect };
