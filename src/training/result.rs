//! The participant result file: small, versioned JSON a participant exports
//! at the end of a session and a trainer imports, with many others, to see a
//! class summary. Nothing in it is about anyone's home.
//!
//! Version 1:
//!
//! ```text
//! { "format": "thingrisk-training", "version": 1,
//!   "participant": "Sam",                 (optional, may be blank)
//!   "themes": ["privacy", "safety"],
//!   "cards": [ { "scenario": "scn.…", "chosen": "ctl.…", "correct": true }, … ],
//!   "score": 4, "total": 5,               (right answers; cards answered)
//!   "finished_at": "2026-05-01T10:00:00Z" }
//! ```
//!
//! Reading checks the shape field by field, so every problem is named the
//! way a person can find it ("card 3, field chosen"), then that the figures
//! agree and every scenario is one this catalog knows. Messages follow the
//! store's [`DecodeError`] style, and reuse it for the file-level failures.

use super::themes::{theme_from_key, theme_key};
use crate::catalog::{Catalog, Theme};
use crate::store::DecodeError;
use crate::store::decode::{json_kind, json_path};
use crate::store::validate::MAX_NAME_CHARS;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::fmt;

/// The marker in the `format` field.
pub const RESULT_FORMAT: &str = "thingrisk-training";
/// The version this build writes, and the newest it reads.
pub const RESULT_VERSION: u64 = 1;
/// The largest result file accepted (a 50-card result is about 5 KB).
pub const RESULT_LIMIT_BYTES: usize = 256 * 1024;
/// The most cards a result may hold.
pub const MAX_CARDS: usize = 500;

/// One answered card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardResult {
    /// The scenario id.
    pub scenario: String,
    /// The control id chosen.
    pub chosen: String,
    /// Whether the choice was the right answer.
    pub correct: bool,
}

/// One participant's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantResult {
    /// The name the participant gave ("" when none).
    pub participant: String,
    pub themes: Vec<Theme>,
    pub cards: Vec<CardResult>,
    /// Cards answered right.
    pub score: usize,
    /// Cards answered.
    pub total: usize,
    /// When the session ended (ISO-8601, "" if unknown).
    pub finished_at: String,
}

#[derive(Serialize)]
struct Wire<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    result: &'a ParticipantResult,
}

/// The file's text (indented: a person may open it).
pub fn encode_result(result: &ParticipantResult) -> String {
    serde_json::to_string_pretty(&Wire {
        format: RESULT_FORMAT,
        version: RESULT_VERSION,
        result,
    })
    .expect("a result always serializes")
}

/// A download name: `thingrisk-training-sam-lee-2026-05-01.json`.
pub fn result_file_name(participant: &str, now: &str) -> String {
    let mut slug = String::new();
    for ch in participant.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 30 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let stem = if slug.is_empty() {
        "thingrisk-training".to_string()
    } else {
        format!("thingrisk-training-{slug}")
    };
    crate::store::file_name(&stem, now, "json")
}

/// Why a file could not be read as a training result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultError {
    /// Too large, not text, empty or not JSON: as for any import.
    File(DecodeError),
    /// One of our data files (homes and answers), not a result.
    DataFile,
    /// JSON, but not a training result.
    NotResult,
    UnknownVersion {
        found: String,
    },
    FutureVersion {
        found: u64,
        supported: u64,
    },
    /// Something inside is missing or wrong; `path` as nested in the JSON
    /// (`cards[2].chosen`).
    WrongShape {
        path: String,
        problem: String,
    },
    /// A card about a scenario this catalog does not have (`card` from 1).
    UnknownScenario {
        card: usize,
        id: String,
    },
    /// The figures disagree with the cards.
    Mismatch(String),
}

impl ResultError {
    fn shape(path: impl Into<String>, problem: impl Into<String>) -> ResultError {
        ResultError::WrongShape {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

/// Where a path points, in words: `cards[2].chosen` -> "in card 3, the
/// answer chosen"; `score` -> "the score" (never the file's own key names).
fn describe(path: &str) -> String {
    let mut card = None;
    let mut rest = path;
    if let Some(after) = path.strip_prefix("cards[")
        && let Some((n, tail)) = after.split_once(']')
        && let Ok(n) = n.parse::<usize>()
    {
        card = Some(n + 1);
        rest = tail.trim_start_matches('.');
    }
    let key = rest.split('[').next().unwrap_or("");
    let field = match key {
        "" => "",
        "participant" => "the participant's name",
        "themes" if rest.contains('[') => "a theme",
        "themes" => "the themes",
        "cards" => "the list of cards",
        "score" => "the score",
        "total" => "the number of cards answered",
        "finished_at" => "the time it was finished",
        "scenario" => "the scenario",
        "chosen" => "the answer chosen",
        "correct" => "whether the answer was right",
        _ => "a detail",
    };
    match (card, field) {
        (Some(n), "") => format!("card {n}"),
        (Some(n), f) => format!("in card {n}, {f}"),
        (None, f) => f.to_string(),
    }
}

/// What to do about a result file that could not be added.
const ASK_AGAIN: &str = "Ask the participant to export their result again (“Export my result” \
     at the end of a training session).";
/// What to do when the app is older than the file.
const RELOAD: &str = "Reload this page to get the newest ThingRisk, then add the file again.";

impl fmt::Display for ResultError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResultError::File(e) => write!(
                f,
                "{e} Choose a file made with “Export my result” at the end of a training \
                 session (its name starts with “thingrisk-training”)."
            ),
            ResultError::DataFile => write!(
                f,
                "The file holds ThingRisk homes and answers, not a training result. \
                 Import it on the “Your data” page instead."
            ),
            ResultError::NotResult => write!(
                f,
                "The file is not a ThingRisk training result. Choose a file made with \
                 “Export my result” at the end of a training session."
            ),
            ResultError::UnknownVersion { .. } => write!(
                f,
                "The file looks like a training result, but does not say which kind (its \
                 version is missing or unknown). {ASK_AGAIN}"
            ),
            ResultError::FutureVersion { .. } => write!(
                f,
                "The file was saved by a newer version of ThingRisk than this one. {RELOAD}"
            ),
            ResultError::WrongShape { path, problem } => {
                let place = describe(path);
                let place = if place.is_empty() {
                    "its contents".to_string()
                } else {
                    place
                };
                write!(
                    f,
                    "Part of the file is missing or wrong: {place} {problem}. {ASK_AGAIN}"
                )
            }
            ResultError::UnknownScenario { card, .. } => write!(
                f,
                "Card {card} is about a risk this version of ThingRisk does not know. {RELOAD}"
            ),
            ResultError::Mismatch(problem) => write!(
                f,
                "The file's figures do not agree: {problem}. It may have been changed by hand. \
                 {ASK_AGAIN}"
            ),
        }
    }
}

impl std::error::Error for ResultError {}

fn field<'v>(obj: &'v Map<String, Value>, path: &str, key: &str) -> Result<&'v Value, ResultError> {
    obj.get(key).ok_or_else(|| {
        if path.is_empty() {
            ResultError::shape(key, "is missing")
        } else {
            ResultError::shape(json_path(path, key), "is missing")
        }
    })
}

fn text<'v>(obj: &'v Map<String, Value>, path: &str, key: &str) -> Result<&'v str, ResultError> {
    match field(obj, path, key)? {
        Value::String(s) => Ok(s),
        v => Err(ResultError::shape(
            json_path(path, key),
            format!("should be text but is {}", json_kind(v)),
        )),
    }
}

/// Optional text: missing or null reads as "".
fn optional_text<'v>(obj: &'v Map<String, Value>, key: &str) -> Result<&'v str, ResultError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(""),
        Some(Value::String(s)) => Ok(s),
        Some(v) => Err(ResultError::shape(
            key,
            format!("should be text but is {}", json_kind(v)),
        )),
    }
}

fn count(obj: &Map<String, Value>, key: &str) -> Result<usize, ResultError> {
    let v = field(obj, "", key)?;
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            ResultError::shape(
                key,
                format!("should be a whole number but is {}", shown(v, json_kind(v))),
            )
        })
}

fn shown(v: &Value, fallback: &str) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        _ => fallback.to_string(),
    }
}

fn list<'v>(obj: &'v Map<String, Value>, key: &str) -> Result<&'v Vec<Value>, ResultError> {
    match field(obj, "", key)? {
        Value::Array(a) => Ok(a),
        v => Err(ResultError::shape(
            key,
            format!("should be a list but is {}", json_kind(v)),
        )),
    }
}

/// Which format and version a parsed file claims.
fn check_format(map: &Map<String, Value>) -> Result<(), ResultError> {
    match map.get("format") {
        Some(Value::String(s)) if s == RESULT_FORMAT => {}
        Some(Value::String(s)) if s == crate::store::envelope::FORMAT_NAME => {
            return Err(ResultError::DataFile);
        }
        // Version-1 data files had no marker, but always households.
        None if map.contains_key("households") => return Err(ResultError::DataFile),
        _ => return Err(ResultError::NotResult),
    }
    let version = map.get("version");
    match version.and_then(Value::as_u64) {
        Some(RESULT_VERSION) => Ok(()),
        Some(v) if v > RESULT_VERSION => Err(ResultError::FutureVersion {
            found: v,
            supported: RESULT_VERSION,
        }),
        _ => Err(ResultError::UnknownVersion {
            found: version.map_or_else(|| "missing".to_string(), |v| cut(&v.to_string())),
        }),
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn card(v: &Value, path: &str) -> Result<CardResult, ResultError> {
    let obj = v.as_object().ok_or_else(|| {
        ResultError::shape(
            path,
            format!("is not in the expected form (it is {})", json_kind(v)),
        )
    })?;
    let scenario = text(obj, path, "scenario")?;
    if scenario.trim().is_empty() {
        return Err(ResultError::shape(json_path(path, "scenario"), "is empty"));
    }
    let chosen = text(obj, path, "chosen")?;
    let correct = match field(obj, path, "correct")? {
        Value::Bool(b) => *b,
        v => {
            return Err(ResultError::shape(
                json_path(path, "correct"),
                format!("should be true or false but is {}", json_kind(v)),
            ));
        }
    };
    Ok(CardResult {
        scenario: scenario.to_string(),
        chosen: chosen.to_string(),
        correct,
    })
}

/// Reads a result file's bytes: size, text, JSON, format and version, the
/// shape of every field, the figures, and the scenarios against `catalog`.
pub fn decode_result(bytes: &[u8], catalog: &Catalog) -> Result<ParticipantResult, ResultError> {
    let value =
        crate::store::decode::file_json(bytes, RESULT_LIMIT_BYTES).map_err(ResultError::File)?;
    let Value::Object(map) = &value else {
        return Err(ResultError::NotResult);
    };
    check_format(map)?;

    let participant = optional_text(map, "participant")?;
    if participant.chars().count() > MAX_NAME_CHARS {
        return Err(ResultError::shape(
            "participant",
            format!("is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    let mut themes = Vec::new();
    for (i, t) in list(map, "themes")?.iter().enumerate() {
        let theme = t.as_str().and_then(theme_from_key).ok_or_else(|| {
            ResultError::shape(
                format!("themes[{i}]"),
                format!("is not one ThingRisk knows ({})", cut(&t.to_string())),
            )
        })?;
        if !themes.contains(&theme) {
            themes.push(theme);
        }
    }
    let raw_cards = list(map, "cards")?;
    if raw_cards.len() > MAX_CARDS {
        return Err(ResultError::shape(
            "cards",
            format!("has more than {MAX_CARDS} cards"),
        ));
    }
    let cards = raw_cards
        .iter()
        .enumerate()
        .map(|(i, v)| card(v, &format!("cards[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let score = count(map, "score")?;
    let total = count(map, "total")?;
    let finished_at = optional_text(map, "finished_at")?;

    if total != cards.len() {
        return Err(ResultError::Mismatch(format!(
            "the number of cards answered ({total}) is not the number of cards ({})",
            cards.len()
        )));
    }
    let right = cards.iter().filter(|c| c.correct).count();
    if score != right {
        return Err(ResultError::Mismatch(format!(
            "the score ({score}) is not the number of right answers ({right})"
        )));
    }
    if let Some((i, c)) = cards
        .iter()
        .enumerate()
        .find(|(_, c)| !catalog.scenarios.iter().any(|s| s.id == c.scenario))
    {
        return Err(ResultError::UnknownScenario {
            card: i + 1,
            id: cut(&c.scenario),
        });
    }
    Ok(ParticipantResult {
        participant: participant.trim().to_string(),
        themes,
        cards,
        score,
        total,
        finished_at: finished_at.to_string(),
    })
}

/// The theme keys of a result, joined for display ("privacy, safety").
pub fn themes_text(result: &ParticipantResult) -> String {
    result
        .themes
        .iter()
        .map(|t| theme_key(*t))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn catalog() -> &'static Catalog {
        crate::catalog::embedded()
    }

    fn sample() -> ParticipantResult {
        ParticipantResult {
            participant: "Sam".into(),
            themes: vec![Theme::Privacy, Theme::Accounts],
            cards: vec![
                CardResult {
                    scenario: "scn.phishing".into(),
                    chosen: "ctl.spot-phishing".into(),
                    correct: true,
                },
                CardResult {
                    scenario: "scn.data-sharing".into(),
                    chosen: "ctl.wifi-strong".into(),
                    correct: false,
                },
            ],
            score: 1,
            total: 2,
            finished_at: "2026-05-01T10:00:00Z".into(),
        }
    }

    fn decode_json(v: Value) -> Result<ParticipantResult, ResultError> {
        decode_result(v.to_string().as_bytes(), catalog())
    }

    fn valid() -> Value {
        serde_json::from_str(&encode_result(&sample())).unwrap()
    }

    fn with(key: &str, value: Value) -> Value {
        let mut v = valid();
        v[key] = value;
        v
    }

    #[test]
    fn the_file_starts_with_its_marker_and_reads_back() {
        let text = encode_result(&sample());
        assert!(
            text.starts_with("{\n  \"format\": \"thingrisk-training\",\n  \"version\": 1,\n  \"participant\": \"Sam\","),
            "{text}"
        );
        assert!(text.contains("\"themes\": [\n    \"privacy\",\n    \"accounts\"\n  ]"));
        assert_eq!(decode_result(text.as_bytes(), catalog()), Ok(sample()));
    }

    #[test]
    fn participant_and_time_are_optional() {
        let mut v = valid();
        let map = v.as_object_mut().unwrap();
        map.remove("participant");
        map.insert("finished_at".into(), Value::Null);
        let r = decode_json(v).unwrap();
        assert_eq!((r.participant.as_str(), r.finished_at.as_str()), ("", ""));
        let r = decode_json(with("participant", json!("   "))).unwrap();
        assert_eq!(r.participant, "");
    }

    #[test]
    fn other_files_are_told_apart() {
        let data = crate::store::encode(&crate::store::State::default());
        assert_eq!(
            decode_result(data.as_bytes(), catalog()),
            Err(ResultError::DataFile)
        );
        assert_eq!(
            decode_json(json!({"version": 1, "households": []})),
            Err(ResultError::DataFile)
        );
        assert_eq!(decode_json(json!({"a": 1})), Err(ResultError::NotResult));
        assert_eq!(decode_json(json!([1])), Err(ResultError::NotResult));
        assert_eq!(
            decode_json(with("version", json!(2))),
            Err(ResultError::FutureVersion {
                found: 2,
                supported: 1
            })
        );
        assert_eq!(
            decode_json(with("version", json!("1"))),
            Err(ResultError::UnknownVersion {
                found: "\"1\"".into()
            })
        );
        assert_eq!(
            decode_result(b"  ", catalog()),
            Err(ResultError::File(DecodeError::Empty))
        );
        assert_eq!(
            decode_result(&[0xff, b'{'], catalog()),
            Err(ResultError::File(DecodeError::NotText { offset: 0 }))
        );
        let big = vec![b' '; RESULT_LIMIT_BYTES + 1];
        assert!(matches!(
            decode_result(&big, catalog()),
            Err(ResultError::File(DecodeError::TooLarge { .. }))
        ));
        assert_eq!(
            decode_result(b"{\"format\":", catalog()),
            Err(ResultError::File(DecodeError::NotJson { line: 1, col: 10 }))
        );
    }

    #[test]
    fn problems_are_named_by_card_and_field() {
        let mut v = valid();
        v["cards"][1].as_object_mut().unwrap().remove("chosen");
        let e = decode_json(v).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Part of the file is missing or wrong: in card 2, the answer chosen is missing. \
             Ask the participant to export their result again (“Export my result” at the end \
             of a training session)."
        );
        let mut v = valid();
        v["cards"][0]["correct"] = json!("yes");
        assert_eq!(
            decode_json(v).unwrap_err().to_string(),
            format!(
                "Part of the file is missing or wrong: in card 1, whether the answer was right \
             should be true or false but is text. {ASK_AGAIN}"
            )
        );
        assert_eq!(
            decode_json(with("score", json!(-1)))
                .unwrap_err()
                .to_string(),
            format!(
                "Part of the file is missing or wrong: the score should be a whole number but is -1. \
             {ASK_AGAIN}"
            )
        );
        assert_eq!(
            decode_json(with("themes", json!(["privacy", "gardening"])))
                .unwrap_err()
                .to_string(),
            format!(
                "Part of the file is missing or wrong: a theme is not one ThingRisk knows (\"gardening\"). \
             {ASK_AGAIN}"
            )
        );
        let mut v = valid();
        v.as_object_mut().unwrap().remove("cards");
        assert_eq!(
            decode_json(v).unwrap_err().to_string(),
            format!(
                "Part of the file is missing or wrong: the list of cards is missing. {ASK_AGAIN}"
            )
        );
        assert_eq!(
            decode_json(with("participant", json!("x".repeat(MAX_NAME_CHARS + 1))))
                .unwrap_err()
                .to_string(),
            format!(
                "Part of the file is missing or wrong: the participant's name is longer than 200 \
             characters. {ASK_AGAIN}"
            )
        );
    }

    #[test]
    fn the_figures_must_agree_and_scenarios_be_known() {
        assert_eq!(
            decode_json(with("score", json!(2)))
                .unwrap_err()
                .to_string(),
            format!(
                "The file's figures do not agree: the score (2) is not the number of right answers \
             (1). It may have been changed by hand. {ASK_AGAIN}"
            )
        );
        assert_eq!(
            decode_json(with("total", json!(5)))
                .unwrap_err()
                .to_string(),
            format!(
                "The file's figures do not agree: the number of cards answered (5) is not the number \
             of cards (2). It may have been changed by hand. {ASK_AGAIN}"
            )
        );
        let mut v = valid();
        v["cards"][1]["scenario"] = json!("scn.not-in-the-catalog");
        assert_eq!(
            decode_json(v).unwrap_err(),
            ResultError::UnknownScenario {
                card: 2,
                id: "scn.not-in-the-catalog".into()
            }
        );
    }

    #[test]
    fn file_names_carry_a_slug_of_the_name_and_the_date() {
        assert_eq!(
            result_file_name("Sam Lee!", "2026-05-01T10:00:00Z"),
            "thingrisk-training-sam-lee-2026-05-01.json"
        );
        assert_eq!(
            result_file_name("  ", "2026-05-01T10:00:00Z"),
            "thingrisk-training-2026-05-01.json"
        );
        assert_eq!(
            result_file_name("Élodie", ""),
            "thingrisk-training-lodie.json"
        );
    }
}
