//! The wasm package: `#[wasm_bindgen]` exports, a thin shell over [`crate::api`].
//!
//! Each export converts its JS arguments to `serde_json::Value`, calls the library, and
//! returns a plain JS object. Nothing here throws: arguments of the wrong shape come back as
//! diagnostics. The TypeScript declarations of every function, input and output are in the
//! custom sections below (the document types and codes generated, `types/forms.d.ts`) and end
//! up in `pkg/skjemavakt.d.ts`; every export is `skip_typescript`, declared there.

use crate::api::{self, Options};
use crate::diagnostic::{Diagnostic, Pointer};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Talc instead of the standard library's dlmalloc: about half the code (the package is
/// downloaded by every hospital page) and faster on the many small allocations of a check.
/// The package is single-threaded (no `atomics` target feature).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The generated part of the declarations: a document type per form kind, `Part1`, and the
/// codes as unions (`types/forms.d.ts`, from the form schema and the rule catalogue; held
/// up to date by `tests/generated.rs`).
#[wasm_bindgen(typescript_custom_section)]
const TS_GENERATED: &str = include_str!("../types/forms.d.ts");

/// The functions (every export is `skip_typescript` and declared here: options optional,
/// `redact` typed by its input) and their results.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Message language: Norwegian bokmål (default), nynorsk or English. */
export type Lang = "nb" | "nn" | "en";

/** Options every function accepts. An unknown option is a warning (`input.option`). */
export interface Options {
  /** Language of messages; default "nb". */
  lang?: Lang;
  /** Today's date as YYYY-MM-DD; default: the browser's local date. */
  today?: string;
  /** The hospital's configuration: extra health trusts, department codes, the line manager's
   * step, strict trusts. */
  config?: HospitalConfig;
}

/** Options of the checks: `validate`, `scan`, `redact`, the gate, `fields`, `costSummary`. */
export interface CheckOptions extends Options {
  /** Stage for `validate` and `fields`; default "submission". */
  stage?: Stage;
  /** The hospital's secret pseudonym key as hex (at least 32 bytes). Never built in. */
  pseudonymKey?: string;
  /** Findings kept as false alarms (`scan`, `scanField`, `redact`, the gate): each applies
   * only where the same kind is still found at the same place; never a valid national
   * identity number, the patient's own name, number or birth date, an e-mail address or a
   * valid account number. */
  keep?: Keep[];
}

/** A finding kept as a false alarm: the finding's path, kind and span (bytes as the CLI
 * prints them, or `utf16Start`/`utf16End` as a finding's span gives them), and why. */
export interface Keep {
  path: string;
  kind: FindingKind;
  span: { start: number; end: number } | { utf16Start: number; utf16End: number } | Span;
  reason: KeepReason;
  /** For `other` only (required there): at most 300 characters, scanned too. */
  text?: string;
}

/** A finding kept: where and what, and why — never the value. */
export interface Kept {
  path: string;
  kind: FindingKind;
  span: Span;
  reason: KeepReason;
  /** The words of an `other` reason. */
  text?: string;
}

/** Options of `schema`: the stage whose required members the schema requires (default
 * "submission"); `lang` for its titles. */
export interface SchemaOptions extends Options {
  stage?: Stage;
}

export interface HospitalConfig {
  trusts?: Trust[];
  departments?: string[];
  /** Part 2 of Tilgangsordningen needs the line manager's step before it is sent ("avhengig
   * av helseforetakets organisering"); default true. */
  line_manager_required?: boolean;
  /** An unknown health trust in a reference number is an error, not a warning; default false. */
  strict_trusts?: boolean;
}

export type Region = "helse-sor-ost" | "helse-vest" | "helse-midt-norge" | "helse-nord";

export interface Trust {
  /** Canonical short code used in reference numbers, e.g. "HBE". */
  code: string;
  name: string;
  region?: Region;
  kind?: "helseforetak" | "private-non-profit";
  aliases: string[];
}

export type Severity = "error" | "warning" | "info";

/** Where a rule comes from: a governing document and a section of it. */
export interface RuleSource {
  document: string;
  section: string;
  /** The document's version, when it gives one (e.g. "1.07"). */
  version?: string;
  /** The last day the document is valid (YYYY-MM-DD), when it says. */
  validUntil?: string;
}

/** Offsets inside a field's text: bytes (UTF-8) and UTF-16 code units (for JS strings). */
export interface Span {
  start: number;
  end: number;
  utf16Start: number;
  utf16End: number;
}

/** One problem. Never contains a value taken from the input. */
export interface Diagnostic {
  /** Stable code, e.g. "reference.date.future". */
  code: DiagnosticCode;
  severity: Severity;
  /** JSON Pointer to the field, e.g. "/patient/birth_year"; "" is the whole document. */
  path: string;
  message: string;
  hint?: string;
  source: RuleSource;
  span?: Span;
  confidence?: number;
}

export interface ReferenceParts {
  date: string;
  hf: string;
  dept: string;
}

export interface ReferenceResult {
  ok: boolean;
  /** The normalised reference, e.g. "2025-05-12-HBE-ONK". */
  reference: string | null;
  parts: ReferenceParts | null;
  diagnostics: Diagnostic[];
}

export interface Texts { nb: string; nn: string; en: string; }

export interface CostSummary {
  drugPerMonthOre: number | null;
  otherPerMonthOre: number | null;
  extraPerMonthOre: number | null;
  monthlyTotalOre: number | null;
  durationMonths: number | null;
  totalOre: number | null;
  monthlyTotalText: string | null;
  totalText: string | null;
  /** Helse Bergen's group forms: the expected number of patients per year. */
  groupSize?: number;
  /** Helse Bergen's group forms: the total per patient × the patients expected per year. */
  yearlyGroupTotalOre?: number;
  yearlyGroupTotalText?: string;
}

export interface ValidateResult {
  form: FormKind | null;
  stage: Stage;
  valid: boolean;
  diagnostics: Diagnostic[];
  costs: CostSummary | null;
}

/** Why a finding was found: the patient's own name or birth date (part 1), a cue word before
 * it, the name lists, its check digits, its form alone, the learned name finder alone (a
 * possible name, «mulig navn»), or a part of a name found elsewhere in the document. */
export type FindingBasis = "patient" | "cue" | "list" | "checksum" | "pattern" | "model" | "document";

/** An identifier found: where and what kind — never the matched text. */
export interface Finding {
  path: string;
  kind: FindingKind;
  code: FindingCode;
  span: Span;
  confidence: number;
  basis: FindingBasis;
  placeholder: string;
  message: string;
  /** May be kept as a false alarm (`options.keep`): not a valid national identity number,
   * the patient's own, an e-mail address or a valid account number. */
  keepable: boolean;
}

/** `findings` block; `kept` are the findings kept (`options.keep`); `diagnostics` are the
 * input's problems and the keeps' (`privacy.keep.*`). */
export interface ScanResult { findings: Finding[]; kept: Kept[]; diagnostics: Diagnostic[]; }

export interface Replacement { path: string; kind: FindingKind; span: Span; placeholder: string; }

/** `kept`: the findings kept, left as they are, with their spans in the redacted result. */
export interface RedactResult<T> { redacted: T | null; replacements: Replacement[]; kept: Kept[]; diagnostics: Diagnostic[]; }

/** The sealed package: what the page sends on, and what `render` prints. */
export interface Sealed {
  form: FormKind;
  /** Canonical JSON of part 2 (RFC 8785 member order). */
  canonical: string;
  /** SHA-256, hex, of the canonical JSON — followed, when findings were kept, by a line feed
   * and the canonical JSON of `kept`. */
  sha256: string;
  /** HMAC-SHA256 pseudonym of the patient (with a key and part 1). */
  pseudonym?: string;
  /** The findings the physician kept as false alarms, with why (inside the digest); absent
   * when none was kept. */
  kept?: Kept[];
  /** When it was sealed, by the sealing machine's clock (RFC 3339 with the offset); not part of
   * the digest. */
  sealedAt?: string;
}

export interface SubmissionResult {
  ok: boolean;
  sealed: Sealed | null;
  diagnostics: Diagnostic[];
  costs: CostSummary | null;
}

export interface RuleInfo {
  code: DiagnosticCode;
  severity: Severity;
  source: RuleSource;
  message: Texts;
  hint: Texts | null;
}

/** One field of a form kind (`fields`). */
export interface FieldInfo {
  /** JSON Pointer; a list's items once, with "-" for the index ("/literature/-/title"). */
  path: string;
  /** The field's label in the options' language. */
  label: string;
  type: "text" | "bool" | "enum" | "amount" | "integer" | "object" | "list";
  /** Required at the options' stage (for a group: its required members are). */
  required: boolean;
  /** The allowed values of an enum. */
  values?: string[];
  /** Most characters of a text, most entries of a list. */
  max?: number;
  /** Leaves the hospital and is scanned for identifiers. */
  scanned: boolean;
}

export interface FieldsResult {
  form: FormKind | null;
  stage: Stage;
  fields: FieldInfo[];
  diagnostics: Diagnostic[];
}

/** `checkSubmission`: the gate with the findings, and the checks against part 1 apart. */
export interface SubmissionCheck extends SubmissionResult {
  /** The identifiers found (their diagnostics are in `diagnostics` too), except those kept. */
  findings: Finding[];
  /** The findings kept as false alarms (`options.keep`). */
  kept: Kept[];
  /** The diagnostics of the checks against part 1 and of the options (also in `diagnostics`). */
  checks: Diagnostic[];
}

/** A kind of identifier: its code, its label in the options' language, its placeholder. */
export interface FindingKindInfo {
  kind: FindingKind;
  code: FindingCode;
  label: string;
  placeholder: string;
}

/** A reason for keeping a finding (`keepReasons`): its label in the options' language, and
 * whether it needs words of its own (`text`, for `other`). */
export interface KeepReasonInfo {
  reason: KeepReason;
  label: string;
  needsText: boolean;
}

/** A JSON Schema (draft 2020-12) of a form kind at a stage. */
export interface JsonSchema {
  $schema: "https://json-schema.org/draft/2020-12/schema";
  /** `urn:skjemavakt:VERSION:schemas:KIND.STAGE.json` */
  $id: string;
  title: string;
  description: string;
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required: string[];
  additionalProperties: false;
  $defs: Record<string, Record<string, unknown>>;
}

export interface SchemaResult {
  form: FormKind | null;
  stage: Stage;
  /** The schema, or null for an unknown kind. */
  schema: JsonSchema | null;
  diagnostics: Diagnostic[];
}

export interface RenderResult {
  /** True when the seal holds and `html` is the printable application. */
  ok: boolean;
  form: FormKind | null;
  /** The verified digest. */
  sha256: string | null;
  /** One self-contained HTML document (no script, no external resource; its own CSP). */
  html: string | null;
  diagnostics: Diagnostic[];
}

/** The package version. */
export function version(): string;
/** Today's date as the component sees it (YYYY-MM-DD). */
export function today(): string;
/** Checks a written reference number `[YYYY-MM-DD]-[HF]-[Dept]`. */
export function checkReference(value: string, options?: Options): ReferenceResult;
/** Builds a reference number from its parts. */
export function buildReference(parts: ReferenceParts, options?: Options): ReferenceResult;
/** The health trusts known (built in plus configured). */
export function registry(options?: Options): Trust[];
/** Every rule: code, severity, source and messages in all languages. */
export function rules(): RuleInfo[];
/** Validates a form document at `options.stage` (default "submission"). */
export function validate(doc: FormDraft, options?: CheckOptions): ValidateResult;
/** Finds direct identifiers in a form document's outgoing fields or in a text; `part1` gives
 * the patient's own name, number and birth date to look for. */
export function scan(input: FormDraft | string, part1?: Part1 | null, options?: CheckOptions): ScanResult;
/** Replaces every identifier found with a placeholder: a text gives a text, a document a
 * document of the same kind. */
export function redact(input: string, part1?: Part1 | null, options?: CheckOptions): RedactResult<string>;
export function redact<T extends FormDraft>(input: T, part1?: Part1 | null, options?: CheckOptions): RedactResult<T>;
/** The gate: validates part 2 at submission, scans it, checks it against part 1, seals it. */
export function prepareSubmission(part2: FormDraft, part1?: Part1 | null, options?: CheckOptions): SubmissionResult;
/** The cost summary of a document with the cost diagnostics only. */
export function costSummary(doc: FormDraft, options?: CheckOptions): ValidateResult;
/** The fields of a form kind with their labels and whether each is required at the stage. */
export function fields(kind: FormKind, options?: CheckOptions): FieldsResult;
/** Scans the outgoing fields at or below `path` ("" = all), each with its own privacy class. */
export function scanField(doc: FormDraft, path: string, part1?: Part1 | null, options?: CheckOptions): ScanResult;
/** The gate in one call for a submit: findings and the checks against part 1 apart. */
export function checkSubmission(part2: FormDraft, part1?: Part1 | null, options?: CheckOptions): SubmissionCheck;
/** Every kind of identifier with its code, label and placeholder. */
export function findingKinds(options?: Options): FindingKindInfo[];
/** The reasons a finding can be kept for (`options.keep`), with their labels. */
export function keepReasons(options?: Options): KeepReasonInfo[];
/** The JSON Schema (2020-12) of a form kind at `options.stage` (default "submission"). */
export function schema(kind: FormKind, options?: SchemaOptions): SchemaResult;
/** The printable application of a sealed package, after checking its seal. */
export function render(sealed: Sealed | { sealed: Sealed }, options?: Options): RenderResult;
"#;

fn today_from_js() -> NaiveDate {
    let d = js_sys::Date::new_0();
    let y = d.get_full_year() as i32;
    let m = d.get_month() + 1;
    let day = d.get_date();
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Converts a JS value to JSON; values that have no JSON form (functions, symbols, BigInt
/// out of range, byte arrays, iterables other than arrays and `Map`s, nesting deeper than
/// [`MAX_DEPTH`]) become a type diagnostic at `path`.
fn to_json(v: JsValue, path: Pointer, diags: &mut Vec<Diagnostic>) -> Value {
    match js_to_json(&v, 0) {
        Some(v) => v,
        None => {
            diags.push(api::type_error(path, "JSON"));
            Value::Null
        }
    }
}

/// Deepest nesting of arrays and objects accepted from JS (as `serde_json::from_str`).
const MAX_DEPTH: u32 = 128;

/// JS → JSON by hand, with the mapping serde-wasm-bindgen's `deserialize_any` had (null and
/// undefined → null; safe integers and BigInts in range → integers; other numbers → floats,
/// NaN and ±∞ → null; plain objects by `Object.entries`; `Map`s with string keys). Written
/// out because serde's deserializer glue linked the float formatter and Unicode printing
/// tables for error messages we never show (about 10 KB of the gzipped package).
fn js_to_json(v: &JsValue, depth: u32) -> Option<Value> {
    use js_sys::{Array, ArrayBuffer, Map, Object, Symbol, Uint8Array};
    if v.is_null() || v.is_undefined() {
        return Some(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Some(Value::Bool(b));
    }
    if v.is_bigint() {
        return match i64::try_from(v.clone()) {
            Ok(i) => Some(Value::from(i)),
            Err(v) => u64::try_from(v).ok().map(Value::from),
        };
    }
    if let Some(f) = v.as_f64() {
        return Some(if js_sys::Number::is_safe_integer(v) {
            Value::from(f as i64)
        } else {
            serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
        });
    }
    if let Some(s) = v.as_string() {
        return Some(Value::String(s));
    }
    if depth >= MAX_DEPTH {
        return None;
    }
    if Array::is_array(v) {
        let a: &Array = v.unchecked_ref();
        return a
            .iter()
            .map(|x| js_to_json(&x, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array);
    }
    if !v.is_object() || v.has_type::<Uint8Array>() || v.has_type::<ArrayBuffer>() {
        return None;
    }
    let entries = if let Some(m) = v.dyn_ref::<Map>() {
        Array::from(&m.entries())
    } else if Symbol::iterator().js_in(v) {
        return None;
    } else {
        Object::entries(v.unchecked_ref())
    };
    let mut out = serde_json::Map::new();
    for pair in entries.iter() {
        let pair: &Array = pair.unchecked_ref();
        let key = pair.get(0).as_string()?;
        out.insert(key, js_to_json(&pair.get(1), depth + 1)?);
    }
    Some(Value::Object(out))
}

/// The time now by the browser's clock, RFC 3339 with the local offset
/// (`2026-11-27T19:52:03+01:00`), for the seal's `sealedAt`.
fn now_from_js() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i32);
    let o = offset.unsigned_abs();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        if offset < 0 { '-' } else { '+' },
        o / 60,
        o % 60
    )
}

fn options(v: JsValue) -> (Options, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let json = to_json(v, Pointer::root().key("options"), &mut diags);
    let (mut o, more) = Options::from_json(&json, today_from_js());
    o.now = Some(now_from_js());
    diags.extend(more);
    (o, diags)
}

/// A result as a plain JS object: serialised to `serde_json::Value` (the one serializer the
/// library already has for its JSON output), then built as JS values by hand.
fn to_js<T: Serialize>(v: &T) -> JsValue {
    serde_json::to_value(v).map_or(JsValue::NULL, |j| json_to_js(&j))
}

#[wasm_bindgen]
extern "C" {
    /// A plain JS object, written with `o[key] = value` (as serde-wasm-bindgen did).
    type PlainObject;

    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &PlainObject, key: &str, value: JsValue);
}

/// JSON → JS: objects are plain objects, numbers are JS numbers, null is null.
fn json_to_js(v: &Value) -> JsValue {
    match v {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => n.as_f64().map_or(JsValue::NULL, JsValue::from_f64),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(a) => a.iter().map(json_to_js).collect::<js_sys::Array>().into(),
        Value::Object(m) => {
            let o: PlainObject = js_sys::Object::new().unchecked_into();
            for (k, x) in m {
                o.set(k, json_to_js(x));
            }
            o.into()
        }
    }
}

/// Runs when the module is instantiated. With the `dev-panic-hook` feature (development
/// builds), panics are logged to the browser console with their message.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "dev-panic-hook")]
    console_error_panic_hook::set_once();
}

/// The package version.
#[wasm_bindgen(skip_typescript)]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Checks a written reference number `[YYYY-MM-DD]-[HF]-[Dept]`.
#[wasm_bindgen(js_name = checkReference, skip_typescript)]
pub fn check_reference(value: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(value, Pointer::root().key("reference"), &mut pre);
    to_js(&api::check_reference(&v, &o, pre))
}

/// Builds a reference number from `{ date: "YYYY-MM-DD", hf, dept }`.
#[wasm_bindgen(js_name = buildReference, skip_typescript)]
pub fn build_reference(parts: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(parts, Pointer::root().key("reference"), &mut pre);
    to_js(&api::build_reference(&v, &o, pre))
}

/// The health trusts known (built in plus configured).
#[wasm_bindgen(skip_typescript)]
pub fn registry(opts: JsValue) -> JsValue {
    let (o, _) = options(opts);
    to_js(&api::registry(&o))
}

/// Every rule: code, severity, source and messages in all languages.
#[wasm_bindgen(skip_typescript)]
pub fn rules() -> JsValue {
    to_js(&api::catalogue_info())
}

/// Today's date as the component sees it (`YYYY-MM-DD`), for display.
#[wasm_bindgen(js_name = today, skip_typescript)]
pub fn today() -> String {
    let d = today_from_js();
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Validates a form document at `options.stage` (default `submission`).
#[wasm_bindgen(skip_typescript)]
pub fn validate(doc: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(doc, Pointer::root(), &mut pre);
    to_js(&api::validate(&v, &o, pre))
}

/// Finds direct identifiers in a form document (its outgoing fields) or in a text. `part1`
/// (optional) gives the patient's name, number and birth date to look for.
#[wasm_bindgen(skip_typescript)]
pub fn scan(input: JsValue, part1: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(input, Pointer::root(), &mut pre);
    let p1 = to_json(part1, Pointer::root().key("part1"), &mut pre);
    to_js(&api::scan(&v, &p1, &o, pre))
}

/// Replaces every identifier found with a bracketed placeholder (`[NAVN]`, …).
#[wasm_bindgen(skip_typescript)]
pub fn redact(input: JsValue, part1: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(input, Pointer::root(), &mut pre);
    let p1 = to_json(part1, Pointer::root().key("part1"), &mut pre);
    to_js(&api::redact(&v, &p1, &o, pre))
}

/// The gate: validates part 2 at submission, scans it, checks it against part 1, and seals it
/// (canonical JSON + SHA-256, and a pseudonym when `options.pseudonymKey` is given).
#[wasm_bindgen(js_name = prepareSubmission, skip_typescript)]
pub fn prepare_submission(part2: JsValue, part1: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(part2, Pointer::root(), &mut pre);
    let p1 = to_json(part1, Pointer::root().key("part1"), &mut pre);
    to_js(&api::prepare_submission(&v, &p1, &o, pre))
}

/// The cost summary of a document (monthly total, total over the duration) with the cost
/// diagnostics only.
#[wasm_bindgen(js_name = costSummary, skip_typescript)]
pub fn cost_summary(doc: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(doc, Pointer::root(), &mut pre);
    to_js(&api::cost_summary(&v, &o, pre))
}

// ---------------------------------------------------------------------------------------
// For the drop-in guard (issue 18).

/// The fields of a form kind with their labels (in `options.lang`) and whether each is
/// required at `options.stage` (default `submission`).
#[wasm_bindgen(skip_typescript)]
pub fn fields(kind: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let k = to_json(kind, Pointer::root().key("form"), &mut pre);
    to_js(&api::fields(&k, &o, pre))
}

/// Scans the outgoing fields of a form document at or below `path` (a JSON Pointer; `""` is
/// the whole document), each with its own privacy class: what the guard calls for the one
/// field that changed.
#[wasm_bindgen(js_name = scanField, skip_typescript)]
pub fn scan_field(doc: JsValue, path: JsValue, part1: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(doc, Pointer::root(), &mut pre);
    let p = to_json(path, Pointer::root().key("path"), &mut pre);
    let p1 = to_json(part1, Pointer::root().key("part1"), &mut pre);
    to_js(&api::scan_field(&v, &p, &p1, &o, pre))
}

/// The gate in one call for a submit: as `prepareSubmission`, with the identifiers found as
/// `findings` and the checks against part 1 as `checks`.
#[wasm_bindgen(js_name = checkSubmission, skip_typescript)]
pub fn check_submission(part2: JsValue, part1: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(part2, Pointer::root(), &mut pre);
    let p1 = to_json(part1, Pointer::root().key("part1"), &mut pre);
    to_js(&api::check_submission(&v, &p1, &o, pre))
}

/// Every kind of identifier with its code, label (in `options.lang`) and placeholder.
#[wasm_bindgen(js_name = findingKinds, skip_typescript)]
pub fn finding_kinds(opts: JsValue) -> JsValue {
    let (o, _) = options(opts);
    to_js(&api::finding_kinds(&o))
}

/// The reasons a finding can be kept for, with their labels (in `options.lang`).
#[wasm_bindgen(js_name = keepReasons, skip_typescript)]
pub fn keep_reasons(opts: JsValue) -> JsValue {
    let (o, _) = options(opts);
    to_js(&api::keep_reasons(&o))
}

// ---------------------------------------------------------------------------------------
// The forms as JSON Schema, and the printable application (issue 20).

/// The JSON Schema (2020-12) of a form kind at `options.stage` (default `submission`), with
/// titles in `options.lang`.
#[wasm_bindgen(skip_typescript)]
pub fn schema(kind: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let k = to_json(kind, Pointer::root().key("form"), &mut pre);
    to_js(&api::schema(&k, &o, pre))
}

/// The printable application of a sealed package (`{ form, canonical, sha256, … }` or
/// `{ sealed: … }`): one self-contained HTML document, after checking the seal.
#[wasm_bindgen(skip_typescript)]
pub fn render(sealed: JsValue, opts: JsValue) -> JsValue {
    let (o, mut pre) = options(opts);
    let s = to_json(sealed, Pointer::root(), &mut pre);
    // The canonical text is read with the browser's JSON.parse (see verify::ParseJson).
    let parse = |t: &str| js_sys::JSON::parse(t).ok().and_then(|v| js_to_json(&v, 0));
    to_js(&api::render_with(&s, &parse, &o, pre))
}
