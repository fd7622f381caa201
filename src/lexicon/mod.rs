//! Word lists and their flags, shared by the privacy scanner and the forms: the name lists
//! (first names, surnames, ordinary words that are also names, stop words) with the name
//! finder's short lists (cue words, titles, organisation words, «St.»), and the detectors'
//! word lists (cue words, street words, units, labels of allowed identifiers).
//!
//! Everything here is data and lookups: this module uses no other module of the crate but
//! [`crate::letter_case`]. The scanner looks every word of a text up once (`detector_words`,
//! `scan_lexicon`: a `WordFlags`, a hash map behind a filter of first byte × last byte ×
//! length); the forms ask whether a member name reads like a person's name
//! ([`is_first_name`], [`is_surname`]).

pub(crate) mod detector_words;
pub mod grounds;
pub(crate) mod lookalike;
pub(crate) mod names;
pub(crate) mod word_flags;

pub use names::{is_common_word, is_first_name, is_surname};
