// A plain static host with no 404 fallback at all (python's http.server): a deep link to a
// paragraph still opens, because every route has its own index.html in dist/.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { DocumentPage } from '../pages.mjs';
import { DIST } from '../corpus.mjs';
import { expectOnlyTarget, freePort } from '../support.mjs';

async function waitForServer(url, child, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`python3 -m http.server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url}`);
}

test('a paragraph deep link opens, marked and in view, from python3 -m http.server', async ({ browser }) => {
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST], {
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  try {
    await waitForServer(`${base}/`, server);
    // The plain server really has no fallback: an unknown path is its own bare 404.
    const missing = await fetch(`${base}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('Source Reader');

    const reader = new DocumentPage(await context.newPage());
    const anchor = 'the-struggle-in-the-soviet-party';
    // The address as the pages link it, and as someone might type it (without the slash:
    // http.server redirects the folder to its slash form, and the fragment is kept).
    for (const path of [`/doc/turning-point/#${anchor}`, `/doc/turning-point#${anchor}`]) {
      const response = await reader.page.goto(path);
      expect(response.status()).toBe(200);
      await expect(reader.heading).toHaveText('The Turning Point, 1923–24');
      await expect(reader.page).toHaveURL(`${base}/doc/turning-point/#${anchor}`);
      const target = reader.passage(anchor);
      await expectOnlyTarget(reader.page, target);
      await expect(target).toBeInViewport();
      await expect(target).toContainText('The struggle in the Soviet party, however, was decisively cut across');
      await reader.ready();
      await expect(target).toBeFocused();
      await reader.page.goto('about:blank');
    }
  } finally {
    await context.close();
    server.kill();
  }
});
