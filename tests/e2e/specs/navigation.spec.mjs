// Moving around: Back and Forward, and addresses the reader does not know.
import { test, expect } from '@playwright/test';
import { LibraryPage, DocumentPage, OriginalPage, NotFoundPage } from '../pages.mjs';
import { bySlug } from '../corpus.mjs';

test('Back and Forward move between library, document and original', async ({ page }) => {
  const document = bySlug('stalin-versus-trotsky');
  const library = new LibraryPage(page);
  const reader = new DocumentPage(page);
  const original = new OriginalPage(page);
  const at = async (path, heading, text) => {
    await expect(page).toHaveURL((url) => url.pathname === path);
    await expect(heading).toHaveText(text);
  };

  await library.goto();
  await library.open(document.title);
  await at(`/doc/${document.slug}/`, reader.heading, document.title);
  await reader.openOriginal();
  await at(`/doc/${document.slug}/original/`, original.heading, 'Original text');

  await page.goBack();
  await at(`/doc/${document.slug}/`, reader.heading, document.title);
  await page.goBack();
  await at('/', library.heading, 'Library');
  await expect(library.cards).toHaveCount(5);
  await page.goForward();
  await at(`/doc/${document.slug}/`, reader.heading, document.title);
  await page.goForward();
  await at(`/doc/${document.slug}/original/`, original.heading, 'Original text');
  await expect(original.text).toContainText('Page last modified');
});

for (const path of ['/no/such/page', '/doc/no-such-doc', '/doc/no-such-doc/original']) {
  test(`an unknown address (${path}) shows "Page not found" with a working link home`, async ({ page }) => {
    const response = await page.goto(path);
    // The static server answers like GitHub Pages: 404.html with status 404.
    expect(response.status()).toBe(404);
    const notFound = new NotFoundPage(page);
    await expect(notFound.heading).toBeVisible();
    // One 404.html answers every unknown address: an island fills in the one asked for.
    await notFound.hydrated();
    await expect(notFound.main.locator('code')).toHaveText(path);
    await expect(page).toHaveTitle('Not found · Source Reader');
    await notFound.homeLink.click();
    const library = new LibraryPage(page);
    await expect(library.heading).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await expect(library.cards).toHaveCount(5);
  });
}

test('the header leads back to the library from a document', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto('power-struggle-sources');
  await reader.mainNav.getByRole('link', { name: 'Library' }).click();
  const library = new LibraryPage(page);
  await expect(library.heading).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === '/');
});
