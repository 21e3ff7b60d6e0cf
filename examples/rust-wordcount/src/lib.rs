//! Word frequency counting.
use std::collections::BTreeMap;

/// Counts words (case-insensitive, split on non-alphanumerics).
pub fn count(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_case_insensitively() {
        let c = super::count("A a b");
        assert_eq!(c["a"], 2);
        assert_eq!(c["b"], 1);
    }
}
