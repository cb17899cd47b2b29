// The glossary, as a reader uses it: terms open their entry in place by click, keyboard and
// tap; variant spellings open the same entry; occurrence links land on their passage; the
// glossary index filters as you type; an entry page lists every occurrence in context.
import { test, expect } from '@playwright/test';
import { followZinovievConcordance } from '../pages.mjs';
import { expectOnlyTarget, readyToOpen, seriousViolations, whenHydrated, whenTermsOpenInPlace } from '../support.mjs';

const popover = (page) => page.getByRole('dialog');
// A term in the text: a link to its entry page, which opens the popover once the cards are in.
const term = (page, entry, text) => page.locator(`a.term[data-entry="${entry}"]`, { hasText: text }).first();

/** Opens a document page and waits until its islands are hydrated. */
async function openDocument(page, path) {
  await page.goto(path);
  await whenHydrated(page);
}

/** Opens a page and waits until its islands are hydrated. */
async function openHydrated(page, path) {
  await page.goto(path);
  await whenHydrated(page);
}

async function expectInsideViewport(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  expect(box, 'popover has a box').not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  expect(box.y + box.height).toBeLessThanOrEqual(height);
}

test.describe('at desktop width', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('a click opens the entry next to the term; Escape closes it and focus returns', async ({ page }) => {
    await openDocument(page, '/doc/stalin-versus-trotsky/');
    const rabkrin = term(page, 'troika', 'troika');
    await readyToOpen(rabkrin);
    await rabkrin.click();
    const dialog = popover(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Troika (triumvirate)');
    await expect(dialog).toContainText('Zinoviev');
    await expect(dialog.getByText('In this corpus')).toBeVisible();
    await expect(rabkrin).toHaveAttribute('aria-expanded', 'true');
    // Opened in place: the term's link to its entry page was not followed.
    await expect(page).toHaveURL(/\/doc\/stalin-versus-trotsky\/$/);
    await expect(dialog.getByRole('link', { name: /Every occurrence in context/ })).toHaveAttribute('href', '/glossary/troika/');
    await expectInsideViewport(page, dialog);
    // Anchored to the term: its top or bottom edge is within a line of the term.
    const [t, d] = [await rabkrin.boundingBox(), await dialog.boundingBox()];
    const gap = Math.min(Math.abs(d.y - (t.y + t.height)), Math.abs(t.y - (d.y + d.height)));
    expect(gap).toBeLessThan(20);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(rabkrin).toBeFocused();
    await expect(rabkrin).toHaveAttribute('aria-expanded', 'false');
  });

  test('a click outside closes it, and only one popover is open at a time', async ({ page }) => {
    await openDocument(page, '/doc/turning-point/');
    const lenin = term(page, 'lenin', 'Lenin');
    await readyToOpen(lenin);
    await lenin.click();
    await expect(popover(page).getByRole('heading', { level: 2 })).toHaveText('Vladimir Lenin');
    // A term further down, not under the open popover.
    const trotsky = page.locator('a.term[data-entry="trotsky"]').last();
    await trotsky.click();
    await expect(popover(page).getByRole('heading', { level: 2 })).toHaveText('Leon Trotsky');
    // The first term's popover gave way to the second's.
    await expect(lenin).toHaveAttribute('aria-expanded', 'false');
    await expect(trotsky).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('heading', { level: 1 }).click();
    await expect(popover(page)).toBeHidden();
  });

  test('the keyboard reaches a term by Tab and opens it with Enter', async ({ page }) => {
    await openDocument(page, '/doc/documents-of-the-1923-opposition/');
    await page.getByRole('link', { name: 'Original text' }).focus();
    let focused = null;
    for (let i = 0; i < 40 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.dataset?.entry ?? null);
    }
    expect(focused, 'Tab reached a glossary term').not.toBeNull();
    const first = page.locator(`[data-entry="${focused}"]`).first();
    await expect(first).toBeFocused();
    // Focus on a term is the keyboard reader's sign of interest: the cards come.
    await whenTermsOpenInPlace(page);
    await page.keyboard.press('Enter');
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popover(page)).toBeHidden();
    await expect(first).toBeFocused();
    await page.keyboard.press(' ');
    await expect(popover(page)).toBeVisible();
    // Tab goes on into the popover's links, not to the end of the page.
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => document.getElementById('term-popover').contains(document.activeElement));
    expect(inside).toBe(true);
  });

  test('following an occurrence in the same document moves focus to that passage', async ({ page }) => {
    await openDocument(page, '/doc/how-the-bureaucracy-seized-power/');
    const first = term(page, 'kronstadt', 'Kronstadt');
    await readyToOpen(first);
    await first.click();
    await popover(page).getByRole('link', { name: /^Russia: How the Bureaucracy Seized Power — chapters 8–10, occurrence 2 of/ }).click();
    // The occurrence's address has a query (?term=): a new page load of the same document.
    await expect(page).toHaveURL(/\/doc\/how-the-bureaucracy-seized-power\/\?term=kronstadt#/);
    await whenHydrated(page);
    await expect(popover(page)).toBeHidden();
    const target = page.locator('.block:target');
    await expect(target).toHaveCount(1);
    await expect(target).toBeInViewport();
    await expect(target).toBeFocused();
    await expect(target.locator('a.term[data-entry="kronstadt"].is-highlighted').first()).toBeVisible();
    await expect(first).not.toBeFocused();
  });

  test('variant spellings in different documents open the same entry', async ({ page }) => {
    const pairs = [
      ['/doc/how-the-bureaucracy-seized-power/', 'zinoviev', 'Zinoviev', '/doc/stalin-versus-trotsky/', "Zinov'ev"],
      ['/doc/how-the-bureaucracy-seized-power/', 'politburo', 'Politbureau', '/doc/power-struggle-sources/', 'Politburo'],
      ['/doc/how-the-bureaucracy-seized-power/', 'nepmen', 'NEP-men', '/doc/documents-of-the-1923-opposition/', 'Nepmen'],
      ['/doc/turning-point/', 'troika', 'trio', '/doc/power-struggle-sources/', 'triumvirate'],
    ];
    for (const [pathA, entry, spellingA, pathB, spellingB] of pairs) {
      const headwords = [];
      for (const [path, spelling] of [[pathA, spellingA], [pathB, spellingB]]) {
        await openDocument(page, path);
        const exact = new RegExp(`^${spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const mark = page.locator(`a.term[data-entry="${entry}"]`).filter({ hasText: exact }).first();
        await expect(mark).toHaveText(spelling);
        await readyToOpen(mark);
        await mark.click();
        const heading = popover(page).getByRole('heading', { level: 2 });
        await expect(heading).toBeVisible();
        headwords.push(await heading.textContent());
        await page.keyboard.press('Escape');
      }
      expect(headwords[0]).toBe(headwords[1]);
    }
  });

  test('an occurrence link lands on its paragraph with the term highlighted', async ({ page }) => {
    await openDocument(page, '/doc/turning-point/');
    // Open Kamenev here and follow one of his occurrences in another document.
    await readyToOpen(term(page, 'kamenev', 'Kamenev'));
    await term(page, 'kamenev', 'Kamenev').click();
    const link = popover(page).getByRole('link', { name: /^1922–27: Stalin versus Trotsky, occurrence 2 of/ });
    await link.click();
    await expect(page).toHaveURL(/\/doc\/stalin-versus-trotsky\/\?term=kamenev#/);
    await expect(popover(page)).toBeHidden();
    const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const passage = page.locator(`[id="${anchor}"]`);
    await expectOnlyTarget(page, passage);
    await expect(passage).toBeInViewport();
    await whenHydrated(page);
    await expect(passage.locator('a.term[data-entry="kamenev"].is-highlighted').first()).toBeVisible();
    await expect(passage).toBeFocused();
  });

  test('the cards come on the first sign of interest, and a click that comes first waits for them', async ({ page }) => {
    const cards = [];
    page.on('request', (request) => request.url().endsWith('/glossary.bin') && cards.push(new URL(request.url()).pathname));
    await openDocument(page, '/doc/stalin-versus-trotsky/');
    // A visit that never points at a term never downloads the cards.
    await page.waitForTimeout(500);
    expect(cards).toEqual([]);
    await expect(page.locator('#term-popover')).not.toHaveAttribute('data-cards', 'loaded');
    // The click comes at once (the pointer moves onto the term just before): it waits for
    // the cards and opens the entry in place instead of following the link.
    const troika = term(page, 'troika', 'troika');
    await troika.click();
    await expect(popover(page).getByRole('heading', { level: 2 })).toHaveText('Troika (triumvirate)');
    await expect(page).toHaveURL(/\/doc\/stalin-versus-trotsky\/$/);
    expect(cards).toEqual(['/doc/stalin-versus-trotsky/glossary.bin']);
    // Once: the next term needs no new download.
    await page.keyboard.press('Escape');
    await term(page, 'stalin', 'Stalin').click();
    await expect(popover(page).getByRole('heading', { level: 2 })).toHaveText('Joseph Stalin');
    expect(cards).toHaveLength(1);
  });

  test('axe finds no serious or critical problem with a popover open', async ({ page }) => {
    await openDocument(page, '/doc/power-struggle-sources/');
    await readyToOpen(term(page, 'declaration-of-46', ''));
    await term(page, 'declaration-of-46', '').click();
    await expect(popover(page)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('at phone width', () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test('a tap opens the entry inside the viewport', async ({ page }) => {
    await openDocument(page, '/doc/how-the-bureaucracy-seized-power/');
    for (const entry of ['kronstadt', 'nep', 'kulak']) {
      const mark = page.locator(`a.term[data-entry="${entry}"]`).first();
      await mark.scrollIntoViewIfNeeded();
      await readyToOpen(mark);
      await mark.tap();
      await expect(popover(page)).toBeVisible();
      await expectInsideViewport(page, popover(page));
      await page.keyboard.press('Escape');
    }
  });

  test('a term that wraps points at the line that was tapped', async ({ page }) => {
    await openDocument(page, '/doc/how-the-bureaucracy-seized-power/');
    // Find a term broken over two lines at this width, and tap its second line.
    const target = await page.evaluate(() => {
      for (const el of document.querySelectorAll('a.term[data-entry]')) {
        const rects = [...el.getClientRects()];
        if (rects.length > 1 && rects[1].width > 8) {
          el.scrollIntoView({ block: 'center' });
          const r = [...el.getClientRects()];
          return { id: el.dataset.entry, x: r[1].left + 4, y: r[1].top + r[1].height / 2, top: r[1].top, bottom: r[1].bottom, firstTop: r[0].top };
        }
      }
      return null;
    });
    expect(target, 'some term wraps at 375 px').not.toBeNull();
    await page.mouse.move(target.x, target.y);
    await whenTermsOpenInPlace(page);
    await page.mouse.click(target.x, target.y);
    const box = await popover(page).boundingBox();
    const nearSecondLine = Math.abs(box.y - target.bottom) < 12 || Math.abs(box.y + box.height - target.top) < 12;
    expect(nearSecondLine, JSON.stringify({ box, target })).toBe(true);
  });
});

test.describe('glossary pages', () => {
  test('the index filters as you type and by kind, and the filter is in the address', async ({ page }) => {
    await openHydrated(page, '/glossary/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
    const all = await page.locator('section.glossary-letter').getByRole('listitem').count();
    expect(all).toBeGreaterThanOrEqual(90);
    await page.getByLabel('Filter').fill("zinov'ev");
    await expect(page.getByRole('link', { name: 'Zinoviev, Grigory' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('1 entry');
    // URLSearchParams writes the apostrophe as %27.
    await expect(page).toHaveURL(/\/glossary\/\?q=zinov%27ev$/);
    await page.getByLabel('Filter').fill('');
    await page.getByLabel('Kind').selectOption('event');
    await expect(page.getByRole('link', { name: 'Kronstadt uprising' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Trotsky, Leon' })).toHaveCount(0);
    await expect(page).toHaveURL(/\/glossary\/\?kind=event$/);
    await openHydrated(page, '/glossary/?kind=person&q=kamen');
    await expect(page.getByRole('status')).toHaveText('1 entry');
    await expect(page.getByLabel('Filter')).toHaveValue('kamen');
    await expect(page.getByRole('link', { name: 'Kamenev, Lev' })).toBeVisible();
    await expect(page.getByLabel('Kind')).toHaveValue('person');
  });

  test('an entry page lists every occurrence in context, grouped by document', async ({ page }) => {
    await page.goto('/glossary/zinoviev/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grigory Zinoviev');
    await expect(page.getByText("Zinoviev · Zinov'ev")).toBeVisible();
    await followZinovievConcordance(page);
    await whenHydrated(page);
    await expect(page.locator('.block:target a.term[data-entry="zinoviev"].is-highlighted').first()).toBeInViewport();
  });

  test('see-also links and every entry page are reachable', async ({ page }) => {
    await page.goto('/glossary/nep/');
    await page.getByRole('link', { name: 'War communism', exact: false }).first().click();
    await expect(page).toHaveURL(/\/glossary\/war-communism\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/war communism/i);
    await page.goto('/glossary/no-such-entry/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('the index shows whole first sentences, and every letter once', async ({ page }) => {
    await page.goto('/glossary/');
    await expect(page.getByText(/^Volume of E\.H\. Carr/).first()).not.toHaveText(/E\.H\.$/);
    const letters = await page.getByRole('navigation', { name: 'Letters' }).getByRole('link').allTextContents();
    expect(new Set(letters).size).toBe(letters.length);
  });

  for (const path of ['/glossary/', '/glossary/zinoviev/', '/no/such/page']) {
    test(`axe finds no serious or critical problem on ${path}`, async ({ page }) => {
      await openHydrated(page, path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
