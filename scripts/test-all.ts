// `npm test`: the whole suite, tier by tier, stopping at the first tier that fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = process.cwd();
const tiers: { name: string; args: string[] }[] = [
  { name: 'unit', args: [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit'] },
  { name: 'integration', args: [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'integration'] },
  { name: 'end-to-end', args: [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/e2e.ts')] },
];

for (const tier of tiers) {
  console.log(`\n=== ${tier.name} tests ===`);
  const result = spawnSync(process.execPath, tier.args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${tier.name} tests failed.`);
    process.exit(result.status ?? 1);
  }
}
console.log('\nAll test tiers passed.');
