//! Catalog v2 risks with no public incident to calibrate against: each is
//! rated as a security expert would judge it, and its household step brings
//! it down (the incident cases are in tests/calibration).

use thingrisk::assess::{Answer, Date, Device, Engine, Household};
use thingrisk::catalog;

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

fn level(home: &[(&str, Answer)], category: &str, device: &[(&str, Answer)], scenario: &str) -> u8 {
    let engine = Engine::new(catalog::embedded());
    let mut h = Household::new("h", "Home");
    for (q, a) in home {
        h.answers.insert((*q).into(), *a);
    }
    let mut d = Device::new("d", "Device", category);
    for (q, a) in device {
        d.answers.insert((*q).into(), *a);
    }
    h.devices.push(d);
    let a = engine.evaluate(&h, today());
    a.pair("d", scenario).expect("the pair").residual.risk_level
}

const LOW: u8 = 2;
const MODERATE: u8 = 3;
const HIGH: u8 = 4;

#[test]
fn an_abusive_account_owner_is_high_until_the_person_gets_help() {
    let s = "scn.account-owner-abuse";
    let cam = [("q.private-room", Answer::No)];
    // Nobody misuses the devices: the owner's rights alone are no risk.
    let calm = [("q.controlled-by-someone", Answer::No)];
    assert!(level(&calm, "dev.indoor-camera", &cam, s) <= LOW);
    // Someone who holds the accounts uses them to watch and control.
    let abused = [("q.controlled-by-someone", Answer::Yes)];
    assert!(level(&abused, "dev.indoor-camera", &cam, s) >= HIGH);
    assert!(level(&abused, "dev.lock", &[], s) >= HIGH);
    // Specialist help to take back control brings it down.
    let helped = [
        ("q.controlled-by-someone", Answer::Yes),
        ("q.tech-abuse-help", Answer::Yes),
    ];
    assert!(level(&helped, "dev.indoor-camera", &cam, s) <= LOW);
}

#[test]
fn recovery_abuse_is_low_for_most_homes_and_rises_with_someone_who_left() {
    let s = "scn.account-recovery-abused";
    let cam = [("q.private-room", Answer::No)];
    // A SIM swap or a tricked helpline is rare against an ordinary home.
    assert!(
        level(
            &[("q.past-access", Answer::No)],
            "dev.indoor-camera",
            &cam,
            s
        ) <= LOW
    );
    // Someone who left may still control an old recovery email or number.
    let left = [("q.past-access", Answer::Yes)];
    assert!(level(&left, "dev.indoor-camera", &cam, s) >= HIGH);
    let locked = [
        ("q.past-access", Answer::Yes),
        ("q.secure-recovery", Answer::Yes),
    ];
    assert!(level(&locked, "dev.indoor-camera", &cam, s) <= MODERATE);
    let both = [
        ("q.past-access", Answer::Yes),
        ("q.secure-recovery", Answer::Yes),
        ("q.after-someone-leaves", Answer::Yes),
    ];
    assert!(level(&both, "dev.indoor-camera", &cam, s) <= LOW);
}

#[test]
fn faces_kept_matter_where_visitors_and_the_street_are_seen() {
    let s = "scn.faces-kept";
    let quiet = [("q.guests-present", Answer::No)];
    let inward = [("q.sees-beyond-home", Answer::No)];
    assert!(level(&quiet, "dev.doorbell", &inward, s) <= LOW);
    let busy = [("q.guests-present", Answer::Yes)];
    let street = [("q.sees-beyond-home", Answer::Yes)];
    assert!(level(&busy, "dev.doorbell", &street, s) >= MODERATE);
    // Turning face recognition off (the privacy settings) brings it down.
    let off = [
        ("q.sees-beyond-home", Answer::Yes),
        ("q.privacy-settings", Answer::Yes),
        ("q.careful-placement", Answer::Yes),
    ];
    assert!(level(&busy, "dev.doorbell", &off, s) <= LOW);
}

#[test]
fn new_categories_face_their_own_risks_and_not_the_wrong_ones() {
    let engine = Engine::new(catalog::embedded());
    let scenarios = |cat: &str| -> Vec<String> {
        let d = Device::new("d", "d", cat);
        engine
            .device_scenarios(&d)
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    for (cat, own) in [
        ("dev.robot", "scn.robot-sees-home"),
        ("dev.energy-system", "scn.energy-takeover"),
        ("dev.energy-system", "scn.heating-misused"),
        ("dev.car", "scn.car-remote-access"),
        ("dev.car", "scn.data-sold"),
        ("dev.car", "scn.hidden-tracker"),
        ("dev.medical", "scn.care-device-fails"),
        ("dev.medical", "scn.network-switch-off"),
        ("dev.alarm", "scn.network-switch-off"),
        ("dev.nas-printer", "scn.files-wiped"),
        ("dev.tv", "scn.tv-viewing-tracked"),
    ] {
        assert!(scenarios(cat).iter().any(|s| s == own), "{cat} {own}");
    }
    for (cat, not) in [
        ("dev.energy-system", "scn.appliance-hazard"),
        ("dev.medical", "scn.safety-alert-missed"),
        ("dev.car", "scn.forgotten-device"),
        ("dev.energy", "scn.energy-takeover"),
    ] {
        assert!(!scenarios(cat).iter().any(|s| s == not), "{cat} {not}");
    }
}

#[test]
fn a_care_device_failing_is_a_very_high_harm() {
    let catalog = catalog::embedded();
    let s = catalog
        .scenarios
        .iter()
        .find(|s| s.id == "scn.care-device-fails")
        .unwrap();
    assert_eq!(s.impact.safety, 5);
    // A telecare unit someone relies on, calling out over a phone line that
    // is being switched off, with nothing checked: High or worse.
    let relied = [
        ("q.relied-on", Answer::Yes),
        ("q.calls-out-by-phone", Answer::Yes),
    ];
    assert!(level(&[], "dev.medical", &relied, "scn.network-switch-off") >= HIGH);
}
