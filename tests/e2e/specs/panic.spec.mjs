// A Rust panic shows a message in the page instead of a page that silently stops answering.
// The panic is real: before the boot module runs, an init script corrupts the props of the
// glossary index island as the HTML parser creates it, so that Leptos's island hydration
// fails to deserialise them (`.expect("could not deserialize props")`) and panics; the app's
// panic hook must then show its notice. The static text stays readable.
import { test, expect } from '@playwright/test';
import { LibraryPage } from '../pages.mjs';

test('no panic notice on a normal load', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.hydrated();
  await expect(library.panicNotice).toBeHidden();
});

test('no panic notice on the glossary index, the page the panic test breaks', async ({ page }) => {
  await page.goto('/glossary/');
  const library = new LibraryPage(page);
  await library.hydrated();
  await expect(library.panicNotice).toBeHidden();
});

test('a Rust panic shows a message in the page', async ({ page }) => {
  await page.addInitScript(() => {
    const corrupt = (element) => {
      if (element.localName === 'leptos-island' && element.dataset.component?.startsWith('GlossaryIndex')) {
        element.dataset.props = '{"entries": "not a list"}';
        window.__propsCorrupted = true;
      }
    };
    // Module scripts run after parsing: the observer sees the island first.
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          corrupt(node);
          node.querySelectorAll?.('leptos-island').forEach(corrupt);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const messages = [];
  page.on('console', (message) => message.type() === 'error' && messages.push(message.text()));
  await page.goto('/glossary/');
  const reader = new LibraryPage(page);
  await expect(reader.panicNotice).toBeVisible();
  expect(await page.evaluate(() => window.__propsCorrupted)).toBe(true);
  await expect(reader.panicNotice).toContainText('Sorry, the reader stopped because of an internal error');
  await expect(reader.panicNotice).toContainText('Reload the page to go on.');
  // The panic is the one provoked, not some other failure.
  await expect(reader.panicNotice).toContainText('could not deserialize props');
  expect(messages.join('\n')).toContain('internal error');
  // The page is static HTML: its text is still there to read.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page.getByRole('link', { name: 'Zinoviev, Grigory' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(/\d+ entries: the people/);
});
