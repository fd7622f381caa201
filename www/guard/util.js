// The guard's helpers: which controls are read, JSON Pointers and documents, small text helpers.

export const CONTROLS = 'input,select,textarea';
/** Input types that are never part of the document. */
export const SKIPPED_TYPES = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);
/** Elements whose content model takes a <p> or <div>: the guard's output goes inside one. */
export const FLOW = new Set(['DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'MAIN', 'FORM', 'FIELDSET', 'LI', 'DD',
  'TD', 'TH', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'DETAILS', 'BODY', 'HEADER', 'FOOTER', 'NAV',
  'DIALOG', 'CAPTION', 'SEARCH']);
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
export function segments(pointer) {
  let s = segmentCache.get(pointer);
  if (!s) {
    s = pointer.split('/').slice(1).map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segmentCache.size < 10000) segmentCache.set(pointer, s);
  }
  return s;
}

/** The schema's path of a document path: list indices as "-". */
export const schemaPath = (p) => p.replace(/\/\d+(?=\/|$)/g, '/-');
export const parentOf = (p) => p.slice(0, Math.max(0, p.lastIndexOf('/')));
export const below = (p, prefix) => p === prefix || p.startsWith(prefix + '/');

export function setAt(doc, pointer, value) {
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

export function getAt(doc, pointer) {
  let cur = doc;
  for (const seg of segments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = cur[Array.isArray(cur) ? Number(seg) : seg];
  }
  return cur;
}

/** Drops the holes that blank list rows leave; records each moved row (raw → document). */
export function compact(v, raw, out, moves) {
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

export function remap(p, moves, from, to) {
  let best = null;
  for (const m of moves) if (below(p, m[from]) && (!best || m[from].length > best[from].length)) best = m;
  return best ? best[to] + p.slice(best[from].length) : p;
}

export const cssId = (s) => s.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^-+/, '');
export const text = (s) => s.replace(/\s+/g, ' ').trim();
/** "Navn" → "navn", "IP-adresse" stays. */
export const lowerFirst = (s) => (s.length > 1 && s[1] === s[1].toLowerCase() && s[1] !== s[1].toUpperCase()
  ? s[0].toLowerCase() + s.slice(1) : s);
