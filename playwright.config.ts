import { defineConfig, devices } from '@playwright/test';
import { baseURL, e2eDatabaseUrl as databaseUrl, e2ePort as port, isE2ePostgres as isPostgres } from './e2e/instances';

function serverOn(serverPort: number, publicUrl: string) {
  return {
    // scripts/e2e.ts builds first; this only serves the production build on a fresh database.
    // A long keep-alive avoids resets when a test reuses an idle connection the server just closed.
    command: `node node_modules/next/dist/bin/next start -p ${serverPort} --keepAliveTimeout 65000`,
    url: `http://127.0.0.1:${serverPort}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      DATABASE_URL: databaseUrl,
      FACTDESK_SEED_DEMO: '1',
      AUTH_SECRET: 'e2e-only-secret-not-for-production-use-0123456789',
      NODE_ENV: 'production',
      PUBLIC_URL: publicUrl,
      // URL-import tests serve their pages from localhost.
      IMPORT_ALLOW_PRIVATE_ADDRESSES: '1',
    },
  };
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // One retry in CI absorbs a stray network hiccup on this small machine; the report still names it as flaky.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /\.(pg|late)\.spec\.ts$/ },
    // Specs that need several instances on one PostgreSQL database exist only on PostgreSQL.
    ...(isPostgres ? [{ name: 'two-instances', use: { ...devices['Desktop Chrome'] }, testMatch: /\.pg\.spec\.ts$/ }] : []),
    // Specs that change desk-wide settings run once everything else has finished.
    {
      name: 'after-all',
      use: { ...devices['Desktop Chrome'] },
      testMatch: /\.late\.spec\.ts$/,
      dependencies: isPostgres ? ['chromium', 'two-instances'] : ['chromium'],
    },
  ],
  webServer: isPostgres ? [serverOn(port, baseURL), serverOn(port + 1, baseURL)] : serverOn(port, baseURL),
});
