// Page test for the printable application (issue 20, point 4): a part 2 sealed by the wasm
// package in the browser, rendered by `render`, opened under its own Content-Security-Policy
// (no script, no request, its one style allowed by hash), printed to PDF by Chromium: the
// PDF is A4, every page's footer holds the digest, the seal time and the page number, and its
// text holds the form's headings in the guide's order, enumerations in words and amounts in
// Norwegian writing. Hostile values stay text. Also the demo guard's sealed view links to it.
// Writes tests/page/screenshots/printable.pdf, printable.png (its first page, as the README
// shows it) and printable-screen.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { launch, SCREENSHOTS } from './harness.mjs';

const DATA = (k) => JSON.parse(readFileSync(new URL(`../data/${k}-valid.json`, import.meta.url), 'utf8'));
const HOSTILE = '</style><script>window.pwned = 1</script><img src=x onerror="window.pwned=2"> <a href="javascript:void 0">lenke</a> & "sitat" \'x\'';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

/** Seals a document and renders it with the package in the browser (the demo's origin). */
async function sealAndRender(doc, lang = 'nb') {
  await h.page.goto(h.server.url + '/');
  return h.page.evaluate(async ([d, l]) => {
    const sv = await import('/pkg/skjemavakt.js');
    await sv.default();
    const s = sv.prepareSubmission(d, null, { today: '2025-06-01' });
    if (!s.ok) return { error: s.diagnostics.map((x) => x.code) };
    return { sealed: s.sealed, result: sv.render(s.sealed, { lang: l }) };
  }, [doc, lang]);
}

/** Opens the HTML as a server would send it: with the CSP of its own meta element. */
async function open(page, html) {
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const url = h.server.url + '/utskrift/soknad.html';
  const requests = [];
  const console = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => console.push(`${m.type()}: ${m.text()}`));
  await page.route(url, (r) => r.fulfill({ body: html, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp } }));
  await page.goto(url);
  return { csp, url, requests, console };
}

function pdfText(file, first, last) {
  return execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), file, '-'], { encoding: 'utf8' });
}

test('the printable application prints to A4 with the digest and seal time in every page footer', async () => {
  const doc = DATA('tilgang-del2');
  const { sealed, result, error } = await sealAndRender(doc);
  assert.equal(error, undefined, String(error));
  assert.equal(result.ok, true);
  assert.equal(result.sha256, sealed.sha256);
  // Valid HTML, accessible structure (html-validate's standard and a11y rules).
  const hv = await new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] }).validateString(result.html);
  assert.ok(hv.valid, JSON.stringify(hv.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))));
  const page = await h.browser.newPage({ viewport: { width: 794, height: 1123 } });
  const seen = await open(page, result.html);
  assert.match(seen.csp, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'/);
  // Styled (the style passed the CSP), nothing requested but the document, nothing logged.
  assert.equal(await page.$eval('h2', (e) => getComputedStyle(e).color), 'rgb(26, 61, 109)');
  assert.deepEqual(seen.requests, [seen.url]);
  assert.deepEqual(seen.console, []);
  assert.equal(await page.$$eval('script, link, img, iframe, a, form', (l) => l.length), 0);

  const pdf = SCREENSHOTS + 'printable.pdf';
  await page.screenshot({ path: SCREENSHOTS + 'printable-screen.png', fullPage: true });
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  // The first printed page as an image (README: "The printable application").
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, SCREENSHOTS + 'printable']);

  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  assert.match(info, /Page size:\s+[\d.]+ x [\d.]+ pts \(A4\)/);
  assert.ok(pages >= 2, `${pages} pages`);
  const time = sealed.sealedAt.match(/^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/);
  const shown = `Forseglet ${time[3]}.${time[2]}.${time[1]} kl. ${time[4]}.${time[5]}`;
  for (let p = 1; p <= pages; p++) {
    const t = pdfText(pdf, p, p);
    assert.ok(t.includes(`SHA-256 ${sealed.sha256}`), `page ${p}: the digest`);
    assert.ok(t.includes(shown), `page ${p}: the seal time (${shown})`);
    assert.ok(t.includes(`Side ${p} av ${pages}`), `page ${p}: its number`);
  }
  const all = pdfText(pdf, 1, pages).replace(/\s+/g, ' ');
  const headings = ['Søknadsskjema tilgangsordningen – del 2 – søknad', 'Referansenummer', 'Om søknaden', 'Om pasienten',
    'Omsøkt behandling', 'Kostnader', 'Kostnadsoppsummering', 'Kriterier for klinisk eksepsjonalitet', 'Totalvurdering',
    'Relevant litteratur', 'Forankring og anbefaling', 'Forsegling'];
  let at = -1;
  for (const hd of headings) {
    const i = all.indexOf(hd, at + 1);
    assert.ok(i > at, `${hd} after the heading before it`);
    at = i;
  }
  for (const word of ['2025-05-12-HBE-ONK', 'Kvinne', 'Livsforlengende', 'Maksimalpris', 'kr 245 000', 'kr 12 500',
    '-kr 2 500', 'Sum per måned kr 255 000', 'kr 3 060 000', 'Juridisk kjønn', 'Fødselsår 1974']) {
    assert.ok(all.includes(word), word);
  }
  writeFileSync(SCREENSHOTS + 'printable.txt', all);
});

test('hostile values are text: no script, no element, no request', async () => {
  const doc = DATA('tilgang-del2');
  doc.overall_assessment = HOSTILE;
  doc.treatment.dosage = HOSTILE;
  const { result, error } = await sealAndRender(doc);
  assert.equal(error, undefined, String(error));
  const page = await h.browser.newPage();
  const seen = await open(page, result.html);
  assert.equal(await page.$$eval('script, img, a, link, iframe', (l) => l.length), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const texts = await page.$$eval('dd, .t', (l) => l.map((e) => e.textContent));
  assert.ok(texts.filter((t) => t === HOSTILE).length >= 2, 'shown as written');
  assert.deepEqual(seen.requests, [seen.url]);
  assert.deepEqual(seen.console, []);
  await page.close();
});

test('a package whose seal does not hold is refused; English is English', async () => {
  const { sealed } = await sealAndRender(DATA('hb-offlabel-group'), 'en');
  const r = await h.page.evaluate(async ([s]) => {
    const sv = await import('/pkg/skjemavakt.js');
    await sv.default();
    const changed = { ...s, canonical: s.canonical.replace('"form"', '"form" ') };
    const en = sv.render({ sealed: s }, { lang: 'en' });
    return { changed: sv.render(changed), en: en.ok && en.html };
  }, [sealed]);
  assert.equal(r.changed.ok, false);
  assert.equal(r.changed.html, null);
  assert.equal(r.changed.diagnostics[0].code, 'verify.digest');
  assert.ok(r.en.includes('lang="en"') && r.en.includes('Page ') && r.en.includes('Off-label or off-licence'));
});

test("the demo guard's sealed view offers the printable application", async () => {
  const { page } = h;
  await page.goto(h.server.url + '/hb-exception-single.html');
  await page.waitForSelector('form[data-skjemavakt="ready"]');
  const doc = DATA('hb-exception-single');
  doc.application.health_trust = 'HBE'; // the demo's select gives the trust's code
  await page.evaluate((d) => {
    window.skjemavaktGuard.fill(d);
    document.querySelector('form[data-skjemavakt]').requestSubmit();
  }, doc);
  await page.waitForSelector('a.sv-printable', { timeout: 10000 });
  const a = await page.$eval('a.sv-printable', (x) => ({ href: x.href, download: x.download, text: x.textContent }));
  const sha = await page.textContent('[data-sv-sealed] code');
  assert.match(a.href, /^blob:/);
  assert.equal(a.download, `soknad-${sha.slice(0, 12)}.html`);
  assert.match(a.text, /utskrift/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.sv-printable')]);
  assert.equal(download.suggestedFilename(), a.download);
  const html = readFileSync(await download.path(), 'utf8');
  assert.ok(html.startsWith('<!DOCTYPE html>') && html.includes(`SHA-256 ${sha}`));
});
