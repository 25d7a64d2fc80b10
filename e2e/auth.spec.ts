import { DEMO, expect, signInThroughForm, test } from './fixtures';

for (const role of Object.keys(DEMO) as (keyof typeof DEMO)[]) {
  test(`${role} signs in and out`, async ({ page }) => {
    const account = DEMO[role];
    await signInThroughForm(page, account.email);
    await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible();
    const menu = page.getByText(account.name, { exact: true }).first();
    await expect(menu).toBeVisible();
    await page.getByLabel(`Account menu for ${account.name}`).click();
    await expect(page.getByText(account.email)).toBeVisible();
    await expect(page.locator('.role-badge')).toHaveText(account.role);
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/desk');
    await page.waitForURL(/\/sign-in\?callbackUrl=%2Fdesk/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
}

test('a wrong password shows one message that does not say which field was wrong', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(DEMO.reviewer.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await page.getByLabel('Email').fill('nobody@factdesk.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a reviewer cannot open the admin page', async ({ page, signInAs }) => {
  await signInAs('reviewer');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByText('admin@factdesk.test')).toHaveCount(0);
});

test('an admin adds a user, who can then sign in; a deactivated user cannot', async ({ page, signInAs, browser }) => {
  await signInAs('admin');
  await page.goto('/admin/users');
  const email = `new-${Date.now()}@factdesk.test`;
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('Nadia New');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption('editor');
  await form.getByLabel('Initial password').fill('a-good-long-password');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByRole('status')).toContainText(`can now sign in as ${email}`);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Active');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInThroughForm(otherPage, email, 'a-good-long-password');
  await expect(otherPage.getByText('Nadia New', { exact: true }).first()).toBeVisible();

  await row.getByRole('button', { name: 'Deactivate Nadia New' }).click();
  await expect(row).toContainText('Deactivated');
  // The open session is cut off at once: the desk sends the deactivated user to sign in.
  await otherPage.goto('/desk');
  await otherPage.waitForURL(/\/sign-in/);
  await other.close();
});

test('invalid input in the user form shows the field errors', async ({ page, signInAs }) => {
  await signInAs('admin');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name').fill('Short Password');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Initial password').fill('short');
  await form.getByRole('button', { name: 'Add user' }).click();
  await expect(form.getByRole('alert')).toHaveText('Please correct the fields marked below.');
  await expect(form.getByText('Enter a valid email address.')).toBeVisible();
  await expect(form.getByText('Use at least 10 characters.')).toBeVisible();
});
