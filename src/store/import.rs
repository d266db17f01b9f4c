//! Every file that enters ThingRisk, in the app's import or on the command
//! line: [`read_file`] checks it (size, text, JSON, format, version, shape,
//! values, the same limits and messages everywhere) and says what it holds;
//! the app then shows a [`preview`] and either replaces what is there or adds
//! beside it ([`merge`]).

use super::decode::{self, DecodeError};
use super::envelope::{CURRENT_VERSION, FORMAT_NAME, State};
use super::fields::{UnknownField, unknown_fields};
use super::migrate;
use super::validate::{MAX_HOUSEHOLDS, MAX_ID_CHARS, MAX_NAME_CHARS};
use crate::plural::plural;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::fmt;

/// The largest file accepted (5 MiB; a 50-device household answered in
/// full is well under 100 KB).
pub const IMPORT_LIMIT_BYTES: usize = 5 * 1024 * 1024;

/// A file read by [`read_file`].
#[derive(Debug, Clone, PartialEq)]
pub struct Intake {
    /// What it holds, migrated to the current version and checked.
    pub state: State,
    /// One bare household (the command line's own form, as
    /// tests/fixtures/household-sample.json) rather than an app export.
    pub bare_household: bool,
    /// Details the format does not have; left out of `state`.
    pub unknown_fields: Vec<UnknownField>,
}

/// Reads a file's bytes: an export from the app (any version) or one bare
/// household. Messages name places as "home 1, device 2" in an export and
/// "device 2" in a bare household.
pub fn read_file(bytes: &[u8]) -> Result<Intake, DecodeError> {
    let value = decode::file_json(bytes, IMPORT_LIMIT_BYTES)?;
    let bare_household = is_bare_household(&value);
    let read = |value: Value| -> Result<Intake, DecodeError> {
        let value = if bare_household {
            envelope_around(value)
        } else {
            let version = decode::detect_version(&value)?;
            migrate::to_current(value, version)?
        };
        let unknown_fields = unknown_fields(&value);
        let state = decode::decode_current(value)?;
        Ok(Intake {
            state,
            bare_household,
            unknown_fields,
        })
    };
    let mut intake = read(value).map_err(|e| bare_paths(e, bare_household))?;
    if bare_household {
        for u in &mut intake.unknown_fields {
            u.path = strip_home(&u.path);
        }
    }
    Ok(intake)
}

/// [`read_file`] for callers that want only the state.
pub fn decode_import(bytes: &[u8]) -> Result<State, DecodeError> {
    read_file(bytes).map(|i| i.state)
}

/// A household's own object: no envelope marker or household list, and a
/// household's fields.
fn is_bare_household(value: &Value) -> bool {
    value.as_object().is_some_and(|m| {
        !m.contains_key("format")
            && !m.contains_key("households")
            && ["id", "name", "devices"].iter().any(|k| m.contains_key(*k))
    })
}

/// The current envelope around one household, so it takes the one path.
fn envelope_around(household: Value) -> Value {
    let active = household.get("id").cloned().unwrap_or(Value::Null);
    let active = if active.is_string() {
        active
    } else {
        Value::Null
    };
    json!({"format": FORMAT_NAME, "version": CURRENT_VERSION, "app_version": "",
           "saved_at": "", "revision": 0, "active": active, "households": [household]})
}

/// In a bare household there is no "home 1": paths start at its fields.
fn bare_paths(e: DecodeError, bare: bool) -> DecodeError {
    match e {
        DecodeError::WrongShape { path, problem } if bare => DecodeError::WrongShape {
            path: strip_home(&path),
            problem,
        },
        e => e,
    }
}

fn strip_home(path: &str) -> String {
    let rest = path.strip_prefix("households[0]").unwrap_or(path);
    rest.strip_prefix('.').unwrap_or(rest).to_string()
}

/// What an import file holds, shown before the user confirms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preview {
    pub households: usize,
    pub devices: usize,
    /// Household and device answers together.
    pub answers: usize,
}

/// Counts what a state holds.
pub fn preview(state: &State) -> Preview {
    let hs = &state.households;
    Preview {
        households: hs.len(),
        devices: hs.iter().map(|h| h.devices.len()).sum(),
        answers: hs
            .iter()
            .map(|h| h.answers.len() + h.devices.iter().map(|d| d.answers.len()).sum::<usize>())
            .sum(),
    }
}

/// "2 households, 11 devices".
impl fmt::Display for Preview {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}",
            plural(self.households, "household", "households"),
            plural(self.devices, "device", "devices")
        )
    }
}

/// What to do with an imported state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeMode {
    /// The imported households take the place of the current ones.
    Replace,
    /// The imported households are added after the current ones; an
    /// imported household whose id or name is already used gets a new id
    /// (`home-imported`) or name (`Home (imported)`).
    Add,
}

/// Whether an import fits beside what is there: adding must not make more
/// than [`MAX_HOUSEHOLDS`] homes (the one limit a merge of two valid states
/// can break; ids and names are made unique). The message says what to do.
pub fn fits(current: &State, imported: &State, mode: MergeMode) -> Result<(), String> {
    let total = match mode {
        MergeMode::Replace => imported.households.len(),
        MergeMode::Add => current.households.len() + imported.households.len(),
    };
    if total > MAX_HOUSEHOLDS {
        Err(format!(
            "Added to what this browser holds, it would make {total} homes, and ThingRisk \
             keeps up to {MAX_HOUSEHOLDS}. Remove some homes first, or replace your data \
             with the file's."
        ))
    } else {
        Ok(())
    }
}

/// The state after an import (check [`fits`] first). The bookkeeping (revision, saved-at, app
/// version) stays the current state's, so the next save passes the
/// revision check as any other edit would.
pub fn merge(current: &State, imported: State, mode: MergeMode) -> State {
    let mut out = current.clone();
    match mode {
        MergeMode::Replace => {
            out.active = imported
                .active
                .or_else(|| imported.households.first().map(|h| h.id.clone()));
            out.households = imported.households;
        }
        MergeMode::Add => {
            let current_ids: HashSet<&str> =
                current.households.iter().map(|h| h.id.as_str()).collect();
            let current_names: HashSet<&str> =
                current.households.iter().map(|h| h.name.as_str()).collect();
            let mut taken_ids: HashSet<String> = current
                .households
                .iter()
                .chain(&imported.households)
                .map(|h| h.id.clone())
                .collect();
            let mut taken_names: HashSet<String> = current
                .households
                .iter()
                .chain(&imported.households)
                .map(|h| h.name.clone())
                .collect();
            for mut h in imported.households {
                if current_ids.contains(h.id.as_str()) {
                    h.id = fresh(&h.id, &taken_ids, MAX_ID_CHARS, |n| match n {
                        1 => "-imported".to_string(),
                        n => format!("-imported-{n}"),
                    });
                    taken_ids.insert(h.id.clone());
                }
                if current_names.contains(h.name.as_str()) {
                    h.name = fresh(&h.name, &taken_names, MAX_NAME_CHARS, |n| match n {
                        1 => " (imported)".to_string(),
                        n => format!(" (imported {n})"),
                    });
                    taken_names.insert(h.name.clone());
                }
                out.households.push(h);
            }
            if out.active.is_none() {
                out.active = out.households.first().map(|h| h.id.clone());
            }
        }
    }
    out
}

/// `base` + the first suffix not in `taken`, cutting `base` so the result
/// stays within `max` characters.
fn fresh(
    base: &str,
    taken: &HashSet<String>,
    max: usize,
    suffix: impl Fn(usize) -> String,
) -> String {
    (1..)
        .map(|n| {
            let s = suffix(n);
            let keep = max.saturating_sub(s.chars().count());
            format!("{}{s}", base.chars().take(keep).collect::<String>())
        })
        .find(|candidate| !taken.contains(candidate))
        .expect("an unused name")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Answer, Device, Household};
    use crate::store::validate::check;

    fn home(id: &str, name: &str, devices: usize) -> Household {
        let mut h = Household::new(id, name);
        for i in 0..devices {
            let mut d = Device::new(format!("d{i}"), format!("Device {i}"), "dev.router");
            d.answers.insert("q.default-password".into(), Answer::Yes);
            h.devices.push(d);
        }
        h.answers.insert("q.wifi".into(), Answer::No);
        h
    }

    #[test]
    fn preview_counts_and_reads_well() {
        let s = State::new(vec![home("a", "A", 4), home("b", "B", 7)]);
        let p = preview(&s);
        assert_eq!(
            p,
            Preview {
                households: 2,
                devices: 11,
                answers: 2 + 11
            }
        );
        assert_eq!(p.to_string(), "2 households, 11 devices");
        let one = preview(&State::new(vec![home("a", "A", 1)]));
        assert_eq!(one.to_string(), "1 household, 1 device");
    }

    #[test]
    fn too_large_and_not_text_are_refused_before_parsing() {
        let big = vec![b' '; IMPORT_LIMIT_BYTES + 1];
        assert_eq!(
            decode_import(&big),
            Err(DecodeError::TooLarge {
                bytes: IMPORT_LIMIT_BYTES + 1,
                limit: IMPORT_LIMIT_BYTES
            })
        );
        assert_eq!(
            decode_import(&[b'{', 0xff, 0xfe]),
            Err(DecodeError::NotText { offset: 1 })
        );
    }

    #[test]
    fn replace_keeps_the_bookkeeping_and_takes_the_households() {
        let mut current = State::new(vec![home("a", "A", 1)]);
        current.revision = 9;
        current.active = Some("a".into());
        let imported = State::new(vec![home("x", "X", 2), home("y", "Y", 0)]);
        let out = merge(&current, imported, MergeMode::Replace);
        assert_eq!(out.revision, 9);
        assert_eq!(
            out.households
                .iter()
                .map(|h| h.id.as_str())
                .collect::<Vec<_>>(),
            ["x", "y"]
        );
        assert_eq!(out.active.as_deref(), Some("x"));
    }

    #[test]
    fn add_renames_clashing_ids_and_names_only() {
        let mut current = State::new(vec![
            home("home", "Home", 1),
            home("home-imported", "Flat", 0),
        ]);
        current.active = Some("home".into());
        let imported = State::new(vec![
            home("home", "Home", 2),
            home("cabin", "Flat", 0),
            home("new", "New", 0),
        ]);
        let out = merge(&current, imported, MergeMode::Add);
        let got: Vec<(&str, &str)> = out
            .households
            .iter()
            .map(|h| (h.id.as_str(), h.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("home", "Home"),
                ("home-imported", "Flat"),
                ("home-imported-2", "Home (imported)"),
                ("cabin", "Flat (imported)"),
                ("new", "New"),
            ]
        );
        assert_eq!(out.households[2].devices.len(), 2);
        assert_eq!(out.active.as_deref(), Some("home"));
        assert_eq!(check(&out), Ok(()));
    }

    #[test]
    fn adding_may_not_pass_the_household_limit() {
        let homes = |n: usize, prefix: &str| {
            State::new(
                (0..n)
                    .map(|i| home(&format!("{prefix}{i}"), "H", 0))
                    .collect(),
            )
        };
        let current = homes(60, "a");
        let imported = homes(41, "b");
        let e = fits(&current, &imported, MergeMode::Add).unwrap_err();
        assert!(
            e.starts_with("Added to what this browser holds, it would make 101 homes"),
            "{e}"
        );
        assert_eq!(fits(&current, &imported, MergeMode::Replace), Ok(()));
        assert_eq!(fits(&current, &homes(40, "b"), MergeMode::Add), Ok(()));
        assert_eq!(
            check(&merge(&current, homes(40, "b"), MergeMode::Add)),
            Ok(())
        );
    }

    #[test]
    fn renamed_names_stay_within_the_limit() {
        let long = "n".repeat(MAX_NAME_CHARS);
        let current = State::new(vec![home("a", &long, 0)]);
        let out = merge(
            &current,
            State::new(vec![home("b", &long, 0)]),
            MergeMode::Add,
        );
        let name = &out.households[1].name;
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with(" (imported)"));
        assert_eq!(check(&out), Ok(()));
    }
}
