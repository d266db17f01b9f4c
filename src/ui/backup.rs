//! "Last backup" and the backup reminder. The time of the last backup is a
//! fact about this browser, not about the home: it is kept in its own small
//! localStorage key, written here (never in the saved household format), so a
//! backup restored in another browser does not claim to have been backed up
//! there. The reminder's rule and its thresholds live in [`should_remind`].

use super::download::download;
use super::state::AppState;
use crate::store::envelope::State;
use crate::store::export::{ExportScope, file_name, own_households, scoped_json};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The localStorage key of this browser's backup record.
pub const KEY: &str = "thingrisk.last-backup";

/// Remind when the last backup is older than this many days (or was never
/// made)...
pub const REMIND_AFTER_DAYS: f64 = 14.0;
/// ...and the person changed something worth keeping since: a device added,
/// or at least this many saved changes (each answer, name or tick is one).
pub const MIN_CHANGES: u64 = 5;
/// "Not now" hides the reminder for this many days.
pub const SNOOZE_DAYS: f64 = 7.0;

const DAY_MS: f64 = 86_400_000.0;

/// What this browser remembers about backups. Times are milliseconds since
/// 1970 (the browser clock).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// When the last backup file was saved here; None: never.
    pub at: Option<f64>,
    /// The saved state's revision and the number of devices then.
    pub revision: u64,
    pub devices: usize,
    /// When the reminder was last put off with "Not now".
    pub snoozed: Option<f64>,
    /// An automatic backup file was on when this page was last open (the
    /// browser forgets the chosen file on reload, so the person is asked again).
    pub auto_was_on: bool,
}

/// What the reminder rule looks at now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub time: f64,
    pub revision: u64,
    /// Devices in the person's own homes (sample homes do not count).
    pub devices: usize,
}

/// The rule: remind only once there is a device, when the last backup is
/// older than [`REMIND_AFTER_DAYS`] (or never made), something worth keeping
/// changed since (a device added, or [`MIN_CHANGES`] saved changes; with no
/// backup ever, only the latter, so the very first device is not met with a
/// reminder), and the reminder was not put off in the last [`SNOOZE_DAYS`].
pub fn should_remind(r: &Record, now: Now) -> bool {
    if now.devices == 0 {
        return false;
    }
    if r.snoozed
        .is_some_and(|t| now.time - t < SNOOZE_DAYS * DAY_MS)
    {
        return false;
    }
    if r.at
        .is_some_and(|t| now.time - t < REMIND_AFTER_DAYS * DAY_MS)
    {
        return false;
    }
    // A restore or "erase all" can bring the revision below the recorded one:
    // then everything now is new since the backup.
    let changes = if now.revision >= r.revision {
        now.revision - r.revision
    } else {
        now.revision
    };
    (r.at.is_some() && now.devices > r.devices) || changes >= MIN_CHANGES
}

/// "never", "today", "yesterday", "12 days ago".
pub fn ago(at: Option<f64>, now: f64) -> String {
    let Some(at) = at else {
        return "never".into();
    };
    match ((now - at) / DAY_MS).floor().max(0.0) as u64 {
        0 => "today".into(),
        1 => "yesterday".into(),
        n => format!("{n} days ago"),
    }
}

thread_local! {
    /// Bumped on every write, so what shows the record follows it.
    static CHANGED: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// The record, tracked: a reactive closure reading it re-runs when it changes.
pub fn load_tracked() -> Record {
    CHANGED.with(|c| c.track());
    load()
}

pub fn load() -> Record {
    super::persist::load_json(KEY)
}

pub fn store(r: &Record) {
    super::persist::save_json(KEY, r);
    CHANGED.with(|c| c.update(|n| *n += 1));
}

pub fn now_ms() -> f64 {
    super::js_call::now_ms()
}

/// Devices in the person's own homes (the rule: [`own_households`]).
pub fn own_devices(s: &State) -> usize {
    own_households(s).map(|h| h.devices.len()).sum()
}

/// The rule's view of now. Tracked (reads the state).
pub fn now(app: AppState) -> Now {
    app.state.with(|s| Now {
        time: now_ms(),
        revision: s.revision,
        devices: own_devices(s),
    })
}

/// Notes a backup of `s` made now.
pub fn record_backup(s: &State) {
    let mut r = load();
    r.at = Some(now_ms());
    r.revision = s.revision;
    r.devices = own_devices(s);
    r.snoozed = None;
    store(&r);
}

/// The backup file's text: the person's own homes (sample homes only when
/// chosen on the Your data page, [`save_file_in`]).
pub fn backup_text(app: AppState) -> String {
    backup_text_in(app, ExportScope::OWN)
}

fn backup_text_in(app: AppState, scope: ExportScope) -> String {
    app.state.with_untracked(|s| scoped_json(s, scope))
}

/// Downloads the backup file of the person's own homes and notes it.
pub fn save_file(app: AppState) {
    save_file_in(app, ExportScope::OWN)
}

/// Downloads the backup file of `scope` and notes it.
pub fn save_file_in(app: AppState, scope: ExportScope) {
    download(
        &file_name(
            "thingrisk",
            &String::from(js_sys::Date::new_0().to_iso_string()),
            "json",
        ),
        "application/json",
        &backup_text_in(app, scope),
    );
    app.state.with_untracked(record_backup);
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: f64 = 1_800_000_000_000.0;
    fn now(days_later: f64, revision: u64, devices: usize) -> Now {
        Now {
            time: T + days_later * DAY_MS,
            revision,
            devices,
        }
    }
    fn backed_up(revision: u64, devices: usize) -> Record {
        Record {
            at: Some(T),
            revision,
            devices,
            ..Record::default()
        }
    }

    #[test]
    fn no_reminder_before_a_device() {
        assert!(!should_remind(&Record::default(), now(0.0, 40, 0)));
    }

    #[test]
    fn never_backed_up_reminds_after_some_work() {
        assert!(!should_remind(
            &Record::default(),
            now(0.0, MIN_CHANGES - 1, 2)
        ));
        assert!(should_remind(&Record::default(), now(0.0, MIN_CHANGES, 1)));
    }

    #[test]
    fn an_old_backup_reminds_only_after_changes() {
        let r = backed_up(10, 2);
        assert!(!should_remind(&r, now(20.0, 10, 2)), "no change since");
        assert!(!should_remind(&r, now(20.0, 10 + MIN_CHANGES - 1, 2)));
        assert!(should_remind(&r, now(20.0, 10 + MIN_CHANGES, 2)));
        assert!(should_remind(&r, now(20.0, 11, 3)), "a device added");
    }

    #[test]
    fn a_recent_backup_does_not_remind() {
        let r = backed_up(10, 2);
        assert!(!should_remind(&r, now(REMIND_AFTER_DAYS - 1.0, 40, 5)));
        assert!(should_remind(&r, now(REMIND_AFTER_DAYS, 40, 5)));
    }

    #[test]
    fn not_now_puts_it_off() {
        let mut r = backed_up(10, 2);
        r.snoozed = Some(T + 20.0 * DAY_MS);
        assert!(!should_remind(&r, now(20.0 + SNOOZE_DAYS - 1.0, 40, 5)));
        assert!(should_remind(&r, now(20.0 + SNOOZE_DAYS, 40, 5)));
    }

    #[test]
    fn a_lower_revision_counts_all_as_new() {
        let r = backed_up(100, 2);
        assert!(should_remind(&r, now(20.0, MIN_CHANGES, 2)));
    }

    #[test]
    fn ages_in_plain_words() {
        assert_eq!(ago(None, T), "never");
        assert_eq!(ago(Some(T), T + 1000.0), "today");
        assert_eq!(ago(Some(T), T + 1.5 * DAY_MS), "yesterday");
        assert_eq!(ago(Some(T), T + 12.2 * DAY_MS), "12 days ago");
    }
}
