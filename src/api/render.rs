//! The printable application: a sealed package as one self-contained HTML document for
//! people — the committee, the case system (Elements, Public 360), an e-mail.
//!
//! The seal is checked first ([`crate::submission::verify`]: the digest is the SHA-256 of the
//! canonical JSON, which is canonical, of the named kind, and follows its form); a package
//! whose seal does not hold is refused, never printed. The document then shows every field
//! of the form in the form's order, with the form's headings and labels in the options'
//! language, enumerations in words, amounts in Norwegian writing, the cost summary, the
//! reference, and the digest and seal time in every printed page's footer (CSS page margin
//! boxes) and at the end.
//!
//! The HTML has no script, no external resource and no inline style attribute; its one
//! `<style>` element is allowed by the document's own Content-Security-Policy
//! (`default-src 'none'; style-src 'sha256-…'`), which a server should also send as its
//! header. Every value from the package is HTML-escaped; the footer's texts are built from
//! the verified digest and the parsed time only.

use super::Options;
use crate::diagnostic::{render_all, texts, Diagnostic, Lang, Rendered, Texts};
use crate::forms::schema::{Field, Ty, LONG_TEXT};
use crate::forms::sections::{costs, treatment};
use crate::forms::{self, Stage};
use crate::money::Amount;
use crate::submission::verify::{self, SealTime, Verified};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The result of [`render`].
#[derive(Clone, Debug, Serialize)]
pub struct RenderResult {
    /// True when the seal holds and `html` is the printable application.
    pub ok: bool,
    /// The form kind, when the seal holds.
    pub form: Option<&'static str>,
    /// The verified digest (SHA-256 of the canonical JSON), when the seal holds.
    pub sha256: Option<String>,
    /// The HTML document, when the seal holds.
    pub html: Option<String>,
    pub diagnostics: Vec<Rendered>,
}

/// The printable application of a sealed package (see the module's documentation).
pub fn render(sealed: &Value, opts: &Options, pre: Vec<Diagnostic>) -> RenderResult {
    render_with(sealed, &|s| crate::input::parse_json(s).ok(), opts, pre)
}

/// As [`render`], parsing the sealed canonical JSON with `parse` (the wasm package passes the
/// browser's `JSON.parse`: [`verify::ParseJson`]).
pub fn render_with(
    sealed: &Value,
    parse: verify::ParseJson<'_>,
    opts: &Options,
    mut pre: Vec<Diagnostic>,
) -> RenderResult {
    let ctx = opts.context();
    match verify::verify_with(sealed, parse, &ctx) {
        Ok(v) => {
            pre.extend(v.warnings.iter().cloned());
            let html = html(&v, opts);
            RenderResult {
                ok: true,
                form: Some(v.kind.as_str()),
                sha256: Some(v.sha256),
                html: Some(html),
                diagnostics: render_all(&pre, opts.lang),
            }
        }
        Err(d) => {
            pre.extend(d);
            RenderResult {
                ok: false,
                form: None,
                sha256: None,
                html: None,
                diagnostics: render_all(&pre, opts.lang),
            }
        }
    }
}

texts!(T_SEAL, "Forsegling", "Forsegling", "Seal");
texts!(
    T_DIGEST,
    "Kontrollsum (SHA-256)",
    "Kontrollsum (SHA-256)",
    "Digest (SHA-256)"
);
texts!(T_SEALED_AT, "Forseglet", "Forsegla", "Sealed");
texts!(T_NOT_GIVEN, "ikke oppgitt", "ikkje oppgitt", "not given");
texts!(
    T_PSEUDONYM,
    "Pasientpseudonym (HMAC-SHA256)",
    "Pasientpseudonym (HMAC-SHA256)",
    "Patient pseudonym (HMAC-SHA256)"
);
texts!(T_EMPTY, "Ikke fylt ut", "Ikkje fylt ut", "Not filled in");
texts!(T_YES, "Ja", "Ja", "Yes");
texts!(T_NO, "Nei", "Nei", "No");
texts!(
    T_SUMMARY,
    "Kostnadsoppsummering",
    "Kostnadsoppsummering",
    "Cost summary"
);
texts!(
    T_MONTHLY,
    "Sum per måned",
    "Sum per månad",
    "Total per month"
);
texts!(
    T_TOTAL,
    "Totalt over forventet behandlingstid",
    "Totalt over venta behandlingstid",
    "Total over the expected duration"
);
texts!(
    T_NOT_COMPUTED,
    "kan ikke beregnes",
    "kan ikkje reknast ut",
    "cannot be computed"
);
texts!(
    T_KEPT,
    "Beholdt etter vurdering: ikke personopplysninger",
    "Halde på etter vurdering: ikkje personopplysningar",
    "Kept after assessment: no personal data"
);
texts!(
    T_KEPT_NOTE,
    "Skjemavakt fant disse som mulige personopplysninger. Legen som fylte ut søknaden har vurdert at de ikke er det, og beholdt dem med begrunnelsen som står her. Listen er en del av kontrollsummen.",
    "Skjemavakt fann desse som moglege personopplysningar. Legen som fylte ut søknaden, har vurdert at dei ikkje er det, og halde på dei med grunngjevinga som står her. Lista er ein del av kontrollsummen.",
    "Skjemavakt found these as possible personal data. The physician who filled in the application assessed that they are not, and kept them for the reason given here. The list is part of the digest."
);
texts!(T_KEPT_FIELD, "Felt", "Felt", "Field");
texts!(T_KEPT_WHAT, "Funnet som", "Funne som", "Found as");
texts!(T_KEPT_WHY, "Begrunnelse", "Grunngjeving", "Reason");
texts!(T_PAGE, "Side", "Side", "Page");
texts!(T_OF, "av", "av", "of");
texts!(T_AT, "kl.", "kl.", "at");
texts!(
    T_NOTE,
    "Kontrollsummen er SHA-256 av søknaden slik den ble kontrollert og forseglet (kanonisk JSON); den samme søknaden gir alltid den samme kontrollsummen. Tidspunktet er klokken på maskinen som forseglet, og er ikke en del av kontrollsummen.",
    "Kontrollsummen er SHA-256 av søknaden slik han vart kontrollert og forsegla (kanonisk JSON); den same søknaden gir alltid den same kontrollsummen. Tidspunktet er klokka på maskina som forsegla, og er ikkje ein del av kontrollsummen.",
    "The digest is the SHA-256 of the application as it was checked and sealed (canonical JSON); the same application always gives the same digest. The time is the sealing machine's clock and is not part of the digest."
);

/// The print stylesheet, before the page footer (which holds the package's digest and time).
const CSS: &str = "\
html{font:10.5pt/1.45 'Liberation Sans',Arial,Helvetica,sans-serif;color:#111;background:#fff}\
body{max-width:180mm;margin:0 auto;padding:10mm 6mm}\
h1{font-size:16pt;line-height:1.25;margin:0 0 4mm}\
h2{font-size:12.5pt;margin:7mm 0 2mm;padding-bottom:1mm;border-bottom:1.5pt solid #1a3d6d;color:#1a3d6d;break-after:avoid}\
h3{font-size:11pt;margin:4mm 0 1.5mm;break-after:avoid}\
dl{margin:0}\
.f{display:grid;grid-template-columns:60mm 1fr;gap:0 5mm;padding:1.2mm 0;border-bottom:.5pt solid #c8c8c8;break-inside:avoid}\
.f.l{display:block;break-inside:auto}\
.f.l dt{margin-bottom:.8mm}\
dt{font-weight:bold}\
dd,.t{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext;orphans:3;widows:3}\
.e{color:#555;font-style:italic}\
ol{margin:0;padding-left:6mm}\
li{break-inside:avoid;margin-bottom:2mm}\
table{border-collapse:collapse;width:100%;break-inside:avoid}\
th,td{text-align:left;padding:1.2mm 2mm 1.2mm 0;border-bottom:.5pt solid #c8c8c8;vertical-align:top}\
td.n{text-align:right;white-space:nowrap}\
tr.s th,tr.s td{font-weight:bold;border-top:1pt solid #111}\
.meta .f{grid-template-columns:45mm 1fr}\
.seal{margin-top:8mm;break-inside:avoid}\
code{font:9pt/1.4 'DejaVu Sans Mono','Liberation Mono',monospace;overflow-wrap:anywhere}\
.note{font-size:8.5pt;color:#444}\
@media print{body{max-width:none;padding:0}}\
";

fn esc(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and line breaks are not text.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Standard base64 (RFC 4648 §4), for the style's hash in the CSP.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let sym = |i: u32| char::from(A.get((i & 63) as usize).copied().unwrap_or(b'='));
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(sym(n >> 18));
        out.push(sym(n >> 12));
        out.push(if chunk.len() > 1 { sym(n >> 6) } else { '=' });
        out.push(if chunk.len() > 2 { sym(n) } else { '=' });
    }
    out
}

/// The seal time as people read it: `27.11.2026 kl. 19.52 (UTC+01:00)` (nb, nn),
/// `2026-11-27 at 19:52 (UTC+01:00)` (en).
fn time_text(t: &SealTime, lang: Lang) -> String {
    let o = t.offset_minutes.unsigned_abs();
    let zone = format!(
        "UTC{}{:02}:{:02}",
        if t.offset_minutes < 0 { '-' } else { '+' },
        o / 60,
        o % 60
    );
    match lang {
        Lang::En => format!(
            "{:04}-{:02}-{:02} {} {:02}:{:02} ({zone})",
            t.year, t.month, t.day, T_AT.en, t.hour, t.minute
        ),
        _ => format!(
            "{:02}.{:02}.{:04} {} {:02}.{:02} ({zone})",
            t.day,
            t.month,
            t.year,
            T_AT.get(lang),
            t.hour,
            t.minute
        ),
    }
}

/// A CSS string of program text (no quotes, backslashes or line breaks can be in it: the
/// digest is hex, the time digits and the program's own words).
fn css_string(out: &mut String, s: &str) {
    out.push('"');
    out.extend(s.chars().filter(|c| !matches!(c, '"' | '\\' | '\n' | '\r')));
    out.push('"');
}

fn stylesheet(v: &Verified, lang: Lang) -> String {
    let mut css = String::from(CSS);
    css.push_str("@page{size:A4;margin:16mm 16mm 22mm 16mm;");
    css.push_str("@bottom-left{content:");
    let mut left = String::from("SHA-256 ");
    left.push_str(&v.sha256);
    css_string(&mut css, &left);
    css.push_str(";font:7pt/1.3 'DejaVu Sans Mono','Liberation Mono',monospace;color:#333;vertical-align:top;padding-top:3mm}");
    css.push_str("@bottom-right{content:");
    let mut right = String::from(T_SEALED_AT.get(lang));
    right.push(' ');
    match &v.sealed_at {
        Some(t) => right.push_str(&time_text(t, lang)),
        None => right.push_str(T_NOT_GIVEN.get(lang)),
    }
    right.push_str(" · ");
    right.push_str(T_PAGE.get(lang));
    right.push(' ');
    css_string(&mut css, &right);
    css.push_str(" counter(page) ");
    let mut of = String::from(" ");
    of.push_str(T_OF.get(lang));
    of.push(' ');
    css_string(&mut css, &of);
    css.push_str(" counter(pages);font:7pt/1.3 'Liberation Sans',Arial,sans-serif;color:#333;vertical-align:top;padding-top:3mm;width:70mm}}");
    css
}

/// The printable HTML of a verified package.
fn html(v: &Verified, opts: &Options) -> String {
    let lang = opts.lang;
    let form = v.kind.form();
    let css = stylesheet(v, lang);
    let hash = base64(&Sha256::digest(css.as_bytes()));
    let reference = v.doc.get("reference").and_then(Value::as_str);
    let mut h = String::with_capacity(16 * 1024);
    h.push_str("<!DOCTYPE html>\n<html lang=\"");
    h.push_str(lang.as_str());
    h.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-");
    h.push_str(&hash);
    h.push_str("'; base-uri 'none'; form-action 'none'\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<meta name=\"generator\" content=\"skjemavakt ");
    h.push_str(env!("CARGO_PKG_VERSION"));
    h.push_str("\">\n<title>");
    esc(&mut h, form.title.get(lang));
    if let Some(r) = reference {
        h.push_str(" – ");
        esc(&mut h, r);
    }
    h.push_str("</title>\n<style>");
    h.push_str(&css);
    h.push_str("</style>\n</head>\n<body>\n<header>\n<h1>");
    esc(&mut h, form.title.get(lang));
    h.push_str("</h1>\n<dl class=\"meta\">");
    // The top's short fields (the reference first): everything not a group or a free text.
    for f in form.fields.iter().filter(|f| !is_section(f)) {
        field(&mut h, f, v.doc.get(f.key), lang);
    }
    h.push_str("</dl>\n</header>\n<main>\n");
    for f in form.fields.iter().filter(|f| is_section(f)) {
        section(&mut h, f, v.doc.get(f.key), v, opts);
    }
    kept(&mut h, v, opts);
    h.push_str("</main>\n<footer class=\"seal\">\n<h2>");
    esc(&mut h, T_SEAL.get(lang));
    h.push_str("</h2>\n<dl>");
    open_field(&mut h, &T_DIGEST, lang, false);
    h.push_str("<code>");
    h.push_str(&v.sha256);
    h.push_str("</code></dd></div>");
    open_field(&mut h, &T_SEALED_AT, lang, false);
    match &v.sealed_at {
        Some(t) => {
            h.push_str("<time datetime=\"");
            h.push_str(&t.rfc3339());
            h.push_str("\">");
            h.push_str(&time_text(t, lang));
            h.push_str("</time>");
        }
        None => {
            h.push_str("<span class=\"e\">");
            h.push_str(T_NOT_GIVEN.get(lang));
            h.push_str("</span>");
        }
    }
    h.push_str("</dd></div>");
    if let Some(p) = &v.pseudonym {
        open_field(&mut h, &T_PSEUDONYM, lang, false);
        h.push_str("<code>");
        h.push_str(p);
        h.push_str("</code></dd></div>");
    }
    h.push_str("</dl>\n<p class=\"note\">");
    esc(&mut h, T_NOTE.get(lang));
    h.push_str("</p>\n</footer>\n</body>\n</html>\n");
    h
}

/// The findings the physician kept (the package's `kept`): the field, the text kept (from
/// the sealed document itself) and its kind, and the reason in words.
fn kept(h: &mut String, v: &Verified, opts: &Options) {
    if v.kept.is_empty() {
        return;
    }
    let lang = opts.lang;
    let fields = super::fields(&Value::from(v.kind.as_str()), opts, Vec::new()).fields;
    // A list item's path with `-` for its index, as `fields` names it.
    let pattern = |p: &str| -> String {
        let mut out = String::with_capacity(p.len());
        for (i, t) in p.split('/').enumerate() {
            if i > 0 {
                out.push('/');
            }
            let index = !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
            out.push_str(if index { "-" } else { t });
        }
        out
    };
    h.push_str("<section>\n<h2>");
    esc(h, T_KEPT.get(lang));
    h.push_str("</h2>\n<p class=\"note\">");
    esc(h, T_KEPT_NOTE.get(lang));
    h.push_str("</p>\n<table><thead><tr><th>");
    esc(h, T_KEPT_FIELD.get(lang));
    h.push_str("</th><th>");
    esc(h, T_KEPT_WHAT.get(lang));
    h.push_str("</th><th>");
    esc(h, T_KEPT_WHY.get(lang));
    h.push_str("</th></tr></thead><tbody>");
    for k in &v.kept {
        let field = at_path(&v.doc, &k.path).and_then(Value::as_str);
        h.push_str("<tr><td>");
        let p = pattern(&k.path);
        match fields.iter().find(|f| f.path == p) {
            Some(f) => esc(h, f.label),
            None => esc(h, &k.path),
        }
        h.push_str("</td><td>«");
        esc(h, field.and_then(|t| t.get(k.start..k.end)).unwrap_or(""));
        h.push_str("» (");
        esc(h, k.kind.label().get(lang));
        h.push_str(")</td><td>");
        esc(h, k.reason.label().get(lang));
        if let Some(t) = &k.text {
            h.push_str(": ");
            esc(h, t);
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>\n</section>\n");
}

/// The value a JSON Pointer (RFC 6901) names in `doc`.
fn at_path<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    if path.is_empty() {
        return Some(doc);
    }
    path.strip_prefix('/')?.split('/').try_fold(doc, |v, raw| {
        let mut t = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            match (c, c == '~') {
                (_, true) => match chars.next() {
                    Some('0') => t.push('~'),
                    Some('1') => t.push('/'),
                    _ => return None,
                },
                (c, false) => t.push(c),
            }
        }
        match v {
            Value::Object(m) => m.get(&t),
            Value::Array(a) => t.parse::<usize>().ok().and_then(|i| a.get(i)),
            _ => None,
        }
    })
}

/// A top-level field shown as a section of its own (a group, a list, a free text); the
/// others are the application's short facts at the top.
fn is_section(f: &Field) -> bool {
    match f.ty {
        Ty::Object(_) | Ty::List { .. } => true,
        Ty::Text { max } => max >= LONG_TEXT,
        _ => false,
    }
}

fn section(h: &mut String, f: &Field, v: Option<&Value>, sealed: &Verified, opts: &Options) {
    let lang = opts.lang;
    h.push_str("<section>\n<h2>");
    esc(h, f.label.get(lang));
    h.push_str("</h2>\n");
    match f.ty {
        Ty::Object(sub) => {
            group(h, sub, v, lang);
            if f.key == costs::FIELD.key && sealed.kind.form().costs {
                cost_summary(h, sealed, opts);
            }
        }
        Ty::List { item, .. } => list(h, item, v, lang),
        // A free text of its own: the heading is its label.
        _ => {
            h.push_str("<div class=\"t\">");
            match v.filter(|x| crate::forms::schema::is_given(Some(x))) {
                Some(x) => value(h, f, x, lang),
                None => {
                    h.push_str("<span class=\"e\">");
                    esc(h, T_EMPTY.get(lang));
                    h.push_str("</span>");
                }
            }
            h.push_str("</div>\n");
        }
    }
    h.push_str("</section>\n");
}

/// A group's fields: its short fields and texts as a list of terms, its own groups and lists
/// under their headings.
fn group(h: &mut String, fields: &[Field], v: Option<&Value>, lang: Lang) {
    let obj = v.and_then(Value::as_object);
    let mut open = false;
    for f in fields {
        let x = obj.and_then(|o| o.get(f.key));
        match f.ty {
            Ty::Object(_) | Ty::List { .. } => {
                if open {
                    h.push_str("</dl>\n");
                    open = false;
                }
                h.push_str("<h3>");
                esc(h, f.label.get(lang));
                h.push_str("</h3>\n");
                match f.ty {
                    Ty::Object(sub) => group(h, sub, x, lang),
                    Ty::List { item, .. } => list(h, item, x, lang),
                    _ => {}
                }
            }
            _ => {
                if !open {
                    h.push_str("<dl>");
                    open = true;
                }
                field(h, f, x, lang);
            }
        }
    }
    if open {
        h.push_str("</dl>\n");
    }
}

fn list(h: &mut String, item: &[Field], v: Option<&Value>, lang: Lang) {
    match v.and_then(Value::as_array).filter(|a| !a.is_empty()) {
        Some(items) => {
            h.push_str("<ol>\n");
            for it in items {
                h.push_str("<li>");
                group(h, item, Some(it), lang);
                h.push_str("</li>\n");
            }
            h.push_str("</ol>\n");
        }
        None => empty_para(h, lang),
    }
}

fn empty_para(h: &mut String, lang: Lang) {
    h.push_str("<p class=\"e\">");
    esc(h, T_EMPTY.get(lang));
    h.push_str("</p>\n");
}

fn open_field(h: &mut String, label: &Texts, lang: Lang, long: bool) {
    h.push_str(if long {
        "<div class=\"f l\"><dt>"
    } else {
        "<div class=\"f\"><dt>"
    });
    esc(h, label.get(lang));
    h.push_str("</dt><dd>");
}

/// One field: its label and its value in words.
fn field(h: &mut String, f: &Field, v: Option<&Value>, lang: Lang) {
    let long = matches!(f.ty, Ty::Text { max } if max >= LONG_TEXT);
    open_field(h, f.label, lang, long);
    let given = crate::forms::schema::is_given(v);
    match (v, given) {
        (Some(x), true) => value(h, f, x, lang),
        _ => {
            h.push_str("<span class=\"e\">");
            esc(h, T_EMPTY.get(lang));
            h.push_str("</span>");
        }
    }
    h.push_str("</dd></div>");
}

fn value(h: &mut String, f: &Field, v: &Value, lang: Lang) {
    match (f.ty, v) {
        (Ty::Bool, Value::Bool(b)) => esc(h, if *b { T_YES.get(lang) } else { T_NO.get(lang) }),
        (Ty::Enum { values, labels, .. }, Value::String(s)) => {
            let label = values
                .iter()
                .position(|x| x == s)
                .and_then(|i| labels.get(i));
            match label {
                Some(l) => esc(h, l.get(lang)),
                None => esc(h, s),
            }
        }
        (Ty::Amount, _) => match Amount::from_json(v) {
            Ok(a) => esc(h, &a.format(lang)),
            Err(_) => scalar(h, v),
        },
        _ => scalar(h, v),
    }
}

fn scalar(h: &mut String, v: &Value) {
    match v {
        Value::String(s) => esc(h, s),
        Value::Number(n) => esc(h, &n.to_string()),
        Value::Bool(b) => h.push_str(if *b { "true" } else { "false" }),
        _ => {}
    }
}

fn amount_cell(h: &mut String, ore: Option<i64>, lang: Lang) {
    h.push_str("<td class=\"n\">");
    match ore {
        Some(o) => esc(h, &crate::diagnostic::format_nok(o, lang)),
        None => {
            h.push_str("<span class=\"e\">");
            esc(h, T_NOT_COMPUTED.get(lang));
            h.push_str("</span>");
        }
    }
    h.push_str("</td>");
}

fn row(h: &mut String, label: &Texts, lang: Lang, sum: bool) {
    h.push_str(if sum {
        "<tr class=\"s\"><th>"
    } else {
        "<tr><th>"
    });
    esc(h, label.get(lang));
    h.push_str("</th>");
}

/// The cost summary: the amounts per month, their sum, the expected duration as written, and
/// the total over it — as `validate` computes them.
fn cost_summary(h: &mut String, sealed: &Verified, opts: &Options) {
    let lang = opts.lang;
    let ctx = opts.context();
    let Some(c) = forms::validate_as(&sealed.doc, sealed.kind, Stage::Draft, &ctx).costs else {
        return;
    };
    h.push_str("<h3>");
    esc(h, T_SUMMARY.get(lang));
    h.push_str("</h3>\n<table>\n<tbody>\n");
    for (label, ore) in [
        (&costs::L_DRUG_COST, c.drug_per_month_ore),
        (&costs::L_OTHER_COST, c.other_per_month_ore),
        (&costs::L_EXTRA, c.extra_per_month_ore),
    ] {
        row(h, label, lang, false);
        amount_cell(h, ore, lang);
        h.push_str("</tr>\n");
    }
    row(h, &T_MONTHLY, lang, true);
    amount_cell(h, c.monthly_total_ore, lang);
    h.push_str("</tr>\n");
    row(h, &treatment::L_DURATION, lang, false);
    h.push_str("<td class=\"n\">");
    let duration = forms::schema::get_str(&sealed.doc, &["treatment", "duration"]);
    match duration.filter(|d| !d.trim().is_empty()) {
        Some(d) => esc(h, d),
        None => {
            h.push_str("<span class=\"e\">");
            esc(h, T_EMPTY.get(lang));
            h.push_str("</span>");
        }
    }
    h.push_str("</td></tr>\n");
    row(h, &T_TOTAL, lang, true);
    amount_cell(h, c.total_ore, lang);
    h.push_str("</tr>\n</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::seal::{canonical_json, sha256_hex};
    use chrono::NaiveDate;
    use serde_json::json;

    fn opts(v: Value) -> Options {
        Options::from_json(&v, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).0
    }

    fn package(doc: &Value) -> Value {
        let c = canonical_json(doc);
        json!({ "form": doc["form"], "sha256": sha256_hex(c.as_bytes()), "canonical": c,
                "sealedAt": "2025-06-01T10:15:00+02:00" })
    }

    #[test]
    fn base64_is_rfc_4648() {
        // RFC 4648 §10.
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn a_sealed_application_is_printed_in_words() {
        let doc: Value =
            serde_json::from_str(include_str!("../../tests/data/tilgang-del2-valid.json")).unwrap();
        let r = render(&package(&doc), &opts(json!({})), vec![]);
        assert!(r.ok, "{:?}", r.diagnostics);
        let h = r.html.unwrap();
        for want in [
            "<h2>Om pasienten</h2>",
            "Juridisk kjønn",
            "Kvinne",
            "Livsforlengende",
            "Maksimalpris",
            "kr 245 000",
            "kr 12 500",
            "-kr 2 500",
            "Kostnadsoppsummering",
            "2025-05-12-HBE-ONK",
            "01.06.2025 kl. 10.15 (UTC+02:00)",
            "Ja",
        ] {
            assert!(h.contains(want), "{want}");
        }
        let sha = r.sha256.unwrap();
        assert!(h.contains(&format!("SHA-256 {sha}")));
        // The style is the one the document's CSP allows.
        let style = h
            .split("<style>")
            .nth(1)
            .unwrap()
            .split("</style>")
            .next()
            .unwrap();
        let hash = base64(&Sha256::digest(style.as_bytes()));
        assert!(h.contains(&format!("style-src 'sha256-{hash}'")));
        assert!(!h.contains("<script") && !h.contains("style=\""));
        // The same in English.
        let en = render(&package(&doc), &opts(json!({"lang": "en"})), vec![])
            .html
            .unwrap();
        assert!(
            en.contains("Life-prolonging")
                && en.contains("NOK 245,000")
                && en.contains("lang=\"en\"")
        );
    }

    #[test]
    fn hostile_values_are_escaped() {
        let mut doc: Value =
            serde_json::from_str(include_str!("../../tests/data/tilgang-del2-valid.json")).unwrap();
        doc["overall_assessment"] =
            json!("</style><script>alert(1)</script><img src=x onerror=y> & \"' \u{0}");
        doc["literature"][0]["url"] = json!("javascript:alert(1)\"><a href=\"x\">");
        let r = render(&package(&doc), &opts(json!({})), vec![]);
        let h = r.html.unwrap();
        assert!(!h.contains("<script") && !h.contains("<img") && !h.contains("<a "));
        assert!(h.contains("&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("&amp; &quot;&#39; \u{FFFD}"));
    }

    #[test]
    fn a_broken_seal_is_refused() {
        let doc = json!({"form": "tilgang-del2", "overall_assessment": "x"});
        let mut p = package(&doc);
        p["canonical"] = json!(canonical_json(
            &json!({"form": "tilgang-del2", "overall_assessment": "y"})
        ));
        let r = render(&p, &opts(json!({})), vec![]);
        assert!(!r.ok && r.html.is_none());
        assert_eq!(r.diagnostics[0].code, "verify.digest");
    }
}
