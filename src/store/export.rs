//! Export: the whole state as a JSON file a person can keep, move to another
//! browser and import again. It round-trips exactly:
//! `decode(&export_json(s)) == Ok(s)` for every valid state.

use super::envelope::{State, encode_pretty};

/// The export file's content (indented JSON of the current format).
pub fn export_json(state: &State) -> String {
    encode_pretty(state)
}

/// A file name for a download made at `now` (an ISO-8601 string), e.g.
/// `thingrisk-2026-05-01.json` for `("thingrisk", "2026-05-01T10:00:00Z", "json")`.
pub fn file_name(stem: &str, now: &str, extension: &str) -> String {
    let date: String = now
        .chars()
        .take(10)
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    if date.is_empty() {
        format!("{stem}.{extension}")
    } else {
        format!("{stem}-{date}.{extension}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_date() {
        assert_eq!(
            file_name("thingrisk", "2026-05-01T10:00:00Z", "json"),
            "thingrisk-2026-05-01.json"
        );
        assert_eq!(
            file_name("thingrisk-risks", "", "csv"),
            "thingrisk-risks.csv"
        );
        assert_eq!(file_name("x", "2026/05/01", "csv"), "x-20260501.csv");
    }

    #[test]
    fn export_is_indented() {
        let text = export_json(&State::default());
        assert!(
            text.starts_with("{\n  \"format\": \"thingrisk\",\n  \"version\": 3,"),
            "{text}"
        );
    }
}
