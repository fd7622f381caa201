// The reference-number tool on the start page: builds and checks references through the wasm
// package. All text is set with textContent; no form data leaves the page.
import init, { version, checkReference, buildReference, registry, today } from './pkg/skjemavakt.js';

const $ = (id) => document.getElementById(id);

function showResult(out, result, okText) {
  out.replaceChildren();
  if (result.ok) {
    const p = document.createElement('p');
    p.className = 'ok';
    p.textContent = okText + ' ';
    const code = document.createElement('code');
    code.id = out.id + '-value';
    code.textContent = result.reference;
    p.append(code);
    out.append(p);
  }
  const list = document.createElement('ul');
  for (const d of result.diagnostics) {
    const li = document.createElement('li');
    li.className = d.severity;
    li.dataset.code = d.code;
    li.textContent = d.message + (d.hint ? ' ' + d.hint : '');
    list.append(li);
  }
  if (list.childElementCount) out.append(list);
}

async function main() {
  try {
    await init();
  } catch (e) {
    $('status').textContent = 'Skjemavakt kunne ikke lastes. Kontroller at pkg/ er bygget.';
    $('status').className = 'status error';
    return;
  }
  $('status').textContent = `Skjemavakt ${version()} er lastet og klar.`;
  $('status').className = 'status ready';
  document.body.dataset.skjemavakt = 'ready';

  const hf = $('ref-hf');
  for (const t of registry()) {
    const o = document.createElement('option');
    o.value = t.code;
    o.textContent = `${t.name} (${t.code})`;
    hf.append(o);
  }
  hf.value = 'HBE';
  $('ref-date').value = today();

  $('ref-build').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const r = buildReference({ date: $('ref-date').value, hf: hf.value, dept: $('ref-dept').value });
    showResult($('ref-build-out'), r, 'Referanse:');
  });
  $('ref-check').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const r = checkReference($('ref-text').value);
    showResult($('ref-check-out'), r, 'Gyldig referanse:');
  });
}

main();
