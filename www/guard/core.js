// Fail closed, and the wasm package: the one module that knows where the package is.

// ---------------------------------------------------------------------------------------
// Fail closed from the first moment: a form that is guarded, or says it will be, is never
// submitted by the browser — whatever the state of the guard, ready or not.

export const guards = new WeakMap(); // form → Guard
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

/** The loaded wasm module (null until `load` resolves). */
export let sv = null;
let loading = null;
/** Loads the wasm module once (optionally from a given module, URL, Response or bytes). */
export function load(wasm) {
  if (!loading) {
    loading = import('../pkg/skjemavakt.js')
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
