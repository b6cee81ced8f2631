import { defineConfig, devices } from '@playwright/test';
import { browserPath, chromiumArgs } from './scripts/browser/host.ts';

// Browser tests run the real demo server over the built site (`npm run build` first), on a port of their own.
const port = Number(process.env.TEST_PORT ?? 4179);
const baseURL = `http://127.0.0.1:${port}`;
const siteDir = process.env.OUT_DIR || 'dist';

export default defineConfig({
  testDir: 'tests',
  // Parallel runs over different builds must not wipe each other's results.
  outputDir: process.env.OUT_DIR ? `test-results/${process.env.OUT_DIR}` : 'test-results',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      // The browser scripts/ensure-browser.ts found (or installed) before the run.
      executablePath: browserPath(),
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'desktop', metadata: { siteDir }, use: { ...devices['Desktop Chrome'], channel: undefined } },
    // The static-host specs again, on a PUBLIC_DEMO_SERVER=simulated build (npm run build:sim): only the
    // tests tagged @simbuild, a handful of pages, so the second build costs little test time.
    {
      name: 'static-sim',
      testMatch: /simulated.*\.spec\.ts/,
      grep: /@simbuild/,
      metadata: { siteDir: 'dist-sim', simulatedBuild: true },
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    command: `node demo-server/main.ts --port ${port} --host 127.0.0.1 --site-dir ${siteDir}`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 20_000,
    env: { LOG_LEVEL: 'silent', MAX_CONNECTIONS_PER_IP: '200' },
  },
});
