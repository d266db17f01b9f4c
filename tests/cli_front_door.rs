//! The command line reads files as the app does and behaves as command-line
//! tools people know: one test for each defect found at its edges (issue
//! 22), each failing on the hand-written parser and reader it replaced.

use std::process::{Command, Output};
use thingrisk::store::validate::{MAX_DEVICES, MAX_HOUSEHOLDS};
use thingrisk::store::{IMPORT_LIMIT_BYTES, State, encode};

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

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "thingrisk-front-door-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `assess FILE` on `content` and returns (exit code, standard error),
/// checking the error is one line per problem, names the file, and nothing
/// went to standard output.
fn refused(name: &str, content: &[u8]) -> (Option<i32>, String) {
    let file = temp(name, content);
    let o = run(&["assess", &file, "--today", TODAY]);
    let e = err(&o);
    assert!(out(&o).is_empty(), "{name}: printed a result for bad input");
    for line in e.lines() {
        assert!(
            line.starts_with(&format!("thingrisk: {file}: ")),
            "{name}: {line}"
        );
    }
    (o.status.code(), e)
}

fn household(devices: &str) -> String {
    format!(r#"{{"id": "h", "name": "Home", "devices": [{devices}]}}"#)
}

#[test]
fn every_subcommand_has_help_and_the_tool_a_version() {
    for sub in [
        "assess",
        "plan",
        "questions",
        "quick-figures",
        "calibrate",
        "catalog",
        "completions",
    ] {
        let o = run(&[sub, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{sub} --help: {}", err(&o));
        assert!(
            out(&o).contains(&format!("Usage: thingrisk {sub}")),
            "{sub}"
        );
    }
    let o = run(&["help", "plan"]);
    assert!(out(&o).contains("Usage: thingrisk plan"));
    let o = run(&["--version"]);
    assert_eq!(
        out(&o).trim(),
        format!("thingrisk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_and_bad_input_exits_1() {
    assert_eq!(
        run(&["assess", SAMPLE, "--frmat", "csv"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["plan", SAMPLE, "--format", "csv"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["nonsense"]).status.code(), Some(2));
    assert_eq!(
        run(&["quick-figures", "--homes", "0"]).status.code(),
        Some(2)
    );
    let o = run(&["assess", SAMPLE, "--today", "2024-1-5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("YYYY-MM-DD"), "{}", err(&o));
    assert_eq!(run(&["assess", "/nonexistent.json"]).status.code(), Some(1));
}

#[test]
fn the_help_documents_the_file_with_an_example_that_works() {
    let help = out(&run(&["assess", "--help"]));
    let start = help.find("    {\n").expect("an example in the help");
    let end = start + help[start..].find("\n    }\n").expect("its end") + 6;
    let example = temp("help-example.json", &help.as_bytes()[start..end]);
    let o = run(&["plan", &example, "--today", TODAY]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(err(&o), "", "the example uses only known ids and fields");
    assert!(help.contains(&format!(
        "{} households and {} devices a household",
        MAX_HOUSEHOLDS, MAX_DEVICES
    )));
    assert!(help.contains(&format!("{} MB", IMPORT_LIMIT_BYTES / 1024 / 1024)));
}

#[test]
fn completions_are_generated_for_the_shells() {
    let o = run(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let script = out(&o);
    assert!(script.contains("_thingrisk()") && script.contains("quick-figures"));
    assert!(out(&run(&["completions", "zsh"])).contains("#compdef thingrisk"));
    assert_eq!(run(&["completions", "tcsh-ish"]).status.code(), Some(2));
}

#[test]
fn a_bare_household_follows_the_exports_rules() {
    let (code, e) = refused(
        "dup.json",
        household(
            r#"{"id": "d1", "name": "A", "category": "dev.router"},
               {"id": "d1", "name": "B", "category": "dev.router"}"#,
        )
        .as_bytes(),
    );
    assert_eq!(code, Some(1));
    assert!(
        e.contains("in device 2, the identifier is the same as an earlier device's (\"d1\")"),
        "{e}"
    );

    let (_, e) = refused(
        "blank.json",
        household(r#"{"id": " ", "name": "A", "category": "dev.router"}"#).as_bytes(),
    );
    assert!(e.contains("in device 1, the identifier is empty"), "{e}");

    let long = "n".repeat(201);
    let (_, e) = refused(
        "long.json",
        household(&format!(
            r#"{{"id": "d", "name": "{long}", "category": "dev.router"}}"#
        ))
        .as_bytes(),
    );
    assert!(
        e.contains("in device 1, the name is longer than 200 characters"),
        "{e}"
    );

    let (_, e) = refused(
        "longid.json",
        household(&format!(
            r#"{{"id": "{}", "name": "A", "category": "dev.router"}}"#,
            "i".repeat(101)
        ))
        .as_bytes(),
    );
    assert!(
        e.contains("in device 1, the identifier is longer than 100 characters"),
        "{e}"
    );
}

#[test]
fn csv_output_defuses_formulas_like_the_apps_exports() {
    let file = temp(
        "formula.json",
        household(r#"{"id": "d1", "name": "=HYPERLINK(\"x\")", "category": "dev.router"}"#)
            .as_bytes(),
    );
    let o = run(&["assess", &file, "--format", "csv", "--today", TODAY]);
    assert!(o.status.success(), "{}", err(&o));
    let text = out(&o);
    let row = text.lines().nth(1).expect("a row");
    assert!(row.contains(r#","'=HYPERLINK(""x"")","#), "{row}");
    assert!(!text.contains(",=HYPERLINK"), "no cell starts with =");
}

#[test]
fn an_export_with_a_byte_order_mark_is_read() {
    let household: thingrisk::assess::Household =
        serde_json::from_str(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    let mut text = String::from("\u{feff}");
    text += &encode(&State::new(vec![household]));
    let file = temp("bom.json", text.as_bytes());
    let o = run(&["assess", &file, "--today", TODAY]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).starts_with("Risk register: A family flat (sample)"));
}

#[test]
fn files_over_the_limits_are_refused_quickly_with_a_clear_message() {
    let mut big = household(r#"{"id": "d1", "name": "A", "category": "dev.router"}"#).into_bytes();
    big.resize(IMPORT_LIMIT_BYTES + 10, b' ');
    let (code, e) = refused("big.json", &big);
    assert_eq!(code, Some(1));
    assert!(
        e.contains("The file is too large: 5121 KB, and ThingRisk reads files of up to 5120 KB."),
        "{e}"
    );

    let devices: Vec<String> = (0..=MAX_DEVICES)
        .map(|i| format!(r#"{{"id": "d{i}", "name": "Plug {i}", "category": "dev.lights-plugs"}}"#))
        .collect();
    let (code, e) = refused("many.json", household(&devices.join(",")).as_bytes());
    assert_eq!(code, Some(1));
    assert!(
        e.contains("the list of devices holds 501 devices, and ThingRisk keeps up to 500"),
        "{e}"
    );
}

#[test]
fn every_message_names_the_place_on_one_line() {
    // Not UTF-8: the byte is named.
    let mut bytes = household("").into_bytes();
    bytes.insert(10, 0xff);
    let (code, e) = refused("latin1.json", &bytes);
    assert_eq!(code, Some(1));
    assert!(e.contains("byte 11 is not part of any letter"), "{e}");

    // A newline inside a value stays an escape in a one-line message.
    let (_, e) = refused(
        "newline.json",
        household(r#"{"id": "d1", "name": "A", "category": "dev.router", "lifecycle": {"support_end": "2024\n-01-05"}}"#)
            .as_bytes(),
    );
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains(r#""2024\n-01-05""#), "{e}");

    // A number where an answer belongs names the question.
    let (_, e) = refused(
        "number.json",
        household(r#"{"id": "d1", "name": "A", "category": "dev.router", "answers": {"q.auto-updates": 3}}"#)
            .as_bytes(),
    );
    assert!(
        e.contains("in device 1, the answer to question “q.auto-updates” is 3, which is not an answer ThingRisk knows"),
        "{e}"
    );
}

#[test]
fn misspelt_fields_are_errors_naming_the_nearest_known_name() {
    let (code, e) = refused(
        "typo.json",
        r#"{"id": "h", "name": "Home", "Devices": [],
            "devices": [{"id": "d1", "name": "A", "category": "dev.router",
                         "lifecylce": {"support_end": "2020-01-01"}}]}"#
            .as_bytes(),
    );
    assert_eq!(code, Some(1));
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(lines[0].ends_with("“Devices” is not a detail ThingRisk knows (did you mean “devices”?) (nothing was assessed, so none of it is lost: correct or remove it)"), "{e}");
    assert!(
        lines[1].contains(
            "In device 1: “lifecylce” is not a detail ThingRisk knows (did you mean “lifecycle”?)"
        ),
        "{e}"
    );
}

#[test]
fn duplicate_keys_and_loose_dates_are_refused() {
    let (code, e) = refused(
        "twice.json",
        household(
            r#"{"id": "d1", "name": "A", "category": "dev.router",
                      "answers": {"q.auto-updates": "yes", "q.auto-updates": "no"}}"#,
        )
        .as_bytes(),
    );
    assert_eq!(code, Some(1));
    assert!(
        e.contains("gives “q.auto-updates” twice in one place (line 2"),
        "{e}"
    );

    for loose in ["2024-1-5", "+2024-01-05", " 2024-01-05 "] {
        let (code, e) = refused(
            "loose.json",
            household(&format!(
                r#"{{"id": "d1", "name": "A", "category": "dev.router", "lifecycle": {{"purchased": "{loose}"}}}}"#
            ))
            .as_bytes(),
        );
        assert_eq!(code, Some(1), "{loose}");
        assert!(
            e.contains("is not a date written as year-month-day"),
            "{loose}: {e}"
        );
    }
}

#[test]
fn the_table_says_which_day_it_assessed_on() {
    let o = run(&["assess", SAMPLE]);
    let text = out(&o);
    let line = text.lines().nth(1).unwrap();
    assert!(
        line.starts_with("Assessed on 20") && line.contains("(today;"),
        "{line}"
    );
    let o = run(&["assess", SAMPLE, "--today", TODAY]);
    assert_eq!(
        out(&o).lines().nth(1),
        Some("Assessed on 2026-03-01 (from --today)")
    );
    let o = run(&["plan", SAMPLE, "--today", TODAY]);
    assert_eq!(
        out(&o).lines().nth(1),
        Some("Assessed on 2026-03-01 (from --today)")
    );
}
