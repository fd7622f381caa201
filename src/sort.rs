//! One small stable sort for the library's own call sites.
//!
//! Why not `slice::sort_by`: the standard library's driftsort is monomorphised for every
//! element type and comparison, about 4–5 KB of wasm each, and the package had seven of
//! them. Here the merge sort runs on indices with a `dyn` comparison, so its code exists
//! once; each call site only adds a small closure and the final move into order. The lists
//! sorted (diagnostics, findings, object members) are short, and the sort is O(n log n)
//! all the same.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping the order of equal elements (like `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_indices(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => cmp(x, y),
                _ => Ordering::Equal,
            },
        )
    };
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by the key `f` gives, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// `0..n` in stable order by `cmp` (bottom-up merge sort).
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut src: Vec<usize> = (0..n).collect();
    let mut dst: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        dst.clear();
        for run in src.chunks(2 * width) {
            let (a, b) = run.split_at(width.min(run.len()));
            let (mut a, mut b) = (a.iter().copied().peekable(), b.iter().copied().peekable());
            loop {
                let next = match (a.peek(), b.peek()) {
                    // Take from the right run only when strictly smaller: stability.
                    (Some(&x), Some(&y)) if cmp(y, x) == Ordering::Less => b.next(),
                    (Some(_), _) => a.next(),
                    (None, _) => b.next(),
                };
                match next {
                    Some(i) => dst.push(i),
                    None => break,
                }
            }
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    src
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_is_stable() {
        // Pseudo-random pairs (key, original position) with many equal keys.
        let mut x: u32 = 12345;
        for n in [0usize, 1, 2, 3, 7, 8, 9, 31, 64, 100, 257, 1000] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 13, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
            let mut by_key = v;
            sort_by_key(&mut by_key, |p| p.0);
            assert_eq!(by_key, std, "n = {n}");
        }
    }

    #[test]
    fn sorts_owned_values() {
        let mut v: Vec<String> = ["b", "c", "a", "b"].map(String::from).to_vec();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, ["a", "b", "b", "c"]);
    }
}
