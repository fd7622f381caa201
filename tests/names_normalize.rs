//! Tests for `privacy::normalize`: the adversarial cases listed in the privacy-gate issue
//! (issue 5) and properties of the offset map.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use skjemavakt::privacy::normalize::{decimal_digit_value, normalize};

/// Returns the original text that produced `needle` in the normalised text.
fn source_of<'a>(original: &'a str, needle: &str) -> &'a str {
    let n = normalize(original);
    let start = n.text.find(needle).expect("needle in normalised text");
    let (s, e) = n.original_range(start, start + needle.len());
    &original[s..e]
}

#[test]
fn zero_width_and_soft_hyphen_inside_a_number() {
    let original = "fnr 2611\u{200B}15\u{AD}938\u{2060}16.";
    let n = normalize(original);
    assert_eq!(n.text, "fnr 26111593816.");
    // The hit covers the hidden characters inside it, but not the full stop.
    assert_eq!(
        source_of(original, "26111593816"),
        "2611\u{200B}15\u{AD}938\u{2060}16"
    );
}

#[test]
fn spaces_of_every_kind_become_ascii_space() {
    let original = "261115\u{A0}938\u{2009}16 / 261115\u{202F}93816 / 26\u{2007}11\u{3000}15\t9";
    assert_eq!(
        normalize(original).text,
        "261115 938 16 / 261115 93816 / 26 11 15 9"
    );
}

#[test]
fn full_width_and_other_decimal_digits() {
    // Full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, mathematical bold,
    // mathematical monospace, segmented digits.
    let original = "２６１１\u{660}\u{665}\u{6F9}\u{0969}\u{1D7CF}\u{1D7FF}\u{1FBF5}";
    assert_eq!(normalize(original).text, "26110593195");
}

#[test]
fn full_width_letters_and_at_sign() {
    assert_eq!(
        normalize("ｋａｒｉ＠ｅｘａｍｐｌｅ．ｎｏ").text,
        "kari@example.no"
    );
}

#[test]
fn dashes_fold_to_hyphen_minus() {
    let original = "Anne\u{2010}Marie 12\u{2013}34\u{2014}56\u{2212}7\u{FE63}8\u{FF0D}9";
    assert_eq!(normalize(original).text, "Anne-Marie 12-34-56-7-8-9");
}

#[test]
fn line_breaks_are_kept_as_newline() {
    let original = "261115\r\n93816\r2\u{2028}3\u{85}4\u{0B}5";
    let n = normalize(original);
    assert_eq!(n.text, "261115\n93816\n2\n3\n4\n5");
    // "\r\n" is one normalised character whose source is both bytes.
    assert_eq!(n.original_range(6, 7), (6, 8));
}

#[test]
fn bidi_marks_embeddings_and_isolates_are_removed() {
    let original = "\u{200F}26\u{202E}11\u{2066}15\u{2069}93\u{200E}816\u{202C}\u{FEFF}";
    let n = normalize(original);
    assert_eq!(n.text, "26111593816");
    // Marks at the edges are outside the range, marks inside it are covered.
    let (s, e) = n.original_range(0, n.text.len());
    assert_eq!(&original[s..e], &original[3..original.len() - 6]);
}

#[test]
fn variation_selectors_are_removed() {
    assert_eq!(normalize("1\u{FE0F}2\u{E0100}3").text, "123");
}

#[test]
fn html_character_references() {
    let original =
        "26&nbsp;11&#8203;15&#x200B;93&shy;816 &amp; Kari&ndash;Ola &Oslash;stby &amp;nbsp;";
    let n = normalize(original);
    assert_eq!(n.text, "26 111593816 & Kari-Ola Østby &nbsp;");
    // The space came from "&nbsp;": the whole reference is its source.
    assert_eq!(n.original_range(2, 3), (2, 8));
    assert_eq!(source_of(original, "Østby"), "&Oslash;stby");
    // Not decoded: unknown names, bare ampersands, NUL and surrogates.
    assert_eq!(
        normalize("R&D &foo; &#0; &#xD800; a & b").text,
        "R&D &foo; &#0; &#xD800; a & b"
    );
}

#[test]
fn letters_keep_case_and_diacritics() {
    let original = "Østby-Ålund, Kari Æsøy, José";
    assert_eq!(normalize(original).text, original);
}

#[test]
fn plain_ascii_is_an_identity_copy() {
    let original = "Pasienten har brukt legemiddelet i 3 mnd.\nKostnad per maned: 12 000 kr.";
    let n = normalize(original);
    assert!(n.is_identity());
    assert_eq!(n.text, original);
    assert_eq!(n.original_range(5, 12), (5, 12));
}

#[test]
fn offsets_past_the_end_are_clamped() {
    let n = normalize("ab\u{200B}");
    assert_eq!(n.text, "ab");
    assert_eq!(n.original_range(1, 99), (1, 2));
    assert_eq!(n.to_original(99), 5);
    assert_eq!(n.original_range(5, 1), (n.to_original(5), n.to_original(5)));
}

#[test]
fn debug_does_not_show_the_text() {
    let n = normalize("Kari Nordmann 26111593816\u{200B}");
    let d = format!("{n:?}");
    assert!(!d.contains("Kari") && !d.contains("2611"), "{d}");
}

#[test]
fn digit_values_match_char_to_digit_for_ascii() {
    for c in '0'..='9' {
        assert_eq!(decimal_digit_value(c).map(u32::from), c.to_digit(10));
    }
}

/// Characters the normaliser treats specially, mixed with ordinary text.
fn tricky_char() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("&nbsp;".to_string()),
        Just("&amp;".to_string()),
        Just("&#8203;".to_string()),
        Just("&#x200B;".to_string()),
        Just("&shy".to_string()),
        Just("&".to_string()),
        Just("&#".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        prop::sample::select(vec![
            '\u{200B}',
            '\u{AD}',
            '\u{A0}',
            '\u{2009}',
            '\u{202F}',
            '\u{200F}',
            '\u{202E}',
            '\u{2066}',
            '\u{FEFF}',
            '\u{FE0F}',
            '\u{FF11}',
            '\u{0663}',
            '\u{1D7D9}',
            '\u{2013}',
            '\u{2212}',
            'ø',
            'Å',
            '\t',
            'a',
            '1',
            ' ',
            '\n',
            '-'
        ])
        .prop_map(String::from),
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    /// Every normalised character maps back to an original range that normalises to exactly
    /// that character; ranges are on char boundaries and in order.
    #[test]
    fn each_char_maps_back_to_its_source(parts in prop::collection::vec(tricky_char(), 0..40)) {
        let original: String = parts.concat();
        let n = normalize(&original);
        let mut prev_end = 0;
        for (i, c) in n.text.char_indices() {
            let (s, e) = n.original_range(i, i + c.len_utf8());
            prop_assert!(s <= e && e <= original.len());
            prop_assert!(original.is_char_boundary(s) && original.is_char_boundary(e));
            prop_assert!(s >= prev_end);
            prev_end = e;
            let back = normalize(&original[s..e]);
            prop_assert_eq!(back.text, c.to_string());
        }
    }

    /// Arbitrary input never panics, and whole-text ranges stay inside the original.
    #[test]
    fn never_panics_and_ranges_are_sane(s in "\\PC*", a in 0usize..200, b in 0usize..200) {
        let n = normalize(&s);
        let (x, y) = n.original_range(a, b);
        prop_assert!(x <= y && y <= s.len());
        prop_assert!(s.is_char_boundary(x) && s.is_char_boundary(y));
        // Normalising is idempotent (references are decoded once only: "&amp;nbsp;" gives
        // "&nbsp;", so text with '&' left in it is not checked).
        if !n.text.contains('&') {
            prop_assert_eq!(normalize(&n.text).text, n.text.clone());
        }
    }
}

/// Throughput of `normalize` (and of name detection). Run in release:
/// `cargo test --release --test names_normalize -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    use std::time::Instant;
    let para = "Pasienten har hatt progresjon etter tre linjer behandling. Kostnad per maned er \
                beregnet til 45 000 kr. Funksjonsnivaet er ECOG 1, og hun klarer seg selv.\n";
    let ascii: String = para.repeat(100_000); // ~17 MB
    let mixed: String = "Pasienten Kari\u{A0}Nordmann, fnr 2611\u{200B}15 938\u{2009}16, tlf \
                         ４１ ２２ ３３ ４４ &amp; datter &Oslash;ydis \u{200F}(RTL)\u{200E}.\n"
        .repeat(100_000);
    for (label, text) in [("ASCII", &ascii), ("mixed Unicode/HTML", &mixed)] {
        let t = Instant::now();
        let n = normalize(text);
        let secs = t.elapsed().as_secs_f64();
        let mbps = text.len() as f64 / secs / 1e6;
        println!(
            "normalize, {label}: {} bytes in {secs:.4} s = {mbps:.0} MB/s",
            text.len()
        );
        assert!(!n.text.is_empty());
        if label == "ASCII" && !cfg!(debug_assertions) {
            assert!(mbps > 100.0, "{mbps} MB/s");
        }
        let t = Instant::now();
        let hits = skjemavakt::privacy::names::find_names(&n.text, None);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "find_names, {label}: {} hits, {:.1} MB/s",
            hits.len(),
            n.text.len() as f64 / secs / 1e6
        );
    }
}
