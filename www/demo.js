// Demo pages: attach the guard to the page's form, wire the language buttons, and show the
// sealed package the page would hand on. A hospital page does the same in its own file.
import { attach } from './skjemavakt-guard.js';

const form = document.getElementById('soknad');
const out = document.getElementById('sealed-json');

// Part 1's box is outside the form (it is never sent); the guard reads it for the cross-checks.
const part1 = document.getElementById('del1-kontroll') || undefined;

form.addEventListener('skjemavakt:unsealed', () => {
  out.textContent = '';
  delete document.body.dataset.sealed;
});

const guard = await attach(form, {
  kind: form.dataset.kind,
  lang: document.documentElement.lang || 'nb',
  part1,
  onSealed: (sealed) => {
    out.textContent = JSON.stringify({ sha256: sealed.sha256, pseudonym: sealed.pseudonym, canonical: JSON.parse(sealed.canonical) }, null, 2);
    document.body.dataset.sealed = sealed.sha256;
  },
  onValid: (doc) => {
    out.textContent = JSON.stringify(doc, null, 2);
    document.body.dataset.valid = 'true';
  },
});
window.skjemavaktGuard = guard;

for (const b of document.querySelectorAll('[data-lang]')) {
  b.setAttribute('aria-pressed', String(b.dataset.lang === guard.lang));
  b.addEventListener('click', () => {
    guard.setLang(b.dataset.lang);
    document.documentElement.lang = b.dataset.lang;
    for (const x of document.querySelectorAll('[data-lang]')) x.setAttribute('aria-pressed', String(x === b));
  });
}
document.body.dataset.skjemavakt = 'ready';
