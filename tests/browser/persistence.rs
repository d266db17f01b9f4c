//! The browser side of persistence: damaged and future-version data are kept
//! under a backup key and never overwritten; a full storage keeps work in
//! memory and says so; a normal save round-trips.

use leptos::prelude::*;
use thingrisk::assess::Household;
use thingrisk::store::recovery::BACKUP_KEY_PREFIX;
use thingrisk::ui::persist::{self, KEY};
use thingrisk::ui::state::{AppState, NoticeKind, SaveStatus};
use wasm_bindgen_test::wasm_bindgen_test;

fn storage() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn backups() -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(BACKUP_KEY_PREFIX))
        .map(|k| s.get_item(&k).unwrap().unwrap())
        .collect()
}

/// Runs `f` with a fresh app state (its own reactive owner), storage cleared first.
fn with_app(before: impl FnOnce(), f: impl FnOnce(AppState)) {
    storage().clear().unwrap();
    before();
    let owner = Owner::new();
    owner.with(|| f(AppState::provide()));
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_save_round_trips_and_bumps_the_revision() {
    with_app(
        || {},
        |app| {
            app.update(|s| {
                s.households.push(Household::new("h1", "Flat"));
                s.active = Some("h1".into());
            });
            persist::save_now(app);
            assert_eq!(app.save.get_untracked(), SaveStatus::Saved);
            let raw = storage().get_item(KEY).unwrap().expect("saved");
            let back = thingrisk::store::decode::decode(&raw).unwrap();
            assert_eq!(back.households[0].name, "Flat");
            assert_eq!(back.revision, 1);
            assert_eq!(app.state.with_untracked(|s| s.revision), 1);
        },
    );
}

#[wasm_bindgen_test]
fn damaged_data_is_kept_under_a_backup_key_and_never_overwritten() {
    let damaged = "{\"format\":\"thingrisk\",\"version\":2, oops";
    with_app(
        || storage().set_item(KEY, damaged).unwrap(),
        |app| {
            assert_eq!(app.save.get_untracked(), SaveStatus::Paused);
            assert!(
                app.notices
                    .get_untracked()
                    .iter()
                    .any(|n| n.kind == NoticeKind::Damaged && n.text.contains("could not be read"))
            );
            assert_eq!(backups(), [damaged]);
            // Changes do not overwrite the damaged text until the user decides.
            app.update(|s| s.households.push(Household::new("h1", "New")));
            persist::save_now(app);
            assert_eq!(storage().get_item(KEY).unwrap().as_deref(), Some(damaged));
            assert_eq!(persist::backup_text().as_deref(), Some(damaged));
        },
    );
}

#[wasm_bindgen_test]
fn future_version_data_is_refused_and_kept() {
    let future = r#"{"format":"thingrisk","version":99,"revision":5,"households":[]}"#;
    with_app(
        || storage().set_item(KEY, future).unwrap(),
        |app| {
            let text = app
                .notices
                .get_untracked()
                .into_iter()
                .map(|n| n.text)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains("newer version"), "{text}");
            assert_eq!(app.state.with_untracked(|s| s.households.len()), 0);
            assert_eq!(storage().get_item(KEY).unwrap().as_deref(), Some(future));
            assert_eq!(backups(), [future]);
        },
    );
}

#[wasm_bindgen_test]
fn a_full_storage_keeps_the_work_in_memory_and_says_so() {
    with_app(
        || {},
        |app| {
            // Fill localStorage until it refuses (about 5 MB in Chromium).
            let mut n = 0;
            for size in [256 * 1024, 4 * 1024, 64, 1] {
                let chunk = "x".repeat(size);
                while storage().set_item(&format!("filler.{n}"), &chunk).is_ok() {
                    n += 1;
                    assert!(n < 5000, "storage never filled");
                }
            }
            app.update(|s| {
                s.households
                    .push(Household::new("h1", "Big home".repeat(20)));
                s.active = Some("h1".into());
            });
            persist::save_now(app);
            assert!(
                matches!(app.save.get_untracked(), SaveStatus::Failed(m) if m.contains("full"))
            );
            assert!(
                app.notices
                    .get_untracked()
                    .iter()
                    .any(|n| n.text.contains("export"))
            );
            assert_eq!(
                app.state.with_untracked(|s| s.households.len()),
                1,
                "work continues in memory"
            );
        },
    );
}
