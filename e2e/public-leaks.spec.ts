import type { APIRequestContext, Browser } from '@playwright/test';
import { DEMO, expect, signInThroughApi, test } from './fixtures';
import { baseURL } from './instances';
import { proposeThroughApi, seedArticleWithClaim, trpcMutation, trpcQuery } from './trpc';

/** Strings seeded only into desk-only places; no public page may contain one. */
function markersFor(stamp: string) {
  return {
    unpublishedClaim: `zqxunpubclaim${stamp}`,
    pendingDraft: `zqxpendingdraft${stamp}`,
    pendingUpdate: `zqxpendingupdate${stamp}`,
    returnComment: `zqxreturncomment${stamp}`,
    staffNote: `zqxstaffnote${stamp}`,
    hiddenNote: `zqxhiddennote${stamp}`,
    unpublishedArticle: `zqxunpubarticle${stamp}`,
    staffName: `Zqxstaffname${stamp}`,
    email: `zqxemail${stamp}`,
  };
}

async function signedIn(browser: Browser, email: string, password?: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  await signInThroughApi(context.request, email, password);
  return context.request;
}

test('no public page, feed, embed or API shows drafts, staff notes, hidden annotations, staff names or emails', async ({ browser, page }) => {
  test.setTimeout(90_000);
  const stamp = `${Date.now()}`;
  const M = markersFor(stamp);
  const admin = await signedIn(browser, DEMO.admin.email);
  const password = `pw-${stamp}-long-enough`;
  const email = `${M.email}@example.test`;
  await trpcMutation(admin, 'users.create', { email, name: `${M.staffName} Reviewer`, role: 'reviewer', password });
  const reviewer = await signedIn(browser, email, password);
  const editor = await signedIn(browser, DEMO.editor.email);

  const paragraphs = [`The mayor said the new bridge cost 12 million (${stamp}).`, 'Critics said the real cost was far higher than that.'];
  const { article, claim } = await seedArticleWithClaim(reviewer, {
    title: `Bridge costs ${stamp}`,
    paragraphs,
    quote: 'the new bridge cost 12 million',
    statement: `The new bridge cost 12 million (${stamp})`,
    claimant: 'The mayor',
  });
  const first = await proposeThroughApi(reviewer, claim.id, {
    ratingLabel: 'Mostly true',
    summary: 'The audited cost was 12.4 million.',
    ruling: 'The audit office published the final cost of the bridge, 12.4 million, last spring.',
  });
  const approved = await trpcMutation<{ claimSlug: string }>(editor, 'verdicts.approve', { verdictId: first.verdictId, version: 1 });

  // Desk-only things around the published claim: notes, a hidden note, a pending correction.
  const note = await trpcMutation<{ id: number }>(reviewer, 'annotations.create', { claimId: claim.id, kind: 'note', body: `${M.staffNote} note` });
  const hidden = await trpcMutation<{ id: number }>(reviewer, 'annotations.create', {
    claimId: claim.id,
    parentId: note.id,
    kind: 'note',
    body: `${M.hiddenNote} reply`,
  });
  await trpcMutation(editor, 'annotations.setHidden', { annotationId: hidden.id, isHidden: true });
  await proposeThroughApi(reviewer, claim.id, {
    ratingLabel: 'False',
    summary: `${M.pendingUpdate} summary`,
    ruling: `${M.pendingUpdate} ruling that is long enough to pass the checks.`,
    correctionNote: `${M.pendingUpdate} correction`,
  });

  // Unpublished claims on the same public article: one pending, one returned.
  const text = paragraphs.join('\n\n');
  const markClaim = async (quote: string, statement: string) => {
    const start = text.indexOf(quote);
    const end = start + quote.length;
    return trpcMutation<{ id: number; slug: string }>(reviewer, 'claims.create', {
      articleId: article.id,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
        position: { type: 'TextPositionSelector', start, end },
      },
      statement,
      claimant: 'Critics',
      assigneeId: null,
      tags: [],
    });
  };
  const pending = await markClaim('the real cost was far higher', `${M.unpublishedClaim} pending`);
  await proposeThroughApi(reviewer, pending.id, {
    ratingLabel: 'Half true',
    summary: `${M.pendingDraft} summary`,
    ruling: `${M.pendingDraft} ruling that is long enough to pass the checks.`,
  });
  const returned = await markClaim('Critics said', `${M.unpublishedClaim} returned`);
  const toReturn = await proposeThroughApi(reviewer, returned.id, {
    ratingLabel: 'False',
    summary: `${M.pendingDraft} returned summary`,
    ruling: `${M.pendingDraft} returned ruling, long enough to pass.`,
  });
  await trpcMutation(editor, 'verdicts.return', { verdictId: toReturn.verdictId, version: 1, comment: `${M.returnComment} comment` });

  // An article with no published claim.
  const hiddenArticle = await seedArticleWithClaim(reviewer, {
    title: `${M.unpublishedArticle} title`,
    paragraphs: ['Nothing here is published yet, not at all.'],
    quote: 'Nothing here',
    statement: `${M.unpublishedClaim} on a hidden article`,
    claimant: 'Nobody',
  });

  // The desk sees the markers (so their absence on the public site means something).
  const desk = JSON.stringify(await trpcQuery(editor, 'claims.detail', { claimId: claim.id }));
  for (const marker of [M.staffNote, M.hiddenNote, M.pendingUpdate, M.staffName]) expect(desk).toContain(marker);

  const base = baseURL;
  const publicUrls = [
    '/',
    '/fact-checks',
    `/fact-checks?q=zqx`,
    `/fact-checks/${approved.claimSlug}`,
    '/articles',
    `/articles/${article.slug}`,
    '/methodology',
    '/feed.xml',
    '/sitemap.xml',
    '/robots.txt',
    `/oembed?url=${encodeURIComponent(`${base}/fact-checks/${approved.claimSlug}`)}&format=json`,
    `/embed/${approved.claimSlug}`,
    `/api/articles/${article.slug}/annotations`,
  ];
  const notFoundUrls = [
    `/fact-checks/${pending.slug}`,
    `/fact-checks/${returned.slug}`,
    `/fact-checks/${hiddenArticle.claim.slug}`,
    `/embed/${pending.slug}`,
    `/articles/${hiddenArticle.article.slug}`,
    `/api/articles/${hiddenArticle.article.slug}/annotations`,
    `/oembed?url=${encodeURIComponent(`${base}/fact-checks/${pending.slug}`)}&format=json`,
  ];
  const markers = [...Object.values(M), email, DEMO.reviewer.email, DEMO.editor.email, DEMO.admin.email, '$argon2'];
  const anonymous = (await browser.newContext()).request;
  for (const url of [...publicUrls, ...notFoundUrls]) {
    const response = await anonymous.get(url);
    expect([url, response.status()]).toEqual([url, publicUrls.includes(url) ? 200 : 404]);
    // A not-found page may echo the address it was asked for; the slug comes from the caller.
    const slug = publicUrls.includes(url) ? null : /\/(?:fact-checks|embed|articles)(?:%2F|\/)([a-z0-9-]+)/i.exec(url)?.[1];
    const body = (await response.text()).toLowerCase().replaceAll(slug ?? '\u0000', '');
    expect([url, markers.filter((marker) => body.includes(marker.toLowerCase()))]).toEqual([url, []]);
  }

  // The published fact-check is there, so the pages above were not empty shells.
  const factCheckHtml = await (await anonymous.get(`/fact-checks/${approved.claimSlug}`)).text();
  expect(factCheckHtml).toContain(`The new bridge cost 12 million (${stamp})`);

  // And in the browser, after hydration, the rendered DOM holds none of them either.
  for (const url of [`/fact-checks/${approved.claimSlug}`, `/articles/${article.slug}`, `/embed/${approved.claimSlug}`, '/fact-checks']) {
    await page.goto(url);
    const html = (await page.content()).toLowerCase();
    expect([url, markers.filter((marker) => html.includes(marker.toLowerCase()))]).toEqual([url, []]);
  }
});
