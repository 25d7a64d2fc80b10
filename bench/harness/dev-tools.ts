// Loads a benchmark-only dev tool (autocannon, lighthouse, both devDependencies) when a
// benchmark needs it, so importing the harness costs nothing elsewhere.
export async function importDevTool<T>(name: string): Promise<T> {
  return ((await import(name)) as { default: T }).default;
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
