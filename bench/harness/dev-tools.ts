// Loads a benchmark-only dev tool (autocannon, lighthouse). Once they are in the project's
// devDependencies a plain import resolves them; until then BENCH_TOOLS_DIR (or NODE_PATH)
// may name a folder whose node_modules holds them, e.g. /work/perf-tools.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.BENCH_TOOLS_DIR) dirs.push(path.join(process.env.BENCH_TOOLS_DIR, 'node_modules'));
  for (const entry of (process.env.NODE_PATH ?? '').split(path.delimiter)) if (entry) dirs.push(entry);
  return dirs;
}

export async function importDevTool<T>(name: string): Promise<T> {
  try {
    return ((await import(name)) as { default: T }).default;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    for (const dir of candidateDirs()) {
      try {
        const resolved = createRequire(path.join(dir, 'noop.js')).resolve(name);
        return ((await import(pathToFileURL(resolved).href)) as { default: T }).default;
      } catch {
        // Try the next folder.
      }
    }
    throw new Error(`${name} is not installed: add it to devDependencies, or set BENCH_TOOLS_DIR to a folder holding it.`);
  }
}

/** The subset of autocannon's API the benchmarks use. */
export type AutocannonOptions = {
  url: string;
  connections?: number;
  duration?: number;
  amount?: number;
  overallRate?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  requests?: Array<{ method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }>;
  pipelining?: number;
  timeout?: number;
};
export type AutocannonResult = {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  '2xx': number;
};
type Autocannon = (options: AutocannonOptions, callback: (error: Error | null, result: AutocannonResult) => void) => unknown;

export async function runAutocannon(options: AutocannonOptions): Promise<AutocannonResult> {
  const autocannon = await importDevTool<Autocannon>('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}
