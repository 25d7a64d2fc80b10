// Pages that count script execution: alert/confirm/prompt/print only count, real dialogs too.
import type { Browser, Page } from '@playwright/test';
import { DEMO, expect, signInThroughApi } from './fixtures';

/** A page whose alert/confirm/prompt only count, and that counts real dialogs too. */
export async function instrumentedPage(browser: Browser, role: keyof typeof DEMO) {
  const context = await browser.newContext();
  await signInThroughApi(context.request, DEMO[role].email);
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, unknown> & { __xss: number };
    w.__xss = 0;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      Object.defineProperty(window, name, { configurable: false, value: () => void (w.__xss += 1) });
    }
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

export async function expectNoExecution(page: Page, dialogs: string[], path: string) {
  await page.goto(path);
  await page.waitForLoadState('load');
  // Give onerror/onload/onfocus/ontoggle handlers time to fire, if any had been rendered.
  await page.waitForTimeout(400);
  expect([path, await page.evaluate(() => (window as unknown as { __xss: number }).__xss)]).toEqual([path, 0]);
  expect([path, dialogs]).toEqual([path, []]);
}
