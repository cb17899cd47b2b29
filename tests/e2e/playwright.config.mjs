// Playwright: the end-to-end tests drive the release build (dist/) in Debian's Chromium,
// served by static-server.mjs (folders redirect to a trailing slash, unknown paths get
// 404.html with status 404, as on GitHub Pages).
//
//   npx playwright test                    (from tests/e2e; build dist/ first)
//   E2E_DIST=/other/dist npx playwright test
//
// Three projects:
//   chromium       every spec but the two below;
//   no-javascript  specs/no-javascript.spec.mjs with scripts off: the static pages alone;
//   subfolder      specs/subfolder.spec.mjs against a build for a sub-folder, served under
//                  /reader/ (E2E_DIST_SUBFOLDER, default ../../target/dist-reader, made by
//                  `trunk build --release --public-url /reader/ --dist target/dist-reader`).
//                  Without that build the spec is skipped, unless E2E_DIST_SUBFOLDER names it
//                  (E2E_DIST_SUBFOLDER=none: skipped, whatever is there).
import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.E2E_DIST || path.join(here, '../../dist'));

export const SUBFOLDER_PREFIX = '/reader/';
const subfolderOff = process.env.E2E_DIST_SUBFOLDER === 'none';
const subfolderGiven = !!process.env.E2E_DIST_SUBFOLDER && !subfolderOff;
export const DIST_SUBFOLDER = path.resolve(subfolderGiven ? process.env.E2E_DIST_SUBFOLDER : path.join(here, '../../target/dist-reader'));
const hasSubfolderBuild = !subfolderOff && fs.existsSync(path.join(DIST_SUBFOLDER, 'index.html'));
if (subfolderGiven && !hasSubfolderBuild) {
  throw new Error(`E2E_DIST_SUBFOLDER=${DIST_SUBFOLDER} has no index.html (build it with trunk build --release --public-url ${SUBFOLDER_PREFIX} --dist ...)`);
}

// The config is loaded by the runner and again by every worker: the runner picks the ports
// once and the workers inherit them through the environment.
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(await freePort());
if (!process.env.E2E_PORT_SUBFOLDER) process.env.E2E_PORT_SUBFOLDER = String(await freePort());
const port = Number(process.env.E2E_PORT);
const subfolderPort = Number(process.env.E2E_PORT_SUBFOLDER);
process.env.E2E_DIST = DIST;
// For specs/subfolder.spec.mjs: where the sub-folder build is served ('' when there is none).
process.env.E2E_SUBFOLDER_URL = hasSubfolderBuild ? `http://127.0.0.1:${subfolderPort}${SUBFOLDER_PREFIX}` : '';
process.env.E2E_DIST_SUBFOLDER_RESOLVED = DIST_SUBFOLDER;

const NO_JAVASCRIPT = '**/no-javascript.spec.mjs';
const SUBFOLDER = '**/subfolder.spec.mjs';
const server = (root, serverPort, prefix = '/') => ({
  command: `node static-server.mjs "${root}" ${serverPort} 127.0.0.1 ${prefix}`,
  cwd: here,
  url: `http://127.0.0.1:${serverPort}${prefix}`,
  reuseExistingServer: false,
  timeout: 20_000,
  stdout: 'ignore',
  stderr: 'pipe',
});

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
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: [NO_JAVASCRIPT, SUBFOLDER] },
    { name: 'no-javascript', use: { browserName: 'chromium', javaScriptEnabled: false }, testMatch: NO_JAVASCRIPT },
    {
      name: 'subfolder',
      // The origin only: the spec writes its paths with the prefix, as the pages link them.
      use: { browserName: 'chromium', baseURL: `http://127.0.0.1:${subfolderPort}` },
      testMatch: SUBFOLDER,
    },
  ],
  webServer: [
    server(DIST, port),
    ...(hasSubfolderBuild ? [server(DIST_SUBFOLDER, subfolderPort, SUBFOLDER_PREFIX)] : []),
  ],
});
