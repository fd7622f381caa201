//! A word list with flags, for the scanner's per-word lookups: a map from word to flags
//! behind a filter of first byte × last byte × length, so that most words of a text are
//! never hashed.

use std::ops::BitOr;

/// Words (as written in the lists: lower case) mapped to the OR of their lists' flags.
pub(crate) struct WordFlags<F> {
    map: rustc_hash::FxHashMap<&'static str, F>,
    /// One bit per (first byte, last byte, length) of a listed word, each folded to a few
    /// bits ([`filter_bit`]): a word whose bit is clear is on no list.
    filter: Vec<u64>,
}

/// The filter bit of a word: 5 bits of its first byte, 5 of its last, 4 of its length
/// (16 384 bits). Lower-case ASCII letters keep their own first and last bits.
fn filter_bit(word: &[u8]) -> usize {
    let (Some(&a), Some(&z)) = (word.first(), word.last()) else {
        return 0;
    };
    (usize::from(a & 31) << 9) | (usize::from(z & 31) << 4) | (word.len() & 15)
}

impl<F: Copy + Default + BitOr<Output = F>> WordFlags<F> {
    /// Builds the lists: each word gets its list's flag (ORed when on several lists).
    pub(crate) fn new(lists: &[(&[&'static str], F)]) -> WordFlags<F> {
        let mut map = rustc_hash::FxHashMap::default();
        let mut filter = vec![0u64; 16384 / 64];
        for &(words, flag) in lists {
            for &w in words {
                let e: &mut F = map.entry(w).or_default();
                *e = *e | flag;
                let bit = filter_bit(w.as_bytes());
                if let Some(m) = filter.get_mut(bit / 64) {
                    *m |= 1 << (bit % 64);
                }
            }
        }
        WordFlags { map, filter }
    }

    /// `false` when `word` is certainly on no list (no hashing); `true` when it may be.
    #[inline]
    pub(crate) fn may_have(&self, word: &[u8]) -> bool {
        let bit = filter_bit(word);
        !word.is_empty()
            && self
                .filter
                .get(bit / 64)
                .is_some_and(|m| m & (1 << (bit % 64)) != 0)
    }

    /// The flags of `word` (exactly as given), or `F::default()` when it is on no list.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> F {
        if self.may_have(word.as_bytes()) {
            self.map.get(word).copied().unwrap_or_default()
        } else {
            F::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_ored_and_unknown_words_get_none() {
        let w = WordFlags::new(&[(&["mor", "far"], 1u8), (&["far", "dr"], 2)]);
        assert_eq!((w.get("mor"), w.get("far"), w.get("dr")), (1, 3, 2));
        // Same first byte, last byte and length as a listed word but not listed («mxr»
        // passes the filter and misses in the map); not listed at all; empty.
        assert!(w.may_have(b"mxr") && !w.may_have(b"mos") && !w.may_have(b""));
        assert_eq!(
            (
                w.get("mxr"),
                w.get("mos"),
                w.get("fa"),
                w.get(""),
                w.get("x")
            ),
            (0, 0, 0, 0, 0)
        );
    }
}
