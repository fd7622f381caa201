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

import { Guard } from './guard/guard.js';
export { load } from './guard/core.js';
export { pointerOf } from './guard/util.js';

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
