//! The field names of the current saved format, and the details of a file
//! that are none of them (a misspelt "lifecylce", a "Devices" with a capital):
//! serde would drop them without a word, and the data in them with it. The
//! command line refuses such a file; the app's import preview warns.

use super::decode::{describe_path, json_path, quoted};
use serde_json::{Map, Value};
use std::fmt;

/// The envelope's fields (the first two are removed before serde reads it).
pub const ENVELOPE: &[&str] = &[
    "format",
    "version",
    "app_version",
    "saved_at",
    "revision",
    "active",
    "households",
    "training",
];
/// A saved card session's fields ([`super::card_session::CardSession`]).
pub const TRAINING: &[&str] = &["code", "themes", "answers", "participant"];
/// A household's fields ([`crate::assess::Household`]).
pub const HOUSEHOLD: &[&str] = &["id", "name", "answers", "devices", "planned", "sample"];
/// A device's fields ([`crate::assess::Device`]).
pub const DEVICE: &[&str] = &[
    "id",
    "name",
    "category",
    "room",
    "capabilities_added",
    "capabilities_removed",
    "lifecycle",
    "answers",
];
/// A device's lifecycle fields ([`crate::assess::Lifecycle`]).
pub const LIFECYCLE: &[&str] = &["acquired", "purchased", "support_end", "updates_checked"];

/// A detail of a file that the saved format does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownField {
    /// Where it sits, as [`describe_path`] reads it: `households[0].devices[2]`.
    pub path: String,
    /// Its name in the file.
    pub key: String,
    /// The known name it most likely meant, if one is close.
    pub nearest: Option<&'static str>,
}

/// "In home 1, device 3: “lifecylce” is not a detail ThingRisk knows (did you
/// mean “lifecycle”?)" — one line, whatever the key holds.
impl fmt::Display for UnknownField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (place, field) = describe_path(&self.path);
        let place = match (place.is_empty(), field.is_empty()) {
            (true, true) => String::new(),
            (false, true) => format!("In {place}: "),
            (true, false) => format!("In {field}: "),
            (false, false) => format!("In {place}, {field}: "),
        };
        write!(
            f,
            "{place}{} is not a detail ThingRisk knows",
            quoted(&self.key)
        )?;
        match self.nearest {
            Some(n) => write!(f, " (did you mean {}?)", quoted(n)),
            None => Ok(()),
        }
    }
}

/// Every unknown field of a current-version envelope (as JSON), level by
/// level, in key order. Parts of the wrong type are skipped: the shape check names those.
pub fn unknown_fields(root: &Value) -> Vec<UnknownField> {
    let mut out = Vec::new();
    let Some(top) = root.as_object() else {
        return out;
    };
    collect(top, "", ENVELOPE, &mut out);
    if let Some(t) = top.get("training").and_then(Value::as_object) {
        collect(t, "training", TRAINING, &mut out);
    }
    let households = top.get("households").and_then(Value::as_array);
    for (i, h) in households.into_iter().flatten().enumerate() {
        let Some(h) = h.as_object() else { continue };
        let path = format!("households[{i}]");
        collect(h, &path, HOUSEHOLD, &mut out);
        let devices = h.get("devices").and_then(Value::as_array);
        for (j, d) in devices.into_iter().flatten().enumerate() {
            let Some(d) = d.as_object() else { continue };
            let path = format!("{path}.devices[{j}]");
            collect(d, &path, DEVICE, &mut out);
            if let Some(l) = d.get("lifecycle").and_then(Value::as_object) {
                collect(l, &json_path(&path, "lifecycle"), LIFECYCLE, &mut out);
            }
        }
    }
    out
}

fn collect(
    object: &Map<String, Value>,
    path: &str,
    known: &'static [&'static str],
    out: &mut Vec<UnknownField>,
) {
    for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
        out.push(UnknownField {
            path: path.to_string(),
            key: key.clone(),
            nearest: nearest(key, known),
        });
    }
}

/// The known name closest to `key`, ignoring case, if it is a likely typo:
/// at most a third of its letters (and at least one) changed, added,
/// removed or swapped.
pub fn nearest(key: &str, known: &[&'static str]) -> Option<&'static str> {
    let key: Vec<char> = key.to_lowercase().chars().collect();
    let allowed = (key.len() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(&key, &k.chars().collect::<Vec<_>>()), *k))
        .filter(|&(d, _)| d <= allowed)
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance (Levenshtein plus swapped neighbours,
/// the commonest typo).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Date;
    use crate::assess::{Device, Household, Lifecycle};
    use crate::store::envelope::{State, encode};
    use serde_json::json;

    /// The lists are the serde forms' keys, so they cannot drift apart.
    #[test]
    fn the_lists_are_the_saved_formats_own_keys() {
        let mut d = Device::new("d", "Cam", "dev.camera");
        d.lifecycle = Lifecycle {
            purchased: Date::new(2024, 1, 1),
            support_end: Date::new(2028, 1, 1),
            updates_checked: Date::new(2026, 1, 1),
            ..Lifecycle::default()
        };
        let mut h = Household::new("h", "Home");
        h.devices.push(d);
        let mut state = State::new(vec![h]);
        state.active = Some("h".into());
        state.training = Some(crate::store::card_session::CardSession {
            code: 7,
            themes: vec!["privacy".into()],
            answers: vec![None],
            participant: String::new(),
        });
        let v: Value = serde_json::from_str(&encode(&state)).unwrap();
        let keys = |v: &Value| {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort_unstable();
            k
        };
        let sorted = |l: &[&str]| {
            let mut k: Vec<String> = l.iter().map(|s| s.to_string()).collect();
            k.sort_unstable();
            k
        };
        assert_eq!(keys(&v), sorted(ENVELOPE));
        assert_eq!(keys(&v["households"][0]), sorted(HOUSEHOLD));
        assert_eq!(keys(&v["training"]), sorted(TRAINING));
        assert_eq!(keys(&v["households"][0]["devices"][0]), sorted(DEVICE));
        assert_eq!(
            keys(&v["households"][0]["devices"][0]["lifecycle"]),
            sorted(LIFECYCLE)
        );
        assert_eq!(unknown_fields(&v), []);
    }

    #[test]
    fn typos_get_the_nearest_name() {
        assert_eq!(nearest("lifecylce", DEVICE), Some("lifecycle"));
        assert_eq!(nearest("Devices", HOUSEHOLD), Some("devices"));
        assert_eq!(nearest("categroy", DEVICE), Some("category"));
        assert_eq!(nearest("colour", DEVICE), None);
        assert_eq!(nearest("x", DEVICE), None);
    }

    #[test]
    fn unknown_fields_are_found_at_every_level_and_read_as_one_line() {
        let v = json!({"format": "thingrisk", "version": 3, "app_version": "", "saved_at": "",
            "revision": 0, "active": null, "note": "hi",
            "households": [{"id": "h", "name": "H", "Devices": [],
                "devices": [{"id": "d", "name": "x", "category": "dev.tv", "lifecylce": {},
                             "lifecycle": {"bought": "2024-01-01"}, "a\nb": 1}]}]});
        let found: Vec<String> = unknown_fields(&v).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "“note” is not a detail ThingRisk knows",
                "In home 1: “Devices” is not a detail ThingRisk knows (did you mean “devices”?)",
                "In home 1, device 1: “a\\nb” is not a detail ThingRisk knows",
                "In home 1, device 1: “lifecylce” is not a detail ThingRisk knows (did you mean “lifecycle”?)",
                "In home 1, device 1, its age and updates: “bought” is not a detail ThingRisk knows",
            ]
        );
    }
}
