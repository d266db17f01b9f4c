//! The stored size of a large household: 50 devices with every question of
//! the embedded catalog answered, every date set. Target: under 100 KB in
//! storage. Run with `--nocapture` to see the figures.

use thingrisk::assess::{
    Acquired, Answer, Date, Device, Household, Lifecycle, device_questions, household_questions,
};
use thingrisk::catalog::{Scope, embedded};
use thingrisk::store::{State, decode, encode, export_json};

const LIMIT: usize = 100 * 1024;

fn big_household() -> Household {
    let catalog = embedded();
    let of_scope = |scope| catalog.questions.iter().filter(move |q| q.scope == scope);
    // The longest answer key, so the figure is a ceiling.
    let answer = Answer::NotApplicable;
    let mut h = Household::new("home", "The family home with a fairly long name");
    h.answers = of_scope(Scope::Household)
        .map(|q| (q.id.clone(), answer))
        .collect();
    h.planned = catalog.controls.iter().map(|c| c.id.clone()).collect();
    let date = Date::new(2026, 12, 31);
    for i in 0..50 {
        let category = &catalog.device_categories[i % catalog.device_categories.len()];
        let mut d = Device::new(
            format!("d{}", i + 1),
            format!("{} number {}", category.name, i + 1),
            &category.id,
        );
        d.room = "Upstairs living room".to_string();
        d.capabilities_added = vec!["cap.camera".into(), "cap.microphone".into()];
        d.capabilities_removed = vec!["cap.cloud".into()];
        d.lifecycle = Lifecycle {
            acquired: Acquired::SecondHand,
            purchased: date,
            support_end: date,
            updates_checked: date,
        };
        d.answers = of_scope(Scope::Device)
            .map(|q| (q.id.clone(), answer))
            .collect();
        h.devices.push(d);
    }
    h
}

/// As `big_household`, answering only the questions the app asks (those
/// that concern each device), as a real user would.
fn realistic_household() -> Household {
    let catalog = embedded();
    let mut h = big_household();
    h.answers = household_questions(catalog, &h)
        .iter()
        .map(|q| (q.id.clone(), Answer::DontKnow))
        .collect();
    let asked: Vec<Vec<String>> = h
        .devices
        .iter()
        .map(|d| {
            device_questions(catalog, &h, d, Date::new(2026, 12, 1).unwrap())
                .iter()
                .map(|q| q.id.clone())
                .collect()
        })
        .collect();
    for (d, ids) in h.devices.iter_mut().zip(asked) {
        d.answers = ids.into_iter().map(|q| (q, Answer::Partly)).collect();
    }
    h
}

#[test]
fn fifty_devices_as_asked_by_the_app() {
    let state = State::new(vec![realistic_household()]);
    let stored = encode(&state);
    let answers: usize = state.households[0]
        .devices
        .iter()
        .map(|d| d.answers.len())
        .sum();
    println!(
        "50 devices, {answers} device answers (questions the app asks): stored {} bytes ({:.1} KB)",
        stored.len(),
        stored.len() as f64 / 1024.0
    );
    assert!(stored.len() < LIMIT);
}

#[test]
fn fifty_devices_fully_answered_fit_in_100_kb() {
    let mut state = State::new(vec![big_household()]);
    state.saved_at = "2026-05-01T09:30:00.000Z".into();
    state.revision = 1234;
    state.active = Some("home".into());
    let stored = encode(&state);
    let exported = export_json(&state);
    let answers: usize = state.households[0]
        .devices
        .iter()
        .map(|d| d.answers.len())
        .sum::<usize>()
        + state.households[0].answers.len();
    println!(
        "50 devices, {answers} answers: stored {} bytes ({:.1} KB), export file {} bytes ({:.1} KB)",
        stored.len(),
        stored.len() as f64 / 1024.0,
        exported.len(),
        exported.len() as f64 / 1024.0
    );
    assert!(answers >= 50, "the catalog should have device questions");
    assert!(
        stored.len() < LIMIT,
        "stored size {} >= {LIMIT}",
        stored.len()
    );
    assert_eq!(decode(&stored).unwrap(), state);
}
