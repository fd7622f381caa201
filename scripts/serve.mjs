// Static server for the demo pages and the page tests: serves www/ at / and pkg/ at /pkg/,
// on 127.0.0.1 only, with the Content-Security-Policy the component must work under
// (issue 6): default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function resolvePath(urlPath) {
  let p = decodeURIComponent(urlPath.split('?')[0]);
  let base = join(ROOT, 'www');
  if (p === '/pkg' || p.startsWith('/pkg/')) {
    base = join(ROOT, 'pkg');
    p = p.slice(4);
  }
  if (p === '' || p.endsWith('/')) p += 'index.html';
  const full = normalize(join(base, p));
  if (full !== base && !full.startsWith(base + sep)) return null; // no escaping the roots
  return full;
}

/** Starts the server. Resolves to { url, close, requests } once it listens. */
export function startServer({ port = 8080, host = '127.0.0.1', quiet = true } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolvePath(req.url) : null;
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Ikke funnet / Not found\n');
    }
    if (!quiet) console.log(`${res.statusCode} ${req.method} ${req.url}`);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      ok({ url: `http://${host}:${p}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const { url } = await startServer({ port, quiet: false });
  console.log(`skjemavakt demo: ${url}/  (Ctrl-C to stop)`);
}
