// A tiny static file server for the built reader, behaving like common static hosts:
//   - a file is served as is, with a content type from its extension;
//   - a folder request without a trailing slash is redirected to the slash form (301), like
//     python's http.server, nginx and GitHub Pages; with the slash it serves the folder's
//     index.html;
//   - anything else gets 404.html from the root (when there is one) with status 404, like
//     GitHub Pages.
// With a mount PREFIX (e.g. /reader/) the site is served under that folder only, like a
// GitHub Pages project site: /reader redirects to /reader/, /reader/x is ROOT/x, unknown
// paths under the prefix get ROOT/404.html, and anything outside the prefix is a bare 404
// (not the reader's page), so that a link that forgets the prefix is noticed.
//
// Usage:  node static-server.mjs [ROOT] [PORT] [HOST] [PREFIX]
//         (defaults: ../../dist, 0, 127.0.0.1, /)
// or import { startStaticServer } from './static-server.mjs'.
// With PORT 0 the system picks a free port; the address is printed as "serving ROOT at URL".
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function statOrNull(file) {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

function send(res, status, file, method) {
  const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  const body = fs.readFileSync(file);
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(method === 'HEAD' ? undefined : body);
}

function bareNotFound(res, method) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(method === 'HEAD' ? undefined : 'Not found\n');
}

function notFound(res, root, method) {
  const page = path.join(root, '404.html');
  if (statOrNull(page)?.isFile()) return send(res, 404, page, method);
  bareNotFound(res, method);
}

/** The mount prefix in its folder form: '/', '/reader/'. */
export function normalizePrefix(prefix = '/') {
  const trimmed = String(prefix).replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Handles one request against `root` (an absolute folder) mounted at `prefix`. */
export function handle(root, req, res, { prefix = '/' } = {}) {
  const method = req.method || 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' });
    return res.end();
  }
  const mount = normalizePrefix(prefix);
  const url = new URL(req.url || '/', 'http://localhost');
  if (mount !== '/' && url.pathname === mount.slice(0, -1)) {
    res.writeHead(301, { Location: mount + url.search });
    return res.end();
  }
  if (!url.pathname.startsWith(mount)) return bareNotFound(res, method);
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname.slice(mount.length - 1));
  } catch {
    return notFound(res, root, method);
  }
  // Never leave the root.
  const file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res, root, method);
  const stat = statOrNull(file);
  if (stat?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: url.pathname + '/' + url.search });
      return res.end();
    }
    const index = path.join(file, 'index.html');
    if (statOrNull(index)?.isFile()) return send(res, 200, index, method);
    return notFound(res, root, method);
  }
  if (stat?.isFile()) return send(res, 200, file, method);
  return notFound(res, root, method);
}

/** Starts a server on `root` (under `prefix`); resolves to { server, url } once it listens. */
export function startStaticServer(root, { port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const absolute = path.resolve(root);
  const server = http.createServer((req, res) => {
    try {
      handle(absolute, req, res, { prefix });
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}${normalizePrefix(prefix).slice(0, -1)}` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const [root = path.join(here, '../../dist'), port = '0', host = '127.0.0.1', prefix = '/'] = process.argv.slice(2);
  if (!statOrNull(path.join(root, 'index.html'))?.isFile()) {
    console.error(`static-server: ${root} has no index.html (build the reader first: trunk build --release)`);
    process.exit(1);
  }
  const { url } = await startStaticServer(root, { port: Number(port), host, prefix });
  console.log(`serving ${path.resolve(root)} at ${url}`);
}
