//! Export: the whole state as a JSON file a person can keep, move to another
//! browser and import again. It round-trips exactly:
//! `decode(&export_json(s)) == Ok(s)` for every valid state.

use super::envelope::{State, encode_pretty};
use crate::assess::Household;

/// What an export holds: the person's own homes, and the sample homes only
/// when they chose to include them. Every export (the JSON backup, the
/// risk register and the action plan) and every count of "your" data asks
/// this one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportScope {
    pub include_samples: bool,
}

impl ExportScope {
    /// Only the person's own homes (the default).
    pub const OWN: ExportScope = ExportScope {
        include_samples: false,
    };

    /// Whether `household` belongs in an export of this scope.
    pub fn holds(self, household: &Household) -> bool {
        self.include_samples || !household.sample
    }

    /// The households of `state` this scope exports, in their order.
    pub fn households(self, state: &State) -> impl Iterator<Item = &Household> {
        state.households.iter().filter(move |h| self.holds(h))
    }

    /// The state an export of this scope writes: its households only (the
    /// open home kept when it is one of them), and no card session (that is
    /// this browser's, not the home's).
    pub fn state(self, state: &State) -> State {
        let households: Vec<Household> = self.households(state).cloned().collect();
        let active = state
            .active
            .clone()
            .filter(|id| households.iter().any(|h| &h.id == id));
        State {
            households,
            active,
            training: None,
            ..state.clone()
        }
    }
}

/// The person's own homes (samples left out): what "your data" counts.
pub fn own_households(state: &State) -> impl Iterator<Item = &Household> {
    ExportScope::OWN.households(state)
}

/// The export file's content for `scope`.
pub fn scoped_json(state: &State, scope: ExportScope) -> String {
    export_json(&scope.state(state))
}

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

    fn with_a_sample() -> State {
        let mut sample = Household::new("family", "Sample: the Okafor family");
        sample.sample = true;
        let mut s = State::new(vec![Household::new("home", "Our flat"), sample]);
        s.active = Some("family".into());
        s.training = Some(crate::store::card_session::CardSession::default());
        s
    }

    #[test]
    fn exports_leave_sample_homes_out_unless_chosen() {
        let s = with_a_sample();
        let ids = |scope: ExportScope| -> Vec<String> {
            scope.households(&s).map(|h| h.id.clone()).collect()
        };
        assert_eq!(ids(ExportScope::default()), ["home"]);
        assert_eq!(ids(ExportScope::OWN), ["home"]);
        let all = ExportScope {
            include_samples: true,
        };
        assert_eq!(ids(all), ["home", "family"]);
        assert_eq!(own_households(&s).count(), 1);

        // The open sample is not named as the open home of a file without it.
        let own = ExportScope::OWN.state(&s);
        assert_eq!(
            (own.active.as_deref(), own.training.is_none()),
            (None, true)
        );
        assert_eq!(all.state(&s).active.as_deref(), Some("family"));
        let text = scoped_json(&s, ExportScope::OWN);
        assert!(
            !text.contains("Okafor") && text.contains("Our flat"),
            "{text}"
        );
        let back = crate::store::decode(&text).unwrap();
        assert_eq!(back, own);
        assert!(scoped_json(&s, all).contains("Okafor"));
    }

    #[test]
    fn export_is_indented() {
        let text = export_json(&State::default());
        assert!(
            text.starts_with("{\n  \"format\": \"thingrisk\",\n  \"version\": 4,"),
            "{text}"
        );
    }
}
