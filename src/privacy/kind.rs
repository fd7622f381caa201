//! What kind of identifier a finding is ([`FindingKind`]): its stable name, its priority
//! where findings overlap, its placeholder, its label for the page, and its rule (code,
//! source, message and hint).

use crate::diagnostic::{rule, Document, Rule, Source, Texts};
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
    /// A social media handle («@kari_nordmann») or profile address («instagram.com/…»).
    SocialHandle,
    /// A vehicle registration: a number plate («AB 12345»).
    VehicleRegistration,
    /// A person's name.
    Name,
}

impl FindingKind {
    /// Every kind.
    pub const ALL: [FindingKind; 12] = [
        FindingKind::NationalId,
        FindingKind::PossibleNationalId,
        FindingKind::Account,
        FindingKind::Email,
        FindingKind::Phone,
        FindingKind::BirthDate,
        FindingKind::RecordNumber,
        FindingKind::Address,
        FindingKind::IpAddress,
        FindingKind::SocialHandle,
        FindingKind::VehicleRegistration,
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
            FindingKind::SocialHandle => "social_handle",
            FindingKind::VehicleRegistration => "vehicle_registration",
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
            FindingKind::SocialHandle => 8,
            FindingKind::VehicleRegistration => 9,
            FindingKind::Address => 10,
            FindingKind::Name => 11,
        }
    }
}

impl Serialize for FindingKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

const SRC_T: Source = Document::Tilgangsordningen.at(
    "Utfylling av søknadsskjema: «Den interregionale vurderingskomitéen skal ikke kunne identifisere pasienten»",
);
const SRC_HB: Source = Document::HelseBergen1_2_2_5_16
    .at("3.2 Vurderingsprosessen: fri for direkte personidentifiserbare opplysninger");
const SRC_BRIEF: Source =
    Document::DomainBrief.at("Direct identifiers (what must not leave in part 2)");

/// The hint every finding rule shares: how to remove what was found, in the guide's words
/// (l.376–377, l.407–411) and with no word of a part 1 or part 2, which Helse Bergen's forms do
/// not have.
const FINDING_HINT: Texts = Texts {
    nb: "Vurderingskomitéen skal ikke kunne identifisere pasienten. Fjern opplysningen eller erstatt den med en plassholder som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinjen); NPR-ID og fødselsår er tillatt.",
    nn: "Vurderingskomiteen skal ikkje kunne identifisere pasienten. Fjern opplysninga eller byt henne ut med ein plasshaldar som [NAVN] («Fjern» i skjemaet, skjemavakt redact på kommandolinja); NPR-ID og fødselsår er tillate.",
    en: "The assessment committee must not be able to identify the patient. Remove it or replace it with a placeholder such as [NAVN] (“Fjern” in the form, skjemavakt redact on the command line); the NPR-ID and the birth year are allowed.",
};

rule! {
    /// A valid national identity number.
    pub static NATIONAL_ID: "privacy.national_id", Error, SRC_T;
    nb: "Teksten inneholder et fødselsnummer eller D-nummer.",
    nn: "Teksten inneheld eit fødselsnummer eller D-nummer.",
    en: "The text contains a national identity number.",
    hint: FINDING_HINT,
}

rule! {
    /// Eleven digits with a plausible birth date whose check digits fail.
    pub static POSSIBLE_NATIONAL_ID: "privacy.possible_national_id", Error, SRC_T;
    nb: "Teksten inneholder et mulig fødselsnummer (11 sifre som begynner med en dato).",
    nn: "Teksten inneheld eit mogleg fødselsnummer (11 siffer som byrjar med ein dato).",
    en: "The text contains a possible national identity number (11 digits starting with a date).",
    hint: FINDING_HINT,
}

rule! {
    /// A bank account number or IBAN.
    pub static ACCOUNT: "privacy.account", Error, SRC_BRIEF;
    nb: "Teksten inneholder et kontonummer.",
    nn: "Teksten inneheld eit kontonummer.",
    en: "The text contains a bank account number.",
    hint: FINDING_HINT,
}

rule! {
    /// An e-mail address.
    pub static EMAIL: "privacy.email", Error, SRC_BRIEF;
    nb: "Teksten inneholder en e-postadresse.",
    nn: "Teksten inneheld ei e-postadresse.",
    en: "The text contains an e-mail address.",
    hint: FINDING_HINT,
}

rule! {
    /// A phone number.
    pub static PHONE: "privacy.phone", Error, SRC_BRIEF;
    nb: "Teksten inneholder et telefonnummer.",
    nn: "Teksten inneheld eit telefonnummer.",
    en: "The text contains a phone number.",
    hint: FINDING_HINT,
}

rule! {
    /// A full date of birth.
    pub static BIRTH_DATE: "privacy.birth_date", Error, SRC_BRIEF;
    nb: "Teksten inneholder en fødselsdato; bare fødselsåret er tillatt.",
    nn: "Teksten inneheld ein fødselsdato; berre fødselsåret er tillate.",
    en: "The text contains a date of birth; only the birth year is allowed.",
    hint: FINDING_HINT,
}

rule! {
    /// A record, journal or case number.
    pub static RECORD_NUMBER: "privacy.record_number", Error, SRC_BRIEF;
    nb: "Teksten inneholder et journal-, pasient- eller saksnummer.",
    nn: "Teksten inneheld eit journal-, pasient- eller saksnummer.",
    en: "The text contains a record, patient or case number.",
    hint: FINDING_HINT,
}

rule! {
    /// A street address, PO box, or postcode with place.
    pub static ADDRESS: "privacy.address", Error, SRC_BRIEF;
    nb: "Teksten inneholder en adresse eller et bosted.",
    nn: "Teksten inneheld ei adresse eller ein bustad.",
    en: "The text contains an address or place of residence.",
    hint: FINDING_HINT,
}

rule! {
    /// An IP address.
    pub static IP_ADDRESS: "privacy.ip_address", Error, SRC_BRIEF;
    nb: "Teksten inneholder en IP-adresse.",
    nn: "Teksten inneheld ei IP-adresse.",
    en: "The text contains an IP address.",
    hint: FINDING_HINT,
}

rule! {
    /// A social media handle or profile address.
    pub static SOCIAL_HANDLE: "privacy.social_handle", Error, SRC_BRIEF;
    nb: "Teksten inneholder et brukernavn eller en profiladresse i sosiale medier.",
    nn: "Teksten inneheld eit brukarnamn eller ei profiladresse i sosiale medium.",
    en: "The text contains a social media handle or profile address.",
    hint: FINDING_HINT,
}

rule! {
    /// A vehicle registration (number plate).
    pub static VEHICLE_REGISTRATION: "privacy.vehicle_registration", Error, SRC_BRIEF;
    nb: "Teksten inneholder registreringsnummeret til et kjøretøy (bilskilt).",
    nn: "Teksten inneheld registreringsnummeret til eit køyretøy (bilskilt).",
    en: "The text contains a vehicle registration (number plate).",
    hint: FINDING_HINT,
}

rule! {
    /// A person's name.
    pub static NAME: "privacy.name", Error, SRC_HB;
    nb: "Teksten inneholder et personnavn.",
    nn: "Teksten inneheld eit personnamn.",
    en: "The text contains a person's name.",
    hint: FINDING_HINT,
}

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
            FindingKind::SocialHandle => &SOCIAL_HANDLE,
            FindingKind::VehicleRegistration => &VEHICLE_REGISTRATION,
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
            FindingKind::SocialHandle => "[BRUKERNAVN]",
            FindingKind::VehicleRegistration => "[REGISTRERINGSNUMMER]",
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
            FindingKind::SocialHandle => (
                "Brukernavn i sosiale medier",
                "Brukarnamn i sosiale medium",
                "Social media handle",
            ),
            FindingKind::VehicleRegistration => (
                "Registreringsnummer (kjøretøy)",
                "Registreringsnummer (køyretøy)",
                "Vehicle registration number",
            ),
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
        for (k, code) in FindingKind::ALL.iter().zip(&codes) {
            assert_eq!(*code, format!("privacy.{}", k.as_str()), "{k:?}");
            assert!(
                crate::catalogue::rules().any(|r| std::ptr::eq(r, k.rule())),
                "{k:?}: its rule is not in the catalogue"
            );
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), FindingKind::ALL.len());
    }

    /// The guard takes the kinds' labels from the package (`findingKinds`), never from a
    /// copy of its own: no label appears in its code as a string literal.
    #[test]
    fn the_guard_holds_no_copy_of_the_labels() {
        // The guard's entry and its modules (www/guard/).
        let js = [
            include_str!("../../www/skjemavakt-guard.js"),
            include_str!("../../www/guard/core.js"),
            include_str!("../../www/guard/guard.js"),
            include_str!("../../www/guard/texts.js"),
            include_str!("../../www/guard/util.js"),
            include_str!("../../www/guard/view.js"),
        ]
        .concat();
        assert!(js.contains("findingKinds"), "the guard asks the package");
        let code: Vec<&str> = js
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                !(t.starts_with("//") || t.starts_with("/*") || t.starts_with('*'))
            })
            .collect();
        for k in FindingKind::ALL {
            let l = k.label();
            for text in [l.nb, l.nn, l.en] {
                for q in ['\'', '"', '`'] {
                    let literal = format!("{q}{text}{q}");
                    assert!(
                        !code.iter().any(|line| line.contains(&literal)),
                        "{literal} is written in the guard; take it from findingKinds"
                    );
                }
            }
        }
    }
}
