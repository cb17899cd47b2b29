// Page objects: the reader's pages as a reader meets them, by role and accessible name.
import { expect } from '@playwright/test';
import { whenHydrated } from './support.mjs';

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The site header and the panic notice, on every page. */
class ReaderPage {
  constructor(page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 });
    this.mainNav = page.getByRole('navigation', { name: 'Main' });
    this.panicNotice = page.getByRole('alert');
  }

  /** Waits until the page's islands are hydrated (the static page is readable before). */
  async hydrated() {
    await whenHydrated(this.page);
  }

  /** The path (and query and hash) of the current address. */
  address() {
    const url = new URL(this.page.url());
    return url.pathname + url.search + url.hash;
  }
}

/** `/`: the library, one card per document. */
export class LibraryPage extends ReaderPage {
  constructor(page) {
    super(page);
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Library' });
    this.cards = this.main.getByRole('listitem');
    this.cardTitles = this.cards.getByRole('heading', { level: 2 });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  card(title) {
    return this.cards.filter({ has: this.page.getByRole('heading', { level: 2, name: title, exact: true }) });
  }

  cardLink(title) {
    return this.card(title).getByRole('link', { name: title, exact: true });
  }

  /** Opens a document from its card, as a reader does. */
  async open(title) {
    await this.cardLink(title).click();
    const document = new DocumentPage(this.page);
    await expect(document.heading).toHaveText(title);
    await document.ready();
    return document;
  }
}

/** `/doc/:slug/`: a document's reading view. */
export class DocumentPage extends ReaderPage {
  constructor(page) {
    super(page);
    this.article = this.main.getByRole('article');
    this.text = this.article.locator('.document-text');
    this.originalLink = this.main.getByRole('link', { name: 'Original text', exact: true });
    this.blockquotes = this.article.getByRole('blockquote');
  }

  /** Opens `/doc/slug/` (plus `suffix`: `#anchor`, `?term=…`), waits for its title and
   *  until its islands are hydrated ([ready]). */
  async goto(slug, suffix = '') {
    await this.page.goto(`/doc/${slug}/${suffix}`);
    await expect(this.heading).toBeVisible();
    await this.ready();
  }

  /** Waits until the islands are hydrated: from then on a marker toggles its list and a term
   *  opens its popover (use `readyToOpen(term)` from support.mjs first to have its cards). */
  async ready() {
    await whenHydrated(this.page);
  }

  /** The glossary terms of entry `entry` in the text (links to the entry page). */
  terms(entry) {
    return this.article.locator(`a.term[data-entry="${entry}"]`);
  }

  /** The block with this anchor (its `id`, the target of its permalink). */
  passage(anchor) {
    return this.article.locator(`[id="${anchor}"]`);
  }

  /** The paragraph holding this text. */
  paragraph(text) {
    return this.article.getByRole('paragraph').filter({ hasText: text });
  }

  permalinkOf(block) {
    return block.getByRole('link', { name: 'Permalink to this passage' });
  }

  async openOriginal() {
    await this.originalLink.click();
    const original = new OriginalPage(this.page);
    await expect(original.heading).toHaveText('Original text');
    return original;
  }
}

/** `/doc/:slug/original/`: the seed file as it is. */
export class OriginalPage extends ReaderPage {
  constructor(page) {
    super(page);
    this.text = this.main.getByLabel('Original text', { exact: true });
    this.readingViewLink = this.main.getByRole('link', { name: /Reading view/ });
  }

  async goto(slug) {
    await this.page.goto(`/doc/${slug}/original/`);
    await expect(this.heading).toHaveText('Original text');
  }

  /** The original text exactly as the DOM holds it. */
  async textContent() {
    await expect(this.text).toBeVisible();
    return this.text.evaluate((pre) => pre.textContent);
  }
}

/** Any unknown address. */
export class NotFoundPage extends ReaderPage {
  constructor(page) {
    super(page);
    this.heading = this.main.getByRole('heading', { level: 1, name: 'Page not found' });
    this.homeLink = this.main.getByRole('link', { name: 'Go to the library' });
  }
}

/** On `/glossary/zinoviev/`: the concordance has one group per document (all five), every
 *  line counted in its summary, the term marked in context; follows the first line in
 *  "1922–27: Stalin versus Trotsky" to its passage. */
export async function followZinovievConcordance(page) {
  await expect(page.locator('section.concordance')).toHaveCount(5);
  const lines = page.locator('.kwic li');
  const count = await lines.count();
  expect(count).toBeGreaterThan(20);
  await expect(page.getByText(`${count} occurrences in 5 of the 5 documents.`)).toBeVisible();
  const line = page.getByRole('region', { name: /1922–27: Stalin versus Trotsky/ }).getByRole('link').first();
  await expect(line.locator('mark')).toHaveText(/Zinov/);
  await line.click();
  await expect(page).toHaveURL(/\/doc\/stalin-versus-trotsky\/\?term=zinoviev#/);
}

export { escapeRegExp };
