// axe-core on the library, a document page and an original text, once hydrated: no serious or
// critical violations.
import { test, expect } from '@playwright/test';
import { seriousViolations } from '../support.mjs';
import { LibraryPage, DocumentPage, OriginalPage } from '../pages.mjs';

test('the library has no serious or critical accessibility violations', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.hydrated();
  await expect(library.cards).toHaveCount(5);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a document page has no serious or critical accessibility violations', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto('how-the-bureaucracy-seized-power');
  await expect(reader.blockquotes.first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the original text page has no serious or critical accessibility violations', async ({ page }) => {
  const original = new OriginalPage(page);
  await original.goto('turning-point');
  await original.hydrated();
  await expect(original.text).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
