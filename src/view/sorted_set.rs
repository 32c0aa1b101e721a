//! A small ordered set kept as a sorted `Vec`, for the view state's chosen
//! kinds and articles: a handful of items, looked up by binary search and
//! iterated in order. The standard `BTreeSet` would compile its node code
//! (insert, remove, rebalancing, drop) into the wasm once per item type.

use std::borrow::Borrow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(item))
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Adds `item`; false when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Takes `item` out; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).map(|at| self.0.remove(at)).is_ok()
    }

    /// Takes `item` out when it is there, else adds it.
    pub fn toggle(&mut self, item: T) {
        if !self.remove(&item) {
            self.insert(item);
        }
    }
}

impl<T> SortedSet<T> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

/// Items inserted one by one: sorting them would compile another copy of
/// the standard sort into the wasm (`view::sorting`).
impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SortedSet::default();
        set.extend(items);
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    #[test]
    fn it_holds_each_item_once_in_order() {
        let mut set: SortedSet<String> = ["b", "a", "c", "a"].map(str::to_string).into();
        assert_eq!(set.iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(set.contains("b") && !set.contains("d"));
        assert!(!set.insert("a".to_string()) && set.remove("a") && !set.remove("a"));
        set.toggle("a".to_string());
        set.toggle("b".to_string());
        assert_eq!(set, ["a", "c"].map(str::to_string).into());
        set.clear();
        assert!(set.is_empty());
    }

    proptest! {
        /// Any run of insertions, removals and toggles leaves what a `BTreeSet` would hold.
        #[test]
        fn it_agrees_with_a_btree_set(steps in prop::collection::vec((0u8..3, 0u8..12), 0..60)) {
            let (mut set, mut model) = (SortedSet::default(), BTreeSet::new());
            for (op, item) in steps {
                match op {
                    0 => prop_assert_eq!(set.insert(item), model.insert(item)),
                    1 => prop_assert_eq!(set.remove(&item), model.remove(&item)),
                    _ => {
                        set.toggle(item);
                        if !model.remove(&item) {
                            model.insert(item);
                        }
                    }
                }
                prop_assert!(set.iter().eq(model.iter()));
                prop_assert_eq!(set.contains(&item), model.contains(&item));
            }
        }
    }
}
