//! E-mail addresses.
//!
//! Validated as exactly as the address format allows without a network lookup:
//!
//! * exactly one `@`; local part 1–64 octets, domain at most 253 octets, whole address at
//!   most 254 octets (RFC 5321 §4.5.3.1.1–3, with RFC 3696 erratum 1690);
//! * local part a *dot-atom*: letters, digits and ``!#$%&'*+-/=?^_`{|}~``, dots only between
//!   atoms (RFC 5322 §3.2.3, §3.4.1); non-ASCII letters and digits allowed (RFC 6531);
//!   quoted local parts (`"a b"@x.no`) are **not** accepted;
//! * domain at least two labels of 1–63 octets, letters/digits/hyphens, no hyphen first or
//!   last (RFC 1035 §2.3.1, RFC 5890 for internationalised labels); the top-level label is
//!   not all digits (RFC 3696 §2); address literals (`[192.0.2.1]`) are **not** accepted.
//!
//! ```
//! use skjemavakt::ident::email::{self, EmailError};
//! let e = email::validate("  Ola.Nordmann@Helse-Bergen.NO ").unwrap();
//! assert_eq!(email::format(&e), "Ola.Nordmann@helse-bergen.no");
//! assert_eq!(email::validate("ola..n@x.no"), Err(EmailError::LocalDots));
//! assert_eq!(email::validate("ola@localhost"), Err(EmailError::SingleLabelDomain));
//! assert!(!format!("{e:?}").contains("Ola"));
//! ```

use std::fmt;

/// Why a string is not a valid e-mail address. Carries no part of the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Empty after trimming.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than 254 octets.
    #[error("an e-mail address has at most 254 octets; found {found}")]
    TooLong {
        /// Length in octets.
        found: usize,
    },
    /// No `@`.
    #[error("an e-mail address needs an @")]
    MissingAt,
    /// More than one `@` (quoted local parts are not supported).
    #[error("an e-mail address has exactly one @")]
    MultipleAt,
    /// Nothing before the `@`.
    #[error("nothing before the @")]
    LocalEmpty,
    /// Local part longer than 64 octets.
    #[error("the part before the @ has at most 64 octets; found {found}")]
    LocalTooLong {
        /// Length in octets.
        found: usize,
    },
    /// A character not allowed in the local part.
    #[error("character {position} is not allowed before the @")]
    LocalCharacter {
        /// Position (in characters, from 0) in the trimmed address.
        position: usize,
    },
    /// A dot first, last or doubled in the local part.
    #[error("dots before the @ must stand between other characters")]
    LocalDots,
    /// Nothing after the `@`.
    #[error("nothing after the @")]
    DomainEmpty,
    /// Domain longer than 253 octets.
    #[error("the domain has at most 253 octets; found {found}")]
    DomainTooLong {
        /// Length in octets.
        found: usize,
    },
    /// The domain has a single label (`localhost`).
    #[error("the domain needs at least two labels (like example.no)")]
    SingleLabelDomain,
    /// An empty label (dot first, last or doubled).
    #[error("the domain has an empty label")]
    EmptyLabel,
    /// A label longer than 63 octets.
    #[error("a domain label has at most 63 octets")]
    LabelTooLong,
    /// A character not allowed in a domain label.
    #[error("character {position} is not allowed in the domain")]
    DomainCharacter {
        /// Position (in characters, from 0) in the trimmed address.
        position: usize,
    },
    /// A label starting or ending with a hyphen.
    #[error("a domain label cannot start or end with a hyphen")]
    LabelHyphen,
    /// The top-level label is all digits.
    #[error("the top-level domain cannot be all digits")]
    NumericTopLevel,
}

/// A valid e-mail address. `Debug` and `Display` are masked (`***@***`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress {
    value: String,
    at: usize,
}

impl EmailAddress {
    /// The address as validated (trimmed). This is the identifier itself.
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The local part (before the `@`).
    pub fn local_part(&self) -> &str {
        self.value.get(..self.at).unwrap_or("")
    }

    /// The domain (after the `@`).
    pub fn domain(&self) -> &str {
        self.value.get(self.at + 1..).unwrap_or("")
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(***@***)")
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***@***")
    }
}

/// Trims white space and a `mailto:` prefix. Does not validate.
///
/// ```
/// assert_eq!(skjemavakt::ident::email::compact(" mailto:a@b.no "), "a@b.no");
/// ```
pub fn compact(s: &str) -> String {
    let t = s.trim();
    let t = match t.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => t.get(7..).unwrap_or(""),
        _ => t,
    };
    t.trim().to_string()
}

/// RFC 5322 §3.2.3 `atext`, plus non-ASCII letters and digits (RFC 6531).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_ascii() && b"!#$%&'*+-/=?^_`{|}~".contains(&(c as u8)))
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// RFC 1035 letter-digit-hyphen, plus non-ASCII letters and digits (IDN U-labels, RFC 5890).
fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())
}

/// Validates an e-mail address (see the module documentation for the rules).
pub fn validate(s: &str) -> Result<EmailAddress, EmailError> {
    let value = compact(s);
    if value.is_empty() {
        return Err(EmailError::Empty);
    }
    if value.len() > 254 {
        return Err(EmailError::TooLong { found: value.len() });
    }
    let mut ats = value.match_indices('@');
    let Some((at, _)) = ats.next() else {
        return Err(EmailError::MissingAt);
    };
    if ats.next().is_some() {
        return Err(EmailError::MultipleAt);
    }
    let local = value.get(..at).unwrap_or("");
    let domain = value.get(at + 1..).unwrap_or("");
    check_local(local)?;
    let domain_offset = local.chars().count() + 1;
    check_domain(domain, domain_offset)?;
    Ok(EmailAddress { value, at })
}

/// Local part: dot-atom of at most 64 octets (RFC 5321 §4.5.3.1.1, RFC 5322 §3.2.3).
fn check_local(local: &str) -> Result<(), EmailError> {
    if local.is_empty() {
        return Err(EmailError::LocalEmpty);
    }
    if local.len() > 64 {
        return Err(EmailError::LocalTooLong { found: local.len() });
    }
    if let Some(position) = local.chars().position(|c| c != '.' && !is_atext(c)) {
        return Err(EmailError::LocalCharacter { position });
    }
    if local.starts_with('.')
        || local.ends_with('.')
        || local.as_bytes().windows(2).any(|w| w == b"..")
    {
        return Err(EmailError::LocalDots);
    }
    Ok(())
}

/// Domain: at least two LDH labels of 1–63 octets, at most 253 octets, top label not
/// numeric (RFC 1035 §2.3.1, RFC 5321 §4.5.3.1.2, RFC 3696 §2).
fn check_domain(domain: &str, offset: usize) -> Result<(), EmailError> {
    if domain.is_empty() {
        return Err(EmailError::DomainEmpty);
    }
    if domain.len() > 253 {
        return Err(EmailError::DomainTooLong {
            found: domain.len(),
        });
    }
    if let Some(p) = domain.chars().position(|c| c != '.' && !is_label_char(c)) {
        return Err(EmailError::DomainCharacter {
            position: offset + p,
        });
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Err(EmailError::EmptyLabel);
    }
    if labels.len() < 2 {
        return Err(EmailError::SingleLabelDomain);
    }
    for l in &labels {
        if l.len() > 63 {
            return Err(EmailError::LabelTooLong);
        }
        if l.starts_with('-') || l.ends_with('-') {
            return Err(EmailError::LabelHyphen);
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(EmailError::NumericTopLevel);
    }
    Ok(())
}

/// True if [`validate`] accepts `s`.
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

/// The address with its domain in lower case (domains are case-insensitive, RFC 1035
/// §2.3.3; the local part is kept as written, RFC 5321 §2.4).
pub fn format(e: &EmailAddress) -> String {
    format!(
        "{}@{}",
        e.local_part(),
        crate::letter_case::lower(e.domain())
    )
}
