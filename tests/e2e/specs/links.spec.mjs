// Cross-source links, as a reader uses them: a passage's "also in" marker lists where else it
// is told; following one lands on that passage, marked; Back returns to the passage and the
// scroll position the reader left; the compare view and the side-by-side editions mark the
// differences, typography hidden unless asked for.
import { test, expect } from '@playwright/test';
import { expectOnlyTarget, seriousViolations, whenHydrated } from '../support.mjs';

async function expectNoSeriousViolations(page) {
  expect(await seriousViolations(page)).toEqual([]);
}

const passage = (page, anchor) => page.locator(`[id="${anchor}"]`);
const marker = (page, anchor) => passage(page, anchor).getByRole('button', { name: /^also in \d+ sources?$/ });

/** Opens a page and waits until its islands (the markers among them) are hydrated. */
async function openHydrated(page, path) {
  await page.goto(path);
  await whenHydrated(page);
}

test('a counterpart opens from its marker, and Back returns to the origin at the same scroll position', async ({ page }) => {
  await openHydrated(page, '/doc/turning-point/');
  const origin = 'in-december-1922-zinoviev-then-president';
  await passage(page, origin).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 120);
  const toggle = marker(page, origin);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator(`[id="also-${origin}"]`);
  await expect(list).toBeVisible();
  // Opened by the island (a toggle), not by following the marker's #also-… link.
  await expect(list).toHaveClass(/(^|\s)is-open(\s|$)/);
  await expect(page).toHaveURL(/\/doc\/turning-point\/$/);
  await expect(list).toContainText('Parallel text');
  await expect(list).toContainText('Russia: How the Bureaucracy Seized Power');
  const go = list.getByRole('link', { name: 'Go to this passage' }).first();
  await go.scrollIntoViewIfNeeded();
  const scrolledTo = await page.evaluate(() => window.scrollY);
  expect(scrolledTo).toBeGreaterThan(100);

  // A real link: a full page load of the other document, at the passage.
  await go.click();
  await expect(page).toHaveURL(new RegExp(`/doc/how-the-bureaucracy-seized-power/#${origin}$`));
  const target = passage(page, origin);
  await expectOnlyTarget(page, target);
  await expect(target).toBeInViewport();
  await expect(target).toContainText('formed a secret faction with Stalin');
  await whenHydrated(page);
  await expect(target).toBeFocused();

  // Back is the browser's own: the page as it was left (or reloaded), the scroll restored,
  // and the passage the reader left from marked as the origin.
  await page.goBack();
  await expect(page).toHaveURL(/\/doc\/turning-point\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The Turning Point, 1923–24');
  await expect(passage(page, origin)).toHaveClass(/(^|\s)is-origin(\s|$)/);
  await expect(page.locator('.is-origin')).toHaveCount(1);
  await expect(passage(page, origin)).toBeInViewport();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledTo - 3);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolledTo)).toBeLessThanOrEqual(3);

  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/doc/how-the-bureaucracy-seized-power/#${origin}$`));
  await expect(passage(page, origin)).toBeInViewport();
  await expectOnlyTarget(page, passage(page, origin));
});

test.describe('from the top of a page', () => {
  // Tall enough that the marker's list and its first link show without scrolling, so that
  // the reader never leaves the top of the page.
  test.use({ viewport: { width: 1280, height: 1400 } });

  test('Back from a counterpart returns to the top, with the origin marked', async ({ page }) => {
    await openHydrated(page, '/doc/power-struggle-sources/');
    const scrollY = () => page.evaluate(() => window.scrollY);
    expect(await scrollY()).toBe(0);
    const paragraph = page.locator('.document-text p.block').filter({ hasText: /^Distrusted and feared/ });
    await expect(paragraph).toHaveCount(1);
    const origin = await paragraph.getAttribute('id');
    const toggle = paragraph.getByRole('button', { name: /^also in \d+ sources?$/ });
    // The marker shows on the first screen.
    await expect(toggle).toBeInViewport({ ratio: 1 });
    await toggle.click();
    const list = page.locator(`[id="also-${origin}"]`);
    await expect(list).toBeVisible();
    const go = list.getByRole('link', { name: 'Go to this passage' }).first();
    await expect(go).toBeInViewport({ ratio: 1 });
    expect(await scrollY()).toBe(0);
    const href = await go.getAttribute('href');

    await go.click();
    await expect(page).toHaveURL((url) => url.pathname + url.hash === href);
    await whenHydrated(page);
    await expect.poll(() => scrollY()).toBeGreaterThan(0);

    await page.goBack();
    await expect(page).toHaveURL(/\/doc\/power-struggle-sources\/$/);
    await whenHydrated(page);
    await expect(paragraph).toHaveClass(/(^|\s)is-origin(\s|$)/);
    await expect(page.locator('.is-origin')).toHaveCount(1);
    // At the top, and still there once whatever Back started has settled.
    await expect.poll(() => scrollY()).toBeLessThanOrEqual(2);
    await page.waitForTimeout(500);
    expect(await scrollY()).toBeLessThanOrEqual(2);
  });
});

test('the marker works from the keyboard and names how many sources', async ({ page }) => {
  await openHydrated(page, '/doc/stalin-versus-trotsky/');
  const vote = page.locator('.block', { hasText: '559 to 65' });
  const toggle = vote.getByRole('button', { name: /^also in \d+ sources?$/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const id = await toggle.getAttribute('aria-controls');
  const list = page.locator(`[id="${id}"]`);
  await expect(list).toContainText('Same event');
  await expect(list).toContainText('The Power Struggle after Lenin');
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  // The same vote, told in the other source.
  await toggle.click();
  await list.getByRole('link', { name: 'Go to this passage' }).first().click();
  await expect(page).toHaveURL(/\/doc\/power-struggle-sources\/#/);
  await expect(page.locator('.block:target')).toContainText('559 votes to 65');
});

test('the compare view marks the differences of a variant translation', async ({ page }) => {
  await openHydrated(page, '/doc/turning-point/#this-present-regime-trotsky-wrote-to');
  const anchor = 'this-present-regime-trotsky-wrote-to';
  await marker(page, anchor).click();
  const item = page.locator(`[id="also-${anchor}"] li`, { hasText: 'Variant version' });
  await item.getByRole('link', { name: 'Compare wording' }).click();
  await expect(page).toHaveURL(/\/compare\/turning-point\/this-present-regime-trotsky-wrote-to\/documents-of-the-1923-opposition\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compare passages');
  await expect(page.getByText(/^Variant version · score/).filter({ visible: true })).toHaveCount(1);
  const left = page.getByRole('region', { name: /The Turning Point/ });
  const right = page.getByRole('region', { name: /Documents of the 1923 Opposition/ });
  await expect(left).toContainText('much further from any workers’ democracy');
  await expect(right).toContainText('much farther from workers’ democracy');
  // "further" / "farther": changed wording on both sides; "any" only on the left.
  await expect(left.locator('del', { hasText: 'further' })).toBeVisible();
  await expect(right.locator('ins', { hasText: 'farther' })).toBeVisible();
  await expect(left.locator('del', { hasText: /^any$/ })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('typographic differences are hidden unless the reader asks for them', async ({ page }) => {
  const path = '/compare/turning-point/in-december-1922-zinoviev-then-president/how-the-bureaucracy-seized-power/in-december-1922-zinoviev-then-president/';
  await openHydrated(page, path);
  await expect(page.getByText(/100% of words in common · 0 differences/)).toBeVisible();
  // The page holds both versions; CSS shows one. Only the shown one counts.
  const marks = page.locator('.compare-columns:visible').locator('del, ins');
  await expect(page.locator('.compare-columns:visible')).toHaveCount(1);
  await expect(marks).toHaveCount(0);
  await page.getByLabel('Show differences of quote style, dashes, case and spacing').check();
  await expect(page).toHaveURL(new RegExp(`${path}\\?exact=1$`));
  await expect(page.getByText(/100% of words in common · 4 differences/)).toBeVisible();
  await expect(page.getByText(/100% of words in common · 0 differences/)).toBeHidden();
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
  // Curly quotes on the left against straight ones on the right.
  await expect(page.getByRole('region', { name: /The Turning Point/ }).locator('del', { hasText: '“' }).first()).toBeVisible();
  await page.reload();
  await whenHydrated(page);
  await expect(page.getByLabel('Show differences of quote style, dashes, case and spacing')).toBeChecked();
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
  // Unticked: the plain version again, and the address without ?exact.
  await page.getByLabel('Show differences of quote style, dashes, case and spacing').uncheck();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(marks).toHaveCount(0);
  // Opened from a link with ?exact=1 in a fresh page: the box follows the address.
  await page.goto('about:blank');
  await openHydrated(page, `${path}?exact=1`);
  await expect(page.getByLabel('Show differences of quote style, dashes, case and spacing')).toBeChecked();
  await expect.poll(() => marks.count()).toBeGreaterThan(0);
});

test('the two editions read side by side, aligned, with their differences marked', async ({ page }) => {
  await page.goto('/doc/turning-point/');
  await page.getByRole('link', { name: /Read side by side with “Russia: How the Bureaucracy Seized Power/ }).click();
  await expect(page).toHaveURL(/\/parallel\/turning-point\/how-the-bureaucracy-seized-power\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Editions side by side');
  const rows = page.getByRole('row');
  expect(await rows.count()).toBeGreaterThan(30);
  const prices = rows.filter({ hasText: 'industrial prices had reached' });
  await expect(prices.getByRole('cell')).toHaveCount(2);
  await expect(prices.getByRole('cell').first()).toContainText('140% of their 1913 levels');
  await expect(prices.getByRole('cell').nth(1).locator('ins').first()).toContainText('per cent');
  const insight = rows.filter({ hasText: 'This insight' });
  await expect(insight.getByRole('cell').first().locator('del')).toHaveText('alone');
  await expect(insight.getByRole('cell').nth(1).locator('ins')).toHaveText('along');
  await expectNoSeriousViolations(page);
});

test('a document with its counterparts open passes axe', async ({ page }) => {
  await openHydrated(page, '/doc/power-struggle-sources/');
  const toggle = page.getByRole('button', { name: /^also in \d+ sources?$/ }).first();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expectNoSeriousViolations(page);
});

test('the skip link moves focus to the text', async ({ page }) => {
  await page.goto('/doc/how-the-bureaucracy-seized-power/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the text' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(200);
  await page.keyboard.press('Tab');
  const inText = await page.evaluate(() => document.querySelector('main').contains(document.activeElement));
  expect(inText).toBe(true);
});
