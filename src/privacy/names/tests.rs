use super::words::{tokenize, Keep};
use super::*;

#[test]
fn tokenizer_joins_hyphens_and_marks_initials() {
    let mut keys = String::new();
    let text = "K. Anne-Marie - O'Brien- anne-marie o'brien";
    let cx = Tokens::new(text);
    let toks = tokenize(text, &cx, &mut keys, Keep::All, None);
    let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
    assert_eq!(
        words,
        ["K", "Anne-Marie", "O'Brien", "anne-marie", "o'brien"]
    );
    assert!(toks[0].initial && !toks[1].initial);
    let lazy: Vec<bool> = toks.iter().map(|t| t.lazy).collect();
    assert_eq!(lazy, [false, false, false, true, true]);
}

/// Keeping only the words a rule can act on finds exactly what keeping every word
/// finds: on every corpus sentence, and on 3 000 texts of corpus sentences with random
/// edits (letters, capitals, hyphens, dots, æøå), with and without a patient's name.
#[test]
fn relevant_words_find_what_all_words_find() {
    let lines = crate::privacy::testing::corpus_lines();
    assert!(lines.len() > 500, "{}", lines.len());
    let patients = [
        None,
        Some(PatientName::new("Kari Nordmann")),
        Some(PatientName::new("Per Ole Hansen-Dahl")),
        Some(PatientName::new("Åse Ødegård")),
    ];
    let alphabet: Vec<char> = "aAkKnNpPeE-'.,: \nøØåÅæéSstTf".chars().collect();
    let mut rnd = crate::privacy::testing::rng(0x2545_F491_4F6C_DD1D);
    let mut texts: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    for _ in 0..3000 {
        let mut chars: Vec<char> = Vec::new();
        for _ in 0..4 {
            chars.extend(lines[rnd(lines.len())].chars());
            chars.push(' ');
        }
        for _ in 0..rnd(8) {
            let at = rnd(chars.len());
            let c = alphabet[rnd(alphabet.len())];
            if rnd(2) == 0 {
                chars.insert(at, c);
            } else {
                chars[at] = c;
            }
        }
        texts.push(chars.into_iter().collect());
    }
    let mut found = 0;
    for text in &texts {
        let cx = Tokens::new(text);
        for p in &patients {
            let p = p.as_ref();
            let some = find_names_keeping(&cx, p, Keep::Relevant(p));
            let all = find_names_keeping(&cx, p, Keep::All);
            assert_eq!(some, all, "{text:?}");
            found += all.len();
        }
    }
    assert!(found > 5000, "{found}");
}
