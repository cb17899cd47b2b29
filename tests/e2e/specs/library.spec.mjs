// The library and every document, opened from its card as a reader does.
import { test, expect } from '@playwright/test';
import { LibraryPage, DocumentPage } from '../pages.mjs';
import { CATALOG, SENTENCES } from '../corpus.mjs';

test('the library shows one card per catalog document, in catalog order', async ({ page }) => {
  const library = new LibraryPage(page);
  await library.goto();
  expect(CATALOG).toHaveLength(5);
  await expect(library.cards).toHaveCount(5);
  await expect(library.cardTitles).toHaveText(CATALOG.map((d) => d.title));
  await expect(page).toHaveTitle('Library · Source Reader');
});

for (const document of CATALOG) {
  test(`opening "${document.slug}" from its card shows its title and text`, async ({ page }) => {
    const library = new LibraryPage(page);
    await library.goto();
    const reader = await library.open(document.title);
    expect(reader.address()).toBe(`/doc/${document.slug}/`);
    await expect(reader.heading).toHaveText(document.title);
    await expect(page).toHaveTitle(`${document.title} · Source Reader`);
    const sentence = SENTENCES[document.slug];
    expect(sentence, `a sentence for ${document.slug}`).toBeTruthy();
    await expect(reader.text.getByText(sentence)).toBeVisible();
  });
}

test('a document opened by its address directly shows the same', async ({ page }) => {
  const reader = new DocumentPage(page);
  const document = CATALOG[2];
  await reader.goto(document.slug);
  await expect(reader.heading).toHaveText(document.title);
  await expect(reader.text.getByText(SENTENCES[document.slug])).toBeVisible();
});
