//! The wasm package: `#[wasm_bindgen]` exports, a thin shell over [`crate::api`].
//!
//! Each export converts its JS arguments to `serde_json::Value`, calls the library, and
//! returns a plain JS object. Nothing here throws: arguments of the wrong shape come back as
//! diagnostics. The TypeScript types of every input and output are in the custom section
//! below and end up in `pkg/skjemavakt.d.ts`.

use crate::api::{self, Options};
use crate::diagnostic::{Diagnostic, Pointer};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Message language: Norwegian bokmål (default), nynorsk or English. */
export type Lang = "nb" | "nn" | "en";

/** Options every function accepts. */
export interface Options {
  /** Language of messages; default "nb". */
  lang?: Lang;
  /** Today's date as YYYY-MM-DD; default: the browser's local date. */
  today?: string;
  /** The hospital's configuration: extra health trusts and department codes. */
  config?: HospitalConfig;
}

export interface HospitalConfig {
  trusts?: Trust[];
  departments?: string[];
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
  code: string;
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

export interface RuleInfo {
  code: string;
  severity: Severity;
  source: RuleSource;
  message: Texts;
  hint: Texts | null;
}
"#;

fn today_from_js() -> NaiveDate {
    let d = js_sys::Date::new_0();
    let y = d.get_full_year() as i32;
    let m = d.get_month() + 1;
    let day = d.get_date();
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// Converts a JS value to JSON; values that have no JSON form (functions, symbols, BigInt
/// out of range) become a type diagnostic at `path`.
fn to_json(v: JsValue, path: Pointer, diags: &mut Vec<Diagnostic>) -> Value {
    match serde_wasm_bindgen::from_value::<Value>(v) {
        Ok(v) => v,
        Err(_) => {
            diags.push(api::type_error(path, "JSON"));
            Value::Null
        }
    }
}

fn options(v: JsValue) -> (Options, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let json = to_json(v, Pointer::root().key("options"), &mut diags);
    let (o, more) = Options::from_json(&json, today_from_js());
    diags.extend(more);
    (o, diags)
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// The package version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Checks a written reference number `[YYYY-MM-DD]-[HF]-[Dept]`.
#[wasm_bindgen(js_name = checkReference, unchecked_return_type = "ReferenceResult")]
pub fn check_reference(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] opts: JsValue,
) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(value, Pointer::root().key("reference"), &mut pre);
    to_js(&api::check_reference(&v, &o, pre))
}

/// Builds a reference number from `{ date: "YYYY-MM-DD", hf, dept }`.
#[wasm_bindgen(js_name = buildReference, unchecked_return_type = "ReferenceResult")]
pub fn build_reference(
    #[wasm_bindgen(unchecked_param_type = "{ date: string; hf: string; dept: string }")]
    parts: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] opts: JsValue,
) -> JsValue {
    let (o, mut pre) = options(opts);
    let v = to_json(parts, Pointer::root().key("reference"), &mut pre);
    to_js(&api::build_reference(&v, &o, pre))
}

/// The health trusts known (built in plus configured).
#[wasm_bindgen(unchecked_return_type = "Trust[]")]
pub fn registry(
    #[wasm_bindgen(unchecked_param_type = "Options | undefined")] opts: JsValue,
) -> JsValue {
    let (o, _) = options(opts);
    to_js(&api::registry(&o))
}

/// Every rule: code, severity, source and messages in all languages.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> JsValue {
    to_js(&api::catalogue_info())
}

/// Today's date as the component sees it (`YYYY-MM-DD`), for display.
#[wasm_bindgen(js_name = today)]
pub fn today() -> String {
    let d = today_from_js();
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}
