//! Fuzzing the one file reader (`store::read_file`, used by the app's import
//! and the command line) with proptest: arbitrary bytes, mutated valid files,
//! arbitrary JSON (often a bare household) and JSON shaped like our envelope.
//! The reader must never panic, every refusal must read as a sentence on one
//! line, and anything it accepts must pass the rules and round-trip.
//!
//! `decoder_never_panics` runs 2,000 cases on every `cargo test`; the long
//! run (120,000 cases) is `cargo test --release --test store_fuzz -- --ignored`.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::Instant;
use thingrisk::store::{DecodeError, decode, export_json, read_file, validate};

const FIXTURES: [&str; 2] = [
    include_str!("fixtures/store/v1.json"),
    include_str!("fixtures/store/v2.json"),
];

/// Field names and values our files use, so generated JSON often gets past
/// the first checks and reaches the deep ones.
const KEYS: &[&str] = &[
    "format",
    "version",
    "app_version",
    "saved_at",
    "revision",
    "active",
    "households",
    "id",
    "name",
    "answers",
    "devices",
    "planned",
    "sample",
    "category",
    "room",
    "capabilities_added",
    "capabilities_removed",
    "lifecycle",
    "acquired",
    "purchased",
    "support_end",
    "updates_checked",
    "second_hand",
    "q.default-password",
];
const WORDS: &[&str] = &[
    "thingrisk",
    "yes",
    "no",
    "partly",
    "dont-know",
    "not-applicable",
    "unknown",
    "n/a",
    "new",
    "second-hand",
    "2024-02-29",
    "2023-02-29",
    "9999-12-31",
    "dev.router",
    "h1",
    "d1",
    "",
    " ",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(KEYS).prop_map(str::to_string),
        1 => any::<String>(),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u64..4).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        word().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..8).prop_map(Value::Array),
            vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn object_of(fields: Vec<(&'static str, Value)>, keep: Vec<bool>) -> Value {
    let map: Map<String, Value> = fields
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|((k, v), _)| (k.to_string(), v))
        .collect();
    Value::Object(map)
}

/// A value that is usually right for a field and sometimes anything.
fn field(good: impl Strategy<Value = Value> + 'static) -> BoxedStrategy<Value> {
    prop_oneof![12 => good, 1 => json()].boxed()
}

fn answers() -> BoxedStrategy<Value> {
    field(
        proptest::collection::btree_map(key(), word().prop_map(Value::String), 0..5)
            .prop_map(|m: BTreeMap<String, Value>| Value::Object(m.into_iter().collect())),
    )
}

fn device_like() -> impl Strategy<Value = Value> {
    let lifecycle = (
        field(word().prop_map(Value::String)),
        field(word().prop_map(Value::String)),
        vec(any::<bool>(), 2),
    )
        .prop_map(|(a, s, keep)| object_of(vec![("acquired", a), ("support_end", s)], keep));
    (
        field(word().prop_map(Value::String)),
        field(word().prop_map(Value::String)),
        field(word().prop_map(Value::String)),
        answers(),
        field(lifecycle),
        field(any::<bool>().prop_map(Value::Bool)),
        vec(proptest::bool::weighted(0.95), 6),
    )
        .prop_map(
            |(id, name, category, answers, lifecycle, second_hand, keep)| {
                object_of(
                    vec![
                        ("id", id),
                        ("name", name),
                        ("category", category),
                        ("answers", answers),
                        ("lifecycle", lifecycle),
                        ("second_hand", second_hand),
                    ],
                    keep,
                )
            },
        )
}

fn household_like() -> impl Strategy<Value = Value> {
    (
        field(word().prop_map(Value::String)),
        field(word().prop_map(Value::String)),
        answers(),
        field(vec(device_like(), 0..4).prop_map(Value::Array)),
        vec(proptest::bool::weighted(0.95), 4),
    )
        .prop_map(|(id, name, answers, devices, keep)| {
            object_of(
                vec![
                    ("id", id),
                    ("name", name),
                    ("answers", answers),
                    ("devices", devices),
                ],
                keep,
            )
        })
}

/// Shaped like a v1 or v2 envelope, with wrong parts here and there.
fn envelope_like() -> impl Strategy<Value = Value> {
    (
        field(
            proptest::sample::select(
                &[
                    "thingrisk",
                    "thingrisk",
                    "thingrisk",
                    "thingrisk",
                    "thingrisk",
                    "thingrisk",
                    "thingrisk",
                    "other",
                ][..],
            )
            .prop_map(Value::from),
        ),
        field(prop_oneof![6 => Just(2u64), 1 => Just(1), 1 => 0u64..5].prop_map(Value::from)),
        field(word().prop_map(Value::String)),
        field(word().prop_map(Value::String)),
        field(number()),
        field(word().prop_map(Value::String)),
        field(vec(household_like(), 0..4).prop_map(Value::Array)),
        vec(proptest::bool::weighted(0.95), 7),
    )
        .prop_map(|(f, v, av, at, rev, active, hs, keep)| {
            object_of(
                vec![
                    ("format", f),
                    ("version", v),
                    ("app_version", av),
                    ("saved_at", at),
                    ("revision", rev),
                    ("active", active),
                    ("households", hs),
                ],
                keep,
            )
        })
}

/// A byte, usually printable ASCII (so the text stays UTF-8 and often JSON).
fn mostly_ascii() -> impl Strategy<Value = u8> {
    prop_oneof![4 => 0x20u8..0x7f, 1 => any::<u8>()]
}

/// Bytes of any kind, or bytes made of JSON's punctuation and letters.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        vec(any::<u8>(), 0..600),
        vec(
            proptest::sample::select(&b"{}[]\":,.-+0123456789eE truefalsn\\\n"[..]),
            0..200
        ),
        vec(0x20u8..0x7f, 0..300),
    ]
}

/// A fixture with a few bytes replaced, inserted or removed.
fn mutated_fixture() -> impl Strategy<Value = Vec<u8>> {
    (
        0..FIXTURES.len(),
        vec((any::<prop::sample::Index>(), 0u8..3, mostly_ascii()), 1..6),
    )
        .prop_map(|(f, edits)| {
            let mut bytes = FIXTURES[f].as_bytes().to_vec();
            for (at, op, byte) in edits {
                let i = at.index(bytes.len().max(1)).min(bytes.len());
                match op {
                    0 if i < bytes.len() => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ if i < bytes.len() => {
                        bytes.remove(i);
                    }
                    _ => {}
                }
            }
            bytes
        })
}

/// Outcomes by kind, to show the cases reach past the first checks.
type Tally = BTreeMap<&'static str, u64>;

fn outcome(bytes: &[u8], tally: &RefCell<Tally>) -> Result<(), TestCaseError> {
    let result = read_file(bytes);
    let kind = match &result {
        Ok(i) if i.bare_household => "accepted (bare household)",
        Ok(_) => "accepted",
        Err(DecodeError::TooLarge { .. }) => "too large",
        Err(DecodeError::NotText { .. }) => "not text",
        Err(DecodeError::DuplicateKey { .. }) => "duplicate key",
        Err(DecodeError::Empty) => "empty",
        Err(DecodeError::NotJson { .. }) => "not JSON",
        Err(DecodeError::NotThingRisk) => "not ThingRisk",
        Err(DecodeError::UnknownVersion { .. }) => "unknown version",
        Err(DecodeError::FutureVersion { .. }) => "future version",
        Err(DecodeError::WrongShape { .. }) => "wrong shape",
    };
    *tally.borrow_mut().entry(kind).or_default() += 1;
    match result {
        Ok(intake) => {
            for u in &intake.unknown_fields {
                let message = u.to_string();
                prop_assert!(!message.contains(char::is_control), "{:?}", message);
            }
            let state = intake.state;
            prop_assert_eq!(validate::check(&state), Ok(()));
            prop_assert_eq!(decode(&export_json(&state)), Ok(state));
        }
        Err(e) => {
            let message = e.to_string();
            prop_assert!(
                message.len() > 10 && message.ends_with('.'),
                "{:?}",
                message
            );
            // One line, whatever the file held.
            prop_assert!(!message.contains(char::is_control), "{:?}", message);
        }
    }
    Ok(())
}

fn run<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    to_bytes: impl Fn(S::Value) -> Vec<u8>,
) -> u64
where
    S::Value: std::fmt::Debug,
{
    let tally = RefCell::new(Tally::new());
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let start = Instant::now();
    let result = runner.run(&strategy, |value| outcome(&to_bytes(value), &tally));
    let tally = tally.into_inner();
    let total: u64 = tally.values().sum();
    println!(
        "{name}: {total} cases in {:.1?}: {tally:?}",
        start.elapsed()
    );
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    total
}

fn fuzz(per_strategy: u32) -> u64 {
    let start = Instant::now();
    let total = run("arbitrary bytes", per_strategy, bytes(), |b| b)
        + run("mutated fixtures", per_strategy, mutated_fixture(), |b| b)
        + run("arbitrary JSON", per_strategy, json(), |v| {
            v.to_string().into_bytes()
        })
        + run("envelope-shaped JSON", per_strategy, envelope_like(), |v| {
            v.to_string().into_bytes()
        });
    println!("total: {total} cases in {:.1?}", start.elapsed());
    total
}

#[test]
fn decoder_never_panics() {
    assert!(fuzz(500) >= 2_000);
}

#[test]
#[ignore = "long run: cargo test --release --test store_fuzz -- --ignored --nocapture"]
fn decoder_never_panics_long_run() {
    assert!(fuzz(30_000) >= 120_000);
}
