// skjemavakt-guard.js — the drop-in guard for plain HTML forms (README: "Embedding the guard
// in an existing form", where every option, method, event, attribute and CSS hook is listed).
//
//   import { attach } from './skjemavakt-guard.js';
//   const guard = await attach(document.querySelector('form'), { kind: 'tilgang-del2',
//     onSealed: (sealed) => { /* hand the sealed package to the page's own back end */ } });
//
// Fail closed: from the moment this file is evaluated, the browser never submits a form that
// carries `data-skjemavakt` or has been given to attach(). Until the wasm module is loaded
// the submit buttons stay disabled and "Kontrollen lastes …" shows; if it cannot be loaded,
// the form stays blocked and says why. Once ready, a submit runs the gate and hands the sealed
// package to `onSealed`; the form's own submission never happens.
//
// All rules live in the wasm module (labels of fields and of identifier kinds included); this
// file only reads and writes the DOM. Text is set with textContent. It makes no request but
// for the package's own files and never sends form data anywhere.

const UI = {
  nb: {
    summaryTitle: 'Det er problemer i skjemaet',
    errorPrefix: 'Feil:',
    warningPrefix: 'Advarsel:',
    findingsTitle: 'Mulige personopplysninger i teksten',
    remove: 'Fjern',
    removeAll: 'Fjern alle',
    show: 'Vis',
    undo: 'Angre',
    chars: (s, e) => `tegn ${s}–${e}`,
    findingIn: (kind, field, s, e) => `${kind} i «${field}», tegn ${s}–${e}`,
    removeName: (kind, field, s, e) => `Fjern ${kind} i ${field}, tegn ${s}–${e}`,
    showName: (kind, field, s, e) => `Vis ${kind} i ${field}, tegn ${s}–${e}`,
    removeAllName: (field) => `Fjern alle mulige personopplysninger i ${field}`,
    undoName: (field) => `Angre fjerningen i ${field}`,
    removedOne: (kind, field) => `Fjernet ${kind} i ${field}.`,
    removedMany: (n, field) => `Fjernet ${n} opplysninger i ${field}.`,
    undoText: (n) => (n === 1 ? 'Én opplysning er fjernet.' : `${n} opplysninger er fjernet.`),
    undone: (field) => `Angret. Teksten i ${field} er som før.`,
    costsTitle: 'Kostnader',
    monthly: 'Sum per måned',
    total: 'Totalt over forventet behandlingstid',
    sealed: 'Søknaden er kontrollert og forseglet.',
    sealedAnnounce: 'Forseglet. Søknaden er kontrollert.',
    digest: 'Kontrollsum (SHA-256)',
    loading: 'Kontrollen lastes …',
    loadError: 'Skjemakontrollen kunne ikke lastes. Skjemaet kan ikke sendes før kontrollen virker.',
  },
  nn: {
    summaryTitle: 'Det er problem i skjemaet',
    errorPrefix: 'Feil:',
    warningPrefix: 'Åtvaring:',
    findingsTitle: 'Moglege personopplysningar i teksten',
    remove: 'Fjern',
    removeAll: 'Fjern alle',
    show: 'Vis',
    undo: 'Angre',
    chars: (s, e) => `teikn ${s}–${e}`,
    findingIn: (kind, field, s, e) => `${kind} i «${field}», teikn ${s}–${e}`,
    removeName: (kind, field, s, e) => `Fjern ${kind} i ${field}, teikn ${s}–${e}`,
    showName: (kind, field, s, e) => `Vis ${kind} i ${field}, teikn ${s}–${e}`,
    removeAllName: (field) => `Fjern alle moglege personopplysningar i ${field}`,
    undoName: (field) => `Angre fjerninga i ${field}`,
    removedOne: (kind, field) => `Fjerna ${kind} i ${field}.`,
    removedMany: (n, field) => `Fjerna ${n} opplysningar i ${field}.`,
    undoText: (n) => (n === 1 ? 'Éi opplysning er fjerna.' : `${n} opplysningar er fjerna.`),
    undone: (field) => `Angra. Teksten i ${field} er som før.`,
    costsTitle: 'Kostnader',
    monthly: 'Sum per månad',
    total: 'Totalt over venta behandlingstid',
    sealed: 'Søknaden er kontrollert og forsegla.',
    sealedAnnounce: 'Forsegla. Søknaden er kontrollert.',
    digest: 'Kontrollsum (SHA-256)',
    loading: 'Kontrollen blir lasta …',
    loadError: 'Skjemakontrollen kunne ikkje lastast. Skjemaet kan ikkje sendast før kontrollen verkar.',
  },
  en: {
    summaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    warningPrefix: 'Warning:',
    findingsTitle: 'Possible personal data in the text',
    remove: 'Remove',
    removeAll: 'Remove all',
    show: 'Show',
    undo: 'Undo',
    chars: (s, e) => `characters ${s}–${e}`,
    findingIn: (kind, field, s, e) => `${kind} in “${field}”, characters ${s}–${e}`,
    removeName: (kind, field, s, e) => `Remove ${kind} in ${field}, characters ${s}–${e}`,
    showName: (kind, field, s, e) => `Show ${kind} in ${field}, characters ${s}–${e}`,
    removeAllName: (field) => `Remove all possible personal data in ${field}`,
    undoName: (field) => `Undo the removal in ${field}`,
    removedOne: (kind, field) => `Removed ${kind} in ${field}.`,
    removedMany: (n, field) => `Removed ${n} items in ${field}.`,
    undoText: (n) => (n === 1 ? 'One item was removed.' : `${n} items were removed.`),
    undone: (field) => `Undone. The text in ${field} is as before.`,
    costsTitle: 'Costs',
    monthly: 'Total per month',
    total: 'Total over the expected duration',
    sealed: 'The application is checked and sealed.',
    sealedAnnounce: 'Sealed. The application is checked.',
    digest: 'Digest (SHA-256)',
    loading: 'Loading the form check …',
    loadError: 'The form check could not be loaded. The form cannot be sent until the check works.',
  },
};

const CONTROLS = 'input,select,textarea';
/** Input types that are never part of the document. */
const SKIPPED_TYPES = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);
/** Elements whose content model takes a <p> or <div>: the guard's output goes inside one. */
const FLOW = new Set(['DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'MAIN', 'FORM', 'FIELDSET', 'LI', 'DD',
  'TD', 'TH', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'DETAILS', 'BODY', 'HEADER', 'FOOTER', 'NAV',
  'DIALOG', 'CAPTION', 'SEARCH']);

// ---------------------------------------------------------------------------------------
// Fail closed from the first moment: a form that is guarded, or says it will be, is never
// submitted by the browser — whatever the state of the guard, ready or not.

const guards = new WeakMap(); // form → Guard
function blockNativeSubmission(e) {
  const f = e.target;
  if (f instanceof HTMLFormElement && (guards.has(f) || f.hasAttribute('data-skjemavakt'))) {
    e.preventDefault();
  }
}
if (typeof document !== 'undefined') document.addEventListener('submit', blockNativeSubmission, true);

// ---------------------------------------------------------------------------------------
// The wasm package, loaded on demand (a static import would fail this whole file when the
// package is missing, and with it the blocking above).

let sv = null;
let loading = null;
/** Loads the wasm module once (optionally from a given module, URL, Response or bytes). */
export function load(wasm) {
  if (!loading) {
    loading = import('./pkg/skjemavakt.js')
      .then(async (m) => {
        await m.default(wasm === undefined ? undefined : { module_or_path: wasm });
        sv = m;
        return m;
      })
      .catch((e) => {
        loading = null;
        throw e;
      });
  }
  return loading;
}

// ---------------------------------------------------------------------------------------
// JSON Pointers and documents.

/** JSON Pointer of an input name: "/a/b", "a.b", "a[0].b" → "/a/0/b". */
export function pointerOf(name) {
  if (!name) return null;
  if (name.startsWith('/')) return name;
  return '/' + name.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean)
    .map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

const segmentCache = new Map();
function segments(pointer) {
  let s = segmentCache.get(pointer);
  if (!s) {
    s = pointer.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segmentCache.size < 10000) segmentCache.set(pointer, s);
  }
  return s;
}

/** The schema's path of a document path: list indices as "-". */
const schemaPath = (p) => p.replace(/\/\d+(?=\/|$)/g, '/-');
const parentOf = (p) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
const below = (p, prefix) => p === prefix || p.startsWith(prefix + '/');

function setAt(doc, pointer, value) {
  const segs = segments(pointer);
  let cur = doc;
  segs.forEach((seg, i) => {
    const key = Array.isArray(cur) ? Number(seg) : seg;
    if (i === segs.length - 1) {
      cur[key] = value;
    } else {
      if (cur[key] === undefined || cur[key] === null || typeof cur[key] !== 'object') {
        cur[key] = /^\d+$/.test(segs[i + 1]) ? [] : {};
      }
      cur = cur[key];
    }
  });
}

function getAt(doc, pointer) {
  let cur = doc;
  for (const seg of segments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[Array.isArray(cur) ? Number(seg) : seg];
  }
  return cur;
}

/** Drops the holes that blank list rows leave; records each moved row (raw → document). */
function compact(v, raw, out, moves) {
  if (Array.isArray(v)) {
    const kept = [];
    v.forEach((x, i) => {
      if (x === undefined || x === null) return;
      const j = kept.length;
      if (i !== j) moves.push([`${raw}/${i}`, `${out}/${j}`]);
      kept.push(compact(x, `${raw}/${i}`, `${out}/${j}`, moves));
    });
    return kept;
  }
  if (v && typeof v === 'object') {
    for (const k of Object.keys(v)) {
      const t = '/' + k.replace(/~/g, '~0').replace(/\//g, '~1');
      v[k] = compact(v[k], raw + t, out + t, moves);
    }
  }
  return v;
}

function remap(p, moves, from, to) {
  let best = null;
  for (const m of moves) if (below(p, m[from]) && (!best || m[from].length > best[from].length)) best = m;
  return best ? best[to] + p.slice(best[from].length) : p;
}

const cssId = (s) => s.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^-+/, '');
const text = (s) => s.replace(/\s+/g, ' ').trim();
/** "Navn" → "navn", "IP-adresse" stays. */
const lowerFirst = (s) => (s.length > 1 && s[1] === s[1].toLowerCase() && s[1] !== s[1].toUpperCase()
  ? s[0].toLowerCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------

class Guard {
  constructor(form, options) {
    if (!(form instanceof HTMLFormElement)) throw new TypeError('skjemavakt: attach() needs a <form>');
    if (!options || typeof options.kind !== 'string') throw new TypeError('skjemavakt: attach() needs options.kind');
    if (guards.has(form)) throw new Error('skjemavakt: the form is guarded already (detach() the other guard first)');
    this.form = form;
    this.opts = { lang: 'nb', stage: 'submission', debounce: 300, ...options };
    this.opts.names = { ...(options.names || {}) };
    this.opts.values = { ...(options.values || {}) };
    this.lang = UI[this.opts.lang] ? this.opts.lang : 'nb';
    this.gated = this.opts.gate !== false && this.opts.kind !== 'tilgang-del1';
    this.ready = false;
    this.detached = false;
    /** Problems with how the page is set up, for its developer (also on the console). */
    this.warnings = [];
    /** Library calls so far, by function name. */
    this.calls = {};

    // Everything the guard adds, to take it away again (detach).
    this.own = new Set();         // nodes it inserted
    this.orig = new Map();        // element → Map(attribute → original value or null)
    this.origDisabled = new Map();
    this.classes = new Map();     // element → Map(class → count)
    this.listeners = [];
    this.described = new Map();   // element → Set(ids the guard added to aria-describedby)

    // State of the checks.
    this.values = new Map();      // input pointer → value (in the form's order)
    this.dirty = new Set();
    this.touched = new Set();     // document paths the user changed
    this.findings = new Map();    // document path → findings
    this.diags = [];
    this.checks = [];             // the last submit's checks against part 1
    this.costs = null;
    this.submitted = false;
    this.sealed = null;
    this.undo = new Map();        // document path → { el, before, after, count }
    this.inline = new Map();      // element → { text, severity, node, controls, describe, wrapper, cls }
    this.panels = new Map();      // document path → { sig, node }
    this.timer = null;
    this.stale = true;

    guards.set(form, this);
    this.attr(form, 'data-skjemavakt', 'loading');
    this.attr(form, 'novalidate', '');
    for (const b of this.submitButtons()) this.disable(b, true);
    this.status = this.make('p', 'sv-status');
    this.status.setAttribute('role', 'status');
    this.status.textContent = this.ui.loading;
    const first = this.submitButtons()[0];
    if (first && this.form.contains(first)) this.flowAnchor(first).before(this.status);
    else this.form.append(this.status);
    this.on(form, 'submit', (e) => this.onSubmit(e));
    this.on(form, 'input', (e) => this.onInput(e));
    this.on(form, 'change', (e) => this.onInput(e));
    // A reset changes every field without an input event: all is read again after it.
    this.on(form, 'reset', () => {
      if (!this.ready) return;
      this.unseal();
      this.stale = true;
      this.schedule();
    });
  }

  get ui() {
    return UI[this.lang];
  }

  /** Calls the library, counting the calls by name (`guard.calls`: for tests and profiling). */
  lib(name, ...args) {
    this.calls[name] = (this.calls[name] || 0) + 1;
    return sv[name](...args);
  }

  // ---- what the guard adds, reversibly ----

  on(target, type, fn, capture = false) {
    target.addEventListener(type, fn, capture);
    this.listeners.push([target, type, fn, capture]);
  }

  make(tag, className) {
    const n = document.createElement(tag);
    if (className) n.className = className;
    n.setAttribute('lang', this.lang);
    this.own.add(n);
    return n;
  }

  drop(n) {
    if (!n) return;
    n.remove();
    this.own.delete(n);
  }

  attr(el, name, value) {
    if (!this.orig.has(el)) this.orig.set(el, new Map());
    const m = this.orig.get(el);
    if (!m.has(name)) m.set(name, el.getAttribute(name));
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }

  restoreAttr(el, name) {
    const v = this.orig.get(el)?.get(name);
    if (v === undefined) return;
    if (v === null) el.removeAttribute(name);
    else el.setAttribute(name, v);
  }

  disable(b, on) {
    if (!this.origDisabled.has(b)) this.origDisabled.set(b, b.disabled);
    b.disabled = on;
  }

  addClass(el, c) {
    if (!this.classes.has(el)) this.classes.set(el, new Map());
    const m = this.classes.get(el);
    if (!m.has(c)) m.set(c, { count: 0, had: el.classList.contains(c) });
    m.get(c).count += 1;
    el.classList.add(c);
  }

  removeClass(el, c) {
    const e = this.classes.get(el)?.get(c);
    if (!e) return;
    e.count -= 1;
    if (e.count <= 0) {
      if (!e.had) el.classList.remove(c);
      this.classes.get(el).delete(c);
    }
  }

  describe(el, id, on) {
    if (!this.described.has(el)) this.described.set(el, new Set());
    const set = this.described.get(el);
    if (on) set.add(id);
    else set.delete(id);
    if (!this.orig.get(el)?.has('aria-describedby')) this.attr(el, 'aria-describedby', el.getAttribute('aria-describedby'));
    const base = (this.orig.get(el).get('aria-describedby') || '').split(/\s+/).filter(Boolean);
    const all = [...base, ...set];
    if (all.length) el.setAttribute('aria-describedby', all.join(' '));
    else el.removeAttribute('aria-describedby');
  }

  /** An id not used in the document yet. */
  uid(base) {
    let id = base;
    for (let i = 2; document.getElementById(id); i++) id = `${base}-${i}`;
    return id;
  }

  /** An id for a page element (links point at it); given back on detach. */
  idOf(el) {
    if (!el.id) this.attr(el, 'id', this.uid('sv-' + cssId(el.name || el.dataset.svPath || 'felt')));
    return el.id;
  }

  submitButtons() {
    return [...this.form.elements].filter((e) => (e.tagName === 'BUTTON' || e.tagName === 'INPUT') && (e.type === 'submit' || e.type === 'image'));
  }

  // ---- loading ----

  async start() {
    try {
      await load(this.opts.wasm);
    } catch (e) {
      if (!this.detached) this.fail(e);
      throw e;
    }
    if (this.detached) return this;
    this.kinds = new Map(this.lib('findingKinds', { lang: this.lang }).map((k) => [k.kind, k]));
    this.findingCodes = new Set([...this.kinds.values()].map((k) => k.code));
    this.loadSchema();
    this.collect();
    this.checkSetup();
    if (this.opts.part1 instanceof Element) {
      const p = this.opts.part1;
      const changed = () => {
        this.unseal();
        this.schedule();
      };
      this.on(p, 'input', changed);
      this.on(p, 'change', changed);
    }
    this.observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of [...r.addedNodes, ...r.removedNodes]) {
          if (n.nodeType === 1 && !this.own.has(n) && (n.matches(CONTROLS) || n.querySelector(CONTROLS))) {
            this.stale = true;
            this.schedule();
            return;
          }
        }
      }
    });
    this.observer.observe(this.form, { childList: true, subtree: true });
    this.update({ full: true });
    for (const b of this.submitButtons()) this.disable(b, false);
    this.status.textContent = '';
    this.status.hidden = true;
    this.live = this.make('div', 'sv-visually-hidden sv-live');
    this.live.setAttribute('aria-live', 'polite');
    this.form.append(this.live);
    this.ready = true;
    this.attr(this.form, 'data-skjemavakt', 'ready');
    this.emit('skjemavakt:ready', this);
    return this;
  }

  fail(e) {
    this.attr(this.form, 'data-skjemavakt', 'failed');
    this.status.textContent = this.ui.loadError;
    this.status.setAttribute('role', 'alert');
    this.status.classList.add('sv-status--error');
    this.emit('skjemavakt:failed', { error: e });
  }

  emit(type, detail) {
    this.form.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  announce(msg) {
    if (!this.live) return;
    this.live.textContent = '';
    // A new text node a moment later: screen readers announce it even when it repeats.
    setTimeout(() => {
      if (this.live) this.live.textContent = msg;
    }, 50);
  }

  // ---- the form's fields ----

  /** The schema of the kind: labels (this language) and the fields' descriptions. */
  loadSchema() {
    const r = this.lib('fields', this.opts.kind, { lang: this.lang, stage: this.gated ? 'submission' : this.opts.stage });
    this.schema = new Map(r.fields.map((f) => [f.path, f]));
    if (this.part1El() && !this.schema1) {
      this.schema1 = new Map(this.lib('fields', 'tilgang-del1', { lang: this.lang }).fields.map((f) => [f.path, f]));
    }
  }

  part1El() {
    return this.opts.part1 instanceof Element ? this.opts.part1 : null;
  }

  ignored(el) {
    const ig = this.opts.ignore;
    if (el.closest('[data-sv-ignore]')) return true;
    if (typeof ig === 'string') return Boolean(el.closest(ig));
    if (typeof ig === 'function') return Boolean(ig(el));
    return false;
  }

  /** The pointer a control's name stands for (`names`, else the name itself). */
  namePointer(el) {
    if (!el.name || !el.matches(CONTROLS) || SKIPPED_TYPES.has(el.type)) return null;
    const n = this.opts.names;
    return pointerOf(Object.hasOwn(n, el.name) ? n[el.name] : el.name);
  }

  /** The input pointer of a form control, or null when it is not part of the document. */
  pointerFor(el) {
    if (!this.form.contains(el) && el.form !== this.form) return null;
    if (el.matches(':disabled') || this.ignored(el)) return null;
    return this.namePointer(el);
  }

  /** Part 1's control for a path under /part1, when part 1 is an element of the page. */
  part1Control(dp) {
    const p1 = this.part1El();
    if (!p1 || !dp.startsWith('/part1/')) return null;
    const want = dp.slice('/part1'.length);
    return [...p1.querySelectorAll(CONTROLS)].find((c) => this.namePointer(c) === want) || null;
  }

  /** Reads which controls make up the document: pointer → controls (a radio group once). */
  collect() {
    this.inputs = new Map();
    for (const el of this.form.elements) {
      const p = this.pointerFor(el);
      if (!p) continue;
      if (!this.inputs.has(p)) this.inputs.set(p, []);
      this.inputs.get(p).push(el);
    }
    // The values in the form's order; a pointer no control gives any more is dropped.
    const values = new Map();
    for (const p of this.inputs.keys()) values.set(p, this.read(p));
    this.values = values;
    this.stale = false;
    this.labels = null;
  }

  /** Maps a page value to the document's (the `values` option; "true"/"false" to booleans). */
  mapValue(p, v) {
    const m = this.opts.values[p];
    if (m && Object.hasOwn(m, v)) return m[v];
    if (v === 'true') return true;
    if (v === 'false') return false;
    return v;
  }

  /** The value of the field at input pointer `p`, or undefined when blank. */
  read(p) {
    const els = this.inputs.get(p);
    if (!els) return undefined;
    const el = els[0];
    if (el.type === 'checkbox' && els.length === 1) return el.checked;
    if (el.type === 'checkbox') return els.filter((x) => x.checked).map((x) => this.mapValue(p, x.value));
    if (el.type === 'radio') {
      const on = els.find((x) => x.checked);
      return on ? this.mapValue(p, on.value) : undefined;
    }
    if (!/\S/.test(el.value)) return undefined;
    if (el.type === 'number') return Number(el.value);
    if (el.tagName === 'SELECT') return this.mapValue(p, el.value);
    return el.value;
  }

  /** The document the form holds (blank fields left out), after `transform`. */
  build() {
    const raw = { form: this.opts.kind };
    for (const [p, v] of this.values) if (v !== undefined) setAt(raw, p, v);
    const moves = [];
    let doc = compact(raw, '', '', moves);
    if (typeof this.opts.transform === 'function') {
      const t = this.opts.transform(doc);
      if (t && typeof t === 'object') doc = t;
    }
    return { doc, moves };
  }

  /** The document the form holds now. */
  document() {
    if (this.stale) this.collect();
    for (const p of this.inputs.keys()) this.values.set(p, this.read(p));
    return this.build().doc;
  }

  docPath(p) {
    return remap(p, this.moves || [], 0, 1);
  }

  docPathIn(p, moves) {
    return remap(p, moves, 0, 1);
  }

  inputPath(dp) {
    return remap(dp, this.moves || [], 1, 0);
  }

  /** Part 1, for the cross-checks: an object, a function's answer, or read from an element. */
  part1() {
    const p = this.opts.part1;
    if (p instanceof Element) {
      const doc = { form: 'tilgang-del1' };
      for (const el of p.querySelectorAll(CONTROLS)) {
        const ptr = this.namePointer(el);
        if (!ptr) continue;
        const v = el.type === 'checkbox' ? el.checked : el.value.trim() === '' ? undefined : el.value;
        if (v !== undefined) setAt(doc, ptr, v);
      }
      return doc;
    }
    return typeof p === 'function' ? p() ?? null : p ?? null;
  }

  /** Warns the page's developer about fields no input gives, names and values that point nowhere. */
  checkSetup() {
    const warn = (code, message, detail) => {
      this.warnings.push({ code, message, ...detail });
      console.warn('skjemavakt: ' + message);
    };
    const stage = this.gated ? 'submission' : this.opts.stage;
    const given = new Set([...this.inputs.keys()].map(schemaPath));
    // What `transform` adds counts as given.
    const leaves = (v, p) => (v && typeof v === 'object' ? Object.entries(v).forEach(([k, x]) => leaves(x, `${p}/${k}`)) : given.add(schemaPath(p)));
    leaves(this.build().doc, '');
    const groups = new Set([...this.form.querySelectorAll('[data-sv-path]')].map((g) => schemaPath(g.dataset.svPath)));
    this.missing = new Set();
    for (const f of this.schema.values()) {
      if (!f.required || f.type === 'object' || given.has(f.path) || groups.has(f.path)) continue;
      this.missing.add(f.path);
      warn('field-missing', `required field ${f.path} («${f.label}») has no input in the form: it cannot be filled in, and the form cannot be ${this.gated ? 'sealed' : 'valid'} at stage ${stage}. Add an input named ${f.path} (or map one with names).`, { path: f.path });
    }
    for (const p of this.inputs.keys()) {
      if (!this.schema.has(schemaPath(p))) {
        warn('input-unknown', `input ${this.inputs.get(p)[0].name} gives ${p}, which is not a field of ${this.opts.kind}: the form cannot be sent with it. Map it with names, or leave it out with data-sv-ignore or ignore.`, { path: p });
      }
    }
    const p1 = this.part1El();
    for (const [name, target] of Object.entries(this.opts.names)) {
      const inForm = [...this.form.elements].some((e) => e.name === name);
      const inPart1 = p1 && [...p1.querySelectorAll(CONTROLS)].some((e) => e.name === name);
      const ptr = pointerOf(target);
      if (!inForm && !inPart1) {
        warn('name-unused', `names: no input named "${name}" in the form${p1 ? ' or in part 1' : ''}.`, { name });
      } else if (inForm && !this.schema.has(schemaPath(ptr))) {
        warn('name-target', `names: "${name}" → ${target} is not a field of ${this.opts.kind}.`, { name, path: ptr });
      } else if (inPart1 && !inForm && this.schema1 && !this.schema1.has(schemaPath(ptr))) {
        warn('name-target', `names: "${name}" → ${target} is not a field of part 1 (tilgang-del1).`, { name, path: ptr });
      }
    }
    for (const [ptr, map] of Object.entries(this.opts.values)) {
      const f = this.schema.get(schemaPath(ptr));
      if (!f) {
        warn('values-target', `values: ${ptr} is not a field of ${this.opts.kind}.`, { path: ptr });
        continue;
      }
      for (const v of Object.values(map)) {
        const ok = f.type === 'enum' ? f.values.includes(v) : f.type === 'bool' ? typeof v === 'boolean' : true;
        if (!ok) warn('values-target', `values: ${ptr} maps to ${JSON.stringify(v)}, which ${f.path} does not allow${f.values ? ` (${f.values.join(', ')})` : ''}.`, { path: ptr });
      }
    }
    // Every option the page offers must mean an allowed value.
    for (const [p, els] of this.inputs) {
      const f = this.schema.get(schemaPath(p));
      if (!f || f.type !== 'enum') continue;
      const offered = els[0].tagName === 'SELECT' ? [...els[0].options].map((o) => o.value) : els.map((e) => e.value);
      for (const o of offered) {
        if (o !== '' && !f.values.includes(this.mapValue(p, o))) {
          warn('option-unmapped', `the option "${o}" of ${p} means none of ${f.values.join(', ')}: map it with values.`, { path: p });
        }
      }
    }
  }

  // ---- labels in the page's words ----

  /** The page's label of a control (its <label>, aria-label or aria-labelledby), or of a group (its legend). */
  labelOfElement(el) {
    const clean = (n) => {
      const c = n.cloneNode(true);
      for (const x of c.querySelectorAll('input,select,textarea,button,[hidden],[aria-hidden="true"],.sv-error-message,.sv-findings')) x.remove();
      return text(c.textContent).replace(/\s*[:*]$/, '');
    };
    if (el.type === 'radio' || (el.type === 'checkbox' && this.inputs.get(this.pointerFor(el))?.length > 1)) {
      const fs = this.ownFieldset(el);
      const lg = fs?.querySelector(':scope > legend');
      if (lg) return clean(lg);
    }
    if (el.getAttribute('aria-labelledby')) {
      const t = el.getAttribute('aria-labelledby').split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(clean).join(' ');
      if (t) return t;
    }
    if (el.labels && el.labels.length) return clean(el.labels[0]);
    if (el.getAttribute('aria-label')) return text(el.getAttribute('aria-label'));
    const lg = el.querySelector?.(':scope > legend');
    if (lg) return clean(lg);
    return null;
  }

  /** The legend of the section a control is in (not its own group's): tells fields with one label apart. */
  sectionOf(el) {
    const own = this.ownFieldset(el);
    for (let fs = el.closest('fieldset'); fs; fs = fs.parentElement?.closest('fieldset')) {
      if (fs === own || fs === el) continue;
      const lg = fs.querySelector(':scope > legend');
      if (lg) return text(lg.textContent);
    }
    return null;
  }

  /** Labels per input pointer; those used twice get their section's legend in front. */
  pageLabels() {
    if (this.labels) return this.labels;
    const labels = new Map();
    const count = new Map();
    for (const [p, els] of this.inputs) {
      const l = this.labelOfElement(els[0]);
      if (!l) continue;
      labels.set(p, { label: l, el: els[0] });
      count.set(l, (count.get(l) || 0) + 1);
    }
    for (const v of labels.values()) {
      const sec = count.get(v.label) > 1 ? this.sectionOf(v.el) : null;
      v.qualified = sec ? `${sec}: ${v.label}` : v.label;
      v.section = sec;
    }
    this.labels = labels;
    return labels;
  }

  /** The page's label of a document path (else the library's), and its section when needed. */
  labelOf(dp) {
    const l = this.pageLabels().get(this.inputPath(dp));
    if (l) return l;
    const c = this.part1Control(dp);
    const cl = c && this.labelOfElement(c);
    if (cl) return { label: cl, qualified: cl, section: null };
    const g = this.groupElement(dp);
    const gl = g && this.labelOfElement(g);
    if (gl) return { label: gl, qualified: gl, section: null };
    const lib = this.schema.get(schemaPath(dp))?.label;
    return lib ? { label: lib, qualified: lib, section: null } : null;
  }

  /** A message in the page's words: the library's label of the field (or of a group above it) replaced by the page's. */
  pageWords(message, dp) {
    for (let p = dp; p; p = parentOf(p)) {
      const lib = this.schema.get(schemaPath(p))?.label;
      if (!lib || !(message.includes(`«${lib}»`) || message.includes(`“${lib}”`))) continue;
      const page = this.labelOf(p)?.label;
      if (!page || page === lib) return message;
      return message.split(`«${lib}»`).join(`«${page}»`).split(`“${lib}”`).join(`“${page}”`);
    }
    return message;
  }

  // ---- where messages go ----

  /** The fieldset that holds a radio (or checkbox) group and nothing else. */
  ownFieldset(el) {
    if (el.type !== 'radio' && el.type !== 'checkbox') return null;
    const fs = el.closest('fieldset');
    if (!fs) return null;
    const names = new Set([...fs.querySelectorAll(CONTROLS)].filter((x) => x.name && !SKIPPED_TYPES.has(x.type)).map((x) => x.name));
    return names.size === 1 ? fs : null;
  }

  /** The field's own wrapper: the `group` option, else [data-sv-group], else .sv-form-group (never just the nearest fieldset). */
  wrapperOf(el) {
    let w = null;
    if (typeof this.opts.group === 'function') w = this.opts.group(el) || null;
    else w = el.closest('[data-sv-group]') || el.closest('.sv-form-group');
    const p1 = this.part1El();
    return w && w !== this.form && w !== p1 && (this.form.contains(w) || p1?.contains(w)) ? w : null;
  }

  /** `node`, or the ancestor below the first element that takes flow content (out of <label>, <p>, lists …). */
  flowAnchor(node) {
    let n = node;
    while (n.parentElement && !FLOW.has(n.parentElement.tagName)) n = n.parentElement;
    return n;
  }

  /** Where a control's message goes: [node, 'before'|'after']. */
  placeOf(el) {
    const fs = this.ownFieldset(el);
    if (fs) {
      let after = fs.querySelector(':scope > legend');
      if (after) {
        // After the legend and the hints that describe the group.
        const hints = new Set((fs.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
        while (after.nextElementSibling && after.nextElementSibling.id && hints.has(after.nextElementSibling.id)) after = after.nextElementSibling;
        return [after, 'after'];
      }
    }
    if (el.type === 'radio') {
      // No fieldset of its own: before the first radio's row.
      return [this.flowAnchor(this.inputs.get(this.pointerFor(el))?.[0] || el), 'before'];
    }
    return [this.flowAnchor(el), 'before'];
  }

  /** The page element of a group path: [data-sv-path] in the form (or in the page). */
  groupElement(dp) {
    const sel = `[data-sv-path="${CSS.escape(dp)}"]`;
    return this.form.querySelector(sel) || document.querySelector(sel);
  }

  /** The element a diagnostic at document path `dp` belongs to, or null (no dead links). */
  elementFor(dp) {
    if (this.elements?.moves !== this.movesKey || this.elements.inputs !== this.inputs) this.elements = { moves: this.movesKey, inputs: this.inputs, map: new Map() };
    const m = this.elements.map;
    if (!m.has(dp)) m.set(dp, this.findElement(dp));
    const el = m.get(dp);
    return el && el.isConnected ? el : this.findElement(dp);
  }

  findElement(dp) {
    if (this.missing?.has(schemaPath(dp))) return null;
    const ip = this.inputPath(dp);
    const own = this.inputs.get(ip);
    if (own) return own[0];
    const p1 = this.part1Control(dp);
    if (p1) return p1;
    const g = this.groupElement(dp);
    if (g) return g;
    for (const [p, els] of this.inputs) if (below(p, ip)) return els[0];
    for (let p = parentOf(dp); p; p = parentOf(p)) {
      const a = this.groupElement(p);
      if (a) return a;
    }
    return null;
  }

  // ---- events ----

  onInput(e) {
    const el = e.target;
    if (!this.ready || !(el instanceof Element)) return;
    const p = this.pointerFor(el);
    this.unseal();
    if (!p) return;
    if (!this.inputs.has(p)) this.stale = true;
    this.dirty.add(p);
    this.touched.add(this.docPath(p));
    this.schedule();
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), this.opts.debounce);
  }

  onSubmit(e) {
    e.preventDefault();
    if (!this.ready) {
      if (this.status.textContent) {
        const t = this.status.textContent;
        this.status.textContent = '';
        this.status.textContent = t;
      }
      return;
    }
    clearTimeout(this.timer);
    this.submitted = true;
    this.collect();
    const { doc, moves } = this.build();
    this.moves = moves;
    const part1 = this.part1();
    this.part1Key = JSON.stringify(part1);
    this.dirty.clear();
    let ok = false;
    let sealed = null;
    if (this.gated) {
      const r = this.lib('checkSubmission', doc, part1, this.options({ pseudonymKey: this.opts.pseudonymKey }));
      this.setFindings(r.findings);
      this.diags = r.diagnostics.filter((d) => !this.findingCodes.has(d.code));
      this.checks = r.checks;
      this.costs = r.costs;
      ok = r.ok;
      sealed = r.sealed;
    } else {
      const v = this.lib('validate', doc, this.options({ stage: this.opts.stage }));
      this.setFindings(this.scannedKind() ? this.lib('scan', doc, part1, this.options()).findings : []);
      this.diags = v.diagnostics;
      this.checks = [];
      this.costs = v.costs;
      ok = v.valid && this.findings.size === 0;
    }
    this.doc = doc;
    this.render({ rebuild: true, focus: !ok });
    if (ok && this.gated) {
      this.showSealed(sealed);
      this.announce(this.ui.sealedAnnounce);
      this.emit('skjemavakt:sealed', sealed);
      if (typeof this.opts.onSealed === 'function') this.opts.onSealed(sealed, doc);
    } else if (ok) {
      this.emit('skjemavakt:valid', doc);
      if (typeof this.opts.onValid === 'function') this.opts.onValid(doc);
    } else {
      this.emit('skjemavakt:blocked', { diagnostics: this.shownDiagnostics(), findings: [...this.findings.values()].flat() });
    }
  }

  scannedKind() {
    for (const f of this.schema.values()) if (f.scanned) return true;
    return false;
  }

  options(extra) {
    return { lang: this.lang, config: this.opts.config, ...extra };
  }

  setFindings(list) {
    this.findings = new Map();
    for (const f of list) {
      if (!this.findings.has(f.path)) this.findings.set(f.path, []);
      this.findings.get(f.path).push(f);
    }
  }

  /**
   * Brings the checks up to date with the form: the fields changed since the last update are
   * read and scanned (the others' findings kept), the document validated; everything is
   * rescanned when part 1 or the list rows changed. Renders, quietly.
   */
  update({ full = false } = {}) {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.stale) {
      this.collect();
      full = true;
    } else {
      for (const p of this.dirty) this.values.set(p, this.read(p));
    }
    const { doc, moves } = this.build();
    const movesKey = JSON.stringify(moves);
    if (movesKey !== this.movesKey) full = true;
    // A `transform` that moved a changed field: everything is scanned.
    for (const p of this.dirty) if (getAt(doc, this.docPathIn(p, moves)) !== this.values.get(p)) full = true;
    this.moves = moves;
    this.movesKey = movesKey;
    const part1 = this.part1();
    const part1Key = JSON.stringify(part1);
    if (part1Key !== this.part1Key) {
      // Part 1 changed (its element, or the page's part1() answer): all is scanned again,
      // and a seal made with the old part 1 goes.
      full = true;
      this.unseal();
    }
    this.part1Key = part1Key;
    const o = this.options();
    if (this.submitted && this.gated && this.checks.some((d) => d.severity === 'error')) {
      // The checks against part 1 found a problem at the last submit: they run again (the
      // gate, in one call) until it is fixed.
      const r = this.lib('checkSubmission', doc, part1, this.options({ pseudonymKey: this.opts.pseudonymKey }));
      this.setFindings(r.findings);
      this.diags = r.diagnostics.filter((d) => !this.findingCodes.has(d.code));
      this.checks = r.checks;
      this.costs = r.costs;
    } else {
      // After a submit, the gate's stage: what it asked for stays asked for.
      const stage = this.submitted && this.gated ? 'submission' : this.opts.stage;
      const v = this.lib('validate', doc, this.options({ stage }));
      this.diags = v.diagnostics.concat(this.checks);
      this.costs = v.costs;
      if (full) {
        this.setFindings(this.scannedKind() ? this.lib('scan', doc, part1, o).findings : []);
      } else {
        for (const p of this.dirty) {
          const dp = this.docPath(p);
          for (const k of [...this.findings.keys()]) if (below(k, dp)) this.findings.delete(k);
          const f = this.schema.get(schemaPath(dp));
          const value = getAt(doc, dp);
          if (!f || !f.scanned || value === undefined) continue;
          // The field alone goes to the library: the rest of the document is not needed to
          // scan it, and a long text elsewhere is not copied into wasm at every keystroke.
          const one = { form: doc.form };
          setAt(one, dp, value);
          for (const x of this.lib('scanField', one, dp, part1, o).findings) {
            if (!this.findings.has(x.path)) this.findings.set(x.path, []);
            this.findings.get(x.path).push(x);
          }
        }
      }
    }
    this.dirty.clear();
    this.doc = doc;
    this.render({});
    return this.result();
  }

  result() {
    const diagnostics = this.shownDiagnostics(true);
    return {
      valid: !diagnostics.some((d) => d.severity === 'error') && this.findings.size === 0,
      diagnostics,
      findings: [...this.findings.values()].flat(),
      costs: this.costs,
    };
  }

  shownDiagnostics(all = false) {
    return this.diags.filter((d) => d.severity !== 'info' && (all || this.submitted || this.isTouched(d.path)));
  }

  isTouched(path) {
    for (const t of this.touched) if (below(t, path) || below(path, t)) return true;
    return false;
  }

  // ---- drawing ----

  render({ rebuild = false, focus = false, force = false }) {
    // Most keystrokes change no message, finding or cost: then nothing is redrawn.
    const sig = JSON.stringify([this.submitted, this.touched.size, this.lang,
      this.diags.map((d) => [d.code, d.path, d.severity, d.message, d.span?.utf16Start]),
      [...this.findings].map(([p, fs]) => [p, fs.map((f) => [f.kind, f.span.utf16Start, f.span.utf16End])]),
      this.costs?.monthlyTotalOre, this.costs?.totalOre]);
    if (!rebuild && !force && !this.undo.size && sig === this.renderedSig) return;
    this.renderedSig = sig;
    this.renderInline(force);
    this.renderPanels(force);
    if (rebuild) this.buildSummary(focus);
    else this.refreshSummary();
    this.renderCosts(force);
  }

  messageText(d) {
    const msg = this.pageWords(d.message, d.path);
    return d.hint && d.code !== 'form.required' ? `${msg} ${d.hint}` : msg;
  }

  renderInline(force) {
    const want = new Map();
    for (const d of this.shownDiagnostics()) {
      const el = this.elementFor(d.path);
      if (el && !want.has(el)) want.set(el, d);
    }
    for (const [el, cur] of [...this.inline]) {
      if (!want.has(el)) this.clearMessage(el, cur);
    }
    for (const [el, d] of want) {
      const t = this.messageText(d);
      const cur = this.inline.get(el);
      if (cur && !force && cur.text === t && cur.severity === d.severity) continue;
      if (cur) this.clearMessage(el, cur);
      this.showMessage(el, d, t);
    }
  }

  /** The controls a message describes, and the element that carries aria-describedby. */
  targetsOf(el) {
    if (!el.matches(CONTROLS)) return { controls: [...el.querySelectorAll(CONTROLS)].filter((c) => this.pointerFor(c)), describe: el.matches('fieldset') ? [el] : [] };
    const p = this.pointerFor(el);
    const group = (this.inputs.get(p) || [el]).filter((c) => c.type === el.type);
    const fs = this.ownFieldset(el);
    return { controls: group, describe: fs ? [fs] : group };
  }

  showMessage(el, d, t) {
    const error = d.severity === 'error';
    const { controls, describe } = this.targetsOf(el);
    const wrapper = el.matches(CONTROLS) ? this.wrapperOf(el) : el;
    const entry = { text: t, severity: d.severity, node: null, controls, describe, wrapper, cls: null };
    if (error && el.matches(CONTROLS)) for (const c of controls) this.attr(c, 'aria-invalid', 'true');
    if (typeof this.opts.render === 'function') {
      this.opts.render({ element: el, group: wrapper, path: d.path, label: this.labelOf(d.path)?.label ?? null, message: t, diagnostic: d, lang: this.lang });
      this.inline.set(el, entry);
      return;
    }
    const p = this.make('p', 'sv-error-message' + (error ? '' : ' sv-warning-message'));
    p.id = this.uid('sv-err-' + cssId(d.path || 'skjema'));
    p.dataset.code = d.code;
    const hidden = document.createElement('span');
    hidden.className = 'sv-visually-hidden';
    hidden.textContent = (error ? this.ui.errorPrefix : this.ui.warningPrefix) + ' ';
    p.append(hidden, document.createTextNode(t));
    if (el.matches(CONTROLS)) {
      const [at, where] = this.placeOf(el);
      at[where](p);
    } else {
      const lg = el.querySelector(':scope > legend');
      if (lg) lg.after(p);
      else el.prepend(p);
    }
    for (const x of describe) this.describe(x, p.id, true);
    if (wrapper) {
      entry.cls = error ? 'sv-form-group-error' : 'sv-form-group-warning';
      this.addClass(wrapper, entry.cls);
    }
    entry.node = p;
    this.inline.set(el, entry);
  }

  clearMessage(el, cur) {
    for (const c of cur.controls) this.restoreAttr(c, 'aria-invalid');
    if (typeof this.opts.render === 'function' && !cur.node) {
      this.opts.render({ element: el, group: cur.wrapper, path: null, label: null, message: null, diagnostic: null, lang: this.lang });
    }
    if (cur.node) {
      for (const x of cur.describe) this.describe(x, cur.node.id, false);
      this.drop(cur.node);
    }
    if (cur.cls) this.removeClass(cur.wrapper, cur.cls);
    this.inline.delete(el);
  }

  kindLabel(kind) {
    return this.kinds.get(kind)?.label || kind;
  }

  renderPanels(force) {
    // An undo is kept while the field holds exactly what "Fjern" left in it.
    for (const [dp, u] of [...this.undo]) if (u.el.value !== u.after) this.undo.delete(dp);
    const paths = new Set([...this.findings.keys(), ...this.undo.keys(), ...this.panels.keys()]);
    for (const dp of paths) {
      const fs = this.findings.get(dp) || [];
      const u = this.undo.get(dp);
      const cur = this.panels.get(dp);
      const el = this.elementFor(dp);
      if ((!fs.length && !u) || !el || !el.matches(CONTROLS)) {
        if (cur) this.dropPanel(dp, cur);
        continue;
      }
      const sig = JSON.stringify([fs.map((f) => [f.kind, f.span.utf16Start, f.span.utf16End]), u ? u.count : 0, this.lang]);
      if (cur && cur.sig === sig && !force) continue;
      if (cur) this.dropPanel(dp, cur);
      this.panel(el, dp, fs, u, sig);
    }
  }

  dropPanel(dp, cur) {
    if (cur.titleId) this.describe(cur.el, cur.titleId, false);
    this.drop(cur.node);
    this.panels.delete(dp);
  }

  panel(el, dp, findings, u, sig) {
    const ui = this.ui;
    const field = this.labelOf(dp)?.qualified || dp;
    const box = this.make('div', 'sv-findings');
    box.id = this.uid('sv-find-' + cssId(dp));
    box.dataset.path = dp;
    let titleId = null;
    if (findings.length) {
      const h = document.createElement('p');
      h.className = 'sv-findings__title';
      h.id = titleId = this.uid(box.id + '-title');
      h.textContent = ui.findingsTitle;
      const ul = document.createElement('ul');
      for (const f of findings) {
        const s = f.span.utf16Start + 1;
        const e = f.span.utf16End;
        const kind = this.kindLabel(f.kind);
        const li = document.createElement('li');
        li.dataset.kind = f.kind;
        li.dataset.code = f.code;
        const label = document.createElement('span');
        label.textContent = `${kind} (${ui.chars(s, e)}) `;
        const show = document.createElement('button');
        show.type = 'button';
        show.className = 'sv-link-button sv-show';
        show.textContent = ui.show;
        show.setAttribute('aria-label', ui.showName(lowerFirst(kind), field, s, e));
        show.addEventListener('click', () => {
          el.focus();
          if (typeof el.setSelectionRange === 'function') el.setSelectionRange(f.span.utf16Start, f.span.utf16End);
        });
        const rm = document.createElement('button');
        rm.type = 'button';
        rm.className = 'sv-remove';
        rm.textContent = ui.remove;
        rm.setAttribute('aria-label', ui.removeName(lowerFirst(kind), field, s, e));
        rm.addEventListener('click', () => this.redactField(dp, [f]));
        li.append(label, show, document.createTextNode(' '), rm);
        ul.append(li);
      }
      const all = document.createElement('button');
      all.type = 'button';
      all.className = 'sv-remove-all';
      all.textContent = ui.removeAll;
      all.setAttribute('aria-label', ui.removeAllName(field));
      all.addEventListener('click', () => this.redactField(dp, this.findings.get(dp) || []));
      box.append(h, ul, all);
    }
    if (u) {
      const p = document.createElement('p');
      p.className = 'sv-undo';
      p.append(document.createTextNode(ui.undoText(u.count) + ' '));
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'sv-undo__button';
      b.textContent = ui.undo;
      b.setAttribute('aria-label', ui.undoName(field));
      b.addEventListener('click', () => this.undoRedaction(dp));
      p.append(b);
      box.append(p);
    }
    this.flowAnchor(el).after(box);
    if (titleId) this.describe(el, titleId, true);
    this.panels.set(dp, { sig, node: box, el, titleId });
  }

  /** The summary's items, in the page's order: [{ key, text, el, d }]. */
  summaryItems() {
    const ui = this.ui;
    const items = [];
    const seen = new Map();
    const key = (code, path) => {
      const k = `${code}|${path}`;
      const n = (seen.get(k) || 0) + 1;
      seen.set(k, n);
      return `${k}|${n}`;
    };
    for (const d of this.diags) {
      if (d.severity === 'info') continue;
      const el = this.elementFor(d.path);
      const l = this.labelOf(d.path);
      const msg = this.pageWords(d.message, d.path);
      // A field whose label another field has too: its section in front ("Linjeleder: «Navn» …").
      const named = l && l.section && (msg.includes(`«${l.label}»`) || msg.includes(`“${l.label}”`));
      items.push({ key: key(d.code, d.path), text: (named ? `${l.section}: ` : '') + msg, el, code: d.code, severity: d.severity, path: d.path });
    }
    for (const [dp, fs] of this.findings) {
      const el = this.elementFor(dp);
      const field = this.labelOf(dp)?.qualified || dp;
      for (const f of fs) {
        items.push({ key: key(f.code, dp), text: ui.findingIn(this.kindLabel(f.kind), field, f.span.utf16Start + 1, f.span.utf16End), el, code: f.code, severity: 'error', path: dp });
      }
    }
    // Page order; items without a field (the whole form, a field the page lacks) first.
    const order = (a, b) => {
      if (a.el === b.el) return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
      if (!a.el) return -1;
      if (!b.el) return 1;
      return a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    };
    return items.map((x, i) => [x, i]).sort((a, b) => order(a[0], b[0]) || a[1] - b[1]).map(([x]) => x);
  }

  /** Rebuilt on submit (and on a change of language): focused after a refused submit. */
  buildSummary(focus) {
    if (!this.summary) {
      this.summary = this.make('div', 'sv-error-summary');
      this.summary.tabIndex = -1;
      this.summary.hidden = true;
      this.form.prepend(this.summary);
    }
    const s = this.summary;
    s.replaceChildren();
    const items = this.summaryItems();
    if (!items.length) {
      s.hidden = true;
      return;
    }
    const h = document.createElement('h2');
    h.className = 'sv-error-summary__title';
    h.id = this.uid('sv-summary-title-' + cssId(this.opts.kind));
    h.textContent = this.ui.summaryTitle;
    s.setAttribute('aria-labelledby', h.id);
    const ul = document.createElement('ul');
    ul.className = 'sv-error-summary__list';
    for (const it of items) ul.append(this.summaryItem(it));
    s.append(h, ul);
    s.hidden = false;
    if (focus) s.focus();
  }

  summaryItem(it) {
    const li = document.createElement('li');
    li.dataset.code = it.code;
    li.dataset.severity = it.severity;
    li.dataset.path = it.path;
    li.dataset.key = it.key;
    if (it.el) {
      const target = it.el.matches(CONTROLS) ? it.el : [...it.el.querySelectorAll(CONTROLS)].find((c) => this.pointerFor(c)) || it.el;
      const a = document.createElement('a');
      a.href = '#' + this.idOf(target);
      a.textContent = it.text;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        if (!target.matches(CONTROLS) && !target.hasAttribute('tabindex')) this.attr(target, 'tabindex', '-1');
        target.focus();
        target.scrollIntoView({ block: 'center' });
      });
      li.append(a);
    } else {
      li.textContent = it.text;
    }
    return li;
  }

  /** While typing: items fixed go, the others' texts follow; nothing is added or read out again. */
  refreshSummary() {
    const s = this.summary;
    if (!s || s.hidden) return;
    const now = new Map(this.summaryItems().map((x) => [x.key, x]));
    let left = 0;
    for (const li of [...s.querySelectorAll('li')]) {
      const it = now.get(li.dataset.key);
      if (!it) {
        li.remove();
        continue;
      }
      left += 1;
      const t = li.firstElementChild || li;
      if (t.textContent !== it.text) t.textContent = it.text;
    }
    if (!left) s.hidden = true;
  }

  renderCosts(force) {
    const box = this.form.querySelector('[data-sv-costs]');
    if (!box) return;
    const c = this.costs;
    const sig = JSON.stringify([c?.monthlyTotalOre, c?.totalOre, this.lang]);
    if (sig === this.costsSig && !force) return;
    this.costsSig = sig;
    this.drop(this.costsNode);
    this.costsNode = null;
    if (!c || c.monthlyTotalOre == null) return;
    const ui = this.ui;
    const dl = this.make('dl', 'sv-costs');
    const fmt = (ore) => new Intl.NumberFormat(this.lang === 'en' ? 'en-GB' : 'nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: ore % 100 === 0 ? 0 : 2 }).format(ore / 100);
    const row = (k, v, key) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      dd.dataset.sv = key;
      dl.append(dt, dd);
    };
    row(ui.monthly, fmt(c.monthlyTotalOre), 'monthly');
    if (c.totalOre != null) row(ui.total, fmt(c.totalOre), 'total');
    box.append(dl);
    this.costsNode = dl;
  }

  showSealed(sealed) {
    this.sealed = sealed;
    const out = this.form.querySelector('[data-sv-sealed]');
    if (!out) return;
    this.drop(this.sealedNode);
    const ui = this.ui;
    const box = this.make('div', 'sv-sealed-box');
    const p = document.createElement('p');
    p.className = 'sv-sealed';
    p.textContent = ui.sealed;
    const d = document.createElement('p');
    d.textContent = ui.digest + ': ';
    const code = document.createElement('code');
    code.dataset.sv = 'sha256';
    code.textContent = sealed.sha256;
    d.append(code);
    box.append(p, d);
    out.append(box);
    this.sealedNode = box;
  }

  /** Any change after sealing: the sealed view goes, and the page hears of it. */
  unseal() {
    if (!this.sealed) return;
    this.sealed = null;
    this.drop(this.sealedNode);
    this.sealedNode = null;
    this.emit('skjemavakt:unsealed', null);
  }

  // ---- removing identifiers ----

  /** Replaces findings in a field's text with their placeholders (UTF-16 offsets); "Angre" puts it back. */
  redactField(dp, findings) {
    const el = this.elementFor(dp);
    if (!el || !('value' in el) || !findings.length) return 0;
    const before = el.value;
    let v = before;
    for (const f of [...findings].sort((a, b) => b.span.utf16Start - a.span.utf16Start)) {
      v = v.slice(0, f.span.utf16Start) + f.placeholder + v.slice(f.span.utf16End);
    }
    const prev = this.undo.get(dp);
    el.value = v;
    this.undo.set(dp, { el, before: prev && prev.after === before ? prev.before : before, after: v, count: (prev && prev.after === before ? prev.count : 0) + findings.length });
    el.dispatchEvent(new Event('input', { bubbles: true }));
    this.update();
    const field = this.labelOf(dp)?.qualified || dp;
    this.announce(findings.length === 1 ? this.ui.removedOne(lowerFirst(this.kindLabel(findings[0].kind)), field) : this.ui.removedMany(findings.length, field));
    el.focus();
    return findings.length;
  }

  undoRedaction(dp) {
    const u = this.undo.get(dp);
    if (!u || u.el.value !== u.after) return;
    this.undo.delete(dp);
    u.el.value = u.before;
    u.el.dispatchEvent(new Event('input', { bubbles: true }));
    this.update();
    this.announce(this.ui.undone(this.labelOf(dp)?.qualified || dp));
    u.el.focus();
  }

  // ---- public methods ----

  /** Checks now (without waiting for the typing pause); returns { valid, diagnostics, findings, costs }. */
  check() {
    if (!this.ready) return null;
    return this.update();
  }

  /** Removes every identifier found in every field; returns how many. */
  redactAll() {
    if (!this.ready) return 0;
    this.update();
    let n = 0;
    for (const [dp, fs] of [...this.findings]) n += this.redactField(dp, fs);
    return n;
  }

  /** Fills the form from a document (the reverse of document(): `names` and `values` mapped back). */
  fill(doc) {
    if (!this.ready) return;
    if (this.stale) this.collect();
    for (const [p, els] of this.inputs) {
      const v = getAt(doc, this.docPath(p));
      const el = els[0];
      if (el.type === 'checkbox' && els.length === 1) el.checked = v === true;
      else if (el.type === 'checkbox') for (const x of els) x.checked = Array.isArray(v) && v.includes(this.mapValue(p, x.value));
      else if (el.type === 'radio') for (const x of els) x.checked = v !== undefined && this.mapValue(p, x.value) === v;
      else if (el.tagName === 'SELECT') {
        const o = [...el.options].find((x) => x.value !== '' && this.mapValue(p, x.value) === v);
        el.value = o ? o.value : '';
      } else el.value = v === undefined || v === null ? '' : String(v);
      this.dirty.add(p);
    }
    this.unseal();
    this.update({ full: true });
  }

  /** Switches the language of messages and of the guard's own texts. */
  setLang(lang) {
    this.lang = UI[lang] ? lang : 'nb';
    for (const n of this.own) n.setAttribute('lang', this.lang);
    if (!this.ready) {
      if (this.form.dataset.skjemavakt === 'failed') this.status.textContent = this.ui.loadError;
      else this.status.textContent = this.ui.loading;
      return;
    }
    this.kinds = new Map(this.lib('findingKinds', { lang: this.lang }).map((k) => [k.kind, k]));
    this.loadSchema();
    this.labels = null;
    if (this.submitted && this.gated) {
      const r = this.lib('checkSubmission', this.build().doc, this.part1(), this.options({ pseudonymKey: this.opts.pseudonymKey }));
      this.setFindings(r.findings);
      this.diags = r.diagnostics.filter((d) => !this.findingCodes.has(d.code));
      this.checks = r.checks;
      this.costs = r.costs;
      this.render({ rebuild: true, force: true });
    } else {
      this.update({ full: true });
      this.render({ rebuild: this.submitted, force: true });
    }
    if (this.sealed) this.showSealed(this.sealed);
  }

  /** Takes the guard off the form: every listener, message, class and attribute it added. */
  detach() {
    if (this.detached) return;
    this.detached = true;
    this.ready = false;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    if (typeof this.opts.render === 'function') for (const [el, cur] of [...this.inline]) this.clearMessage(el, cur);
    for (const [t, type, fn, cap] of this.listeners) t.removeEventListener(type, fn, cap);
    this.listeners = [];
    for (const n of this.own) n.remove();
    this.own.clear();
    for (const [el, m] of this.classes) for (const [c, e] of m) if (!e.had) el.classList.remove(c);
    for (const [el, m] of this.orig) for (const name of m.keys()) this.restoreAttr(el, name);
    for (const [b, d] of this.origDisabled) b.disabled = d;
    this.classes.clear();
    this.orig.clear();
    this.live = null;
    guards.delete(this.form);
  }
}

/**
 * Guards a form. Blocks it at once (synchronously); resolves to the guard once the wasm module
 * is loaded. If it cannot be loaded, the form stays blocked, says why, and the promise rejects.
 * @param {HTMLFormElement} form
 * @param {object} options  see the README, "Embedding the guard in an existing form"
 */
export async function attach(form, options) {
  const guard = new Guard(form, options);
  return guard.start();
}
