// The reader hosted in a sub-folder (project "subfolder"): a build made with
// `trunk build --release --public-url /reader/ --dist target/dist-reader`, served under
// /reader/ only (static-server.mjs with a mount prefix: anything outside it is a bare 404).
// The main flows work there, every address stays under /reader/, and the page never asks
// the server for anything outside it.
import { test, expect } from '@playwright/test';
import { LibraryPage, DocumentPage, NotFoundPage } from '../pages.mjs';
import { expectOnlyTarget, readyToOpen, whenHydrated } from '../support.mjs';
import { htmlPages, startTags } from '../html-files.mjs';
import fs from 'node:fs';
import path from 'node:path';

const SITE = process.env.E2E_SUBFOLDER_URL || '';
const BUILD = process.env.E2E_DIST_SUBFOLDER_RESOLVED;
const PREFIX = '/reader/';

test.skip(!SITE, 'no sub-folder build: trunk build --release --public-url /reader/ --dist target/dist-reader (or set E2E_DIST_SUBFOLDER)');

/** Expects the current address to be under the prefix, on the site's origin. */
async function expectUnderPrefix(page, pathname) {
  await expect(page).toHaveURL((url) => url.origin === new URL(SITE).origin && url.pathname === pathname);
}

test('every address in the pages of the build starts with /reader/', () => {
  const outside = new Map(); // address -> the pages that hold it
  const pages = htmlPages(BUILD);
  for (const file of pages) {
    for (const { name, attributes } of startTags(fs.readFileSync(file, 'utf8'))) {
      for (const key of ['href', 'src', 'action']) {
        const value = attributes.get(key);
        if (!value?.startsWith('/') || value.startsWith(PREFIX)) continue;
        const where = path.relative(BUILD, file);
        const address = `<${name} ${key}="${value.replace(/[?#].*$/, '')}">`;
        if (!outside.has(address)) outside.set(address, new Set());
        outside.get(address).add(where);
      }
    }
  }
  expect(pages.length).toBeGreaterThan(200);
  const report = [...outside].map(([address, where]) => `${address} in ${where.size} pages, e.g. ${[...where][0]}`);
  const shown = report.length > 12 ? [...report.slice(0, 12), `... and ${report.length - 12} more`] : report;
  expect(shown, `${outside.size} addresses outside ${PREFIX}`).toEqual([]);
});

let requests;
test.beforeEach(async ({ page }) => {
  requests = [];
  page.on('request', (request) => requests.push(request.url()));
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.title.startsWith('every address')) return;
  const origin = new URL(SITE).origin;
  const outside = requests.filter((url) => {
    const { origin: o, pathname } = new URL(url);
    return o !== origin || !pathname.startsWith(PREFIX);
  });
  expect(requests.length, 'the test made requests').toBeGreaterThan(0);
  expect(outside, 'requests outside /reader/').toEqual([]);
});

test('library, document, term popover, entry page, and an occurrence back to its passage', async ({ page }) => {
  const library = new LibraryPage(page);
  await page.goto(PREFIX);
  await expect(library.heading).toBeVisible();
  await expect(library.cards).toHaveCount(5);
  const reader = await library.open('1922–27: Stalin versus Trotsky');
  await expectUnderPrefix(page, `${PREFIX}doc/stalin-versus-trotsky/`);

  // The term opens in place: its cards came from under the prefix.
  const term = reader.terms('troika').first();
  await expect(term).toHaveAttribute('href', `${PREFIX}glossary/troika/`);
  await readyToOpen(term);
  await term.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Troika (triumvirate)');
  await dialog.getByRole('link', { name: /Every occurrence in context/ }).click();
  await expectUnderPrefix(page, `${PREFIX}glossary/troika/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Troika (triumvirate)');

  // An occurrence: back to a passage, under the prefix, marked.
  const line = page.getByRole('region', { name: /The Power Struggle after Lenin/ }).getByRole('link').first();
  await line.click();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}doc/power-struggle-sources/` && url.search === '?term=troika');
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const passage = page.locator(`[id="${anchor}"]`);
  await expectOnlyTarget(page, passage);
  await expect(passage).toBeInViewport();
  await whenHydrated(page);
  await expect(passage.locator('a.term[data-entry="troika"].is-highlighted').first()).toBeVisible();
  await expect(passage).toBeFocused();

  // The header leads home, under the prefix.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await expectUnderPrefix(page, PREFIX);
  await expect(library.heading).toBeVisible();
});

test('a counterpart marker, its passage link and its compare link', async ({ page }) => {
  const origin = 'this-present-regime-trotsky-wrote-to';
  const reader = new DocumentPage(page);
  await page.goto(`${PREFIX}doc/turning-point/#${origin}`);
  await expect(reader.heading).toBeVisible();
  await reader.ready();
  await expectOnlyTarget(page, reader.passage(origin));
  const toggle = reader.passage(origin).getByRole('button', { name: /^also in \d+ sources?$/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const item = page.locator(`[id="also-${origin}"] li`, { hasText: 'Variant version' });
  const go = item.getByRole('link', { name: 'Go to this passage' });
  expect(await go.getAttribute('href')).toMatch(new RegExp(`^${PREFIX}doc/documents-of-the-1923-opposition/#`));
  await item.getByRole('link', { name: 'Compare wording' }).click();
  await expect(page).toHaveURL((url) => url.pathname.startsWith(`${PREFIX}compare/turning-point/${origin}/documents-of-the-1923-opposition/`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare passages');
  await whenHydrated(page);
  await page.getByLabel('Show differences of quote style, dashes, case and spacing').check();
  await expect(page).toHaveURL((url) => url.pathname.startsWith(`${PREFIX}compare/`) && url.search === '?exact=1');
  // Back to the document from the compare view's heading link.
  await page.getByRole('region', { name: /The Turning Point/ }).getByRole('link', { name: 'The Turning Point, 1923–24' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}doc/turning-point/` && url.hash === `#${origin}`);
  await whenHydrated(page);
  await expectOnlyTarget(page, reader.passage(origin));
});

test('the glossary index filters, and its entries open under the prefix', async ({ page }) => {
  await page.goto(`${PREFIX}glossary/`);
  await whenHydrated(page);
  await page.getByLabel('Filter').fill("zinov'ev");
  await expect(page.getByRole('status')).toHaveText('1 entry');
  await expect(page).toHaveURL((url) => url.pathname === `${PREFIX}glossary/` && url.search === '?q=zinov%27ev');
  await page.getByRole('link', { name: 'Zinoviev, Grigory' }).click();
  await expectUnderPrefix(page, `${PREFIX}glossary/zinoviev/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grigory Zinoviev');
  await page.getByRole('link', { name: '← Glossary' }).click();
  await expectUnderPrefix(page, `${PREFIX}glossary/`);
});

test('an unknown address under the prefix gets the reader\'s not-found page, whose links stay there', async ({ page }) => {
  const response = await page.goto(`${PREFIX}no/such/page`);
  expect(response.status()).toBe(404);
  const notFound = new NotFoundPage(page);
  await expect(notFound.heading).toBeVisible();
  await whenHydrated(page);
  await expect(notFound.main.locator('code')).toHaveText(`${PREFIX}no/such/page`);
  await expect(notFound.homeLink).toHaveAttribute('href', PREFIX);
  await notFound.homeLink.click();
  await expectUnderPrefix(page, PREFIX);
  await expect(new LibraryPage(page).cards).toHaveCount(5);
});
