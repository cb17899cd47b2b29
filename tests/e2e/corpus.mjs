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

/** The ids of the [[entry]] records of seeds/glossary.toml, in order. */
export function readGlossaryIds(file = path.join(SEEDS, 'glossary.toml')) {
  const ids = [];
  let inEntry = false;
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[[')) inEntry = line === '[[entry]]';
    const match = inEntry && line.match(/^id\s*=\s*"([^"]+)"\s*$/);
    if (match) ids.push(match[1]);
  }
  return ids;
}

/** What each document's reading text is made of (from seeds/*.txt): its headings below the
 *  title, the start of one block quotation and one source citation (null: the text has none). */
export const SHAPE = {
  'turning-point': {
    headings: [],
    quotation: 'Stalin is too rude, and this defect',
    citation: '(Documents of the 1923 Opposition.)',
  },
  'how-the-bureaucracy-seized-power': {
    headings: ['8. The Struggle for Power in the Communist Party', '9. The Turning Point', '10. The Defeat of the German Revolution'],
    quotation: 'If we could tomorrow give 100,000 first-class tractors',
    citation: '(From Lenin to Stalin, page 39)',
  },
  'stalin-versus-trotsky': {
    headings: ['1922-27 - Stalin versus Trotsky'],
    quotation: 'the ideas of the first period of the revolution',
    citation: '[Trotsky, My Life, pp. 500, 501]',
  },
  'power-struggle-sources': {
    headings: ['SOURCE 1', 'SOURCE 2', 'SOURCE 3', 'SOURCE 4'],
    quotation: 'We observe the ever increasing',
    citation: '(Stalin on Permanent Revolution, from Problems of Leninism, 1924.)',
  },
  'documents-of-the-1923-opposition': {
    headings: ['1 Trotsky opens the attack', 'From Trotsky’s letter'],
    quotation: 'One of the proposals of Comrade Dzerzhinsky’s commission',
    citation: null,
  },
};
