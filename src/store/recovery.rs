//! What to do with the text found in storage at start-up.
//!
//! The flow the browser shell follows (the decisions are here, the storage
//! calls are the shell's):
//! 1. read the raw text under [`STORAGE_KEY`] and call [`load`];
//! 2. [`Loaded::Load`]: use it. [`Loaded::Nothing`]: start empty;
//! 3. [`Loaded::Damaged`]: start with an empty state, copy `raw` under
//!    [`backup_key`] at once, show a banner with the error and offer to
//!    download `raw` (name from [`backup_file_name`]). Do not save to
//!    [`STORAGE_KEY`] while [`Loaded::may_save`] is false, that is until the
//!    user chooses to start afresh (or imports a file).

use super::decode::{DecodeError, decode};
use super::envelope::State;

/// Where the state lives in localStorage (raw text, not gloo's JSON wrapping).
pub const STORAGE_KEY: &str = "thingrisk.state";

/// Prefix of the keys that keep damaged texts.
pub const BACKUP_KEY_PREFIX: &str = "thingrisk.backup.";

/// The outcome of reading storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored: first visit.
    Nothing,
    /// Read (and migrated if it was an earlier version).
    Load(State),
    /// Could not be read; `raw` is exactly what was stored.
    Damaged { raw: String, error: DecodeError },
}

impl Loaded {
    /// False while damaged data waits for the user's decision: nothing may be
    /// written over it.
    pub fn may_save(&self) -> bool {
        !matches!(self, Loaded::Damaged { .. })
    }

    /// The state to start with: the loaded one, or an empty one.
    pub fn state(&self) -> State {
        match self {
            Loaded::Load(s) => s.clone(),
            Loaded::Nothing | Loaded::Damaged { .. } => State::default(),
        }
    }
}

/// Decides what a stored text is. White space alone counts as nothing
/// stored.
pub fn load(stored: Option<&str>) -> Loaded {
    match stored {
        None => Loaded::Nothing,
        Some(raw) if raw.trim().is_empty() => Loaded::Nothing,
        Some(raw) => match decode(raw) {
            Ok(state) => Loaded::Load(state),
            Err(error) => Loaded::Damaged {
                raw: raw.to_string(),
                error,
            },
        },
    }
}

/// The key to keep a damaged text under, stamped with the caller's clock
/// (ISO-8601) so a second damage never overwrites the first backup.
pub fn backup_key(now: &str) -> String {
    format!("{BACKUP_KEY_PREFIX}{now}")
}

/// The download name for a damaged text, e.g.
/// `thingrisk-backup-2026-05-01.txt` (text: it may not be JSON).
pub fn backup_file_name(now: &str) -> String {
    super::export::file_name("thingrisk-backup", now, "txt")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Household;
    use crate::store::envelope::encode;

    #[test]
    fn good_text_loads_and_may_be_saved_over() {
        let s = State::new(vec![Household::new("h", "Home")]);
        let loaded = load(Some(&encode(&s)));
        assert_eq!(loaded, Loaded::Load(s.clone()));
        assert!(loaded.may_save());
        assert_eq!(loaded.state(), s);
        assert_eq!(load(None), Loaded::Nothing);
        assert_eq!(load(Some(" ")), Loaded::Nothing);
    }

    #[test]
    fn damaged_text_is_kept_verbatim_and_blocks_saving() {
        for raw in [
            "{\"format\":\"thingrisk\",\"version\":2,",
            "{\"format\":\"thingrisk\",\"version\":3}",
        ] {
            let loaded = load(Some(raw));
            let Loaded::Damaged { raw: kept, error } = &loaded else {
                panic!("expected damaged, got {loaded:?}");
            };
            assert_eq!(kept, raw);
            assert!(!error.to_string().is_empty());
            assert!(!loaded.may_save());
            assert_eq!(loaded.state(), State::default());
        }
    }

    #[test]
    fn backups_are_named_by_time() {
        assert_eq!(
            backup_key("2026-05-01T10:00:00Z"),
            "thingrisk.backup.2026-05-01T10:00:00Z"
        );
        assert_eq!(
            backup_file_name("2026-05-01T10:00:00Z"),
            "thingrisk-backup-2026-05-01.txt"
        );
    }
}
