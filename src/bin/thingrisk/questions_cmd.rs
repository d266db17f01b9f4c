//! `thingrisk questions FILE` (the unanswered questions in the order the
//! app asks them) and `thingrisk quick-figures` (how short the quick check
//! is, and how far it agrees with a full assessment).

use crate::assess_cmd::{day, day_line, load, table};
use crate::cli::{ReportArgs, ReportFormat};
use serde::Serialize;
use std::process::ExitCode;
use thingrisk::assess::quick_agreement::{agreement, generated_home};
use thingrisk::assess::{Date, Engine};
use thingrisk::catalog;
use thingrisk::training::samples::samples;

/// One line of `thingrisk questions --format json`.
#[derive(Serialize)]
struct Row<'a> {
    question: &'a str,
    /// The device's id; None for a home question.
    device: Option<&'a str>,
    stake: f64,
    quick: bool,
}

/// `thingrisk questions FILE [--format table|json] [--today YYYY-MM-DD]`.
pub fn run(args: &ReportArgs) -> ExitCode {
    let loaded = match load(&args.input) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let household = &loaded.household;
    let engine = Engine::new(catalog::embedded());
    let asks = engine.asks(household, loaded.today);
    let open: Vec<_> = asks.list.iter().filter(|a| a.answer.is_none()).collect();
    let device_id = |i: Option<usize>| i.map(|i| household.devices[i].id.as_str());
    let out = match args.format {
        ReportFormat::Json => {
            let rows: Vec<Row> = open
                .iter()
                .map(|a| Row {
                    question: &a.question.id,
                    device: device_id(a.device),
                    stake: (f64::from(a.stake) * 100.0).round() / 100.0,
                    quick: a.quick,
                })
                .collect();
            serde_json::to_string_pretty(&rows).expect("rows serialize") + "\n"
        }
        ReportFormat::Table => {
            let rows: Vec<Vec<String>> = open
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    let about = a.device.map_or("your home".to_string(), |d| {
                        household.devices[d].name.clone()
                    });
                    vec![
                        (i + 1).to_string(),
                        if a.quick { "quick" } else { "" }.to_string(),
                        format!("{:.2}", a.stake),
                        about,
                        a.question.text.clone(),
                    ]
                })
                .collect();
            let mut out = format!("Unanswered questions: {}\n", household.name);
            out += &day_line(&loaded);
            out.push('\n');
            out += &table(&["#", "check", "stake", "about", "question"], &rows);
            out += &format!(
                "\n{} answered; {} unanswered, {} of them in the quick check (at most {} answers for {} devices); {} could still change the results.\n",
                asks.answered,
                open.len(),
                asks.quick_left(),
                asks.limit,
                household.devices.len(),
                asks.could_change(),
            );
            out
        }
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `thingrisk quick-figures [--today YYYY-MM-DD] [--homes N]`: for the
/// sample homes and N generated ten-device homes (seeds 1..=N), the
/// questions a full assessment answers, the quick check asks, and how many
/// of the full plan's first five steps the quick check keeps. Markdown.
pub fn run_figures(today: Option<Date>, homes: u64) -> ExitCode {
    let (today, _) = day(today);
    let engine = Engine::new(catalog::embedded());
    let mut rows = Vec::new();
    let mut kept = Vec::new();
    let mut row =
        |name: String, devices: usize, a: thingrisk::assess::quick_agreement::Agreement| {
            kept.push(a.same_steps);
            rows.push(vec![
                name,
                devices.to_string(),
                a.full.to_string(),
                a.asked.to_string(),
                format!("{} of 5", a.same_steps),
            ]);
        };
    for h in samples() {
        let a = agreement(&engine, &h, today);
        row(h.name.clone(), h.devices.len(), a);
    }
    for seed in 1..=homes {
        let h = generated_home(&engine, 10, seed, today);
        let a = agreement(&engine, &h, today);
        row(format!("Generated home, seed {seed}"), 10, a);
    }
    let header = [
        "home",
        "devices",
        "full assessment answers",
        "quick check asks",
        "first five steps kept",
    ];
    let mut out = String::from("| ");
    out += &header.join(" | ");
    out += " |\n|---|--:|--:|--:|--:|\n";
    for r in &rows {
        out += &format!("| {} |\n", r.join(" | "));
    }
    let worst = kept.iter().min().copied().unwrap_or(0);
    let at_least_4 = kept.iter().filter(|&&k| k >= 4).count();
    out += &format!(
        "\nFirst five steps kept: at least 4 in {at_least_4} of {} homes; the fewest {worst}. Day: {today}.\n",
        kept.len()
    );
    print!("{out}");
    ExitCode::SUCCESS
}
