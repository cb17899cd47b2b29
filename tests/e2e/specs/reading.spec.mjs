// The reading view against the original text: furniture, byte-exact originals, quotations.
import { test, expect } from '@playwright/test';
import { DocumentPage, OriginalPage } from '../pages.mjs';
import { CATALOG, FURNITURE, SENTENCES, bySlug, seedBytes } from '../corpus.mjs';

for (const [slug, lines] of Object.entries(FURNITURE)) {
  test(`furniture of "${slug}" is left out of the reading view and kept in the original`, async ({ page }) => {
    const reader = new DocumentPage(page);
    await reader.goto(slug);
    // The text is there (so an empty view cannot pass) ...
    await expect(reader.text.getByText(SENTENCES[slug])).toBeVisible();
    // ... but not the web-page furniture. (The header's provenance line may quote it; the
    // reading text may not.)
    for (const line of lines) await expect(reader.text).not.toContainText(line);

    const original = await reader.openOriginal();
    expect(original.address()).toBe(`/doc/${slug}/original/`);
    for (const line of lines) await expect(original.text).toContainText(line);
  });
}

for (const document of CATALOG) {
  test(`the original text of "${document.slug}" equals its seed file byte for byte`, async ({ page }) => {
    const original = new OriginalPage(page);
    await original.goto(document.slug);
    const shown = Buffer.from(await original.textContent(), 'utf8');
    const seed = seedBytes(document.slug);
    expect(shown.length).toBe(seed.length);
    expect(shown.equals(seed)).toBe(true);
    await expect(original.main).toContainText(document.file);
    await expect(original.main).toContainText(`${seed.length} bytes`);
  });
}

test('the original view links back to the reading view', async ({ page }) => {
  const original = new OriginalPage(page);
  await original.goto('power-struggle-sources');
  await original.readingViewLink.click();
  const reader = new DocumentPage(page);
  await expect(reader.heading).toHaveText(bySlug('power-struggle-sources').title);
  expect(reader.address()).toBe('/doc/power-struggle-sources/');
});

test('block quotations render as blockquote, with inline citations in cite', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto('how-the-bureaucracy-seized-power');
  const quotation = reader.blockquotes.filter({ hasText: 'The [state] machine refused to obey the hand that guided it' });
  await expect(quotation).toHaveCount(1);
  // The whole citation is one cite element (not split around a glossary term inside it).
  const citation = quotation.locator('cite').filter({ hasText: '(Collected Works, volume 33, page 279)' });
  await expect(citation).toHaveCount(1);
  await expect(citation).toHaveText('(Collected Works, volume 33, page 279)');
  // The quoted words themselves are not part of the citation.
  await expect(citation).not.toContainText('machine refused');
});

test('consecutive quoted paragraphs form one block quotation, followed by its source line', async ({ page }) => {
  const reader = new DocumentPage(page);
  await reader.goto('turning-point');
  const quotation = reader.blockquotes.filter({ hasText: 'The country was approaching an irremediable economic crisis' });
  await expect(quotation).toHaveCount(1);
  await expect(quotation.getByRole('paragraph')).toHaveCount(5);
  await expect(quotation.getByRole('paragraph').last()).toContainText('(3) In order to obtain');
  // Lenin's "Testament" is quoted too, and its source line is not part of the quotation.
  const testament = reader.blockquotes.filter({ hasText: 'Stalin is too rude' });
  await expect(testament).toHaveCount(1);
  await expect(testament).not.toContainText('Collected Works');
  await expect(reader.paragraph('Collected Works')).toBeVisible();
});
