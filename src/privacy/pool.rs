//! Buffers kept from one scan to the next on the same thread.
//!
//! A scan of a long text needs a few large buffers (about 16 bytes of tokens per two bytes
//! of text). Allocated anew for every scan, each is fresh memory from the operating system
//! and every page of it faults on first touch: measured on 1 MB of prose, that was a third
//! of the scan's time. The form guard scans on every keystroke and the CLI scans thousands
//! of documents, so the buffers are kept — up to [`KEEP_BYTES`] each, so that one huge text
//! does not keep its memory for the rest of the process.

use std::cell::Cell;

/// The largest buffer kept (bytes of capacity); larger ones are freed.
pub(crate) const KEEP_BYTES: usize = 32 << 20;

/// A kept buffer of one type, per thread.
pub(crate) type Slot<T> = std::thread::LocalKey<Cell<Vec<T>>>;

/// An empty vector, with the capacity of the one kept in `slot` if there is one.
pub(crate) fn take<T>(slot: &'static Slot<T>) -> Vec<T> {
    slot.try_with(Cell::take).unwrap_or_default()
}

/// Keeps `v` (emptied) in `slot` for the next scan, unless it is larger than
/// [`KEEP_BYTES`].
pub(crate) fn give<T>(slot: &'static Slot<T>, mut v: Vec<T>) {
    if v.capacity().saturating_mul(std::mem::size_of::<T>()) <= KEEP_BYTES {
        v.clear();
        // During thread teardown the slot may be gone: the buffer is then just freed.
        let _ = slot.try_with(|c| c.set(v));
    }
}

/// [`give`] for a buffer that held text (the lower-cased text, name keys): its bytes are
/// zeroed first, so that a kept buffer holds nothing of the last text.
pub(crate) fn give_wiped(slot: &'static Slot<u8>, v: Vec<u8>) {
    give(slot, wipe(v));
}

/// `v` with every byte zeroed (same length and allocation).
fn wipe(mut v: Vec<u8>) -> Vec<u8> {
    v.fill(0);
    v
}

/// `v`, emptied, as a vector of another type of the same size and alignment: the
/// allocation is reused (std collects an emptied vector's `into_iter` in place), so a
/// buffer of borrowing tokens can be kept as one of `'static` tokens and back.
pub(crate) fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SLOT: Cell<Vec<u64>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn buffers_come_back_empty_with_their_capacity_and_huge_ones_are_freed() {
        let mut v = take(&SLOT);
        assert_eq!(v.capacity(), 0);
        v.extend(0..1000u64);
        give(&SLOT, v);
        let v = take(&SLOT);
        assert!(v.is_empty() && v.capacity() >= 1000);
        // Taken: the slot is empty until it is given back.
        assert_eq!(take(&SLOT).capacity(), 0);
        give(&SLOT, Vec::with_capacity(KEEP_BYTES / 8 + 1));
        assert_eq!(take(&SLOT).capacity(), 0);
    }

    thread_local! {
        static BYTES: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn text_buffers_are_wiped_before_they_are_kept() {
        let v = b"12345678901 Kari".to_vec();
        let ptr = v.as_ptr() as usize;
        let w = wipe(v);
        assert_eq!(w, [0u8; 16]);
        assert_eq!(w.as_ptr() as usize, ptr);
        give_wiped(&BYTES, w);
        let kept = take(&BYTES);
        assert!(kept.is_empty() && kept.capacity() >= 16);
        assert_eq!(kept.as_ptr() as usize, ptr);
    }

    #[test]
    fn recycling_keeps_the_allocation() {
        // As the name finder does: a buffer of `'static` borrowing items reused for
        // items borrowing a local text, and back.
        let mut v: Vec<(&'static str, usize)> = Vec::with_capacity(500);
        v.push(("x", 1));
        let ptr = v.as_ptr() as usize;
        let text = String::from("local");
        let mut w: Vec<(&str, usize)> = recycle(v);
        assert!(w.is_empty() && w.capacity() >= 500);
        assert_eq!(w.as_ptr() as usize, ptr);
        w.push((text.as_str(), 2));
        let back: Vec<(&'static str, usize)> = recycle(w);
        assert!(back.is_empty() && back.capacity() >= 500);
        assert_eq!(back.as_ptr() as usize, ptr);
    }
}
