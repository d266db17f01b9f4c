//! The calibration suite: every case in tests/calibration must pass, and
//! CALIBRATION.md must be the report of this very run (regenerate it with
//! `cargo run --release --bin thingrisk -- calibrate tests/calibration > CALIBRATION.md`).

use thingrisk::assess::calibration::{self, Case, Kind};

fn cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/calibration");
    calibration::load_dir(std::path::Path::new(dir)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_suite_has_enough_incidents_and_well_kept_homes() {
    let cases = cases();
    let incidents = cases.iter().filter(|c| c.kind == Kind::Incident).count();
    let kept = cases.iter().filter(|c| c.kind == Kind::WellKept).count();
    assert!(incidents >= 25, "{incidents} incidents");
    assert!(kept >= 6, "{kept} well-kept homes");
    for c in &cases {
        assert!(!c.source.trim().is_empty(), "{}: a public source", c.id);
        assert!(!c.account.trim().is_empty(), "{}: an account", c.id);
    }
    // Setting expectations aside is for reviewed disagreements, not a way
    // to empty the suite: at most one in ten.
    let checked: usize = cases.iter().map(|c| c.expect.len()).sum();
    let aside: usize = cases.iter().map(|c| c.set_aside.len()).sum();
    assert!(
        aside * 10 <= checked + aside,
        "{aside} set aside of {}",
        checked + aside
    );
}

#[test]
fn every_case_passes_and_the_report_is_current() {
    let catalog = thingrisk::catalog::embedded();
    let results: Vec<_> = cases()
        .iter()
        .map(|c| calibration::run(catalog, c))
        .collect();
    let misses = calibration::misses(catalog, &results);
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
    let report = calibration::report(catalog, &results);
    let saved = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CALIBRATION.md"))
        .unwrap_or_default();
    assert!(
        saved == report,
        "CALIBRATION.md is out of date: run `cargo run --release --bin thingrisk -- calibrate tests/calibration > CALIBRATION.md`"
    );
}

#[test]
fn a_case_can_fail() {
    // The runner itself: an impossible expectation is reported as a miss.
    let catalog = thingrisk::catalog::embedded();
    let mut case = cases()
        .into_iter()
        .find(|c| c.kind == Kind::Incident)
        .expect("an incident");
    case.expect[0].at_least = "Very high".into();
    case.expect[0].prevented_by = "ctl.vendor-clear-information".into();
    let result = calibration::run(catalog, &case);
    assert!(!result.passed());
    let misses = calibration::misses(catalog, std::slice::from_ref(&result));
    assert!(
        misses.iter().any(|m| m.contains("expected in the top")),
        "{misses:?}"
    );
}
