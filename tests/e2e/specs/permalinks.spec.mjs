// Paragraph permalinks: visible on hover and focus, and a deep link opens the paragraph
// scrolled into view and marked, also after a reload.
import { test, expect } from '@playwright/test';
import { DocumentPage } from '../pages.mjs';
import { expectOnlyTarget, isTarget } from '../support.mjs';

const SLUG = 'turning-point';
// The last paragraph: far below the first screen, so scrolling to it is observable.
const LAST = 'The struggle in the Soviet party, however, was decisively cut across';

// The passage the address names is marked by CSS (:target), and only that one.
async function expectMarkedInView(reader, anchor) {
  const target = reader.passage(anchor);
  await expectOnlyTarget(reader.page, target);
  await expect(target).toBeInViewport();
}

test('hovering or focusing a paragraph reveals its permalink', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto(SLUG);
  const paragraph = reader.paragraph(LAST);
  const permalink = reader.permalinkOf(paragraph);
  await expect(permalink).toHaveCount(1);
  await expect(permalink).toHaveCSS('opacity', '0');
  await paragraph.hover();
  await expect(permalink).toHaveCSS('opacity', '1');

  const other = reader.paragraph('Victor Serge, a member of the 1923 Opposition');
  const otherLink = reader.permalinkOf(other);
  await expect(otherLink).toHaveCSS('opacity', '0');
  await page.mouse.move(0, 0);
  await otherLink.focus();
  await expect(otherLink).toBeFocused();
  await expect(otherLink).toHaveCSS('opacity', '1');
});

test('a permalink opened in a fresh browser shows its paragraph marked, focused and in view, also after reload', async ({ page, browser, baseURL }) => {
  const reader = new DocumentPage(page);
  await reader.goto(SLUG);
  const paragraph = reader.paragraph(LAST);
  const anchor = await paragraph.getAttribute('id');
  expect(anchor).toBeTruthy();
  // Without an anchor in the address the paragraph is neither marked nor on the first screen.
  await expect(paragraph).not.toBeInViewport();
  expect(await isTarget(paragraph)).toBe(false);
  await paragraph.hover();
  // The permalink is the bare fragment, which resolves to the passage's full address.
  expect(await reader.permalinkOf(paragraph).getAttribute('href')).toBe(`#${anchor}`);
  const href = await reader.permalinkOf(paragraph).evaluate((a) => new URL(a.href).pathname + new URL(a.href).hash);
  expect(href).toBe(`/doc/${SLUG}/#${anchor}`);

  // A new browser context: no history, no cache, the link's first page.
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  try {
    const fresh = new DocumentPage(await context.newPage());
    await fresh.page.goto(href);
    await expect(fresh.heading).toBeVisible();
    expect(fresh.address()).toBe(href);
    await expectMarkedInView(fresh, anchor);
    // Once hydrated, the reader goes on by keyboard from the passage the link named.
    await fresh.ready();
    await expect(fresh.passage(anchor)).toBeFocused();

    // A reload keeps the mark, the focus and the view.
    await fresh.page.reload();
    await expect(fresh.heading).toBeVisible();
    await fresh.ready();
    expect(fresh.address()).toBe(href);
    await expectMarkedInView(fresh, anchor);
    await expect(fresh.passage(anchor)).toBeFocused();

    // Scrolled away and reloaded: the passage is still the marked one and has the focus; the
    // scroll position is the browser's to restore (the static page no longer scrolls itself).
    await fresh.page.evaluate(() => window.scrollTo(0, 0));
    await expect(fresh.passage(anchor)).not.toBeInViewport();
    await fresh.page.reload();
    await expect(fresh.heading).toBeVisible();
    await fresh.ready();
    expect(fresh.address()).toBe(href);
    await expectOnlyTarget(fresh.page, fresh.passage(anchor));
    await expect(fresh.passage(anchor)).toBeFocused();
  } finally {
    await context.close();
  }
});

test('a permalink pasted into the address bar of the open document marks its paragraph', async ({ page }) => {
  // The browser treats this as a same-document (fragment) navigation: no reload.
  const reader = new DocumentPage(page);
  await reader.goto(SLUG);
  const anchor = await reader.paragraph(LAST).getAttribute('id');
  await page.goto(`/doc/${SLUG}/#${anchor}`);
  expect(reader.address()).toBe(`/doc/${SLUG}/#${anchor}`);
  await expectMarkedInView(reader, anchor);
});

test('following a permalink in the page moves the mark to that paragraph', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto(SLUG, '#by-the-end-of-1922-lenin');
  await expectMarkedInView(reader, 'by-the-end-of-1922-lenin');
  const paragraph = reader.paragraph(LAST);
  await paragraph.hover();
  await reader.permalinkOf(paragraph).click();
  const anchor = await paragraph.getAttribute('id');
  await expect(page).toHaveURL(new RegExp(`/doc/${SLUG}/#${anchor}$`));
  await expectMarkedInView(reader, anchor);
  expect(await isTarget(reader.passage('by-the-end-of-1922-lenin'))).toBe(false);
});
