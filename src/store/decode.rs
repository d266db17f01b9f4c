//! From stored or imported text to a [`State`]: parse, recognise the format
//! and its version, migrate to the current version, check, convert.
//!
//! Every failure is a [`DecodeError`] whose `Display` is a sentence a person
//! can act on; the decoder never panics on any input (fuzzed in
//! `tests/store_fuzz.rs`).

use super::envelope::{CURRENT_VERSION, FORMAT_NAME, State};
use super::{migrate, validate};
use serde_json::Value;
use std::fmt;

/// Why a text could not be read as a ThingRisk state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Larger than the limit for its use (import files).
    TooLarge { bytes: usize, limit: usize },
    /// Bytes that are not UTF-8 text.
    NotText,
    /// Nothing but white space.
    Empty,
    /// Not valid JSON; where the parser gave up (1-based).
    NotJson { line: usize, col: usize },
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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large ({} KB; the limit is {} KB).",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            DecodeError::NotText => {
                write!(f, "The file is not text: it may not be a ThingRisk file.")
            }
            DecodeError::Empty => write!(f, "The file is empty."),
            DecodeError::NotJson { line, col } => write!(
                f,
                "The file is not valid JSON (it stops making sense at line {line}, column {col})."
            ),
            DecodeError::NotThingRisk => write!(f, "The file is JSON, but not a ThingRisk file."),
            DecodeError::UnknownVersion { found } => write!(
                f,
                "The file is a ThingRisk file with an unknown format version ({found})."
            ),
            DecodeError::FutureVersion { found, supported } => write!(
                f,
                "The file was saved by a newer version of ThingRisk (format version {found}; \
                 this app reads up to {supported}). Reload the page to update the app."
            ),
            DecodeError::WrongShape { path, problem } => {
                write!(
                    f,
                    "The file has a problem: {} {problem}.",
                    describe_path(path)
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// `households[1].devices[3].lifecycle.support_end` -> "household 2, device
/// 4, field lifecycle.support_end": positions counted from 1 for people.
pub fn describe_path(path: &str) -> String {
    let mut parts = Vec::new();
    let mut field = Vec::new();
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let counted = [("households[", "household"), ("devices[", "device")]
            .iter()
            .find_map(|(prefix, word)| {
                let n: usize = seg.strip_prefix(prefix)?.strip_suffix(']')?.parse().ok()?;
                Some(format!("{word} {}", n.saturating_add(1)))
            });
        match counted {
            Some(p) if field.is_empty() => parts.push(p),
            _ => field.push(seg),
        }
    }
    if !field.is_empty() {
        parts.push(format!("field {}", field.join(".")));
    }
    if parts.is_empty() {
        "the file".to_string()
    } else {
        parts.join(", ")
    }
}

/// Reads a stored or imported text (any supported version) as the current
/// [`State`]. A dangling `active` id is dropped (the UI then picks one).
pub fn decode(text: &str) -> Result<State, DecodeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text); // a BOM from some editors
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| DecodeError::NotJson {
        line: e.line(),
        col: e.column(),
    })?;
    decode_value(value)
}

/// As [`decode`], from parsed JSON.
pub fn decode_value(value: Value) -> Result<State, DecodeError> {
    let version = detect_version(&value)?;
    let mut value = migrate::to_current(value, version)?;
    validate::check_shape(&value)?;
    if let Value::Object(map) = &mut value {
        map.remove("format");
        map.remove("version");
    }
    let mut state: State =
        serde_json::from_value(value).map_err(|e| DecodeError::shape("", e.to_string()))?;
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
        Value::Null => "empty (null)",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
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

/// A JSON value as shown in a message: cut to 40 characters.
pub(crate) fn short_json(v: &Value) -> String {
    let s = v.to_string();
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
        assert_eq!(json_kind(&json!(null)), "empty (null)");
        assert_eq!(json_kind(&json!(3)), "a number");
        assert_eq!(json_kind(&json!("x")), "text");
        assert_eq!(json_kind(&json!([1])), "a list");
        assert_eq!(json_kind(&json!({})), "an object");
        assert_eq!(json_kind(&json!(false)), "true/false");
        assert_eq!(json_path("", "name"), "name");
        assert_eq!(json_path("households[0]", "name"), "households[0].name");
    }

    #[test]
    fn paths_read_as_positions_from_one() {
        assert_eq!(
            describe_path("households[1].devices[3]"),
            "household 2, device 4"
        );
        assert_eq!(
            describe_path("households[0].devices[2].lifecycle.support_end"),
            "household 1, device 3, field lifecycle.support_end"
        );
        assert_eq!(describe_path("households"), "field households");
        assert_eq!(describe_path(""), "the file");
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
            detect_version(&json!({"format": "thingrisk", "version": 3})),
            Err(DecodeError::FutureVersion {
                found: 3,
                supported: 2
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
            "The file is not valid JSON (it stops making sense at line 2, column 13)."
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
    fn messages_are_sentences() {
        let e = DecodeError::shape("households[1].devices[3]", "has no category");
        assert_eq!(
            e.to_string(),
            "The file has a problem: household 2, device 4 has no category."
        );
        let e = DecodeError::TooLarge {
            bytes: 6_000_000,
            limit: 5 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "The file is too large (5860 KB; the limit is 5120 KB)."
        );
    }
}
