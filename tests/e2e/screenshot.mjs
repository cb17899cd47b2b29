// Takes screenshots of the served reader in Debian's headless Chromium, as a reader sees it.
// Usage: node screenshot.mjs BASE_URL OUT_DIR [path@width ...]
import { chromium } from '@playwright/test';

const [base, outDir, ...shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
for (const shot of shots) {
  const [path, width = '1280', action] = shot.split('@');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('response', (r) => { if (r.status() >= 400) console.error(r.status(), r.url()); });
  await page.goto(base + path);
  await page.waitForSelector('main h1');
  // The islands answer clicks once hydrated (a term before that is a link to its entry page).
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
  if (action) await page.click(action);
  await page.waitForTimeout(400);
  const name = `${outDir}/${path.replace(/[^a-z0-9]+/gi, '_')}${action ? '_click' : ''}_${width}.png`;
  await page.screenshot({ path: name });
  console.log(name);
}
await browser.close();
