// The consumer test: the npm package as a hospital web developer gets it. Packs pkg/ (built by
// scripts/build-pkg.sh) with `npm pack`, installs the tarball into this small app (its own dev
// dependencies, TypeScript and Vite, from the npm registry by its lockfile, installed once and
// reused), and then
//  1. type-checks with `tsc --strict --noEmit`: the README's JavaScript and TypeScript code
//     blocks verbatim (extracted from README.md now), the app's own calls (src/main.ts), what
//     must not compile (src/negative.ts: each line after a @ts-expect-error), and the real
//     results of every function, written out as typed literals (so a result member the types
//     do not declare, or a declared one missing, fails to compile);
//  2. builds the app with Vite and runs it in Debian's Chromium (playwright-core) under the
//     demo server's strict Content-Security-Policy: the wasm module is found through the
//     package, the guard seals a part 2, the printable application is rendered;
//  3. runs it with `vite dev`, which must serve the wasm module too.
// It prints the install, type-check and build times.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CSP } from '../../scripts/serve.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = resolve(HERE, '../..');
const PKG = join(ROOT, 'pkg');
const GEN = join(HERE, 'generated');
const times = {};

function run(cmd, args, opts = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: HERE, encoding: 'utf8', ...opts });
  const took = Date.now() - t;
  if (r.status !== 0 && !opts.allowFail) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return { ...r, took };
}

const npm = (args, opts) => run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], opts);

before(() => {
  assert.ok(existsSync(join(PKG, 'package.json')), 'pkg/ is not built: run scripts/build-pkg.sh first');
  // The app's own development packages, by its lockfile; again only when the lockfile changed.
  const stamp = join(HERE, 'node_modules/.package-lock.json');
  if (!existsSync(stamp) || statSync(join(HERE, 'package-lock.json')).mtimeMs > statSync(stamp).mtimeMs) {
    times.npmCi = npm(['ci']).took;
  }
  // The package as npm packs it, installed as a user installs it (not saved in package.json).
  const dest = mkdtempSync(join(tmpdir(), 'skjemavakt-pack-'));
  const packed = JSON.parse(npm(['pack', PKG, '--pack-destination', dest, '--json'], { cwd: ROOT }).stdout)[0];
  times.tarball = { file: packed.filename, bytes: packed.size, files: packed.entryCount };
  times.installTarball = npm(['install', '--no-save', join(dest, packed.filename)]).took;
  rmSync(dest, { recursive: true, force: true });
});

test('the installed package has the layout of package.json', () => {
  const pkg = JSON.parse(readFileSync(join(HERE, 'node_modules/skjemavakt/package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(pkg.name, 'skjemavakt');
  assert.equal(pkg.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(pkg.type, 'module');
  for (const e of ['.', './guard', './guard.css', './schemas/*', './package.json']) assert.ok(pkg.exports[e], e);
  for (const f of ['skjemavakt.js', 'skjemavakt_bg.wasm', 'guard.js', 'guard.d.ts', 'guard.css', 'guard/core.js',
    'schemas/tilgang-del2.submission.json', 'schemas/hb-offlabel-group.draft.json']) {
    assert.ok(existsSync(join(HERE, 'node_modules/skjemavakt', f)), f);
  }
  // The guard finds the wasm module through the package, not the demo's pkg/ folder.
  const core = readFileSync(join(HERE, 'node_modules/skjemavakt/guard/core.js'), 'utf8');
  assert.match(core, /import\('\.\.\/skjemavakt\.js'\)/);
  assert.doesNotMatch(core, /pkg\//);
});

/** The README's js and ts code blocks, each as a module of its own, verbatim. */
function readmeBlocks() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)].map((m) => ({ ext: m[1], code: m[2] }));
  mkdirSync(join(GEN, 'pkg'), { recursive: true });
  // The relative paths of the plain-HTML sections (a copied guard, a copied pkg/ folder).
  writeFileSync(join(GEN, 'skjemavakt-guard.d.ts'), "export * from 'skjemavakt/guard';\n");
  writeFileSync(join(GEN, 'pkg/skjemavakt.d.ts'), "export * from 'skjemavakt';\nexport { default } from 'skjemavakt';\n");
  blocks.forEach((b, i) => writeFileSync(join(GEN, `readme-${i + 1}.${b.ext}`), `${b.code}\nexport {};\n`));
  return blocks;
}

/** Every function's real result, written as a literal of its declared type. */
async function typedResults() {
  const sv = await import('skjemavakt');
  sv.initSync({ module: readFileSync(join(HERE, 'node_modules/skjemavakt/skjemavakt_bg.wasm')) });
  const data = (k) => JSON.parse(readFileSync(join(ROOT, `tests/data/${k}-valid.json`), 'utf8'));
  const part1 = data('tilgang-del1');
  const part2 = data('tilgang-del2');
  const today = '2025-06-01';
  const leaky = structuredClone(part2);
  leaky.patient.medical_history = 'Kari Nordmann (14037410021) bor i Storgata 1, tlf 912 34 567.';
  const sealed = sv.prepareSubmission(part2, part1, { today, pseudonymKey: '0f'.repeat(32) });
  assert.ok(sealed.ok && sealed.sealed.pseudonym && sealed.sealed.sealedAt, 'sealed with a pseudonym and a time');
  const results = [
    ['ValidateResult', sv.validate(part2, { today })],
    ['ValidateResult', sv.validate({ form: 'tilgang-del2', reference: '2099-01-01-HBE-ONK', costs: { drug_per_month: '1.234' } }, { stage: 'approval', lang: 'en', bogus: 1 })],
    ['ValidateResult', sv.validate({})],
    ['ScanResult', sv.scan(leaky, part1)],
    ['ScanResult', sv.scan('Ring 912 34 567.')],
    ['RedactResult<string>', sv.redact('Ring 912 34 567.')],
    ['RedactResult<T.TilgangDel2Draft>', sv.redact(leaky, part1)],
    ['SubmissionResult', sealed],
    ['SubmissionResult', sv.prepareSubmission({ form: 'tilgang-del2' })],
    ['SubmissionCheck', sv.checkSubmission(leaky, part1, { today })],
    ['ValidateResult', sv.costSummary(part2)],
    ['ReferenceResult', sv.checkReference('[2025-05-12]-[Helse Bergen]-[onk]')],
    ['ReferenceResult', sv.checkReference('not a reference')],
    ['ReferenceResult', sv.buildReference({ date: '2025-05-12', hf: 'HBE', dept: 'ONK' })],
    ['Trust[]', sv.registry()],
    ['RuleInfo[]', sv.rules()],
    ['FieldsResult', sv.fields('hb-exception-single', { lang: 'en', stage: 'approval' })],
    ['FieldsResult', sv.fields('nothing')],
    ['ScanResult', sv.scanField(leaky, '/patient/medical_history', part1)],
    ['FindingKindInfo[]', sv.findingKinds({ lang: 'nn' })],
    ['SchemaResult', sv.schema('hb-exception-group', { stage: 'draft' })],
    ['SchemaResult', sv.schema('nothing')],
    ['RenderResult', sv.render(sealed.sealed)],
    ['RenderResult', sv.render({ sealed: { ...sealed.sealed, sha256: '0'.repeat(64) } })],
    ['string', sv.version()],
    ['string', sv.today()],
  ];
  const lines = ["import type * as T from 'skjemavakt';", ''];
  results.forEach(([type, value], i) => {
    const t = /^[A-Z]/.test(type) ? `T.${type}` : type;
    lines.push(`export const r${i}: ${t} = ${JSON.stringify(value, null, 1)};`);
  });
  writeFileSync(join(GEN, 'results.ts'), lines.join('\n') + '\n');
  return results.length;
}

test('tsc --strict: the README examples, the app and every result compile; the typos do not', async () => {
  rmSync(GEN, { recursive: true, force: true });
  const blocks = readmeBlocks();
  assert.ok(blocks.length >= 3, `README code blocks found: ${blocks.length}`);
  const n = await typedResults();
  const tsc = run('node', ['node_modules/typescript/bin/tsc', '-p', '.'], { allowFail: true });
  times.tsc = tsc.took;
  assert.equal(tsc.status, 0, `tsc --strict failed:\n${tsc.stdout}${tsc.stderr}`);
  console.log(`# type-checked ${blocks.length} README blocks, ${n} typed results, src/main.ts and src/negative.ts`);
  // The negative checks are live: without the directives, each line is an error.
  const negative = readFileSync(join(HERE, 'src/negative.ts'), 'utf8');
  const expected = (negative.match(/^\/\/ @ts-expect-error/gm) || []).length;
  writeFileSync(join(GEN, 'negative-bare.ts'), negative.replaceAll('// @ts-expect-error', '//'));
  const bare = run('node', ['node_modules/typescript/bin/tsc', '-p', '.'], { allowFail: true });
  const errors = (bare.stdout.match(/generated\/negative-bare\.ts\(\d+,\d+\): error/g) || []).length;
  rmSync(join(GEN, 'negative-bare.ts'));
  assert.ok(expected >= 14 && errors >= expected, `${errors} errors for ${expected} expected ones:\n${bare.stdout}`);
});

// ---- the built app in Chromium, under the CSP ----

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

function serve(dir) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    let p = decodeURIComponent(req.url.split('?')[0]);
    if (p.endsWith('/')) p += 'index.html';
    const file = normalize(join(dir, p));
    const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' };
    try {
      if (!file.startsWith(dir + sep)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)),
  })));
}

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});
after(async () => {
  await browser?.close();
  console.log(`# consumer test: ${JSON.stringify(times)}`);
});

/** Opens the app, waits for it to finish, returns what it reported and what the page saw. */
async function runApp(url) {
  const page = await browser.newPage();
  const seen = { requests: [], console: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.console.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.state, null, { timeout: 30000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  const out = JSON.parse(await page.textContent('#out'));
  await page.close();
  return { state, out, seen };
}

function assertApp({ state, out }) {
  assert.equal(state, 'done', JSON.stringify(out));
  assert.equal(out.valid, true);
  assert.deepEqual(out.found.sort(), ['name', 'phone']);
  assert.equal(out.reference, '2025-05-12-HBE-ONK');
  assert.match(out.redactedText, /^Ring meg på \[TELEFON/);
  assert.equal(out.schemaId, out.schemaFromWasm);
  assert.deepEqual(out.warnings, []);
  assert.equal(out.sealedForm, 'tilgang-del2');
  assert.match(out.sha256, /^[0-9a-f]{64}$/);
  assert.match(out.sealedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.equal(out.render, true);
  assert.equal(out.htmlHasDigest, true);
  assert.equal(out.printable, `soknad-${out.sha256.slice(0, 12)}.html`);
}

test('vite build: the app runs in Chromium under the strict CSP, the wasm found through the package', async () => {
  rmSync(join(HERE, 'dist'), { recursive: true, force: true });
  times.viteBuild = run('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']).took;
  const dist = join(HERE, 'dist');
  const server = await serve(dist);
  try {
    const r = await runApp(server.url + '/');
    assertApp(r);
    assert.deepEqual(r.seen.errors, []);
    assert.deepEqual(r.seen.console, [], 'no console errors or warnings (a CSP violation is one)');
    assert.ok(r.seen.requests.every((u) => u.startsWith(server.url + '/') || u.startsWith('blob:') || u.startsWith('data:')), r.seen.requests.join('\n'));
    assert.ok(server.requests.some((u) => /^\/assets\/skjemavakt_bg-[\w-]+\.wasm$/.test(u)), server.requests.join('\n'));
  } finally {
    await server.close();
  }
});

test('vite dev serves the wasm module too', async () => {
  const { createServer: viteServer } = await import('vite');
  const vite = await viteServer({ root: HERE, logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await vite.listen();
  const t = Date.now();
  try {
    const url = vite.resolvedUrls.local[0];
    const r = await runApp(url);
    times.viteDevRun = Date.now() - t;
    assertApp(r);
    assert.ok(r.seen.requests.some((u) => u.endsWith('skjemavakt_bg.wasm')), r.seen.requests.join('\n'));
  } finally {
    await vite.close();
  }
});
