import { expect, test } from './fixtures';

const TITLE = 'Following deadly Ukrainian attack, Russia puts blame on its own soldiers';

test('the demo article reads without the site boilerplate', async ({ page }) => {
  await page.goto('/articles');
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const body = page.locator('.article-body');
  await expect(body).toContainText('reportedly left 89 people dead and dozens wounded');
  await expect(body).toContainText('Serhii Cherevatyi said, per CNN');
  await expect(page.getByText('Russia is seemingly blaming the use of cell phones')).toBeVisible();
  const text = await page.locator('main').innerText();
  for (const boilerplate of [
    'Sign up for The Week',
    'Escape your echo chamber',
    'A free daily email',
    'Justin Klawans has worked',
    'Will Trump’s $12 billion bailout',
    'The mission to demine Ukraine',
  ]) {
    expect(text).not.toContain(boilerplate);
  }
});

test('an unknown article is a 404 page', async ({ page }) => {
  const response = await page.goto('/articles/no-such-article');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the health check reports the database after a real query', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const database = (process.env.E2E_DATABASE_URL ?? '').startsWith('postgres') ? 'postgres' : 'sqlite';
  expect(await response.json()).toEqual({ status: 'ok', database });
});
