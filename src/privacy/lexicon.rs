//! A word list with flags, for the scanner's per-word lookups: a map from word to flags
//! behind a filter of first byte × length, so that most words of a text are never hashed.

use std::ops::BitOr;

/// Words (as written in the lists: lower case) mapped to the OR of their lists' flags.
pub(crate) struct WordFlags<F> {
    map: rustc_hash::FxHashMap<&'static str, F>,
    /// Per first byte, a bit per word length (up to 31 bytes) that occurs in the lists.
    lengths: [u32; 256],
}

impl<F: Copy + Default + BitOr<Output = F>> WordFlags<F> {
    /// Builds the lists: each word gets its list's flag (ORed when on several lists).
    pub(crate) fn new(lists: &[(&[&'static str], F)]) -> WordFlags<F> {
        let mut map = rustc_hash::FxHashMap::default();
        let mut lengths = [0u32; 256];
        for &(words, flag) in lists {
            for &w in words {
                let e: &mut F = map.entry(w).or_default();
                *e = *e | flag;
                let bit = u32::try_from(w.len())
                    .ok()
                    .and_then(|l| 1u32.checked_shl(l))
                    .unwrap_or(0);
                if let Some(m) = w
                    .as_bytes()
                    .first()
                    .and_then(|&b| lengths.get_mut(usize::from(b)))
                {
                    *m |= bit;
                }
            }
        }
        WordFlags { map, lengths }
    }

    /// The flags of `word` (exactly as given), or `F::default()` when it is on no list.
    pub(crate) fn get(&self, word: &str) -> F {
        let (Some(&b), Ok(len)) = (word.as_bytes().first(), u32::try_from(word.len())) else {
            return F::default();
        };
        let pass = 1u32.checked_shl(len).is_some_and(|bit| {
            self.lengths
                .get(usize::from(b))
                .is_some_and(|m| m & bit != 0)
        });
        if pass {
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
        // Same first byte and length as a listed word, but not listed; and not listed at all.
        assert_eq!(
            (w.get("mos"), w.get("fa"), w.get(""), w.get("x")),
            (0, 0, 0, 0)
        );
    }
}
