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
import zlib from 'node:zlib';
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

// With `compress`, text and wasm go out as brotli (quality 11, made once per file), as a CDN
// or a host that precompresses sends them, when the client accepts it: the benchmarks'
// server, so that sizes and timings are those of a real deployment.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.bin']);
const brotliCache = new Map();

function send(res, status, file, method, req, compress = false) {
  const type = TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
  let body = fs.readFileSync(file);
  const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
  if (compress && COMPRESSIBLE.has(path.extname(file).toLowerCase()) && /\bbr\b/.test(req?.headers['accept-encoding'] || '')) {
    if (!brotliCache.has(file)) {
      brotliCache.set(file, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    body = brotliCache.get(file);
    headers['Content-Encoding'] = 'br';
    headers.Vary = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(method === 'HEAD' ? undefined : body);
}

function bareNotFound(res, method) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(method === 'HEAD' ? undefined : 'Not found\n');
}

function notFound(res, root, method, req, compress) {
  const page = path.join(root, '404.html');
  if (statOrNull(page)?.isFile()) return send(res, 404, page, method, req, compress);
  bareNotFound(res, method);
}

/** The mount prefix in its folder form: '/', '/reader/'. */
export function normalizePrefix(prefix = '/') {
  const trimmed = String(prefix).replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Handles one request against `root` (an absolute folder) mounted at `prefix`. */
export function handle(root, req, res, { prefix = '/', compress = false } = {}) {
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
    return notFound(res, root, method, req, compress);
  }
  // Never leave the root.
  const file = path.join(root, path.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res, root, method, req, compress);
  const stat = statOrNull(file);
  if (stat?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { Location: url.pathname + '/' + url.search });
      return res.end();
    }
    const index = path.join(file, 'index.html');
    if (statOrNull(index)?.isFile()) return send(res, 200, index, method, req, compress);
    return notFound(res, root, method, req, compress);
  }
  if (stat?.isFile()) return send(res, 200, file, method, req, compress);
  return notFound(res, root, method, req, compress);
}

/** Starts a server on `root` (under `prefix`); resolves to { server, url } once it listens. */
export function startStaticServer(root, { port = 0, host = '127.0.0.1', prefix = '/', compress = false } = {}) {
  const absolute = path.resolve(root);
  const server = http.createServer((req, res) => {
    try {
      handle(absolute, req, res, { prefix, compress });
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
