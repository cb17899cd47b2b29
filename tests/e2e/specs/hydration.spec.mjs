// Hydration changes nothing a reader sees: for each kind of page, the text of <main> with
// scripts on, once the islands are hydrated, is the text of the same page with scripts off;
// loading and hydrating logs no warning or error and throws nothing; and nothing moves
// (cumulative layout shift 0).
import { test, expect } from '@playwright/test';
import { whenHydrated } from '../support.mjs';

test.describe.configure({ mode: 'parallel' });

const PAGES = [
  { name: 'the library', path: '/' },
  { name: 'a document', path: '/doc/power-struggle-sources/' },
  { name: 'the glossary index', path: '/glossary/' },
  { name: 'an entry page', path: '/glossary/zinoviev/' },
  {
    name: 'a compare page',
    path: '/compare/turning-point/this-present-regime-trotsky-wrote-to/documents-of-the-1923-opposition/the-twelfth-congress-of-the-party/',
  },
];

const VIEWPORT = { width: 1280, height: 900 };

/** Sums the page's layout shifts from its start (not those right after an input). */
function recordLayoutShifts() {
  window.__layoutShift = { total: 0, entries: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__layoutShift.total += entry.value;
      window.__layoutShift.entries.push({
        value: entry.value,
        sources: (entry.sources || []).map((s) => s.node?.nodeName + (s.node?.id ? `#${s.node.id}` : '') + (s.node?.className ? `.${s.node.className}` : '')),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** Two animation frames and a little more: whatever hydration started has been painted. */
async function settle(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(300);
}

for (const { name, path } of PAGES) {
  test(`${name} (${path}) reads the same before and after hydration, quietly and without a shift`, async ({ browser, baseURL }) => {
    // Before: the page as the build wrote it, scripts off.
    const staticContext = await browser.newContext({ baseURL, viewport: VIEWPORT, javaScriptEnabled: false });
    let before;
    try {
      const staticPage = await staticContext.newPage();
      const response = await staticPage.goto(path);
      expect(response.status(), 'the page exists').toBe(200);
      await expect(staticPage.locator('html')).not.toHaveAttribute('data-hydrated');
      before = await staticPage.getByRole('main').innerText();
    } finally {
      await staticContext.close();
    }
    expect(before.length, 'the static page has text').toBeGreaterThan(200);

    // After: the same address, scripts on, once every island has hydrated.
    const context = await browser.newContext({ baseURL, viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      const problems = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      await page.addInitScript(recordLayoutShifts);
      await page.goto(path);
      // The measure below means something: this browser reports layout shifts.
      expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('layout-shift'))).toBe(true);
      await whenHydrated(page);
      await settle(page);
      const after = await page.getByRole('main').innerText();
      expect(after).toBe(before);
      expect(problems).toEqual([]);
      const shift = await page.evaluate(() => window.__layoutShift);
      expect(shift.total, JSON.stringify(shift.entries)).toBe(0);
    } finally {
      await context.close();
    }
  });
}
