//! Risk model v2 on the bundled catalog: paths, context, voided controls,
//! the matrix and the household's plan (rules in src/assess/rules.rs).

use thingrisk::assess::{Acquired, Answer, Date, Device, Engine, Household, Step};
use thingrisk::catalog::{self, Stakeholder};

fn today() -> Date {
    Date::new(2026, 6, 1).unwrap()
}

fn home(devices: Vec<Device>) -> Household {
    let mut h = Household::new("h", "Home");
    h.devices = devices;
    h
}

fn device(id: &str, category: &str, answers: &[(&str, Answer)]) -> Device {
    let mut d = Device::new(id, id, category);
    for (q, a) in answers {
        d.answers.insert((*q).into(), *a);
    }
    d
}

fn residual(h: &Household, device: &str, scenario: &str) -> (f32, u8) {
    let engine = Engine::new(catalog::embedded());
    let a = engine.evaluate(h, today());
    let p = a.pair(device, scenario).expect("the pair");
    (p.residual.likelihood, p.residual.risk_level)
}

#[test]
fn a_changed_password_does_not_close_a_known_flaw() {
    for category in ["dev.router", "dev.indoor-camera", "dev.tv"] {
        let open = home(vec![device(
            "d",
            category,
            &[("q.default-password", Answer::No)],
        )]);
        let changed = home(vec![device(
            "d",
            category,
            &[("q.default-password", Answer::Yes)],
        )]);
        assert_eq!(
            residual(&open, "d", "scn.unpatched-flaw"),
            residual(&changed, "d", "scn.unpatched-flaw"),
            "{category}"
        );
    }
    // It does close the factory-password way in.
    let open = home(vec![device(
        "d",
        "dev.router",
        &[("q.default-password", Answer::No)],
    )]);
    let changed = home(vec![device(
        "d",
        "dev.router",
        &[("q.default-password", Answer::Yes)],
    )]);
    assert!(
        residual(&changed, "d", "scn.default-password").0
            < residual(&open, "d", "scn.default-password").0
    );
}

#[test]
fn no_update_credit_once_support_has_ended() {
    let mut supported = device("d", "dev.indoor-camera", &[]);
    supported.lifecycle.support_end = Date::new(2028, 1, 1);
    let mut ended = supported.clone();
    ended.lifecycle.support_end = Date::new(2024, 1, 1);
    let with = |d: &Device, a: Answer| {
        let mut d = d.clone();
        d.answers.insert("q.auto-updates".into(), a);
        home(vec![d])
    };
    // Supported: turning updates on lowers the flaw's likelihood.
    assert!(
        residual(&with(&supported, Answer::Yes), "d", "scn.unpatched-flaw").0
            < residual(&with(&supported, Answer::No), "d", "scn.unpatched-flaw").0
    );
    // Ended: it cannot, and the flaw is at the top of the scale.
    let yes = residual(&with(&ended, Answer::Yes), "d", "scn.unpatched-flaw");
    assert_eq!(
        yes,
        residual(&with(&ended, Answer::No), "d", "scn.unpatched-flaw")
    );
    assert_eq!(yes.0, 5.0);
    // The explanation says why, in plain words.
    let cat = catalog::embedded();
    let engine = Engine::new(cat);
    let h = with(&ended, Answer::Yes);
    let a = engine.evaluate(&h, today());
    let p = a.pair("d", "scn.unpatched-flaw").unwrap();
    let voided = p
        .explanation
        .iter()
        .find(|s| {
            matches!(
                s,
                Step::Voided {
                    control: "ctl.auto-updates",
                    ..
                }
            )
        })
        .expect("a voided step");
    assert_eq!(
        voided.sentence(cat),
        "Turn on automatic updates: cannot help while \"Past its support period\" holds, not counted"
    );
    // And the plan does not offer it for that device.
    let plan = engine.plan(&a);
    assert!(
        plan.iter()
            .filter(|e| e.control == "ctl.auto-updates")
            .all(|e| e.lowers.iter().all(|l| l.scenario != "scn.unpatched-flaw"))
    );
}

#[test]
fn an_end_of_life_router_is_replaced_first() {
    let mut router = device(
        "r",
        "dev.router",
        &[
            ("q.default-password", Answer::Yes),
            ("q.auto-updates", Answer::No),
            ("q.replace-unsupported", Answer::No),
            ("q.internet-exposed", Answer::No),
        ],
    );
    router.lifecycle.support_end = Date::new(2021, 1, 1);
    let h = home(vec![router]);
    let engine = Engine::new(catalog::embedded());
    let a = engine.evaluate(&h, today());
    let plan = engine.plan(&a);
    assert_eq!(plan[0].control, "ctl.replace-unsupported", "{plan:#?}");
    let why = plan[0].why(catalog::embedded(), "the router").unwrap();
    assert!(why.starts_with("It brings the risk \""), "{why}");
    assert!(
        why.contains("on the router down from Very high to"),
        "{why}"
    );
}

#[test]
fn impact_follows_the_device_and_its_room() {
    let engine = Engine::new(catalog::embedded());
    let impact = |h: &Household, d: &str, s: &str| {
        let a = engine.evaluate(h, today());
        a.pair(d, s).unwrap().inherent.impact
    };
    let h = home(vec![
        device("lock", "dev.lock", &[]),
        device("plug", "dev.lights-plugs", &[]),
        device("router", "dev.router", &[]),
        device("tv", "dev.tv", &[]),
        device("garden", "dev.doorbell", &[]),
        device(
            "nursery",
            "dev.indoor-camera",
            &[("q.private-room", Answer::Yes)],
        ),
        device(
            "hall",
            "dev.indoor-camera",
            &[("q.private-room", Answer::No)],
        ),
    ]);
    assert!(
        impact(&h, "lock", "scn.account-takeover") > impact(&h, "plug", "scn.account-takeover")
    );
    assert!(
        impact(&h, "router", "scn.default-password") > impact(&h, "tv", "scn.default-password")
    );
    assert!(
        impact(&h, "nursery", "scn.camera-feed-exposed")
            > impact(&h, "hall", "scn.camera-feed-exposed")
    );
    assert!(
        impact(&h, "hall", "scn.camera-feed-exposed")
            > impact(&h, "garden", "scn.camera-feed-exposed")
    );
    // The reason is in the explanation.
    let a = engine.evaluate(&h, today());
    let p = a.pair("lock", "scn.account-takeover").unwrap();
    assert!(p.explanation.iter().any(|s| matches!(
        s,
        Step::Condition {
            condition: "cond.opens-home",
            ..
        }
    )));
}

#[test]
fn a_control_counts_only_against_the_paths_it_stops() {
    // A camera open to the internet with its factory password: the password
    // is the easiest way in, so two-step login on the account does not
    // lower the risk, and changing the password does.
    let base = [
        ("q.internet-exposed", Answer::Yes),
        ("q.default-password", Answer::No),
    ];
    let cam = |extra: &[(&str, Answer)]| {
        let mut answers = base.to_vec();
        answers.extend_from_slice(extra);
        device("c", "dev.indoor-camera", &answers)
    };
    let mut two_step = home(vec![cam(&[])]);
    two_step
        .answers
        .insert("q.two-step-login".into(), Answer::Yes);
    let open = home(vec![cam(&[])]);
    let changed = home(vec![cam(&[("q.default-password", Answer::Yes)])]);
    let s = "scn.camera-feed-exposed";
    assert_eq!(residual(&open, "c", s).0, 5.0);
    assert_eq!(residual(&two_step, "c", s), residual(&open, "c", s));
    assert!(residual(&changed, "c", s).1 < residual(&open, "c", s).1);
    // The explanation names the path.
    let cat = catalog::embedded();
    let engine = Engine::new(cat);
    let a = engine.evaluate(&open, today());
    let p = a.pair("c", s).unwrap();
    let top = p
        .explanation
        .iter()
        .find(|s| matches!(s, Step::MostLikelyPath { .. }))
        .unwrap();
    assert_eq!(
        top.sentence(cat),
        "The easiest way in before your controls is through the password it came with: likelihood 5.00"
    );
}

#[test]
fn a_near_certain_compromise_counts_above_its_impact() {
    // A TV with its factory password, open to the internet: a Moderate
    // harm made near-certain is High, not Moderate.
    let cat = catalog::embedded();
    let m = &cat.scales.matrix;
    assert_eq!(m[4][2], 4);
    let tv = device(
        "tv",
        "dev.tv",
        &[
            ("q.default-password", Answer::No),
            ("q.internet-exposed", Answer::Yes),
        ],
    );
    let engine = Engine::new(cat);
    let a = engine.evaluate(&home(vec![tv]), today());
    let p = a.pair("tv", "scn.default-password").unwrap();
    assert_eq!(p.residual.impact_level, 3);
    assert_eq!(p.residual.likelihood_level, 5);
    assert_eq!(p.residual.risk_level, 4, "{:?}", p.residual);
    // A second-hand device nobody reset is as likely to be someone else's.
    let mut cam = device(
        "c",
        "dev.indoor-camera",
        &[("q.reset-second-hand", Answer::No)],
    );
    cam.lifecycle.acquired = Acquired::SecondHand;
    let a = engine.evaluate(&home(vec![cam]), today());
    let p = a.pair("c", "scn.previous-owner-control").unwrap();
    assert!(p.residual.risk_level >= 4, "{:?}", p.residual);
}

#[test]
fn the_plan_holds_only_household_steps_and_says_who() {
    let cat = catalog::embedded();
    let engine = Engine::new(cat);
    let h: Household =
        serde_json::from_str(include_str!("fixtures/household-sample.json")).unwrap();
    let a = engine.evaluate(&h, today());
    let plan = engine.plan(&a);
    let asks = engine.vendor_asks(&a);
    assert!(!plan.is_empty() && !asks.is_empty());
    let who = |id: &str| {
        cat.controls
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .stakeholder
    };
    assert!(
        plan.iter()
            .all(|e| e.who == Stakeholder::User && who(e.control) == Stakeholder::User)
    );
    assert!(
        asks.iter()
            .all(|e| e.who != Stakeholder::User && who(e.control) == e.who)
    );
    let json = serde_json::to_value(&plan[0]).unwrap();
    assert_eq!(json["who"], "user");
    // Ranks run 1.. in order, and no step is listed twice.
    for (i, e) in plan.iter().enumerate() {
        assert_eq!(e.rank, i + 1);
        assert!(plan[..i].iter().all(|x| x.control != e.control));
    }
    // A step whose question was answered (a known gap) comes before one
    // that was never asked.
    let first_unanswered = plan.iter().position(|e| !e.answered).unwrap_or(plan.len());
    assert!(
        plan[first_unanswered..]
            .iter()
            .all(|e| !e.answered || e.when != plan[first_unanswered].when),
        "answered steps come first within a time"
    );
}

#[test]
fn replacing_counts_once_support_ends_not_before() {
    let with = |support_end: Option<Date>, replace: Answer| {
        let mut d = device("r", "dev.router", &[("q.replace-unsupported", replace)]);
        d.lifecycle.support_end = support_end;
        home(vec![d])
    };
    let s = "scn.unpatched-flaw";
    // Supported for years, or no date known: a plan to replace lowers nothing today.
    for end in [Date::new(2030, 1, 1), None] {
        assert_eq!(
            residual(&with(end, Answer::Yes), "r", s),
            residual(&with(end, Answer::No), "r", s),
            "{end:?}"
        );
    }
    // Ended, or ending within six months: replacing is what lowers it.
    for end in [Date::new(2024, 1, 1), Date::new(2026, 9, 1)] {
        assert!(
            residual(&with(end, Answer::Yes), "r", s).0
                < residual(&with(end, Answer::No), "r", s).0,
            "{end:?}"
        );
    }
}

#[test]
fn a_steps_effect_counts_only_level_changes_and_done_steps_leave_the_plan() {
    let catalog = catalog::embedded();
    let engine = Engine::new(catalog);
    let mut h = home(vec![
        device("r", "dev.router", &[]),
        device("c", "dev.indoor-camera", &[]),
        device("l", "dev.lock", &[]),
    ]);
    let a = engine.evaluate(&h, today());
    let plan = engine.plan(&a);
    for e in &plan {
        let changes = e.level_changes();
        let moved = e
            .lowers
            .iter()
            .filter(|l| l.projected_level < l.current_level)
            .count();
        assert_eq!(
            changes.iter().map(|c| c.count).sum::<usize>(),
            moved,
            "{}",
            e.control
        );
        assert!(changes.iter().all(|c| c.to < c.from));
        let text = e.effect(catalog);
        assert!(!text.contains("risks:") || moved > 1, "{text}");
        assert!(!text.contains("−") && !text.contains("score"), "{text}");
    }
    assert!(
        engine.done_steps(&a).is_empty(),
        "nothing answered, nothing done"
    );
    let first = plan[0].control;
    let devices: Vec<String> = h.devices.iter().map(|d| d.id.clone()).collect();
    let done = h
        .mark_done(catalog, first, &devices)
        .expect("a question asks about it");
    let after = engine.evaluate(&h, today());
    assert!(engine.done_steps(&after).contains(&first));
    assert!(engine.plan(&after).iter().all(|e| e.control != first));
    h.undo(&done);
    let back = engine.evaluate(&h, today());
    assert!(!engine.done_steps(&back).contains(&first));
    assert_eq!(engine.plan(&back)[0].control, first);
}
