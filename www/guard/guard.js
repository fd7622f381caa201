// The guard: one per form — what it adds to the page (reversibly), reading the form into a
// document, and the checks. Its drawing and its public methods are in view.js.

import { UI } from './texts.js';
import { CONTROLS, SKIPPED_TYPES, FLOW, pointerOf, schemaPath, parentOf, below, setAt, getAt, compact, remap, cssId, text, lowerFirst } from './util.js';
import { guards, load, sv } from './core.js';
import { view } from './view.js';

export class Guard {
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
    this.kept = new Map();        // document path → findings kept as false alarms ({ path, kind, span, reason, text? })
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
    this.reasons = this.lib('keepReasons', { lang: this.lang });
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
      this.setFindings(r.findings, r.kept);
      this.diags = this.ownDiagnostics(r.diagnostics);
      this.checks = this.ownDiagnostics(r.checks);
      this.costs = r.costs;
      ok = r.ok;
      sealed = r.sealed;
    } else {
      const v = this.lib('validate', doc, this.options({ stage: this.opts.stage }));
      const r = this.scannedKind() ? this.lib('scan', doc, part1, this.options()) : { findings: [], kept: [] };
      this.setFindings(r.findings, r.kept);
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
    const keep = [...this.kept.values()].flat().map((k) => ({
      path: k.path, kind: k.kind, span: { utf16Start: k.span.utf16Start, utf16End: k.span.utf16End }, reason: k.reason, ...(k.text ? { text: k.text } : {}),
    }));
    return { lang: this.lang, config: this.opts.config, ...(keep.length ? { keep } : {}), ...extra };
  }

  /** The gate's diagnostics the guard shows itself: not the findings (shown as findings), not a
   * keep that went stale (the guard drops it: the text changed). */
  ownDiagnostics(list) {
    return list.filter((d) => !this.findingCodes.has(d.code) && d.code !== 'privacy.keep.stale');
  }

  /** The findings and the kept findings of a whole scan. A keep the library did not apply is gone. */
  setFindings(list, kept = []) {
    this.findings = new Map();
    this.kept = new Map();
    this.addFindings(list, kept);
  }

  addFindings(list, kept = []) {
    for (const f of list) {
      if (!this.findings.has(f.path)) this.findings.set(f.path, []);
      this.findings.get(f.path).push(f);
    }
    for (const k of kept) {
      if (!this.kept.has(k.path)) this.kept.set(k.path, []);
      this.kept.get(k.path).push(k);
    }
  }

  /** Keeps a finding as a false alarm with a reason (and, for `other`, words); scanned again. */
  keepFinding(f, reason, text) {
    const k = { path: f.path, kind: f.kind, span: f.span, reason, ...(reason === 'other' ? { text } : {}) };
    if (!this.kept.has(f.path)) this.kept.set(f.path, []);
    this.kept.get(f.path).push(k);
    this.unseal();
    this.update({ full: true });
    const now = (this.kept.get(f.path) || []).some((x) => x.kind === f.kind && x.span.utf16Start === f.span.utf16Start);
    const field = this.labelOf(f.path)?.qualified || f.path;
    if (now) this.announce(this.ui.keptOne(lowerFirst(this.kindLabel(f.kind)), field));
    return now;
  }

  /** Takes back a keep ("Angre"): the finding blocks again. */
  unkeepFinding(k) {
    const same = (x) => x.kind === k.kind && x.span.utf16Start === k.span.utf16Start && x.span.utf16End === k.span.utf16End;
    const list = (this.kept.get(k.path) || []).filter((x) => !same(x));
    if (list.length) this.kept.set(k.path, list);
    else this.kept.delete(k.path);
    this.unseal();
    this.update({ full: true });
    this.announce(this.ui.unkept(this.kindLabel(k.kind), this.labelOf(k.path)?.qualified || k.path));
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
      this.setFindings(r.findings, r.kept);
      this.diags = this.ownDiagnostics(r.diagnostics);
      this.checks = this.ownDiagnostics(r.checks);
      this.costs = r.costs;
    } else {
      // After a submit, the gate's stage: what it asked for stays asked for.
      const stage = this.submitted && this.gated ? 'submission' : this.opts.stage;
      const v = this.lib('validate', doc, this.options({ stage }));
      this.diags = v.diagnostics.concat(this.checks);
      this.costs = v.costs;
      if (full) {
        const r = this.scannedKind() ? this.lib('scan', doc, part1, o) : { findings: [], kept: [] };
        this.setFindings(r.findings, r.kept);
      } else {
        for (const p of this.dirty) {
          const dp = this.docPath(p);
          for (const k of [...this.findings.keys()]) if (below(k, dp)) this.findings.delete(k);
          const keeps = new Map([...this.kept].filter(([k]) => below(k, dp)));
          for (const k of keeps.keys()) this.kept.delete(k);
          const f = this.schema.get(schemaPath(dp));
          const value = getAt(doc, dp);
          if (!f || !f.scanned || value === undefined) continue;
          // The field alone goes to the library: the rest of the document is not needed to
          // scan it, and a long text elsewhere is not copied into wasm at every keystroke.
          const one = { form: doc.form };
          setAt(one, dp, value);
          // This field's keeps only: what the library does not apply again is gone.
          const keep = o.keep?.filter((k) => keeps.has(k.path));
          const r = this.lib('scanField', one, dp, part1, { ...o, keep });
          this.addFindings(r.findings, r.kept);
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
      kept: [...this.kept.values()].flat(),
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
}

Object.assign(Guard.prototype, view);
