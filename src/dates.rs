//! Calendar dates written as `YYYY-MM-DD` or `DD.MM.YYYY`, parsed and formatted by hand: chrono's
//! general `strftime` parser and formatter cost ~20 KB of wasm and are not needed for two
//! fixed layouts.
//!
//! ```
//! use skjemavakt::dates::{format_iso, parse_iso, parse_date};
//! let d = parse_iso("2024-02-29").unwrap();
//! assert_eq!(format_iso(d), "2024-02-29");
//! assert_eq!(parse_date("29.02.2024"), Some(d));
//! assert!(parse_iso("2023-02-29").is_none());
//! assert!(parse_iso("2024-2-29").is_none());
//! ```

use chrono::{Datelike, NaiveDate};

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses exactly `YYYY-MM-DD` (a real calendar date).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    if t.len() != 10 || t.as_bytes().get(4) != Some(&b'-') || t.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    let y = digits(t.get(0..4)?)?;
    let m = digits(t.get(5..7)?)?;
    let d = digits(t.get(8..10)?)?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Parses `YYYY-MM-DD` or `DD.MM.YYYY` (a real calendar date).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    parse_iso(t).or_else(|| {
        let mut parts = t.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || d.len() != 2 || m.len() != 2 || y.len() != 4 {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::try_from(digits(y)?).ok()?, digits(m)?, digits(d)?)
    })
}

/// Formats as `YYYY-MM-DD`.
pub fn format_iso(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}
