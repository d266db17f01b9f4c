//! Counted nouns for people: "1 control", "2 controls", "0 risks".
//!
//! ```
//! use thingrisk::plural::plural;
//! assert_eq!(plural(1, "risk", "risks"), "1 risk");
//! assert_eq!(plural(3, "risk", "risks"), "3 risks");
//! ```

/// `n` and the noun that fits it: `one` for exactly 1, `many` otherwise
/// (English says "0 risks").
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", noun(n, one, many))
}

/// Only the noun that fits `n` ("risk" or "risks"), for sentences that put
/// the number elsewhere ("1 of 2 questions answered").
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::{noun, plural};

    #[test]
    fn one_is_singular() {
        assert_eq!(plural(1, "control", "controls"), "1 control");
        assert_eq!(noun(1, "device", "devices"), "device");
    }

    #[test]
    fn zero_and_more_are_plural() {
        assert_eq!(plural(0, "control", "controls"), "0 controls");
        assert_eq!(plural(2, "control", "controls"), "2 controls");
        assert_eq!(plural(21, "risk", "risks"), "21 risks");
        assert_eq!(noun(0, "device", "devices"), "devices");
    }

    #[test]
    fn irregular_nouns_are_given_whole() {
        assert_eq!(plural(1, "category", "categories"), "1 category");
        assert_eq!(plural(5, "category", "categories"), "5 categories");
    }
}
