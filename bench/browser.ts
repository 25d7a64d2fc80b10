// Issue #6, browser: JavaScript shipped by the public fact-check page (sum of the compressed
// transfer sizes of its script resources, from Chromium's network events), and Lighthouse's
// performance score and CLS, median of 3 runs, on that page and on the article page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { importDevTool } from './harness/dev-tools';
import { median, saveResult, type Ratio, type Target } from './harness/report';
import { seedPublishedArticle } from './harness/seed';
import { createBenchDatabase, ensureBuild, startServer, withDatabase } from './harness/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const DEBUG_PORT = 3590;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const JS_BUDGET_KB = 130;

type LighthouseResult = {
  lhr: {
    categories: { performance: { score: number | null } };
    audits: Record<string, { numericValue?: number; score?: number | null }>;
    environment?: { benchmarkIndex?: number };
  };
};
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;

async function measureScripts(url: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, { url: string; encoding: string; bytes: number }>();
    cdp.on('Network.responseReceived', (event) => {
      if (event.type !== 'Script') return;
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      scripts.set(event.requestId, { url: event.response.url, encoding: headers['content-encoding'] ?? 'identity', bytes: 0 });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const script = scripts.get(event.requestId);
      if (script) script.bytes = event.encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const list = [...scripts.values()];
    return { totalBytes: list.reduce((sum, s) => sum + s.bytes, 0), scripts: list };
  } finally {
    await browser.close();
  }
}

async function withDebuggableChromium<T>(work: () => Promise<T>): Promise<T> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-lh-'));
  const chrome = spawn(CHROMIUM, [...CHROME_FLAGS, `--remote-debugging-port=${DEBUG_PORT}`, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`)).ok) break;
      } catch {
        // Not up yet.
      }
      if (Date.now() > deadline) throw new Error('Chromium did not open its debugging port');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return await work();
  } finally {
    chrome.kill('SIGTERM');
    await new Promise((resolve) => chrome.once('exit', resolve));
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

ensureBuild();
const database = await createBenchDatabase('browser');
const { factCheckSlug, articleSlug } = await withDatabase(database.url, async (db) => {
  const claims = await db.q.select({ slug: db.t.claims.slug, status: db.t.claims.status }).from(db.t.claims);
  const factCheck = claims.find((c) => c.status === 'published' && c.slug.startsWith('the-main-reason')) ?? claims.find((c) => c.status === 'published')!;
  const { article } = await seedPublishedArticle(db, { title: 'Bench article with fifty published claims', count: 50 });
  return { factCheckSlug: factCheck.slug, articleSlug: article.slug };
});
const server = await startServer({ port: 3530, databaseUrl: database.url });
const tables: Record<string, Array<Record<string, string | number>>> = {};
const ratios: Record<string, Ratio> = {};
const targets: Target[] = [];
try {
  const pages = { 'fact-check page': `/fact-checks/${factCheckSlug}`, 'article page (50 claims)': `/articles/${articleSlug}` };
  for (const url of Object.values(pages)) for (let i = 0; i < 2; i += 1) await fetch(server.baseUrl + url);

  const scripts = await measureScripts(server.baseUrl + pages['fact-check page']);
  const kb = scripts.totalBytes / 1024;
  // What Next.js and React ship for a page with no client code of ours: the floor.
  const floor = await measureScripts(`${server.baseUrl}/bench-static`);
  // next start compresses with gzip only; what a CDN serving brotli would transfer, for reference.
  const brotliKb = async (url: string) => {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    return zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength / 1024;
  };
  const rows: Array<Record<string, string | number>> = [];
  let brotliTotal = 0;
  for (const script of scripts.scripts.sort((a, b) => b.bytes - a.bytes)) {
    const br = await brotliKb(script.url);
    brotliTotal += br;
    rows.push({ script: new URL(script.url).pathname.replace('/_next/static/', '…/'), encoding: script.encoding, KB: script.bytes / 1024, 'brotli KB': br });
  }
  tables['JavaScript of the fact-check page (transfer sizes)'] = [
    ...rows,
    { script: `total (${scripts.scripts.length} scripts)`, encoding: '', KB: kb, 'brotli KB': brotliTotal },
    { script: `force-static page, for comparison (${floor.scripts.length} scripts)`, encoding: '', KB: floor.totalBytes / 1024, 'brotli KB': '' },
  ];
  ratios['fact_check_js_over_static_page_js'] = { value: scripts.totalBytes / floor.totalBytes, better: 'lower' };
  ratios['fact_check_js_kb_over_budget'] = { value: kb / JS_BUDGET_KB, better: 'lower', target: '<= 1' };
  targets.push({ name: 'JS shipped by the fact-check page (compressed)', target: `<= ${JS_BUDGET_KB} KB`, value: `${kb.toFixed(1)} KB`, isMet: kb <= JS_BUDGET_KB });
  targets.push({
    name: 'same, had it been served with brotli (not a target)',
    target: 'reported',
    value: `${brotliTotal.toFixed(1)} KB`,
    isMet: true,
  });

  const lighthouse = await importDevTool<Lighthouse>('lighthouse');
  const lhRows: Array<Record<string, string | number>> = [];
  await withDebuggableChromium(async () => {
    for (const [name, url] of Object.entries(pages)) {
      const runs: Array<{ score: number; cls: number; lcp: number; tbt: number; fcp: number; cpu: number }> = [];
      for (let run = 0; run < RUNS; run += 1) {
        const result = await lighthouse(server.baseUrl + url, { port: DEBUG_PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
        if (!result) throw new Error('Lighthouse returned nothing');
        const audit = (key: string) => result.lhr.audits[key]?.numericValue ?? NaN;
        runs.push({
          score: result.lhr.categories.performance.score ?? 0,
          cls: audit('cumulative-layout-shift'),
          lcp: audit('largest-contentful-paint'),
          tbt: audit('total-blocking-time'),
          fcp: audit('first-contentful-paint'),
          cpu: result.lhr.environment?.benchmarkIndex ?? NaN,
        });
      }
      const score = median(runs.map((r) => r.score));
      const cls = median(runs.map((r) => r.cls));
      lhRows.push({
        page: name,
        'scores (runs)': runs.map((r) => r.score.toFixed(2)).join(' '),
        'median score': score,
        'CLS': cls,
        'LCP ms': median(runs.map((r) => r.lcp)),
        'TBT ms': median(runs.map((r) => r.tbt)),
        'FCP ms': median(runs.map((r) => r.fcp)),
        // Lighthouse's own CPU benchmark of the machine during the runs: low means a busy machine.
        'benchmarkIndex': median(runs.map((r) => r.cpu)),
      });
      const key = name.startsWith('fact') ? 'fact_check' : 'article50';
      ratios[`${key}.lighthouse_score`] = { value: score, better: 'higher', target: '>= 0.95' };
      targets.push({ name: `${name}: Lighthouse performance (median of ${RUNS})`, target: '>= 0.95', value: score.toFixed(2), isMet: score >= 0.95 });
      targets.push({ name: `${name}: CLS`, target: '<= 0.1', value: cls.toFixed(3), isMet: cls <= 0.1 });
    }
  });
  tables[`Lighthouse 12 (default mobile config, simulated throttling), median of ${RUNS}`] = lhRows;
} finally {
  await server.stop();
  await database.dispose();
}
saveResult({ name: 'browser', command: 'npm run bench:browser', tables, ratios, targets });
