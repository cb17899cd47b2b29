// Benchmarks of the built reader in headless Chromium. Not a test: it prints figures.
//
//   node bench.mjs [--dist DIR] [--runs N] [--only SECTION[,SECTION]] [--doc SLUG]
//                  [--large-dist DIR [--large-doc SLUG] [--large-name NAME]] [--lighthouse-runs N]
//
// Each benchmark is a named section (SECTIONS below): an async function that gets the shared
// context (browser, servers, options) and returns rows for the report. To add one (popover
// opening, link detection, …), write a function and add it to SECTIONS; `--only` picks some.
//
// Timing method: an init script (installed before any page script runs) looks for the
// sentence on every DOM mutation and every animation frame, and records performance.now()
// the first time an element holding the whole sentence has a box inside the viewport.
// performance.now() counts from the page's timeOrigin, the start of the navigation, so the
// figure is "navigation start → sentence on screen", measured inside the page. Every load is
// cold: a new browser context (empty HTTP and code caches) per run.
import { chromium } from '@playwright/test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';
import { readCatalog } from './corpus.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = {
    dist: path.resolve(here, '../../dist'),
    seeds: path.resolve(here, '../../seeds'),
    runs: Number(process.env.BENCH_RUNS || 20),
    only: null,
    doc: 'how-the-bureaucracy-seized-power',
    sentence: 'The Kronstadt uprising underlined the explosive resentment',
    largeDist: null,
    largeDoc: null,
    largeName: 'large',
    lighthouseRuns: Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3),
  };
  for (let i = 0; i < argv.length; i++) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (key === '--dist') (options.dist = path.resolve(value)), i++;
    else if (key === '--seeds') (options.seeds = path.resolve(value)), i++;
    else if (key === '--runs') (options.runs = Number(value)), i++;
    else if (key === '--only') (options.only = value.split(',')), i++;
    else if (key === '--doc') (options.doc = value), i++;
    else if (key === '--sentence') (options.sentence = value), i++;
    else if (key === '--large-dist') (options.largeDist = path.resolve(value)), i++;
    else if (key === '--large-doc') (options.largeDoc = value), i++;
    else if (key === '--large-name') (options.largeName = value), i++;
    else if (key === '--lighthouse-runs') (options.lighthouseRuns = Number(value)), i++;
    else throw new Error(`unknown argument ${key}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------
// Statistics and printing

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the values at or below it.
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const ms = (value) => `${value.toFixed(0)} ms`;

// ---------------------------------------------------------------------------------------
// Shared pieces

/** Runs in the page before its own scripts: records when `sentence` is first on screen. */
function watchForSentence(sentence) {
  window.__bench = { seenAt: null, checks: 0 };
  const visible = () => {
    window.__bench.checks++;
    for (const element of document.querySelectorAll('p, li, blockquote, h1, h2, h3, pre')) {
      if (!element.textContent.includes(sentence)) continue;
      const box = element.getBoundingClientRect();
      if (box.height > 0 && box.width > 0 && box.top < innerHeight && box.bottom > 0) return true;
    }
    return false;
  };
  const seen = () => {
    if (window.__bench.seenAt === null && document.body && visible()) {
      window.__bench.seenAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const frame = () => {
    seen();
    if (window.__bench.seenAt === null) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold load of `url` in a new context: ms from navigation start to the sentence on
 *  screen, plus the load event time from Navigation Timing. */
async function coldLoad(browser, url, sentence) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(watchForSentence, sentence);
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => window.__bench?.seenAt ?? null, null, { timeout: 30_000 });
    const seenAt = await handle.jsonValue();
    await page.waitForLoadState('load');
    const loadAt = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join('; ')}`);
    return { seenAt, loadAt };
  } finally {
    await context.close();
  }
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A plain static HTML page of a seed file: its title and its paragraphs, nothing else. */
function plainHtml(title, source, stylesheet = null) {
  const paragraphs = source
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escapeHtml(block)}</p>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>${stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : ''}</head>
<body><main><h1>${escapeHtml(title)}</h1>
${paragraphs}
</main></body>
</html>
`;
}

// ---------------------------------------------------------------------------------------
// Sections

/** Cold load of a document: the reader's page against the same text as plain static HTML. */
async function documentLoad(ctx) {
  const { browser, options, reader, plain } = ctx;
  const slug = options.doc;
  const targets = [
    { name: `reader   ${reader.url}/doc/${slug}/`, url: `${reader.url}/doc/${slug}/` },
    { name: `plain    ${plain.url}/${slug}.html`, url: `${plain.url}/${slug}.html` },
    { name: `plain+css ${plain.url}/${slug}-styled.html`, url: `${plain.url}/${slug}-styled.html` },
  ];
  // One discarded warm-up load each (browser process start-up), then interleaved runs so
  // that drift in the machine's load affects both alike.
  for (const target of targets) await coldLoad(browser, target.url, options.sentence);
  const results = targets.map(() => ({ seen: [], load: [] }));
  for (let run = 0; run < options.runs; run++) {
    for (const [index, target] of targets.entries()) {
      const { seenAt, loadAt } = await coldLoad(browser, target.url, options.sentence);
      results[index].seen.push(seenAt);
      results[index].load.push(loadAt);
    }
  }
  const rows = targets.map((target, index) => [
    target.name,
    ms(median(results[index].seen)),
    ms(quantile(results[index].seen, 0.95)),
    ms(median(results[index].load)),
  ]);
  const ratio = median(results[0].seen) / median(results[1].seen);
  const ratio95 = quantile(results[0].seen, 0.95) / quantile(results[1].seen, 0.95);
  return {
    title: `Cold load of "${slug}": navigation start → sentence on screen (${options.runs} runs each, new context per run)`,
    text:
      `sentence: "${options.sentence}…"\n` +
      table(['page', 'median', 'p95', 'load event (median)'], rows) +
      `\nratio reader/plain: median ${ratio.toFixed(2)}×, p95 ${ratio95.toFixed(2)}×` +
      `\nratio reader/plain+css: median ${(median(results[0].seen) / median(results[2].seen)).toFixed(2)}×`,
  };
}

/** Glossary popover: time from a click on a term to the popover open, filled and placed,
 *  over 100 opens of different terms of one loaded document, and whether that happened
 *  before the next animation frame (so the frame after the click paints it). In the page:
 *  performance.now() just before the click; a MutationObserver on the popover notes when
 *  its placement is written (the last step of opening); the first animation frame after the
 *  click is the deadline. */
async function popoverOpen(ctx) {
  const { browser, options, reader } = ctx;
  const opens = Number(process.env.BENCH_OPENS || 100);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${reader.url}/doc/${options.doc}/`);
    // The cards load on the reader's first sign of interest in a term (pointer or focus);
    // the timed clicks come after, as a reader's do.
    await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
    await page.hover('a.term[data-entry]');
    await page.waitForSelector('#term-popover[data-cards="loaded"]', { state: 'attached' });
    const times = [];
    let inFrame = 0;
    const counts = await page.evaluate(() => document.querySelectorAll('a.term[data-entry]').length);
    for (let i = 0; i < opens; i++) {
      const { opened, beforeFrame } = await page.evaluate(async (index) => {
        const terms = document.querySelectorAll('a.term[data-entry]');
        const term = terms[(index * 7) % terms.length];
        const popover = document.getElementById('term-popover');
        if (popover.matches(':popover-open')) popover.hidePopover();
        term.scrollIntoView({ block: 'center' });
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return new Promise((resolve, reject) => {
          let frameAt = null;
          const observer = new MutationObserver(() => {
            const heading = popover.querySelector('h2');
            if (popover.matches(':popover-open') && heading && popover.style.top && popover.getBoundingClientRect().height > 0) {
              const opened = performance.now() - t0;
              observer.disconnect();
              resolve({ opened, beforeFrame: frameAt === null });
            }
          });
          observer.observe(popover, { attributes: true, attributeFilter: ['style', 'class'], childList: true, subtree: true });
          popover.style.top = '';
          const t0 = performance.now();
          requestAnimationFrame(() => (frameAt = performance.now()));
          term.click();
          setTimeout(() => reject(new Error('popover did not open')), 5000);
        });
      }, i);
      times.push(opened);
      if (beforeFrame) inFrame++;
    }
    return {
      title: `glossary popover on "${options.doc}": click → popover open, filled and placed (${opens} opens of ${counts} marked terms)`,
      text: table(['opens', 'median', 'p95', 'max', 'placed before the next frame'], [[String(opens), `${median(times).toFixed(1)} ms`, `${quantile(times, 0.95).toFixed(1)} ms`, `${Math.max(...times).toFixed(1)} ms`, `${inFrame} of ${opens}`]]),
    };
  } finally {
    await context.close();
  }
}

const brotliSize = (bytes) =>
  zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Every response of one cold visit to `url` until the page is hydrated and the network has
 *  been quiet for a while, with its size raw and as brotli (quality 11, as a host that
 *  precompresses would send it). With `interact`, a term is hovered after hydration (what
 *  loads the popover's cards). */
async function firstVisit(browser, url, { interact = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const responses = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-hydrated]', { state: 'attached', timeout: 30_000 });
    if (interact) {
      await page.hover('a.term[data-entry]');
      await page.waitForSelector('#term-popover[data-cards="loaded"]', { state: 'attached' });
    }
    await page.waitForLoadState('networkidle');
    const rows = [];
    for (const response of responses) {
      if (response.status() >= 300 && response.status() < 400) throw new Error(`redirect on the first visit: ${response.url()}`);
      const body = await response.body();
      rows.push({ url: new URL(response.url()).pathname, type: response.request().resourceType(), raw: body.length, brotli: brotliSize(body) });
    }
    return rows;
  } finally {
    await context.close();
  }
}

const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);

/** What the first visit to the document transfers: every file (HTML, CSS, JS, wasm, data),
 *  on the seeds and, with --large-dist, on a large corpus (the same document inside it). */
async function firstVisitTransfer(ctx) {
  const { browser, options, reader } = ctx;
  const visits = [{ name: 'seeds', url: `${reader.url}/doc/${options.doc}/` }];
  if (ctx.large) visits.push({ name: options.largeName, url: `${ctx.large.url}/doc/${options.largeDoc}/` });
  const lines = [];
  const totals = [];
  for (const visit of visits) {
    for (const interact of [false, true]) {
      const rows = await firstVisit(browser, visit.url, { interact });
      const firstScreen = rows.filter((r) => r.type === 'document' || r.type === 'stylesheet');
      totals.push({ visit: visit.name, interact, total: sum(rows, 'brotli'), firstScreen: sum(firstScreen, 'brotli'), rows });
    }
  }
  for (const { visit, interact, rows } of totals) {
    if (interact) continue;
    lines.push(`${visit}: ${visits.find((v) => v.name === visit).url}`);
    lines.push(table(['file', 'type', 'raw', 'brotli'], rows.map((r) => [r.url, r.type, kb(r.raw), kb(r.brotli)])));
    lines.push('');
  }
  const summary = totals.map((t) => [
    t.visit,
    t.interact ? 'read, then point at a term' : 'open and read',
    kb(t.firstScreen),
    kb(t.total),
  ]);
  lines.push(table(['corpus', 'visit', 'HTML + CSS', 'all files'], summary));
  if (ctx.large) {
    for (const interact of [false, true]) {
      const [a, b] = totals.filter((t) => t.interact === interact);
      lines.push(`${b.visit} against seeds (${interact ? 'with' : 'without'} the cards): ${((b.total / a.total - 1) * 100).toFixed(1)} %`);
    }
  }
  return {
    title: `First visit to "${options.doc}": bytes transferred, brotli quality 11 (a new context each)`,
    text: lines.join('\n'),
  };
}

/** Lighthouse (mobile defaults: simulated slow 4G, 4× CPU slowdown) on the document and on
 *  the plain HTML page; median of --lighthouse-runs runs each. */
async function lighthouse(ctx) {
  const { options, reader, plain } = ctx;
  const binary = path.resolve(here, '../../.tools/node_modules/.bin/lighthouse');
  if (!fs.existsSync(binary)) throw new Error(`no ${binary}: scripts/bench.sh installs it`);
  // Asynchronous: the static servers Lighthouse loads from run in this process.
  const run = async (url) => {
    const { stdout } = await promisify(execFile)(binary, [url, '--output=json', '--quiet', '--only-categories=performance',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage'], {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' },
      encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000,
    });
    const audits = JSON.parse(stdout).audits;
    return {
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
    };
  };
  const targets = [
    { name: `reader ${reader.url}/doc/${options.doc}/`, url: `${reader.url}/doc/${options.doc}/` },
    { name: `plain  ${plain.url}/${options.doc}.html`, url: `${plain.url}/${options.doc}.html` },
    { name: `plain+css ${plain.url}/${options.doc}-styled.html`, url: `${plain.url}/${options.doc}-styled.html` },
  ];
  const results = targets.map(() => []);
  for (let i = 0; i < options.lighthouseRuns; i++) {
    for (const [index, target] of targets.entries()) results[index].push(await run(target.url));
  }
  const med = (index, key) => median(results[index].map((r) => r[key]));
  const rows = targets.map((target, index) => [
    target.name,
    `${(med(index, 'lcp') / 1000).toFixed(2)} s`,
    ms(med(index, 'tbt')),
    med(index, 'cls').toFixed(3),
  ]);
  return {
    title: `Lighthouse ${options.lighthouseRuns}× each, mobile defaults (median)`,
    text: table(['page', 'LCP', 'total blocking time', 'CLS'], rows) +
      `\nratio reader/plain LCP: ${(med(0, 'lcp') / med(1, 'lcp')).toFixed(2)}×, reader/plain+css: ${(med(0, 'lcp') / med(2, 'lcp')).toFixed(2)}×`,
  };
}

// Named sections, run in this order.
const SECTIONS = { documentLoad, firstVisitTransfer, popoverOpen, lighthouse };

// ---------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(options.dist, 'index.html'))) {
    throw new Error(`${options.dist} has no index.html: build the reader first (trunk build --release)`);
  }
  const document = readCatalog(path.join(options.seeds, 'catalog.toml')).find((d) => d.slug === options.doc);
  if (!document) throw new Error(`no document ${options.doc} in the catalog`);
  const source = fs.readFileSync(path.join(options.seeds, document.file), 'utf8');
  if (!source.includes(options.sentence)) throw new Error(`the sentence is not in ${document.file}`);

  const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-bench-'));
  fs.writeFileSync(path.join(plainDir, `${options.doc}.html`), plainHtml(document.title, source));
  // A second baseline: the same plain page with the reader's stylesheet, one render-blocking
  // request more (which a strict style-src forbids inlining), to show what that costs.
  const css = fs.readdirSync(options.dist).find((name) => name.endsWith('.css'));
  if (css) {
    fs.copyFileSync(path.join(options.dist, css), path.join(plainDir, css));
    fs.writeFileSync(path.join(plainDir, `${options.doc}-styled.html`), plainHtml(document.title, source, `/${css}`));
  }

  // Both sites served as a CDN would: brotli for text and wasm.
  const reader = await startStaticServer(options.dist, { compress: true });
  const large = options.largeDist ? await startStaticServer(options.largeDist, { compress: true }) : null;
  if (large && !options.largeDoc) options.largeDoc = `${options.doc}-c000`;
  const plain = await startStaticServer(plainDir, { compress: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const ctx = { browser, options, reader, plain, large, document };
  try {
    const names = options.only ?? Object.keys(SECTIONS);
    for (const name of names) {
      const section = SECTIONS[name];
      if (!section) throw new Error(`no section ${name}; sections: ${Object.keys(SECTIONS).join(', ')}`);
      const { title, text } = await section(ctx);
      console.log(`\n## ${name}: ${title}\n${text}`);
    }
    console.log(`\nchromium ${browser.version()}, ${os.cpus().length} CPU(s), timing inside the page with performance.now() (see bench.mjs)`);
  } finally {
    await browser.close();
    reader.server.close();
    plain.server.close();
    large?.server.close();
    fs.rmSync(plainDir, { recursive: true, force: true });
  }
}

await main();
