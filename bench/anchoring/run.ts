// npm run bench:anchoring: Factdesk's resolver against a Hypothesis-style baseline on a seeded
// corpus of revisions with ground truth, plus the time to re-anchor 500 anchors on a long
// article. Prints a side-by-side table and writes bench/results/anchoring.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAnchor, type AnchorResult, type TextSelectors } from '../../lib/anchoring';
import { resolveAnchorBaseline } from './baseline';
import { buildCorpus, buildTimingSet, EDIT_KINDS, loadArticles, type BenchCase } from './corpus';
import type { Span } from './doc';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES_PER_KIND_PER_ARTICLE = 35;
const SEED = 20260101;
const TIMING_RUNS = 9;

type Resolver = { name: string; resolve: (text: string, selectors: TextSelectors) => AnchorResult };
const resolvers: Resolver[] = [
  { name: 'Factdesk', resolve: (text, selectors) => resolveAnchor(text, selectors) },
  { name: 'baseline', resolve: resolveAnchorBaseline },
];

type Outcome = 'correct' | 'wrong' | 'missed' | 'orphaned';
function classify(result: AnchorResult, expected: Span | null): Outcome {
  if (result.state === 'orphan') return expected ? 'missed' : 'orphaned';
  return expected && result.start === expected.start && result.end === expected.end ? 'correct' : 'wrong';
}

type Tally = Record<Outcome, number> & { total: number; survives: number };
const emptyTally = (): Tally => ({ correct: 0, wrong: 0, missed: 0, orphaned: 0, total: 0, survives: 0 });
const pct = (n: number, d: number) => (d === 0 ? 0 : Math.round((10000 * n) / d) / 100);

function evaluate(resolver: Resolver, cases: readonly BenchCase[]) {
  const overall = emptyTally();
  const byKind: Record<string, Tally> = Object.fromEntries(EDIT_KINDS.map((k) => [k, emptyTally()]));
  const failures: { id: string; outcome: Outcome; edits: string[]; expected: Span | null; got: AnchorResult; exact: string; at: string }[] = [];
  for (const c of cases) {
    const result = resolver.resolve(c.revised, c.selectors);
    const outcome = classify(result, c.expected);
    for (const t of [overall, byKind[c.kind]!]) {
      t[outcome] += 1;
      t.total += 1;
      if (c.expected) t.survives += 1;
    }
    if (outcome === 'wrong' || outcome === 'missed') {
      failures.push({ id: c.id, outcome, edits: c.edits, expected: c.expected, got: result, exact: c.selectors.quote.exact, at: result.start === null ? '' : c.revised.slice(result.start, result.end) });
    }
  }
  return { overall, byKind, failures };
}

function summary(t: Tally) {
  return {
    cases: t.total,
    correctPct: pct(t.correct + t.orphaned, t.total),
    silentlyWrongPct: pct(t.wrong, t.total),
    orphanedAlthoughPlaceExistedPct: pct(t.missed, t.total),
    correctlyOrphanedPct: pct(t.orphaned, t.total),
    correctOfSurvivingPct: pct(t.correct, t.survives),
    counts: { correctlyPlaced: t.correct, correctlyOrphaned: t.orphaned, silentlyWrong: t.wrong, orphanedAlthoughPlaceExisted: t.missed, survives: t.survives },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(articles: ReturnType<typeof loadArticles>) {
  const set = buildTimingSet(articles, 500, 100_000, SEED);
  const runs: Record<string, number[]> = Object.fromEntries(resolvers.map((r) => [r.name, []]));
  // CPU time of this process too: on a shared machine wall time also measures the neighbours.
  const cpuRuns: Record<string, number[]> = Object.fromEntries(resolvers.map((r) => [r.name, []]));
  const accuracy: Record<string, ReturnType<typeof summary>> = {};
  for (const r of resolvers) {
    const results = set.selectors.map((s) => r.resolve(set.revised, s)); // warm-up
    const t = emptyTally();
    results.forEach((result, i) => {
      t[classify(result, set.expected[i]!)] += 1;
      t.total += 1;
      if (set.expected[i]) t.survives += 1;
    });
    accuracy[r.name] = summary(t);
  }
  for (let run = 0; run < TIMING_RUNS; run += 1) {
    for (const r of resolvers) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (const s of set.selectors) r.resolve(set.revised, s);
      runs[r.name]!.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuRuns[r.name]!.push((used.user + used.system) / 1000);
    }
  }
  const medians = (r: Record<string, number[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
  return { textLength: set.revised.length, anchors: set.selectors.length, runs, medianMs: medians(runs), cpuRuns, medianCpuMs: medians(cpuRuns), accuracy };
}

function main() {
  const showFailures = process.argv.includes('--failures');
  const articles = loadArticles(repoRoot);
  const cases = buildCorpus(articles, CASES_PER_KIND_PER_ARTICLE);
  const evaluations = resolvers.map((r) => ({ resolver: r.name, ...evaluate(r, cases) }));
  const timing = time(articles);

  const [ours, theirs] = evaluations;
  const a = summary(ours!.overall);
  const b = summary(theirs!.overall);
  const rows: [string, string, string][] = [
    ['cases', String(a.cases), String(b.cases)],
    ['correct (placed right or rightly orphaned)', `${a.correctPct}%`, `${b.correctPct}%`],
    ['placed silently wrong', `${a.silentlyWrongPct}% (${a.counts.silentlyWrong})`, `${b.silentlyWrongPct}% (${b.counts.silentlyWrong})`],
    ['orphaned although a right place existed', `${a.orphanedAlthoughPlaceExistedPct}% (${a.counts.orphanedAlthoughPlaceExisted})`, `${b.orphanedAlthoughPlaceExistedPct}% (${b.counts.orphanedAlthoughPlaceExisted})`],
    ['correctly orphaned', `${a.correctlyOrphanedPct}% (${a.counts.correctlyOrphaned})`, `${b.correctlyOrphanedPct}% (${b.counts.correctlyOrphaned})`],
    [`correct, of the ${a.counts.survives} anchors whose text survives`, `${a.correctOfSurvivingPct}%`, `${b.correctOfSurvivingPct}%`],
    [`${timing.anchors} anchors on ${timing.textLength.toLocaleString('en')} chars, median of ${TIMING_RUNS}`, `${timing.medianMs.Factdesk} ms`, `${timing.medianMs.baseline} ms`],
    ['  the same, CPU time of this process', `${timing.medianCpuMs.Factdesk} ms`, `${timing.medianCpuMs.baseline} ms`],
    ['  (their accuracy there: correct / silently wrong)', `${timing.accuracy.Factdesk!.correctPct}% / ${timing.accuracy.Factdesk!.silentlyWrongPct}%`, `${timing.accuracy.baseline!.correctPct}% / ${timing.accuracy.baseline!.silentlyWrongPct}%`],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(10, ...rows.map((r) => r[1].length));
  console.log(`${'metric'.padEnd(w0)}  ${'Factdesk'.padStart(w1)}  ${'baseline'.padStart(w1)}`);
  for (const [label, x, y] of rows) console.log(`${label.padEnd(w0)}  ${x.padStart(w1)}  ${y.padStart(w1)}`);

  console.log('\nper edit kind: correct / silently wrong / orphaned although a right place existed (cases)');
  const kw = Math.max(...EDIT_KINDS.map((k) => k.length));
  console.log(`${''.padEnd(kw)}  ${'Factdesk'.padEnd(20)}  baseline`);
  for (const kind of EDIT_KINDS) {
    const cell = (t: Tally) => `${t.correct + t.orphaned}/${t.wrong}/${t.missed}`.padEnd(20);
    console.log(`${kind.padEnd(kw)}  ${cell(ours!.byKind[kind]!)}  ${cell(theirs!.byKind[kind]!).trim()}  (${ours!.byKind[kind]!.total})`);
  }
  if (showFailures) for (const f of ours!.failures) console.log(JSON.stringify(f));

  const output = {
    generatedBy: 'npm run bench:anchoring',
    seed: SEED,
    corpus: { cases: cases.length, articles: articles.map((x) => x.name), casesPerKindPerArticle: CASES_PER_KIND_PER_ARTICLE },
    resolvers: Object.fromEntries(
      evaluations.map((e) => [e.resolver, { ...summary(e.overall), byKind: Object.fromEntries(Object.entries(e.byKind).map(([k, t]) => [k, summary(t)])) }]),
    ),
    timing: { ...timing, node: process.version },
  };
  const out = path.join(repoRoot, 'bench', 'results', 'anchoring.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(output, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(repoRoot, out)}`);
}

main();
