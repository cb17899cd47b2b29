// The Content Security Policy: every page of dist/ carries it in a meta tag (scripts and
// styles from the site only, wasm allowed), no page needs an exception to it (no inline
// script, no style attribute or element), and using the pages violates nothing.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from '../corpus.mjs';
import { htmlPages, startTags } from '../html-files.mjs';
import { readyToOpen, whenHydrated } from '../support.mjs';

/** A policy's directives: { 'script-src': ["'self'", ...], ... }. */
function directives(policy) {
  return Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
  );
}

test('every page holds the CSP meta tag and needs no inline script or style', () => {
  const pages = htmlPages(DIST);
  // All the routes, not a few: documents, originals, glossary entries, comparisons.
  expect(pages.length).toBeGreaterThan(200);
  const problems = [];
  for (const file of pages) {
    const where = path.relative(DIST, file);
    const html = fs.readFileSync(file, 'utf8');
    const tags = startTags(html);
    const csp = tags.filter((t) => t.name === 'meta' && t.attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy');
    if (csp.length !== 1) {
      problems.push(`${where}: ${csp.length} CSP meta tags`);
      continue;
    }
    const policy = directives(csp[0].attributes.get('content') ?? '');
    const scriptSrc = policy['script-src'] ?? [];
    if (!(scriptSrc.includes("'self'") && scriptSrc.includes("'wasm-unsafe-eval'"))) problems.push(`${where}: script-src ${scriptSrc.join(' ')}`);
    if (scriptSrc.some((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'")) problems.push(`${where}: script-src allows ${scriptSrc.join(' ')}`);
    if ((policy['style-src'] ?? []).join(' ') !== "'self'") problems.push(`${where}: style-src ${policy['style-src']?.join(' ')}`);
    // The meta tag must come before any script or stylesheet, or those escape it.
    const firstLoad = html.search(/<script\b|<link\b[^>]*rel="(stylesheet|modulepreload|preload)"/);
    if (firstLoad !== -1 && html.search(/<meta http-equiv="Content-Security-Policy"/i) > firstLoad) problems.push(`${where}: CSP after the first script or stylesheet`);
    for (const t of tags) {
      if (t.name === 'script' && !t.attributes.get('src')) problems.push(`${where}: inline <script>`);
      if (t.name === 'style') problems.push(`${where}: <style> element`);
      if (t.attributes.has('style')) problems.push(`${where}: style attribute on <${t.name}>`);
      if ([...t.attributes.keys()].some((k) => k.startsWith('on'))) problems.push(`${where}: inline event handler on <${t.name}>`);
    }
    if (!tags.some((t) => t.name === 'script' && t.attributes.get('src'))) problems.push(`${where}: no boot script`);
  }
  expect(problems).toEqual([]);
});

/** Collects the page's CSP violations (from before its first script on). */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    }, true);
  });
  return () => page.evaluate(() => window.__violations);
}

test('using a document page violates no part of the policy, which is enforced', async ({ page }) => {
  const violations = await recordViolations(page);
  const console = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && console.push(message.text()));
  await page.goto('/doc/turning-point/');
  await whenHydrated(page);
  // A term's popover (its cards fetched), a marker's list, a permalink.
  const kamenev = page.locator('a.term[data-entry="kamenev"]').first();
  await readyToOpen(kamenev);
  await kamenev.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  const marker = page.getByRole('button', { name: /^also in \d+ sources?$/ }).first();
  await marker.click();
  await expect(marker).toHaveAttribute('aria-expanded', 'true');
  const paragraph = page.locator('.document-text p.block').nth(3);
  await paragraph.hover();
  await paragraph.getByRole('link', { name: 'Permalink to this passage' }).click();
  await expect(page).toHaveURL(/#/);
  // An occurrence link: another page load, with its term highlighted.
  await page.locator('a.term[data-entry="trotsky"]').first().click();
  await page.getByRole('dialog').getByRole('link', { name: /occurrence 1 of/ }).first().click();
  await expect(page).toHaveURL(/\?term=trotsky#/);
  await whenHydrated(page);
  await expect(page.locator('.block:target a.term.is-highlighted').first()).toBeVisible();
  expect(await violations()).toEqual([]);
  expect(console).toEqual([]);

  // The policy is in force (so the empty list above means something): an inline script is
  // refused, and reported.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
  });
  await expect.poll(violations).toHaveLength(1);
  expect((await violations())[0]).toMatch(/^script-src/);
  expect(await page.evaluate(() => window.__inlineRan ?? false)).toBe(false);
});

test('the glossary filter and the compare toggle violate nothing', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/glossary/');
  await whenHydrated(page);
  await page.getByLabel('Filter').fill('kamenev');
  await expect(page.getByRole('status')).toHaveText('1 entry');
  await page.goto('/compare/turning-point/in-december-1922-zinoviev-then-president/how-the-bureaucracy-seized-power/in-december-1922-zinoviev-then-president/');
  await whenHydrated(page);
  await page.getByLabel('Show differences of quote style, dashes, case and spacing').check();
  await expect(page).toHaveURL(/\?exact=1$/);
  expect(await violations()).toEqual([]);
});
