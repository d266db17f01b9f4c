//! The CSV exports read back with an independent RFC 4180 reader: one row
//! per pair, cells as the assessment says, user text quoted and defused.

use thingrisk::assess::{Answer, Date, Device, Household, evaluate, plan};
use thingrisk::catalog::embedded;
use thingrisk::store::csv::{
    BOM, PLAN_HEADER, REGISTER_HEADER, action_plan, risk_register, state_risk_register,
};
use thingrisk::store::{State, decode};

/// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF rows.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).expect("starts with a BOM");
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "rows end with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row ends with CRLF"
    );
    rows
}

fn today() -> Date {
    Date::new(2026, 5, 1).unwrap()
}

fn household() -> Household {
    let mut h = Household::new("h", "=cmd|' /C calc'!A0");
    let mut router = Device::new("d1", "Router, \"main\"", "dev.router");
    router.room = "Hall\nupstairs".into();
    router
        .answers
        .insert("q.default-password".into(), Answer::No);
    let mut camera = Device::new("d2", "-Cam", "dev.indoor-camera");
    camera
        .answers
        .insert("q.default-password".into(), Answer::Yes);
    h.devices = vec![router, camera];
    h
}

#[test]
fn risk_register_has_one_row_per_pair_in_ranked_order() {
    let catalog = embedded();
    let h = household();
    let assessment = evaluate(catalog, &h, today());
    assert!(!assessment.pairs.is_empty());
    let rows = read_csv(&risk_register(catalog, &[(&h, &assessment)]));
    assert_eq!(rows[0], REGISTER_HEADER);
    assert_eq!(rows.len(), 1 + assessment.pairs.len());
    for (row, &k) in rows[1..].iter().zip(assessment.top_risks()) {
        let pair = &assessment.pairs[k];
        let device = &h.devices[pair.device_index];
        let scenario = catalog
            .scenarios
            .iter()
            .find(|s| s.id == pair.scenario)
            .unwrap();
        let name = |levels: &[thingrisk::catalog::Level], v: u8| {
            levels.iter().find(|l| l.value == v).unwrap().name.clone()
        };
        let s = &catalog.scales;
        let titles: Vec<&str> = pair
            .missing_controls
            .iter()
            .map(|c| {
                catalog
                    .controls
                    .iter()
                    .find(|x| x.id == *c)
                    .unwrap()
                    .title
                    .as_str()
            })
            .collect();
        let expected = [
            "'=cmd|' /C calc'!A0".to_string(),
            if device.id == "d1" {
                "Router, \"main\"".into()
            } else {
                "'-Cam".into()
            },
            catalog
                .device_categories
                .iter()
                .find(|c| c.id == device.category)
                .unwrap()
                .name
                .clone(),
            device.room.clone(),
            pair.scenario.to_string(),
            scenario.title.clone(),
            name(&s.likelihood, pair.inherent.likelihood_level),
            name(&s.impact, pair.inherent.impact_level),
            name(&s.risk, pair.inherent.risk_level),
            name(&s.likelihood, pair.residual.likelihood_level),
            name(&s.impact, pair.residual.impact_level),
            name(&s.risk, pair.residual.risk_level),
            titles.join("; "),
        ];
        assert_eq!(row, &expected);
    }
}

#[test]
fn a_missing_default_password_shows_in_the_router_rows() {
    let catalog = embedded();
    let h = household();
    let rows = read_csv(&state_risk_register(catalog, &State::new(vec![h]), today()));
    let takeover = rows
        .iter()
        .find(|r| r[1] == "Router, \"main\"" && r[4] == "scn.default-password");
    let takeover = takeover.expect("the router's factory-password row");
    assert!(
        takeover[12]
            .split("; ")
            .any(|t| t == "Replace the default password"),
        "{takeover:?}"
    );
    assert_eq!(takeover[3], "Hall\nupstairs");
    // The camera's password was changed: not listed as missing there.
    for r in rows.iter().filter(|r| r[1] == "'-Cam") {
        assert!(!r[12].contains("Replace the default password"), "{r:?}");
    }
}

#[test]
fn every_household_of_a_fixture_is_in_the_register() {
    let catalog = embedded();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/store/v2.json"
    ))
    .unwrap();
    let state = decode(&text).unwrap();
    let rows = read_csv(&state_risk_register(catalog, &state, today()));
    let expected: usize = state
        .households
        .iter()
        .map(|h| evaluate(catalog, h, today()).pairs.len())
        .sum();
    assert_eq!(rows.len(), 1 + expected);
    assert!(
        rows.iter().any(|r| r[0] == "Flat 3B")
            && rows.iter().any(|r| r[0] == "Sample: the Okafor family")
    );
}

#[test]
fn action_plan_lists_the_ranked_controls() {
    let catalog = embedded();
    let h = household();
    let entries = plan(catalog, &h, today());
    assert!(!entries.is_empty());
    let rows = read_csv(&action_plan(catalog, &entries));
    assert_eq!(rows[0], PLAN_HEADER);
    assert_eq!(rows.len(), 1 + entries.len());
    for (row, e) in rows[1..].iter().zip(&entries) {
        let control = catalog.controls.iter().find(|c| c.id == e.control).unwrap();
        let effort = catalog
            .scales
            .effort
            .iter()
            .find(|l| l.value == e.effort)
            .unwrap();
        assert_eq!(row[0], e.rank.to_string());
        assert_eq!(row[1], control.title);
        assert_eq!(row[2], effort.name);
        assert_eq!(
            row[3].parse::<f32>().unwrap(),
            (e.value * 100.0).round() / 100.0
        );
        assert_eq!(row[4], e.lowers.len().to_string());
    }
    assert_eq!(rows[1][0], "1");
}
