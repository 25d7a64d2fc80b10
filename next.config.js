import fs from 'node:fs';
import path from 'node:path';

// In a git worktree whose node_modules is a symlink to another checkout's, Turbopack refuses
// files outside its root: widen the root to the folder holding both. A normal checkout keeps
// the default.
const projectRoot = process.cwd();
const modulesRoot = path.dirname(fs.realpathSync(path.join(projectRoot, 'node_modules')));
const workspaceRoot =
  modulesRoot === projectRoot
    ? undefined
    : projectRoot.split(path.sep).filter((part, i) => modulesRoot.split(path.sep)[i] === part).join(path.sep) || path.sep;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM drivers are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'pg', '@electric-sql/pglite', 'jsdom'],
  typescript: { tsconfigPath: 'tsconfig.json' },
  ...(workspaceRoot ? { turbopack: { root: workspaceRoot }, outputFileTracingRoot: workspaceRoot } : {}),
};

export default nextConfig;
