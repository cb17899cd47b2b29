// Playwright: the end-to-end tests drive the release build (dist/) in Debian's Chromium,
// served by static-server.mjs (folders redirect to a trailing slash, unknown paths get
// 404.html with status 404, as on GitHub Pages).
//
//   npx playwright test                    (from tests/e2e; build dist/ first)
//   E2E_DIST=/other/dist npx playwright test
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.E2E_DIST || path.join(here, '../../dist'));

// The config is loaded by the runner and again by every worker: the runner picks the port
// once and the workers inherit it through the environment.
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(await freePort());
const port = Number(process.env.E2E_PORT);
process.env.E2E_DIST = DIST;

export default defineConfig({
  testDir: './specs',
  testMatch: '**/*.spec.mjs',
  // E2E_OUTPUT: somewhere else than test-results/, e.g. when two runs share this folder.
  outputDir: process.env.E2E_OUTPUT || './test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node static-server.mjs "${DIST}" ${port} 127.0.0.1`,
    cwd: here,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
