// `npm run bench`: every benchmark in turn, each writing bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BENCHMARKS = ['save-path', 'public-reads', 'workspace-load', 'browser', 'memory', 'workspace-render'];
let failed = 0;
for (const name of BENCHMARKS) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', `${name}.ts`)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
