//! What kind of identifier a finding is ([`FindingKind`]): its stable name, its priority
//! where findings overlap, its placeholder, its label for the page, and its rule (code,
//! source, message and hint).

use crate::diagnostic::{Document, Rule, Severity, Source, Texts};
use serde::Serialize;

/// What kind of identifier a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingKind {
    /// A valid national identity number (fødselsnummer, D-, H-, FH-number, synthetic).
    NationalId,
    /// 11 digits with a plausible birth date whose check digits fail.
    PossibleNationalId,
    /// A bank account number or IBAN.
    Account,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A full date of birth.
    BirthDate,
    /// A record, journal or case number.
    RecordNumber,
    /// A street address, PO box, or postcode with place.
    Address,
    /// An IP address.
    IpAddress,
    /// A person's name.
    Name,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [FindingKind; 10] = [
        FindingKind::NationalId,
        FindingKind::PossibleNationalId,
        FindingKind::Account,
        FindingKind::Email,
        FindingKind::Phone,
        FindingKind::BirthDate,
        FindingKind::RecordNumber,
        FindingKind::Address,
        FindingKind::IpAddress,
        FindingKind::Name,
    ];

    /// Stable name (`national_id`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::NationalId => "national_id",
            FindingKind::PossibleNationalId => "possible_national_id",
            FindingKind::Account => "account",
            FindingKind::Email => "email",
            FindingKind::Phone => "phone",
            FindingKind::BirthDate => "birth_date",
            FindingKind::RecordNumber => "record_number",
            FindingKind::Address => "address",
            FindingKind::IpAddress => "ip_address",
            FindingKind::Name => "name",
        }
    }

    /// Priority when findings overlap (lower wins).
    pub(crate) fn priority(self) -> u8 {
        match self {
            FindingKind::NationalId => 0,
            FindingKind::Email => 1,
            FindingKind::Account => 2,
            FindingKind::BirthDate => 3,
            FindingKind::Phone => 4,
            FindingKind::PossibleNationalId => 5,
            FindingKind::RecordNumber => 6,
            FindingKind::IpAddress => 7,
            FindingKind::Address => 8,
            FindingKind::Name => 9,
        }
    }
}

impl Serialize for FindingKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

const SRC_T: Source = Source {
    document: Document::Tilgangsordningen,
    section: "Utfylling av søknadsskjema: «Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten»",
};
const SRC_HB: Source = Source {
    document: Document::HelseBergen1_2_2_5_16,
    section: "3.2 Vurderingsprosessen: fri for direkte personidentifiserbare opplysninger",
};
const SRC_BRIEF: Source = Source {
    document: Document::DomainBrief,
    section: "Direct identifiers (what must not leave in part 2)",
};

macro_rules! finding_rule {
    ($name:ident, $code:literal, $src:expr, [$nb:literal, $nn:literal, $en:literal]) => {
        #[doc = $nb]
        pub static $name: Rule = Rule {
            code: $code,
            severity: Severity::Error,
            source: $src,
            message: Texts { nb: $nb, nn: $nn, en: $en },
            hint: Some(Texts {
                nb: "Fjern opplysningen eller erstatt den med en plassholder som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinjen). Del 2 skal ikke kunne knyttes til pasienten; NPR-ID og fødselsår er tillatt.",
                nn: "Fjern opplysninga eller byt henne ut med ein plasshaldar som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinja). Del 2 skal ikkje kunne knytast til pasienten; NPR-ID og fødselsår er tillate.",
                en: "Remove it or replace it with a placeholder such as [NAVN] (“Fjern” in the form, skjemavakt redact on the command line). Part 2 must not be linkable to the patient; the NPR-ID and the birth year are allowed.",
            }),
        };
    };
}

finding_rule!(
    NATIONAL_ID,
    "privacy.national_id",
    SRC_T,
    [
        "Teksten inneholder et fødselsnummer eller D-nummer.",
        "Teksten inneheld eit fødselsnummer eller D-nummer.",
        "The text contains a national identity number."
    ]
);
finding_rule!(
    POSSIBLE_NATIONAL_ID,
    "privacy.possible_national_id",
    SRC_T,
    [
        "Teksten inneholder et mulig fødselsnummer (11 sifre som begynner med en dato).",
        "Teksten inneheld eit mogleg fødselsnummer (11 siffer som byrjar med ein dato).",
        "The text contains a possible national identity number (11 digits starting with a date)."
    ]
);
finding_rule!(
    ACCOUNT,
    "privacy.account",
    SRC_BRIEF,
    [
        "Teksten inneholder et kontonummer.",
        "Teksten inneheld eit kontonummer.",
        "The text contains a bank account number."
    ]
);
finding_rule!(
    EMAIL,
    "privacy.email",
    SRC_BRIEF,
    [
        "Teksten inneholder en e-postadresse.",
        "Teksten inneheld ei e-postadresse.",
        "The text contains an e-mail address."
    ]
);
finding_rule!(
    PHONE,
    "privacy.phone",
    SRC_BRIEF,
    [
        "Teksten inneholder et telefonnummer.",
        "Teksten inneheld eit telefonnummer.",
        "The text contains a phone number."
    ]
);
finding_rule!(
    BIRTH_DATE,
    "privacy.birth_date",
    SRC_BRIEF,
    [
        "Teksten inneholder en fødselsdato; bare fødselsåret er tillatt.",
        "Teksten inneheld ein fødselsdato; berre fødselsåret er tillate.",
        "The text contains a date of birth; only the birth year is allowed."
    ]
);
finding_rule!(
    RECORD_NUMBER,
    "privacy.record_number",
    SRC_BRIEF,
    [
        "Teksten inneholder et journal-, pasient- eller saksnummer.",
        "Teksten inneheld eit journal-, pasient- eller saksnummer.",
        "The text contains a record, patient or case number."
    ]
);
finding_rule!(
    ADDRESS,
    "privacy.address",
    SRC_BRIEF,
    [
        "Teksten inneholder en adresse eller et bosted.",
        "Teksten inneheld ei adresse eller ein bustad.",
        "The text contains an address or place of residence."
    ]
);
finding_rule!(
    IP_ADDRESS,
    "privacy.ip_address",
    SRC_BRIEF,
    [
        "Teksten inneholder en IP-adresse.",
        "Teksten inneheld ei IP-adresse.",
        "The text contains an IP address."
    ]
);
finding_rule!(
    NAME,
    "privacy.name",
    SRC_HB,
    [
        "Teksten inneholder et personnavn.",
        "Teksten inneheld eit personnamn.",
        "The text contains a person's name."
    ]
);

/// Rules of this module.
pub static RULES: &[&Rule] = &[
    &NATIONAL_ID,
    &POSSIBLE_NATIONAL_ID,
    &ACCOUNT,
    &EMAIL,
    &PHONE,
    &BIRTH_DATE,
    &RECORD_NUMBER,
    &ADDRESS,
    &IP_ADDRESS,
    &NAME,
];

impl FindingKind {
    /// The rule a finding of this kind breaks (its code, source, message and hint).
    pub fn rule(self) -> &'static Rule {
        match self {
            FindingKind::NationalId => &NATIONAL_ID,
            FindingKind::PossibleNationalId => &POSSIBLE_NATIONAL_ID,
            FindingKind::Account => &ACCOUNT,
            FindingKind::Email => &EMAIL,
            FindingKind::Phone => &PHONE,
            FindingKind::BirthDate => &BIRTH_DATE,
            FindingKind::RecordNumber => &RECORD_NUMBER,
            FindingKind::Address => &ADDRESS,
            FindingKind::IpAddress => &IP_ADDRESS,
            FindingKind::Name => &NAME,
        }
    }

    /// The bracketed Norwegian placeholder that replaces a finding of this kind.
    pub fn placeholder(self) -> &'static str {
        match self {
            FindingKind::NationalId | FindingKind::PossibleNationalId => "[FØDSELSNUMMER]",
            FindingKind::Account => "[KONTONUMMER]",
            FindingKind::Email => "[E-POST]",
            FindingKind::Phone => "[TELEFON]",
            FindingKind::BirthDate => "[FØDSELSDATO]",
            FindingKind::RecordNumber => "[JOURNALNUMMER]",
            FindingKind::Address => "[ADRESSE]",
            FindingKind::IpAddress => "[IP-ADRESSE]",
            FindingKind::Name => "[NAVN]",
        }
    }

    /// What the page calls a finding of this kind, in bokmål, nynorsk and English (the
    /// words of the drop-in guard's list of findings, `www/skjemavakt-guard.js`).
    pub fn label(self) -> Texts {
        let (nb, nn, en) = match self {
            FindingKind::NationalId => {
                ("Fødselsnummer", "Fødselsnummer", "National identity number")
            }
            FindingKind::PossibleNationalId => (
                "Mulig fødselsnummer",
                "Mogleg fødselsnummer",
                "Possible national identity number",
            ),
            FindingKind::Account => ("Kontonummer", "Kontonummer", "Bank account number"),
            FindingKind::Email => ("E-postadresse", "E-postadresse", "E-mail address"),
            FindingKind::Phone => ("Telefonnummer", "Telefonnummer", "Phone number"),
            FindingKind::BirthDate => ("Fødselsdato", "Fødselsdato", "Date of birth"),
            FindingKind::RecordNumber => ("Journalnummer", "Journalnummer", "Record number"),
            FindingKind::Address => ("Adresse", "Adresse", "Address"),
            FindingKind::IpAddress => ("IP-adresse", "IP-adresse", "IP address"),
            FindingKind::Name => ("Navn", "Namn", "Name"),
        };
        Texts { nb, nn, en }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_rule_and_name() {
        let mut codes: Vec<&str> = FindingKind::ALL.iter().map(|k| k.rule().code).collect();
        let names: Vec<&str> = FindingKind::ALL.iter().map(|k| k.as_str()).collect();
        for (k, code) in FindingKind::ALL.iter().zip(&codes) {
            assert_eq!(*code, format!("privacy.{}", k.as_str()), "{k:?}");
            assert!(RULES.iter().any(|r| std::ptr::eq(*r, k.rule())), "{k:?}");
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!((codes.len(), names.len(), RULES.len()), (10, 10, 10));
    }

    /// Until the page takes its labels from here, its copy must say the same: each
    /// language's `kinds` block of the guard holds every kind with this label.
    #[test]
    fn labels_are_the_guards() {
        let js = include_str!("../../www/skjemavakt-guard.js");
        let blocks: Vec<&str> = js
            .split("kinds: {")
            .skip(1)
            .map(|b| b.split('}').next().unwrap_or(""))
            .collect();
        assert_eq!(blocks.len(), 3, "nb, nn, en");
        for k in FindingKind::ALL {
            let l = k.label();
            for (block, text) in blocks.iter().zip([l.nb, l.nn, l.en]) {
                let entry = format!("{}: '{text}'", k.as_str());
                assert!(block.contains(&entry), "{entry} not in {block}");
            }
        }
    }
}
