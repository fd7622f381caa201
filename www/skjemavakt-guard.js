// skjemavakt-guard.js — the drop-in script for plain HTML forms.
//
//   <link rel="stylesheet" href="skjemavakt-guard.css">
//   <script type="module">   // (in a file of your own under a strict CSP)
//     import { attach } from './skjemavakt-guard.js';
//     attach(document.querySelector('form'), { kind: 'tilgang-del2', lang: 'nb',
//       onSealed: (sealed) => { /* hand the package to the page's own submit */ } });
//   </script>
//
// The guard maps the form's inputs by `name` (JSON-Pointer-like: "/patient/birth_year" or
// "patient.birth_year"; a `names` option maps other names), validates on submit and as the
// user types, shows the GOV.UK error summary and inline messages, lists the identifiers found
// in each text with "fjern" buttons, shows live costs, and blocks submission until the gate
// passes. All rules live in the wasm module; this file only touches the DOM. All text is set
// with textContent. It makes no request but for its own .wasm file and never sends form data.
import init, * as sv from './pkg/skjemavakt.js';

const UI = {
  nb: {
    summaryTitle: 'Det er problemer i skjemaet',
    errorPrefix: 'Feil:',
    warningPrefix: 'Advarsel:',
    findingsTitle: 'Mulige personopplysninger i teksten',
    remove: 'Fjern',
    removeAll: 'Fjern alle',
    show: 'Vis',
    chars: (s, e) => `tegn ${s + 1}–${e}`,
    costsTitle: 'Kostnader',
    monthly: 'Sum per måned',
    total: 'Totalt over forventet behandlingstid',
    sealed: 'Søknaden er kontrollert og forseglet.',
    digest: 'Kontrollsum (SHA-256)',
    loadError: 'Skjemakontrollen kunne ikke lastes. Skjemaet kan ikke sendes før kontrollen virker.',
    kinds: {
      national_id: 'Fødselsnummer', possible_national_id: 'Mulig fødselsnummer', account: 'Kontonummer',
      email: 'E-postadresse', phone: 'Telefonnummer', birth_date: 'Fødselsdato', record_number: 'Journalnummer',
      address: 'Adresse', ip_address: 'IP-adresse', name: 'Navn',
    },
  },
  nn: {
    summaryTitle: 'Det er problem i skjemaet',
    errorPrefix: 'Feil:',
    warningPrefix: 'Åtvaring:',
    findingsTitle: 'Moglege personopplysningar i teksten',
    remove: 'Fjern',
    removeAll: 'Fjern alle',
    show: 'Vis',
    chars: (s, e) => `teikn ${s + 1}–${e}`,
    costsTitle: 'Kostnader',
    monthly: 'Sum per månad',
    total: 'Totalt over venta behandlingstid',
    sealed: 'Søknaden er kontrollert og forsegla.',
    digest: 'Kontrollsum (SHA-256)',
    loadError: 'Skjemakontrollen kunne ikkje lastast. Skjemaet kan ikkje sendast før kontrollen verkar.',
    kinds: {
      national_id: 'Fødselsnummer', possible_national_id: 'Mogleg fødselsnummer', account: 'Kontonummer',
      email: 'E-postadresse', phone: 'Telefonnummer', birth_date: 'Fødselsdato', record_number: 'Journalnummer',
      address: 'Adresse', ip_address: 'IP-adresse', name: 'Namn',
    },
  },
  en: {
    summaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    warningPrefix: 'Warning:',
    findingsTitle: 'Possible personal data in the text',
    remove: 'Remove',
    removeAll: 'Remove all',
    show: 'Show',
    chars: (s, e) => `characters ${s + 1}–${e}`,
    costsTitle: 'Costs',
    monthly: 'Total per month',
    total: 'Total over the expected duration',
    sealed: 'The application is checked and sealed.',
    digest: 'Digest (SHA-256)',
    loadError: 'The form check could not be loaded. The form cannot be sent until the check works.',
    kinds: {
      national_id: 'National identity number', possible_national_id: 'Possible national identity number',
      account: 'Bank account number', email: 'E-mail address', phone: 'Phone number', birth_date: 'Date of birth',
      record_number: 'Record number', address: 'Address', ip_address: 'IP address', name: 'Name',
    },
  },
};

let ready = null;
/** Loads the wasm module once (optionally from a given module, URL or bytes). */
export function load(wasm) {
  if (!ready) ready = init(wasm === undefined ? undefined : { module_or_path: wasm });
  return ready;
}

/** JSON Pointer of an input name: "/a/b", "a.b", "a[0].b" → "/a/0/b". */
export function pointerOf(name) {
  if (!name) return null;
  if (name.startsWith('/')) return name;
  return '/' + name.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
    .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function segments(pointer) {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function setAt(doc, pointer, value) {
  const segs = segments(pointer);
  let cur = doc;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const key = Array.isArray(cur) ? Number(seg) : seg;
    if (last) {
      cur[key] = value;
    } else {
      if (cur[key] === undefined || cur[key] === null || typeof cur[key] !== 'object') {
        cur[key] = /^\d+$/.test(segs[i + 1]) ? [] : {};
      }
      cur = cur[key];
    }
  });
}

const cssId = (s) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** Drops the holes that blank list rows leave in arrays. */
function compact(v) {
  if (Array.isArray(v)) return v.filter((x) => x !== undefined && x !== null).map(compact);
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) v[k] = compact(v[k]);
  }
  return v;
}

class Guard {
  constructor(form, options) {
    this.form = form;
    this.opts = { stage: 'submission', lang: 'nb', debounce: 300, names: {}, ...options };
    this.lang = this.opts.lang;
    this.touched = new Set();
    this.submitted = false;
    this.timer = null;
    this.lastValidation = null;
    this.lastScan = null;
    this.build();
  }

  get ui() {
    return UI[this.lang] || UI.nb;
  }

  /** The form's fields as [pointer, element] pairs (radio groups once). */
  fields() {
    const seen = new Set();
    const out = [];
    for (const el of this.form.elements) {
      if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button' || el.closest('[data-sv-ignore]')) continue;
      const p = this.opts.names[el.name] || pointerOf(el.name);
      if (!p || (el.type === 'radio' && seen.has(p))) continue;
      seen.add(p);
      out.push([p, el]);
      if (!el.id) el.id = 'sv' + cssId(p);
    }
    return out;
  }

  /** The JSON document the form holds. Blank fields are left out. */
  document() {
    const doc = { form: this.opts.kind };
    for (const [p, el] of this.fields()) {
      let v;
      if (el.type === 'checkbox') {
        v = el.checked;
      } else if (el.type === 'radio') {
        const checked = this.form.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]:checked`);
        if (!checked) continue;
        v = checked.value === 'true' ? true : checked.value === 'false' ? false : checked.value;
      } else if (el.type === 'number') {
        if (el.value.trim() === '') continue;
        v = Number(el.value);
      } else {
        if (el.value.trim() === '') continue;
        v = el.value;
      }
      setAt(doc, p, v);
    }
    return compact(doc);
  }

  part1() {
    const p = this.opts.part1;
    return typeof p === 'function' ? p() : p ?? null;
  }

  options(extra) {
    return { lang: this.lang, config: this.opts.config, ...extra };
  }

  build() {
    const ui = this.ui;
    this.summary = document.createElement('div');
    this.summary.className = 'sv-error-summary';
    this.summary.setAttribute('role', 'alert');
    this.summary.setAttribute('aria-labelledby', 'sv-summary-title-' + cssId(this.opts.kind));
    this.summary.tabIndex = -1;
    this.summary.hidden = true;
    this.form.prepend(this.summary);

    this.costs = this.form.querySelector('[data-sv-costs]');
    this.sealedOut = this.form.querySelector('[data-sv-sealed]');

    this.form.setAttribute('novalidate', '');
    this.form.addEventListener('input', (e) => this.onInput(e));
    this.form.addEventListener('change', (e) => this.onInput(e));
    this.form.addEventListener('submit', (e) => this.onSubmit(e));
    void ui;
  }

  onInput(e) {
    const el = e.target;
    if (el && el.name) this.touched.add(this.opts.names[el.name] || pointerOf(el.name));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(false), this.opts.debounce);
  }

  onSubmit(e) {
    e.preventDefault();
    this.submitted = true;
    this.check(true);
  }

  /** Validates and scans; on submit runs the gate. */
  check(submitting) {
    const doc = this.document();
    const part1 = this.part1();
    const validation = sv.validate(doc, this.options({ stage: this.opts.stage }));
    const scan = sv.scan(doc, part1, this.options());
    this.lastValidation = validation;
    this.lastScan = scan;
    let gate = null;
    const gated = this.opts.gate !== false && this.opts.kind !== 'tilgang-del1';
    if ((submitting || this.submitted) && gated) {
      gate = sv.prepareSubmission(doc, part1, this.options({ pseudonymKey: this.opts.pseudonymKey }));
    }
    this.render(validation, scan, gate, submitting);
    if (submitting && !gated && validation.valid) {
      this.form.dispatchEvent(new CustomEvent('skjemavakt:valid', { detail: doc, bubbles: true }));
      if (typeof this.opts.onValid === 'function') this.opts.onValid(doc);
    }
    if (submitting && gate && gate.ok) {
      this.showSealed(gate.sealed);
      this.form.dispatchEvent(new CustomEvent('skjemavakt:sealed', { detail: gate.sealed, bubbles: true }));
      if (typeof this.opts.onSealed === 'function') this.opts.onSealed(gate.sealed, doc);
    } else if (this.sealedOut && !(gate && gate.ok)) {
      this.sealedOut.replaceChildren();
    }
    return gate;
  }

  elementFor(path) {
    const fields = this.fields();
    const exact = fields.find(([p]) => p === path);
    if (exact) return exact[1];
    const group = this.form.querySelector(`[data-sv-path="${CSS.escape(path)}"]`);
    if (group) return group;
    const child = fields.find(([p]) => p.startsWith(path + '/'));
    if (child) return child[1];
    // Closest ancestor path with a field.
    const segs = path.split('/');
    while (segs.length > 1) {
      segs.pop();
      const g = this.form.querySelector(`[data-sv-path="${CSS.escape(segs.join('/'))}"]`);
      if (g) return g;
    }
    return null;
  }

  clearInline() {
    for (const n of this.form.querySelectorAll('.sv-error-message, .sv-findings')) n.remove();
    for (const n of this.form.querySelectorAll('[aria-invalid="true"]')) {
      n.removeAttribute('aria-invalid');
      const ids = (n.getAttribute('aria-describedby') || '').split(/\s+/).filter((x) => x && !x.startsWith('sv-err-') && !x.startsWith('sv-find-'));
      if (ids.length) n.setAttribute('aria-describedby', ids.join(' '));
      else n.removeAttribute('aria-describedby');
    }
    for (const n of this.form.querySelectorAll('.sv-form-group-error')) n.classList.remove('sv-form-group-error');
  }

  render(validation, scan, gate, submitting) {
    const ui = this.ui;
    const diags = gate ? gate.diagnostics : validation.diagnostics;
    const shown = diags.filter((d) => d.severity !== 'info' && !d.code.startsWith('privacy.'))
      .filter((d) => this.submitted || [...this.touched].some((t) => t === d.path || t.startsWith(d.path + '/')));
    this.clearInline();

    // Inline messages: one per field (the first problem), GOV.UK style.
    const byEl = new Map();
    for (const d of shown) {
      const el = this.elementFor(d.path);
      if (el && !byEl.has(el)) byEl.set(el, d);
    }
    for (const [el, d] of byEl) this.inline(el, d);

    // Identifiers found, per text field, with "fjern" buttons.
    const byPath = new Map();
    for (const f of scan.findings) {
      if (!byPath.has(f.path)) byPath.set(f.path, []);
      byPath.get(f.path).push(f);
    }
    for (const [path, findings] of byPath) {
      const el = this.elementFor(path);
      if (el) this.findingsPanel(el, path, findings);
    }

    // Summary: shown after a submit attempt (and kept up to date while fixing).
    const summaryItems = (this.submitted ? diags.filter((d) => d.severity !== 'info') : []);
    this.summary.replaceChildren();
    if (summaryItems.length) {
      const h = document.createElement('h2');
      h.className = 'sv-error-summary__title';
      h.id = 'sv-summary-title-' + cssId(this.opts.kind);
      h.textContent = ui.summaryTitle;
      const ul = document.createElement('ul');
      ul.className = 'sv-error-summary__list';
      for (const d of summaryItems) {
        const li = document.createElement('li');
        li.dataset.code = d.code;
        li.dataset.severity = d.severity;
        const el = this.elementFor(d.path);
        const text = d.code.startsWith('privacy.') ? `${d.message} (${ui.chars(d.span?.utf16Start ?? 0, d.span?.utf16End ?? 0)})` : d.message;
        if (el) {
          const a = document.createElement('a');
          a.href = '#' + (el.id || '');
          a.textContent = text;
          a.addEventListener('click', (ev) => {
            ev.preventDefault();
            const target = el.matches('input,select,textarea') ? el : el.querySelector('input,select,textarea') || el;
            if (!target.hasAttribute('tabindex') && !target.matches('input,select,textarea,a,button')) target.tabIndex = -1;
            target.focus();
            target.scrollIntoView({ block: 'center' });
          });
          li.append(a);
        } else {
          li.textContent = text;
        }
        ul.append(li);
      }
      this.summary.append(h, ul);
      this.summary.hidden = false;
      if (submitting) this.summary.focus();
    } else {
      this.summary.hidden = true;
    }

    // Live costs.
    if (this.costs) this.renderCosts(validation.costs);
  }

  inline(el, d) {
    const ui = this.ui;
    const id = 'sv-err-' + cssId(el.id || d.path);
    const p = document.createElement('p');
    p.className = 'sv-error-message' + (d.severity === 'warning' ? ' sv-warning-message' : '');
    p.id = id;
    p.dataset.code = d.code;
    const hidden = document.createElement('span');
    hidden.className = 'sv-visually-hidden';
    hidden.textContent = (d.severity === 'warning' ? ui.warningPrefix : ui.errorPrefix) + ' ';
    const hint = d.hint && d.code !== 'form.required' ? ' ' + d.hint : '';
    p.append(hidden, document.createTextNode(d.message + hint));
    const isControl = el.matches('input,select,textarea');
    if (isControl) {
      el.before(p);
      if (d.severity === 'error') el.setAttribute('aria-invalid', 'true');
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      el.setAttribute('aria-describedby', [...ids, id].join(' '));
      el.closest('.sv-form-group, .field, fieldset')?.classList.add('sv-form-group-error');
    } else {
      const legend = el.querySelector(':scope > legend');
      if (legend) legend.after(p);
      else el.prepend(p);
      el.classList.add('sv-form-group-error');
    }
  }

  findingsPanel(el, path, findings) {
    const ui = this.ui;
    const box = document.createElement('div');
    box.className = 'sv-findings';
    box.id = 'sv-find-' + cssId(el.id || path);
    box.dataset.path = path;
    const h = document.createElement('p');
    h.className = 'sv-findings__title';
    h.textContent = ui.findingsTitle;
    const ul = document.createElement('ul');
    for (const f of findings) {
      const li = document.createElement('li');
      li.dataset.kind = f.kind;
      li.dataset.code = f.code;
      const label = document.createElement('span');
      label.textContent = `${ui.kinds[f.kind] || f.kind} (${ui.chars(f.span.utf16Start, f.span.utf16End)}) `;
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'sv-link-button';
      show.textContent = ui.show;
      show.setAttribute('aria-label', `${ui.show}: ${ui.kinds[f.kind] || f.kind}`);
      show.addEventListener('click', () => {
        if (typeof el.setSelectionRange === 'function') {
          el.focus();
          el.setSelectionRange(f.span.utf16Start, f.span.utf16End);
        }
      });
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.className = 'sv-remove';
      rm.textContent = ui.remove;
      rm.setAttribute('aria-label', `${ui.remove}: ${ui.kinds[f.kind] || f.kind}`);
      rm.addEventListener('click', () => this.redactField(el, [f]));
      li.append(label, show, document.createTextNode(' '), rm);
      ul.append(li);
    }
    const all = document.createElement('button');
    all.type = 'button';
    all.className = 'sv-remove-all';
    all.textContent = ui.removeAll;
    all.addEventListener('click', () => this.redactField(el, findings));
    box.append(h, ul, all);
    el.after(box);
    if (el.matches('input,textarea')) {
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      el.setAttribute('aria-describedby', [...ids, box.id].join(' '));
    }
  }

  /** Replaces findings in a field's value with their placeholders (UTF-16 offsets). */
  redactField(el, findings) {
    if (!('value' in el)) return;
    let v = el.value;
    for (const f of [...findings].sort((a, b) => b.span.utf16Start - a.span.utf16Start)) {
      v = v.slice(0, f.span.utf16Start) + f.placeholder + v.slice(f.span.utf16End);
    }
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    this.check(false);
    el.focus();
  }

  /** Removes every finding in every field. */
  redactAll() {
    const scan = sv.scan(this.document(), this.part1(), this.options());
    const byPath = new Map();
    for (const f of scan.findings) {
      if (!byPath.has(f.path)) byPath.set(f.path, []);
      byPath.get(f.path).push(f);
    }
    for (const [path, fs] of byPath) {
      const el = this.elementFor(path);
      if (el) this.redactField(el, fs);
    }
  }

  renderCosts(costs) {
    const ui = this.ui;
    this.costs.replaceChildren();
    if (!costs || costs.monthlyTotalText == null) return;
    const dl = document.createElement('dl');
    dl.className = 'sv-costs';
    const row = (k, v, key) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dd.dataset.sv = key;
      dl.append(dt, dd);
    };
    const fmt = (ore) => new Intl.NumberFormat(this.lang === 'en' ? 'en-GB' : 'nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: ore % 100 === 0 ? 0 : 2 }).format(ore / 100);
    row(ui.monthly, fmt(costs.monthlyTotalOre), 'monthly');
    if (costs.totalOre != null) row(ui.total, fmt(costs.totalOre), 'total');
    this.costs.append(dl);
  }

  showSealed(sealed) {
    if (!this.sealedOut) return;
    const ui = this.ui;
    this.sealedOut.replaceChildren();
    const p = document.createElement('p');
    p.className = 'sv-sealed';
    p.textContent = ui.sealed;
    const d = document.createElement('p');
    d.textContent = ui.digest + ': ';
    const code = document.createElement('code');
    code.dataset.sv = 'sha256';
    code.textContent = sealed.sha256;
    d.append(code);
    this.sealedOut.append(p, d);
  }

  /** Switches the language of messages and of the guard's own texts. */
  setLang(lang) {
    this.lang = UI[lang] ? lang : 'nb';
    this.check(false);
  }
}

/**
 * Guards a form. Resolves to the guard once the wasm module is loaded. On failure to load,
 * the form stays blocked and shows why.
 * @param {HTMLFormElement} form
 * @param {{kind: string, lang?: 'nb'|'nn'|'en', stage?: string, names?: Record<string,string>,
 *          part1?: object|(() => object), onSealed?: (sealed, doc) => void, debounce?: number,
 *          config?: object, pseudonymKey?: string, wasm?: any}} options
 */
export async function attach(form, options) {
  try {
    await load(options.wasm);
  } catch (e) {
    const p = document.createElement('p');
    p.className = 'sv-error-summary';
    p.setAttribute('role', 'alert');
    p.textContent = (UI[options.lang] || UI.nb).loadError;
    form.prepend(p);
    form.addEventListener('submit', (ev) => ev.preventDefault());
    throw e;
  }
  const guard = new Guard(form, options);
  form.dataset.skjemavakt = 'ready';
  return guard;
}
