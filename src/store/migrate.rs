//! Migrations: a chain of steps, each taking a file of version N to N+1 on
//! plain JSON values, so a file of any earlier version reaches the current
//! one. To add version 5: write `v4_to_v5`, add one line to [`STEPS`], bump
//! [`CURRENT_VERSION`], and add `tests/fixtures/store/v5.json`.
//!
//! ## Version 1 (the 0.0.x prototypes, historic)
//!
//! ```text
//! { "version": 1,
//!   "households": [ { "id", "name", "answers": {q: a},
//!     "devices": [ { "id", "name", "category", "room", "answers": {q: a},
//!                    "second_hand": bool, "support_end": "YYYY-MM-DD" | null } ] } ] }
//! ```
//!
//! No `format` marker, no bookkeeping (app version, saved-at, revision,
//! active household), lifecycle facts flat on the device, and two answer
//! keys spelt differently: `"unknown"` (now `"dont-know"`) and `"n/a"` (now
//! `"not-applicable"`).
//!
//! ## Version 2 (0.1)
//!
//! The envelope of [`super::envelope`]. Seven questions were still asked per
//! device: `q.past-access`, `q.managed-by-others`, `q.cloud-only`,
//! `q.linked-to-others`, `q.guests-present`, `q.review-app-access`,
//! `q.activity-alerts`.
//!
//! ## Version 3 (0.2)
//!
//! The same shape. Those seven are asked once for the home ("all / some /
//! none of them"); a device's own answer overrides the home's for it. The
//! step carries the answers over: where every device of a household gave
//! the same answer, it becomes the home's answer; otherwise each device
//! keeps its own (its pick), so every risk scores as before.
//!
//! ## Version 4 (current): see [`super::envelope`]
//!
//! Adds `training`: a participant's card session, saved as it goes
//! ([`super::card_session`]). Files of version 3 had none: the step writes
//! `null`. Nothing else changes; sample homes stay as they were (marked
//! `sample`), kept apart from the person's own by [`super::export`].

use super::decode::DecodeError;
use super::envelope::{CURRENT_VERSION, FORMAT_NAME};
use serde_json::{Map, Value, json};

/// One step: a file of version `from` in, a file of version `from + 1` out.
pub struct Step {
    pub from: u64,
    pub run: fn(Value) -> Result<Value, DecodeError>,
}

/// Every step, in order. `STEPS[i].from == i + 1`.
pub const STEPS: &[Step] = &[
    Step {
        from: 1,
        run: v1_to_v2,
    },
    Step {
        from: 2,
        run: v2_to_v3,
    },
    Step {
        from: 3,
        run: v3_to_v4,
    },
];

/// The questions version 3 asks once for the home instead of per device.
pub const MOVED_TO_HOME_IN_V3: [&str; 7] = [
    "q.past-access",
    "q.managed-by-others",
    "q.cloud-only",
    "q.linked-to-others",
    "q.guests-present",
    "q.review-app-access",
    "q.activity-alerts",
];

/// The app version recorded for files migrated from version 1: those
/// prototypes did not record theirs.
pub const V1_APP_VERSION: &str = "0.0.0";

/// Runs every step from `version` up to [`CURRENT_VERSION`].
pub fn to_current(mut value: Value, version: u64) -> Result<Value, DecodeError> {
    let mut at = version;
    while at < CURRENT_VERSION {
        let step =
            STEPS
                .iter()
                .find(|s| s.from == at)
                .ok_or_else(|| DecodeError::UnknownVersion {
                    found: at.to_string(),
                })?;
        value = (step.run)(value)?;
        at += 1;
    }
    Ok(value)
}

/// v1 -> v2: adds the envelope bookkeeping, moves the flat lifecycle fields
/// into `lifecycle`, and renames the two old answer keys. Fields it does not
/// know are left where they are.
pub fn v1_to_v2(value: Value) -> Result<Value, DecodeError> {
    let Value::Object(mut root) = value else {
        return Err(DecodeError::NotThingRisk);
    };
    let households = match root.remove("households") {
        Some(Value::Array(list)) => list,
        _ => return Err(DecodeError::shape("households", "is not a list")),
    };
    let mut out = Vec::with_capacity(households.len());
    for (i, h) in households.into_iter().enumerate() {
        let path = format!("households[{i}]");
        let Value::Object(mut h) = h else {
            return Err(DecodeError::shape(path, "is not in the expected form"));
        };
        rename_answers(&mut h, &path)?;
        if let Some(devices) = h.get_mut("devices") {
            let Value::Array(devices) = devices else {
                return Err(DecodeError::shape(
                    format!("{path}.devices"),
                    "is not a list",
                ));
            };
            for (j, d) in devices.iter_mut().enumerate() {
                let path = format!("{path}.devices[{j}]");
                let Value::Object(d) = d else {
                    return Err(DecodeError::shape(path, "is not in the expected form"));
                };
                rename_answers(d, &path)?;
                move_lifecycle(d, &path)?;
            }
        }
        out.push(Value::Object(h));
    }
    Ok(json!({
        "format": FORMAT_NAME,
        "version": 2,
        "app_version": V1_APP_VERSION,
        "saved_at": "",
        "revision": 0,
        "active": null,
        "households": out,
    }))
}

/// v2 -> v3: per-device answers to the questions now asked once for the
/// home become the home's answer where every device of the household gave
/// the same one (and the home had none); otherwise they stay on the devices,
/// where they override the home's. Nothing is lost and no score changes.
pub fn v2_to_v3(value: Value) -> Result<Value, DecodeError> {
    let Value::Object(mut root) = value else {
        return Err(DecodeError::NotThingRisk);
    };
    let Some(Value::Array(households)) = root.get_mut("households") else {
        return Err(DecodeError::shape("households", "is not a list"));
    };
    for h in households.iter_mut() {
        let Value::Object(h) = h else { continue };
        for q in MOVED_TO_HOME_IN_V3 {
            lift_to_home(h, q);
        }
    }
    root.insert("version".into(), json!(3));
    Ok(Value::Object(root))
}

/// v3 -> v4: no card session was saved before version 4.
pub fn v3_to_v4(value: Value) -> Result<Value, DecodeError> {
    let Value::Object(mut root) = value else {
        return Err(DecodeError::NotThingRisk);
    };
    root.entry("training").or_insert(Value::Null);
    root.insert("version".into(), json!(4));
    Ok(Value::Object(root))
}

/// Moves one question's answer from every device to the home when all
/// devices agree. Shapes it does not expect are left for the decoder to
/// name.
fn lift_to_home(h: &mut Map<String, Value>, question: &str) {
    let Some(Value::Array(devices)) = h.get("devices") else {
        return;
    };
    let given: Vec<Option<&Value>> = devices
        .iter()
        .map(|d| d.get("answers").and_then(|a| a.get(question)))
        .collect();
    let Some(Some(first)) = given.first() else {
        return;
    };
    let first = (*first).clone();
    if !given.iter().all(|a| *a == Some(&first))
        || h.get("answers").is_some_and(|a| a.get(question).is_some())
    {
        return;
    }
    let Value::Object(home) = h
        .entry("answers")
        .or_insert_with(|| Value::Object(Map::new()))
    else {
        return;
    };
    home.insert(question.to_string(), first);
    if let Some(Value::Array(devices)) = h.get_mut("devices") {
        for d in devices {
            if let Some(Value::Object(a)) = d.get_mut("answers") {
                a.remove(question);
            }
        }
    }
}

fn rename_answers(owner: &mut Map<String, Value>, path: &str) -> Result<(), DecodeError> {
    let Some(answers) = owner.get_mut("answers") else {
        return Ok(());
    };
    let Value::Object(answers) = answers else {
        return Err(DecodeError::shape(
            format!("{path}.answers"),
            "is not in the expected form",
        ));
    };
    for answer in answers.values_mut() {
        match answer.as_str() {
            Some("unknown") => *answer = json!("dont-know"),
            Some("n/a") => *answer = json!("not-applicable"),
            _ => {}
        }
    }
    Ok(())
}

fn move_lifecycle(device: &mut Map<String, Value>, path: &str) -> Result<(), DecodeError> {
    let acquired = match device.remove("second_hand") {
        None | Some(Value::Null) | Some(Value::Bool(false)) => "new",
        Some(Value::Bool(true)) => "second-hand",
        Some(_) => {
            return Err(DecodeError::shape(
                format!("{path}.second_hand"),
                "is not true or false",
            ));
        }
    };
    let support_end = device.remove("support_end").unwrap_or(Value::Null);
    device.insert(
        "lifecycle".to_string(),
        json!({ "acquired": acquired, "support_end": support_end }),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chain_covers_every_earlier_version() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.from, i as u64 + 1);
        }
        assert_eq!(STEPS.len() as u64, CURRENT_VERSION - 1);
    }

    #[test]
    fn v1_device_gets_a_lifecycle_and_new_answer_keys() {
        let v1 = json!({"version": 1, "households": [{"id": "h", "name": "H",
        "answers": {"q.a": "n/a"},
        "devices": [
            {"id": "d1", "name": "Cam", "category": "dev.camera", "room": "Hall",
             "answers": {"q.b": "unknown", "q.c": "yes"}, "second_hand": true, "support_end": "2027-01-31"},
            {"id": "d2", "name": "Plug", "category": "dev.plug", "second_hand": false, "support_end": null}
        ]}]});
        let v2 = v1_to_v2(v1).unwrap();
        assert_eq!(v2["format"], "thingrisk");
        assert_eq!(v2["version"], 2);
        assert_eq!(v2["app_version"], V1_APP_VERSION);
        assert_eq!(v2["revision"], 0);
        assert_eq!(v2["active"], Value::Null);
        let h = &v2["households"][0];
        assert_eq!(h["answers"], json!({"q.a": "not-applicable"}));
        let d1 = &h["devices"][0];
        assert_eq!(
            d1["lifecycle"],
            json!({"acquired": "second-hand", "support_end": "2027-01-31"})
        );
        assert_eq!(d1["answers"], json!({"q.b": "dont-know", "q.c": "yes"}));
        assert!(d1.get("second_hand").is_none() && d1.get("support_end").is_none());
        assert_eq!(d1["room"], "Hall");
        assert_eq!(
            h["devices"][1]["lifecycle"],
            json!({"acquired": "new", "support_end": null})
        );
    }

    #[test]
    fn v1_wrong_shapes_are_named() {
        let e = v1_to_v2(json!({"version": 1, "households": {}})).unwrap_err();
        assert_eq!(e, DecodeError::shape("households", "is not a list"));
        let e =
            v1_to_v2(json!({"version": 1, "households": [{"devices": [{"second_hand": "yes"}]}]}));
        assert_eq!(
            e.unwrap_err(),
            DecodeError::shape(
                "households[0].devices[0].second_hand",
                "is not true or false"
            )
        );
        let e = v1_to_v2(json!({"version": 1, "households": [{"devices": [1]}]}));
        assert_eq!(
            e.unwrap_err(),
            DecodeError::shape("households[0].devices[0]", "is not in the expected form")
        );
    }

    #[test]
    fn v2_unanimous_device_answers_become_the_homes_and_others_stay() {
        let v2 = json!({"format": "thingrisk", "version": 2, "households": [{"id": "h", "name": "H",
        "answers": {"q.cloud-only": "no"},
        "devices": [
            {"id": "d1", "answers": {"q.past-access": "yes", "q.review-app-access": "no", "q.cloud-only": "yes"}},
            {"id": "d2", "answers": {"q.past-access": "yes", "q.review-app-access": "yes", "q.cloud-only": "yes"}}
        ]}]});
        let v3 = v2_to_v3(v2).unwrap();
        assert_eq!(v3["version"], 3);
        let h = &v3["households"][0];
        // All agreed: the home's now. Differing: kept per device. The home
        // had its own answer: left as it was, the devices keep theirs.
        assert_eq!(
            h["answers"],
            json!({"q.cloud-only": "no", "q.past-access": "yes"})
        );
        assert_eq!(
            h["devices"][0]["answers"],
            json!({"q.review-app-access": "no", "q.cloud-only": "yes"})
        );
        assert_eq!(
            h["devices"][1]["answers"],
            json!({"q.review-app-access": "yes", "q.cloud-only": "yes"})
        );
    }

    #[test]
    fn v2_a_device_without_the_answer_keeps_the_others_on_their_devices() {
        let v2 = json!({"version": 2, "households": [{"devices": [
            {"answers": {"q.guests-present": "yes"}}, {"answers": {}}
        ]}]});
        let v3 = v2_to_v3(v2).unwrap();
        let h = &v3["households"][0];
        assert!(h.get("answers").is_none());
        assert_eq!(
            h["devices"][0]["answers"],
            json!({"q.guests-present": "yes"})
        );
    }

    #[test]
    fn v3_gets_an_empty_card_session_and_keeps_the_rest() {
        let homes = json!([{"id": "s", "name": "Sample", "sample": true, "devices": []}]);
        let v3 = json!({"format": "thingrisk", "version": 3, "revision": 2, "households": homes});
        let v4 = v3_to_v4(v3).unwrap();
        assert_eq!(v4["version"], 4);
        assert_eq!(v4["training"], Value::Null);
        assert_eq!(v4["households"], homes);
        assert_eq!(v4["revision"], 2);
        assert_eq!(v3_to_v4(json!([])), Err(DecodeError::NotThingRisk));
    }

    #[test]
    fn a_version_without_a_step_is_unknown() {
        let e = to_current(json!({}), 0).unwrap_err();
        assert_eq!(e, DecodeError::UnknownVersion { found: "0".into() });
    }
}
