// Page test for the foundation slice: the start page loads the wasm package under the CSP and
// the reference tool answers (Rust → wasm → JS → page).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, foreignRequests, SCREENSHOTS } from './harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

test('the wasm module loads under the CSP and reports ready', async () => {
  const res = await h.page.goto(h.server.url + '/');
  assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await h.page.waitForSelector('body[data-skjemavakt="ready"]', { timeout: 10000 });
  assert.match(await h.page.textContent('#status'), /Skjemavakt \d+\.\d+\.\d+ er lastet/);
  const options = await h.page.$$eval('#ref-hf option', (os) => os.map((o) => o.value));
  assert.ok(options.includes('HBE') && options.length >= 26, `trusts: ${options.length}`);
});

test('building and checking a reference goes through the wasm module', async () => {
  const { page } = h;
  await page.fill('#ref-date', '2025-05-12');
  await page.selectOption('#ref-hf', 'OUS');
  await page.fill('#ref-dept', 'onk');
  await page.click('#ref-build button');
  assert.equal(await page.textContent('#ref-build-out-value'), '2025-05-12-OUS-ONK');

  await page.fill('#ref-text', '2025-02-30-Helse Bergen-ONK');
  await page.click('#ref-check button');
  const codes = await page.$$eval('#ref-check-out li', (li) => li.map((x) => x.dataset.code));
  assert.deepEqual(codes.sort(), ['reference.date.invalid', 'reference.hf.alias']);
  await page.screenshot({ path: SCREENSHOTS + 'start-page.png', fullPage: true });
});

test('no request left the origin and nothing was logged as an error', async () => {
  assert.deepEqual(foreignRequests(h.seen, h.server), []);
  assert.ok(h.seen.requests.some((u) => u.endsWith('/pkg/skjemavakt_bg.wasm')), 'wasm fetched');
  assert.deepEqual(h.seen.pageErrors, []);
  assert.deepEqual(h.seen.consoleErrors, []);
});
