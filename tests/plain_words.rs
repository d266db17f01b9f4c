//! Each risk's first explanation is plain words built from the engine's own
//! steps (src/assess/plain.rs): the level now, the easiest way in, what
//! raises it and what already lowers it.

use thingrisk::assess::{Answer, Date, Device, Engine, Household, plain};
use thingrisk::catalog;

fn today() -> Date {
    Date::new(2026, 6, 1).unwrap()
}

fn why(answers: &[(&str, Answer)]) -> String {
    why_of("scn.unpatched-flaw", answers)
}

fn why_of(scenario: &str, answers: &[(&str, Answer)]) -> String {
    let catalog = catalog::embedded();
    let engine = Engine::new(catalog);
    let mut h = Household::new("h", "Home");
    let mut d = Device::new("r", "Router", "dev.router");
    for (q, a) in answers {
        d.answers.insert((*q).into(), *a);
    }
    h.devices.push(d);
    let a = engine.evaluate(&h, today());
    let pair = a.pair("r", scenario).expect("the pair");
    plain::why(catalog, pair, &pair.explanation)
}

#[test]
fn an_open_door_says_nothing_lowers_it_and_names_what_raises_it() {
    let s = why(&[("q.auto-updates", Answer::No)]);
    assert!(s.contains(" now: a "), "{s}");
    assert!(
        s.contains("carries all of the home's internet traffic"),
        "{s}"
    );
    assert!(s.ends_with("Nothing you do yet lowers it."), "{s}");
    assert!(!s.contains("brings it down"), "{s}");
}

#[test]
fn a_control_in_place_is_named_as_what_lowers_it() {
    let s = why(&[("q.auto-updates", Answer::Yes)]);
    assert!(s.contains("turn on automatic updates"), "{s}");
    assert!(!s.contains("Nothing you do yet"), "{s}");
}

#[test]
fn the_sentence_has_no_engine_numbers() {
    for a in [Answer::Yes, Answer::No, Answer::DontKnow] {
        let s = why(&[("q.auto-updates", a)]);
        assert!(!s.chars().any(|c| c.is_ascii_digit()), "{s}");
        assert!(!s.contains("likelihood") && !s.contains("impact"), "{s}");
    }
}

#[test]
fn a_risk_with_ways_in_names_the_easiest_one() {
    let s = why_of(
        "scn.botnet-recruitment",
        &[
            ("q.default-password", Answer::No),
            ("q.auto-updates", Answer::Yes),
        ],
    );
    assert!(
        s.contains(", most easily through the password it came with,"),
        "{s}"
    );
    let s = why_of(
        "scn.botnet-recruitment",
        &[
            ("q.default-password", Answer::Yes),
            ("q.auto-updates", Answer::No),
        ],
    );
    assert!(
        s.contains(", most easily through a known flaw in its software,"),
        "{s}"
    );
}

/// Words a person without a security background should not meet in a
/// question itself: they belong in its "why we ask".
const JARGON: [&str; 12] = [
    "WPA",
    "UPnP",
    "firmware",
    "port forwarding",
    "IoT",
    "two-factor",
    "2FA",
    "MFA",
    "admin",
    "SSID",
    "VPN",
    "encrypt",
];

#[test]
fn no_question_uses_jargon_and_each_asks_one_thing() {
    let catalog = catalog::embedded();
    for q in &catalog.questions {
        let lower = q.text.to_lowercase();
        for word in JARGON {
            assert!(
                !lower.contains(&word.to_lowercase()),
                "{}: {word:?} in {:?}",
                q.id,
                q.text
            );
        }
        assert_eq!(q.text.matches('?').count(), 1, "{}: one question", q.id);
        assert!(q.text.ends_with('?'), "{}", q.id);
        assert!(
            q.text.split_whitespace().count() <= 20,
            "{}: {} words",
            q.id,
            q.text
        );
    }
}
