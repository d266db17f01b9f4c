//! Property tests: any valid state survives storage and export exactly, and
//! any state a version-1 file could hold migrates to the same households.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use serde_json::{Value, json};
use thingrisk::assess::{Acquired, Answer, Date, Device, Household, Lifecycle};
use thingrisk::store::{self, State, decode, decode_import, encode, export_json};

/// Any text, control characters and quotes included.
fn text(max: usize) -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// Ids are non-blank; made unique by the caller with an index suffix.
fn id_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,8}",
        vec(any::<char>(), 1..8)
            .prop_map(String::from_iter)
            .prop_filter("not blank", |s| !s.trim().is_empty()),
    ]
}

fn answer() -> impl Strategy<Value = Answer> {
    proptest::sample::select(Answer::ALL.to_vec())
}

fn question_id() -> impl Strategy<Value = String> {
    prop_oneof!["q\\.[a-z-]{1,20}", text(12)]
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=31).prop_filter_map("a real date", |(y, m, d)| Date::new(y, m, d))
}

fn lifecycle() -> impl Strategy<Value = Lifecycle> {
    (
        any::<bool>(),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(date()),
    )
        .prop_map(
            |(second, purchased, support_end, updates_checked)| Lifecycle {
                acquired: if second {
                    Acquired::SecondHand
                } else {
                    Acquired::New
                },
                purchased,
                support_end,
                updates_checked,
            },
        )
}

fn device() -> impl Strategy<Value = Device> {
    (
        id_prefix(),
        text(40),
        prop_oneof!["dev\\.[a-z-]{1,15}", id_prefix()],
        text(20),
        vec("cap\\.[a-z-]{1,10}", 0..3),
        vec("cap\\.[a-z-]{1,10}", 0..3),
        lifecycle(),
        btree_map(question_id(), answer(), 0..8),
    )
        .prop_map(
            |(id, name, category, room, added, removed, lifecycle, answers)| Device {
                id,
                name,
                category,
                room,
                capabilities_added: added,
                capabilities_removed: removed,
                lifecycle,
                answers,
            },
        )
}

fn household() -> impl Strategy<Value = Household> {
    (
        id_prefix(),
        text(40),
        btree_map(question_id(), answer(), 0..8),
        vec(device(), 0..6),
        vec("ctl\\.[a-z-]{1,12}", 0..3),
        any::<bool>(),
    )
        .prop_map(|(id, name, answers, mut devices, planned, sample)| {
            for (i, d) in devices.iter_mut().enumerate() {
                d.id = format!("{}{i}", d.id);
            }
            Household {
                id,
                name,
                answers,
                devices,
                planned,
                sample,
            }
        })
}

fn state() -> impl Strategy<Value = State> {
    (
        vec(household(), 0..4),
        text(12),
        text(30),
        any::<u64>(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(
            |(mut households, app_version, saved_at, revision, pick, has_active)| {
                for (i, h) in households.iter_mut().enumerate() {
                    h.id = format!("{}{i}", h.id);
                }
                let active = (has_active && !households.is_empty())
                    .then(|| households[pick.index(households.len())].id.clone());
                State {
                    app_version,
                    saved_at,
                    revision,
                    active,
                    households,
                    training: None,
                }
            },
        )
}

/// The version-1 form of a state's households (see src/store/migrate.rs).
fn as_v1(state: &State) -> Value {
    let old_key = |a: &Answer| match a {
        Answer::DontKnow => "unknown".to_string(),
        Answer::NotApplicable => "n/a".to_string(),
        a => a.key().to_string(),
    };
    let answers = |m: &thingrisk::assess::Answers| -> Value {
        m.iter()
            .map(|(q, a)| (q.clone(), Value::String(old_key(a))))
            .collect::<serde_json::Map<_, _>>()
            .into()
    };
    let households: Vec<Value> = state
        .households
        .iter()
        .map(|h| {
            let devices: Vec<Value> = h
                .devices
                .iter()
                .map(|d| {
                    json!({"id": d.id, "name": d.name, "category": d.category, "room": d.room,
                           "answers": answers(&d.answers),
                           "second_hand": d.lifecycle.acquired == Acquired::SecondHand,
                           "support_end": d.lifecycle.support_end})
                })
                .collect();
            json!({"id": h.id, "name": h.name, "answers": answers(&h.answers), "devices": devices})
        })
        .collect();
    json!({"version": 1, "households": households})
}

/// What version 1 could not hold is dropped.
fn v1_part(state: &State) -> Vec<Household> {
    let mut hs = state.households.clone();
    for h in &mut hs {
        h.planned.clear();
        h.sample = false;
        for d in &mut h.devices {
            d.capabilities_added.clear();
            d.capabilities_removed.clear();
            d.lifecycle.purchased = None;
            d.lifecycle.updates_checked = None;
        }
    }
    hs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn storage_and_export_round_trip_exactly(s in state()) {
        prop_assert_eq!(store::validate::check(&s), Ok(()));
        prop_assert_eq!(decode(&encode(&s)), Ok(s.clone()));
        let exported = export_json(&s);
        prop_assert_eq!(decode(&exported), Ok(s.clone()));
        prop_assert_eq!(decode_import(exported.as_bytes()), Ok(s.clone()));
        // Stable: a second trip writes the same text.
        prop_assert_eq!(export_json(&decode(&exported).unwrap()), exported);
    }

    #[test]
    fn version_1_files_migrate_to_the_same_households(s in state()) {
        let text = as_v1(&s).to_string();
        let migrated = decode(&text).unwrap();
        prop_assert_eq!(migrated.households, v1_part(&s));
        prop_assert_eq!(migrated.revision, 0);
        prop_assert_eq!(migrated.active, None);
    }
}
