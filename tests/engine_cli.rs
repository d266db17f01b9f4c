//! The built `thingrisk` binary on the sample household and on bad input.

use std::process::{Command, Output};
use thingrisk::assess::{Date, Household, evaluate, plan};
use thingrisk::catalog::embedded;

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/household-sample.json"
);
const TODAY: &str = "2026-03-01";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_thingrisk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn sample() -> Household {
    serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap())
        .expect("the fixture is a household")
}

fn today() -> Date {
    Date::parse(TODAY).unwrap()
}

/// Splits one CSV line, honouring double quotes.
fn csv_fields(line: &str) -> Vec<String> {
    let (mut fields, mut cur, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

fn temp_file(name: &str, content: &str) -> String {
    let path = std::env::temp_dir().join(format!(
        "thingrisk-engine-cli-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_fixture_uses_only_ids_the_catalog_has() {
    let a = evaluate(embedded(), &sample(), today());
    assert!(a.unknown_ids.is_empty(), "{:?}", a.unknown_ids);
    assert!((6..=8).contains(&a.devices.len()));
    assert!(a.devices.iter().all(|d| d.scored && !d.pairs.is_empty()));
}

#[test]
fn assess_json_is_the_library_assessment() {
    let o = run(&["assess", SAMPLE, "--format", "json", "--today", TODAY]);
    assert!(o.status.success(), "{}", stderr(&o));
    let got: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let want = serde_json::to_value(evaluate(embedded(), &sample(), today())).unwrap();
    assert_eq!(got, want);
    assert!(!got["pairs"].as_array().unwrap().is_empty());
}

#[test]
fn assess_table_has_one_aligned_row_per_pair() {
    let o = run(&["assess", SAMPLE, "--today", TODAY]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let a = evaluate(embedded(), &sample(), today());
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("Device "))
        .expect("a header row");
    assert!(lines[header].contains("Inherent") && lines[header].contains("Residual"));
    let rows = &lines[header + 2..header + 2 + a.pairs.len()];
    assert_eq!(
        lines[header + 2 + a.pairs.len()],
        "",
        "the table ends after one row per pair"
    );
    // Aligned: the Inherent column starts at the same place on every row.
    let col = lines[header].find("Inherent").unwrap();
    let first = &a.pairs[a.top_risks()[0]];
    let household = sample();
    let name = &household.device(&first.device).unwrap().name;
    assert!(rows[0].starts_with(name.as_str()));
    for row in rows {
        let before: String = row.chars().take(col.min(row.chars().count())).collect();
        assert!(before.ends_with("  "), "misaligned row: {row}");
    }
}

#[test]
fn assess_csv_has_a_header_and_one_row_per_pair() {
    let o = run(&["assess", SAMPLE, "--format", "csv", "--today", TODAY]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let a = evaluate(embedded(), &sample(), today());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), a.pairs.len() + 1);
    let header = csv_fields(lines[0]);
    assert_eq!(header[0], "device_id");
    assert_eq!(header.len(), 14);
    for (line, pair) in lines[1..].iter().zip(&a.pairs) {
        let f = csv_fields(line);
        assert_eq!(f.len(), 14, "{line}");
        assert_eq!(
            (f[0].as_str(), f[2].as_str()),
            (&*pair.device, pair.scenario)
        );
        assert_eq!(f[9], pair.residual.risk_level.to_string());
        assert_eq!(f[12], pair.missing_controls.join(";"));
    }
}

#[test]
fn plan_lists_the_ranked_controls() {
    let want = plan(embedded(), &sample(), today());
    assert!(!want.is_empty());
    let o = run(&["plan", SAMPLE, "--today", TODAY]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.lines()
            .any(|l| l.starts_with("Rank") && l.contains("Effort") && l.contains("Value"))
    );
    let title = &embedded()
        .controls
        .iter()
        .find(|c| c.id == want[0].control)
        .unwrap()
        .title;
    assert!(
        text.lines()
            .any(|l| l.starts_with("1 ") && l.contains(title.as_str())),
        "{text}"
    );

    let o = run(&["plan", SAMPLE, "--format", "json", "--today", TODAY]);
    let got: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
}

#[test]
fn malformed_or_missing_files_fail_with_a_clear_message() {
    let bad = temp_file("bad.json", "{ \"id\": \"h\", \"name\": ");
    let o = run(&["assess", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&bad) && err.contains("stops making sense at line 1, character 21"),
        "{err}"
    );
    assert!(o.stdout.is_empty());

    let wrong = temp_file(
        "wrong.json",
        r#"{ "id": "h", "name": "x", "devices": [ { "id": "d1" } ] }"#,
    );
    let o = run(&["plan", &wrong]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("in device 1, the name is missing"),
        "{}",
        stderr(&o)
    );

    let o = run(&["assess", "/nonexistent/household.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot read /nonexistent/household.json"));
}

#[test]
fn bad_options_are_usage_errors() {
    assert_eq!(
        run(&["assess", SAMPLE, "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["assess", SAMPLE, "--today", "tomorrow"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        run(&["plan", SAMPLE, "--format", "csv"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["assess"]).status.code(), Some(2));
}

#[test]
fn unknown_ids_are_warned_about_not_fatal() {
    let file = temp_file(
        "unknown.json",
        r#"{ "id": "h", "name": "Old home", "devices": [ { "id": "d1", "name": "Gadget", "category": "dev.retired" } ] }"#,
    );
    let o = run(&["assess", &file, "--format", "csv"]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("dev.retired"));
    assert_eq!(
        stdout(&o).lines().count(),
        1,
        "only the header: the device is skipped"
    );
}

#[test]
fn an_export_from_the_app_is_read_as_its_active_household() {
    use thingrisk::store::envelope::{State, encode_pretty};
    let mut other = sample();
    other.id = "other".into();
    other.devices.truncate(1);
    let mut state = State::new(vec![other, sample()]);
    state.active = Some(sample().id);
    let dir = std::env::temp_dir().join(format!("thingrisk-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("export.json");
    std::fs::write(&file, encode_pretty(&state)).unwrap();
    let out = run(&[
        "assess",
        file.to_str().unwrap(),
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let expected = evaluate(embedded(), &sample(), today()).pairs.len();
    assert_eq!(
        json["pairs"].as_array().unwrap().len(),
        expected,
        "the active household, not the first"
    );
    // A damaged export names the problem.
    std::fs::write(
        &file,
        r#"{"format":"thingrisk","version":99,"households":[]}"#,
    )
    .unwrap();
    let out = run(&["assess", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer version"), "{}", stderr(&out));
}

#[test]
fn two_devices_with_one_id_are_refused() {
    let file = temp_file(
        "duplicate.json",
        r#"{ "id": "h", "name": "Home", "devices": [
            { "id": "d1", "name": "Router", "category": "dev.router" },
            { "id": "d1", "name": "Camera", "category": "dev.indoor-camera" } ] }"#,
    );
    for command in ["assess", "plan"] {
        let o = run(&[command, &file, "--today", TODAY]);
        assert_eq!(o.status.code(), Some(1), "{command}");
        let err = stderr(&o);
        assert!(
            err.contains("device 2") && err.contains("the same as an earlier device's (\"d1\")"),
            "{err}"
        );
        assert!(stdout(&o).is_empty(), "{command}: nothing printed");
    }
}

#[test]
fn device_questions_answered_for_the_home_are_named_and_not_counted() {
    let file = temp_file(
        "misplaced.json",
        r#"{ "id": "h", "name": "Home", "answers": { "q.default-password": "yes" },
             "devices": [ { "id": "d1", "name": "Router", "category": "dev.router",
                            "answers": { "q.two-step-login": "yes" } } ] }"#,
    );
    let o = run(&["plan", &file, "--today", TODAY, "--format", "json"]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains("q.default-password is a question for each device"),
        "{err}"
    );
    // A home question answered on a device is that device's own answer
    // ("some of them"), not a mistake.
    assert!(!err.contains("q.two-step-login"), "{err}");
    // Not counted: the router's password step is still in the plan.
    let plan: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        plan.as_array()
            .unwrap()
            .iter()
            .any(|e| e["control"] == "ctl.change-default-password"),
        "{plan}"
    );
    // A file with every answer in its place gets no warning.
    let ok = run(&["plan", SAMPLE, "--today", TODAY]);
    assert!(!stderr(&ok).contains("not counted"), "{}", stderr(&ok));
}

#[test]
fn questions_lists_the_unanswered_by_stake_with_the_quick_check_marked() {
    let file = temp_file(
        "questions.json",
        r#"{ "id": "h", "name": "Home", "answers": { "q.wifi-strong": "yes" },
             "devices": [
               { "id": "cam", "name": "Hall camera", "category": "dev.indoor-camera",
                 "answers": { "q.default-password": "no" } },
               { "id": "door", "name": "Front doorbell", "category": "dev.doorbell" } ] }"#,
    );
    let o = run(&["questions", &file, "--today", TODAY, "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(rows.len() > 20, "{} questions", rows.len());
    for r in &rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["device", "question", "quick", "stake"], "{r}");
    }
    // Answered ones are not listed.
    assert!(!rows.iter().any(|r| r["question"] == "q.wifi-strong"));
    assert!(
        !rows
            .iter()
            .any(|r| r["question"] == "q.default-password" && r["device"] == "cam")
    );
    assert!(
        rows.iter()
            .any(|r| r["question"] == "q.default-password" && r["device"] == "door")
    );
    // Home questions have no device; the order is by stake.
    assert!(
        rows.iter()
            .any(|r| r["device"].is_null() && r["question"] == "q.two-step-login")
    );
    let stakes: Vec<f64> = rows.iter().map(|r| r["stake"].as_f64().unwrap()).collect();
    assert!(stakes.windows(2).all(|w| w[0] >= w[1]), "{stakes:?}");
    // Two devices: at most 20 + 8 answers in all, two already given.
    let quick: Vec<bool> = rows.iter().map(|r| r["quick"].as_bool().unwrap()).collect();
    let n = quick.iter().filter(|q| **q).count();
    assert!(n > 0 && n <= 26, "{n} in the quick check");
    // The quick check is the head of the list.
    assert!(quick.iter().skip_while(|q| **q).all(|q| !q), "{quick:?}");

    let table = run(&["questions", &file, "--today", TODAY]);
    assert!(table.status.success());
    let text = stdout(&table);
    assert!(
        text.contains("Hall camera") && text.contains("your home"),
        "{text}"
    );
    assert!(
        text.contains(&format!("{n} of them in the quick check")),
        "{text}"
    );

    let bad = run(&["questions", &file, "--format", "csv"]);
    assert_eq!(bad.status.code(), Some(2));
}
