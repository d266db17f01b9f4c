//! The write rule that keeps two tabs from losing each other's work.
//!
//! Every save bumps the state's `revision`. Before writing, a tab reads what
//! is stored now: it may write only if the stored revision is not newer than
//! the one it loaded (`stored <= mine`). Otherwise another tab saved since, and
//! the caller reloads instead of overwriting. A stored text this build cannot
//! read (damaged, or from a newer app) also stops the write: reloading lets
//! [`super::recovery`] keep it safe.

use super::envelope::{APP_VERSION, FORMAT_NAME, State, encode};
use serde::Deserialize;

/// What the stored text says about its revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Nothing stored yet.
    Nothing,
    Revision(u64),
    /// Not a ThingRisk text we can read the revision of.
    Unreadable,
}

/// Reads only the revision of a stored text (any version; version 1 files
/// had none and count as 0).
pub fn stored_revision(stored: Option<&str>) -> Stored {
    #[derive(Deserialize)]
    struct Peek {
        format: Option<String>,
        version: Option<serde_json::Value>,
        revision: Option<u64>,
    }
    let Some(text) = stored else {
        return Stored::Nothing;
    };
    match serde_json::from_str::<Peek>(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(Peek {
            format: Some(f),
            revision: Some(r),
            ..
        }) if f == FORMAT_NAME => Stored::Revision(r),
        Ok(Peek {
            format: None,
            version: Some(v),
            revision: None,
        }) if v.as_u64() == Some(1) => Stored::Revision(0),
        _ => Stored::Unreadable,
    }
}

/// The answer to "may I write?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteCheck {
    /// Write, with this new revision.
    Allowed { next: u64 },
    /// Another tab saved revision `stored` after we loaded `mine`: reload.
    Newer { stored: u64, mine: u64 },
    /// What is stored cannot be read: reload (recovery keeps it).
    Unreadable,
}

/// The rule: writing is allowed when the stored revision is not newer than
/// ours; the written revision is ours plus one.
pub fn check_write(stored: Stored, mine: u64) -> WriteCheck {
    match stored {
        Stored::Nothing => WriteCheck::Allowed { next: mine + 1 },
        Stored::Revision(s) if s <= mine => WriteCheck::Allowed { next: mine + 1 },
        Stored::Revision(s) => WriteCheck::Newer { stored: s, mine },
        Stored::Unreadable => WriteCheck::Unreadable,
    }
}

/// Prepares a save: applies the rule to the stored text and, if allowed,
/// bumps `state.revision`, stamps `saved_at` (the caller's clock, ISO-8601)
/// and this app's version, and returns the text to store. When refused, the
/// state is left untouched and the check says why.
pub fn prepare_save(
    state: &mut State,
    stored: Option<&str>,
    now: &str,
) -> Result<String, WriteCheck> {
    match check_write(stored_revision(stored), state.revision) {
        WriteCheck::Allowed { next } => {
            state.revision = next;
            state.saved_at = now.to_string();
            state.app_version = APP_VERSION.to_string();
            Ok(encode(state))
        }
        refused => Err(refused),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Household;
    use crate::store::decode::decode;

    #[test]
    fn the_rule() {
        assert_eq!(
            check_write(Stored::Nothing, 0),
            WriteCheck::Allowed { next: 1 }
        );
        assert_eq!(
            check_write(Stored::Revision(4), 4),
            WriteCheck::Allowed { next: 5 }
        );
        assert_eq!(
            check_write(Stored::Revision(3), 4),
            WriteCheck::Allowed { next: 5 }
        );
        assert_eq!(
            check_write(Stored::Revision(5), 4),
            WriteCheck::Newer { stored: 5, mine: 4 }
        );
        assert_eq!(check_write(Stored::Unreadable, 4), WriteCheck::Unreadable);
    }

    #[test]
    fn revisions_are_read_from_any_version() {
        assert_eq!(stored_revision(None), Stored::Nothing);
        let v2 = r#"{"format":"thingrisk","version":2,"revision":12,"households":[]}"#;
        assert_eq!(stored_revision(Some(v2)), Stored::Revision(12));
        // A newer app's file still tells its revision, so we do not overwrite it.
        let v9 = r#"{"format":"thingrisk","version":9,"revision":40,"whatever":{}}"#;
        assert_eq!(stored_revision(Some(v9)), Stored::Revision(40));
        assert_eq!(
            stored_revision(Some(r#"{"version":1,"households":[]}"#)),
            Stored::Revision(0)
        );
        assert_eq!(stored_revision(Some("{broken")), Stored::Unreadable);
        assert_eq!(
            stored_revision(Some(r#"{"format":"thingrisk","revision":-1}"#)),
            Stored::Unreadable
        );
        assert_eq!(stored_revision(Some("[]")), Stored::Unreadable);
    }

    /// Two tabs load revision 1; A saves (2); B's save is refused; B
    /// reloads and then saves (3) with A's change kept.
    #[test]
    fn two_tabs_never_overwrite_each_other() {
        let mut storage = None::<String>;
        let mut first = State::new(vec![Household::new("h", "Home")]);
        storage = Some(prepare_save(&mut first, storage.as_deref(), "t1").unwrap());
        assert_eq!(first.revision, 1);

        let mut tab_a = decode(storage.as_deref().unwrap()).unwrap();
        let mut tab_b = tab_a.clone();
        tab_a.households[0].name = "Home (A)".into();
        storage = Some(prepare_save(&mut tab_a, storage.as_deref(), "t2").unwrap());
        assert_eq!(tab_a.revision, 2);

        tab_b.households.push(Household::new("h2", "Flat (B)"));
        let before = tab_b.clone();
        assert_eq!(
            prepare_save(&mut tab_b, storage.as_deref(), "t3"),
            Err(WriteCheck::Newer { stored: 2, mine: 1 })
        );
        assert_eq!(tab_b, before, "a refused save changes nothing");

        let mut tab_b = decode(storage.as_deref().unwrap()).unwrap();
        tab_b.households.push(Household::new("h2", "Flat (B)"));
        storage = Some(prepare_save(&mut tab_b, storage.as_deref(), "t4").unwrap());
        let now = decode(storage.as_deref().unwrap()).unwrap();
        assert_eq!(now.revision, 3);
        assert_eq!(now.saved_at, "t4");
        assert_eq!(now.households[0].name, "Home (A)");
        assert_eq!(now.households[1].name, "Flat (B)");
    }
}
