//! localStorage: load at start, debounced autosave (flushed when the page is
//! hidden), the revision check against other tabs, and what happens when
//! stored data is damaged, storage is full or storage is unavailable.
//! The format itself (encode, decode, migrations) is the store layer's.

use super::state::{AppState, NoticeKind, SaveStatus};
use crate::assess::Date;
use crate::store::decode::decode;
use crate::store::envelope::State;
use crate::store::recovery::{self, BACKUP_KEY_PREFIX, Loaded};
use crate::store::revision::{WriteCheck, prepare_save};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

pub use crate::store::recovery::STORAGE_KEY as KEY;
const DEBOUNCE: Duration = Duration::from_millis(400);

/// What this tab knows about storage.
#[derive(Debug, Clone, Default)]
pub struct Storage {
    /// localStorage can be used at all.
    pub available: bool,
    /// Stored data was damaged: nothing is written until the user decides.
    pub damaged: bool,
    timer: Option<TimeoutHandle>,
}

impl Storage {
    pub fn paused(&self) -> bool {
        self.damaged
    }
}

/// This browser's localStorage (None where it is off or missing).
pub(crate) fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A small value kept as JSON under its own key, apart from the households
/// (supply ticks, the backup record, class codes); missing or unreadable
/// gives the default.
pub(crate) fn load_json<T: serde::de::DeserializeOwned + Default>(key: &str) -> T {
    local_storage()
        .and_then(|ls| ls.get_item(key).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Writes what [`load_json`] reads; a full or missing storage only loses it
/// on reload.
pub(crate) fn save_json<T: serde::Serialize + ?Sized>(key: &str, value: &T) {
    if let (Some(ls), Ok(text)) = (local_storage(), serde_json::to_string(value)) {
        let _ = ls.set_item(key, &text);
    }
}

/// Today's date from the browser clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Reads the saved state (the decisions are the store layer's: see
/// [`recovery`]). Damaged text is copied under a backup key and saving
/// pauses; the app starts empty and says so.
pub fn load() -> (Storage, State, Vec<super::state::Notice>) {
    use super::state::Notice;
    let Some(ls) = local_storage() else {
        let text = "This browser does not let ThingRisk keep data (private browsing or storage turned off). \
                    Your answers stay in this tab only: export them before you close it.";
        return (
            Storage::default(),
            State::default(),
            vec![Notice {
                kind: NoticeKind::Warning,
                text: text.into(),
            }],
        );
    };
    let storage = Storage {
        available: true,
        ..Storage::default()
    };
    let loaded = recovery::load(ls.get_item(KEY).ok().flatten().as_deref());
    match &loaded {
        Loaded::Damaged { raw, error } => {
            let kept = backup_text().as_deref() == Some(raw.as_str())
                || ls.set_item(&recovery::backup_key(&now_iso()), raw).is_ok();
            let text = format!(
                "Your saved homes and answers could not be read. {} {} Nothing will be saved \
                 until you decide: download them to keep them, or start over.",
                error.about_saved_data(),
                if kept {
                    "They are kept safe in this browser as a backup: nothing is lost."
                } else {
                    ""
                }
            );
            (
                Storage {
                    damaged: true,
                    ..storage
                },
                loaded.state(),
                vec![Notice {
                    kind: NoticeKind::Damaged,
                    text,
                }],
            )
        }
        _ => (storage, loaded.state(), Vec::new()),
    }
}

/// Every backup key, oldest first (their names end in an ISO-8601 time).
fn backup_keys(ls: &web_sys::Storage) -> Vec<String> {
    let n = ls.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| ls.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_KEY_PREFIX))
        .collect();
    crate::order::sort_by(&mut keys, Ord::cmp);
    keys
}

/// The newest damaged text kept under a backup key, if any.
pub fn backup_text() -> Option<String> {
    let ls = local_storage()?;
    let key = backup_keys(&ls).pop()?;
    ls.get_item(&key).ok().flatten()
}

/// The download name for the backup.
pub fn backup_file_name() -> String {
    recovery::backup_file_name(&now_iso())
}

/// The user chose to start over (after downloading the backup, or not):
/// saving resumes and the backups are dropped.
pub fn discard_backup(app: AppState) {
    if let Some(ls) = local_storage() {
        for k in backup_keys(&ls) {
            let _ = ls.remove_item(&k);
        }
    }
    app.storage.update_value(|s| s.damaged = false);
    app.save.set(SaveStatus::Saved);
    app.notices
        .update(|n| n.retain(|x| x.kind != NoticeKind::Damaged));
    schedule_save(app);
}

/// Erases everything ThingRisk keeps in this browser.
pub fn erase_all(app: AppState) {
    // The backup file keeps what was there before (it is not emptied).
    super::auto_backup::turn_off();
    if let Some(ls) = local_storage() {
        let _ = ls.remove_item(KEY);
        let _ = ls.remove_item(SUPPLY_KEY);
        let _ = ls.remove_item(super::backup::KEY);
        let _ = ls.remove_item(super::keep::ASKED_KEY);
        for k in backup_keys(&ls) {
            let _ = ls.remove_item(&k);
        }
    }
    app.storage.update_value(|s| s.damaged = false);
    app.state.set(State::default());
    app.save.set(SaveStatus::Saved);
    app.notices.set(Vec::new());
}

/// Saves a moment after the last change (one write for a burst of changes).
pub fn schedule_save(app: AppState) {
    let (available, damaged) = app.storage.with_value(|s| (s.available, s.damaged));
    if damaged {
        app.save.set(SaveStatus::Paused);
        return;
    }
    if !available {
        app.save.set(SaveStatus::Failed(
            "This browser cannot keep data: export your work.".into(),
        ));
        return;
    }
    app.save.set(SaveStatus::Pending);
    if let Some(t) = app.storage.with_value(|s| s.timer) {
        t.clear();
    }
    let handle = set_timeout_with_handle(move || save_now(app), DEBOUNCE).ok();
    app.storage.update_value(|s| s.timer = handle);
}

/// Writes now, unless another tab wrote newer data first (the rule is
/// [`prepare_save`]'s): then that data is loaded instead and the user is told.
pub fn save_now(app: AppState) {
    app.storage.update_value(|s| s.timer = None);
    let Some(ls) = local_storage() else { return };
    let stored = ls.get_item(KEY).ok().flatten();
    let mut next = app.state.get_untracked();
    match prepare_save(&mut next, stored.as_deref(), &now_iso()) {
        Ok(text) => match ls.set_item(KEY, &text) {
            Ok(()) => {
                app.state.update_untracked(|s| {
                    s.revision = next.revision;
                    s.saved_at = next.saved_at;
                });
                app.save.set(SaveStatus::Saved);
            }
            Err(e) => {
                let full = e
                    .dyn_ref::<web_sys::DomException>()
                    .is_some_and(|d| d.name() == "QuotaExceededError" || d.code() == 22);
                let text = if full {
                    "This browser's storage is full, so your latest answers are not saved. Work continues in this tab: export your data to keep it."
                } else {
                    "This browser refused to save your answers. Work continues in this tab: export your data to keep it."
                };
                app.save.set(SaveStatus::Failed(text.into()));
                app.notify(NoticeKind::Warning, text);
            }
        },
        Err(WriteCheck::Newer { .. }) => {
            if let Some(Ok(newer)) = stored.as_deref().map(decode) {
                app.state.set(newer);
            }
            app.save.set(SaveStatus::Saved);
            app.notify(
                NoticeKind::Warning,
                "Another tab saved newer answers, so they were loaded here. Your last change in this tab was not saved: please check it.",
            );
        }
        Err(_) => {
            // Stored text this build cannot read appeared meanwhile: keep it
            // safe exactly as at start-up, and stop writing.
            let (storage, _, notices) = load();
            app.storage.update_value(|s| s.damaged = storage.damaged);
            app.save.set(SaveStatus::Paused);
            for n in notices {
                app.notify(n.kind, n.text);
            }
        }
    }
}

/// Flushes pending saves when the page is hidden and follows other tabs.
pub fn watch(app: AppState) {
    let flush = Closure::<dyn Fn()>::new(move || {
        if app.save.get_untracked() == SaveStatus::Pending {
            save_now(app);
        }
    });
    let w = window();
    let _ = w.add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
    let _ = document()
        .add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
    flush.forget();

    let on_storage =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
            if e.key().as_deref() != Some(KEY) {
                return;
            }
            match e.new_value() {
                None => app.state.set(State::default()),
                Some(text) => {
                    if let Ok(newer) = decode(&text)
                        && newer.revision > app.state.with_untracked(|s| s.revision)
                    {
                        app.state.set(newer);
                        app.notify(
                            NoticeKind::Info,
                            "Updated with changes made in another tab.",
                        );
                    }
                }
            }
        });
    let _ = w.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
    on_storage.forget();
}

/// Where the supply-side checklist keeps its ticks (apart from households:
/// it describes a product, not a home).
const SUPPLY_KEY: &str = "thingrisk.supply";

/// The ticked supply-side control ids.
pub fn load_supply() -> Vec<String> {
    load_json(SUPPLY_KEY)
}

/// Saves the ticks; a full or missing storage only loses them on reload.
pub fn save_supply(ids: &[String]) {
    save_json(SUPPLY_KEY, ids);
}
