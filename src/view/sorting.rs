//! Sorting for the whole app through one instantiation of the standard sort.
//!
//! Each `sort_by` over another element type or closure compiles the standard
//! library's sort anew (about 5 KB of wasm each); these helpers sort indices
//! with a comparator behind `&dyn`, so every sort shares one copy, and then
//! move the elements into that order. The sort is stable.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T: Copy>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let sorted: Vec<T> = order.into_iter().map(|i| items[i as usize]).collect();
    items.copy_from_slice(&sorted);
}

/// Sorts `items` stably by the key `key` gives each.
pub fn sort_by_key<T: Copy, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their own order.
pub fn sort<T: Copy + Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The first `count` of `items` in the order `compare` gives, as a stable
/// sort followed by a truncation would leave them, without sorting the
/// rest: choosing the five most mentioned of thousands of entities.
pub fn first_by<T: Copy>(items: impl IntoIterator<Item = T>, count: usize, compare: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    let mut first: Vec<T> = Vec::with_capacity(count + 1);
    for item in items {
        // After every kept item that does not come after it: ties keep their order.
        let at = first.partition_point(|kept| compare(kept, &item) != Ordering::Greater);
        if at < count {
            first.insert(at, item);
            first.truncate(count);
        }
    }
    first
}

/// The positions `0..len` in the order `compare` gives them: the one sort
/// the helpers above share, and what sorts items that cannot be copied
/// (take each from its position in this order).
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a as usize, b as usize));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut sorted = items.clone();
            sort_by_key(&mut sorted, |&(key, _)| key);
            prop_assert_eq!(sorted, expected);

            let mut expected = items.clone();
            expected.sort_by(|a, b| b.cmp(a));
            let mut sorted = items.clone();
            sort_by(&mut sorted, |a, b| b.cmp(a));
            prop_assert_eq!(sorted, expected);

            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| std::cmp::Reverse(key));
            for count in [0, 1, 5, items.len()] {
                let first = first_by(items.iter().copied(), count, |a, b| b.0.cmp(&a.0));
                prop_assert_eq!(&first[..], &expected[..count.min(items.len())]);
            }

            let mut expected = items.clone();
            expected.sort();
            let mut sorted = items;
            sort(&mut sorted);
            prop_assert_eq!(sorted, expected);
        }
    }
}
