/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM drivers are loaded by Node at run time, not bundled.
  serverExternalPackages: ['@libsql/client', 'libsql', '@node-rs/argon2', 'pg', '@electric-sql/pglite', 'jsdom'],
  typescript: { tsconfigPath: 'tsconfig.json' },
};

export default nextConfig;
