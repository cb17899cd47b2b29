// axe-core on the library and a document page: no serious or critical violations.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { LibraryPage, DocumentPage, OriginalPage } from '../pages.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => window.axe.run(document));
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const report = serious
      .map((v) => `${v.impact}: ${v.id} (${v.help}) ${v.helpUrl}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`).join('\n'))
      .join('\n');
    console.log(`axe on ${page.url()}:\n${report}`);
  }
  return serious.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('the library has no serious or critical accessibility violations', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
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
  await expect(original.text).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
