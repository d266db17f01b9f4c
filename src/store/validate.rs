//! The rules a current-version file must follow, in two passes:
//! [`check_shape`] on the JSON (right types in the right places, so every
//! problem is named by its path before serde sees it) and [`check`] on the
//! typed [`State`] (ids present and unique, lengths). Unknown catalog ids are
//! not errors: see [`super::unknown`].

use super::card_session::MAX_CARDS;
use super::decode::{DecodeError, json_kind, json_path, short_json};
use super::envelope::State;
use crate::assess::{Answer, Date};
use crate::training::themes::theme_from_key;
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Longest household name, device name or room, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest household id, device id or category id, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Most households in one state (each person's own, their family's, samples).
pub const MAX_HOUSEHOLDS: usize = 100;
/// Most devices in one household: far beyond a real home (a large smart home
/// has a hundred or two), and small enough that assessing the largest
/// accepted home stays quick (measured in BENCHMARKS.md, "Input limits").
pub const MAX_DEVICES: usize = 500;

fn wrong(path: &str, key: &str, expected: &str, found: &Value) -> DecodeError {
    DecodeError::shape(
        json_path(path, key),
        format!("should be {expected} but is {}", json_kind(found)),
    )
}

fn object<'v>(v: &'v Value, path: &str) -> Result<&'v Map<String, Value>, DecodeError> {
    v.as_object().ok_or_else(|| {
        DecodeError::shape(
            path,
            format!("is not in the expected form (it is {})", json_kind(v)),
        )
    })
}

/// A required text field.
fn text(obj: &Map<String, Value>, path: &str, key: &str) -> Result<(), DecodeError> {
    match obj.get(key) {
        Some(Value::String(_)) => Ok(()),
        None => Err(DecodeError::shape(json_path(path, key), "is missing")),
        Some(v) => Err(wrong(path, key, "text", v)),
    }
}

/// An optional field that, when present, passes `ok`.
fn optional(
    obj: &Map<String, Value>,
    path: &str,
    key: &str,
    expected: &str,
    ok: impl Fn(&Value) -> bool,
) -> Result<(), DecodeError> {
    match obj.get(key) {
        Some(v) if !ok(v) => Err(wrong(path, key, expected, v)),
        _ => Ok(()),
    }
}

fn text_list(obj: &Map<String, Value>, path: &str, key: &str) -> Result<(), DecodeError> {
    let Some(v) = obj.get(key) else {
        return Ok(());
    };
    let list = v
        .as_array()
        .ok_or_else(|| wrong(path, key, "a list of text", v))?;
    match list.iter().position(|item| !item.is_string()) {
        Some(k) => Err(wrong(path, &format!("{key}[{k}]"), "text", &list[k])),
        None => Ok(()),
    }
}

fn answers(obj: &Map<String, Value>, path: &str) -> Result<(), DecodeError> {
    let Some(v) = obj.get("answers") else {
        return Ok(());
    };
    let path = json_path(path, "answers");
    for (question, answer) in object(v, &path)? {
        let known = answer
            .as_str()
            .is_some_and(|a| Answer::ALL.iter().any(|k| k.key() == a));
        if !known {
            return Err(DecodeError::shape(
                json_path(&path, question),
                format!(
                    "is {}, which is not an answer ThingRisk knows",
                    short_json(answer)
                ),
            ));
        }
    }
    Ok(())
}

fn date(obj: &Map<String, Value>, path: &str, key: &str) -> Result<(), DecodeError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if Date::parse(s).is_some() => Ok(()),
        Some(Value::String(s)) => Err(DecodeError::shape(
            json_path(path, key),
            format!("is {s:?}, which is not a date written as year-month-day (like 2027-03-31)"),
        )),
        Some(v) => Err(wrong(path, key, "a date like 2027-03-31", v)),
    }
}

/// Types and presence of every field of a current-version envelope.
pub fn check_shape(root: &Value) -> Result<(), DecodeError> {
    let top = object(root, "")?;
    text(top, "", "app_version")?;
    text(top, "", "saved_at")?;
    match top.get("revision") {
        Some(v) if v.is_u64() => {}
        None => return Err(DecodeError::shape("revision", "is missing")),
        Some(v) => return Err(wrong("", "revision", "a whole number from 0", v)),
    }
    optional(top, "", "active", "text or empty", |v| {
        v.is_string() || v.is_null()
    })?;
    let households = match top.get("households") {
        Some(Value::Array(list)) => list,
        None => return Err(DecodeError::shape("households", "is missing")),
        Some(v) => return Err(wrong("", "households", "a list", v)),
    };
    match top.get("training") {
        None | Some(Value::Null) => {}
        Some(t) => card_session(t)?,
    }
    for (i, h) in households.iter().enumerate() {
        let path = format!("households[{i}]");
        let h = object(h, &path)?;
        text(h, &path, "id")?;
        text(h, &path, "name")?;
        answers(h, &path)?;
        text_list(h, &path, "planned")?;
        optional(h, &path, "sample", "true or false", Value::is_boolean)?;
        let devices = match h.get("devices") {
            None => continue,
            Some(Value::Array(list)) => list,
            Some(v) => return Err(wrong(&path, "devices", "a list", v)),
        };
        for (j, d) in devices.iter().enumerate() {
            let path = format!("{path}.devices[{j}]");
            let d = object(d, &path)?;
            text(d, &path, "id")?;
            text(d, &path, "name")?;
            text(d, &path, "category")?;
            optional(d, &path, "room", "text", Value::is_string)?;
            text_list(d, &path, "capabilities_added")?;
            text_list(d, &path, "capabilities_removed")?;
            answers(d, &path)?;
            if let Some(l) = d.get("lifecycle") {
                let path = json_path(&path, "lifecycle");
                let l = object(l, &path)?;
                optional(l, &path, "acquired", "\"new\" or \"second-hand\"", |v| {
                    matches!(v.as_str(), Some("new" | "second-hand"))
                })?;
                for key in ["purchased", "support_end", "updates_checked"] {
                    date(l, &path, key)?;
                }
            }
        }
    }
    Ok(())
}

/// A saved card session ([`super::card_session`]): its shape and values
/// (known themes, at most [`MAX_CARDS`] answers, lengths as elsewhere).
fn card_session(v: &Value) -> Result<(), DecodeError> {
    let path = "training";
    let t = object(v, path)?;
    match t.get("code") {
        Some(v) if v.is_u64() => {}
        None => return Err(DecodeError::shape("training.code", "is missing")),
        Some(v) => return Err(wrong(path, "code", "a whole number from 0", v)),
    }
    let themes = match t.get("themes") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        None => return Err(DecodeError::shape("training.themes", "is missing")),
        Some(v) => return Err(wrong(path, "themes", "a list of themes", v)),
    };
    for (k, theme) in themes.iter().enumerate() {
        if theme.as_str().is_none_or(|t| theme_from_key(t).is_none()) {
            return Err(DecodeError::shape(
                format!("training.themes[{k}]"),
                format!(
                    "is {}, which is not a theme ThingRisk knows",
                    short_json(theme)
                ),
            ));
        }
    }
    let answers = match t.get("answers") {
        Some(Value::Array(list)) => list,
        None => return Err(DecodeError::shape("training.answers", "is missing")),
        Some(v) => return Err(wrong(path, "answers", "a list", v)),
    };
    if answers.len() > MAX_CARDS {
        return Err(DecodeError::shape(
            "training.answers",
            format!(
                "holds {} cards, and ThingRisk keeps up to {MAX_CARDS}",
                answers.len()
            ),
        ));
    }
    for (k, a) in answers.iter().enumerate() {
        match a {
            Value::Null => {}
            Value::String(id) => id_rule(id, path, &format!("answers[{k}]"))?,
            v => return Err(wrong(path, &format!("answers[{k}]"), "text or empty", v)),
        }
    }
    optional(t, path, "participant", "text", Value::is_string)?;
    if let Some(Value::String(name)) = t.get("participant") {
        name_rule(name, path, "participant")?;
    }
    Ok(())
}

fn id_rule(id: &str, path: &str, key: &str) -> Result<(), DecodeError> {
    if id.trim().is_empty() {
        Err(DecodeError::shape(json_path(path, key), "is empty"))
    } else if id.chars().count() > MAX_ID_CHARS {
        Err(DecodeError::shape(
            json_path(path, key),
            format!("is longer than {MAX_ID_CHARS} characters"),
        ))
    } else {
        Ok(())
    }
}

fn name_rule(name: &str, path: &str, key: &str) -> Result<(), DecodeError> {
    if name.chars().count() > MAX_NAME_CHARS {
        Err(DecodeError::shape(
            json_path(path, key),
            format!("is longer than {MAX_NAME_CHARS} characters"),
        ))
    } else {
        Ok(())
    }
}

/// The value rules of a state: at most [`MAX_HOUSEHOLDS`] households of at
/// most [`MAX_DEVICES`] devices, household ids present and unique, device ids
/// present and unique within their household, every device has a category,
/// names and rooms within [`MAX_NAME_CHARS`]. Run on every decoded file and
/// on the result of an import merge.
pub fn check(state: &State) -> Result<(), DecodeError> {
    let too_many = |path: String, n: usize, max: usize, what: &str| {
        DecodeError::shape(
            path,
            format!("holds {n} {what}, and ThingRisk keeps up to {max}"),
        )
    };
    if state.households.len() > MAX_HOUSEHOLDS {
        let n = state.households.len();
        return Err(too_many("households".into(), n, MAX_HOUSEHOLDS, "homes"));
    }
    let mut household_ids = HashSet::new();
    for (i, h) in state.households.iter().enumerate() {
        let path = format!("households[{i}]");
        id_rule(&h.id, &path, "id")?;
        if !household_ids.insert(h.id.as_str()) {
            return Err(DecodeError::shape(
                json_path(&path, "id"),
                format!("is the same as an earlier home's ({:?})", h.id),
            ));
        }
        name_rule(&h.name, &path, "name")?;
        if h.devices.len() > MAX_DEVICES {
            let n = h.devices.len();
            return Err(too_many(
                json_path(&path, "devices"),
                n,
                MAX_DEVICES,
                "devices",
            ));
        }
        let mut device_ids = HashSet::new();
        for (j, d) in h.devices.iter().enumerate() {
            let path = format!("{path}.devices[{j}]");
            id_rule(&d.id, &path, "id")?;
            if !device_ids.insert(d.id.as_str()) {
                return Err(DecodeError::shape(
                    json_path(&path, "id"),
                    format!("is the same as an earlier device's ({:?})", d.id),
                ));
            }
            if d.category.trim().is_empty() {
                return Err(DecodeError::shape(
                    json_path(&path, "category"),
                    "is missing",
                ));
            }
            id_rule(&d.category, &path, "category")?;
            name_rule(&d.name, &path, "name")?;
            name_rule(&d.room, &path, "room")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Device, Household};
    use serde_json::json;

    fn envelope(households: Value) -> Value {
        json!({"format": "thingrisk", "version": 2, "app_version": "0.1.0", "saved_at": "",
               "revision": 0, "active": null, "households": households})
    }

    fn shape_err(households: Value) -> String {
        match check_shape(&envelope(households)) {
            Err(DecodeError::WrongShape { path, problem }) => format!("{path}: {problem}"),
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    #[test]
    fn shape_problems_are_named_by_path() {
        assert_eq!(
            shape_err(json!([{"id": "h", "name": "H", "devices": [{"id": "d", "name": "x"}]}])),
            "households[0].devices[0].category: is missing"
        );
        assert_eq!(
            shape_err(json!([{"id": "h", "name": "H", "answers": {"q.x": "maybe"}}])),
            "households[0].answers.q.x: is \"maybe\", which is not an answer ThingRisk knows"
        );
        assert_eq!(
            shape_err(json!([{"id": "h", "name": "H", "devices": [
                {"id": "d", "name": "x", "category": "dev.router", "lifecycle": {"support_end": "2024-02-30"}}]}])),
            "households[0].devices[0].lifecycle.support_end: is \"2024-02-30\", which is not a date written as year-month-day (like 2027-03-31)"
        );
        assert_eq!(
            shape_err(json!([{"id": 5, "name": "H"}])),
            "households[0].id: should be text but is a number"
        );
        assert_eq!(
            shape_err(json!([{"id": "h", "name": "H", "planned": ["ctl.a", 3]}])),
            "households[0].planned[1]: should be text but is a number"
        );
        assert_eq!(
            shape_err(json!([[]])),
            "households[0]: is not in the expected form (it is a list)"
        );
        assert!(check_shape(&envelope(json!([{"id": "h", "name": "H"}]))).is_ok());
    }

    #[test]
    fn envelope_fields_are_required() {
        let mut v = envelope(json!([]));
        v.as_object_mut().unwrap().remove("revision");
        assert_eq!(
            check_shape(&v),
            Err(DecodeError::shape("revision", "is missing"))
        );
        v["revision"] = json!(-1);
        assert_eq!(
            check_shape(&v),
            Err(DecodeError::shape(
                "revision",
                "should be a whole number from 0 but is a number"
            ))
        );
    }

    fn session_err(training: Value) -> String {
        let mut v = envelope(json!([]));
        v["training"] = training;
        match check_shape(&v) {
            Err(DecodeError::WrongShape { path, problem }) => format!("{path}: {problem}"),
            other => panic!("expected a shape error, got {other:?}"),
        }
    }

    #[test]
    fn a_saved_card_session_is_checked_too() {
        let good = json!({"code": 12, "themes": ["privacy"], "answers": ["ctl.a", null],
                          "participant": "Sam"});
        let mut v = envelope(json!([]));
        v["training"] = good.clone();
        assert_eq!(check_shape(&v), Ok(()));
        v["training"] = Value::Null;
        assert_eq!(check_shape(&v), Ok(()));
        let with = |key: &str, value: Value| {
            let mut t = good.clone();
            t[key] = value;
            session_err(t)
        };
        assert_eq!(
            with("code", json!(-3)),
            "training.code: should be a whole number from 0 but is a number"
        );
        assert_eq!(
            with("themes", json!(["privacy", "gardening"])),
            "training.themes[1]: is \"gardening\", which is not a theme ThingRisk knows"
        );
        assert_eq!(
            with("themes", json!([])),
            "training.themes: should be a list of themes but is a list"
        );
        assert_eq!(
            with("answers", json!(["ctl.a", 4])),
            "training.answers[1]: should be text or empty but is a number"
        );
        assert_eq!(
            with("answers", json!(vec![Value::Null; MAX_CARDS + 1])),
            "training.answers: holds 501 cards, and ThingRisk keeps up to 500"
        );
        assert_eq!(
            with("answers", json!([""])),
            "training.answers[0]: is empty"
        );
        assert_eq!(
            with("participant", json!("x".repeat(201))),
            "training.participant: is longer than 200 characters"
        );
        assert_eq!(
            session_err(json!("cards")),
            "training: is not in the expected form (it is text)"
        );
        let mut t = good;
        t.as_object_mut().unwrap().remove("code");
        assert_eq!(session_err(t), "training.code: is missing");
    }

    fn state_with(households: Vec<Household>) -> State {
        State::new(households)
    }

    #[test]
    fn ids_must_be_present_and_unique() {
        let s = state_with(vec![Household::new("h", "A"), Household::new("h", "B")]);
        assert_eq!(
            check(&s),
            Err(DecodeError::shape(
                "households[1].id",
                "is the same as an earlier home's (\"h\")"
            ))
        );
        let s = state_with(vec![Household::new(" ", "A")]);
        assert_eq!(
            check(&s),
            Err(DecodeError::shape("households[0].id", "is empty"))
        );

        let mut h = Household::new("h", "A");
        h.devices.push(Device::new("d1", "Router", "dev.router"));
        h.devices.push(Device::new("d1", "Cam", "dev.camera"));
        assert_eq!(
            check(&state_with(vec![h.clone()])),
            Err(DecodeError::shape(
                "households[0].devices[1].id",
                "is the same as an earlier device's (\"d1\")"
            ))
        );
        h.devices[1].id = "d2".into();
        h.devices[1].category = String::new();
        assert_eq!(
            check(&state_with(vec![h.clone()])),
            Err(DecodeError::shape(
                "households[0].devices[1].category",
                "is missing"
            ))
        );
        h.devices[1].category = "dev.camera".into();
        // The same device id in two households is fine.
        let mut other = h.clone();
        other.id = "h2".into();
        assert_eq!(check(&state_with(vec![h, other])), Ok(()));
    }

    #[test]
    fn households_and_devices_are_limited_in_number() {
        let mut h = Household::new("h", "A");
        for i in 0..MAX_DEVICES {
            h.devices.push(Device::new(format!("d{i}"), "x", "dev.tv"));
        }
        assert_eq!(check(&state_with(vec![h.clone()])), Ok(()));
        h.devices.push(Device::new("one-more", "x", "dev.tv"));
        assert_eq!(
            check(&state_with(vec![h])),
            Err(DecodeError::shape(
                "households[0].devices",
                "holds 501 devices, and ThingRisk keeps up to 500"
            ))
        );
        let homes = (0..=MAX_HOUSEHOLDS).map(|i| Household::new(format!("h{i}"), "A"));
        assert_eq!(
            check(&state_with(homes.collect())).unwrap_err().to_string(),
            "Part of the file is missing or wrong: the list of homes holds 101 homes, and \
             ThingRisk keeps up to 100."
        );
    }

    #[test]
    fn names_are_limited_in_characters_not_bytes() {
        let mut h = Household::new("h", "é".repeat(MAX_NAME_CHARS));
        assert_eq!(check(&state_with(vec![h.clone()])), Ok(()));
        h.name.push('x');
        assert_eq!(
            check(&state_with(vec![h.clone()])),
            Err(DecodeError::shape(
                "households[0].name",
                "is longer than 200 characters"
            ))
        );
        h.name = "ok".into();
        let mut d = Device::new("d", "x", "dev.router");
        d.room = "r".repeat(201);
        h.devices.push(d);
        assert_eq!(
            check(&state_with(vec![h])),
            Err(DecodeError::shape(
                "households[0].devices[0].room",
                "is longer than 200 characters"
            ))
        );
    }
}
