//! Unit tests of each scoring rule on a small catalog built here, with
//! expectations computed by hand (the arithmetic is in the comments).

use serde_json::json;
use thingrisk::assess::*;
use thingrisk::catalog::{Axis, Catalog, Dimension};

fn level(v: u8, name: &str) -> serde_json::Value {
    json!({ "value": v, "name": name })
}

fn levels() -> serde_json::Value {
    json!([
        level(1, "Very low"),
        level(2, "Low"),
        level(3, "Moderate"),
        level(4, "High"),
        level(5, "Very high")
    ])
}

fn control(id: &str, title: &str, scope: &str, effort: u8) -> serde_json::Value {
    json!({ "id": id, "title": title, "summary": "s", "kind": "preventive", "stakeholder": "user",
            "when": "now", "scope": scope, "effort": effort })
}

fn question(
    id: &str,
    scope: &str,
    control: Option<&str>,
    condition: Option<&str>,
) -> serde_json::Value {
    json!({ "id": id, "text": "t", "why": "w", "scope": scope, "control": control, "condition": condition })
}

/// Three categories, three scenarios, seven controls, eight questions.
fn catalog() -> Catalog {
    let mut q_cover = question("q.cover", "device", Some("ctl.cover"), None);
    q_cover["applies_to"] = json!({ "categories": ["dev.camera"] });
    serde_json::from_value(json!({
        "version": "test",
        "scales": {
            "likelihood": levels(), "impact": levels(), "risk": levels(),
            "effort": [level(1, "Minutes"), level(2, "An hour"), level(3, "An afternoon")],
            "matrix": [[1,1,1,2,2],[1,2,2,2,3],[1,2,3,3,4],[1,2,3,4,5],[1,2,3,4,5]]
        },
        "frameworks": { "iso_27400": [], "etsi_en_303_645": [], "nist_ir_8425": [], "owasp_iot_2018": [], "uk_psti": [], "eu_cra": [], "en_18031": [] },
        "capabilities": [
            { "id": "cap.camera", "name": "Camera", "description": "d" },
            { "id": "cap.cloud", "name": "Cloud", "description": "d" },
            { "id": "cap.updatable", "name": "Updatable", "description": "d" }
        ],
        "device_categories": [
            { "id": "dev.camera", "name": "Camera", "icon": "c", "description": "d",
              "capabilities": ["cap.camera", "cap.cloud", "cap.updatable"] },
            { "id": "dev.router", "name": "Router", "icon": "r", "description": "d", "capabilities": ["cap.updatable"] },
            { "id": "dev.plug", "name": "Plug", "icon": "p", "description": "d", "capabilities": [] }
        ],
        "risk_sources": [],
        "conditions": [
            { "id": "cond.support-ended", "name": "Past its support period", "description": "d", "source": "support-ended" },
            { "id": "cond.support-soon", "name": "Support ends soon", "description": "d", "source": "support-ending-soon" },
            { "id": "cond.second-hand", "name": "Second-hand", "description": "d", "source": "second-hand" },
            { "id": "cond.unchecked", "name": "Updates unchecked", "description": "d", "source": "updates-unchecked" },
            { "id": "cond.private-room", "name": "Faces a private room", "description": "d" },
            { "id": "cond.exposed", "name": "Reachable from the internet", "description": "d" }
        ],
        "scenarios": [
            { "id": "scn.camera-peek", "title": "Someone watches the camera", "sources": [], "event": "e",
              "consequence": "c", "theme": "privacy", "likelihood": 3,
              "impact": { "information": 2, "privacy": 4, "safety": 1, "property": 1 },
              "applies_to": { "capabilities": ["cap.camera"] },
              "conditions": [
                  { "condition": "cond.private-room", "impact": 1, "dimension": "privacy" },
                  { "condition": "cond.support-ended", "likelihood": 1 }
              ],
              "treatments": [
                  { "control": "ctl.default-password", "axis": "likelihood", "strength": 0.6 },
                  { "control": "ctl.two-step", "axis": "likelihood", "strength": 0.5 },
                  { "control": "ctl.cover", "axis": "impact", "strength": 0.5 },
                  { "control": "ctl.vendor-encryption", "axis": "likelihood", "strength": 0.4 }
              ] },
            { "id": "scn.router-takeover", "title": "Someone takes over the router", "sources": [], "event": "e",
              "consequence": "c", "theme": "network", "likelihood": 4,
              "impact": { "information": 4, "privacy": 4, "safety": 2, "property": 3 },
              "applies_to": { "categories": ["dev.router"] },
              "conditions": [
                  { "condition": "cond.support-ended", "likelihood": 1 },
                  { "condition": "cond.exposed", "likelihood": 1 },
                  { "condition": "cond.support-soon", "likelihood": 0.5 },
                  { "condition": "cond.unchecked", "likelihood": 1 }
              ],
              "treatments": [
                  { "control": "ctl.default-password", "axis": "likelihood", "strength": 0.6 },
                  { "control": "ctl.auto-updates", "axis": "likelihood", "strength": 0.5 }
              ] },
            { "id": "scn.account-takeover", "title": "Someone takes over the app account", "sources": [], "event": "e",
              "consequence": "c", "theme": "accounts", "likelihood": 2,
              "impact": { "information": 3, "privacy": 3, "safety": 1, "property": 2 },
              "applies_to": { "capabilities": ["cap.cloud"] },
              "conditions": [ { "condition": "cond.second-hand", "likelihood": 1, "impact": 1 } ],
              "treatments": [
                  { "control": "ctl.two-step", "axis": "likelihood", "strength": 0.5 },
                  { "control": "ctl.unique-passwords", "axis": "likelihood", "strength": 0.4 },
                  { "control": "ctl.reset-second-hand", "axis": "likelihood", "strength": 0.5 }
              ] }
        ],
        "controls": [
            control("ctl.default-password", "Replace the default password", "device", 1),
            control("ctl.two-step", "Two-step login on the vendor account", "household", 1),
            control("ctl.cover", "Cover the lens", "device", 1),
            control("ctl.vendor-encryption", "Vendor encrypts data", "device", 1),
            control("ctl.auto-updates", "Turn on automatic updates", "device", 2),
            control("ctl.unique-passwords", "Unique passwords", "household", 3),
            control("ctl.reset-second-hand", "Reset second-hand devices", "device", 1)
        ],
        "questions": [
            question("q.default-password", "device", Some("ctl.default-password"), None),
            question("q.two-step", "household", Some("ctl.two-step"), None),
            q_cover,
            question("q.auto-updates", "device", Some("ctl.auto-updates"), None),
            question("q.unique-passwords", "household", Some("ctl.unique-passwords"), None),
            question("q.private-room", "device", None, Some("cond.private-room")),
            question("q.exposed", "household", None, Some("cond.exposed")),
            question("q.reset", "device", Some("ctl.reset-second-hand"), None)
        ]
    }))
    .expect("the test catalog parses")
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn today() -> Date {
    date("2026-03-01")
}

/// A device whose updates were just checked (so no derived condition holds).
fn device(id: &str, category: &str) -> Device {
    let mut d = Device::new(id, format!("My {id}"), category);
    d.lifecycle.updates_checked = Some(today());
    d
}

fn home(devices: Vec<Device>) -> Household {
    let mut h = Household::new("h1", "Test home");
    h.devices = devices;
    h
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-4
}

#[test]
fn derived_condition_raises_inherent_likelihood() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.lifecycle.support_end = Some(date("2025-01-01"));
    let a = evaluate(&cat, &home(vec![cam]), today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    // 3 + 1 (support ended) = 4; impact = privacy 4; matrix[4][4] = 4 (High).
    assert!(close(p.inherent.likelihood, 4.0));
    assert!(close(p.inherent.impact, 4.0));
    assert_eq!(
        (
            p.inherent.likelihood_level,
            p.inherent.impact_level,
            p.inherent.risk_level
        ),
        (4, 4, 4)
    );
    assert!(close(p.inherent.score, 16.0));
    assert_eq!(p.explanation[0], Step::BaseLikelihood { value: 3 });
    assert_eq!(
        p.explanation[2],
        Step::Condition {
            condition: "cond.support-ended",
            question: None,
            answer: None,
            weight: 1.0,
            likelihood: 1.0,
            impact: 0.0,
            dimension: None,
            paths: vec![],
        }
    );
    assert_eq!(
        p.explanation[3],
        Step::HighestImpact {
            dimension: Dimension::Privacy,
            value: 4.0
        }
    );
    assert_eq!(
        p.explanation[4],
        Step::Level {
            stage: Stage::Inherent,
            likelihood: 4,
            impact: 4,
            risk: 4
        }
    );
    let sentences: Vec<String> = p.explanation.iter().map(|s| s.sentence(&cat)).collect();
    assert_eq!(sentences[0], "Base likelihood: Moderate (3)");
    assert_eq!(
        sentences[1],
        "Base impact: information Low (2), privacy High (4), safety Very low (1), property Very low (1)"
    );
    assert_eq!(sentences[2], "Past its support period: +1 likelihood");
    assert_eq!(
        sentences[4],
        "Risk level before your controls: High (likelihood High × impact High)"
    );
}

#[test]
fn asked_conditions_weigh_partly_half_and_dont_know_full() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.private-room".into(), Answer::Partly);
    let a = evaluate(&cat, &home(vec![cam.clone()]), today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    // privacy 4 + 0.5 × 1 = 4.5, which rounds up to level 5; information stays 2.
    assert!(close(p.inherent.dimensions.privacy, 4.5));
    assert!(close(p.inherent.dimensions.information, 2.0));
    assert_eq!(p.inherent.impact_level, 5);
    assert!(p.open_questions.is_empty());
    assert_eq!(
        p.explanation[2].sentence(&cat),
        "Faces a private room (answered partly): +0.5 privacy impact"
    );

    cam.answers
        .insert("q.private-room".into(), Answer::DontKnow);
    let a = evaluate(&cat, &home(vec![cam.clone()]), today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    // Don't know holds in full: privacy 5, and it is an open question.
    assert!(close(p.inherent.dimensions.privacy, 5.0));
    assert_eq!(p.open_questions, vec!["q.private-room"]);
    assert_eq!(
        a.open_questions,
        vec![OpenQuestion {
            device: Some("cam".into()),
            question: "q.private-room"
        }]
    );
    assert_eq!(
        p.explanation[2].sentence(&cat),
        "Faces a private room (don't know, so assumed to hold): +1 privacy impact"
    );

    cam.answers.insert("q.private-room".into(), Answer::No);
    let a = evaluate(&cat, &home(vec![cam]), today());
    assert!(close(
        a.pair("cam", "scn.camera-peek")
            .unwrap()
            .inherent
            .dimensions
            .privacy,
        4.0
    ));
}

#[test]
fn values_are_clamped_to_the_scale_with_a_step() {
    let cat = catalog();
    let mut router = device("r", "dev.router");
    router.lifecycle.support_end = Some(date("2020-01-01"));
    let mut h = home(vec![router]);
    h.answers.insert("q.exposed".into(), Answer::Yes);
    let a = evaluate(&cat, &h, today());
    let p = a.pair("r", "scn.router-takeover").unwrap();
    // 4 + 1 (support ended) + 1 (exposed, household answer) = 6 → 5.
    assert!(close(p.inherent.likelihood, 5.0));
    assert!(p.explanation.contains(&Step::Clamped {
        axis: Axis::Likelihood,
        dimension: None,
        from: 6.0,
        to: 5.0
    }));
    let clamp = p
        .explanation
        .iter()
        .find(|s| matches!(s, Step::Clamped { .. }))
        .unwrap();
    assert_eq!(
        clamp.sentence(&cat),
        "Likelihood kept at the top of the scale: 6.00 → 5.00"
    );
}

#[test]
fn controls_combine_with_diminishing_returns() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.default-password".into(), Answer::Yes);
    cam.answers.insert("q.cover".into(), Answer::No);
    let mut h = home(vec![cam]);
    h.answers.insert("q.two-step".into(), Answer::Partly);
    let a = evaluate(&cat, &h, today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    // 1 − R = (1 − 0.6) × (1 − 0.5 × 0.5) = 0.4 × 0.75 = 0.3; 1 + (3 − 1) × 0.3 = 1.6.
    assert!(close(p.residual.likelihood, 1.6));
    assert!(close(p.residual.impact, 4.0));
    // Level 2 × level 4: matrix[2][4] = 2 (Low); score 1.6 × 4 = 6.4.
    assert_eq!(
        (
            p.residual.likelihood_level,
            p.residual.impact_level,
            p.residual.risk_level
        ),
        (2, 4, 2)
    );
    assert!(close(p.residual.score, 6.4));
    let controls: Vec<&Step> = p
        .explanation
        .iter()
        .filter(|s| matches!(s, Step::Control { .. }))
        .collect();
    // The vendor-only control has no question: it is not counted at all.
    assert_eq!(controls.len(), 3);
    assert_eq!(
        controls[0].sentence(&cat),
        "Replace the default password (yes): likelihood 3.00 → 1.80"
    );
    assert_eq!(
        controls[1].sentence(&cat),
        "Two-step login on the vendor account (partly): likelihood 1.80 → 1.60"
    );
    assert_eq!(
        controls[2].sentence(&cat),
        "Cover the lens (no): counted as not in place, impact stays 4.00"
    );
    assert_eq!(p.missing_controls, vec!["ctl.two-step", "ctl.cover"]);
    assert_eq!(
        p.explanation.last().unwrap().sentence(&cat),
        "Risk level with your controls: Low (likelihood Low × impact High)"
    );
}

#[test]
fn impact_controls_scale_every_dimension() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.cover".into(), Answer::Yes);
    let a = evaluate(&cat, &home(vec![cam]), today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    // Each dimension: 1 + (d − 1) × 0.5 → information 1.5, privacy 2.5, safety 1.
    assert!(close(p.residual.dimensions.information, 1.5));
    assert!(close(p.residual.dimensions.privacy, 2.5));
    assert!(close(p.residual.dimensions.safety, 1.0));
    assert!(close(p.residual.impact, 2.5));
    assert_eq!(p.residual.impact_level, 3); // 2.5 rounds half up
    assert!(close(p.residual.likelihood, 3.0));
}

#[test]
fn not_applicable_removes_the_treatment_and_dont_know_is_open() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers
        .insert("q.default-password".into(), Answer::NotApplicable);
    cam.answers.insert("q.cover".into(), Answer::DontKnow);
    let a = evaluate(&cat, &home(vec![cam]), today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    assert!(p.explanation.contains(&Step::NotApplicable {
        control: "ctl.default-password",
        question: "q.default-password"
    }));
    assert!(!p.missing_controls.contains(&"ctl.default-password"));
    assert!(
        !p.controls
            .iter()
            .any(|c| c.control == "ctl.default-password")
    );
    // Don't know: no effect, missing, and an open question.
    assert!(close(p.residual.impact, 4.0));
    assert!(p.missing_controls.contains(&"ctl.cover"));
    assert_eq!(p.open_questions, vec!["q.cover"]);
    // Unanswered two-step is missing too, but not open.
    assert!(p.missing_controls.contains(&"ctl.two-step"));
    assert!(close(p.residual.likelihood, 3.0));
}

#[test]
fn household_controls_reach_every_device_they_concern() {
    let cat = catalog();
    let mut h = home(vec![
        device("c1", "dev.camera"),
        device("c2", "dev.camera"),
        device("r", "dev.router"),
    ]);
    h.answers.insert("q.two-step".into(), Answer::Yes);
    let a = evaluate(&cat, &h, today());
    for cam in ["c1", "c2"] {
        // 1 + 2 × 0.5 = 2 for camera-peek; 1 + 1 × 0.5 = 1.5 for the account.
        assert!(close(
            a.pair(cam, "scn.camera-peek").unwrap().residual.likelihood,
            2.0
        ));
        assert!(close(
            a.pair(cam, "scn.account-takeover")
                .unwrap()
                .residual
                .likelihood,
            1.5
        ));
    }
    let r = a.pair("r", "scn.router-takeover").unwrap();
    assert!(close(r.residual.likelihood, r.inherent.likelihood));
    assert!(a.pair("r", "scn.account-takeover").is_none());
}

#[test]
fn capability_overrides_change_the_scenarios() {
    let cat = catalog();
    let mut blind = device("blind", "dev.camera");
    blind.capabilities_removed.push("cap.camera".into());
    let mut plug = device("plug", "dev.plug");
    plug.capabilities_added.push("cap.camera".into());
    let mut both = device("both", "dev.plug");
    both.capabilities_added.push("cap.camera".into());
    both.capabilities_removed.push("cap.camera".into());
    let a = evaluate(&cat, &home(vec![blind, plug, both]), today());
    assert!(a.pair("blind", "scn.camera-peek").is_none());
    assert!(a.pair("blind", "scn.account-takeover").is_some());
    assert!(a.pair("plug", "scn.camera-peek").is_some());
    assert!(
        a.pair("both", "scn.camera-peek").is_none(),
        "a removal wins over an addition"
    );
    // q.cover is narrowed to the camera category: not asked for the plug, so not counted.
    let p = a.pair("plug", "scn.camera-peek").unwrap();
    assert!(!p.missing_controls.contains(&"ctl.cover"));
    assert_eq!(a.devices[1].capabilities, vec!["cap.camera"]);
}

#[test]
fn questions_follow_the_scenarios_in_catalog_order() {
    let cat = catalog();
    let cam = device("cam", "dev.camera");
    let router = device("r", "dev.router");
    let h = home(vec![cam.clone(), router.clone()]);
    let ids = |qs: Vec<&thingrisk::catalog::Question>| {
        qs.iter().map(|q| q.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(device_questions(&cat, &h, &cam, today())),
        ["q.default-password", "q.cover", "q.private-room", "q.reset"]
    );
    assert_eq!(
        ids(device_questions(&cat, &h, &router, today())),
        ["q.default-password", "q.auto-updates"]
    );
    assert_eq!(
        ids(household_questions(&cat, &h)),
        ["q.two-step", "q.unique-passwords", "q.exposed"]
    );
    assert_eq!(
        ids(household_questions(&cat, &home(vec![router.clone()]))),
        ["q.exposed"]
    );
    assert_eq!(
        ids(household_questions(&cat, &home(vec![]))),
        ["q.two-step", "q.unique-passwords", "q.exposed"]
    );
    assert!(household_questions(&cat, &home(vec![device("p", "dev.plug")])).is_empty());

    let mut cam = cam;
    cam.answers.insert("q.cover".into(), Answer::DontKnow);
    cam.answers.insert("q.reset".into(), Answer::NotApplicable);
    cam.answers.insert("q.auto-updates".into(), Answer::Yes); // does not concern a camera
    let mut h = home(vec![cam, router]);
    h.answers.insert("q.exposed".into(), Answer::No);
    let a = evaluate(&cat, &h, today());
    assert_eq!(
        (a.devices[0].progress.answered, a.devices[0].progress.total),
        (2, 4)
    );
    assert!(close(a.devices[0].progress.share, 0.5));
    assert_eq!(
        (a.household_progress.answered, a.household_progress.total),
        (1, 3)
    );
    // 2 + 0 device answers and 1 household answer out of 4 + 2 + 3.
    assert_eq!((a.progress.answered, a.progress.total), (3, 9));
}

#[test]
fn lifecycle_conditions_and_reminders() {
    let cat = catalog();
    let mut router = device("r", "dev.router");
    router.lifecycle.support_end = Some(date("2026-08-30")); // 182 days after today: soon
    router.lifecycle.updates_checked = Some(date("2025-11-30")); // 91 days ago
    let mut cam = device("cam", "dev.camera");
    cam.lifecycle.acquired = Acquired::SecondHand;
    cam.lifecycle.updates_checked = None;
    let mut plug = device("plug", "dev.plug");
    plug.lifecycle.updates_checked = None; // not updatable: no reminder
    plug.lifecycle.support_end = Some(date("2026-01-01"));
    let a = evaluate(&cat, &home(vec![router, cam.clone(), plug]), today());
    // 4 + 0.5 (ending soon) + 1 (unchecked) = 5.5 → 5.
    let r = a.pair("r", "scn.router-takeover").unwrap();
    assert!(close(r.inherent.likelihood, 5.0));
    // Second-hand: 2 + 1 likelihood, every impact dimension + 1.
    let acct = a.pair("cam", "scn.account-takeover").unwrap();
    assert!(close(acct.inherent.likelihood, 3.0));
    assert!(close(acct.inherent.dimensions.safety, 2.0));
    let kinds: Vec<(&str, ReminderKind)> = a
        .reminders
        .iter()
        .map(|r| (r.device.as_str(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                "r",
                ReminderKind::SupportEndingSoon {
                    on: date("2026-08-30")
                }
            ),
            (
                "r",
                ReminderKind::UpdatesUnchecked {
                    last: Some(date("2025-11-30"))
                }
            ),
            ("cam", ReminderKind::UpdatesUnchecked { last: None }),
            ("cam", ReminderKind::NotReset),
            (
                "plug",
                ReminderKind::SupportEnded {
                    on: date("2026-01-01")
                }
            ),
        ]
    );
    assert!(a.reminders.iter().all(|r| !r.what_to_do.is_empty()));
    assert!(
        a.reminders[3]
            .sentence()
            .starts_with("My cam: it came second-hand")
    );

    cam.answers.insert("q.reset".into(), Answer::Yes);
    let a = evaluate(&cat, &home(vec![cam]), today());
    assert!(!a.reminders.iter().any(|r| r.kind == ReminderKind::NotReset));
    // The reset also treats the account scenario: 1 + 2 × 0.5 = 2.
    assert!(close(
        a.pair("cam", "scn.account-takeover")
            .unwrap()
            .residual
            .likelihood,
        2.0
    ));
}

#[test]
fn planned_controls_change_only_the_projected_picture() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.default-password".into(), Answer::No);
    let mut h = home(vec![cam]);
    h.planned = vec!["ctl.default-password".into()];
    let a = evaluate(&cat, &h, today());
    let p = a.pair("cam", "scn.camera-peek").unwrap();
    assert!(close(p.residual.likelihood, 3.0));
    // 1 + 2 × 0.4 = 1.8.
    assert!(close(p.projected.likelihood, 1.8));
    assert_eq!(p.projected.risk_level, 2); // level 2 × level 4
    let planned = p
        .explanation
        .iter()
        .find(|s| matches!(s, Step::Planned { .. }))
        .unwrap();
    assert_eq!(
        planned.sentence(&cat),
        "Replace the default password (planned): likelihood 3.00 → 1.80"
    );
    assert_eq!(
        p.explanation.last().unwrap(),
        &Step::Level {
            stage: Stage::Projected,
            likelihood: 2,
            impact: 4,
            risk: 2
        }
    );
    assert_eq!(a.planned, vec!["ctl.default-password"]);
    // The account scenario is not treated by it: projected equals residual.
    let acct = a.pair("cam", "scn.account-takeover").unwrap();
    assert_eq!(acct.projected, acct.residual);
    assert_eq!(a.counts.projected.iter().sum::<usize>(), a.pairs.len());
}

#[test]
fn plan_takes_steps_in_order_each_counted_after_the_ones_before() {
    let cat = catalog();
    let mut router = device("r", "dev.router");
    router
        .answers
        .insert("q.default-password".into(), Answer::No);
    let h = home(vec![router]);
    let plan = plan(&cat, &h, today());
    // Inherent 4 × 4 = 16. Password (0.6, effort 1, answered no): 1 + 3 × 0.4
    // = 2.2 → 8.8, drop 7.2: High → Low, and a known gap, so first.
    // Auto-updates (0.5, effort 2, unanswered) once the password is changed:
    // 1 + 3 × 0.4 × 0.5 = 1.6 → 6.4, drop 2.4, value 1.2.
    let ids: Vec<&str> = plan.iter().map(|e| e.control).collect();
    assert_eq!(ids, ["ctl.default-password", "ctl.auto-updates"]);
    assert!(close(plan[0].reduction, 7.2) && close(plan[0].value, 7.2));
    assert!(close(plan[1].reduction, 2.4) && close(plan[1].value, 1.2));
    assert_eq!((plan[0].rank, plan[1].rank), (1, 2));
    assert!(plan[0].answered && !plan[1].answered);
    let worst = plan[0].worst.expect("it lowers a level");
    assert_eq!((worst.from, worst.to), (4, 2));
    // The second step's "now" is the first step's result.
    assert!(close(plan[1].lowers[0].current_score, 8.8));
    let l = &plan[0].lowers[0];
    assert_eq!((&*l.device, l.scenario), ("r", "scn.router-takeover"));
    assert_eq!((l.current_level, l.projected_level), (4, 2));

    // In place (yes) or not applicable: not in the plan.
    let mut h2 = h.clone();
    h2.devices[0]
        .answers
        .insert("q.default-password".into(), Answer::Yes);
    h2.devices[0]
        .answers
        .insert("q.auto-updates".into(), Answer::NotApplicable);
    assert!(plan_of(&cat, &h2).is_empty());

    // Two known gaps equal in every figure are ranked by control id.
    let mut cat2 = cat.clone();
    cat2.scenarios[1].treatments[1].strength = 0.6;
    cat2.controls[4].effort = 1;
    let mut h3 = h.clone();
    h3.devices[0]
        .answers
        .insert("q.auto-updates".into(), Answer::No);
    let ids: Vec<&str> = plan_of(&cat2, &h3).iter().map(|e| e.control).collect();
    assert_eq!(ids, ["ctl.auto-updates", "ctl.default-password"]);
}

fn plan_of<'c>(cat: &'c Catalog, h: &Household) -> Vec<PlanEntry<'c>> {
    plan(cat, h, today())
}

#[test]
fn partly_in_place_controls_are_in_the_plan_with_their_remaining_effect() {
    let cat = catalog();
    let mut router = device("r", "dev.router");
    router
        .answers
        .insert("q.default-password".into(), Answer::Partly);
    router.answers.insert("q.auto-updates".into(), Answer::Yes);
    let plan = plan(&cat, &home(vec![router]), today());
    assert_eq!(plan.len(), 1);
    // Now: (1 − 0.3) × 0.5 = 0.35 → 1 + 3 × 0.35 = 2.05 → 8.2.
    // Yes: 0.4 × 0.5 = 0.2 → 1.6 → 6.4. Drop 1.8.
    assert!(close(plan[0].reduction, 1.8));
}

#[test]
fn unknown_ids_are_reported_never_panic() {
    let cat = catalog();
    let mut gone = device("g", "dev.gone");
    gone.answers
        .insert("q.default-password".into(), Answer::Yes);
    let mut cam = device("cam", "dev.camera");
    cam.capabilities_added.push("cap.gone".into());
    cam.answers.insert("q.gone".into(), Answer::Yes);
    let mut h = home(vec![gone, cam]);
    h.planned.push("ctl.gone".into());
    h.answers.insert("q.gone-too".into(), Answer::No);
    let a = evaluate(&cat, &h, today());
    let listed: Vec<(IdKind, &str, Option<&str>)> = a
        .unknown_ids
        .iter()
        .map(|u| (u.kind, u.id.as_str(), u.device.as_deref()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (IdKind::Category, "dev.gone", Some("g")),
            (IdKind::Capability, "cap.gone", Some("cam")),
            (IdKind::Question, "q.gone", Some("cam")),
            (IdKind::Question, "q.gone-too", None),
            (IdKind::Control, "ctl.gone", None),
        ]
    );
    assert!(!a.devices[0].scored);
    assert!(a.pairs.iter().all(|p| &*p.device == "cam"));
    assert!(a.planned.is_empty());
    let _ = plan(&cat, &h, today());
}

#[test]
fn heat_maps_counts_and_top_risks() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.default-password".into(), Answer::Yes);
    let router = device("r", "dev.router");
    let a = evaluate(&cat, &home(vec![cam, router]), today());
    assert_eq!(a.pairs.len(), 3);
    // Camera peek: inherent 3 × 4 (Moderate/High cell), residual 1.8 × 4 → level 2 × 4.
    let k = a
        .pairs
        .iter()
        .position(|p| p.scenario == "scn.camera-peek")
        .unwrap();
    assert_eq!(a.heat_map.inherent.cell(3, 4), &[k]);
    assert_eq!(a.heat_map.residual.cell(2, 4), &[k]);
    assert_eq!(a.heat_map.inherent.len(), 3);
    assert_eq!(a.device_heat_maps(0).residual.len(), 2);
    assert_eq!(a.device_heat_maps(9), HeatMaps::default(), "no such device");
    assert_eq!(a.devices[1].pairs.len(), 1);
    // Router 4 × 4 = 16 > camera peek 7.2 > account 2 × 3 = 6.
    let order: Vec<&str> = a.top_risks().iter().map(|&i| a.pairs[i].scenario).collect();
    assert_eq!(
        order,
        [
            "scn.router-takeover",
            "scn.camera-peek",
            "scn.account-takeover"
        ]
    );
    // Levels: router 4 (High), peek residual matrix[2][4] = 2, account matrix[2][3] = 2.
    assert_eq!(a.counts.residual, [0, 2, 0, 1, 0]);
    assert_eq!(&*a.top(1).next().unwrap().device, "r");
}

#[test]
fn the_first_answered_question_of_a_control_counts() {
    let mut cat = catalog();
    let mut extra: thingrisk::catalog::Question = serde_json::from_value(question(
        "q.two-step-here",
        "device",
        Some("ctl.two-step"),
        None,
    ))
    .unwrap();
    extra.applies_to.categories.push("dev.camera".into());
    cat.questions.push(extra);
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.two-step-here".into(), Answer::Yes);
    let mut h = home(vec![cam]);
    let a = evaluate(&cat, &h, today());
    // The household question is unanswered, the device one counts: 1 + 2 × 0.5.
    assert!(close(
        a.pair("cam", "scn.camera-peek")
            .unwrap()
            .residual
            .likelihood,
        2.0
    ));
    h.answers.insert("q.two-step".into(), Answer::No);
    let a = evaluate(&cat, &h, today());
    // Now the household question (first in catalog order) is answered: it counts.
    assert!(close(
        a.pair("cam", "scn.camera-peek")
            .unwrap()
            .residual
            .likelihood,
        3.0
    ));
}

#[test]
fn json_form_is_stable_and_rounded() {
    let cat = catalog();
    let mut cam = device("cam", "dev.camera");
    cam.answers.insert("q.default-password".into(), Answer::Yes);
    let a = evaluate(&cat, &home(vec![cam]), today());
    let v = serde_json::to_value(&a).unwrap();
    let p = &v["pairs"][0];
    assert_eq!(p["scenario"], "scn.camera-peek");
    assert_eq!(p["residual"]["likelihood"].as_f64().unwrap(), 1.8);
    assert_eq!(
        p["explanation"][0],
        json!({ "step": "base-likelihood", "value": 3 })
    );
    assert_eq!(v["today"], "2026-03-01");
}
