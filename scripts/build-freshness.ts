import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'server', 'db', 'lib'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'next.config.js', 'tsconfig.json'];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when there is no production build or a source file changed after it was made. */
export function isBuildStale(root: string): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(path.join(root, '.next', 'BUILD_ID')).mtimeMs;
  } catch {
    return true;
  }
  const newestSource = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestMtime(path.join(root, entry))));
  return newestSource > builtAt;
}
