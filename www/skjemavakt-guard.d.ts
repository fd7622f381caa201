// Type declarations of the drop-in guard (skjemavakt-guard.js; in the npm package
// `skjemavakt/guard`). Every option, method, event and attribute is described in README.md,
// "Embedding the guard in an existing form".

import type {
  CostSummary,
  Diagnostic,
  Finding,
  FormDrafts,
  FormKind,
  HospitalConfig,
  InitInput,
  Kept,
  Lang,
  Part1,
  Sealed,
  Stage,
} from './pkg/skjemavakt.js';

/** What a page's own message component gets (`render`), whenever a field's message changes. */
export interface FieldMessage {
  /** The input (or the group's element) the message is about. */
  element: Element;
  /** The field's wrapper (`group`), if any. */
  group: Element | null;
  /** JSON Pointer of the field in the document. */
  path: string;
  /** The field's label, in the page's words. */
  label: string;
  /** The message, or null when the field's message goes. */
  message: string | null;
  diagnostic: Diagnostic | null;
  lang: Lang;
}

/** The options of `attach` (README: the options table). */
export interface GuardOptions<K extends FormKind = FormKind> {
  /** The form kind. */
  kind: K;
  /** Language of the messages and of the guard's own texts; default "nb". */
  lang?: Lang;
  /** The stage checked while typing (and at submit without the gate); default "submission". */
  stage?: Stage;
  /** A submit runs the gate and calls `onSealed` (default; off for tilgang-del1). */
  gate?: boolean;
  /** The sealed package when the gate passes: the page sends it on. */
  onSealed?: (sealed: Sealed, doc: FormDrafts[K]) => void | Promise<void>;
  /** The document, when a submit without the gate finds nothing. */
  onValid?: (doc: FormDrafts[K]) => void | Promise<void>;
  /** Part 1: an element holding its inputs, a function returning it, or the document. */
  part1?: Element | (() => Part1 | null | undefined) | Part1 | null;
  /** The page's input names → JSON Pointers. */
  names?: Record<string, string>;
  /** The page's option values → the form's, per field (JSON Pointer). */
  values?: Record<string, Record<string, string | boolean>>;
  /** Gets the document built from the inputs, returns the one to check and seal. */
  transform?: (doc: FormDrafts[K]) => FormDrafts[K];
  /** Inputs that are not part of the document: a selector or a predicate. */
  ignore?: string | ((el: Element) => boolean);
  /** The field's own wrapper, which gets the error style. */
  group?: (el: Element) => Element | null | undefined;
  /** For pages with their own message component. */
  render?: (field: FieldMessage) => void;
  /** Milliseconds of typing pause before the check runs; default 300. */
  debounce?: number;
  /** The hospital's configuration (`{ trusts, departments }`). */
  config?: HospitalConfig;
  /** The hospital's secret pseudonym key (hex, at least 32 bytes). */
  pseudonymKey?: string;
  /** The sealed view offers the printable application as an HTML file; default true. */
  printable?: boolean;
  /** The wasm module: a URL, Response, bytes or a compiled module; default: the package's own. */
  wasm?: InitInput | Promise<InitInput>;
}

/** What `check()` returns. */
export interface CheckResult {
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The identifiers found that block (not those kept). */
  findings: Finding[];
  /** The findings the physician kept as false alarms ("Behold"), with the reasons; sent to
   * the gate as `options.keep` and listed in the sealed package. */
  kept: Kept[];
  costs: CostSummary | null;
}

/** A set-up problem found on `attach`, for the page's developer. */
export interface GuardWarning {
  code: 'field-missing' | 'input-unknown' | 'name-unused' | 'name-target' | 'values-target' | 'option-unmapped';
  message: string;
  path?: string;
  name?: string;
}

/** A guard on one form (README: "Methods and properties of the guard"). */
export interface Guard<K extends FormKind = FormKind> {
  /** Checks now instead of after the typing pause. */
  check(): CheckResult | null;
  /** Removes every identifier found in every field; returns how many. */
  redactAll(): number;
  /** Fills the form from a document (e.g. a saved draft). */
  fill(doc: FormDrafts[K]): void;
  /** Switches the language of the messages and the guard's texts. */
  setLang(lang: Lang): void;
  /** Takes the guard off the form (the form stays blocked by data-skjemavakt). */
  detach(): void;
  /** The document the form holds now. */
  document(): FormDrafts[K];
  /** Part 1 as the guard reads it. */
  part1(): Part1 | null;
  /** The set-up problems found on attach. */
  readonly warnings: GuardWarning[];
  /** Library calls so far by function name. */
  readonly calls: Record<string, number>;
  /** The current language. */
  readonly lang: Lang;
}

/** Guards a form: blocks it at once, resolves to the guard once the wasm module is loaded. */
export function attach<K extends FormKind>(form: HTMLFormElement, options: GuardOptions<K>): Promise<Guard<K>>;

/** Loads the wasm module ahead, once. */
export function load(wasm?: InitInput | Promise<InitInput>): Promise<unknown>;

/** The JSON Pointer an input name stands for ("a.b", "a[0].b", "/a/b"). */
export function pointerOf(name: string): string | null;

/** The guard's events on the form (bubbling). */
export interface GuardEventMap {
  'skjemavakt:ready': CustomEvent<Guard>;
  'skjemavakt:failed': CustomEvent<{ error: unknown }>;
  'skjemavakt:blocked': CustomEvent<{ diagnostics: Diagnostic[]; findings: Finding[] }>;
  'skjemavakt:sealed': CustomEvent<Sealed>;
  'skjemavakt:unsealed': CustomEvent<null>;
  'skjemavakt:valid': CustomEvent<FormDrafts[FormKind]>;
}

declare global {
  interface HTMLElementEventMap extends GuardEventMap {}
}
