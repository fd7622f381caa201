// The worst-case inputs of the scan (issue 17, point 7): the shapes a security tester used to
// make it quadratic (valid numbers glued into one run of letters and digits: 375 KB took
// 37 s) and every other shape that gives one detector the most to do per byte. Included by
// the privacy benchmark (benches/native/privacy.rs, `scan_text_worst_case`) and by the
// linear-time test (tests/linear_time.rs), so that both measure the same text.

/// Made-up valid national identity numbers (fødselsnummer; check digits by Skatteetaten's
/// rule, found by trying every pair), `n` of them.
fn worst_case_numbers(n: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(n);
    let mut i = 0usize;
    while out.len() < n {
        let base = format!(
            "{:02}{:02}{:02}{:03}",
            1 + i % 28,
            1 + i % 12,
            40 + i % 50,
            (i * 37) % 500
        );
        if let Some(s) = (0..100)
            .map(|k| format!("{base}{k:02}"))
            .find(|s| skjemavakt::ident::fnr::is_valid(s))
        {
            out.push(s);
        }
        i += 1;
    }
    out
}

/// One shape: its name and how its `k`-th unit is written.
type WorstUnit = Box<dyn Fn(usize) -> String>;

/// Every worst-case shape, each about `size` bytes: units repeated until the text is long
/// enough.
fn worst_case_texts(size: usize) -> Vec<(&'static str, String)> {
    let numbers = worst_case_numbers(64);
    let nums = move |k: usize| numbers[k % 64].clone();
    let nums2 = nums.clone();
    let nums3 = nums.clone();
    const WORDS: [&str; 10] = [
        "null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni",
    ];
    let shapes: Vec<(&'static str, WorstUnit)> = vec![
        (
            "numbers glued into letters",
            Box::new(move |k| format!("x{}y", nums(k))),
        ),
        ("numbers glued, no letters between", Box::new(nums2)),
        ("digits joined by commas", Box::new(|k| format!("{},", k % 10))),
        ("digits joined by spaces", Box::new(|k| format!("{} ", k % 10))),
        (
            "digit groups joined by markup",
            Box::new(move |k| format!("{}<b>", &nums3(k)[..3])),
        ),
        (
            "look-alike letters in digits",
            Box::new(|k| format!("1O{}l", k % 10)),
        ),
        (
            "name-like words",
            Box::new(|_| "Kari Nordmann Hansen Ola ".to_string()),
        ),
        (
            "spaced letters of the name",
            Box::new(|_| "K a r i N o r d ".to_string()),
        ),
        ("the name glued", Box::new(|_| "KariNordmann".to_string())),
        (
            "the name joined over hyphens",
            Box::new(|_| "Nordmann-fKari'".to_string()),
        ),
        ("at signs", Box::new(|_| "@".to_string())),
        ("dots", Box::new(|_| ".".to_string())),
        ("colons", Box::new(|_| ":".to_string())),
        ("hex and colons", Box::new(|k| format!("{:x}:", k % 4096))),
        (
            "digit words",
            Box::new(|k| format!("{} ", WORDS[k % 10])),
        ),
        (
            "at and dot words",
            Box::new(|_| "kari at gmail dot ".to_string()),
        ),
        (
            "number plates",
            Box::new(|k| format!("AB{} ", 10000 + k % 90000)),
        ),
        (
            "cue words",
            Box::new(|_| "født f. pasient mor tlf journalnr datter ".to_string()),
        ),
        ("invisible between digits", Box::new(|k| format!("{}\u{200B}", k % 10))),
    ];
    shapes
        .into_iter()
        .map(|(name, unit)| {
            let mut s = String::with_capacity(size + 64);
            let mut k = 0;
            while s.len() < size {
                s.push_str(&unit(k));
                k += 1;
            }
            (name, s)
        })
        .collect()
}

/// Every shape, each `size / shapes` bytes, one after the other (a line break between):
/// `size` bytes of worst-case text.
fn worst_case_mix(size: usize) -> String {
    let n = worst_case_texts(0).len();
    let parts: Vec<String> = worst_case_texts(size / n)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    parts.join("\n")
}
