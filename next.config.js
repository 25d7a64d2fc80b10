import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * Turbopack resolves packages only inside its root. A git worktree whose node_modules is a
 * symlink to another checkout needs a root that contains both; a normal checkout keeps its own.
 */
function turbopackRoot() {
  let modules;
  try {
    modules = fs.realpathSync(path.join(projectRoot, 'node_modules'));
  } catch {
    return projectRoot;
  }
  let root = projectRoot;
  while (!modules.startsWith(root + path.sep) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM drivers are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'pg', '@electric-sql/pglite', 'jsdom'],
  typescript: { tsconfigPath: 'tsconfig.json' },
  turbopack: { root: turbopackRoot() },
};

export default nextConfig;
