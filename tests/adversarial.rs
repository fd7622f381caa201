//! The gate under attack (issue 17, point 10): cases generated from the valid applications
//! (`tests/data/*-valid.json`), each with an identifier planted — part 1's national identity
//! number or name, another person's number of every kind (made up here, mod-11 valid), names
//! from the name lists — in every place a security tester tried: every field that leaves,
//! numbers, `form` below the root, member names, the structured fields' disguises, links,
//! the clinicians' name fields, and the cheap text disguises. Each case runs
//! `api::prepare_submission`, the function `skjemavakt seal` calls, and must be refused; a
//! refused case's answer must not repeat what was planted.
//!
//! Every class is asserted: 0 bypasses. The table (cases, refused, bypassed per class) is
//! printed with `cargo test --test adversarial -- --nocapture` (SECURITY.md holds it).
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use serde_json::{json, Value};
use skjemavakt::api::{self, Options};
use skjemavakt::forms::{self, FormKind};
use skjemavakt::privacy::leaves::{self, LeafKind, Order};
use skjemavakt::Pointer;

/// Part 1's patient (made up for this project: tests/data/tilgang-del1-valid.json).
const P1_ID: &str = "14037410021";
const P1_NAME: &str = "Kari Nordmann";

const DOCS: &[&str] = &[
    "tilgang-del2-valid.json",
    "hb-exception-single-valid.json",
    "hb-exception-group-valid.json",
    "hb-offlabel-single-valid.json",
    "hb-offlabel-group-valid.json",
];

fn load(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A small deterministic generator (no dependency, same cases every run).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The two mod-11 check digits of nine digits (Skatteetaten's weights), `None` when one is
/// 10 (no valid number).
fn check_digits(d: &[u8; 9]) -> Option<(u8, u8)> {
    let w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    let w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k = |sum: u32| match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        v => Some(v as u8),
    };
    let k1 = k(d.iter().zip(w1).map(|(a, w)| u32::from(*a) * w).sum())?;
    let k2 = k(d
        .iter()
        .chain(std::iter::once(&k1))
        .zip(w2)
        .map(|(a, w)| u32::from(*a) * w)
        .sum())?;
    Some((k1, k2))
}

/// Made-up valid national identity numbers of every kind: fødselsnummer, D-number (day +
/// 40), H-number (month + 40), Tenor synthetic (month + 80), FH-number (first digit 8 or 9).
fn made_up_ids(rng: &mut Rng) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (kind, day_add, month_add) in [
        ("fødselsnummer", 0u8, 0u8),
        ("D-number", 40, 0),
        ("H-number", 0, 40),
        ("Tenor", 0, 80),
        ("FH-number", 0, 0),
    ] {
        let mut found = 0;
        while found < 4 {
            let mut d = [0u8; 9];
            if kind == "FH-number" {
                d[0] = 8 + rng.below(2) as u8;
                for x in d.iter_mut().skip(1) {
                    *x = rng.below(10) as u8;
                }
            } else {
                let day = 1 + rng.below(28) as u8 + day_add;
                let month = 1 + rng.below(12) as u8 + month_add;
                let year = rng.below(100) as u8;
                d[..6].copy_from_slice(&[
                    day / 10,
                    day % 10,
                    month / 10,
                    month % 10,
                    year / 10,
                    year % 10,
                ]);
                for x in d.iter_mut().skip(6) {
                    *x = rng.below(10) as u8;
                }
            }
            let Some((k1, k2)) = check_digits(&d) else {
                continue;
            };
            let s: String = d
                .iter()
                .chain([k1, k2].iter())
                .map(|x| char::from(b'0' + x))
                .collect();
            if skjemavakt::ident::fnr::validate(&s).is_ok() && s != P1_ID {
                out.push((kind, s));
                found += 1;
            }
        }
    }
    out
}

/// Names from the name lists (read at run time): (first name, surname) pairs.
fn names(rng: &mut Rng, n: usize) -> Vec<(String, String)> {
    let read = |f: &str| -> Vec<String> {
        let path = format!("{}/src/lexicon/names/{f}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_string)
            .collect()
    };
    let mut first = read("women.txt");
    first.extend(read("men.txt"));
    let last = read("surnames.txt");
    (0..n)
        .map(|_| {
            let f = first[rng.below(first.len() as u64) as usize].clone();
            let l = last[rng.below(last.len() as u64) as usize].clone();
            (f, l)
        })
        .collect()
}

struct Case {
    class: &'static str,
    doc: Value,
    /// Part 1 given (the valid part 1 of tests/data).
    part1: bool,
    /// What must not appear in a refused case's answer.
    secrets: Vec<String>,
    /// Where and what was planted, for a failure's message.
    what: String,
}

impl Case {
    fn what(mut self, w: impl Into<String>) -> Case {
        self.what = w.into();
        self
    }
}

fn kind_of(doc: &Value) -> FormKind {
    forms::kind_of(doc).unwrap()
}

/// The paths of a document's string and number leaves (everything that leaves).
fn value_paths(doc: &Value) -> Vec<(String, bool)> {
    leaves::outgoing(doc, kind_of(doc), Order::Document)
        .into_iter()
        .filter(|l| l.kind != LeafKind::MemberName && l.path.as_str() != "/form")
        .map(|l| (l.path.as_str().to_string(), l.kind == LeafKind::Number))
        .collect()
}

fn set(doc: &mut Value, path: &str, v: Value) {
    let p = Pointer::from_static(Box::leak(path.to_string().into_boxed_str()));
    *p.resolve_mut(doc).unwrap() = v;
}

fn get_text(doc: &Value, path: &str) -> String {
    match doc.pointer(path).unwrap() {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        v => v.to_string(),
    }
}

fn case(class: &'static str, doc: Value, part1: bool, secrets: &[&str]) -> Case {
    Case {
        class,
        doc,
        part1,
        secrets: secrets.iter().map(|s| s.to_string()).collect(),
        what: String::new(),
    }
}

/// Every object of a document (its path), for `form` below the root.
fn object_paths(v: &Value, path: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(path.clone());
            for (k, x) in m {
                object_paths(x, format!("{path}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                object_paths(x, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(17);
    let ids = made_up_ids(&mut rng);
    let people = names(&mut rng, 64);
    let docs: Vec<Value> = DOCS.iter().map(|d| load(d)).collect();
    let mut out = Vec::new();

    // --- Structural: every field that leaves × an identifier.
    for doc in &docs {
        for (n, (path, _)) in value_paths(doc).into_iter().enumerate() {
            let was = get_text(doc, &path);
            let mut d = doc.clone();
            set(&mut d, &path, json!(format!("{was} {P1_ID}")));
            out.push(case(
                "part 1 number in every field (added to the text)",
                d,
                true,
                &[P1_ID],
            ));
            let mut d = doc.clone();
            set(&mut d, &path, json!(P1_ID));
            out.push(case(
                "part 1 number in every field (the whole value)",
                d,
                true,
                &[P1_ID],
            ));
            let mut d = doc.clone();
            set(&mut d, &path, json!(14037410021u64));
            out.push(case(
                "part 1 number in every field (a JSON number)",
                d,
                true,
                &[P1_ID],
            ));
            let (kind, other) = &ids[n % ids.len()];
            let _ = kind;
            let mut d = doc.clone();
            set(&mut d, &path, json!(format!("{was} {other}")));
            out.push(case(
                "another person's number (every kind) in every field, no part 1",
                d,
                false,
                &[other],
            ));
            let mut d = doc.clone();
            set(&mut d, &path, json!(format!("{was} {P1_NAME}")));
            out.push(case("part 1 name in every field", d, true, &["Nordmann"]));
        }
    }

    // --- Part 1's number split over two fields that follow each other in the sealed JSON,
    // and written with any separator or digit form in one field (the digits of the whole
    // document are searched).
    for doc in &docs {
        let canon: Vec<String> = leaves::outgoing(doc, kind_of(doc), Order::Canonical)
            .into_iter()
            .filter(|l| l.kind == LeafKind::Text)
            .map(|l| l.path.as_str().to_string())
            .collect();
        for (n, pair) in canon.windows(2).enumerate().step_by(2) {
            // Split after 1 … 10 digits: the pieces alone are no identifier the detectors
            // know (mostly); the digits of the document, read in order, are.
            let k = 1 + n % 10;
            let mut d = doc.clone();
            let (a, b) = (&pair[0], &pair[1]);
            let (ta, tb) = (get_text(doc, a), get_text(doc, b));
            set(&mut d, a, json!(format!("{ta} {}", &P1_ID[..k])));
            set(&mut d, b, json!(format!("{} {tb}", &P1_ID[k..])));
            out.push(
                case("part 1 number split over two fields", d, true, &[P1_ID])
                    .what(format!("{a} | {b} at {k}")),
            );
        }
        for text in [
            "1_4_0_3_7_4_1_0_0_2_1",
            "140374|10021",
            "140374·10021",
            "140374<b>10021</b>",
            "140374😀10021",
            "140374\u{0}10021",
            "14\u{301}0374 10021",
            "14O3741OO21",
            "l4037410021",
            "¹⁴⁰³⁷⁴¹⁰⁰²¹",
            "①④⓪③⑦④①⓪⓪②①",
            "1️⃣4️⃣0️⃣3️⃣7️⃣4️⃣1️⃣0️⃣0️⃣2️⃣1️⃣",
            "0 0 0 1 4 0 3 7 4 1 0 0 2 1",
            "fnr. 140374 - 100 - 21",
        ] {
            let mut d = doc.clone();
            let path = if kind_of(doc).single_patient() {
                "/patient/medical_history"
            } else {
                "/group/description"
            };
            set(&mut d, path, json!(format!("Henvist. {text}")));
            out.push(case(
                "part 1 number, any separator or digit form",
                d,
                true,
                &[P1_ID],
            ));
        }
    }

    // --- Numbers: the digits of a JSON number are scanned.
    for doc in &docs {
        let mut places = vec![
            "/costs/drug_per_month",
            "/costs/other_per_month",
            "/costs/extra_resources/amount_per_month",
        ];
        if kind_of(doc).single_patient() {
            places.push("/patient/birth_year");
        } else {
            places.push("/group/estimated_size");
        }
        for place in places {
            for (v, part1) in [
                (json!(14037410021u64), true),
                (
                    serde_json::from_str::<Value>("1.4037410021e10").unwrap(),
                    true,
                ),
                (
                    serde_json::from_str::<Value>("14037410021.0").unwrap(),
                    true,
                ),
                (json!(140374.10021), true),
                (json!(ids[0].1.parse::<u64>().unwrap()), false),
                (json!("NOK 14 037 410 021"), true),
            ] {
                let mut d = doc.clone();
                set(&mut d, place, v);
                out.push(case(
                    "numbers: amounts, birth year, group size",
                    d,
                    part1,
                    &[P1_ID, "1403741002100"],
                ));
            }
        }
    }

    // --- `form` below the root: no field, scanned strictest.
    for doc in &docs {
        let mut objects = Vec::new();
        object_paths(doc, String::new(), &mut objects);
        for (i, obj) in objects.iter().filter(|p| !p.is_empty()).enumerate() {
            let v = match i % 3 {
                0 => json!("Kari Nordmann 14037410021"),
                1 => json!({"a": {"b": "14037410021"}}),
                _ => json!(["Kari Nordmann"]),
            };
            let mut d = doc.clone();
            let target = d.pointer_mut(obj).unwrap();
            target.as_object_mut().unwrap().insert("form".into(), v);
            out.push(case(
                "`form` below the root",
                d,
                i % 2 == 0,
                &[P1_ID, "Nordmann"],
            ));
        }
    }

    // --- Member names: never a field, never echoed.
    for doc in &docs {
        for name in [
            "Kari_Nordmann",
            "fnr_14037410021",
            "Storgata12",
            "14037410021",
            "kari.nordmann@example.no",
            "Nordmann",
        ] {
            for at in ["", "/costs", "/literature/0", "/approvals/line_manager"] {
                let mut d = doc.clone();
                let target = if at.is_empty() {
                    &mut d
                } else {
                    d.pointer_mut(at).unwrap()
                };
                target
                    .as_object_mut()
                    .unwrap()
                    .insert(name.into(), json!(true));
                out.push(case("member names", d, false, &[name]));
            }
        }
    }

    // --- Trusts and catchment areas: nothing beyond a known name, alias or code.
    for doc in &docs {
        let mut places = vec!["/application/health_trust"];
        if kind_of(doc) == FormKind::TilgangDel2 {
            places.push("/patient/catchment_area");
        }
        for place in places {
            for v in [
                "Helse Bergen １４０３７４ １００２１",
                "Helse Bergen 14037410021",
                "Helse Bergen ¹⁴⁰³⁷⁴¹⁰⁰²¹",
                "Неlse Bergen",
                "Hеlse Bеrgеn",
                "Helse Bergen (Kari Nordmann)",
                "Haukeland Kari Nordmann",
                "HBE\u{200b}14037410021",
                "Helse Bergen\u{0}",
                "Helse Bergen 😀",
            ] {
                let mut d = doc.clone();
                set(&mut d, place, json!(v));
                out.push(case(
                    "health trust and catchment area disguises",
                    d,
                    false,
                    &[P1_ID, "Nordmann", "Неlse"],
                ));
            }
        }
    }

    // --- The reference: date, trust and department.
    let tilgang = &docs[0];
    for v in [
        "2025-05-12-HBE-KARI_NORDMANN",
        "2025-05-12-HBE-NORDMANN",
        "2025-05-12-HBE-ONK_KARI",
        "2025-05-12-HBE¹⁴⁰³⁷⁴-ONK",
        "2025-05-12-Helse Bergen １４０３７４-ONK",
        "2025-05-12-Неlse Bergen-ONK",
        "1974-03-14-HBE-ONK",
        "2025-05-12-HBE-ONK14037",
        "2025-05-12-HBE-ONK 14037410021",
        "2025-05-12-14037410021-ONK",
    ] {
        for part1 in [true, false] {
            let mut d = tilgang.clone();
            set(&mut d, "/reference", json!(v));
            // The reference must not pass where part 1's does not match either.
            out.push(
                case(
                    "reference disguises",
                    d,
                    part1,
                    &[P1_ID, "NORDMANN", "KARI"],
                )
                .what(format!("{v} part1={part1}")),
            );
        }
    }

    // --- The NPR-ID.
    for doc in docs.iter().filter(|d| kind_of(d).single_patient()) {
        let mut vals: Vec<String> = [
            "HBE-140374-10021",
            "1403741002199",
            "14O3741OO21",
            "l4037410021",
            "I4O374IOO2I",
            "140374 10021",
            "140374-10022",
            "NO9386011117947",
            "NO93 8601 1117 947",
            "8601.11.17947",
            "86011117947",
            "DE89370400440532013000",
            "KARI-NORDMANN",
            "NORDMANN",
            "Kari",
            "HBE-KARI-4f1c",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        vals.extend(ids.iter().take(10).map(|(_, id)| format!("NPR-{id}")));
        vals.extend(
            people
                .iter()
                .take(6)
                .map(|(f, l)| format!("{}-{}", f.to_uppercase(), l.to_uppercase())),
        );
        for v in vals {
            let mut d = doc.clone();
            set(&mut d, "/patient/npr_id", json!(v));
            out.push(case("NPR-ID disguises", d, false, &[&v]));
        }
    }

    // --- The department of Helse Bergen's forms: free text, scanned as text.
    for doc in docs.iter().skip(1) {
        for v in [
            "Kari Nordmann",
            "KARI_NORDMANN",
            "Kreftavdelingen 14037410021",
            "Onkologisk, pasient Kari",
        ] {
            let mut d = doc.clone();
            set(&mut d, "/application/department", json!(v));
            out.push(case("department disguises", d, true, &["Nordmann", P1_ID]));
        }
        for (f, l) in people.iter().take(4) {
            let mut d = doc.clone();
            set(
                &mut d,
                "/application/department",
                json!(format!("Kreftavdelingen, pasient {f} {l}")),
            );
            out.push(case("department disguises", d, false, &[l]));
        }
    }

    // --- Links: decoded before they are scanned.
    for doc in &docs {
        for (v, part1) in [
            ("https://x.no/?navn=Kari%20Nordmann", true),
            ("https://x.no/?navn=Kari%20Nordmann", false),
            ("https://x.no/?q=Kari+Nordmann", false),
            ("https://x.no/?fnr=%31%34%30%33%37%34%31%30%30%32%31", false),
            (
                "https://x.no/?fnr=%2531%2534%2530%2533%2537%2534%2531%2530%2530%2532%2531",
                false,
            ),
            ("https://x.no/p/14037410021", false),
            ("https://x.no/?id=140374%2010021", false),
            ("https://x.no/?id=140374&#32;10021", false),
            ("https://x.no/%4B%61%72%69%20%4E%6F%72%64%6D%61%6E%6E", true),
            ("https://x.no/?e=kari.nordmann%40example.no", false),
        ] {
            let mut d = doc.clone();
            set(&mut d, "/literature/0/url", json!(v));
            out.push(
                case(
                    "link encodings",
                    d,
                    part1,
                    &[P1_ID, "Nordmann", "%4B%61%72%69"],
                )
                .what(format!("{v} part1={part1}")),
            );
        }
        for v in [
            "Case report: Kari Nordmann",
            "KARI NORDMANN's treatment",
            "Trial 14037410021",
            "Contact kari.nordmann@example.no",
        ] {
            let mut d = doc.clone();
            set(&mut d, "/literature/0/title", json!(v));
            out.push(case("literature titles", d, true, &[P1_ID, "Nordmann"]));
        }
    }

    // --- The clinicians' name fields: a clinician's name, nothing more.
    for doc in &docs {
        for place in [
            "/application/applicant_name",
            "/approvals/line_manager/name",
            "/approvals/medical_director/name",
        ] {
            let mut vals: Vec<(String, bool)> = vec![
                ("Kari Nordmann".into(), true),
                ("Overlege Kari Nordmann".into(), true),
                ("Marte Lie (datter: Sigvor Nordmann)".into(), false),
                ("Marte Lie datter Sigvor Nordmann".into(), false),
                ("Marte Lie, mor til Sigvor Nordmann".into(), false),
                ("Marte Lie 14037410021".into(), false),
                ("Marte Lie og Sigvor Nordmann".into(), false),
                ("Marte Lie, pasient Sigvor Nordmann".into(), false),
            ];
            vals.extend(
                people
                    .iter()
                    .take(4)
                    .map(|(f, l)| (format!("Marte Lie, datter {f} {l}"), false)),
            );
            for (v, part1) in vals {
                let mut d = doc.clone();
                set(&mut d, place, json!(v));
                out.push(
                    case("clinician name fields", d, part1, &["Nordmann", P1_ID])
                        .what(format!("{place} {v}")),
                );
            }
        }
    }

    // --- Too long: refused, and not scanned (nothing of it is echoed).
    for doc in &docs {
        let path = if kind_of(doc).single_patient() {
            "/patient/medical_history"
        } else {
            "/group/description"
        };
        let mut d = doc.clone();
        set(
            &mut d,
            path,
            json!(format!("{} {P1_ID}", "a".repeat(20_001))),
        );
        out.push(case("too long or too large", d, true, &[P1_ID]));
        let mut d = doc.clone();
        set(
            &mut d,
            path,
            json!(format!("{} {P1_ID}", "Kari1403741002".repeat(80_000))),
        );
        out.push(case("too long or too large", d, true, &[P1_ID]));
        let mut d = doc.clone();
        set(
            &mut d,
            "/application/health_trust",
            json!(format!("{} {P1_ID}", "b".repeat(400))),
        );
        out.push(case("too long or too large", d, true, &[P1_ID]));
    }

    // --- Text disguises: the detectors' classes.
    for doc in &docs {
        let path = if kind_of(doc).single_patient() {
            "/patient/medical_history"
        } else {
            "/group/description"
        };
        let mut plant = |class: &'static str, text: String, part1: bool, secret: &str| {
            let mut d = doc.clone();
            let was = get_text(doc, path);
            set(&mut d, path, json!(format!("{was} {text}")));
            out.push(Case {
                class,
                doc: d,
                part1,
                secrets: vec![secret.to_string()],
                what: text,
            });
        };
        let (_, other) = &ids[rng.below(ids.len() as u64) as usize];
        let (a, b) = other.split_at(6);
        for sep in [
            ",", "_", ":", "·", "|", "*", "+", "#", "'", "--", "<br>", "😀", "\u{7}", "\u{301}",
            "\u{3164}",
        ] {
            plant(
                "text: other person's number, one odd separator",
                format!("nr {a}{sep}{b}"),
                false,
                other,
            );
        }
        let chain: String = other.chars().map(|c| format!("{c} ")).collect();
        plant(
            "text: other person's number, one odd separator",
            format!("000 {chain}"),
            false,
            other,
        );
        let sup: String = other
            .chars()
            .map(|c| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c as usize - 48])
            .collect();
        let circ: String = other
            .chars()
            .map(|c| ['⓪', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'][c as usize - 48])
            .collect();
        let keycap: String = other
            .chars()
            .map(|c| format!("{c}\u{fe0f}\u{20e3}"))
            .collect();
        for t in [sup, circ, keycap] {
            plant(
                "text: other person's number, other digit forms",
                t,
                false,
                other,
            );
        }
        for t in [
            "K a r i N o r d m a n n",
            "K.A.R.I. N.O.R.D.M.A.N.N",
            "Kari Nord.mann",
            "Кari Nоrdmann",
            "𝐊𝐚𝐫𝐢 𝐍𝐨𝐫𝐝𝐦𝐚𝐧𝐧",
            "ᴋᴀʀɪ ɴᴏʀᴅᴍᴀɴɴ",
            "KariNordmann",
            "@karinordmann",
            "#KariNordmann",
            "Nordmann-familien",
            "Nordmannene",
            "K4ri N0rdm4nn",
        ] {
            plant(
                "text: part 1 name, disguised",
                t.to_string(),
                true,
                "Nordmann",
            );
        }
        let (f, l) = &people[rng.below(people.len() as u64) as usize];
        for cue in [
            "ektemannen",
            "fostersønnen",
            "stesønnen",
            "niesen",
            "nevøen",
            "bestefaren",
            "svigerdatteren",
            "Mr",
            "Mrs",
        ] {
            plant(
                "text: relatives without a listed cue",
                format!("{cue} {f} {l} var med"),
                false,
                l,
            );
        }
        plant(
            "text: relatives without a listed cue",
            format!("datter {} var med", l.to_lowercase()),
            false,
            &l.to_lowercase(),
        );
        for t in [
            "+46 70 123 45 67",
            "+44 20 7946 0958",
            "+1 212 555 0123",
            "0046701234567",
            "9123 45 67",
            "ni en to tre fire fem seks sju",
        ] {
            plant(
                "text: phone numbers, foreign and in words",
                format!("ring {t}"),
                false,
                t,
            );
        }
        for t in [
            "sigvor at gmail dot com",
            "sigvor [at] gmail [dot] com",
            "sigvor krøllalfa gmail punktum com",
        ] {
            plant("text: e-mail written out", t.to_string(), false, "sigvor");
        }
        plant(
            "text: birth date from age",
            "fyller 51 år 14. mars".into(),
            false,
            "14. mars",
        );
        for t in [
            "fra 2001:db8:85a3::8a2e:370:7334",
            "bil EL 12345",
            "instagram: @sigvor_h82",
        ] {
            plant(
                "text: IPv6, number plates, handles",
                t.to_string(),
                false,
                t,
            );
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    cases: usize,
    refused: usize,
    bypassed: usize,
}

#[test]
fn gate_cases_are_refused() {
    let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let (opts, _) = Options::from_json(
        &json!({"today": "2025-06-01", "pseudonymKey": "07".repeat(32)}),
        today,
    );
    let part1 = load("tilgang-del1-valid.json");
    // The documents as they are are sealed, with part 1 and without: the refusals below are
    // the planted identifiers', not the documents'.
    for d in DOCS {
        for p1 in [&part1, &Value::Null] {
            let r = api::prepare_submission(&load(d), p1, &opts, vec![]);
            let codes: Vec<_> = r
                .diagnostics
                .iter()
                .filter(|x| x.severity == skjemavakt::Severity::Error)
                .map(|x| x.code)
                .collect();
            assert!(r.ok, "{d}: {codes:?}");
        }
    }
    let all = cases();
    let mut classes: Vec<&str> = Vec::new();
    let mut tally: std::collections::HashMap<&str, Tally> = Default::default();
    let mut failures = Vec::new();
    for c in &all {
        let p1 = if c.part1 { &part1 } else { &Value::Null };
        let r = api::prepare_submission(&c.doc, p1, &opts, vec![]);
        if !classes.contains(&c.class) {
            classes.push(c.class);
        }
        let t = tally.entry(c.class).or_default();
        t.cases += 1;
        if r.ok {
            t.bypassed += 1;
            if failures.len() < 40 {
                failures.push(format!("{}: sealed {} {:?}", c.class, c.what, c.secrets));
            }
        } else {
            t.refused += 1;
            assert!(r.sealed.is_none());
            // A refusal repeats nothing of what was planted.
            let answer = serde_json::to_string(&r).unwrap();
            for s in &c.secrets {
                assert!(
                    !answer.contains(s.as_str()),
                    "{}: the answer repeats {s:?}",
                    c.class
                );
            }
        }
    }
    let mut table = format!(
        "{:<68} {:>6} {:>8} {:>9}\n",
        "class", "cases", "refused", "bypassed"
    );
    let mut n = 0;
    for class in &classes {
        let t = &tally[class];
        table.push_str(&format!(
            "{:<68} {:>6} {:>8} {:>9}\n",
            class, t.cases, t.refused, t.bypassed
        ));
        n += t.cases;
    }
    println!("adversarial gate cases: {n}\n{table}");
    assert!(n >= 500, "{n} cases");
    assert!(failures.is_empty(), "bypasses:\n{}", failures.join("\n"));
}

/// Writes every case (`part2.json`, and `[part2, part1]` for the `seal` target) to the
/// folder `SKJEMAVAKT_SEED_DIR` names, as seeds of the fuzz corpus (`scripts/fuzz.sh
/// --seed`); without it, does nothing.
#[test]
fn seeds_for_the_fuzz_corpus() {
    let Ok(dir) = std::env::var("SKJEMAVAKT_SEED_DIR") else {
        return;
    };
    let dir = std::path::Path::new(&dir);
    let part1 = load("tilgang-del1-valid.json");
    for sub in ["documents", "pairs", "texts"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    for (i, c) in cases().iter().enumerate() {
        let doc = serde_json::to_string(&c.doc).unwrap();
        if doc.len() > 16_384 {
            continue;
        }
        std::fs::write(dir.join(format!("documents/doc-{i:04}.json")), &doc).unwrap();
        let p1 = if c.part1 { part1.clone() } else { Value::Null };
        let pair = serde_json::to_string(&json!([c.doc, p1])).unwrap();
        std::fs::write(dir.join(format!("pairs/pair-{i:04}.json")), pair).unwrap();
        if !c.what.is_empty() {
            std::fs::write(dir.join(format!("texts/text-{i:04}.txt")), &c.what).unwrap();
        }
    }
}
