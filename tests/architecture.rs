//! The architecture, held by a test (ARCHITECTURE.md, "Layers").
//!
//! Reads every `src/**/*.rs`, collects the crate paths each file uses (`crate::…`,
//! `super::…`, `self::…`, and `skjemavakt::…` in the binary), outside test-only code, and
//! fails when
//! - a module imports one in its own layer or above it ([`LAYERS`]), or a step of the privacy
//!   pipeline one in its own row or above it ([`PRIVACY_STEPS`]);
//! - modules import each other in a circle;
//! - a module or a step is in neither table (a new one gets its place here and in
//!   ARCHITECTURE.md);
//! - a Rust file outside `tests/` is longer than [`MAX_LINES`] lines;
//! - ARCHITECTURE.md's tables are not these.
//!
//! The checks themselves are tested on small made-up crates at the end of this file, so
//! that they can be seen to fail.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the crate, top to bottom. A module may use modules of the layers below its
/// own, never one of its own layer or above. `Context` is the one item of `src/lib.rs`
/// besides the table of contents (what a check needs: today and the registry).
const LAYERS: &[&[&str]] = &[
    &["bin"],
    &["cli", "wasm", "fuzzing"],
    &["api"],
    &["catalogue"],
    &["submission"],
    &["privacy"],
    &["forms"],
    &["reference"],
    &["Context"],
    &["registry", "money", "ident", "lexicon", "input"],
    &["diagnostic"],
    &["dates", "sort", "letter_case"],
];

/// The steps of `src/privacy/`, top to bottom, with the same rule. `mod.rs` is the table of
/// contents (it declares and re-exports the steps, and holds no code).
const PRIVACY_STEPS: &[&[&str]] = &[
    &["redact"],
    &["keep"],
    &["scan"],
    &["windows", "identity", "leaves", "class"],
    &["detect", "names"],
    &["tokens", "normalize", "percent"],
    &["finding", "pool"],
    &["kind"],
];

/// What the shells (the command line, the wasm exports) may use: the one facade and the
/// diagnostics' types they convert. Everything else they need is the facade's to give.
const SHELLS: &[&str] = &["cli", "wasm"];
const SHELLS_USE: &[&str] = &["api", "diagnostic"];

/// Longest Rust file outside `tests/`.
const MAX_LINES: usize = 800;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A source file: its path (from the crate root, `/`-separated) and text.
struct SourceFile {
    path: String,
    text: String,
}

fn rust_files(dir: &Path, out: &mut Vec<SourceFile>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let path = p
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(SourceFile {
                path,
                text: std::fs::read_to_string(&p).unwrap(),
            });
        }
    }
}

/// The module path of a file of the library (`src/privacy/detect/mod.rs` → `privacy::detect`,
/// `src/lib.rs` → the root); `None` for the binary.
fn module_of(path: &str) -> Option<Vec<String>> {
    let rel = path.strip_prefix("src/")?;
    if rel.starts_with("bin/") {
        return None;
    }
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    let last = parts.pop().unwrap();
    match last.as_str() {
        "lib.rs" | "mod.rs" => {}
        f => parts.push(f.trim_end_matches(".rs").to_string()),
    }
    Some(parts)
}

/// True for an attribute that keeps the next item to test builds (`#[cfg(test)]`,
/// `#[cfg(all(test, …))]`), not `#[cfg(not(test))]`.
fn is_test_cfg(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("#[cfg(") && !t.contains("not(test)") && {
        let inner = t.trim_start_matches("#[cfg(");
        inner.starts_with("test)") || inner.starts_with("test,") || inner.starts_with("all(test")
    }
}

/// The text without comments, string and character literals, and without test-only items;
/// and the names of child modules declared test-only (`#[cfg(test)] mod tests;`). Lines
/// keep their numbers (removed lines are left empty).
fn code_of(text: &str) -> (Vec<String>, Vec<String>) {
    let mut lines: Vec<String> = Vec::new();
    let mut test_children = Vec::new();
    let mut skip: Option<usize> = None; // brace depth when skipping a test-only item
    let mut pending_test = false;
    let mut in_block_comment = false;
    for raw in text.lines() {
        let line = strip_literals_and_comments(raw, &mut in_block_comment);
        if let Some(depth) = skip.as_mut() {
            for c in line.chars() {
                match c {
                    '{' => *depth += 1,
                    '}' => *depth = depth.saturating_sub(1),
                    _ => {}
                }
            }
            if *depth == 0 && (line.contains('}') || line.trim_end().ends_with(';')) {
                skip = None;
            }
            lines.push(String::new());
            continue;
        }
        if is_test_cfg(&line) {
            pending_test = true;
            lines.push(String::new());
            continue;
        }
        if pending_test && line.trim_start().starts_with("#[") {
            lines.push(String::new());
            continue;
        }
        if pending_test {
            pending_test = false;
            let t = line.trim();
            if let Some(name) = t
                .strip_prefix("mod ")
                .or_else(|| t.strip_prefix("pub mod "))
                .or_else(|| t.strip_prefix("pub(crate) mod "))
                .and_then(|r| r.strip_suffix(';'))
            {
                test_children.push(name.trim().to_string());
                lines.push(String::new());
                continue;
            }
            let opens = line.matches('{').count();
            let closes = line.matches('}').count();
            if opens > closes {
                skip = Some(opens - closes);
            }
            lines.push(String::new());
            continue;
        }
        lines.push(line);
    }
    (lines, test_children)
}

/// One line with its comments removed and the contents of string and character literals
/// blanked (so that neither a `//` in a string nor a brace in a literal counts). Raw strings
/// spanning lines are rare in this crate and hold no paths; a line inside one is read as code.
fn strip_literals_and_comments(line: &str, in_block_comment: &mut bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        if *in_block_comment {
            if c == '*' && next == Some('/') {
                *in_block_comment = false;
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        match c {
            '/' if next == Some('/') => break,
            '/' if next == Some('*') => {
                *in_block_comment = true;
                i += 2;
            }
            '"' => {
                out.push('"');
                i += 1;
                while let Some(&s) = chars.get(i) {
                    i += 1;
                    if s == '\\' {
                        i += 1;
                    } else if s == '"' {
                        break;
                    }
                }
                out.push('"');
            }
            '\'' => {
                // A character literal ('x', '\n', '\u{2019}'); otherwise a lifetime.
                let close = match (next, chars.get(i + 2).copied()) {
                    (Some('\\'), _) => chars
                        .iter()
                        .skip(i + 2)
                        .position(|&x| x == '\'')
                        .map(|p| i + 2 + p),
                    (Some(_), Some('\'')) => Some(i + 2),
                    _ => None,
                };
                match close {
                    Some(end) => {
                        out.push_str("' '");
                        i = end + 1;
                    }
                    None => {
                        out.push(c);
                        i += 1;
                    }
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Every path a line of code names from `start` on (after `crate::`, `super::`, …): the
/// segments, with groups expanded (`a::{b::{self, C}, d}` → `a::b`, `a::b::C`, `a::d`).
fn paths_after(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    expand(&chars, &mut 0, Vec::new(), &mut out);
    out
}

fn ident_at(chars: &[char], i: &mut usize) -> String {
    let mut s = String::new();
    while let Some(&c) = chars.get(*i) {
        if c.is_alphanumeric() || c == '_' {
            s.push(c);
            *i += 1;
        } else {
            break;
        }
    }
    s
}

fn skip_space(chars: &[char], i: &mut usize) {
    while chars.get(*i).is_some_and(|c| c.is_whitespace()) {
        *i += 1;
    }
}

/// Reads one path (or group) at `i` below `prefix`.
fn expand(chars: &[char], i: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    skip_space(chars, i);
    if chars.get(*i) == Some(&'{') {
        *i += 1;
        loop {
            skip_space(chars, i);
            match chars.get(*i) {
                None => return,
                Some('}') => {
                    *i += 1;
                    return;
                }
                Some(',') => *i += 1,
                _ => {
                    let before = *i;
                    expand(chars, i, prefix.clone(), out);
                    if *i == before {
                        *i += 1; // not a path: step over it
                    }
                }
            }
        }
    }
    let mut path = prefix;
    loop {
        let id = ident_at(chars, i);
        if id.is_empty() {
            break;
        }
        if id != "self" {
            path.push(id);
        }
        if chars.get(*i) == Some(&':') && chars.get(*i + 1) == Some(&':') {
            *i += 2;
            if chars.get(*i) == Some(&'{') {
                expand(chars, i, path, out);
                return;
            }
        } else {
            break;
        }
    }
    // ` as Name` after a path is the import's local name.
    out.push(path);
}

/// The absolute module paths a file uses, with the line of each: `crate::`, `super::`
/// (resolved from the file's module), `self::`, and in the binary `skjemavakt::`.
fn uses(file: &SourceFile, code: &[String]) -> Vec<(Vec<String>, usize)> {
    let module = module_of(&file.path);
    let mut out = Vec::new();
    for (n, line) in code.iter().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            // A path starts where no identifier character or `::` is just before.
            let starts = i == 0 || {
                let p = chars[i - 1];
                !(p.is_alphanumeric() || p == '_' || p == ':')
            };
            if !starts {
                i += 1;
                continue;
            }
            let rest: String = chars[i..].iter().collect();
            let (base, len): (Option<Vec<String>>, usize) = if rest.starts_with("crate::") {
                (module.as_ref().map(|_| Vec::new()), 7)
            } else if rest.starts_with("skjemavakt::") && module.is_none() {
                (Some(Vec::new()), 12)
            } else if rest.starts_with("self::") {
                (module.clone(), 6)
            } else if rest.starts_with("super::") {
                let mut base = module.clone().unwrap_or_default();
                let mut len = 0;
                while rest[len..].starts_with("super::") {
                    base.pop();
                    len += 7;
                }
                (Some(base), len)
            } else {
                (None, 0)
            };
            match base {
                Some(base) => {
                    let tail: String = chars[i + len..].iter().collect();
                    for p in paths_after(&tail) {
                        let mut abs = base.clone();
                        abs.extend(p);
                        out.push((abs, n + 1));
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// `pub use MODULE::{A, B};` lines of a module's root: name → module.
fn reexports(code: &[String]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in code {
        let Some(rest) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        for p in paths_after(rest.trim_end_matches(';')) {
            if let (Some(first), Some(last)) = (p.first(), p.last()) {
                if p.len() > 1 {
                    out.insert(last.clone(), first.clone());
                }
            }
        }
    }
    out
}

/// An import between two modules (or two steps), with where it is written.
#[derive(Clone, Debug)]
struct Edge {
    from: String,
    to: String,
    at: String,
}

/// The import graph of the crate: top-level modules, and the steps of `src/privacy/`.
struct Graph {
    modules: BTreeSet<String>,
    edges: Vec<Edge>,
    steps: BTreeSet<String>,
    step_edges: Vec<Edge>,
    privacy_toc_code: Vec<String>,
}

fn graph(files: &[SourceFile]) -> Graph {
    // Test-only files: children declared under `#[cfg(test)]`.
    let mut test_only: BTreeSet<String> = BTreeSet::new();
    let mut code: Vec<(usize, Vec<String>)> = Vec::new();
    for (k, f) in files.iter().enumerate() {
        let (lines, children) = code_of(&f.text);
        let dir = match f.path.rsplit_once('/') {
            Some((d, name)) if name == "mod.rs" || name == "lib.rs" => d.to_string(),
            Some((d, name)) => format!("{d}/{}", name.trim_end_matches(".rs")),
            None => String::new(),
        };
        for c in children {
            test_only.insert(format!("{dir}/{c}.rs"));
            test_only.insert(format!("{dir}/{c}/mod.rs"));
        }
        code.push((k, lines));
    }
    let lib = files.iter().position(|f| f.path == "src/lib.rs").unwrap();
    let lib_code = &code.iter().find(|(k, _)| *k == lib).unwrap().1;
    let root_reexports = reexports(lib_code);
    let privacy_root = files
        .iter()
        .position(|f| f.path == "src/privacy/mod.rs")
        .unwrap();
    let privacy_code = &code.iter().find(|(k, _)| *k == privacy_root).unwrap().1;
    let privacy_reexports = reexports(privacy_code);
    let privacy_toc_code: Vec<String> = privacy_code
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| {
            !(l.is_empty()
                || l.starts_with("#[")
                || l.starts_with("mod ")
                || l.starts_with("pub mod ")
                || l.starts_with("pub use "))
        })
        .collect();

    let mut modules = BTreeSet::new();
    let mut steps = BTreeSet::new();
    let mut edges = Vec::new();
    let mut step_edges = Vec::new();
    for (k, lines) in &code {
        let f = &files[*k];
        if test_only.contains(&f.path) || !f.path.starts_with("src/") {
            continue;
        }
        let module = module_of(&f.path);
        let from = match &module {
            None => "bin".to_string(),
            Some(m) if m.is_empty() => continue, // lib.rs: the table of contents
            Some(m) => m[0].clone(),
        };
        modules.insert(from.clone());
        let from_step = match &module {
            Some(m) if m.len() >= 2 && m[0] == "privacy" => Some(m[1].clone()),
            _ => None,
        };
        if let Some(s) = &from_step {
            steps.insert(s.clone());
        }
        for (abs, line) in uses(f, lines) {
            let Some(first) = abs.first() else { continue };
            let to = root_reexports
                .get(first)
                .cloned()
                .unwrap_or_else(|| first.clone());
            let at = format!("{}:{line}", f.path);
            if to != from {
                edges.push(Edge {
                    from: from.clone(),
                    to: to.clone(),
                    at: at.clone(),
                });
            }
            if let (Some(from_step), "privacy", Some(second)) =
                (&from_step, to.as_str(), abs.get(1))
            {
                let to_step = privacy_reexports
                    .get(second)
                    .cloned()
                    .unwrap_or_else(|| second.clone());
                if &to_step != from_step {
                    step_edges.push(Edge {
                        from: from_step.clone(),
                        to: to_step,
                        at,
                    });
                }
            }
        }
    }
    Graph {
        modules,
        edges,
        steps,
        step_edges,
        privacy_toc_code,
    }
}

/// What is wrong with `edges` under `layers`: a module in no layer, an import circle, an
/// import of a module in the same layer or above.
fn problems(
    what: &str,
    nodes: &BTreeSet<String>,
    edges: &[Edge],
    layers: &[&[&str]],
) -> Vec<String> {
    let layer = |m: &str| layers.iter().position(|l| l.contains(&m));
    let mut out = Vec::new();
    let mut all: BTreeSet<&str> = nodes.iter().map(String::as_str).collect();
    all.extend(edges.iter().map(|e| e.to.as_str()));
    for m in &all {
        if layer(m).is_none() {
            out.push(format!(
                "{what} `{m}` is in no layer: give it its place in tests/architecture.rs and ARCHITECTURE.md"
            ));
        }
    }
    // Circles: a depth-first search over the distinct imports.
    let mut next: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in edges {
        next.entry(e.from.as_str()).or_default().insert(&e.to);
    }
    let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 on the path, 2 done
    fn visit<'a>(
        m: &'a str,
        next: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
        found: &mut Vec<Vec<&'a str>>,
    ) {
        state.insert(m, 1);
        path.push(m);
        for &n in next.get(m).into_iter().flatten() {
            match state.get(n) {
                Some(1) => {
                    let from = path.iter().position(|&p| p == n).unwrap_or(0);
                    let mut circle = path[from..].to_vec();
                    circle.push(n);
                    found.push(circle);
                }
                Some(_) => {}
                None => visit(n, next, state, path, found),
            }
        }
        path.pop();
        state.insert(m, 2);
    }
    let mut circles = Vec::new();
    for &m in next.keys() {
        if !state.contains_key(m) {
            visit(m, &next, &mut state, &mut Vec::new(), &mut circles);
        }
    }
    for c in circles {
        let at: Vec<String> = c
            .windows(2)
            .filter_map(|w| edges.iter().find(|e| e.from == w[0] && e.to == w[1]))
            .map(|e| e.at.clone())
            .collect();
        out.push(format!(
            "import circle between {what}s: {} ({})",
            c.join(" → "),
            at.join(", ")
        ));
    }
    for e in edges {
        if let (Some(a), Some(b)) = (layer(&e.from), layer(&e.to)) {
            if b <= a {
                let how = if a == b {
                    "its own layer"
                } else {
                    "a layer above"
                };
                out.push(format!(
                    "{}: {what} `{}` imports `{}`, in {how}",
                    e.at, e.from, e.to
                ));
            }
        }
    }
    out
}

/// The layer table as ARCHITECTURE.md writes it: one layer a line, top first.
fn table(layers: &[&[&str]]) -> String {
    layers
        .iter()
        .map(|l| l.join(" · "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn crate_files() -> Vec<SourceFile> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files
}

#[test]
fn no_import_goes_up_a_layer_or_round_in_a_circle() {
    let files = crate_files();
    let g = graph(&files);
    // The reading must see the crate (not pass on an empty graph).
    assert!(
        g.modules.len() >= 15 && g.edges.len() >= 100,
        "{:?}",
        g.modules
    );
    assert!(
        g.steps.len() >= 10 && g.step_edges.len() >= 20,
        "{:?}",
        g.steps
    );
    let mut found = problems("module", &g.modules, &g.edges, LAYERS);
    found.extend(problems(
        "privacy step",
        &g.steps,
        &g.step_edges,
        PRIVACY_STEPS,
    ));
    assert!(found.is_empty(), "\n{}\n", found.join("\n"));
}

#[test]
fn the_shells_use_the_facade_only() {
    let g = graph(&crate_files());
    let wrong: Vec<String> = g
        .edges
        .iter()
        .filter(|e| SHELLS.contains(&e.from.as_str()) && !SHELLS_USE.contains(&e.to.as_str()))
        .map(|e| format!("{}: `{}` uses `{}`", e.at, e.from, e.to))
        .collect();
    assert!(
        wrong.is_empty(),
        "a shell converts and prints; what it needs of the library goes through `api`: {wrong:?}"
    );
}

#[test]
fn the_privacy_module_root_is_its_table_of_contents() {
    let g = graph(&crate_files());
    assert!(
        g.privacy_toc_code.is_empty(),
        "src/privacy/mod.rs declares and re-exports the steps only; move this into a step: {:?}",
        g.privacy_toc_code
    );
}

#[test]
fn no_rust_file_outside_tests_is_longer_than_the_limit() {
    let mut files = Vec::new();
    for dir in ["src", "benches", "examples", "fuzz"] {
        rust_files(&root().join(dir), &mut files);
    }
    assert!(files.len() > 50);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f.text.lines().count(), &f.path))
        .filter(|(n, _)| *n > MAX_LINES)
        .map(|(n, p)| format!("{p}: {n} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines (split by concern): {long:?}"
    );
}

#[test]
fn architecture_md_shows_these_tables() {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    for (name, layers) in [("layers", LAYERS), ("privacy steps", PRIVACY_STEPS)] {
        let marker = format!("<!-- {name}: held by tests/architecture.rs -->\n```text\n");
        let start = doc
            .find(&marker)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md has no `{marker}` block"))
            + marker.len();
        let end = start + doc[start..].find("\n```").unwrap();
        assert_eq!(
            &doc[start..end],
            table(layers),
            "ARCHITECTURE.md's {name} differ from tests/architecture.rs"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The checks on made-up crates: each must find what it is there to find.

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        text: text.into(),
    }
}

fn toy(extra: Vec<SourceFile>) -> Vec<SourceFile> {
    let mut files = vec![
        file(
            "src/lib.rs",
            "pub mod api;\npub mod forms;\npub mod diagnostic;\npub mod privacy;\npub use diagnostic::{Pointer};\n",
        ),
        file("src/diagnostic/mod.rs", "pub struct Pointer;\n"),
        file(
            "src/api.rs",
            "use crate::{forms::{self, Stage}, Pointer};\n// crate::nowhere in a comment\nfn f() { let s = \"crate::nowhere\"; }\n",
        ),
        file(
            "src/forms/mod.rs",
            "pub mod schema;\nuse super::diagnostic::Pointer;\n\n#[cfg(test)]\nmod tests {\n    use crate::api;\n}\n",
        ),
        file("src/forms/schema.rs", "use super::super::diagnostic;\n"),
        file(
            "src/privacy/mod.rs",
            "mod scan;\nmod tokens;\n#[cfg(test)]\nmod tests;\npub use scan::scan_text;\n",
        ),
        file("src/privacy/scan.rs", "use super::tokens::Tokens;\nuse crate::forms;\n"),
        file("src/privacy/tokens.rs", "pub struct Tokens;\n"),
        file("src/privacy/tests.rs", "use crate::api;\nuse super::scan;\n"),
    ];
    files.extend(extra);
    files
}

const TOY_LAYERS: &[&[&str]] = &[&["api"], &["privacy"], &["forms"], &["diagnostic"]];
const TOY_STEPS: &[&[&str]] = &[&["scan"], &["tokens"]];

fn toy_problems(files: &[SourceFile]) -> Vec<String> {
    let g = graph(files);
    let mut p = problems("module", &g.modules, &g.edges, TOY_LAYERS);
    p.extend(problems("privacy step", &g.steps, &g.step_edges, TOY_STEPS));
    p
}

#[test]
fn the_reading_resolves_groups_super_and_reexports_and_skips_comments_and_tests() {
    let files = toy(Vec::new());
    let g = graph(&files);
    let edges: BTreeSet<(String, String)> = g
        .edges
        .iter()
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    let want: BTreeSet<(String, String)> = [
        ("api", "forms"),
        ("api", "diagnostic"),
        ("forms", "diagnostic"),
        ("privacy", "forms"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(edges, want);
    let steps: Vec<(String, String)> = g
        .step_edges
        .iter()
        .map(|e| (e.from.clone(), e.to.clone()))
        .collect();
    assert_eq!(steps, vec![("scan".to_string(), "tokens".to_string())]);
    assert!(
        toy_problems(&files).is_empty(),
        "{:?}",
        toy_problems(&files)
    );
}

#[test]
fn an_import_up_a_layer_is_found() {
    let files = toy(vec![file(
        "src/forms/kinds.rs",
        "use crate::privacy::scan_text;\n",
    )]);
    let p = toy_problems(&files);
    assert!(
        p.iter()
            .any(|x| x.contains("src/forms/kinds.rs:1") && x.contains("a layer above")),
        "{p:?}"
    );
    assert!(p.iter().any(|x| x.contains("import circle")), "{p:?}");
}

#[test]
fn an_import_circle_among_privacy_steps_is_found() {
    let mut files = toy(Vec::new());
    files.retain(|f| f.path != "src/privacy/tokens.rs");
    files.push(file(
        "src/privacy/tokens.rs",
        "pub struct Tokens;\nuse super::scan_text;\n",
    ));
    let p = toy_problems(&files);
    assert!(
        p.iter()
            .any(|x| x.contains("import circle between privacy steps: scan → tokens → scan")),
        "{p:?}"
    );
}

#[test]
fn a_module_in_no_layer_and_an_import_within_a_layer_are_found() {
    let files = toy(vec![file(
        "src/extra.rs",
        "use crate::diagnostic::Pointer;\n",
    )]);
    let p = toy_problems(&files);
    assert!(
        p.iter().any(|x| x.contains("`extra` is in no layer")),
        "{p:?}"
    );
    let same: &[&[&str]] = &[&["api"], &["privacy"], &["forms", "diagnostic"]];
    let g = graph(&toy(Vec::new()));
    let p = problems("module", &g.modules, &g.edges, same);
    assert!(p.iter().any(|x| x.contains("in its own layer")), "{p:?}");
}

/// The graph as read, for a look: `cargo test --test architecture print_graph -- --ignored
/// --nocapture`.
#[test]
#[ignore]
fn print_graph() {
    let g = graph(&crate_files());
    let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for x in &g.edges {
        e.entry(x.from.clone()).or_default().insert(x.to.clone());
    }
    for (a, b) in e {
        println!("{a} -> {b:?}");
    }
    let mut e: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for x in &g.step_edges {
        e.entry(x.from.clone()).or_default().insert(x.to.clone());
    }
    for (a, b) in e {
        println!("privacy::{a} -> {b:?}");
    }
    println!("{} edges, {} step edges", g.edges.len(), g.step_edges.len());
}
