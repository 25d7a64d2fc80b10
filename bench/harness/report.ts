// Printing and saving benchmark results. Every result file carries ratios (taken within one
// run, so the shared machine's speed cancels out) that `npm run bench:check` compares.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Ratio = { value: number; better: 'higher' | 'lower'; target?: string; isMet?: boolean };
export type Target = { name: string; target: string; value: string; isMet: boolean };
export type BenchResult = {
  name: string;
  command: string;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  tables: Record<string, Array<Record<string, string | number>>>;
  ratios: Record<string, Ratio>;
  targets: Target[];
  notes?: string[];
};

export function describeMachine(): BenchResult['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const cell = (value: string | number | undefined) => (typeof value === 'number' ? formatNumber(value) : (value ?? ''));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(cell(r[c])).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(columns));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(columns.map((c) => String(cell(row[c])))));
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);
}

export function resultsDir(): string {
  return process.env.BENCH_RESULTS_DIR ?? path.join(process.cwd(), 'bench', 'results');
}

export function saveResult(result: Omit<BenchResult, 'date' | 'machine'>): BenchResult {
  const full: BenchResult = { ...result, date: new Date().toISOString(), machine: describeMachine() };
  for (const [title, rows] of Object.entries(full.tables)) printTable(title, rows);
  printTable(
    'Targets',
    full.targets.map((t) => ({ target: t.name, wanted: t.target, measured: t.value, met: t.isMet ? 'yes' : 'NO' })),
  );
  fs.mkdirSync(resultsDir(), { recursive: true });
  const file = path.join(resultsDir(), `${full.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
  return full;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
