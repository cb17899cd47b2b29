// The test server behaves like the static hosts the reader is deployed to, and dist/ has a
// file for every route: what the other specs rely on.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { CATALOG, DIST } from '../corpus.mjs';
import { startStaticServer } from '../static-server.mjs';

test('a folder without its slash redirects to it; with it, its index.html is served', async ({ request }) => {
  const redirect = await request.get('/doc/turning-point', { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers()['location']).toBe('/doc/turning-point/');
  const folder = await request.get('/doc/turning-point/', { maxRedirects: 0 });
  expect(folder.status()).toBe(200);
  expect(folder.headers()['content-type']).toContain('text/html');
  // Each page is rendered at build time, with its own title.
  expect(await folder.text()).toContain('<title>The Turning Point, 1923–24 · Source Reader</title>');
});

test('an unknown path gets 404.html with status 404', async ({ request }) => {
  const missing = await request.get('/no/such/page', { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toBe(fs.readFileSync(path.join(DIST, '404.html'), 'utf8'));
});

test('the wasm is served as application/wasm', async ({ request }) => {
  const wasm = fs.readdirSync(DIST).find((name) => name.endsWith('.wasm'));
  expect(wasm).toBeTruthy();
  const response = await request.get(`/${wasm}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/wasm');
});

test('dist/ has an index.html for every document route and its original', () => {
  for (const { slug } of CATALOG) {
    for (const route of [`doc/${slug}`, `doc/${slug}/original`]) {
      expect(fs.existsSync(path.join(DIST, route, 'index.html')), route).toBe(true);
    }
  }
});

test('mounted under a prefix, the server answers like a project site in a sub-folder', async () => {
  const { server, url } = await startStaticServer(DIST, { prefix: '/reader/' });
  const origin = new URL(url).origin;
  const get = (p) => fetch(`${origin}${p}`, { redirect: 'manual' });
  try {
    expect(url).toBe(`${origin}/reader`);
    const root = await get('/reader');
    expect(root.status).toBe(301);
    expect(root.headers.get('location')).toBe('/reader/');
    const folder = await get('/reader/doc/turning-point?x=1');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/reader/doc/turning-point/?x=1');
    const page = await get('/reader/doc/turning-point/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(fs.readFileSync(path.join(DIST, 'doc/turning-point/index.html'), 'utf8'));
    const missing = await get('/reader/no/such/page');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(fs.readFileSync(path.join(DIST, '404.html'), 'utf8'));
    // Outside the prefix: a bare 404, not the reader's page.
    for (const outside of ['/', '/doc/turning-point/', '/readerx/']) {
      const response = await get(outside);
      expect(response.status, outside).toBe(404);
      expect(await response.text()).toBe('Not found\n');
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
