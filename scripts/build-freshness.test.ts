import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isBuildStale } from './build-freshness';

const roots: string[] = [];
function makeRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-build-'));
  roots.push(root);
  fs.mkdirSync(path.join(root, 'app'));
  fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export {}');
  return root;
}
function touch(file: string, at: Date) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, '');
  fs.utimesSync(file, at, at);
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('isBuildStale', () => {
  it('is stale without a build', () => {
    expect(isBuildStale(makeRoot())).toBe(true);
  });

  it('is fresh when the build is newer than every source, stale once a source changes', () => {
    const root = makeRoot();
    const past = new Date(Date.now() - 60_000);
    touch(path.join(root, 'app', 'page.tsx'), past);
    fs.utimesSync(path.join(root, 'app'), past, past);
    touch(path.join(root, '.next', 'BUILD_ID'), new Date(Date.now() - 30_000));
    expect(isBuildStale(root)).toBe(false);
    touch(path.join(root, 'app', 'page.tsx'), new Date());
    expect(isBuildStale(root)).toBe(true);
  });
});
