// The guard's drawing: messages at the fields, the identifiers found with Fjern and Angre, the
// error summary, the costs and the sealed view; and its public methods. Mixed into Guard.

import { UI } from './texts.js';
import { CONTROLS, getAt, cssId, text, lowerFirst } from './util.js';
import { guards, sv } from './core.js';

export const view = {
  // ---- drawing ----

  render({ rebuild = false, focus = false, force = false }) {
    // Most keystrokes change no message, finding or cost: then nothing is redrawn.
    const sig = JSON.stringify([this.submitted, this.touched.size, this.lang,
      this.diags.map((d) => [d.code, d.path, d.severity, d.message, d.span?.utf16Start]),
      [...this.findings].map(([p, fs]) => [p, fs.map((f) => [f.kind, f.span.utf16Start, f.span.utf16End])]),
      [...this.kept].map(([p, ks]) => [p, ks.map((k) => [k.kind, k.span.utf16Start, k.reason])]),
      this.costs?.monthlyTotalOre, this.costs?.totalOre]);
    if (!rebuild && !force && !this.undo.size && sig === this.renderedSig) return;
    this.renderedSig = sig;
    this.renderInline(force);
    this.renderPanels(force);
    if (rebuild) this.buildSummary(focus);
    else this.refreshSummary();
    this.renderCosts(force);
  },

  messageText(d) {
    const msg = this.pageWords(d.message, d.path);
    return d.hint && d.code !== 'form.required' ? `${msg} ${d.hint}` : msg;
  },

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
  },

  /** The controls a message describes, and the element that carries aria-describedby. */
  targetsOf(el) {
    if (!el.matches(CONTROLS)) return { controls: [...el.querySelectorAll(CONTROLS)].filter((c) => this.pointerFor(c)), describe: el.matches('fieldset') ? [el] : [] };
    const p = this.pointerFor(el);
    const group = (this.inputs.get(p) || [el]).filter((c) => c.type === el.type);
    const fs = this.ownFieldset(el);
    return { controls: group, describe: fs ? [fs] : group };
  },

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
  },

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
  },

  kindLabel(kind) {
    return this.kinds.get(kind)?.label || kind;
  },

  renderPanels(force) {
    // An undo is kept while the field holds exactly what "Fjern" left in it.
    for (const [dp, u] of [...this.undo]) if (u.el.value !== u.after) this.undo.delete(dp);
    const paths = new Set([...this.findings.keys(), ...this.kept.keys(), ...this.undo.keys(), ...this.panels.keys()]);
    for (const dp of paths) {
      const fs = this.findings.get(dp) || [];
      const ks = this.kept.get(dp) || [];
      const u = this.undo.get(dp);
      const cur = this.panels.get(dp);
      const el = this.elementFor(dp);
      if ((!fs.length && !ks.length && !u) || !el || !el.matches(CONTROLS)) {
        if (cur) this.dropPanel(dp, cur);
        continue;
      }
      const sig = JSON.stringify([fs.map((f) => [f.kind, f.span.utf16Start, f.span.utf16End]), ks.map((k) => [k.kind, k.span.utf16Start, k.reason]), u ? u.count : 0, this.lang]);
      if (cur && cur.sig === sig && !force) continue;
      if (cur) this.dropPanel(dp, cur);
      this.panel(el, dp, fs, u, sig, ks);
    }
  },

  dropPanel(dp, cur) {
    if (cur.titleId) this.describe(cur.el, cur.titleId, false);
    this.drop(cur.node);
    this.panels.delete(dp);
  },

  panel(el, dp, findings, u, sig, kept = []) {
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
        if (f.keepable) {
          const keep = document.createElement('button');
          keep.type = 'button';
          keep.className = 'sv-link-button sv-keep';
          keep.textContent = ui.keep;
          keep.setAttribute('aria-label', ui.keepName(lowerFirst(kind), field, s, e));
          keep.setAttribute('aria-expanded', 'false');
          keep.addEventListener('click', () => this.keepChoice(li, keep, f));
          li.append(document.createTextNode(' '), keep);
        }
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
    if (kept.length) {
      const t = document.createElement('p');
      t.className = 'sv-kept__title';
      t.textContent = ui.keptTitle;
      const ul = document.createElement('ul');
      ul.className = 'sv-kept';
      const why = new Map((this.reasons || []).map((r) => [r.reason, r.label]));
      for (const k of kept) {
        const s = k.span.utf16Start + 1;
        const e = k.span.utf16End;
        const kind = this.kindLabel(k.kind);
        const li = document.createElement('li');
        li.dataset.kind = k.kind;
        li.dataset.reason = k.reason;
        li.append(document.createTextNode(`${kind} (${ui.chars(s, e)}): ${why.get(k.reason) || k.reason}${k.text ? ` – ${k.text}` : ''} `));
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'sv-link-button sv-unkeep';
        b.textContent = ui.undo;
        b.setAttribute('aria-label', ui.unkeepName(lowerFirst(kind), field, s, e));
        b.addEventListener('click', () => this.unkeepFinding(k));
        li.append(b);
        ul.append(li);
      }
      box.append(t, ul);
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
  },

  /** "Behold": the reasons to choose from (their words from the library), and words of one's
   * own for "other"; the finding is kept when the library accepts it. */
  keepChoice(li, button, f) {
    const ui = this.ui;
    const open = li.querySelector('.sv-keep-choice');
    if (open) {
      this.drop(open);
      button.setAttribute('aria-expanded', 'false');
      return;
    }
    button.setAttribute('aria-expanded', 'true');
    const box = this.make('fieldset', 'sv-keep-choice');
    const legend = document.createElement('legend');
    legend.textContent = ui.keepWhy;
    box.append(legend);
    const name = this.uid('sv-keep-' + cssId(f.path) + '-' + f.span.utf16Start);
    const textId = this.uid(name + '-text');
    const words = document.createElement('input');
    words.type = 'text';
    words.id = textId;
    words.maxLength = 300;
    words.dataset.svIgnore = '';
    const wordsLabel = document.createElement('label');
    wordsLabel.htmlFor = textId;
    wordsLabel.textContent = ui.keepText;
    const wordsBox = document.createElement('p');
    wordsBox.append(wordsLabel, document.createTextNode(' '), words);
    wordsBox.hidden = true;
    for (const r of this.reasons || []) {
      const id = this.uid(name + '-' + r.reason);
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = name;
      radio.id = id;
      radio.value = r.reason;
      radio.dataset.svIgnore = '';
      radio.addEventListener('change', () => { wordsBox.hidden = !r.needsText; });
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = r.label;
      const p = document.createElement('p');
      p.append(radio, document.createTextNode(' '), label);
      box.append(p);
    }
    box.append(wordsBox);
    const ok = document.createElement('button');
    ok.type = 'button';
    ok.className = 'sv-keep-confirm';
    ok.textContent = ui.keepConfirm;
    ok.addEventListener('click', () => {
      const chosen = box.querySelector('input[type=radio]:checked');
      if (!chosen) {
        box.querySelector('input[type=radio]')?.focus();
        return;
      }
      const r = (this.reasons || []).find((x) => x.reason === chosen.value);
      if (r?.needsText && !words.value.trim()) {
        words.focus();
        return;
      }
      if (!this.keepFinding(f, chosen.value, r?.needsText ? words.value : undefined)) {
        // Refused by the library (its words hold an identifier): the finding stays, and says so.
        words.setAttribute('aria-invalid', 'true');
        words.focus();
      }
    });
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'sv-link-button';
    cancel.textContent = ui.keepCancel;
    cancel.addEventListener('click', () => {
      this.drop(box);
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    });
    box.append(ok, document.createTextNode(' '), cancel);
    li.append(box);
    box.querySelector('input[type=radio]')?.focus();
  },

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
  },

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
  },

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
  },

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
  },

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
  },

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
    if (sealed.kept?.length) {
      const k = document.createElement('p');
      k.className = 'sv-sealed-kept';
      k.textContent = ui.sealedKept(sealed.kept.length);
      box.append(k);
    }
    // The printable application (one HTML document, no script), as a file to download: to
    // print, to file in the case system, to send on.
    this.dropPrintable();
    if (this.opts.printable !== false) {
      const r = this.lib('render', sealed, { lang: this.lang });
      if (r.ok) {
        const a = document.createElement('a');
        a.className = 'sv-printable';
        this.printUrl = URL.createObjectURL(new Blob([r.html], { type: 'text/html;charset=utf-8' }));
        a.href = this.printUrl;
        a.download = `soknad-${r.sha256.slice(0, 12)}.html`;
        a.textContent = ui.printable;
        const pa = document.createElement('p');
        pa.append(a);
        box.append(pa);
      }
    }
    out.append(box);
    this.sealedNode = box;
  },

  dropPrintable() {
    if (this.printUrl) URL.revokeObjectURL(this.printUrl);
    this.printUrl = null;
  },

  /** Any change after sealing: the sealed view goes, and the page hears of it. */
  unseal() {
    if (!this.sealed) return;
    this.sealed = null;
    this.drop(this.sealedNode);
    this.sealedNode = null;
    this.dropPrintable();
    this.emit('skjemavakt:unsealed', null);
  },

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
    // The findings kept in this field move with the text before them.
    const keptBefore = this.kept.get(dp) || [];
    if (keptBefore.length) {
      this.kept.set(dp, keptBefore.map((k) => {
        let d = 0;
        for (const f of findings) if (f.span.utf16End <= k.span.utf16Start) d += f.placeholder.length - (f.span.utf16End - f.span.utf16Start);
        return { ...k, span: { ...k.span, utf16Start: k.span.utf16Start + d, utf16End: k.span.utf16End + d } };
      }));
    }
    el.value = v;
    this.undo.set(dp, { el, before: prev && prev.after === before ? prev.before : before, after: v, count: (prev && prev.after === before ? prev.count : 0) + findings.length, kept: prev && prev.after === before ? prev.kept : keptBefore });
    el.dispatchEvent(new Event('input', { bubbles: true }));
    this.update();
    const field = this.labelOf(dp)?.qualified || dp;
    this.announce(findings.length === 1 ? this.ui.removedOne(lowerFirst(this.kindLabel(findings[0].kind)), field) : this.ui.removedMany(findings.length, field));
    el.focus();
    return findings.length;
  },

  undoRedaction(dp) {
    const u = this.undo.get(dp);
    if (!u || u.el.value !== u.after) return;
    this.undo.delete(dp);
    u.el.value = u.before;
    if (u.kept?.length) this.kept.set(dp, u.kept);
    u.el.dispatchEvent(new Event('input', { bubbles: true }));
    this.update();
    this.announce(this.ui.undone(this.labelOf(dp)?.qualified || dp));
    u.el.focus();
  },

  // ---- public methods ----

  /** Checks now (without waiting for the typing pause); returns { valid, diagnostics, findings, costs }. */
  check() {
    if (!this.ready) return null;
    return this.update();
  },

  /** Removes every identifier found in every field; returns how many. */
  redactAll() {
    if (!this.ready) return 0;
    this.update();
    let n = 0;
    for (const [dp, fs] of [...this.findings]) n += this.redactField(dp, fs);
    return n;
  },

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
  },

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
    this.reasons = this.lib('keepReasons', { lang: this.lang });
    this.loadSchema();
    this.labels = null;
    if (this.submitted && this.gated) {
      const r = this.lib('checkSubmission', this.build().doc, this.part1(), this.options({ pseudonymKey: this.opts.pseudonymKey }));
      this.setFindings(r.findings, r.kept);
      this.diags = this.ownDiagnostics(r.diagnostics);
      this.checks = this.ownDiagnostics(r.checks);
      this.costs = r.costs;
      this.render({ rebuild: true, force: true });
    } else {
      this.update({ full: true });
      this.render({ rebuild: this.submitted, force: true });
    }
    if (this.sealed) this.showSealed(this.sealed);
  },

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
    this.dropPrintable();
    guards.delete(this.form);
  },
};
