//! From stored or imported text to a [`State`]: parse, recognise the format
//! and its version, migrate to the current version, check, convert.
//!
//! Every failure is a [`DecodeError`] whose `Display` is a sentence a person
//! can act on; the decoder never panics on any input (fuzzed in
//! `tests/store_fuzz.rs`).

use super::envelope::{CURRENT_VERSION, FORMAT_NAME, State};
use super::json::{self, JsonError};
use super::{migrate, validate};
use serde_json::Value;
use std::fmt;

/// Why a text could not be read as a ThingRisk state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Larger than the limit for its use (import files).
    TooLarge { bytes: usize, limit: usize },
    /// Bytes that are not UTF-8 text; `offset` is the first bad byte (0-based).
    NotText { offset: usize },
    /// Nothing but white space.
    Empty,
    /// Not valid JSON; where the parser gave up (1-based).
    NotJson { line: usize, col: usize },
    /// One group of details names `key` twice (1-based place of the second).
    DuplicateKey {
        key: String,
        line: usize,
        col: usize,
    },
    /// Valid JSON, but not one of our files.
    NotThingRisk,
    /// Our file, but its version is missing, malformed or one we never wrote.
    UnknownVersion { found: String },
    /// Written by a newer app than this one.
    FutureVersion { found: u64, supported: u64 },
    /// Our format, but something inside is missing or wrong. `path` names it
    /// the way the JSON is nested: `households[1].devices[3].category`.
    WrongShape { path: String, problem: String },
}

impl DecodeError {
    pub(crate) fn shape(path: impl Into<String>, problem: impl Into<String>) -> DecodeError {
        DecodeError::WrongShape {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    /// What is wrong with "the file", in plain words; [`DecodeError::advice`]
    /// says what to do.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.describe(f, "file")
    }
}

impl DecodeError {
    /// The message about `subject` ("file", or "saved data" for what the
    /// browser kept): one text for both, no searching and replacing.
    fn describe(&self, f: &mut fmt::Formatter<'_>, subject: &str) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes, limit } => write!(
                f,
                "The {subject} is too large: {} KB, and ThingRisk reads files of up to {} KB.",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            DecodeError::NotText { offset } => write!(
                f,
                "The {subject} is not text (byte {} is not part of any letter), so it is not \
                 something ThingRisk saved.",
                offset + 1
            ),
            DecodeError::Empty => write!(f, "The {subject} is empty."),
            DecodeError::NotJson { line, col } => write!(
                f,
                "The {subject} is not something ThingRisk saved: its text stops making sense at \
                 line {line}, character {col}."
            ),
            DecodeError::DuplicateKey { key, line, col } => write!(
                f,
                "The {subject} gives {} twice in one place (line {line}, character {col}), so \
                 ThingRisk cannot tell which one is meant.",
                quoted(key)
            ),
            DecodeError::NotThingRisk => {
                write!(f, "The {subject} holds data, but not data ThingRisk saved.")
            }
            DecodeError::UnknownVersion { .. } => write!(
                f,
                "The {subject} looks like ThingRisk's, but does not say which kind it is \
                 (its version is missing or unknown)."
            ),
            DecodeError::FutureVersion { .. } => write!(
                f,
                "The {subject} was saved by a newer version of ThingRisk than this one."
            ),
            DecodeError::WrongShape { path, problem } => {
                write!(f, "Part of the {subject} is missing or wrong: ")?;
                let (place, field) = describe_path(path);
                match (place.is_empty(), field.is_empty()) {
                    (true, true) => write!(f, "its contents {problem}."),
                    (true, false) => write!(f, "{field} {problem}."),
                    (false, true) => write!(f, "{place} {problem}."),
                    (false, false) => write!(f, "in {place}, {field} {problem}."),
                }
            }
        }
    }
}

impl DecodeError {
    /// The message about the data kept in the browser rather than a file.
    pub fn about_saved_data(&self) -> impl fmt::Display + '_ {
        struct Saved<'a>(&'a DecodeError);
        impl fmt::Display for Saved<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.describe(f, "saved data")
            }
        }
        Saved(self)
    }

    /// What to do about a file that could not be imported, in plain words.
    pub fn advice(&self) -> &'static str {
        match self {
            DecodeError::FutureVersion { .. } => {
                "Reload this page to get the newest ThingRisk, then import the file again."
            }
            DecodeError::UnknownVersion { .. }
            | DecodeError::WrongShape { .. }
            | DecodeError::DuplicateKey { .. } => {
                "It may have been changed by hand or damaged: import another copy, or \
                 export it again from the browser it came from."
            }
            _ => {
                "Choose a file saved with “Export” on this page, in this or another \
                 browser (its name starts with “thingrisk”)."
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Where a nested JSON path points, in words: (the place, the field).
/// `households[1].devices[3].lifecycle.support_end` -> ("home 2, device
/// 4", "the date its updates end"): positions counted from 1, the fields
/// named as the app names them, never by their key in the file.
pub fn describe_path(path: &str) -> (String, String) {
    let mut place = Vec::new();
    let mut keys = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let counted = [("households[", "home"), ("devices[", "device")]
            .iter()
            .find_map(|(prefix, word)| {
                let n: usize = seg.strip_prefix(prefix)?.strip_suffix(']')?.parse().ok()?;
                Some(format!("{word} {}", n.saturating_add(1)))
            });
        match counted {
            Some(p) if keys.is_empty() => place.push(p),
            _ => keys.push(seg),
        }
    }
    let field = match keys.as_slice() {
        // Question ids hold dots: the rest of the path is the id.
        ["answers", question @ ..] if !question.is_empty() => {
            format!("the answer to question {}", quoted(&question.join(".")))
        }
        _ => field_name(&keys).to_string(),
    };
    (place.join(", "), field)
}

/// A field of a data file as a person knows it ("" for none).
fn field_name(keys: &[&str]) -> &'static str {
    // A list item ("planned[2]") or an answer to one question: one of many.
    let item = |k: &str| k.contains('[');
    match keys {
        [] => "",
        ["app_version"] => "the version of ThingRisk that saved it",
        ["saved_at"] => "the date it was saved",
        ["revision"] => "its save count",
        ["active"] => "which home was open",
        ["households"] => "the list of homes",
        ["id"] => "the identifier",
        ["name"] => "the name",
        ["room"] => "the room",
        ["category"] => "the device type",
        ["sample"] => "the mark of a sample home",
        ["devices"] => "the list of devices",
        ["answers"] => "the answers",
        [k] if k.starts_with("planned") => {
            if item(k) {
                "a planned step"
            } else {
                "the planned steps"
            }
        }
        [k] if k.starts_with("capabilities_added") => "the features added to the device",
        [k] if k.starts_with("capabilities_removed") => "the features removed from the device",
        ["second_hand"] | ["lifecycle", "acquired"] => "whether it was bought new or second-hand",
        ["support_end"] | ["lifecycle", "support_end"] => "the date its updates end",
        ["lifecycle", "purchased"] => "the date it was bought",
        ["lifecycle", "updates_checked"] => "the date its updates were last checked",
        ["lifecycle"] => "its age and updates",
        ["training"] => "the card session",
        ["training", "code"] => "the card session's code",
        ["training", k] if k.starts_with("themes") => "the card session's themes",
        ["training", k] if k.starts_with("answers") => "the card session's answers",
        ["training", "participant"] => "the name for the card session's result",
        _ => "a detail",
    }
}

/// The problem of something in a file that is not what ThingRisk wrote there.
pub(crate) const NOT_AS_EXPECTED: &str = "are not in the form ThingRisk expects";

/// Reads the text this app saved in the browser (any supported version) as
/// the current [`State`]. A dangling `active` id is dropped (the UI then
/// picks one). Files from outside go through [`crate::store::read_file`]
/// instead, whose stricter parser ([`parse`]) also refuses a key given twice:
/// text this app wrote cannot hold one, and serde_json's own parser keeps
/// the strict one out of the first load.
pub fn decode(text: &str) -> Result<State, DecodeError> {
    let value = serde_json::from_str(body(text)?).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        col: e.column(),
    })?;
    decode_value(value)
}

/// The text without a byte-order mark (written by some editors), unless
/// there is nothing in it.
fn body(text: &str) -> Result<&str, DecodeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok(text)
    }
}

/// Text to JSON, as every reader of files does: a byte-order mark is
/// skipped; a key given twice is refused.
pub fn parse(text: &str) -> Result<Value, DecodeError> {
    json::parse(body(text)?).map_err(|e| match e {
        JsonError::Syntax { line, col } => DecodeError::NotJson { line, col },
        JsonError::DuplicateKey { key, line, col } => DecodeError::DuplicateKey { key, line, col },
    })
}

/// The first steps of reading any file: at most `limit` bytes, UTF-8 text,
/// then [`parse`].
pub fn file_json(bytes: &[u8], limit: usize) -> Result<Value, DecodeError> {
    if bytes.len() > limit {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::NotText {
        offset: e.valid_up_to(),
    })?;
    parse(text)
}

/// As [`decode`], from parsed JSON.
pub fn decode_value(value: Value) -> Result<State, DecodeError> {
    let version = detect_version(&value)?;
    decode_current(migrate::to_current(value, version)?)
}

/// A current-version envelope (as JSON) to a checked [`State`].
pub(crate) fn decode_current(mut value: Value) -> Result<State, DecodeError> {
    validate::check_shape(&value)?;
    let mut training = None;
    if let Value::Object(map) = &mut value {
        map.remove("format");
        map.remove("version");
        training = map.remove("training");
    }
    let mut state: State =
        serde_json::from_value(value).map_err(|_| DecodeError::shape("", NOT_AS_EXPECTED))?;
    state.training = training
        .as_ref()
        .and_then(super::card_session::CardSession::from_json);
    validate::check(&state)?;
    if state.active.is_some() && state.active_household().is_none() {
        state.active = None;
    }
    Ok(state)
}

/// Which format version a parsed file claims to be. Version 1 files had no
/// `format` marker; every later one has `"format": "thingrisk"`.
pub fn detect_version(value: &Value) -> Result<u64, DecodeError> {
    let Value::Object(map) = value else {
        return Err(DecodeError::NotThingRisk);
    };
    let version = map.get("version");
    match map.get("format") {
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(_) => return Err(DecodeError::NotThingRisk),
        // No marker: only a version-1 file (which always had households).
        None if map.contains_key("households") => {
            return match version {
                Some(v) if v.as_u64() == Some(1) => Ok(1),
                other => Err(DecodeError::UnknownVersion {
                    found: shown(other),
                }),
            };
        }
        None => return Err(DecodeError::NotThingRisk),
    }
    match version.and_then(Value::as_u64) {
        Some(v) if v > CURRENT_VERSION => Err(DecodeError::FutureVersion {
            found: v,
            supported: CURRENT_VERSION,
        }),
        // Version 1 never carried the marker, so a marked 1 is not ours either.
        Some(v) if v >= 2 => Ok(v),
        _ => Err(DecodeError::UnknownVersion {
            found: shown(version),
        }),
    }
}

/// A version value as shown in a message (short, whatever it is).
fn shown(v: Option<&Value>) -> String {
    v.map_or_else(|| "missing".to_string(), short_json)
}

/// "a number", "text", ...: what a JSON value is, for messages.
pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of details",
    }
}

/// Where a key sits, as messages name it: "households[0].name" (just the key
/// at the top level).
pub(crate) fn json_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Text from a file as shown in a message: in quotes, cut to 40
/// characters, control characters escaped so a message stays on one line.
pub(crate) fn quoted(text: &str) -> String {
    let escaped = one_line(&Value::String(text.to_string()).to_string());
    let inner = &escaped[1..escaped.len() - 1];
    if inner.chars().count() > 40 {
        format!("“{}…”", inner.chars().take(40).collect::<String>())
    } else {
        format!("“{inner}”")
    }
}

/// `text` with the control characters JSON leaves as they are (DEL and the
/// C1 range) escaped too, so nothing in a message moves the cursor.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A JSON value as shown in a message: cut to 40 characters.
pub(crate) fn short_json(v: &Value) -> String {
    let s = one_line(&v.to_string());
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn message_helpers_name_kinds_and_paths() {
        assert_eq!(json_kind(&json!(null)), "empty");
        assert_eq!(json_kind(&json!(3)), "a number");
        assert_eq!(json_kind(&json!("x")), "text");
        assert_eq!(json_kind(&json!([1])), "a list");
        assert_eq!(json_kind(&json!({})), "a group of details");
        assert_eq!(json_kind(&json!(false)), "true or false");
        assert_eq!(json_path("", "name"), "name");
        assert_eq!(json_path("households[0]", "name"), "households[0].name");
    }

    #[test]
    fn paths_read_as_positions_from_one() {
        let words = |p| {
            let (place, field) = describe_path(p);
            format!("{place}|{field}")
        };
        assert_eq!(words("households[1].devices[3]"), "home 2, device 4|");
        assert_eq!(
            words("households[0].devices[2].lifecycle.support_end"),
            "home 1, device 3|the date its updates end"
        );
        assert_eq!(words("households"), "|the list of homes");
        assert_eq!(
            words("app_version"),
            "|the version of ThingRisk that saved it"
        );
        assert_eq!(
            words("households[0].answers.q.wifi-password"),
            "home 1|the answer to question “q.wifi-password”"
        );
        assert_eq!(words("households[0].planned[2]"), "home 1|a planned step");
        assert_eq!(
            words("households[0].devices[0].unheard_of"),
            "home 1, device 1|a detail"
        );
        assert_eq!(words(""), "|");
    }

    #[test]
    fn versions_are_recognised() {
        assert_eq!(
            detect_version(&json!({"version": 1, "households": []})),
            Ok(1)
        );
        assert_eq!(
            detect_version(&json!({"format": "thingrisk", "version": 2})),
            Ok(2)
        );
        assert_eq!(
            detect_version(&json!({"format": "thingrisk", "version": 4})),
            Ok(4)
        );
        assert_eq!(
            detect_version(&json!({"format": "thingrisk", "version": 5})),
            Err(DecodeError::FutureVersion {
                found: 5,
                supported: 4
            })
        );
        assert_eq!(
            detect_version(&json!({"format": "thingrisk", "version": "2"})),
            Err(DecodeError::UnknownVersion {
                found: "\"2\"".into()
            })
        );
        assert_eq!(
            detect_version(&json!({"format": "thingrisk", "version": 1})),
            Err(DecodeError::UnknownVersion { found: "1".into() })
        );
        assert_eq!(
            detect_version(&json!({"version": 7, "households": []})),
            Err(DecodeError::UnknownVersion { found: "7".into() })
        );
        assert_eq!(
            detect_version(&json!({"format": "other", "version": 2})),
            Err(DecodeError::NotThingRisk)
        );
        assert_eq!(
            detect_version(&json!([1, 2])),
            Err(DecodeError::NotThingRisk)
        );
        assert_eq!(
            detect_version(&json!({"name": "x"})),
            Err(DecodeError::NotThingRisk)
        );
    }

    #[test]
    fn not_json_names_the_place() {
        let e = decode("{\n  \"format\": @\n}").unwrap_err();
        assert_eq!(e, DecodeError::NotJson { line: 2, col: 13 });
        assert_eq!(
            e.to_string(),
            "The file is not something ThingRisk saved: its text stops making sense at line 2, character 13."
        );
        assert_eq!(decode("  \n"), Err(DecodeError::Empty));
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = "\u{feff}{\"format\":\"thingrisk\",\"version\":2,\"app_version\":\"0.1.0\",\
                    \"saved_at\":\"\",\"revision\":0,\"active\":null,\"households\":[]}";
        assert_eq!(decode(text).unwrap().households.len(), 0);
    }

    #[test]
    fn quoted_text_has_no_control_characters() {
        assert_eq!(quoted("a\nb\u{7f}c\u{85}"), "“a\\nb\\u{7f}c\\u{85}”");
        assert_eq!(short_json(&Value::String("x\u{7f}".into())), "\"x\\u{7f}\"");
    }

    #[test]
    fn messages_are_sentences() {
        let e = DecodeError::shape("households[1].devices[3].category", "is missing");
        assert_eq!(
            e.to_string(),
            "Part of the file is missing or wrong: in home 2, device 4, the device type is missing."
        );
        let e = DecodeError::TooLarge {
            bytes: 6_000_000,
            limit: 5 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "The file is too large: 5860 KB, and ThingRisk reads files of up to 5120 KB."
        );
    }

    /// Every message of a real decode, in the words a person reads: no key
    /// of the file's JSON (app_version, households[0], ...) and no jargon.
    #[test]
    fn messages_name_no_internal_fields() {
        let envelope = |extra: &str| {
            format!(
                "{{\"format\":\"thingrisk\",\"version\":2,\"saved_at\":\"\",\"revision\":0,\
                 \"active\":null,{extra}}}"
            )
        };
        let cases = [
            (
                envelope("\"households\":[]"),
                "Part of the file is missing or wrong: the version of ThingRisk that saved it is missing.",
            ),
            (
                envelope(
                    "\"app_version\":\"1\",\"households\":[{\"id\":\"h\",\"name\":\"A\",\
                     \"devices\":[{\"id\":\"d\",\"name\":\"x\",\"category\":\"dev.tv\",\
                     \"lifecycle\":{\"support_end\":\"soon\"}}]}]",
                ),
                "Part of the file is missing or wrong: in home 1, device 1, the date its updates end \
                 is \"soon\", which is not a date written as year-month-day (like 2027-03-31).",
            ),
            (
                envelope("\"app_version\":\"1\",\"households\":[{\"id\":\"h\",\"name\":7}]"),
                "Part of the file is missing or wrong: in home 1, the name should be text but is a number.",
            ),
            (
                envelope(
                    "\"app_version\":\"1\",\"households\":[{\"id\":\"h\",\"name\":\"A\"},\
                     {\"id\":\"h\",\"name\":\"B\"}]",
                ),
                "Part of the file is missing or wrong: in home 2, the identifier is the same as an \
                 earlier home's (\"h\").",
            ),
            (
                "{\"hello\": 1}".to_string(),
                "The file holds data, but not data ThingRisk saved.",
            ),
        ];
        for (text, message) in cases {
            let e = decode(&text).unwrap_err();
            assert_eq!(e.to_string(), message);
            for jargon in ["app_version", "households", "[0]", "JSON", "null", "field "] {
                assert!(!message.contains(jargon), "{message}");
            }
        }
    }

    #[test]
    fn every_problem_says_what_to_do() {
        let future = DecodeError::FutureVersion {
            found: 9,
            supported: 2,
        };
        assert!(future.advice().starts_with("Reload this page"));
        let damaged = DecodeError::shape("revision", "is missing");
        assert!(damaged.advice().contains("export it again"));
        assert!(DecodeError::NotThingRisk.advice().contains("“Export”"));
        assert_eq!(
            damaged.about_saved_data().to_string(),
            "Part of the saved data is missing or wrong: its save count is missing."
        );
        assert_eq!(
            DecodeError::Empty.about_saved_data().to_string(),
            "The saved data is empty."
        );
    }
}
