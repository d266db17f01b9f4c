//! A participant's card session as the saved format keeps it (the
//! envelope's `training` field, from version 4), so a reload, a locked phone
//! or a mis-tap on a link does not lose the cards answered so far:
//!
//! ```text
//! "training": null | { "code": 4821, "themes": ["privacy", "safety"],
//!                      "answers": ["ctl.guest-network", null, ...],
//!                      "participant": "" }
//! ```
//!
//! Only what rebuilds the session is kept: the session code (the deck's
//! seed), the themes, the control chosen on each card (null: not answered
//! yet; the list is as long as the deck) and the name typed for the result
//! file. The cards themselves come from the catalog
//! ([`crate::training::Session::resume`]). A few hundred bytes at most.
//!
//! It is written and read by hand ([`CardSession::to_json`],
//! [`CardSession::from_json`], called by [`super::envelope::encode`] and
//! the decoder) rather than by serde's derived code: the start-up code then
//! carries no (de)serializer of its own for it. The decoder checks it first
//! ([`super::validate`]), like the rest of a file.

use serde_json::{Map, Value};

/// Most cards a saved session may hold: far above any catalog's deck.
pub const MAX_CARDS: usize = 500;

/// A card session, as saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardSession {
    /// The session code: the seed the deck was drawn with.
    pub code: u64,
    /// Theme keys ("privacy"), as in result files.
    pub themes: Vec<String>,
    /// Per card, in deck order: the control chosen, if answered.
    pub answers: Vec<Option<String>>,
    /// The name or initials typed for the result file ("" if none).
    pub participant: String,
}

impl CardSession {
    /// The saved form, for the envelope's `training` field: compact JSON,
    /// as serde_json writes it.
    pub fn to_json(&self) -> String {
        let text = |s: &str| serde_json::to_string(s).expect("text always serializes");
        let list = |items: Vec<String>| format!("[{}]", items.join(","));
        format!(
            r#"{{"code":{},"themes":{},"answers":{},"participant":{}}}"#,
            self.code,
            list(self.themes.iter().map(|t| text(t)).collect()),
            list(
                self.answers
                    .iter()
                    .map(|a| a.as_deref().map_or("null".into(), text))
                    .collect()
            ),
            text(&self.participant),
        )
    }

    /// Reads the saved form back. Files are checked on the way in
    /// ([`super::validate::check_shape`]), so None means only "no session".
    pub fn from_json(value: &Value) -> Option<CardSession> {
        let v: &Map<String, Value> = value.as_object()?;
        let texts = |key: &str| v.get(key).and_then(Value::as_array);
        Some(CardSession {
            code: v.get("code")?.as_u64()?,
            themes: texts("themes")?
                .iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect(),
            answers: texts("answers")?
                .iter()
                .map(|a| a.as_str().map(str::to_string))
                .collect(),
            participant: v
                .get("participant")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
    }

    /// Every card answered.
    pub fn finished(&self) -> bool {
        self.answers.iter().all(Option::is_some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_saved_form_reads_back_and_stays_small() {
        let s = CardSession {
            code: u64::MAX,
            themes: vec!["privacy".into(), "network".into()],
            answers: vec![Some("ctl.guest-network".into()), None, None],
            participant: "Sam “S” O'Neil".into(),
        };
        let text = s.to_json();
        let v: Value = serde_json::from_str(&text).unwrap();
        // Exactly serde_json's compact text (key order aside).
        assert_eq!(
            v,
            json!({"code": u64::MAX, "themes": ["privacy", "network"],
                   "answers": ["ctl.guest-network", null, null],
                   "participant": "Sam “S” O'Neil"})
        );
        assert!(!text.contains(' ') || text.contains("Sam “S”"));
        assert_eq!(CardSession::from_json(&v), Some(s.clone()));
        assert!(!s.finished());
        assert!(text.len() < 200, "{text}");
        assert_eq!(CardSession::from_json(&Value::Null), None);
        assert_eq!(CardSession::from_json(&json!({"code": 1})), None);
    }
}
