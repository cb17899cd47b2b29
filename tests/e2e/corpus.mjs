// What the tests know about the corpus, read from the seeds themselves: the catalog's
// documents (file, slug, title) and each seed file's bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SEEDS = path.resolve(process.env.E2E_SEEDS || path.join(here, '../../seeds'));
export const DIST = path.resolve(process.env.E2E_DIST || path.join(here, '../../dist'));

/** The [[document]] records of seeds/catalog.toml, in order: { file, slug, title, ... }.
 *  A deliberately small reader: top-level `key = "string"` lines of each [[document]] table. */
export function readCatalog(file = path.join(SEEDS, 'catalog.toml')) {
  const documents = [];
  let current = null;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[[')) {
      current = line === '[[document]]' ? {} : null;
      if (current) documents.push(current);
      continue;
    }
    const match = current && line.match(/^([A-Za-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"\s*$/);
    if (match) current[match[1]] = JSON.parse(`"${match[2]}"`);
  }
  return documents;
}

export const CATALOG = readCatalog();

/** The catalog record of a slug. */
export function bySlug(slug) {
  const document = CATALOG.find((d) => d.slug === slug);
  if (!document) throw new Error(`no document ${slug} in the catalog`);
  return document;
}

/** A seed file's bytes. */
export function seedBytes(slug) {
  return fs.readFileSync(path.join(SEEDS, bySlug(slug).file));
}

/** One distinctive sentence of each document's reading text (copied from seeds/*.txt). */
export const SENTENCES = {
  'turning-point':
    'By March 1923, industrial prices had reached 140% of their 1913 levels, while agricultural prices had dropped to less than 80%.',
  'how-the-bureaucracy-seized-power':
    'The Kronstadt uprising underlined the explosive resentment that had built up among the peasantry at the sacrifices, shortages and forced requisitions imposed on them during the war years.',
  'stalin-versus-trotsky': 'Trotsky stayed in Turkestan until February 1929, when he was exiled abroad.',
  'power-struggle-sources':
    "Chris Corin elucidates important documents relating to the power struggle after Lenin's death.",
  'documents-of-the-1923-opposition':
    'In the summer of 1923 strikes broke out in certain key industries in the Soviet Union.',
};

/** Web-page furniture: in the original text, never in the reading view. */
export const FURNITURE = {
  'turning-point': ['Continue to Chapter Ten'],
  'how-the-bureaucracy-seized-power': ['Home | News | Donate | Join', 'Picture: Lenin on poster'],
  'stalin-versus-trotsky': ['Page last modified', 'UNITED24 - Make a charitable donation'],
  'documents-of-the-1923-opposition': ['Last updated on 16 April 2007'],
};
