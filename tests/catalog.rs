//! Catalog validation: the bundled catalog passes every rule, and each rule
//! fires on a catalog broken in just that way.
//!
//! The rule tests break a small valid catalog built here in Rust, so they do
//! not depend on the content in catalog/*.toml; the tests at the end check
//! the bundled content itself.

use thingrisk::catalog::stats::stats;
use thingrisk::catalog::validate::validate;
use thingrisk::catalog::*;

// ---- a small valid catalog ----------------------------------------------

fn s(x: &str) -> String {
    x.to_string()
}

fn strings(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|x| s(x)).collect()
}

fn levels(names: &[&str]) -> Vec<Level> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| Level {
            value: i as u8 + 1,
            name: s(n),
            colour: String::new(),
        })
        .collect()
}

fn ids(list: &[String]) -> Vec<FrameworkId> {
    list.iter()
        .map(|id| FrameworkId {
            id: id.clone(),
            title: format!("Title of {id}"),
            not_for_capabilities: Vec::new(),
            stakeholders: Vec::new(),
        })
        .collect()
}

const NIST: [&str; 10] = [
    "asset-identification",
    "product-configuration",
    "data-protection",
    "interface-access-control",
    "software-update",
    "cybersecurity-state-awareness",
    "documentation",
    "information-and-query-reception",
    "information-dissemination",
    "product-education-and-awareness",
];

/// Two provisions per ETSI group 5.1..5.13, plus 6-1.
fn etsi_ids() -> Vec<String> {
    let mut v: Vec<String> = (1..=13)
        .flat_map(|g| [format!("5.{g}-1"), format!("5.{g}-2")])
        .collect();
    v.push(s("6-1"));
    v
}

fn owasp_ids() -> Vec<String> {
    (1..=10).map(|i| format!("I{i}")).collect()
}

/// The 22 EU CRA Annex I ids: I-1, I-2a..I-2m, II-1..II-8.
fn cra_ids() -> Vec<String> {
    let mut v = vec![s("I-1")];
    v.extend(('a'..='m').map(|x| format!("I-2{x}")));
    v.extend((1..=8).map(|i| format!("II-{i}")));
    v
}

const EN_18031: [&str; 14] = [
    "ACM", "AUM", "SUM", "SSM", "SCM", "RLM", "NMM", "TCM", "CCK", "GEC", "CRY", "LGM", "DLM",
    "UNM",
];

fn scales() -> Scales {
    let five = ["Very low", "Low", "Moderate", "High", "Very high"];
    let mut risk = levels(&five);
    for (l, c) in risk
        .iter_mut()
        .zip(["#fef0d9", "#fdcc8a", "#fc8d59", "#d7301f", "#7f0000"])
    {
        l.colour = s(c);
    }
    Scales {
        likelihood: levels(&five),
        impact: levels(&five),
        risk,
        effort: levels(&["Minutes", "An hour", "An afternoon"]),
        matrix: vec![
            vec![1, 1, 1, 2, 2],
            vec![1, 2, 2, 2, 3],
            vec![1, 2, 3, 3, 4],
            vec![1, 2, 3, 4, 5],
            vec![2, 3, 4, 5, 5],
        ],
    }
}

fn scenario(n: usize, matters: Vec<Matter>) -> Scenario {
    Scenario {
        id: format!("scn.case-{n}"),
        title: format!("Case {n}"),
        sources: strings(&["src.attacker"]),
        event: s("Something happens to the device."),
        consequence: s("The household loses something."),
        story: String::new(),
        theme: Theme::Privacy,
        matters,
        likelihood: 3,
        paths: Vec::new(),
        impact: Impact {
            information: 2,
            privacy: 4,
            safety: 1,
            property: 2,
        },
        // dev.camera by category, dev.speaker through its microphone.
        applies_to: AppliesTo {
            categories: strings(&["dev.camera"]),
            capabilities: strings(&["cap.microphone"]),
            except: vec![],
        },
        conditions: vec![],
        treatments: vec![Treatment {
            control: s("ctl.set-password"),
            axis: Axis::Likelihood,
            strength: 0.5,
            paths: Vec::new(),
        }],
        refs: References::default(),
    }
}

fn effect(condition: &str, likelihood: f32) -> ConditionEffect {
    ConditionEffect {
        condition: s(condition),
        likelihood,
        impact: 0.0,
        dimension: None,
        path: None,
    }
}

fn control(id: &str, stakeholder: Stakeholder, scope: Scope, steps: usize) -> Control {
    Control {
        id: s(id),
        title: format!("Do {id}"),
        summary: s("A short summary."),
        kind: ControlKind::Preventive,
        stakeholder,
        when: When::Now,
        scope,
        effort: 1,
        steps: (1..=steps).map(|i| format!("Step {i}.")).collect(),
        refs: References::default(),
    }
}

fn question(id: &str, scope: Scope, control: Option<&str>, condition: Option<&str>) -> Question {
    Question {
        id: s(id),
        text: s("Is this in place at home?"),
        why: s("Because it matters."),
        scope,
        control: control.map(s),
        condition: condition.map(s),
        applies_to: AppliesTo::default(),
        pick_devices: false,
    }
}

/// A catalog that passes every rule: 2 device categories, 6 scenarios, 4
/// controls (2 user, 1 developer, 1 provider), 5 conditions, 3 questions.
fn minimal() -> Catalog {
    use Matter::*;
    let mut scenarios = vec![
        scenario(1, vec![SafetyAndProperty, LifecycleAndPatching]),
        scenario(2, vec![UnmanagedDevices]),
        scenario(3, vec![Interoperability]),
        scenario(4, vec![ConstrainedDevices]),
        scenario(5, vec![UnforeseenUse]),
        scenario(6, vec![ChangingContext]),
    ];
    scenarios[0].conditions = vec![
        effect("cond.exposed", 1.0),
        effect("cond.second-hand", 1.0),
        effect("cond.support-ended", 2.0),
        effect("cond.support-ending-soon", 1.0),
        effect("cond.updates-unchecked", 0.5),
    ];
    scenarios[1].treatments.push(Treatment {
        control: s("ctl.guest-network"),
        axis: Axis::Impact,
        strength: 0.3,
        paths: Vec::new(),
    });
    scenarios[2].treatments.push(Treatment {
        control: s("ctl.vendor-patches"),
        axis: Axis::Likelihood,
        strength: 1.0,
        paths: Vec::new(),
    });
    scenarios[3].treatments.push(Treatment {
        control: s("ctl.provider-disclosure"),
        axis: Axis::Likelihood,
        strength: 0.2,
        paths: Vec::new(),
    });
    scenarios[0].refs = References {
        iso_27400: strings(&["7.1.2.15"]),
        ..Default::default()
    };

    // One control cites one provision of every ETSI group and every OWASP,
    // NIST, PSTI, EU CRA and EN 18031 id, so the coverage rule holds.
    let mut set_password = control("ctl.set-password", Stakeholder::User, Scope::Device, 3);
    set_password.refs = References {
        iso_27400: strings(&["5.3.4"]),
        etsi_en_303_645: etsi_ids()
            .into_iter()
            .filter(|id| !id.ends_with("-2"))
            .collect(),
        nist_ir_8425: strings(&NIST),
        owasp_iot_2018: owasp_ids(),
        uk_psti: strings(&["1", "2", "3"]),
        eu_cra: cra_ids(),
        en_18031: strings(&EN_18031),
    };

    Catalog {
        version: s("1.0.0"),
        scales: scales(),
        frameworks: Frameworks {
            iso_27400: ids(&strings(&[
                "5.3.4", "6.2.2.1", "6.2.2.5", "7.1.2.15", "7.2",
            ])),
            etsi_en_303_645: ids(&etsi_ids()),
            nist_ir_8425: ids(&strings(&NIST)),
            owasp_iot_2018: ids(&owasp_ids()),
            uk_psti: ids(&strings(&["1", "2", "3"])),
            eu_cra: ids(&cra_ids()),
            en_18031: ids(&strings(&EN_18031)),
        },
        capabilities: vec![
            Capability {
                id: s("cap.camera"),
                name: s("Camera"),
                description: s("Films."),
            },
            Capability {
                id: s("cap.microphone"),
                name: s("Microphone"),
                description: s("Listens."),
            },
        ],
        device_categories: vec![
            DeviceCategory {
                id: s("dev.camera"),
                name: s("Camera"),
                icon: s("camera"),
                description: s("A camera."),
                examples: vec![],
                capabilities: strings(&["cap.camera"]),
            },
            DeviceCategory {
                id: s("dev.speaker"),
                name: s("Smart speaker"),
                icon: s("speaker"),
                description: s("A speaker."),
                examples: vec![],
                capabilities: strings(&["cap.microphone"]),
            },
        ],
        risk_sources: vec![
            RiskSource {
                id: s("src.attacker"),
                name: s("Attacker"),
                description: s("Someone online."),
                kind: SourceKind::Adversarial,
                iso_27400: s("6.2.2.1"),
            },
            RiskSource {
                id: s("src.housemate"),
                name: s("Housemate"),
                description: s("Someone at home."),
                kind: SourceKind::Accidental,
                iso_27400: s("6.2.2.5"),
            },
        ],
        conditions: [
            ("cond.exposed", ConditionSource::Question),
            ("cond.second-hand", ConditionSource::SecondHand),
            ("cond.support-ended", ConditionSource::SupportEnded),
            (
                "cond.support-ending-soon",
                ConditionSource::SupportEndingSoon,
            ),
            ("cond.updates-unchecked", ConditionSource::UpdatesUnchecked),
            ("cond.support-current", ConditionSource::SupportCurrent),
            ("cond.bought-new", ConditionSource::BoughtNew),
        ]
        .into_iter()
        .map(|(id, source)| Condition {
            id: s(id),
            name: s(id),
            description: s("A fact."),
            source,
            applies_to: AppliesTo::default(),
            // It moves no scenario here: what it voids gives it a use.
            voids: if matches!(
                source,
                ConditionSource::SupportCurrent | ConditionSource::BoughtNew
            ) {
                strings(&["ctl.set-password"])
            } else {
                Vec::new()
            },
        })
        .collect(),
        scenarios,
        controls: vec![
            set_password,
            control("ctl.guest-network", Stakeholder::User, Scope::Household, 4),
            control(
                "ctl.vendor-patches",
                Stakeholder::Developer,
                Scope::Device,
                0,
            ),
            control(
                "ctl.provider-disclosure",
                Stakeholder::Provider,
                Scope::Household,
                0,
            ),
        ],
        questions: vec![
            question("q.password", Scope::Device, Some("ctl.set-password"), None),
            question(
                "q.guest-network",
                Scope::Household,
                Some("ctl.guest-network"),
                None,
            ),
            question("q.exposed", Scope::Device, None, Some("cond.exposed")),
        ],
    }
}

// ---- helpers ------------------------------------------------------------

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}\n")).collect()
}

/// The problems of the small catalog after one change.
fn broken(change: impl FnOnce(&mut Catalog)) -> Vec<Problem> {
    let mut c = minimal();
    change(&mut c);
    validate(&c)
}

/// Asserts a problem with this file and id whose message contains `needle`.
#[track_caller]
fn expect(problems: &[Problem], file: &str, id: Option<&str>, needle: &str) {
    let found = problems
        .iter()
        .any(|p| p.file == file && p.id.as_deref() == id && p.message.contains(needle));
    assert!(
        found,
        "expected `{file}: {id:?}: …{needle}…`, got:\n{}",
        list(problems)
    );
}

fn scn<'a>(c: &'a mut Catalog, id: &str) -> &'a mut Scenario {
    c.scenarios.iter_mut().find(|x| x.id == id).unwrap()
}
fn ctl<'a>(c: &'a mut Catalog, id: &str) -> &'a mut Control {
    c.controls.iter_mut().find(|x| x.id == id).unwrap()
}
fn qst<'a>(c: &'a mut Catalog, id: &str) -> &'a mut Question {
    c.questions.iter_mut().find(|x| x.id == id).unwrap()
}

const META: &str = "catalog/catalog.toml";
const SCALES: &str = "catalog/scales.toml";
const FRAMEWORKS: &str = "catalog/frameworks.toml";
const DEVICES: &str = "catalog/devices.toml";
const SOURCES: &str = "catalog/sources.toml";
const CONDITIONS: &str = "catalog/conditions.toml";
const SCENARIOS: &str = "catalog/scenarios.toml";
const CONTROLS: &str = "catalog/controls.toml";
const QUESTIONS: &str = "catalog/questions.toml";

// ---- the baseline -------------------------------------------------------

#[test]
fn the_small_catalog_is_valid() {
    let problems = validate(&minimal());
    assert!(
        problems.is_empty(),
        "the test catalog should be clean:\n{}",
        list(&problems)
    );
}

// ---- ids ----------------------------------------------------------------

#[test]
fn version_must_be_semver() {
    expect(
        &broken(|c| c.version = s("1.0")),
        META,
        Some("version"),
        "MAJOR.MINOR.PATCH",
    );
}

#[test]
fn duplicate_ids_are_reported() {
    let p = broken(|c| {
        let dup = c.controls[3].clone();
        c.controls.push(dup);
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.provider-disclosure"),
        "duplicate id",
    );
    let p = broken(|c| {
        let mut dup = c.scenarios[0].clone();
        dup.title = s("Another title");
        c.scenarios.push(dup);
    });
    expect(&p, SCENARIOS, Some("scn.case-1"), "duplicate id");
}

#[test]
fn ids_carry_their_kind_prefix() {
    let p = broken(|c| c.scenarios[5].id = s("scenario.case-6"));
    expect(&p, SCENARIOS, Some("scenario.case-6"), "\"scn.\"");
    let p = broken(|c| c.capabilities[0].id = s("dev.camera"));
    expect(
        &p,
        "catalog/capabilities.toml",
        Some("dev.camera"),
        "\"cap.\"",
    );
    let p = broken(|c| c.scenarios[5].id = s("scn.Case_6"));
    expect(&p, SCENARIOS, Some("scn.Case_6"), "lowercase words");
    let p = broken(|c| c.questions[0].id = s("q."));
    expect(&p, QUESTIONS, Some("q."), "lowercase words");
}

#[test]
fn a_device_icon_must_be_one_the_app_draws() {
    expect(
        &broken(|c| c.device_categories[1].icon = s("🔊")),
        DEVICES,
        Some("dev.speaker"),
        "icon \"🔊\" is not one of router, hub",
    );
}

#[test]
fn the_bundled_categories_name_drawable_icons() {
    let c = thingrisk::catalog::embedded();
    for d in &c.device_categories {
        assert!(
            thingrisk::catalog::icons::icon_path(&d.icon).is_some(),
            "{}: {:?}",
            d.id,
            d.icon
        );
    }
}

#[test]
fn blank_text_is_reported() {
    expect(
        &broken(|c| qst(c, "q.password").why = s("  ")),
        QUESTIONS,
        Some("q.password"),
        "why is empty",
    );
    expect(
        &broken(|c| c.device_categories[1].icon.clear()),
        DEVICES,
        Some("dev.speaker"),
        "icon is empty",
    );
    expect(
        &broken(|c| ctl(c, "ctl.set-password").steps[1].clear()),
        CONTROLS,
        Some("ctl.set-password"),
        "a step is empty",
    );
}

// ---- scales -------------------------------------------------------------

#[test]
fn level_lists_run_one_to_five_in_order() {
    expect(
        &broken(|c| c.scales.likelihood.swap(1, 2)),
        SCALES,
        Some("likelihood"),
        "in order",
    );
    expect(
        &broken(|c| {
            c.scales.impact.pop();
        }),
        SCALES,
        Some("impact"),
        "[1, 2, 3, 4, 5]",
    );
    let p = broken(|c| {
        c.scales.effort.push(Level {
            value: 4,
            name: s("A week"),
            colour: String::new(),
        })
    });
    expect(&p, SCALES, Some("effort"), "[1, 2, 3]");
    expect(
        &broken(|c| c.scales.risk[2].name.clear()),
        SCALES,
        Some("risk"),
        "level 3 has no name",
    );
    expect(
        &broken(|c| c.scales.risk[4].colour = s("red")),
        SCALES,
        Some("risk"),
        "level 5 colour",
    );
}

#[test]
fn matrix_values_stay_in_range() {
    let p = broken(|c| c.scales.matrix[4][4] = 6);
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "[likelihood 5][impact 5] = 6 is outside 1..5",
    );
    let p = broken(|c| c.scales.matrix[0][0] = 0);
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "[likelihood 1][impact 1] = 0 is outside",
    );
}

#[test]
fn matrix_is_five_by_five() {
    expect(
        &broken(|c| {
            c.scales.matrix.pop();
        }),
        SCALES,
        Some("matrix"),
        "must be 5 rows of 5",
    );
    expect(
        &broken(|c| {
            c.scales.matrix[2].pop();
        }),
        SCALES,
        Some("matrix"),
        "must be 5 rows of 5",
    );
}

#[test]
fn matrix_never_decreases() {
    // Row 3 is [1, 2, 3, 3, 4]; lowering [3][4] to 1 puts it below its left
    // neighbour (3) and below row 2's value in the same column (2).
    let p = broken(|c| c.scales.matrix[2][3] = 1);
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "[likelihood 3][impact 4] = 1 is lower than at impact 3",
    );
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "[likelihood 3][impact 4] = 1 is lower than at likelihood 2",
    );
    // Row 5 at impact 1 is 2; raising row 4's to 3 makes row 5 lower.
    let p = broken(|c| {
        c.scales.matrix[3][0] = 3;
    });
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "[likelihood 5][impact 1] = 2 is lower than at likelihood 4",
    );
}

#[test]
fn very_high_likelihood_must_count() {
    // The first model's matrix: the Very high row equal to the High row.
    let p = broken(|c| c.scales.matrix[4] = c.scales.matrix[3].clone());
    expect(
        &p,
        SCALES,
        Some("matrix"),
        "Very high likelihood row never rises",
    );
    // The bundled matrix lifts a near-certain compromise above its impact.
    let m = &thingrisk::catalog::embedded().scales.matrix;
    assert!(
        m[4][2] > 3,
        "Very high likelihood × Moderate impact is above Moderate"
    );
    for (l, row) in m.iter().enumerate().take(4) {
        for (i, &risk) in row.iter().enumerate() {
            assert!(
                usize::from(risk) <= i + 1,
                "below Very high, risk never exceeds impact ({l}, {i})"
            );
        }
    }
}

#[test]
fn scenario_paths_are_checked() {
    let mut c = thingrisk::catalog::embedded().clone();
    let s = c
        .scenarios
        .iter_mut()
        .find(|s| s.paths.len() >= 2)
        .expect("a scenario with paths");
    let id = s.id.clone();
    s.paths.push(s.paths[0].clone());
    s.conditions[0].path = Some("no-such-path".into());
    s.conditions[0].likelihood = 1.0;
    s.treatments[0].paths = vec!["nowhere".into()];
    let problems = validate(&c);
    expect(&problems, SCENARIOS, Some(&id), "is listed twice");
    expect(
        &problems,
        SCENARIOS,
        Some(&id),
        "names unknown path \"no-such-path\"",
    );
    expect(
        &problems,
        SCENARIOS,
        Some(&id),
        "names unknown path \"nowhere\"",
    );

    // The camera feed scenario of the bundled catalog after one change.
    let camera_feed = |change: &dyn Fn(&mut Scenario)| {
        let mut c = thingrisk::catalog::embedded().clone();
        change(scn(&mut c, "scn.camera-feed-exposed"));
        validate(&c)
    };
    // A path no household step stops is reported: a person could never lower it.
    let p = camera_feed(&|s| {
        s.treatments.retain(|t| {
            let user = !t.control.starts_with("ctl.vendor");
            let stops_account = t.paths.is_empty() || t.paths.iter().any(|p| p == "account");
            !(user && t.axis == Axis::Likelihood && stops_account)
        })
    });
    let id = Some("scn.camera-feed-exposed");
    expect(
        &p,
        SCENARIOS,
        id,
        "no control a person can carry out stops path \"account\"",
    );
    // Paths on an impact treatment make no sense: impact is shared.
    let p = camera_feed(&|s| {
        let t = s
            .treatments
            .iter_mut()
            .find(|t| t.axis == Axis::Impact)
            .unwrap();
        t.paths = vec!["account".into()];
    });
    expect(&p, SCENARIOS, id, "names paths but lowers impact");
}

#[test]
fn context_conditions_and_voids_are_checked() {
    let mut c = thingrisk::catalog::embedded().clone();
    let device = c
        .conditions
        .iter_mut()
        .find(|x| x.source == ConditionSource::Device)
        .unwrap();
    device.applies_to = AppliesTo::default();
    let device_id = device.id.clone();
    let asked = c
        .conditions
        .iter_mut()
        .find(|x| x.source == ConditionSource::Question)
        .unwrap();
    asked.voids = vec!["ctl.auto-updates".into()];
    asked.applies_to.categories = vec!["dev.router".into()];
    let asked_id = asked.id.clone();
    let ended = c
        .conditions
        .iter_mut()
        .find(|x| x.source == ConditionSource::SupportEnded)
        .unwrap();
    ended.voids.push("ctl.no-such-control".into());
    let ended_id = ended.id.clone();
    let problems = validate(&c);
    expect(
        &problems,
        CONDITIONS,
        Some(&device_id),
        "applies_to lists no category or capability",
    );
    expect(
        &problems,
        CONDITIONS,
        Some(&asked_id),
        "only a condition derived from device facts may void",
    );
    expect(
        &problems,
        CONDITIONS,
        Some(&asked_id),
        "applies_to is only for source",
    );
    expect(
        &problems,
        CONDITIONS,
        Some(&ended_id),
        "voids unknown control \"ctl.no-such-control\"",
    );
}

// ---- frameworks ---------------------------------------------------------

#[test]
fn unknown_framework_ids_are_reported() {
    let p = broken(|c| {
        ctl(c, "ctl.set-password")
            .refs
            .etsi_en_303_645
            .push(s("9.9-9"))
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.set-password"),
        "unknown etsi_en_303_645 id \"9.9-9\"",
    );
    let p = broken(|c| scn(c, "scn.case-2").refs.owasp_iot_2018.push(s("I11")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown owasp_iot_2018 id \"I11\"",
    );
    let p = broken(|c| scn(c, "scn.case-2").refs.nist_ir_8425.push(s("firewall")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown nist_ir_8425 id \"firewall\"",
    );
    let p = broken(|c| scn(c, "scn.case-2").refs.uk_psti.push(s("4")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown uk_psti id \"4\"",
    );
    let p = broken(|c| scn(c, "scn.case-2").refs.iso_27400.push(s("7.1.2.99")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown iso_27400 id \"7.1.2.99\"",
    );
}

#[test]
fn risk_sources_cite_a_known_clause_six_id() {
    let p = broken(|c| c.risk_sources[0].iso_27400 = s("6.9"));
    expect(
        &p,
        SOURCES,
        Some("src.attacker"),
        "unknown iso_27400 id \"6.9\"",
    );
    let p = broken(|c| c.risk_sources[1].iso_27400 = s("7.1.2.15"));
    expect(
        &p,
        SOURCES,
        Some("src.housemate"),
        "not a clause 6 risk source",
    );
}

#[test]
fn known_framework_lists_are_sound() {
    let p = broken(|c| {
        let dup = c.frameworks.owasp_iot_2018[3].clone();
        c.frameworks.owasp_iot_2018.push(dup);
    });
    expect(&p, FRAMEWORKS, Some("I4"), "duplicate owasp_iot_2018 id");
    expect(
        &broken(|c| c.frameworks.uk_psti[1].title.clear()),
        FRAMEWORKS,
        Some("2"),
        "has no title",
    );
    expect(
        &broken(|c| c.frameworks.iso_27400.clear()),
        FRAMEWORKS,
        Some("iso_27400"),
        "lists no ids",
    );
}

// ---- coverage -----------------------------------------------------------

/// Drops `id` from the one control that cites it: the framework unit it
/// covered is reported as missing.
fn expect_uncovered(field: fn(&mut References) -> &mut Vec<String>, id: &str, unit: &str) {
    let p = broken(|c| field(&mut ctl(c, "ctl.set-password").refs).retain(|x| x != id));
    expect(
        &p,
        FRAMEWORKS,
        Some(unit),
        "no scenario or control references it",
    );
}

#[test]
fn uncovered_framework_units_are_reported() {
    expect_uncovered(|r| &mut r.owasp_iot_2018, "I7", "owasp_iot_2018/I7");
    expect_uncovered(|r| &mut r.etsi_en_303_645, "5.10-1", "etsi_en_303_645/5.10");
    expect_uncovered(
        |r| &mut r.nist_ir_8425,
        "documentation",
        "nist_ir_8425/documentation",
    );
    expect_uncovered(|r| &mut r.uk_psti, "2", "uk_psti/2");
}

#[test]
fn coverage_counts_any_provision_of_a_group() {
    // 5.10-1 gone but 5.10-2 cited instead: group 5.10 is still covered.
    let p = broken(|c| {
        let refs = &mut ctl(c, "ctl.set-password").refs.etsi_en_303_645;
        refs.retain(|x| x != "5.10-1");
        scn(c, "scn.case-3").refs.etsi_en_303_645.push(s("5.10-2"));
    });
    assert!(p.is_empty(), "{}", list(&p));
}

#[test]
fn frameworks_must_list_every_required_unit() {
    let p = broken(|c| {
        c.frameworks.uk_psti.pop();
        ctl(c, "ctl.set-password").refs.uk_psti.pop();
    });
    expect(
        &p,
        FRAMEWORKS,
        Some("uk_psti"),
        "lists 2 ids; the framework has 3",
    );
    let p = broken(|c| {
        c.frameworks
            .etsi_en_303_645
            .retain(|x| !x.id.starts_with("5.13-"));
        ctl(c, "ctl.set-password")
            .refs
            .etsi_en_303_645
            .retain(|x| x != "5.13-1");
    });
    expect(
        &p,
        FRAMEWORKS,
        Some("etsi_en_303_645"),
        "lists 13 provision groups; the framework has 14",
    );
}

#[test]
fn eu_cra_and_en_18031_are_required_in_full() {
    expect_uncovered(|r| &mut r.eu_cra, "I-2m", "eu_cra/I-2m");
    expect_uncovered(|r| &mut r.en_18031, "DLM", "en_18031/DLM");
    let p = broken(|c| {
        c.frameworks.eu_cra.retain(|x| x.id != "II-8");
        ctl(c, "ctl.set-password")
            .refs
            .eu_cra
            .retain(|x| x != "II-8");
    });
    expect(
        &p,
        FRAMEWORKS,
        Some("eu_cra"),
        "lists 21 ids; the framework has 22",
    );
    let p = broken(|c| {
        c.frameworks.en_18031.clear();
        ctl(c, "ctl.set-password").refs.en_18031.clear();
    });
    expect(&p, FRAMEWORKS, Some("en_18031"), "lists no ids");
    let p = broken(|c| scn(c, "scn.case-2").refs.en_18031.push(s("XYZ")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown en_18031 id \"XYZ\"",
    );
}

// ---- framework scope ----------------------------------------------------

/// Marks one known framework id as not for devices with these capabilities.
fn not_for(c: &mut Catalog, etsi_id: &str, caps: &[&str]) {
    let f = c
        .frameworks
        .etsi_en_303_645
        .iter_mut()
        .find(|x| x.id == etsi_id)
        .unwrap();
    f.not_for_capabilities = strings(caps);
}

/// Sets whom one known ISO/IEC 27400 id addresses.
fn addresses(c: &mut Catalog, iso_id: &str, who: &[Stakeholder]) {
    let f = c
        .frameworks
        .iso_27400
        .iter_mut()
        .find(|x| x.id == iso_id)
        .unwrap();
    f.stakeholders = who.to_vec();
}

#[test]
fn not_for_capabilities_names_known_capabilities() {
    let p = broken(|c| not_for(c, "5.3-2", &["cap.laser"]));
    expect(
        &p,
        FRAMEWORKS,
        Some("5.3-2"),
        "not_for_capabilities names unknown capability \"cap.laser\"",
    );
    assert!(
        broken(|c| not_for(c, "5.3-2", &["cap.camera"])).is_empty(),
        "a known capability on an uncited id is fine"
    );
}

#[test]
fn a_scenario_may_not_cite_a_provision_not_for_its_devices() {
    // Every scenario names cap.microphone; 5.3-2 is not for it.
    let p = broken(|c| {
        not_for(c, "5.3-2", &["cap.microphone"]);
        scn(c, "scn.case-2").refs.etsi_en_303_645.push(s("5.3-2"));
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "etsi_en_303_645 \"5.3-2\" is not for devices with \"cap.microphone\"",
    );
    // A capability the scenario does not name does not matter.
    let p = broken(|c| {
        not_for(c, "5.3-2", &["cap.camera"]);
        scn(c, "scn.case-2").refs.etsi_en_303_645.push(s("5.3-2"));
    });
    assert!(p.is_empty(), "{}", list(&p));
}

#[test]
fn a_control_may_not_cite_a_provision_not_for_all_its_scenarios() {
    // ctl.set-password treats every scenario, and each names cap.microphone.
    let p = broken(|c| not_for(c, "5.3-1", &["cap.microphone"]));
    expect(
        &p,
        CONTROLS,
        Some("ctl.set-password"),
        "etsi_en_303_645 \"5.3-1\" is not for devices with \"cap.microphone\"",
    );
    // ctl.guest-network treats case-2 and case-3; while one of them does not
    // name cap.camera, a provision not for cameras may fit the control.
    let guest = |c: &mut Catalog| {
        not_for(c, "5.3-2", &["cap.camera"]);
        ctl(c, "ctl.guest-network")
            .refs
            .etsi_en_303_645
            .push(s("5.3-2"));
        scn(c, "scn.case-2")
            .applies_to
            .capabilities
            .push(s("cap.camera"));
        scn(c, "scn.case-3").treatments.push(Treatment {
            control: s("ctl.guest-network"),
            axis: Axis::Impact,
            strength: 0.3,
            paths: Vec::new(),
        });
    };
    let p = broken(guest);
    assert!(p.is_empty(), "{}", list(&p));
    let p = broken(|c| {
        guest(c);
        scn(c, "scn.case-3")
            .applies_to
            .capabilities
            .push(s("cap.camera"));
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.guest-network"),
        "etsi_en_303_645 \"5.3-2\" is not for devices with \"cap.camera\", which every scenario it treats names",
    );
}

#[test]
fn a_control_cites_a_clause_that_addresses_its_stakeholder() {
    let vendor = [Stakeholder::Developer, Stakeholder::Provider];
    // A user control citing only a developer/provider clause.
    let p = broken(|c| {
        addresses(c, "7.1.2.15", &vendor);
        ctl(c, "ctl.guest-network").refs.iso_27400 = strings(&["7.1.2.15"]);
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.guest-network"),
        "cites only iso_27400 ids for other stakeholders (7.1.2.15); cite one that addresses the user too",
    );
    // The user clause beside it, or a clause for anyone, is enough.
    for also in ["5.3.4", "7.2"] {
        let p = broken(|c| {
            addresses(c, "7.1.2.15", &vendor);
            addresses(c, "5.3.4", &[Stakeholder::User]);
            ctl(c, "ctl.guest-network").refs.iso_27400 = strings(&["7.1.2.15", also]);
        });
        assert!(p.is_empty(), "{also}: {}", list(&p));
    }
    // A developer control citing only the user clause.
    let p = broken(|c| {
        addresses(c, "5.3.4", &[Stakeholder::User]);
        ctl(c, "ctl.vendor-patches").refs.iso_27400 = strings(&["5.3.4"]);
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.vendor-patches"),
        "addresses the developer too",
    );
    // The small catalog's user control cites 5.3.4: fine once it is marked.
    let p = broken(|c| addresses(c, "5.3.4", &[Stakeholder::User]));
    assert!(p.is_empty(), "{}", list(&p));
}

// ---- devices ------------------------------------------------------------

#[test]
fn device_capabilities_resolve() {
    let p = broken(|c| c.device_categories[0].capabilities.push(s("cap.laser")));
    expect(
        &p,
        DEVICES,
        Some("dev.camera"),
        "unknown capability \"cap.laser\"",
    );
}

#[test]
fn every_device_category_has_six_scenarios() {
    // A plug with no capabilities matches no scenario.
    let p = broken(|c| {
        let mut plug = c.device_categories[0].clone();
        plug.id = s("dev.plug");
        plug.capabilities.clear();
        c.device_categories.push(plug);
    });
    expect(
        &p,
        DEVICES,
        Some("dev.plug"),
        "only 0 scenarios apply; at least 6",
    );
    // The speaker matches by microphone; take that from one scenario: 5 left.
    let p = broken(|c| scn(c, "scn.case-4").applies_to.capabilities.clear());
    expect(&p, DEVICES, Some("dev.speaker"), "only 5 scenarios apply");
}

// ---- scenarios ----------------------------------------------------------

#[test]
fn scenario_sources_resolve() {
    expect(
        &broken(|c| scn(c, "scn.case-2").sources.clear()),
        SCENARIOS,
        Some("scn.case-2"),
        "names no risk source",
    );
    let p = broken(|c| scn(c, "scn.case-2").sources.push(s("src.ghost")));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown risk source \"src.ghost\"",
    );
}

#[test]
fn scenario_applies_to_resolves() {
    let p = broken(|c| {
        scn(c, "scn.case-5")
            .applies_to
            .categories
            .push(s("dev.toaster"))
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-5"),
        "unknown device category \"dev.toaster\"",
    );
    let p = broken(|c| {
        scn(c, "scn.case-5")
            .applies_to
            .capabilities
            .push(s("cap.laser"))
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-5"),
        "unknown capability \"cap.laser\"",
    );
}

#[test]
fn every_scenario_applies_to_a_device_category() {
    let p = broken(|c| scn(c, "scn.case-5").applies_to = AppliesTo::default());
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-5"),
        "applies to no device category",
    );
    // A capability no category has by default reaches no device either.
    let p = broken(|c| {
        c.capabilities.push(Capability {
            id: s("cap.gps"),
            name: s("GPS"),
            description: s("Locates."),
        });
        scn(c, "scn.case-5").applies_to = AppliesTo {
            categories: vec![],
            capabilities: strings(&["cap.gps"]),
            except: vec![],
        };
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-5"),
        "applies to no device category",
    );
}

#[test]
fn applies_to_except_names_known_categories_it_does_not_list() {
    let p = broken(|c| {
        scn(c, "scn.case-4").applies_to.except = strings(&["dev.fridge"]);
        qst(c, "q.password").applies_to.except = strings(&["dev.fridge"]);
    });
    let needle = "applies_to.except names unknown device category \"dev.fridge\"";
    expect(&p, SCENARIOS, Some("scn.case-4"), needle);
    expect(&p, QUESTIONS, Some("q.password"), needle);
    let p = broken(|c| scn(c, "scn.case-4").applies_to.except = strings(&["dev.camera"]));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-4"),
        "both lists and excepts device category \"dev.camera\"",
    );
    // Excepting every category it reaches leaves it applying to none.
    let p = broken(|c| {
        scn(c, "scn.case-4").applies_to.except = strings(&["dev.speaker"]);
        scn(c, "scn.case-4").applies_to.categories = vec![];
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-4"),
        "applies to no device category",
    );
    // A known category that is only excepted is fine.
    assert!(
        broken(|c| scn(c, "scn.case-4").applies_to.except = strings(&["dev.speaker"]))
            .iter()
            .all(|p| !p.message.contains("except")),
    );
}

#[test]
fn scenario_scales_in_range() {
    let p = broken(|c| scn(c, "scn.case-3").likelihood = 6);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-3"),
        "likelihood 6 is outside 1..5",
    );
    let p = broken(|c| scn(c, "scn.case-3").impact.safety = 0);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-3"),
        "safety impact 0 is outside 1..5",
    );
}

#[test]
fn scenario_conditions_resolve_and_move() {
    let p = broken(|c| {
        scn(c, "scn.case-2")
            .conditions
            .push(effect("cond.haunted", 1.0))
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-2"),
        "unknown condition \"cond.haunted\"",
    );
    let p = broken(|c| {
        scn(c, "scn.case-1")
            .conditions
            .push(effect("cond.exposed", 1.0))
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-1"),
        "condition \"cond.exposed\" is listed twice",
    );
    let p = broken(|c| scn(c, "scn.case-1").conditions[0].likelihood = 5.0);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-1"),
        "likelihood step 5 is outside",
    );
    let p = broken(|c| scn(c, "scn.case-1").conditions[0].impact = f32::NAN);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-1"),
        "impact step NaN is outside",
    );
    let p = broken(|c| scn(c, "scn.case-1").conditions[0].likelihood = 0.0);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-1"),
        "moves neither likelihood nor impact",
    );
    let p = broken(|c| scn(c, "scn.case-1").conditions[1].dimension = Some(Dimension::Safety));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-1"),
        "names a dimension but no impact step",
    );
}

#[test]
fn every_scenario_is_treated() {
    let p = broken(|c| scn(c, "scn.case-6").treatments.clear());
    expect(&p, SCENARIOS, Some("scn.case-6"), "no control treats it");
}

#[test]
fn treatments_resolve() {
    let p = broken(|c| scn(c, "scn.case-6").treatments[0].control = s("ctl.wishful-thinking"));
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-6"),
        "unknown control \"ctl.wishful-thinking\"",
    );
    let p = broken(|c| {
        let t = scn(c, "scn.case-6").treatments[0].clone();
        scn(c, "scn.case-6").treatments.push(t);
    });
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-6"),
        "control \"ctl.set-password\" is listed twice",
    );
    let p = broken(|c| scn(c, "scn.case-6").treatments[0].strength = 0.0);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-6"),
        "strength 0 is outside (0, 1]",
    );
    let p = broken(|c| scn(c, "scn.case-6").treatments[0].strength = 1.5);
    expect(
        &p,
        SCENARIOS,
        Some("scn.case-6"),
        "strength 1.5 is outside (0, 1]",
    );
}

// ---- controls -----------------------------------------------------------

#[test]
fn every_control_treats_a_scenario() {
    let p = broken(|c| {
        c.controls.push(control(
            "ctl.orphan",
            Stakeholder::Developer,
            Scope::Device,
            0,
        ))
    });
    expect(&p, CONTROLS, Some("ctl.orphan"), "treats no scenario");
    // Taking away its only treatment orphans ctl.vendor-patches.
    let p = broken(|c| {
        scn(c, "scn.case-3")
            .treatments
            .retain(|t| t.control != "ctl.vendor-patches")
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.vendor-patches"),
        "treats no scenario",
    );
}

#[test]
fn effort_in_range() {
    let p = broken(|c| ctl(c, "ctl.guest-network").effort = 4);
    expect(
        &p,
        CONTROLS,
        Some("ctl.guest-network"),
        "effort 4 is outside 1..3",
    );
    let p = broken(|c| ctl(c, "ctl.guest-network").effort = 0);
    expect(
        &p,
        CONTROLS,
        Some("ctl.guest-network"),
        "effort 0 is outside 1..3",
    );
}

#[test]
fn user_controls_have_three_steps() {
    let p = broken(|c| {
        ctl(c, "ctl.set-password").steps.pop();
    });
    expect(
        &p,
        CONTROLS,
        Some("ctl.set-password"),
        "at least 3 how-to steps, has 2",
    );
    // Vendor controls need none (the minimal catalog's have none and pass).
}

// ---- questions ----------------------------------------------------------

#[test]
fn a_question_sets_exactly_one_thing() {
    let p = broken(|c| qst(c, "q.password").condition = Some(s("cond.exposed")));
    expect(
        &p,
        QUESTIONS,
        Some("q.password"),
        "sets both a control and a condition",
    );
    let p = broken(|c| qst(c, "q.exposed").condition = None);
    expect(
        &p,
        QUESTIONS,
        Some("q.exposed"),
        "sets neither a control nor a condition",
    );
}

#[test]
fn question_targets_resolve() {
    let p = broken(|c| qst(c, "q.password").control = Some(s("ctl.missing")));
    expect(
        &p,
        QUESTIONS,
        Some("q.password"),
        "unknown control \"ctl.missing\"",
    );
    let p = broken(|c| qst(c, "q.exposed").condition = Some(s("cond.missing")));
    expect(
        &p,
        QUESTIONS,
        Some("q.exposed"),
        "unknown condition \"cond.missing\"",
    );
}

#[test]
fn question_scope_matches_its_control() {
    let p = broken(|c| qst(c, "q.guest-network").scope = Scope::Device);
    expect(
        &p,
        QUESTIONS,
        Some("q.guest-network"),
        "differs from control \"ctl.guest-network\"",
    );
}

#[test]
fn one_question_per_control() {
    let p = broken(|c| {
        c.questions.push(question(
            "q.password-again",
            Scope::Device,
            Some("ctl.set-password"),
            None,
        ))
    });
    expect(
        &p,
        QUESTIONS,
        Some("q.password-again"),
        "already asked by \"q.password\"",
    );
}

#[test]
fn questions_are_at_most_25_words() {
    // 26 words.
    let long = "Have you changed the password that came in the box with this device to a new one that only the \
                people in your home know today?";
    assert_eq!(long.split_whitespace().count(), 26);
    let p = broken(|c| qst(c, "q.password").text = s(long));
    expect(
        &p,
        QUESTIONS,
        Some("q.password"),
        "question has 26 words; at most 25",
    );
    // Exactly 25 passes.
    let p =
        broken(|c| qst(c, "q.password").text = long.rsplit_once(' ').unwrap().0.to_string() + "?");
    assert!(p.is_empty(), "{}", list(&p));
}

#[test]
fn question_applies_to_resolves() {
    let p = broken(|c| {
        qst(c, "q.password")
            .applies_to
            .categories
            .push(s("dev.toaster"))
    });
    expect(
        &p,
        QUESTIONS,
        Some("q.password"),
        "unknown device category \"dev.toaster\"",
    );
}

// ---- conditions ---------------------------------------------------------

#[test]
fn asked_conditions_have_a_question() {
    let p = broken(|c| c.questions.retain(|q| q.id != "q.exposed"));
    expect(&p, CONDITIONS, Some("cond.exposed"), "no question sets it");
}

#[test]
fn derived_conditions_are_not_asked() {
    let p = broken(|c| {
        c.questions.push(question(
            "q.second-hand",
            Scope::Device,
            None,
            Some("cond.second-hand"),
        ))
    });
    expect(
        &p,
        QUESTIONS,
        Some("q.second-hand"),
        "derived (second-hand), not asked",
    );
}

#[test]
fn every_derived_source_has_a_condition() {
    let p = broken(|c| {
        c.conditions.retain(|x| x.id != "cond.updates-unchecked");
        scn(c, "scn.case-1")
            .conditions
            .retain(|e| e.condition != "cond.updates-unchecked");
    });
    expect(
        &p,
        CONDITIONS,
        None,
        "no condition has source \"updates-unchecked\"",
    );
}

#[test]
fn every_condition_moves_a_scenario() {
    let p = broken(|c| {
        scn(c, "scn.case-1")
            .conditions
            .retain(|e| e.condition != "cond.support-ended")
    });
    expect(
        &p,
        CONDITIONS,
        Some("cond.support-ended"),
        "moves no scenario",
    );
}

#[test]
fn every_matter_is_tagged() {
    let p = broken(|c| scn(c, "scn.case-6").matters.clear());
    expect(&p, SCENARIOS, None, "matter \"changing-context\"");
}

// ---- stats --------------------------------------------------------------

#[test]
fn stats_of_the_small_catalog() {
    let st = stats(&minimal());
    assert_eq!(
        (
            st.device_categories,
            st.risk_sources,
            st.conditions,
            st.scenarios,
            st.controls,
            st.questions
        ),
        (2, 2, 7, 6, 4, 3)
    );
    let by = &st.controls_by_stakeholder;
    assert_eq!((by.user, by.provider, by.developer), (2, 1, 1));
    let etsi_groups: Vec<String> = (1..=13).map(|g| format!("5.{g}")).chain([s("6")]).collect();
    assert_eq!(st.coverage.etsi_en_303_645.covered, etsi_groups);
    assert!(st.coverage.etsi_en_303_645.missing.is_empty());
    assert_eq!(st.coverage.owasp_iot_2018.covered, owasp_ids());
    assert_eq!(st.coverage.nist_ir_8425.covered, strings(&NIST));
    assert_eq!(st.coverage.uk_psti.covered, strings(&["1", "2", "3"]));
    assert_eq!(st.coverage.eu_cra.covered, cra_ids());
    assert_eq!(st.coverage.eu_cra.covered.len(), 22);
    assert_eq!(st.coverage.en_18031.covered, strings(&EN_18031));
    assert!(st.coverage.eu_cra.missing.is_empty() && st.coverage.en_18031.missing.is_empty());
    // ISO: 5.3.4 (control), 7.1.2.15 (scenario), 6.2.2.1 and 6.2.2.5 (sources); 7.2 nowhere.
    assert_eq!(
        st.coverage.iso_iec_27400.covered,
        strings(&["5.3.4", "6.2.2.1", "6.2.2.5", "7.1.2.15"])
    );
    assert_eq!(st.coverage.iso_iec_27400.missing, strings(&["7.2"]));
}

#[test]
fn stats_show_gaps_in_framework_order() {
    let mut c = minimal();
    ctl(&mut c, "ctl.set-password")
        .refs
        .owasp_iot_2018
        .retain(|x| x != "I3" && x != "I9");
    ctl(&mut c, "ctl.set-password")
        .refs
        .etsi_en_303_645
        .retain(|x| x != "6-1");
    let st = stats(&c);
    assert_eq!(st.coverage.owasp_iot_2018.missing, strings(&["I3", "I9"]));
    assert_eq!(st.coverage.owasp_iot_2018.covered.len(), 8);
    assert_eq!(st.coverage.etsi_en_303_645.missing, strings(&["6"]));
}

#[test]
fn stats_json_has_the_keys_in_order() {
    let json = stats(&minimal()).to_json();
    let keys = [
        "\"device_categories\"",
        "\"risk_sources\"",
        "\"conditions\"",
        "\"scenarios\"",
        "\"controls\"",
        "\"questions\"",
        "\"controls_by_stakeholder\"",
        "\"user\"",
        "\"provider\"",
        "\"developer\"",
        "\"coverage\"",
        "\"etsi_en_303_645\"",
        "\"owasp_iot_2018\"",
        "\"nist_ir_8425\"",
        "\"uk_psti\"",
        "\"eu_cra\"",
        "\"en_18031\"",
        "\"iso_iec_27400\"",
    ];
    let at: Vec<usize> = keys
        .iter()
        .map(|k| json.find(k).unwrap_or_else(|| panic!("{k} missing")))
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "keys out of order:\n{json}"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["scenarios"], 6);
    assert_eq!(v["coverage"]["uk_psti"]["missing"], serde_json::json!([]));
}

// ---- the bundled catalog ------------------------------------------------

#[test]
fn the_bundled_catalog_validates() {
    if let Err(problems) = load_and_validate() {
        panic!(
            "the bundled catalog has {} problems:\n{}",
            problems.len(),
            list(&problems)
        );
    }
}

#[test]
fn the_bundled_frameworks_declare_their_scope() {
    let c = load::parse(&load::EMBEDDED).unwrap_or_else(|p| panic!("{}", list(&p)));
    let f = &c.frameworks;
    let find = |list: &[FrameworkId], id: &str| list.iter().find(|x| x.id == id).cloned();
    // ETSI 5.3-14 and 5.3-15 are for constrained devices that cannot be updated.
    for id in ["5.3-14", "5.3-15"] {
        let x = find(&f.etsi_en_303_645, id).unwrap();
        assert_eq!(x.not_for_capabilities, strings(&["cap.updatable"]), "{id}");
    }
    // ISO/IEC 27400 7.1.2.x address the developer and provider, 5.3.4 the user.
    for x in f.iso_27400.iter().filter(|x| x.id.starts_with("7.1.2.")) {
        assert!(
            x.stakeholders.contains(&Stakeholder::Developer)
                && x.stakeholders.contains(&Stakeholder::Provider)
                && !x.stakeholders.contains(&Stakeholder::User),
            "{}",
            x.id
        );
    }
    assert_eq!(
        find(&f.iso_27400, "5.3.4").unwrap().stakeholders,
        vec![Stakeholder::User]
    );
    assert_eq!(f.eu_cra.len(), 22);
    assert_eq!(f.en_18031.len(), 14);
}

#[test]
fn the_bundled_catalog_is_big_enough() {
    let c = load::parse(&load::EMBEDDED).unwrap_or_else(|p| panic!("{}", list(&p)));
    let vendor = c
        .controls
        .iter()
        .filter(|x| x.stakeholder != Stakeholder::User)
        .count();
    let counts = [
        ("device categories", c.device_categories.len(), 13),
        ("risk sources", c.risk_sources.len(), 15),
        ("conditions", c.conditions.len(), 10),
        ("scenarios", c.scenarios.len(), 30),
        ("controls", c.controls.len(), 40),
        ("provider/developer controls", vendor, 12),
    ];
    let short: Vec<String> = counts
        .iter()
        .filter(|(_, n, min)| n < min)
        .map(|(what, n, min)| format!("{what}: {n} < {min}"))
        .collect();
    assert!(short.is_empty(), "too few: {}", short.join(", "));
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use super::*;
    use std::process::Command;

    fn thingrisk(args: &[&str]) -> (i32, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_thingrisk"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8(out.stdout).unwrap(),
        )
    }

    #[test]
    fn check_agrees_with_validate() {
        let (code, out) = thingrisk(&["catalog", "check"]);
        match load_and_validate() {
            Ok(c) => {
                assert_eq!(code, 0, "{out}");
                assert!(out.starts_with(&format!(
                    "catalog OK: {} scenarios, {} controls",
                    c.scenarios.len(),
                    c.controls.len()
                )));
            }
            Err(problems) => {
                assert_eq!(code, 1, "{out}");
                for p in &problems {
                    assert!(out.contains(&p.to_string()), "missing line {p}");
                }
                assert!(out.contains(&format!("{} problem", problems.len())));
            }
        }
    }

    #[test]
    fn stats_prints_the_counts() {
        let (code, out) = thingrisk(&["catalog", "stats"]);
        assert_eq!(code, 0, "{out}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let c = load::parse(&load::EMBEDDED).unwrap();
        assert_eq!(v["scenarios"], c.scenarios.len());
        assert_eq!(v["controls"], c.controls.len());
        assert_eq!(v["device_categories"], c.device_categories.len());
        let by = &v["controls_by_stakeholder"];
        let total = by["user"].as_u64().unwrap()
            + by["provider"].as_u64().unwrap()
            + by["developer"].as_u64().unwrap();
        assert_eq!(total as usize, c.controls.len());
        for f in [
            "etsi_en_303_645",
            "owasp_iot_2018",
            "nist_ir_8425",
            "uk_psti",
            "eu_cra",
            "en_18031",
            "iso_iec_27400",
        ] {
            assert!(
                v["coverage"][f]["covered"].is_array() && v["coverage"][f]["missing"].is_array(),
                "{f}"
            );
        }
    }

    #[test]
    fn unknown_subcommand_is_a_usage_error() {
        assert_eq!(thingrisk(&["catalog", "frobnicate"]).0, 2);
    }
}
