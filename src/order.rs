//! Stable sorting through one compiled copy of the standard library's sort.
//!
//! Every `sort_by` with its own closure or element type makes the compiler
//! emit a whole copy of the sort (about 4 KB of wasm each). These helpers
//! sort positions (`usize`) with the comparison behind a `&dyn`, so all
//! callers share one copy. The order is exactly that of `slice::sort_by`:
//! stable (equal elements keep their relative order).

use std::cmp::Ordering;

/// `0..n` sorted by `cmp` on positions; ties keep ascending position.
#[inline(never)]
pub fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// `0..keys.len()` sorted by key, ties by ascending position: the order
/// [`sorted_positions`] gives with a comparison of the keys, without a call
/// per comparison. For the sorts on every recompute, whose keys pack into
/// one integer.
#[inline(never)]
pub fn positions_by_key(keys: &[u128]) -> Vec<usize> {
    // The position in the pair makes every element distinct, so an
    // unstable sort gives the stable order.
    let mut v: Vec<(u128, usize)> = keys.iter().copied().zip(0..).collect();
    v.sort_unstable();
    v.into_iter().map(|(_, k)| k).collect()
}

/// Sorts `v` by `cmp`, stably: the same result as `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    rearrange(v, &order);
}

/// Sorts `v` stably by a key packed into one integer (see
/// [`positions_by_key`]): the same result as `v.sort_by_key(key)`.
pub fn sort_by_packed_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let keys: Vec<u128> = v.iter().map(key).collect();
    rearrange(v, &positions_by_key(&keys));
}

/// Puts the elements of `v` in `order` (a permutation of its positions).
fn rearrange<T>(v: &mut Vec<T>, order: &[usize]) {
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .iter()
            .map(|&i| slots[i].take().expect("each position appears once")),
    );
}

/// Sorts `v` by `key`, stably: the same result as `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_sort_stably() {
        let v = [3, 1, 3, 2, 1];
        assert_eq!(
            sorted_positions(v.len(), &|a, b| v[a].cmp(&v[b])),
            [1, 4, 3, 0, 2]
        );
        assert_eq!(sorted_positions(0, &|_, _| Ordering::Equal), [0usize; 0]);
    }

    #[test]
    fn keys_sort_like_positions_with_ties_in_order() {
        let keys = [5u128, 1, 5, u128::MAX, 0, 1];
        assert_eq!(positions_by_key(&keys), [4, 1, 5, 0, 2, 3]);
        assert_eq!(
            positions_by_key(&keys),
            sorted_positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]))
        );
        assert_eq!(positions_by_key(&[]), [0usize; 0]);
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
        sort_by_packed_key(&mut v, |x| x.0 as u128);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sort_by_keeps_equal_elements_in_order() {
        // Sorted on the number only: the letters show the original order.
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut w = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut w, |x| std::cmp::Reverse(x.0));
        assert_eq!(w, [(2, 'a'), (2, 'c'), (1, 'b'), (1, 'd'), (0, 'e')]);
    }

    #[test]
    fn sort_by_matches_the_standard_sort() {
        // A fixed pseudo-random sequence with many ties.
        let mut x = 12345u32;
        let mut v: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) % 17, i)
            })
            .collect();
        let mut expected = v.clone();
        expected.sort_by_key(|x| std::cmp::Reverse(x.0));
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, expected);
    }
}
