// Page tests for the drop-in guard on a hospital's own page (issue 18): www/sykehus-tilgang.html
// has its own input names, option values (K/M, kurativ, avtale/maks), label-wrapped radios, a
// hidden CSRF token, an internal case-number block under data-sv-ignore, part 1 outside the
// form, a literature table and its own layout and CSS; it is guarded with the documented
// options only (www/sykehus-tilgang.js). Each test names the point of the issue it covers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import { launch, foreignRequests, SCREENSHOTS } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const VALID = JSON.parse(readFileSync(new URL('../data/tilgang-del2-valid.json', import.meta.url), 'utf8'));
const PAGE = '/sykehus-tilgang.html';
const SOURCE = readFileSync(new URL('../../www/sykehus-tilgang.html', import.meta.url), 'utf8');
// The guard's entry and its modules (www/guard/), its public methods last (view.js).
const GUARD_SOURCE = ['skjemavakt-guard.js', 'guard/core.js', 'guard/util.js', 'guard/texts.js', 'guard/guard.js', 'guard/view.js']
  .map((f) => readFileSync(new URL(`../../www/${f}`, import.meta.url), 'utf8')).join('\n');
const PATIENT = { name: 'Kari Nordmann', id: '14037410021' };

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const url = (p) => h.server.url + p;

/** Requests to the forms' action (any method) or other than GET/HEAD since `from`. */
function sent(from) {
  return h.server.requests.slice(from).filter((r) => r.url.split('?')[0] === '/mottak' || !['GET', 'HEAD'].includes(r.method));
}

/** A page of its own (for routes that make a file fail or load slowly). */
async function freshPage() {
  const context = await h.browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  const seen = { pageErrors: [], warnings: [] };
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'warning') seen.warnings.push(m.text());
  });
  return { page, seen, close: () => context.close() };
}

async function openHospital(page = h.page) {
  await page.goto(url(PAGE));
  await page.waitForSelector('body[data-skjemavakt="ready"]', { timeout: 15000 });
}

/** What a physician types into the hospital's page for the valid application, by input name. */
async function hospitalValues(page) {
  const { names, values } = await page.evaluate(() => ({ names: window.skjemavaktGuard.opts.names, values: window.skjemavaktGuard.opts.values }));
  const get = (p) => p.split('/').slice(1).reduce((v, k) => v?.[k], VALID);
  const out = { del1_navn: PATIENT.name, del1_fnr: PATIENT.id };
  for (const [name, ptr] of Object.entries(names)) {
    if (name.startsWith('del1_')) continue;
    let v = get(ptr);
    if (v === undefined) continue;
    const back = values[ptr] && Object.entries(values[ptr]).find(([, x]) => x === v);
    if (back) v = back[0];
    out[name] = v;
  }
  return out;
}

async function fillHospital(page, vals) {
  for (const [name, v] of Object.entries(vals)) {
    const sel = `[name="${name}"]`;
    const el = await page.$(sel);
    if (!el) continue;
    const type = await el.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
    if (type === 'checkbox') await page.setChecked(sel, Boolean(v));
    else if (type === 'radio') await page.check(`${sel}[value="${v}"]`);
    else if (type === 'select') await page.selectOption(sel, String(v));
    else await page.fill(sel, String(v));
  }
}

const HV = new HtmlValidate({ extends: ['html-validate:standard', 'html-validate:a11y'] });
async function htmlProblems(page) {
  const r = await HV.validateString(await page.content());
  return r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message} (${m.selector})`));
}

async function summaryTexts(page) {
  return page.$$eval('.sv-error-summary li', (l) => l.map((x) => x.textContent));
}

// ---- point 1: fail closed ----

test('1: when the guard script itself is missing (404), the page pattern alone keeps the form unsent', async () => {
  const { page, close } = await freshPage();
  try {
    await page.route('**/skjemavakt-guard.js', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    const from = h.server.requests.length;
    await page.goto(url(PAGE));
    await page.waitForTimeout(500);
    assert.equal(await page.getAttribute('form', 'data-skjemavakt'), '', 'nothing of the guard ran');
    assert.equal(await page.isDisabled('button[type=submit]'), true);
    await page.fill('[name="sykehistorie"]', 'Kari Nordmann, fnr 140374 10021, ble henvist.');
    await page.fill('[name="diagnose"]', 'Lungekreft');
    await page.press('[name="diagnose"]', 'Enter');
    await page.click('button[type=submit]', { force: true, timeout: 2000 }).catch(() => {});
    await page.waitForTimeout(500);
    assert.deepEqual(sent(from), []);
    assert.equal(page.url(), url(PAGE));
    // Control (the test can fail): without `disabled` on the button, Enter posts the form —
    // and the server refuses it, since it is not sealed.
    await page.evaluate(() => { document.querySelector('button[type=submit]').disabled = false; });
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/mottak')), page.press('[name="diagnose"]', 'Enter')]);
    assert.equal(res.status(), 403);
    assert.equal(sent(from).length, 1);
    assert.match(h.server.received.at(-1).type, /x-www-form-urlencoded/);
  } finally {
    await close();
  }
});

for (const missing of ['pkg/skjemavakt_bg.wasm', 'pkg/skjemavakt.js']) {
  test(`1: when ${missing} cannot be loaded (404), the form stays blocked and says why`, async () => {
    const { page, close } = await freshPage();
    try {
      await page.route('**/' + missing, (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
      const from = h.server.requests.length;
      await page.goto(url(PAGE));
      await page.waitForSelector('form[data-skjemavakt="failed"]', { timeout: 10000 });
      assert.match(await page.textContent('.sv-status'), /kunne ikke lastes/);
      assert.equal(await page.getAttribute('.sv-status', 'role'), 'alert');
      assert.equal(await page.isDisabled('button[type=submit]'), true);
      await page.fill('[name="sykehistorie"]', 'Kari Nordmann, fnr 140374 10021, ble henvist.');
      await page.press('[name="diagnose"]', 'Enter');
      await page.click('button[type=submit]', { force: true, timeout: 2000 }).catch(() => {});
      // A script of the page's own that asks for a submit is blocked too.
      await page.evaluate(() => document.getElementById('tilgang').requestSubmit());
      await page.waitForTimeout(500);
      assert.deepEqual(sent(from), []);
      assert.equal(page.url(), url(PAGE));
    } finally {
      await close();
    }
  });
}

test('1: while the wasm loads slowly, "Kontrollen lastes …" shows and submit and Enter send nothing', async () => {
  const { page, close } = await freshPage();
  try {
    await page.route('**/pkg/skjemavakt_bg.wasm', async (r) => {
      await new Promise((ok) => setTimeout(ok, 2500));
      await r.continue();
    });
    const from = h.server.requests.length;
    await page.goto(url(PAGE));
    await page.waitForSelector('form[data-skjemavakt="loading"]');
    assert.equal(await page.textContent('.sv-status'), 'Kontrollen lastes …');
    assert.equal(await page.isVisible('.sv-status'), true);
    assert.equal(await page.isDisabled('button[type=submit]'), true);
    await page.fill('[name="del1_navn"]', PATIENT.name);
    await page.fill('[name="sykehistorie"]', 'Kari Nordmann, fnr 140374 10021, ble henvist.');
    await page.press('[name="diagnose"]', 'Enter');
    await page.evaluate(() => document.getElementById('tilgang').requestSubmit());
    assert.equal(await page.getAttribute('form', 'data-skjemavakt'), 'loading', 'still loading when submitted');
    await page.waitForSelector('form[data-skjemavakt="ready"]', { timeout: 15000 });
    assert.equal(await page.isDisabled('button[type=submit]'), false);
    assert.equal(await page.isVisible('.sv-status'), false);
    // Ready: a submit runs the guard, which refuses the identifiers instead of sending.
    await page.click('button[type=submit]');
    await page.waitForSelector('.sv-error-summary li[data-code="privacy.national_id"]');
    await page.waitForTimeout(300);
    assert.deepEqual(sent(from), []);
  } finally {
    await close();
  }
});

test('1: the guard blocks native submission from the moment its script is evaluated, before attach()', async () => {
  const { page, close } = await freshPage();
  try {
    await page.route('**/sykehus-tilgang.js', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    const from = h.server.requests.length;
    await page.goto(url(PAGE));
    await page.evaluate(async () => {
      await import('./skjemavakt-guard.js'); // evaluated, never attached
      document.querySelector('button[type=submit]').disabled = false;
    });
    await page.fill('[name="diagnose"]', 'Lungekreft');
    await page.press('[name="diagnose"]', 'Enter');
    await page.click('button[type=submit]');
    await page.waitForTimeout(500);
    assert.deepEqual(sent(from), []);
    assert.equal(page.url(), url(PAGE));
  } finally {
    await close();
  }
});

// ---- the whole page ----

test('the hospital page seals a complete application, and its server accepts it after its own check', async () => {
  const { page } = h;
  await openHospital();
  assert.deepEqual(await page.evaluate(() => window.skjemavaktGuard.warnings), [], 'the page is set up right');
  await fillHospital(page, await hospitalValues(page));
  const from = h.server.requests.length;
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-received="yes"]', { timeout: 15000 });
  const posts = sent(from);
  assert.deepEqual(posts.map((r) => `${r.method} ${r.url}`), ['POST /mottak']);
  const { sealed } = JSON.parse(h.server.received.at(-1).body);
  assert.equal(createHash('sha256').update(sealed.canonical, 'utf8').digest('hex'), sealed.sha256);
  assert.equal(await page.textContent('[data-sv-sealed] code'), sealed.sha256);
  const doc = JSON.parse(sealed.canonical);
  // Point 5: the page's values arrive as the form's; transform added the trust.
  assert.equal(doc.patient.legal_sex, 'female');
  assert.equal(doc.treatment.goal, 'life_prolonging');
  assert.equal(doc.costs.price_basis, 'maximum');
  assert.equal(doc.application.health_trust, 'HBE');
  // Point 2: nothing of the CSRF token, the internal block, the receipt option or part 1.
  for (const s of ['c2tqZW1hdmFrdC1kZW1vLXRva2Vu', '2025/04711', 'kvittering', 'saksnr', '_csrf', 'Nordmann', PATIENT.id]) {
    assert.ok(!sealed.canonical.includes(s), s);
  }
  assert.deepEqual(Object.keys(doc).sort(), Object.keys(VALID).sort());
  assert.deepEqual(foreignRequests(h.seen, h.server), []);
  await page.screenshot({ path: SCREENSHOTS + 'sykehus-sealed.png', fullPage: true });
});

// ---- issue 19, point 3: keeping a false alarm ----

/** RFC 8785 canonical JSON of JSON data (members by UTF-16 code units, JS's own string order). */
function jcs(v) {
  if (Array.isArray(v)) return `[${v.map(jcs).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${jcs(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

test('issue 19: "Behold" keeps a false alarm with a reason, "Angre" takes it back, and the sealed package lists it', async () => {
  const { page } = h;
  await openHospital();
  await fillHospital(page, await hospitalValues(page));
  const history = 'Behandlet for Hodgkins lymfom etter Ann Arbor stadium IV. Vurdert av overlege Per Hansen på Haukeland.';
  await page.fill('[name="sykehistorie"]', history);
  await page.fill('[name="funksjon"]', 'Kari Nordmann klarer seg selv, kari.nordmann@example.no.');
  await page.evaluate(() => window.skjemavaktGuard.check());
  const panel = '.sv-findings[data-path="/patient/medical_history"]';
  // Both names in the history may be kept; the patient's own name and an e-mail address never.
  assert.deepEqual(await page.$$eval(`${panel} li`, (l) => l.map((x) => [x.dataset.kind, Boolean(x.querySelector('.sv-keep'))])), [['name', true], ['name', true]]);
  assert.deepEqual(await page.$$eval('.sv-findings[data-path="/patient/function_level"] li', (l) => l.map((x) => [x.dataset.kind, Boolean(x.querySelector('.sv-keep'))])), [['name', false], ['email', false]]);
  // "Behold" opens the reasons, in the library's words (not a copy in the guard).
  const perHansen = 'button[aria-label="Behold navn i Sykehistorikk, tegn 79–88: ikke en personopplysning"]';
  await page.click(perHansen);
  assert.equal(await page.getAttribute(perHansen, 'aria-expanded'), 'true');
  const reasons = await page.$$eval(`${panel} .sv-keep-choice label`, (l) => l.map((x) => x.textContent));
  const rust = await page.evaluate(async () => (await import('./pkg/skjemavakt.js')).keepReasons({ lang: 'nb' }).map((r) => r.label));
  assert.deepEqual(reasons.slice(0, 5), rust);
  for (const t of rust) assert.ok(!GUARD_SOURCE.includes(t), `no copy of ${t} in the guard`);
  await page.check(`${panel} .sv-keep-choice input[value="clinician_or_author"]`);
  await page.click(`${panel} .sv-keep-confirm`);
  await page.waitForSelector(`${panel} .sv-kept li[data-reason="clinician_or_author"]`);
  await page.waitForFunction(() => document.querySelector('.sv-live')?.textContent === 'Beholdt navn i Sykehistorikk. Komitéen ser begrunnelsen.');
  assert.deepEqual(await page.$$eval(`${panel} > ul:not(.sv-kept) li`, (l) => l.length), 1, 'Ann Arbor still blocks');
  // "other" needs words of one's own, and they are scanned: the patient's name in them is refused.
  const annArbor = 'button[aria-label="Behold navn i Sykehistorikk, tegn 37–45: ikke en personopplysning"]';
  await page.click(annArbor);
  await page.check(`${panel} .sv-keep-choice input[value="other"]`);
  const words = `${panel} .sv-keep-choice input[type=text]`;
  await page.fill(words, 'Stadieinndeling, som hos Kari Nordmann');
  await page.click(`${panel} .sv-keep-confirm`);
  assert.equal(await page.getAttribute(words, 'aria-invalid'), 'true');
  assert.equal(await page.$$eval(`${panel} .sv-kept li`, (l) => l.length), 1);
  await page.fill(words, 'Stadieinndeling for lymfom, ikke en person.');
  await page.click(`${panel} .sv-keep-confirm`);
  await page.waitForSelector(`${panel} .sv-kept li[data-reason="other"]`);
  let r = await page.evaluate(() => window.skjemavaktGuard.check());
  assert.deepEqual(r.kept.map((k) => [k.path, k.kind, k.span.utf16Start, k.reason]), [
    ['/patient/medical_history', 'name', 36, 'other'],
    ['/patient/medical_history', 'name', 78, 'clinician_or_author'],
  ]);
  assert.ok(r.findings.every((f) => f.path === '/patient/function_level'));
  // "Angre" takes a keep back: the finding blocks again; kept again for the seal.
  await page.click('button[aria-label="Angre «behold» for navn i Sykehistorikk, tegn 79–88"]');
  await page.waitForSelector(perHansen);
  await page.waitForFunction(() => document.querySelector('.sv-live')?.textContent === 'Navn i Sykehistorikk er ikke lenger beholdt.');
  r = await page.evaluate(() => window.skjemavaktGuard.check());
  assert.equal(r.kept.length, 1);
  assert.ok(r.findings.some((f) => f.path === '/patient/medical_history' && f.span.utf16Start === 78));
  await page.click(perHansen);
  await page.check(`${panel} .sv-keep-choice input[value="clinician_or_author"]`);
  await page.click(`${panel} .sv-keep-confirm`);
  await page.waitForSelector(`${panel} .sv-kept li[data-reason="clinician_or_author"]`);
  // A keep moves with its text when "Fjern" replaces a finding before it in the same field.
  await page.fill('[name="funksjon"]', 'Klarer seg selv.');
  await page.fill('[name="dosering"]', `${VALID.treatment.dosage} Kari Nordmann. Avtalt med overlege Per Hansen.`);
  await page.evaluate(() => window.skjemavaktGuard.check());
  const dose = '.sv-findings[data-path="/treatment/dosage"]';
  const perInDose = await page.$eval(`${dose} li:last-child .sv-keep`, (b) => b.getAttribute('aria-label'));
  await page.click(`${dose} li:last-child .sv-keep`);
  await page.check(`${dose} .sv-keep-choice input[value="clinician_or_author"]`);
  await page.click(`${dose} .sv-keep-confirm`);
  await page.waitForSelector(`${dose} .sv-kept li`);
  await page.click(`${dose} li .sv-remove`);
  await page.waitForFunction((d) => !document.querySelector(`${d} > ul:not(.sv-kept) li`), dose);
  r = await page.evaluate(() => window.skjemavaktGuard.check());
  assert.equal(r.kept.filter((k) => k.path === '/treatment/dosage').length, 1, `${perInDose} still kept after Fjern`);
  assert.ok((await page.inputValue('[name="dosering"]')).includes('[NAVN]. Avtalt med overlege Per Hansen.'));
  assert.equal(r.findings.length, 0);
  // Sealed: the package lists every kept finding (path, kind, span, reason; the words for
  // "other"), inside its digest; the hospital's server accepts it after its own check.
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-received="yes"]', { timeout: 15000 });
  const { sealed } = JSON.parse(h.server.received.at(-1).body);
  assert.deepEqual(sealed.kept.map((k) => [k.path, k.kind, k.reason, Object.keys(k).sort().join()]), [
    ['/patient/medical_history', 'name', 'other', 'kind,path,reason,span,text'],
    ['/patient/medical_history', 'name', 'clinician_or_author', 'kind,path,reason,span'],
    ['/treatment/dosage', 'name', 'clinician_or_author', 'kind,path,reason,span'],
  ]);
  assert.equal(sealed.kept[0].text, 'Stadieinndeling for lymfom, ikke en person.');
  assert.notEqual(createHash('sha256').update(sealed.canonical, 'utf8').digest('hex'), sealed.sha256);
  assert.equal(createHash('sha256').update(sealed.canonical + '\n' + jcs(sealed.kept), 'utf8').digest('hex'), sealed.sha256);
  const doc = JSON.parse(sealed.canonical);
  assert.equal(doc.patient.medical_history, history);
  const k = sealed.kept[1];
  assert.equal(Buffer.from(doc.patient.medical_history).subarray(k.span.start, k.span.end).toString(), 'Per Hansen');
  // Never the value, nor a hash of it, in the list.
  const list = JSON.stringify(sealed.kept);
  for (const v of ['Per Hansen', 'Ann Arbor ', createHash('sha256').update('Per Hansen').digest('hex')]) assert.ok(!list.includes(v), v);
  assert.match(await page.textContent('[data-sv-sealed] .sv-sealed-kept'), /^3 funn er beholdt/);
  await page.screenshot({ path: SCREENSHOTS + 'sykehus-kept.png', fullPage: true });
});

// ---- point 2: only the form's own fields ----

test('2: hidden, ignored and internal inputs are never part of the document; attach warns about fields no input gives and names that point nowhere', async () => {
  const { page, close, seen } = await freshPage();
  try {
    await openHospital(page);
    assert.deepEqual(seen.warnings, []);
    await page.fill('[name="saksbeh"]', 'Per Hansen');
    await page.check('[name="kvittering"]');
    const r = await page.evaluate(() => ({ doc: window.skjemavaktGuard.document(), check: window.skjemavaktGuard.check() }));
    const json = JSON.stringify(r.doc);
    for (const s of ['c2tqZW1h', '2025/04711', 'Per Hansen', 'kvittering', 'csrf']) assert.ok(!json.includes(s), s);
    assert.ok(!r.check.diagnostics.some((d) => d.code === 'form.unknown_field'), 'no unknown field');

    // The same page with the diagnosis input gone, a stale names entry and a value that means nothing.
    const w = await page.evaluate(async () => {
      const { attach } = await import('./skjemavakt-guard.js');
      const old = window.skjemavaktGuard;
      old.detach();
      document.querySelector('[name="diagnose"]').closest('.felt').remove();
      const g = await attach(old.form, {
        ...old.opts,
        names: { ...old.opts.names, gammel_diagnose: '/patient/diagnosis' },
        values: { ...old.opts.values, '/patient/legal_sex': { K: 'female', M: 'male', U: 'unknown' } },
      });
      window.skjemavaktGuard = g;
      return g.warnings;
    });
    const codes = w.map((x) => `${x.code} ${x.path || x.name}`);
    assert.ok(codes.includes('field-missing /patient/diagnosis'), codes.join('\n'));
    assert.ok(codes.includes('name-unused gammel_diagnose'), codes.join('\n'));
    assert.ok(codes.includes('values-target /patient/legal_sex'), codes.join('\n'));
    assert.equal(seen.warnings.filter((m) => m.startsWith('skjemavakt: ')).length, w.length);
    // The missing field's error names it and links nowhere.
    await page.click('button[type=submit]');
    const li = await page.$('.sv-error-summary li[data-path="/patient/diagnosis"]');
    assert.ok(li, 'the missing field is in the summary');
    assert.equal(await li.$('a'), null);
    assert.match(await li.textContent(), /«Diagnose det søkes behandling for»/);
    for (const href of await page.$$eval('.sv-error-summary a', (as) => as.map((a) => a.getAttribute('href')))) {
      assert.ok(await page.$(href), `${href} exists`);
    }
    // An `ignore` predicate: the NPR-ID input is left out.
    await page.fill('[name="npr"]', 'HBE-4f1c2a9e-77b0');
    const npr = await page.evaluate(async () => {
      const { attach } = await import('./skjemavakt-guard.js');
      const old = window.skjemavaktGuard;
      old.detach();
      const g = await attach(old.form, { ...old.opts, ignore: (el) => el.name === 'npr' || el.name === 'kvittering' });
      return g.document().patient?.npr_id ?? null;
    });
    assert.equal(npr, null);
  } finally {
    await close();
  }
});

// ---- point 3: placement and valid HTML ----

test('3: messages never go inside a <label>; a radio group\'s after its legend; the error style on the field\'s own wrapper; valid HTML', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist, tlf 912 34 567.');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-findings');
  assert.equal(await page.$$eval('label .sv-error-message, label .sv-findings, label .sv-status, label p, label div', (x) => x.length), 0);
  // The radio group: the message right after its legend; the radios keep their names.
  const afterLegend = await page.$eval('input[name="pas_kjonn"]', (r) => r.closest('fieldset').querySelector(':scope > legend').nextElementSibling.className);
  assert.match(afterLegend, /sv-error-message/);
  assert.equal(await page.getByRole('radio', { name: 'Kvinne', exact: true }).count(), 1);
  await page.click('fieldset.radiogruppe:has([name="pas_kjonn"]) .sv-error-message');
  assert.equal(await page.isChecked('[name="pas_kjonn"][value="K"]'), false, 'clicking the message ticks nothing');
  // The error style on the field's own wrapper, never the section.
  assert.equal(await page.$eval('[name="diagnose"]', (e) => e.closest('.felt').classList.contains('sv-form-group-error')), true);
  // …and shows there, also on the page's own `fieldset.felt { border: 0 }`.
  assert.deepEqual(await page.$$eval('[name="diagnose"], [name="pas_kjonn"]', (els) => els.map((e) => getComputedStyle(e.closest('.felt')).borderLeftWidth)), ['5px', '5px', '5px']);
  assert.equal(await page.$$eval('.seksjon.sv-form-group-error, .underseksjon.sv-form-group-error', (x) => x.length), 0);
  // A checkbox row keeps its box and label side by side, the message above them.
  const row = await page.$eval('[name="samtykke"]', (c) => {
    const box = c.getBoundingClientRect();
    const label = c.labels[0].getBoundingClientRect();
    const msg = c.closest('.felt').querySelector('.sv-error-message').getBoundingClientRect();
    return { same: Math.abs((box.top + box.bottom) / 2 - (label.top + label.bottom) / 2) < box.height, above: msg.bottom <= box.top + 1 };
  });
  assert.deepEqual(row, { same: true, above: true });
  assert.deepEqual(await htmlProblems(page), []);
  await page.screenshot({ path: SCREENSHOTS + 'sykehus-errors.png', fullPage: true });
});

test('3: every demo page is valid HTML with errors and findings showing', async () => {
  const { page } = h;
  for (const p of ['index.html', 'tilgang-del1.html', 'tilgang-del2.html', 'hb-exception-single.html', 'sykehus-tilgang.html']) {
    await page.goto(url('/' + p));
    await page.waitForSelector('body[data-skjemavakt="ready"]');
    if (p !== 'index.html') {
      const field = (await page.$('form textarea')) ? 'form textarea >> nth=0' : 'form input[type=text] >> nth=0';
      await page.fill(field, 'Kari Nordmann, tlf 912 34 567, bor i Storgata 5.');
      await page.click('form button[type=submit]');
      await page.waitForSelector('.sv-error-summary:not([hidden])');
      if (p !== 'tilgang-del1.html') await page.waitForSelector('.sv-findings'); // part 1 stays in the record: not scanned
    }
    assert.deepEqual(await htmlProblems(page), [], p);
  }
});

test('3: a page with its own message component uses render; data-sv-group marks a wrapper without the group option', async () => {
  const { page } = h;
  await openHospital();
  await page.evaluate(async () => {
    const { attach } = await import('./skjemavakt-guard.js');
    const old = window.skjemavaktGuard;
    old.detach();
    window.renders = [];
    window.skjemavaktGuard = await attach(old.form, {
      ...old.opts,
      render: ({ group, path, message, lang }) => {
        window.renders.push([path, message === null ? null : lang]);
        if (!group) return;
        let n = group.querySelector(':scope > .hf-feil');
        if (message === null) return n?.remove();
        if (!n) {
          n = document.createElement('p');
          n.className = 'hf-feil';
          group.append(n);
        }
        n.textContent = message;
      },
    });
  });
  await page.click('button[type=submit]');
  assert.equal(await page.$$eval('.sv-error-message', (x) => x.length), 0);
  assert.ok(await page.$$eval('.hf-feil', (x) => x.length) > 10);
  assert.equal(await page.getAttribute('[name="diagnose"]', 'aria-invalid'), 'true');
  await page.fill('[name="diagnose"]', 'Lungekreft');
  await page.evaluate(() => window.skjemavaktGuard.check());
  assert.equal(await page.$eval('[name="diagnose"]', (e) => e.closest('.felt').querySelector('.hf-feil')), null, 'render(null) cleared it');
  assert.equal(await page.getAttribute('[name="diagnose"]', 'aria-invalid'), null);
  assert.deepEqual(await htmlProblems(page), []);

  // data-sv-group: the wrapper the page marks, and no other.
  await page.evaluate(async () => {
    const { attach } = await import('./skjemavakt-guard.js');
    const old = window.skjemavaktGuard;
    old.detach();
    document.querySelector('[name="funksjon"]').closest('.felt').setAttribute('data-sv-group', '');
    const { group, render, ...opts } = old.opts;
    window.skjemavaktGuard = await attach(old.form, opts);
  });
  await page.click('button[type=submit]');
  assert.equal(await page.$eval('[name="funksjon"]', (e) => e.closest('[data-sv-group]').classList.contains('sv-form-group-error')), true);
  assert.equal(await page.$$eval('.sv-form-group-error', (x) => x.length), 1);
});

// ---- point 4: never a stale seal ----

test('4: any change after sealing clears the sealed view at once and fires skjemavakt:unsealed', async () => {
  const { page } = h;
  await openHospital();
  await fillHospital(page, await hospitalValues(page));
  await page.evaluate(() => {
    window.unsealed = 0;
    document.getElementById('tilgang').addEventListener('skjemavakt:unsealed', () => { window.unsealed += 1; });
  });
  await page.click('button[type=submit]');
  await page.waitForSelector('body[data-received="yes"]');
  const first = await page.textContent('[data-sv-sealed] code');
  await page.type('[name="diagnose"]', '.');
  // At once, not after the typing pause.
  assert.equal(await page.$('[data-sv-sealed] code'), null);
  assert.equal(await page.evaluate(() => window.unsealed), 1);
  assert.equal(await page.textContent('#kvittering'), '');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-sv-sealed] code');
  assert.notEqual(await page.textContent('[data-sv-sealed] code'), first);
  // Part 1 is outside the form; a change there unseals too.
  await page.type('[name="del1_navn"]', ' ');
  assert.equal(await page.$('[data-sv-sealed] code'), null);
  assert.equal(await page.evaluate(() => window.unsealed), 2);
  // A reset changes every field without an input event.
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-sv-sealed] code');
  await page.evaluate(() => document.getElementById('tilgang').reset());
  assert.equal(await page.$('[data-sv-sealed] code'), null);
  assert.equal(await page.evaluate(() => window.unsealed), 3);
  await page.evaluate(() => window.skjemavaktGuard.check());
  assert.equal(await page.evaluate(() => window.skjemavaktGuard.document().patient), undefined, 'read again after the reset');
});

// ---- point 5: option values ----

test('5: the page\'s own option values map both ways (document() and fill())', async () => {
  const { page } = h;
  await openHospital();
  await fillHospital(page, await hospitalValues(page));
  const doc = await page.evaluate(() => window.skjemavaktGuard.document());
  assert.equal(doc.patient.legal_sex, 'female');
  assert.equal(doc.treatment.goal, 'life_prolonging');
  assert.equal(doc.costs.price_basis, 'maximum');
  // Back: the form emptied, then filled from a document.
  const other = structuredClone(doc);
  other.patient.legal_sex = 'male';
  other.treatment.goal = 'curative';
  other.costs.price_basis = 'agreement';
  const again = await page.evaluate((d) => {
    const g = window.skjemavaktGuard;
    g.form.reset();
    g.fill(d);
    return g.document();
  }, other);
  assert.equal(await page.isChecked('[name="pas_kjonn"][value="M"]'), true);
  assert.equal(await page.inputValue('[name="maal"]'), 'kurativ');
  assert.equal(await page.isChecked('[name="prisgrunnlag"][value="avtale"]'), true);
  assert.deepEqual(again, other);
});

// ---- point 6: the summary in the page's words and order ----

test('6: the summary uses the page\'s labels, in the page\'s order, tells fields with one label apart, and quotes nothing but labels', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  await page.fill('[name="del1_fnr"]', PATIENT.id);
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist (140374 10021).');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-error-summary li');
  const texts = await summaryTexts(page);
  const all = texts.join('\n');
  assert.ok(texts.includes('«Diagnose» må fylles ut før godkjenning.'), all);
  assert.ok(!all.includes('Diagnose det søkes behandling for'), 'not the library\'s label');
  for (const t of ['Linjeleder: «Navn»', 'Fagdirektør: «Navn»', 'Linjeleder: «Begrunnelse»', 'Fagdirektør: «Begrunnelse»']) {
    assert.ok(texts.some((x) => x.startsWith(t)), `${t} in\n${all}`);
  }
  assert.ok(texts.includes('Navn i «Sykehistorikk», tegn 1–13'), all);
  assert.ok(texts.includes('Fødselsnummer i «Sykehistorikk», tegn 28–39'), all);
  assert.ok(!/Nordmann|10021|140374/.test(all), 'no value quoted');
  // In the page's order: each link's field comes after the one before.
  const inOrder = await page.$$eval('.sv-error-summary li a', (as) => as.map((a) => document.querySelector(a.getAttribute('href')))
    .every((el, i, els) => i === 0 || els[i - 1] === el || Boolean(els[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.equal(inOrder, true);
});

// ---- point 7: documented ----

test('7: every option, method, event, attribute and CSS hook of the guard is in the README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Embedding the guard');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  assert.ok(start > 0 && section.length > 1000);
  const css = readFileSync(new URL('../../www/skjemavakt-guard.css', import.meta.url), 'utf8');
  const want = new Set();
  for (const m of GUARD_SOURCE.matchAll(/this\.opts\.([a-zA-Z0-9]+)/g)) want.add(m[1]);
  for (const m of GUARD_SOURCE.matchAll(/'(skjemavakt:[a-z]+)'/g)) want.add(m[1]);
  for (const m of GUARD_SOURCE.matchAll(/(data-sv-[a-z-]+|data-skjemavakt)/g)) want.add(m[1]);
  for (const m of (css + GUARD_SOURCE).matchAll(/(?:^|[\s.'"`])(sv-[a-z_-]*[a-z])(?![\w-])/gm)) want.add('.' + m[1]);
  const pub = GUARD_SOURCE.indexOf('// ---- public methods ----');
  const cls = GUARD_SOURCE.slice(pub, GUARD_SOURCE.indexOf('\n};\n', pub));
  for (const m of cls.matchAll(/^ {2}([a-zA-Z]+)\(/gm)) want.add(m[1] + '()');
  for (const x of ['document()', 'part1()', 'warnings', 'calls', 'attach(', 'load(', 'pointerOf(']) want.add(x);
  const missing = [...want].filter((w) => !section.includes(w.startsWith('.') ? w.slice(1) : w));
  assert.deepEqual(missing, []);
  assert.match(section, /default[^.]*`submission`/i, 'the default stage and why');
});

// ---- point 8: rescan only what changed ----

test('8: a keystroke validates the document and scans only the field that changed; a submit is one call', async () => {
  const { page } = h;
  await openHospital();
  await fillHospital(page, await hospitalValues(page));
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist.');
  await page.fill('[name="funksjon"]', 'Ring datteren på 912 34 567.');
  await page.evaluate(() => window.skjemavaktGuard.check());
  const calls = () => page.evaluate(() => ({ ...window.skjemavaktGuard.calls }));
  const delta = (a, b) => Object.fromEntries(Object.keys({ ...a, ...b }).map((k) => [k, (b[k] || 0) - (a[k] || 0)]).filter(([, v]) => v));
  let a = await calls();
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-error-summary li[data-code="privacy.phone"]');
  let b = await calls();
  assert.deepEqual(delta(a, b), { checkSubmission: 1 });
  // Mark the other field's findings to see that they are kept, not redrawn.
  await page.evaluate(() => { document.querySelector('.sv-findings[data-path="/patient/function_level"]').dataset.mark = 'kept'; });
  // One keystroke, then the update the typing pause would run.
  const keystroke = (name, add) => page.evaluate(([n, t]) => {
    const el = document.querySelector(`[name="${n}"]`);
    el.value += t;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    window.skjemavaktGuard.check();
  }, [name, add]);
  a = await calls();
  await keystroke('sykehistorie', ' Kari har tlf 22 33 44 55.');
  b = await calls();
  assert.deepEqual(delta(a, b), { validate: 1, scanField: 1 });
  assert.equal(await page.getAttribute('.sv-findings[data-path="/patient/function_level"]', 'data-mark'), 'kept');
  const kinds = await page.$$eval('.sv-findings[data-path="/patient/medical_history"] li', (l) => l.map((x) => x.dataset.kind));
  assert.deepEqual(kinds, ['name', 'name', 'phone']);
  // Part 1 changed: everything is scanned again.
  a = await calls();
  await keystroke('del1_navn', 'sen');
  b = await calls();
  assert.deepEqual(delta(a, b), { validate: 1, scan: 1 });
});

// ---- point 9: accessibility ----

test('9: identifier buttons have unique names; "Fjernet" is announced and "Angre" undoes it', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  const history = 'Kari Nordmann ble henvist. Kari har tlf 912 34 567.';
  await page.fill('[name="sykehistorie"]', history);
  await page.fill('[name="funksjon"]', 'Kari Nordmann klarer seg selv.');
  await page.evaluate(() => window.skjemavaktGuard.check());
  const names = await page.$$eval('.sv-findings button', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.equal(new Set(names).size, names.length, names.join('\n'));
  assert.ok(names.includes('Fjern navn i Sykehistorikk, tegn 1–13'), names.join('\n'));
  assert.ok(names.includes('Fjern navn i Funksjonsnivå, tegn 1–13'), names.join('\n'));
  await page.click('button[aria-label="Fjern navn i Sykehistorikk, tegn 1–13"]');
  assert.equal(await page.inputValue('[name="sykehistorie"]'), '[NAVN] ble henvist. Kari har tlf 912 34 567.');
  await page.waitForFunction(() => document.querySelector('.sv-live')?.textContent === 'Fjernet navn i Sykehistorikk.');
  await page.click('button[aria-label="Fjern alle mulige personopplysninger i Sykehistorikk"]');
  assert.equal(await page.inputValue('[name="sykehistorie"]'), '[NAVN] ble henvist. [NAVN] har tlf [TELEFON].');
  assert.match(await page.textContent('.sv-findings[data-path="/patient/medical_history"] .sv-undo'), /3 opplysninger er fjernet/);
  await page.click('button[aria-label="Angre fjerningen i Sykehistorikk"]');
  assert.equal(await page.inputValue('[name="sykehistorie"]'), history);
  await page.waitForFunction(() => document.querySelector('.sv-live')?.textContent.startsWith('Angret.'));
  assert.equal(await page.$$eval('.sv-findings[data-path="/patient/medical_history"] li', (l) => l.length), 3);
  // Sealed is announced too.
  await fillHospital(page, await hospitalValues(page));
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.querySelector('.sv-live')?.textContent === 'Forseglet. Søknaden er kontrollert.');
});

test('9: the summary is built on submit and updated quietly while typing; the guard\'s output carries its language; labels of identifier kinds come from Rust', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist.');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-error-summary li');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('sv-error-summary')), true);
  assert.equal(await page.getAttribute('.sv-error-summary', 'role'), null, 'not an alert: focus reads it once');
  assert.equal(await page.getAttribute('.sv-error-summary', 'aria-live'), null);
  const n = await page.$$eval('.sv-error-summary li', (l) => l.length);
  await page.evaluate(() => { document.querySelector('.sv-error-summary').dataset.mark = 'same'; });
  await page.fill('[name="diagnose"]', 'Lungekreft');
  await page.fill('[name="pas_fodt"]', '14.03.1974');
  await page.evaluate(() => window.skjemavaktGuard.check());
  assert.equal(await page.getAttribute('.sv-error-summary', 'data-mark'), 'same', 'not rebuilt');
  assert.equal(await page.$('.sv-error-summary li[data-path="/patient/diagnosis"]'), null, 'fixed: gone');
  assert.equal(await page.$('.sv-error-summary li[data-code="form.type"]'), null, 'new problems wait for the next submit');
  assert.ok(await page.$('[name="pas_fodt"][aria-invalid="true"]'), 'but show at the field');
  assert.equal(await page.$$eval('.sv-error-summary li', (l) => l.length), n - 2);
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'pas_fodt');
  // Language: the guard's output says which it is in; the page stays Norwegian.
  await page.evaluate(() => window.skjemavaktGuard.setLang('en'));
  assert.equal(await page.getAttribute('html', 'lang'), 'nb');
  for (const sel of ['.sv-error-summary', '.sv-error-message', '.sv-findings', '.sv-live']) {
    assert.equal(await page.getAttribute(sel, 'lang'), 'en', sel);
  }
  const label = await page.textContent('.sv-findings[data-path="/patient/medical_history"] li span');
  const rust = await page.evaluate(async () => (await import('./pkg/skjemavakt.js')).findingKinds({ lang: 'en' }).find((k) => k.kind === 'name').label);
  assert.equal(rust, 'Name');
  assert.ok(label.startsWith(rust + ' ('), label);
  for (const t of ['Mulig fødselsnummer', 'Possible national identity number', 'Mogleg fødselsnummer']) assert.ok(!GUARD_SOURCE.includes(t), `no copy of ${t} in the guard`);
});

test('9: axe-core finds no violations on the hospital page with errors, findings and an undo showing', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist, tlf 912 34 567.');
  await page.fill('[name="funksjon"]', 'Kari klarer seg.');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-findings[data-path="/patient/function_level"]');
  await page.click('.sv-findings[data-path="/patient/function_level"] .sv-remove-all');
  await page.waitForSelector('.sv-undo');
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), []);
  assert.deepEqual(await htmlProblems(page), []);
  await page.screenshot({ path: SCREENSHOTS + 'sykehus-undo.png', fullPage: true });
});

// ---- detach ----

test('7: detach() takes away every listener, message, class and attribute the guard added', async () => {
  const { page } = h;
  await openHospital();
  await page.fill('[name="del1_navn"]', PATIENT.name);
  await page.fill('[name="sykehistorie"]', 'Kari Nordmann ble henvist, tlf 912 34 567.');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sv-findings');
  await page.click('.sv-findings .sv-remove');
  await page.click('.sv-error-summary li a');
  const same = await page.evaluate((src) => {
    window.skjemavaktGuard.detach();
    const orig = new DOMParser().parseFromString(src, 'text/html');
    return ['tilgang', 'del1'].map((id) => document.getElementById(id).outerHTML === orig.getElementById(id).outerHTML);
  }, SOURCE);
  assert.deepEqual(same, [true, true]);
  // No listener left: typing and submitting do nothing, and nothing is sent.
  const from = h.server.requests.length;
  await page.fill('[name="diagnose"]', '');
  await page.press('[name="diagnose"]', 'Enter');
  await page.evaluate(() => document.getElementById('tilgang').requestSubmit());
  await page.waitForTimeout(500);
  assert.equal(await page.$$eval('.sv-error-message, .sv-error-summary, .sv-findings', (x) => x.length), 0);
  assert.deepEqual(sent(from), []);
});
