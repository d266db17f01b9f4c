//! The saved envelope: what is written to storage and to export files.
//!
//! Current format (version 2), one JSON object:
//!
//! ```text
//! { "format": "thingrisk", "version": 2, "app_version": "0.1.0",
//!   "saved_at": "2026-05-01T10:00:00Z", "revision": 7, "active": "h1" | null,
//!   "households": [ <crate::assess::Household>, ... ] }
//! ```
//!
//! Any change to this shape or to [`Household`]'s serialized form bumps
//! [`CURRENT_VERSION`] and adds a step in [`super::migrate`]. Earlier
//! versions are described there.

use crate::assess::Household;
use serde::{Deserialize, Serialize};

/// The marker in the `format` field: tells our files from any other JSON.
pub const FORMAT_NAME: &str = "thingrisk";

/// The format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 2;

/// The app version recorded in files this build writes.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything the user has: their households and the bookkeeping around them.
///
/// `format` and `version` are not fields: they are written by
/// [`encode`] and checked by the decoder, so a `State` in memory is always
/// of the current version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Version of the app that last saved this state.
    pub app_version: String,
    /// When it was last saved, as the caller's ISO-8601 string ("" if unknown).
    pub saved_at: String,
    /// Bumped on every save; guards against a tab overwriting newer data
    /// (see [`super::revision`]).
    pub revision: u64,
    /// The household shown on start, if any.
    pub active: Option<String>,
    pub households: Vec<Household>,
}

impl Default for State {
    fn default() -> State {
        State::new(Vec::new())
    }
}

impl State {
    /// A never-saved state holding `households` (revision 0, no active one).
    pub fn new(households: Vec<Household>) -> State {
        State {
            app_version: APP_VERSION.to_string(),
            saved_at: String::new(),
            revision: 0,
            active: None,
            households,
        }
    }

    pub fn household(&self, id: &str) -> Option<&Household> {
        self.households.iter().find(|h| h.id == id)
    }

    /// The active household, if it is set and exists.
    pub fn active_household(&self) -> Option<&Household> {
        self.active.as_deref().and_then(|id| self.household(id))
    }
}

/// The wire form: the state with the format marker and version in front.
#[derive(Serialize)]
struct Wire<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    state: &'a State,
}

fn wire(state: &State) -> Wire<'_> {
    Wire {
        format: FORMAT_NAME,
        version: CURRENT_VERSION,
        state,
    }
}

/// The compact text kept in storage. Never fails: a `State` holds only
/// strings, integers, booleans and maps with string keys.
pub fn encode(state: &State) -> String {
    serde_json::to_string(&wire(state)).expect("a State always serializes")
}

/// The indented text for export files (a person may open it).
pub fn encode_pretty(state: &State) -> String {
    serde_json::to_string_pretty(&wire(state)).expect("a State always serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_puts_the_marker_and_version_first() {
        let mut s = State::new(vec![Household::new("h1", "Home")]);
        s.revision = 3;
        s.saved_at = "2026-05-01T10:00:00Z".into();
        let text = encode(&s);
        assert!(
            text.starts_with(r#"{"format":"thingrisk","version":2,"app_version":""#),
            "{text}"
        );
        assert!(text.contains(r#""revision":3,"active":null,"households":[{"id":"h1""#));
    }

    #[test]
    fn active_household_needs_an_existing_id() {
        let mut s = State::new(vec![Household::new("h1", "Home")]);
        assert!(s.active_household().is_none());
        s.active = Some("h1".into());
        assert_eq!(s.active_household().unwrap().name, "Home");
        s.active = Some("gone".into());
        assert!(s.active_household().is_none());
    }
}
