// Demo pages: attach the guard to the page's form, wire the language buttons, and show the
// sealed package the page would hand on. A hospital page does the same in its own file.
import { attach } from './skjemavakt-guard.js';

const form = document.getElementById('soknad');
const out = document.getElementById('sealed-json');

const part1 = () => {
  const name = document.getElementById('fpart1-name');
  const id = document.getElementById('fpart1-id');
  if (!name && !id) return null;
  const reference = form.querySelector('[name="/reference"]')?.value || undefined;
  return { form: 'tilgang-del1', reference, patient: { name: name?.value || undefined, national_id: id?.value || undefined } };
};

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
