//! Stable sorting with a single copy of the standard library's sort in the wasm.
//!
//! Every `sort_by` on a type and closure of its own is a copy of std's stable sort (quicksort,
//! drift and small-sort code, about 3 KB of wasm each; 19 KB in the deal check's build). Here
//! std's sort runs on positions, with the comparison behind a `&dyn`: one copy for the whole
//! engine. The items are then put in that order by swaps.

use std::cmp::Ordering;

/// Positions `0..n` in the order `cmp` puts them, ties kept as they were (a stable sort).
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..n).collect();
    positions.sort_by(|a, b| cmp(*a, *b));
    positions
}

/// Sorts `items` stably by `cmp`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let positions = order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => Ordering::Equal,
    });
    // Where each item goes, then cycle by cycle into place: each swap puts one item home,
    // so a permutation takes fewer than n; the bound only guards against a list that is not
    // one.
    let len = items.len();
    let mut target = vec![0; len];
    for (to, from) in positions.iter().enumerate() {
        if let Some(t) = target.get_mut(*from) {
            *t = to;
        }
    }
    let mut swaps = 0;
    for i in 0..len {
        while let Some(&t) = target.get(i) {
            if t == i || t >= len || swaps >= len {
                break;
            }
            target.swap(i, t);
            items.swap(i, t);
            swaps += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as std's stable `sort_by`, ties included (pairs sorted by their
        /// first half only: the second half shows where each came from).
        #[test]
        fn sorts_as_std_does(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std_sorted = items;
            std_sorted.sort_by_key(|p| std::cmp::Reverse(p.0));
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn order_keeps_ties_in_place() {
        let keys = [3, 1, 3, 0, 1];
        let got = order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
        assert_eq!(got, vec![3, 1, 4, 0, 2]);
    }
}
