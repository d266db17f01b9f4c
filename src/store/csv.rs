//! Spreadsheet exports: the risk register (one row per device-scenario
//! pair) and the action plan, as CSV that opens cleanly in common
//! spreadsheet apps: UTF-8 with a byte-order mark (so Excel reads accents),
//! CRLF line ends, RFC 4180 quoting. Because device and household names are
//! user input, a text cell starting with `=`, `+`, `-`, `@`, tab or CR gets a
//! leading apostrophe so no spreadsheet runs it as a formula.

use super::envelope::State;
use crate::assess::{Assessment, Date, Engine, Household, PlanEntry};
use crate::catalog::{Catalog, Scale};
use std::borrow::Cow;

/// Written first so spreadsheet apps detect UTF-8.
pub const BOM: &str = "\u{feff}";

/// The risk register's columns.
pub const REGISTER_HEADER: [&str; 13] = [
    "household",
    "device",
    "device_category",
    "room",
    "scenario_id",
    "scenario",
    "inherent_likelihood",
    "inherent_impact",
    "inherent_level",
    "residual_likelihood",
    "residual_impact",
    "residual_level",
    "missing_controls",
];

/// The action plan's columns.
pub const PLAN_HEADER: [&str; 5] = ["rank", "control", "effort", "value", "risks_lowered"];

/// One text cell: defused if it could start a formula, quoted if needed.
pub fn cell(text: &str) -> Cow<'_, str> {
    let text: Cow<str> = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    };
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        text
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (i, c) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(c.as_ref()));
    }
    out.push_str("\r\n");
}

/// The risk register of one or more households, each with its assessment
/// (from [`crate::assess::evaluate()`] on the same catalog). Rows follow each
/// assessment's ranking, highest residual risk first; likelihood, impact and
/// risk are given as level names from the catalog's scales; missing
/// controls are titles joined by "; ".
pub fn risk_register(catalog: &Catalog, assessed: &[(&Household, &Assessment<'_>)]) -> String {
    let scales = &catalog.scales;
    let mut out = String::from(BOM);
    push_row(&mut out, REGISTER_HEADER);
    for (household, assessment) in assessed {
        for &k in assessment.top_risks() {
            let Some(pair) = assessment.pairs.get(k) else {
                continue;
            };
            let device = household.devices.get(pair.device_index);
            let missing: Vec<String> = pair
                .missing_controls
                .iter()
                .map(|c| catalog.control_title(c))
                .collect();
            push_row(
                &mut out,
                [
                    household.name.clone(),
                    device.map_or_else(|| pair.device.to_string(), |d| d.name.clone()),
                    device.map_or_else(String::new, |d| catalog.category_name(&d.category)),
                    device.map_or_else(String::new, |d| d.room.clone()),
                    pair.scenario.to_string(),
                    catalog.scenario_title(pair.scenario),
                    scales.level_name(Scale::Likelihood, pair.inherent.likelihood_level),
                    scales.level_name(Scale::Impact, pair.inherent.impact_level),
                    scales.level_name(Scale::Risk, pair.inherent.risk_level),
                    scales.level_name(Scale::Likelihood, pair.residual.likelihood_level),
                    scales.level_name(Scale::Impact, pair.residual.impact_level),
                    scales.level_name(Scale::Risk, pair.residual.risk_level),
                    missing.join("; "),
                ],
            );
        }
    }
    out
}

/// The risk register of every household in a state, scored on `today`.
pub fn state_risk_register(catalog: &Catalog, state: &State, today: Date) -> String {
    let engine = Engine::new(catalog);
    let assessments: Vec<Assessment<'_>> = state
        .households
        .iter()
        .map(|h| engine.evaluate(h, today))
        .collect();
    let assessed: Vec<(&Household, &Assessment<'_>)> =
        state.households.iter().zip(&assessments).collect();
    risk_register(catalog, &assessed)
}

/// The action plan of one household (from [`crate::assess::plan()`]): control
/// titles, effort as the catalog's effort level name, value with two
/// decimals, and how many device-scenario pairs the control lowers.
pub fn action_plan(catalog: &Catalog, plan: &[PlanEntry<'_>]) -> String {
    let mut out = String::from(BOM);
    push_row(&mut out, PLAN_HEADER);
    for entry in plan {
        push_row(
            &mut out,
            [
                entry.rank.to_string(),
                catalog.control_title(entry.control),
                catalog.scales.level_name(Scale::Effort, entry.effort),
                // Rounded as the engine rounds its figures (half away from zero).
                crate::decimal::fixed((entry.value * 100.0).round() / 100.0, 2),
                entry.lowers.len().to_string(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_only_when_needed() {
        assert_eq!(cell("Router"), "Router");
        assert_eq!(cell("Hall, upstairs"), "\"Hall, upstairs\"");
        assert_eq!(cell("The \"big\" one"), "\"The \"\"big\"\" one\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-cam"), "'-cam");
        assert_eq!(cell("@sum"), "'@sum");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn rows_end_with_crlf() {
        let mut out = String::new();
        push_row(&mut out, ["a", "b,c", ""]);
        assert_eq!(out, "a,\"b,c\",\r\n");
    }
}
