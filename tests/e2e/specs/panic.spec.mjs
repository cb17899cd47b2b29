// A Rust panic shows a message in the page instead of a blank screen. The panic is real:
// `document.body` is hidden from the WebAssembly module only, so Leptos's mount_to_body
// unwraps a None and panics; the app's panic hook must then show its notice.
import { test, expect } from '@playwright/test';
import { LibraryPage } from '../pages.mjs';

test('no panic notice on a normal load', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.panicNotice).toBeHidden();
});

test('a Rust panic shows a message in the page', async ({ page }) => {
  await page.addInitScript(() => {
    const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body');
    Object.defineProperty(Document.prototype, 'body', {
      configurable: true,
      get() {
        // Called from the wasm module (its import shim sits right below a wasm frame)?
        return /wasm-function\[/.test(new Error().stack) ? null : body.get.call(this);
      },
    });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const messages = [];
  page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
  await page.goto('/');
  const library = new LibraryPage(page);
  await expect(library.panicNotice).toBeVisible();
  await expect(library.panicNotice).toContainText('Sorry, the reader stopped because of an internal error');
  await expect(library.panicNotice).toContainText('Reload the page to go on.');
  await expect(library.heading).toHaveCount(0);
  expect(messages.join('\n')).toContain('internal error');
});
