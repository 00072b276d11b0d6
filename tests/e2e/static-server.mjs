#!/usr/bin/env node
/**
 * Tiny dependency-free static file server for browser tests and benchmarks: serves a folder
 * (default: the repo root) on 127.0.0.1 only, with correct MIME types, no caching and no
 * compression (files go out as they are, as many static hosts send binary files), cross-origin
 * isolated (COOP same-origin + COEP require-corp, as the app should be hosted) unless told not to:
 * `--no-isolation` for the whole server, or `?isolation=off` on a page's URL for that page (it
 * then runs as on a host that sends no such headers: no SharedArrayBuffer, wasm single-threaded).
 *
 *   node tests/e2e/static-server.mjs [port=4174] [root=<repo root>] [--no-isolation]
 *
 * Also importable: `startStaticServer({ port, root, isolated })` resolves to
 * `{ server, port, url, close }` (port 0 picks a free port).
 */
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.bin': 'application/octet-stream',
  '.gz': 'application/gzip',
};

/** What makes a page cross-origin isolated (vite.config.ts sends the same for `npm start` / `preview`). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const NO_CACHE = {
  'Cache-Control': 'no-store, no-cache, must-revalidate',
  Pragma: 'no-cache',
  Expires: '0',
};

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...NO_CACHE });
  res.end(text);
}

/** Maps a URL path to a file inside root, or null if it would escape root. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

export function createStaticHandler(rootDir = REPO_ROOT, { isolated = true } = {}) {
  const root = resolve(rootDir);
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (isolated && url.searchParams.get('isolation') !== 'off') for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method Not Allowed\n');
    }
    const urlPath = url.pathname;
    let file = resolveInside(root, urlPath);
    if (!file) return send(res, 403, 'Forbidden\n');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { Location: `${urlPath}/`, ...NO_CACHE });
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(res, 404, 'Not Found\n');
      res.writeHead(200, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': info.size,
        ...NO_CACHE,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      // Browsers ask for /favicon.ico on their own; a 404 there would show up as a console error.
      if (urlPath === '/favicon.ico') {
        res.writeHead(204, NO_CACHE);
        return res.end();
      }
      send(res, 404, 'Not Found\n');
    }
  };
}

export function startStaticServer({ port = 0, root = REPO_ROOT, isolated = true } = {}) {
  return new Promise((resolvePromise, reject) => {
    const server = createServer(createStaticHandler(root, { isolated }));
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolvePromise({
        server,
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const isolated = !process.argv.includes('--no-isolation');
  const port = Number(args[0] ?? 4174);
  const root = resolve(args[1] ?? REPO_ROOT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`static-server: bad port ${JSON.stringify(process.argv[2])}`);
    process.exit(2);
  }
  const { url, close } = await startStaticServer({ port, root, isolated }).catch((err) => {
    console.error(`static-server: cannot listen on 127.0.0.1:${port}: ${err.message}`);
    process.exit(1);
  });
  console.log(`static-server: serving ${root} at ${url}/${isolated ? ' (cross-origin isolated)' : ''}`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
