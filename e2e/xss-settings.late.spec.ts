// Settings texts show on every page, so this spec runs after all the others (playwright.config.ts
// runs *.late.spec.ts files in a project that depends on the rest) and restores the settings.
import type { APIRequestContext } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation, trpcQuery } from './trpc';
import { LITERAL_CHECKS, XSS_PAYLOADS } from './xss-corpus';
import { expectNoExecution, instrumentedPage } from './xss-instrument';

type Organisation = { name: string; url: string; logoUrl: string | null; methodology: string; correctionsPolicy: string; version: number | null };
type Rating = { key: string; label: string; color: string; description: string; value: number };
type ChecklistItem = { key: string; label: string; required: boolean };
type Settings = { ratingScale: Rating[]; checklist: ChecklistItem[]; versions: { ratingScale: number | null; checklist: number | null } };

const P = XSS_PAYLOADS;
/** Rating labels go into ClaimReview markup, which refuses HTML: those carry the tag-free payloads. */
const PLAIN = P.filter((p) => !p.includes('<'));

async function settingsOf(admin: APIRequestContext) {
  return {
    organisation: await trpcQuery<Organisation>(admin, 'desk.organisation', undefined),
    desk: await trpcQuery<Settings>(admin, 'desk.settings', undefined),
  };
}

test(`${P.length} XSS payloads in the organisation, methodology, rating and checklist texts never run`, async ({ browser }) => {
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  await signInThroughApi(adminContext.request, DEMO.admin.email);
  const admin = adminContext.request;
  const before = await settingsOf(admin);
  const publicFactCheck = (await trpcQuery<{ items: { slug: string }[] }>(admin, 'public.factChecks', {})).items[0]!;
  // A claim of this test's own, waiting for review: its pages show the checklist and the rating labels.
  const reviewerContext = await browser.newContext();
  await signInThroughApi(reviewerContext.request, DEMO.reviewer.email);
  const { article, claim } = await seedArticleWithClaim(reviewerContext.request, {
    title: `Settings XSS ${Date.now()}`,
    paragraphs: ['The minister said inflation halved in a year.'],
    quote: 'inflation halved in a year',
    statement: 'Inflation halved in a year.',
    claimant: 'The minister',
  });
  await proposeThroughApi(reviewerContext.request, claim.id, { ratingLabel: 'False', summary: 'It fell by a fifth.', ruling: 'Official data show a fall of a fifth.' });

  try {
    await trpcMutation(admin, 'desk.updateOrganisation', {
      settings: {
        name: PLAIN[0]!.slice(0, 200),
        url: before.organisation.url,
        logoUrl: null,
        methodology: P.join('\n\n').slice(0, 50_000),
        correctionsPolicy: [...P].reverse().join('\n\n').slice(0, 50_000),
      },
      expectedVersion: before.organisation.version,
    });
    await trpcMutation(admin, 'desk.updateRatingScale', {
      ratings: before.desk.ratingScale.map((r, i) => ({ ...r, label: PLAIN[i + 1]!.slice(0, 60), description: P[i]!.slice(0, 500) })),
      expectedVersion: before.desk.versions.ratingScale,
    });
    await trpcMutation(admin, 'desk.updateChecklist', {
      items: before.desk.checklist.map((item, i) => ({ ...item, label: P[i + 10]!.slice(0, 120) })),
      expectedVersion: before.desk.versions.checklist,
    });

    const reader = await instrumentedPage(browser, 'reviewer');
    const paths = [
      '/methodology',
      '/fact-checks',
      `/fact-checks/${publicFactCheck.slug}`,
      `/embed/${publicFactCheck.slug}`,
      `/desk/articles/${article.slug}?claim=${claim.id}`,
      `/desk/review/${claim.id}`,
    ];
    for (const path of paths) {
      await expectNoExecution(reader.page, reader.dialogs, path);
    }
    await expectNoExecution(reader.page, reader.dialogs, '/methodology');
    const methodology = (await reader.page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const payload of LITERAL_CHECKS) expect(methodology).toContain(payload.replace(/\s+/g, ' ').trim());

    const adminPage = await instrumentedPage(browser, 'admin');
    await expectNoExecution(adminPage.page, adminPage.dialogs, '/admin/settings');
    await expect(adminPage.page.getByRole('heading', { level: 1 })).toBeVisible();
  } finally {
    const now = await settingsOf(admin);
    await trpcMutation(admin, 'desk.updateOrganisation', {
      settings: {
        name: before.organisation.name,
        url: before.organisation.url,
        logoUrl: before.organisation.logoUrl,
        methodology: before.organisation.methodology,
        correctionsPolicy: before.organisation.correctionsPolicy,
      },
      expectedVersion: now.organisation.version,
    });
    await trpcMutation(admin, 'desk.updateRatingScale', { ratings: before.desk.ratingScale, expectedVersion: now.desk.versions.ratingScale });
    await trpcMutation(admin, 'desk.updateChecklist', { items: before.desk.checklist, expectedVersion: now.desk.versions.checklist });
  }
});
