//! Every saved-format version ever written must load forever, to the same
//! content. The expected states below are written out by hand from the
//! fixture files in tests/fixtures/store/ (see its README).

use thingrisk::assess::{Acquired, Answer, Answers, Date, Device, Household, Lifecycle};
use thingrisk::store::card_session::CardSession;
use thingrisk::store::{self, CURRENT_VERSION, State, decode, decode_import, export_json};

fn fixture(version: u64) -> String {
    let path = format!(
        "{}/tests/fixtures/store/v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (every version needs a fixture)"))
}

fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter().map(|(q, a)| (q.to_string(), *a)).collect()
}

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).expect("a valid date in the test"))
}

fn device(id: &str, name: &str, category: &str, room: &str) -> Device {
    let mut d = Device::new(id, name, category);
    d.room = room.to_string();
    d
}

fn expected_v1() -> State {
    use Answer::*;
    let mut home = Household::new("home", "Our house");
    home.answers = answers(&[
        ("q.wifi-strong", Yes),
        ("q.guest-network", No),
        ("q.two-step-login", DontKnow),      // was "unknown"
        ("q.new-home-check", NotApplicable), // was "n/a"
    ]);
    let mut router = device("d1", "Fibre router", "dev.router", "Hall");
    router.answers = answers(&[("q.default-password", Yes), ("q.auto-updates", Partly)]);
    router.lifecycle = Lifecycle {
        support_end: date("2029-12-31"),
        ..Lifecycle::default()
    };
    let mut monitor = device("d2", "Baby monitor", "dev.indoor-camera", "Nursery");
    monitor.answers = answers(&[
        ("q.default-password", DontKnow),
        ("q.cover-and-mute", No),
        ("q.prototype-hub-pin", Yes),
    ]);
    monitor.lifecycle = Lifecycle {
        acquired: Acquired::SecondHand,
        support_end: date("2025-06-30"),
        ..Lifecycle::default()
    };
    let lock = device("d3", "Front door lock", "dev.lock", "");
    home.devices = vec![router, monitor, lock];

    let mut mum = Household::new("mum", "Mum's flat");
    let mut tv = device("d1", "Living room TV", "dev.tv", "Living room");
    tv.answers = answers(&[("q.privacy-settings", NotApplicable)]);
    tv.lifecycle.acquired = Acquired::SecondHand;
    mum.devices = vec![tv];

    State {
        app_version: store::migrate::V1_APP_VERSION.to_string(),
        saved_at: String::new(),
        revision: 0,
        active: None,
        households: vec![home, mum],
        training: None,
    }
}

fn expected_v2() -> State {
    use Answer::*;
    let mut flat = Household::new("flat", "Flat 3B");
    flat.answers = answers(&[
        ("q.unique-passwords", Partly),
        ("q.two-step-login", Yes),
        ("q.home-often-empty", DontKnow),
    ]);
    let mut mesh = device("d1", "Mesh Wi-Fi", "dev.router", "Hall");
    mesh.lifecycle = Lifecycle {
        acquired: Acquired::New,
        purchased: date("2024-11-02"),
        support_end: date("2030-11-01"),
        updates_checked: date("2026-04-20"),
    };
    mesh.answers = answers(&[("q.default-password", Yes), ("q.auto-updates", Yes)]);
    let mut speaker = device("d2", "Kitchen speaker", "dev.speaker", "Kitchen");
    speaker.capabilities_added = vec!["cap.camera".into()];
    speaker.capabilities_removed = vec!["cap.purchases".into()];
    speaker.lifecycle.acquired = Acquired::SecondHand;
    speaker.answers = answers(&[
        ("q.reset-second-hand", No),
        ("q.purchase-pin", NotApplicable),
        ("q.auto-delete-history", Partly),
    ]);
    let mut doorbell = device("d4", "Doorbell", "dev.doorbell", "Front door");
    doorbell.lifecycle.purchased = date("2023-03-15");
    doorbell.lifecycle.support_end = date("2026-03-15");
    flat.devices = vec![mesh, speaker, doorbell];
    flat.planned = vec!["ctl.guest-network".into(), "ctl.reset-second-hand".into()];

    let mut training = Household::new("training", "Sample: the Okafor family");
    training.answers = answers(&[("q.wifi-strong", No)]);
    training.devices = vec![device("d1", "Thermostat", "dev.energy", "")];
    training.sample = true;

    State {
        app_version: "0.1.0".into(),
        saved_at: "2026-05-01T09:30:00.000Z".into(),
        revision: 14,
        active: Some("flat".into()),
        households: vec![flat, training],
        training: None,
    }
}

fn expected_v3() -> State {
    use Answer::*;
    let mut home = Household::new("home", "Our flat");
    home.answers = answers(&[
        ("q.two-step-login", Yes),
        ("q.past-access", No),
        ("q.review-app-access", Partly),
    ]);
    let mut camera = device("d1", "Hall camera", "dev.indoor-camera", "Hall");
    camera.lifecycle = Lifecycle {
        acquired: Acquired::New,
        purchased: date("2025-01-10"),
        support_end: date("2030-01-10"),
        updates_checked: date("2026-11-20"),
    };
    camera.answers = answers(&[("q.default-password", Yes), ("q.review-app-access", Yes)]);
    let mut lock = device("d2", "Front lock", "dev.lock", "Front door");
    lock.lifecycle.acquired = Acquired::SecondHand;
    lock.answers = answers(&[("q.reset-second-hand", Yes), ("q.review-app-access", No)]);
    home.devices = vec![camera, lock];
    home.planned = vec!["ctl.guest-network".into()];
    State {
        app_version: "0.2.0".into(),
        saved_at: "2026-12-03T10:30:00.000Z".into(),
        revision: 5,
        active: Some("home".into()),
        households: vec![home],
        training: None,
    }
}

fn expected_v4() -> State {
    let mut home = Household::new("home", "Our flat");
    home.answers = answers(&[("q.two-step-login", Answer::Yes)]);
    let mut camera = device("d1", "Hall camera", "dev.indoor-camera", "Hall");
    camera.answers = answers(&[("q.default-password", Answer::Yes)]);
    home.devices = vec![camera];
    let mut sample = Household::new("family", "The Okafor family (sample)");
    sample.sample = true;
    let training = CardSession {
        code: 4821,
        themes: vec!["privacy".into(), "network".into()],
        answers: vec![Some("ctl.guest-network".into()), None, None, None, None],
        participant: "Sam".into(),
    };
    State {
        app_version: "0.2.0".into(),
        saved_at: "2026-12-03T16:45:00.000Z".into(),
        revision: 9,
        active: Some("family".into()),
        households: vec![home, sample],
        training: Some(training),
    }
}

#[test]
fn v4_fixture_loads_to_its_content() {
    let state = decode(&fixture(4)).unwrap();
    assert_eq!(state, expected_v4());
    // The card session reads back typed; the sample home stays, kept apart.
    let session = state.training.as_ref().unwrap();
    assert_eq!(session.answers.iter().flatten().count(), 1);
    let own: Vec<&str> = store::own_households(&state)
        .map(|h| h.name.as_str())
        .collect();
    assert_eq!(own, ["Our flat"]);
}

/// Saved data from before version 4 with a sample home migrates as it was:
/// the sample stays, still marked, no session.
#[test]
fn v2_sample_home_stays_marked_after_migrating() {
    let state = decode(&fixture(2)).unwrap();
    assert_eq!(state.training, None);
    let samples: Vec<&str> = state
        .households
        .iter()
        .filter(|h| h.sample)
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(samples, ["training"]);
    assert_eq!(store::own_households(&state).count(), 1);
}

#[test]
fn v3_fixture_loads_to_its_content() {
    assert_eq!(decode(&fixture(3)).unwrap(), expected_v3());
}

/// The v2 -> v3 step on a file whose devices answered the questions now
/// asked once for the home: shared answers move to the home, the others
/// stay on their devices, and every risk scores as before.
#[test]
fn v2_answers_to_questions_now_asked_for_the_home_are_carried_over() {
    use Answer::*;
    use thingrisk::assess::{Date, Engine};
    let path = format!(
        "{}/tests/fixtures/store/v2-moved-questions.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let state = decode(&text).unwrap();
    let home = &state.households[0];
    assert_eq!(
        home.answers,
        answers(&[
            ("q.wifi-strong", Yes),
            ("q.past-access", No),
            ("q.linked-to-others", Yes),
        ])
    );
    assert_eq!(
        home.devices[0].answers,
        answers(&[("q.default-password", Yes), ("q.review-app-access", Yes)])
    );
    assert_eq!(
        home.devices[1].answers,
        answers(&[("q.review-app-access", No), ("q.cloud-only", DontKnow)])
    );
    // The same file read as it was written (no step run): the same scores.
    let raw: serde_json::Value = serde_json::from_str(&text).unwrap();
    let before: Household = serde_json::from_value(raw["households"][0].clone()).unwrap();
    let engine = Engine::new(thingrisk::catalog::embedded());
    let today = Date::new(2026, 12, 1).unwrap();
    let (a, b) = (
        engine.evaluate(&before, today),
        engine.evaluate(home, today),
    );
    assert_eq!(a.pairs.len(), b.pairs.len());
    for (x, y) in a.pairs.iter().zip(&b.pairs) {
        assert_eq!((x.scenario, x.residual), (y.scenario, y.residual));
    }
}

#[test]
fn v1_fixture_loads_to_its_content() {
    assert_eq!(decode(&fixture(1)).unwrap(), expected_v1());
}

#[test]
fn v2_fixture_loads_to_its_content() {
    assert_eq!(decode(&fixture(2)).unwrap(), expected_v2());
}

#[test]
fn every_version_has_a_fixture_that_loads_through_import_too() {
    for version in 1..=CURRENT_VERSION {
        let text = fixture(version);
        let state = decode_import(text.as_bytes()).unwrap_or_else(|e| panic!("v{version}: {e}"));
        assert!(!state.households.is_empty(), "v{version}");
        // Once loaded, it saves in the current format and reads back the same.
        assert_eq!(decode(&export_json(&state)).unwrap(), state, "v{version}");
        assert_eq!(decode(&store::encode(&state)).unwrap(), state, "v{version}");
    }
}

#[test]
fn migrated_file_is_marked_current_when_saved() {
    let state = decode(&fixture(1)).unwrap();
    let text = store::encode(&state);
    assert!(
        text.starts_with(r#"{"format":"thingrisk","version":4,"#),
        "{text}"
    );
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let monitor = &value["households"][0]["devices"][1];
    assert_eq!(monitor["lifecycle"]["acquired"], "second-hand");
    assert_eq!(monitor["lifecycle"]["support_end"], "2025-06-30");
    assert!(monitor.get("second_hand").is_none());
}

/// An id the catalog no longer has is kept through load and save, reported
/// once, and scoring goes on around it.
#[test]
fn retired_ids_are_kept_reported_and_scored_around() {
    let catalog = thingrisk::catalog::embedded();
    let state = decode(&fixture(1)).unwrap();
    let unknown = store::unknown_ids(&state, catalog);
    let hub_pin: Vec<_> = unknown
        .iter()
        .filter(|u| u.id == "q.prototype-hub-pin")
        .collect();
    assert_eq!(hub_pin.len(), 1, "{unknown:?}");
    assert_eq!(
        (hub_pin[0].household.as_str(), hub_pin[0].device.as_deref()),
        ("home", Some("d2"))
    );
    assert!(
        store::unknown_summary(&unknown)
            .unwrap()
            .contains("q.prototype-hub-pin")
    );
    assert!(store::encode(&state).contains(r#""q.prototype-hub-pin":"yes""#));

    let today = Date::new(2026, 5, 1).unwrap();
    let assessment = thingrisk::assess::evaluate(catalog, &state.households[0], today);
    assert!(
        assessment
            .unknown_ids
            .iter()
            .any(|u| u.id == "q.prototype-hub-pin")
    );
    assert!(
        !assessment.pairs.is_empty(),
        "the known devices are still scored"
    );
}
