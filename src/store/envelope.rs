//! The saved envelope: what is written to storage and to export files.
//!
//! Current format (version 4), one JSON object:
//!
//! ```text
//! { "format": "thingrisk", "version": 4, "app_version": "0.1.0",
//!   "saved_at": "2026-05-01T10:00:00Z", "revision": 7, "active": "h1" | null,
//!   "households": [ <crate::assess::Household>, ... ],
//!   "training": null | <super::card_session::CardSession> }
//! ```
//!
//! Any change to this shape or to [`Household`]'s serialized form bumps
//! [`CURRENT_VERSION`] and adds a step in [`super::migrate`]. Earlier
//! versions are described there.

use super::card_session::CardSession;
use crate::assess::Household;
use serde::{Deserialize, Serialize};

/// The marker in the `format` field: tells our files from any other JSON.
pub const FORMAT_NAME: &str = "thingrisk";

/// The format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 4;

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
    /// A participant's card session in progress or just finished (None:
    /// none). Written by [`encode`] and read by the decoder by hand, not by
    /// serde (see [`super::card_session`]).
    #[serde(skip)]
    pub training: Option<CardSession>,
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
            training: None,
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
    let mut text = serde_json::to_string(&wire(state)).expect("a State always serializes");
    // The card session goes last, by hand (see `State::training`).
    text.pop();
    text.push_str(r#","training":"#);
    match &state.training {
        Some(t) => text.push_str(&t.to_json()),
        None => text.push_str("null"),
    }
    text.push('}');
    text
}

/// The indented text for export files (a person may open it): exactly
/// `serde_json::to_string_pretty`'s text, made by indenting [`encode`]'s, so
/// the web app carries one serializer for a `State`, not two.
pub fn encode_pretty(state: &State) -> String {
    indent(&encode(state))
}

/// Compact JSON (no white space outside strings, as serde_json writes it)
/// laid out as serde_json's pretty printer does: two spaces per level, one
/// item per line, `": "` after keys, `[]` and `{}` when empty.
fn indent(compact: &str) -> String {
    fn new_line(out: &mut String, depth: usize) {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    }
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let (mut in_string, mut escaped) = (false, false);
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                match chars.peek() {
                    Some(&close @ ('}' | ']')) => {
                        out.push(close);
                        chars.next();
                    }
                    _ => {
                        depth += 1;
                        new_line(&mut out, depth);
                    }
                }
            }
            '}' | ']' => {
                depth -= 1;
                new_line(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                new_line(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indent_gives_serde_jsons_pretty_text() {
        let tricky = serde_json::json!({
            "a": [], "b": {}, "c": [[], {}, [1, [2, {"d": null}]]],
            "text": "quote \" backslash \\ braces {[]} : , and \\\" done",
            "unicode": "é ✓ \u{1}", "n": -1.5e-7, "t": true,
            "nested": {"x": {"y": {"z": [false, "]"]}}}
        });
        let compact = serde_json::to_string(&tricky).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&tricky).unwrap()
        );
        // serde's pretty form, with the card session (written by hand) last.
        let pretty = |state: &State| {
            let text = serde_json::to_string_pretty(&wire(state)).unwrap();
            let training = match &state.training {
                None => "null".to_string(),
                Some(t) => {
                    // The same fields, in the same order, through serde.
                    #[derive(Serialize)]
                    struct Saved<'a> {
                        code: u64,
                        themes: &'a [String],
                        answers: &'a [Option<String>],
                        participant: &'a str,
                    }
                    let saved = Saved {
                        code: t.code,
                        themes: &t.themes,
                        answers: &t.answers,
                        participant: &t.participant,
                    };
                    let compact = serde_json::to_string(&saved).unwrap();
                    assert_eq!(t.to_json(), compact, "the hand-written text is serde's");
                    serde_json::to_string_pretty(&saved)
                        .unwrap()
                        .replace('\n', "\n  ")
                }
            };
            format!(
                "{},\n  \"training\": {training}\n}}",
                text.strip_suffix("\n}").unwrap()
            )
        };
        for h in crate::training::samples::samples() {
            let mut state = State::new(vec![h]);
            assert_eq!(encode_pretty(&state), pretty(&state));
            state.training = Some(CardSession {
                code: 3,
                themes: vec!["safety".into()],
                answers: vec![None, Some("ctl.x".into())],
                participant: "Jo".into(),
            });
            assert_eq!(encode_pretty(&state), pretty(&state));
        }
        let empty = State::new(vec![]);
        assert_eq!(encode_pretty(&empty), pretty(&empty));
    }

    #[test]
    fn encode_puts_the_marker_and_version_first() {
        let mut s = State::new(vec![Household::new("h1", "Home")]);
        s.revision = 3;
        s.saved_at = "2026-05-01T10:00:00Z".into();
        let text = encode(&s);
        assert!(
            text.starts_with(r#"{"format":"thingrisk","version":4,"app_version":""#),
            "{text}"
        );
        assert!(text.contains(r#""revision":3,"active":null,"households":[{"id":"h1""#));
        assert!(text.ends_with(r#"}],"training":null}"#), "{text}");
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
