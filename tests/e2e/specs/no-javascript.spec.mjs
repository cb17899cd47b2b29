// With scripts off (project "no-javascript", javaScriptEnabled: false): the pages rendered at
// build time are the reader. Every document reads in full, terms are links to their entry
// pages, a counterpart marker opens its list by :target and its links are real links, the
// glossary and its entry pages are complete, the compare view switches by CSS alone, the
// original text is there, and an unknown address gets the reader's not-found page.
import { test, expect } from '@playwright/test';
import { LibraryPage, DocumentPage, OriginalPage, NotFoundPage, followZinovievConcordance } from '../pages.mjs';
import { CATALOG, SENTENCES, SHAPE, readGlossaryIds, seedBytes } from '../corpus.mjs';
import { expectOnlyTarget, isTarget } from '../support.mjs';

test.describe.configure({ mode: 'parallel' });

test.beforeEach(async ({ javaScriptEnabled }) => {
  expect(javaScriptEnabled, 'this spec runs in the no-javascript project').toBe(false);
});

/** No island ran: the boot script would have marked the page. */
async function expectNotHydrated(page) {
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated');
}

/** Opens a document page (no waiting for islands: there are none running). */
async function openDocument(page, slug, suffix = '') {
  const reader = new DocumentPage(page);
  await page.goto(`/doc/${slug}/${suffix}`);
  await expect(reader.heading).toBeVisible();
  await expectNotHydrated(page);
  return reader;
}

test('the library lists every document, each a link that opens it', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expectNotHydrated(page);
  await expect(library.cardTitles).toHaveText(CATALOG.map((d) => d.title));
  for (const { slug, title } of CATALOG) {
    await expect(library.cardLink(title)).toHaveAttribute('href', `/doc/${slug}/`);
  }
  const { slug, title } = CATALOG[3];
  await library.cardLink(title).click();
  const reader = new DocumentPage(page);
  await expect(reader.heading).toHaveText(title);
  expect(reader.address()).toBe(`/doc/${slug}/`);
  await expect(reader.text.getByText(SENTENCES[slug])).toBeVisible();
});

for (const { slug, title } of CATALOG) {
  test(`"${slug}" reads in full: headings, paragraphs, quotations, citations, permalinks`, async ({ page }) => {
    const reader = await openDocument(page, slug);
    await expect(page).toHaveTitle(`${title} · Source Reader`);
    await expect(reader.heading).toHaveText(title);
    const shape = SHAPE[slug];
    for (const heading of shape.headings) {
      await expect(reader.text.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    }
    await expect(reader.text.getByText(SENTENCES[slug])).toBeVisible();
    expect(await reader.text.getByRole('paragraph').count()).toBeGreaterThanOrEqual(8);
    await expect(reader.blockquotes.filter({ hasText: shape.quotation })).toHaveCount(1);
    await expect(reader.blockquotes.filter({ hasText: shape.quotation })).toBeVisible();
    if (shape.citation) {
      // A source line of the text itself, not the titles in a counterpart list.
      const citation = reader.text.locator('cite:not(.counterparts cite)').filter({ hasText: shape.citation });
      await expect(citation.first()).toBeVisible();
    }
    // Every passage has its permalink, to its own address.
    const passages = reader.text.locator('.block[id]:not(.counterparts)');
    const anchors = await passages.evaluateAll((blocks) => blocks.map((b) => b.id));
    expect(anchors.length).toBeGreaterThanOrEqual(8);
    // The link is the bare fragment; it resolves to the passage's full address.
    const hrefs = await passages.evaluateAll((blocks) =>
      blocks.map((b) => {
        const link = b.querySelector(':scope > a.permalink');
        return link ? { attribute: link.getAttribute('href'), resolved: new URL(link.href).pathname + new URL(link.href).hash } : null;
      }));
    expect(hrefs).toEqual(anchors.map((anchor) => ({ attribute: `#${anchor}`, resolved: `/doc/${slug}/#${anchor}` })));
    // Shown on hover by the stylesheet alone.
    const last = passages.last();
    await last.hover();
    await expect(reader.permalinkOf(last)).toHaveCSS('opacity', '1');
  });
}

test('a glossary term is a link to its entry page, and following it opens the entry', async ({ page }) => {
  const reader = await openDocument(page, 'stalin-versus-trotsky');
  const term = reader.terms('troika').first();
  await expect(term).toHaveAttribute('href', '/glossary/troika/');
  await expect(term).toHaveRole('link');
  await term.click();
  await expect(page).toHaveURL((url) => url.pathname === '/glossary/troika/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Troika (triumvirate)');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a counterpart marker shows its list by :target, and "Go to this passage" lands there', async ({ page }) => {
  const origin = 'in-december-1922-zinoviev-then-president';
  const reader = await openDocument(page, 'turning-point');
  const list = page.locator(`[id="also-${origin}"]`);
  await expect(list).toBeHidden();
  await reader.passage(origin).getByRole('button', { name: 'also in 1 source' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/doc/turning-point/' && url.hash === `#also-${origin}`);
  await expect(list).toBeVisible();
  expect(await isTarget(list)).toBe(true);
  await expect(list).toContainText('Parallel text');
  const go = list.getByRole('link', { name: 'Go to this passage' });
  await expect(go).toHaveAttribute('href', `/doc/how-the-bureaucracy-seized-power/#${origin}`);
  await go.click();
  await expect(page).toHaveURL((url) => url.pathname === '/doc/how-the-bureaucracy-seized-power/' && url.hash === `#${origin}`);
  const target = reader.passage(origin);
  await expectOnlyTarget(page, target);
  await expect(target).toBeInViewport();
  await expect(target).toContainText('formed a secret faction with Stalin');
});

test('the glossary index lists every entry; an entry page shows its concordance', async ({ page }) => {
  await page.goto('/glossary/');
  await expectNotHydrated(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  const ids = readGlossaryIds();
  const hrefs = await page.locator('section.glossary-letter li a[href^="/glossary/"]').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')));
  expect([...hrefs].sort()).toEqual(ids.map((id) => `/glossary/${id}/`).sort());
  await expect(page.getByRole('status')).toHaveText(`${ids.length} entries`);

  await page.getByRole('link', { name: 'Zinoviev, Grigory' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/glossary/zinoviev/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grigory Zinoviev');
  await followZinovievConcordance(page);
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expectOnlyTarget(page, page.locator(`[id="${anchor}"]`));
  await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
});

test('the compare view marks the differences, and the checkbox shows the exact version by CSS', async ({ page }) => {
  const variant = '/compare/turning-point/this-present-regime-trotsky-wrote-to/documents-of-the-1923-opposition/';
  const anchor = 'this-present-regime-trotsky-wrote-to';
  const reader = await openDocument(page, 'turning-point', `#${anchor}`);
  await reader.passage(anchor).getByRole('button', { name: /^also in \d+ sources?$/ }).click();
  await page.locator(`[id="also-${anchor}"] li`, { hasText: 'Variant version' }).getByRole('link', { name: 'Compare wording' }).click();
  await expect(page).toHaveURL(new RegExp(`${variant}[^/]+/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare passages');
  const left = page.getByRole('region', { name: /The Turning Point/ });
  const right = page.getByRole('region', { name: /Documents of the 1923 Opposition/ });
  await expect(left).toHaveCount(1);
  await expect(left.locator('del', { hasText: 'further' })).toBeVisible();
  await expect(right.locator('ins', { hasText: 'farther' })).toBeVisible();

  await page.goto('/compare/turning-point/in-december-1922-zinoviev-then-president/how-the-bureaucracy-seized-power/in-december-1922-zinoviev-then-president/');
  const shown = page.locator('.compare-columns:visible');
  await expect(shown).toHaveCount(1);
  await expect(shown.locator('del, ins')).toHaveCount(0);
  await expect(page.getByText(/100% of words in common · 0 differences/)).toBeVisible();
  const box = page.getByLabel('Show differences of quote style, dashes, case and spacing');
  await box.check();
  await expect(shown).toHaveCount(1);
  await expect.poll(() => shown.locator('del, ins').count()).toBeGreaterThan(0);
  await expect(page.getByText(/100% of words in common · 4 differences/)).toBeVisible();
  await expect(page.getByText(/100% of words in common · 0 differences/)).toBeHidden();
  await box.uncheck();
  await expect(shown.locator('del, ins')).toHaveCount(0);
});

test('the original view shows the text as it is', async ({ page }) => {
  const original = new OriginalPage(page);
  await original.goto('stalin-versus-trotsky');
  await expectNotHydrated(page);
  const shown = Buffer.from(await original.textContent(), 'utf8');
  expect(shown.equals(seedBytes('stalin-versus-trotsky'))).toBe(true);
  await expect(original.text).toContainText('Page last modified');
});

test('an unknown address shows "Page not found" with a link home', async ({ page }) => {
  const response = await page.goto('/no/such/page');
  expect(response.status()).toBe(404);
  const notFound = new NotFoundPage(page);
  await expect(notFound.heading).toBeVisible();
  await expect(page).toHaveTitle('Not found · Source Reader');
  // The island that names the address does not run: the page says "this address".
  await expect(notFound.main).toContainText('There is nothing at this address.');
  await notFound.homeLink.click();
  await expect(new LibraryPage(page).heading).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');
});
