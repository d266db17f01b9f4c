//! Import: a file chosen by the user, checked ([`decode_import`]),
//! summarised ([`preview`]) and then either replacing what is there or added
//! beside it ([`merge`]).

use super::decode::{DecodeError, decode};
use super::envelope::State;
use super::validate::{MAX_ID_CHARS, MAX_NAME_CHARS};
use crate::plural::plural;
use std::collections::HashSet;
use std::fmt;

/// The largest file accepted for import (5 MiB; a 50-device household
/// answered in full is well under 100 KB).
pub const IMPORT_LIMIT_BYTES: usize = 5 * 1024 * 1024;

/// Reads an import file's bytes: size limit, UTF-8, then [`decode`] (any
/// supported version, migrated and checked).
pub fn decode_import(bytes: &[u8]) -> Result<State, DecodeError> {
    if bytes.len() > IMPORT_LIMIT_BYTES {
        return Err(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit: IMPORT_LIMIT_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| DecodeError::NotText)?;
    decode(text)
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

/// The state after an import. The bookkeeping (revision, saved-at, app
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
            decode_import(&[0xff, 0xfe, b'{']),
            Err(DecodeError::NotText)
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
