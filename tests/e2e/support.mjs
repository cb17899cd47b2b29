// Helpers shared by the Playwright config and specs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import { expect } from '@playwright/test';

/** A port that is free right now on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns its serious and critical violations (and prints them). */
export async function seriousViolations(page) {
  // Evaluated, not added as a script tag: the pages forbid inline scripts (their CSP).
  await page.evaluate(axeSource);
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

/** Waits until the boot script has hydrated every island of the page (`html[data-hydrated]`).
 *  Before that the page is its static HTML: links are links, markers open by `:target`. */
export async function whenHydrated(page) {
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Waits until the glossary popover has its cards (`#term-popover[data-cards="loaded"]`):
 *  from then on a term opens its entry in place; before the wasm runs it is a link to the
 *  entry page. The popover fetches the cards on the reader's first sign of interest in a
 *  term (pointer over one, focus, a touch): see [readyToOpen]. */
export async function whenTermsOpenInPlace(page) {
  await whenHydrated(page);
  await page.locator('#term-popover[data-cards="loaded"]').waitFor({ state: 'attached' });
}

/** Gets a term ready to open in place, as a reader does: the pointer moves over it (which
 *  asks the popover for its cards) and the cards arrive. Then a click opens the popover. */
export async function readyToOpen(term) {
  const page = term.page();
  await whenHydrated(page);
  await term.hover();
  await whenTermsOpenInPlace(page);
}

/** Whether the element is the one the address's fragment names (CSS `:target`). */
export function isTarget(locator) {
  return locator.evaluate((element) => element.matches(':target'));
}

/** Expects `locator` to be the `:target` of the page, and the only element that is. */
export async function expectOnlyTarget(page, locator) {
  await expect.poll(() => isTarget(locator), { message: 'the passage matches :target' }).toBe(true);
  expect(await page.evaluate(() => document.querySelectorAll(':target').length)).toBe(1);
}
