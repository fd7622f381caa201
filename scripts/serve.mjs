// Static server for the demo pages and the page tests: serves www/ at / and pkg/ at /pkg/,
// on 127.0.0.1 only, with the Content-Security-Policy the component must work under
// (issue 6): default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'.
//
// It also plays the hospital's back end at /mottak, the demo forms' `action`, as the README's
// drop-in section tells a hospital server to (issue 18): a post without a seal — the browser's
// own form submission, which the guard never lets happen — is refused; a sealed package is
// accepted only when its digest matches and the CLI's `skjemavakt seal`, run on the received
// canonical JSON, seals it to the same digest (no CLI found: refused, fail closed). Every
// request is recorded (`requests`: method and URL; `received`: the bodies posted to /mottak),
// so the page tests can prove that nothing was sent.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
  "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Where the demo forms post (their `action`). */
export const RECEIVE_PATH = '/mottak';
const MAX_BODY = 2 * 1024 * 1024;

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

/** The CLI, for the server's own check of a sealed package: $SKJEMAVAKT_BIN or a built one. */
export function findCli() {
  const candidates = [process.env.SKJEMAVAKT_BIN, join(ROOT, 'target/release/skjemavakt'), join(ROOT, 'target/debug/skjemavakt')];
  return candidates.find((p) => p && existsSync(p)) || null;
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        fail(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

/** Canonical JSON (RFC 8785) of JSON data: members sorted by UTF-16 code units (JS's own
 * string order), no whitespace, numbers and strings as JSON.stringify writes them. */
export function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The digest of a sealed package: SHA-256 of the canonical JSON, and, when findings were kept,
 * of a line feed and the canonical JSON of the kept list after it (README, "Keeping a false
 * alarm"). A checker that leaves out the list refuses such a package: fail closed. */
export function packageDigest(sealed) {
  const kept = Array.isArray(sealed.kept) && sealed.kept.length ? '\n' + canonicalJson(sealed.kept) : '';
  return createHash('sha256').update(sealed.canonical + kept, 'utf8').digest('hex');
}

/**
 * The hospital's check of what arrives: [status, answer]. Only JSON `{ sealed: { form,
 * canonical, sha256, kept? } }` whose digest matches and which the CLI seals to the same
 * digest (with the same findings kept, `--keep`).
 */
function receive(type, body) {
  if (!/^application\/json\b/.test(type || '')) {
    return [403, { accepted: false, reason: 'not sealed: a form posted by the browser is refused' }];
  }
  let sealed;
  try {
    sealed = JSON.parse(body).sealed;
  } catch {
    return [400, { accepted: false, reason: 'not JSON' }];
  }
  if (!sealed || typeof sealed.canonical !== 'string' || typeof sealed.sha256 !== 'string') {
    return [403, { accepted: false, reason: 'not sealed' }];
  }
  if (sealed.kept !== undefined && !Array.isArray(sealed.kept)) {
    return [403, { accepted: false, reason: 'not sealed' }];
  }
  if (packageDigest(sealed) !== sealed.sha256) {
    return [422, { accepted: false, reason: 'the digest does not match the canonical JSON and its kept list' }];
  }
  const cli = findCli();
  if (!cli) return [503, { accepted: false, reason: 'no skjemavakt CLI to check with (cargo build --features cli --bin skjemavakt)' }];
  const args = ['--format', 'json', 'seal', '-'];
  let dir = null;
  if (sealed.kept?.length) {
    // The same findings kept: the CLI applies each only where it finds it again.
    dir = mkdtempSync(join(tmpdir(), 'skjemavakt-mottak-'));
    writeFileSync(join(dir, 'keep.json'), JSON.stringify(sealed.kept));
    args.push('--keep', join(dir, 'keep.json'));
  }
  const r = spawnSync(cli, args, { input: sealed.canonical, encoding: 'utf8', timeout: 30000 });
  if (dir) rmSync(dir, { recursive: true, force: true });
  let out = null;
  try {
    out = JSON.parse(r.stdout);
  } catch {
    out = null;
  }
  if (r.status !== 0 || !out || !out.sealed || out.sealed.sha256 !== sealed.sha256) {
    const codes = (out?.diagnostics || []).filter((d) => d.severity === 'error').map((d) => d.code);
    return [422, { accepted: false, reason: 'skjemavakt seal refused it', codes }];
  }
  return [200, { accepted: true, sha256: sealed.sha256, checkedBy: 'skjemavakt seal' }];
}

/** Starts the server. Resolves to { url, close, requests, received } once it listens. */
export function startServer({ port = 8080, host = '127.0.0.1', quiet = true } = {}) {
  const requests = [];
  const received = [];
  const server = createServer(async (req, res) => {
    requests.push({ method: req.method, url: req.url });
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    };
    const path = req.url.split('?')[0];
    if (path === RECEIVE_PATH) {
      let status = 405;
      let answer = { accepted: false, reason: 'POST only' };
      if (req.method === 'POST') {
        try {
          const body = await readBody(req);
          received.push({ type: req.headers['content-type'] || '', body });
          [status, answer] = receive(req.headers['content-type'], body);
        } catch {
          [status, answer] = [413, { accepted: false, reason: 'too large' }];
        }
      }
      res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer) + '\n');
      if (!quiet) console.log(`${res.statusCode} ${req.method} ${req.url}`);
      return;
    }
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
      ok({ url: `http://${host}:${p}`, requests, received, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
  const { url } = await startServer({ port, quiet: false });
  console.log(`skjemavakt demo: ${url}/  (Ctrl-C to stop)`);
  if (!findCli()) console.log(`no skjemavakt CLI found: ${RECEIVE_PATH} refuses every package (cargo build --features cli --bin skjemavakt)`);
}
