import type { APIRequestContext } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { trpcMutation } from './trpc';

async function attempt(request: APIRequestContext, email: string, password: string): Promise<string> {
  const csrf = await request.get('/api/auth/csrf');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, callbackUrl: '/desk' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response.headers()['location'] ?? '';
}

test('after 10 wrong passwords in a minute, the 11th attempt is refused even with the right password', async ({ page, playwright }) => {
  // A fresh account, so the demo accounts other specs sign in with are never locked.
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInThroughApi(admin, DEMO.admin.email);
  const stamp = Date.now();
  const email = `limited-${stamp}@example.test`;
  const password = `right-password-${stamp}`;
  await trpcMutation(admin, 'users.create', { email, name: `Limited ${stamp}`, role: 'reviewer', password });

  const guesser = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (let i = 0; i < 10; i += 1) {
    const location = await attempt(guesser, email, `wrong-${i}`);
    expect(location).toContain('error=CredentialsSignin');
    expect(location).not.toContain('rate_limited');
  }
  const eleventh = await attempt(guesser, email, password);
  expect(eleventh).toContain('code=rate_limited');
  const session = (await (await guesser.get('/api/auth/session')).json()) as { user?: unknown } | null;
  expect(session?.user).toBeUndefined();

  // The sign-in form says why, and the account stays refused there too.
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Too many failed sign-ins. Wait a minute and try again.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // Another account from the same address is not affected.
  const other = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(await attempt(other, DEMO.reviewer2.email, 'factdesk-demo')).not.toContain('error');
  await Promise.all([admin.dispose(), guesser.dispose(), other.dispose()]);
});
