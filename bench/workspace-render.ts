// Issue #6, workspace render: opens an article of 100,000 characters with 500 claims in
// Chromium and times, from navigation start, until the 500 claims are highlighted
// (mark.ws-highlight present for every claim id); and the JS heap with highlights against
// the same text with none. Runs alternate between the two articles.
import { chromium, type Page } from '@playwright/test';
import { median, saveResult, type Ratio, type Target } from './harness/report';
import { seedBigArticle } from './harness/seed';
import { createBenchDatabase, DEMO_PASSWORD, ensureBuild, startServer, withDatabase } from './harness/server';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLAIMS = 500;

// Runs in the page before its scripts: notes when every claim has a highlight, or the text shows.
const WATCHER = `(() => {
  const want = ${CLAIMS};
  const check = () => {
    if (window.__textAt === undefined && document.querySelector('.ws-text span[data-offset]')) window.__textAt = performance.now();
    if (window.__highlightsAt !== undefined) return;
    const marks = document.querySelectorAll('mark.ws-highlight');
    if (marks.length < want) return;
    const ids = new Set();
    for (const mark of marks) for (const id of (mark.getAttribute('data-claim-ids') || '').split(' ')) if (id) ids.add(id);
    if (ids.size >= want) window.__highlightsAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
})();`;

async function open(page: Page, url: string, waitFor: '__highlightsAt' | '__textAt') {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((key) => (window as unknown as Record<string, number | undefined>)[key] !== undefined, waitFor, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const at = await page.evaluate((key) => (window as unknown as Record<string, number>)[key]!, waitFor);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  await cdp.detach();
  return { ms: at, heapMB: metric('JSHeapUsedSize') / 2 ** 20, nodes: metric('Nodes') };
}

ensureBuild();
const database = await createBenchDatabase('workspace-render');
const { withClaims, withoutClaims } = await withDatabase(database.url, async (db) => {
  const big = await seedBigArticle(db, { title: 'Bench render, 500 claims', characters: 100_000, claims: CLAIMS, annotations: 0 });
  const bare = await seedBigArticle(db, { title: 'Bench render, no claims', characters: 100_000, claims: 0, annotations: 0 });
  return { withClaims: big.article.slug, withoutClaims: bare.article.slug };
});
const server = await startServer({ port: 3550, databaseUrl: database.url });
const tables: Record<string, Array<Record<string, string | number>>> = {};
const ratios: Record<string, Ratio> = {};
const targets: Target[] = [];
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    await context.addInitScript(WATCHER);
    const csrf = await context.request.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signedIn = await context.request.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: 'reviewer@factdesk.test', password: DEMO_PASSWORD, callbackUrl: '/desk' },
      maxRedirects: 0,
    });
    if (signedIn.status() !== 302) throw new Error(`Sign-in failed: ${signedIn.status()}`);
    const withRuns: Array<Awaited<ReturnType<typeof open>>> = [];
    const withoutRuns: Array<Awaited<ReturnType<typeof open>>> = [];
    // One warm-up of each (server JIT, first compile of the route), then alternate.
    for (let run = -1; run < RUNS; run += 1) {
      const page = await context.newPage();
      const a = await open(page, `/desk/articles/${withClaims}`, '__highlightsAt');
      await page.close();
      const bare = await context.newPage();
      const b = await open(bare, `/desk/articles/${withoutClaims}`, '__textAt');
      await bare.close();
      if (run >= 0) {
        withRuns.push(a);
        withoutRuns.push(b);
      }
    }
    const withMs = median(withRuns.map((r) => r.ms));
    const withoutMs = median(withoutRuns.map((r) => r.ms));
    const withHeap = median(withRuns.map((r) => r.heapMB));
    const withoutHeap = median(withoutRuns.map((r) => r.heapMB));
    tables[`Workspace, 100,000 characters (median of ${RUNS} alternating runs)`] = [
      {
        article: `${CLAIMS} claims`,
        'shown ms (from navigation start)': withMs,
        'runs ms': withRuns.map((r) => r.ms.toFixed(0)).join(' '),
        'JS heap MB': withHeap,
        'DOM nodes': median(withRuns.map((r) => r.nodes)),
      },
      {
        article: 'no claims',
        'shown ms (from navigation start)': withoutMs,
        'runs ms': withoutRuns.map((r) => r.ms.toFixed(0)).join(' '),
        'JS heap MB': withoutHeap,
        'DOM nodes': median(withoutRuns.map((r) => r.nodes)),
      },
    ];
    ratios['highlights_ms_over_bare_text_ms'] = { value: withMs / withoutMs, better: 'lower' };
    ratios['heap_with_over_without_highlights'] = { value: withHeap / withoutHeap, better: 'lower' };
    targets.push({ name: `${CLAIMS} highlights shown, from navigation start`, target: '<= 1000 ms', value: `${withMs.toFixed(0)} ms`, isMet: withMs <= 1000 });
    targets.push({
      name: 'JS heap of the highlighting (with − without)',
      target: 'reported',
      value: `${(withHeap - withoutHeap).toFixed(1)} MB`,
      isMet: true,
    });
  } finally {
    await browser.close();
  }
} finally {
  await server.stop();
  await database.dispose();
}
saveResult({ name: 'workspace-render', command: 'npm run bench:workspace', tables, ratios, targets });
