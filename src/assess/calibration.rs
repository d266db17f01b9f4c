//! The calibration suite's runner: real incidents and well-kept homes, each
//! a household with an expert's expectations written before the engine was
//! run (tests/calibration/FORMAT.md). `cargo test --test calibration` fails
//! on any miss; `thingrisk calibrate tests/calibration` writes CALIBRATION.md.
//!
//! ```
//! # use thingrisk::assess::calibration::{Case, run};
//! let case: Case = serde_json::from_str(r#"{
//!   "id": "tidy", "kind": "well-kept", "title": "A tidy plug", "account": "-",
//!   "source": "-", "today": "2026-01-01", "max_level": "Very high",
//!   "household": { "id": "h", "name": "H", "devices": [
//!     { "id": "d1", "name": "Plug", "category": "dev.lights-plugs" } ] }
//! }"#).unwrap();
//! let result = run(thingrisk::catalog::embedded(), &case);
//! assert!(result.passed());
//! ```

use super::answer::Answer;
use super::date::Date;
use super::edit::AnswerTarget;
use super::engine::Engine;
use super::household::Household;
use crate::catalog::{Catalog, Scale, Scope};
use serde::Deserialize;

/// How many plan steps count as "near the top".
pub const TOP_STEPS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A publicly documented incident: the scenario that happened must be
    /// rated high enough, and the step that prevents it ranked near the top.
    Incident,
    /// A home where everything sensible is done: no risk above `max_level`.
    WellKept,
}

/// One case file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    /// One line, in our own words.
    pub account: String,
    /// The public source, by name.
    pub source: String,
    pub today: Date,
    pub household: Household,
    #[serde(default)]
    pub expect: Vec<Expect>,
    /// Well-kept homes: the highest residual level allowed (a level name).
    #[serde(default)]
    pub max_level: Option<String>,
    /// Expectations reviewed after a run and set aside, each with the
    /// reason: kept in the file and the report, not checked.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
}

/// An expectation set aside after review, and why.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    #[serde(flatten)]
    pub expect: Expect,
    pub why: String,
}

/// What an incident must show for one device.
#[derive(Debug, Clone, Deserialize)]
pub struct Expect {
    pub device: String,
    pub scenario: String,
    /// The lowest residual level an expert accepts (a level name).
    pub at_least: String,
    /// The household's step that would have prevented it.
    pub prevented_by: String,
}

/// What the engine gave for one expectation.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub expect: Expect,
    /// The pair's residual level (None: the scenario does not apply).
    pub level: Option<u8>,
    pub wanted: Option<u8>,
    /// The step's rank in the household's plan (None: not in it).
    pub rank: Option<usize>,
    /// The pair's residual level once the step's question is answered yes.
    pub level_after: Option<u8>,
}

impl PartialEq for Expect {
    fn eq(&self, other: &Expect) -> bool {
        (
            &self.device,
            &self.scenario,
            &self.at_least,
            &self.prevented_by,
        ) == (
            &other.device,
            &other.scenario,
            &other.at_least,
            &other.prevented_by,
        )
    }
}

impl Outcome {
    pub fn level_ok(&self) -> bool {
        matches!((self.level, self.wanted), (Some(l), Some(w)) if l >= w)
    }
    pub fn rank_ok(&self) -> bool {
        self.rank.is_some_and(|r| r <= TOP_STEPS)
    }
    pub fn fix_ok(&self) -> bool {
        matches!((self.level, self.level_after), (Some(l), Some(a)) if a < l)
    }
    pub fn passed(&self) -> bool {
        self.level_ok() && self.rank_ok() && self.fix_ok()
    }
}

/// The result of one case.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseResult {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub account: String,
    pub source: String,
    pub outcomes: Vec<Outcome>,
    /// Well-kept homes: the allowed level, and the highest residual found
    /// with the pair that has it (device name, scenario title).
    pub max_level: Option<u8>,
    pub worst: Option<(u8, String, String)>,
    /// Problems with the case itself (unknown ids, a bad level name).
    pub errors: Vec<String>,
    /// The set-aside expectations, with what the engine gives for them.
    pub set_aside: Vec<(Outcome, String)>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.errors.is_empty()
            && match self.kind {
                Kind::Incident => {
                    !self.outcomes.is_empty() && self.outcomes.iter().all(Outcome::passed)
                }
                Kind::WellKept => matches!(
                    (self.worst.as_ref(), self.max_level),
                    (Some((w, _, _)), Some(m)) if *w <= m
                ),
            }
    }
}

/// Every `*.json` case in `dir`, by file name; each case's id must be its
/// file name. The message names the file that does not read.
pub fn load_dir(dir: &std::path::Path) -> Result<Vec<Case>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    crate::order::sort_by(&mut paths, Ord::cmp);
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let case: Case =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            let stem = p.file_stem().unwrap_or_default().to_string_lossy();
            if case.id != stem {
                return Err(format!(
                    "{}: id {:?} must equal the file name",
                    p.display(),
                    case.id
                ));
            }
            Ok(case)
        })
        .collect()
}

/// A level name ("High") as its value on the risk scale.
fn level_value(catalog: &Catalog, name: &str) -> Option<u8> {
    catalog
        .scales
        .levels(Scale::Risk)
        .iter()
        .find(|l| l.name.eq_ignore_ascii_case(name))
        .map(|l| l.value)
}

/// Answers "yes" to the question that asks about `control`, for the device
/// (device questions, and home questions the device answers on its own) or
/// the home.
fn answer_yes(catalog: &Catalog, home: &mut Household, control: &str, device: &str) -> bool {
    let Some(q) = catalog
        .questions
        .iter()
        .find(|q| q.control.as_deref() == Some(control))
    else {
        return false;
    };
    let own = AnswerTarget::Device(device.to_string());
    let target = match q.scope {
        Scope::Household if home.answer(&own, &q.id).is_none() => AnswerTarget::Household,
        _ => own,
    };
    home.set_answer(&target, &q.id, Some(Answer::Yes));
    true
}

/// Runs one case.
pub fn run(catalog: &Catalog, case: &Case) -> CaseResult {
    let engine = Engine::new(catalog);
    let assessment = engine.evaluate(&case.household, case.today);
    let plan = engine.plan(&assessment);
    let mut errors = Vec::new();
    if !assessment.unknown_ids.is_empty() {
        errors.push(format!("unknown ids: {:?}", assessment.unknown_ids));
    }
    let mut outcomes = Vec::new();
    let mut set_aside = Vec::new();
    let checked = case.expect.iter().map(|e| (e, None));
    let reviewed = case.set_aside.iter().map(|s| (&s.expect, Some(&s.why)));
    for (e, why) in checked.chain(reviewed) {
        if why.is_some_and(|w| w.trim().is_empty()) {
            errors.push(format!(
                "{} on {}: set aside without a reason",
                e.scenario, e.device
            ));
        }
        let wanted = level_value(catalog, &e.at_least);
        if wanted.is_none() {
            errors.push(format!("{:?} is not a risk level", e.at_least));
        }
        if engine.control(&e.prevented_by).is_none() {
            errors.push(format!("unknown control {}", e.prevented_by));
        }
        let level = assessment
            .pair(&e.device, &e.scenario)
            .map(|p| p.residual.risk_level);
        let rank = plan
            .iter()
            .find(|p| p.control == e.prevented_by)
            .map(|p| p.rank);
        let mut fixed = case.household.clone();
        let level_after = answer_yes(catalog, &mut fixed, &e.prevented_by, &e.device)
            .then(|| engine.evaluate_brief(&fixed, case.today))
            .and_then(|a| {
                a.pair(&e.device, &e.scenario)
                    .map(|p| p.residual.risk_level)
            });
        let outcome = Outcome {
            expect: e.clone(),
            level,
            wanted,
            rank,
            level_after,
        };
        match why {
            None => outcomes.push(outcome),
            Some(why) => set_aside.push((outcome, why.clone())),
        }
    }
    let max_level = case.max_level.as_deref().and_then(|m| {
        let v = level_value(catalog, m);
        if v.is_none() {
            errors.push(format!("{m:?} is not a risk level"));
        }
        v
    });
    match case.kind {
        Kind::Incident if case.expect.is_empty() => {
            errors.push("an incident needs at least one expectation".into())
        }
        Kind::WellKept if case.max_level.is_none() => {
            errors.push("a well-kept home needs max_level".into())
        }
        _ => {}
    }
    let worst = assessment.top(1).next().map(|p| {
        let device = assessment.devices[p.device_index].name.clone();
        let scenario = engine
            .scenario(p.scenario)
            .map_or(p.scenario.to_string(), |s| s.title.clone());
        (p.residual.risk_level, device, scenario)
    });
    CaseResult {
        id: case.id.clone(),
        kind: case.kind,
        title: case.title.clone(),
        account: case.account.clone(),
        source: case.source.clone(),
        outcomes,
        max_level,
        worst,
        errors,
        set_aside,
    }
}

/// One line per miss, naming the case and what was missed; empty when all pass.
pub fn misses(catalog: &Catalog, results: &[CaseResult]) -> Vec<String> {
    let name = |v: Option<u8>| {
        v.map_or("none".to_string(), |v| {
            catalog.scales.level_name(Scale::Risk, v)
        })
    };
    let mut out = Vec::new();
    for r in results {
        for e in &r.errors {
            out.push(format!("{}: {e}", r.id));
        }
        for o in &r.outcomes {
            let at = format!("{}: {} on {}", r.id, o.expect.scenario, o.expect.device);
            if !o.level_ok() {
                out.push(format!(
                    "{at} is {}, expected at least {}",
                    name(o.level),
                    o.expect.at_least
                ));
            }
            if !o.rank_ok() {
                out.push(format!(
                    "{at}: {} is step {}, expected in the top {TOP_STEPS}",
                    o.expect.prevented_by,
                    o.rank.map_or("-".to_string(), |r| r.to_string())
                ));
            }
            if !o.fix_ok() {
                out.push(format!(
                    "{at}: answering {} yes leaves it {} (was {})",
                    o.expect.prevented_by,
                    name(o.level_after),
                    name(o.level)
                ));
            }
        }
        if r.kind == Kind::WellKept
            && !r.passed()
            && r.errors.is_empty()
            && let Some((w, device, scenario)) = &r.worst
        {
            out.push(format!(
                "{}: {device}, \"{scenario}\" is {}, expected at most {}",
                r.id,
                name(Some(*w)),
                name(r.max_level)
            ));
        }
    }
    out
}

/// The report (CALIBRATION.md): every case, what was expected, what the
/// engine gave.
pub fn report(catalog: &Catalog, results: &[CaseResult]) -> String {
    let name = |v: Option<u8>| {
        v.map_or("-".to_string(), |v| {
            catalog.scales.level_name(Scale::Risk, v)
        })
    };
    let cell = |s: &str| s.replace('|', "\\|");
    let incidents: Vec<&CaseResult> = results
        .iter()
        .filter(|r| r.kind == Kind::Incident)
        .collect();
    let kept: Vec<&CaseResult> = results
        .iter()
        .filter(|r| r.kind == Kind::WellKept)
        .collect();
    let passed = results.iter().filter(|r| r.passed()).count();
    let mut md = String::new();
    md.push_str("# Calibration\n\n");
    md.push_str(
        "Generated by `cargo run --release --bin thingrisk -- calibrate tests/calibration > CALIBRATION.md`;\n\
         `cargo test --test calibration` fails when a case misses or this file is out of date.\n\n\
         Each case is a household file with an expert's expectations, written before the engine\n\
         was run (tests/calibration/FORMAT.md). An incident passes when the scenario that happened\n\
         reaches at least the expected residual level, the step that would have prevented it is\n\
         among the plan's first five, and answering that step \"yes\" lowers the scenario's level.\n\
         A well-kept home passes when no residual risk is above its stated level.\n\n",
    );
    md.push_str(&format!(
        "{passed} of {} cases pass ({} incidents, {} well-kept homes).\n\n",
        results.len(),
        incidents.len(),
        kept.len()
    ));
    md.push_str("## Incidents\n\n");
    md.push_str("| case | what happened | source | scenario on device | expected | got | step that prevents it | its rank | after it | result |\n");
    md.push_str("|---|---|---|---|---|---|---|--:|---|---|\n");
    for r in &incidents {
        for (k, o) in r.outcomes.iter().enumerate() {
            let (case, account, source) = if k == 0 {
                (
                    format!("{} ({})", cell(&r.title), r.id),
                    cell(&r.account),
                    cell(&r.source),
                )
            } else {
                ("".into(), "".into(), "".into())
            };
            let scenario = catalog.scenario_title(&o.expect.scenario);
            let step = catalog.control_title(&o.expect.prevented_by);
            md.push_str(&format!(
                "| {case} | {account} | {source} | {} ({}) | {} or higher | {} | {} | {} | {} | {} |\n",
                cell(&scenario),
                o.expect.device,
                o.expect.at_least,
                name(o.level),
                cell(&step),
                o.rank.map_or("-".to_string(), |r| r.to_string()),
                name(o.level_after),
                if o.passed() { "pass" } else { "**miss**" }
            ));
        }
    }
    let aside: Vec<(&CaseResult, &(Outcome, String))> = results
        .iter()
        .flat_map(|r| r.set_aside.iter().map(move |s| (r, s)))
        .collect();
    if !aside.is_empty() {
        md.push_str("\n### Set aside after review\n\n");
        md.push_str(
            "Expectations that were written before the run and then set aside, each with the reason; not checked.\n\n",
        );
        md.push_str("| case | scenario on device | expected | got | step | its rank | after it | why set aside |\n");
        md.push_str("|---|---|---|---|---|--:|---|---|\n");
        for (r, (o, why)) in aside {
            md.push_str(&format!(
                "| {} | {} ({}) | {} or higher, by {} | {} | {} | {} | {} | {} |\n",
                r.id,
                cell(&catalog.scenario_title(&o.expect.scenario)),
                o.expect.device,
                o.expect.at_least,
                o.expect.prevented_by,
                name(o.level),
                cell(&catalog.control_title(&o.expect.prevented_by)),
                o.rank.map_or("-".to_string(), |r| r.to_string()),
                name(o.level_after),
                cell(why)
            ));
        }
    }
    md.push_str("\n## Well-kept homes\n\n");
    md.push_str("| case | the home | expected | highest risk found | result |\n");
    md.push_str("|---|---|---|---|---|\n");
    for r in &kept {
        let worst = r.worst.as_ref().map_or("-".to_string(), |(l, d, s)| {
            format!("{} ({}: {})", name(Some(*l)), cell(d), cell(s))
        });
        md.push_str(&format!(
            "| {} ({}) | {} | at most {} | {} | {} |\n",
            cell(&r.title),
            r.id,
            cell(&r.account),
            name(r.max_level),
            worst,
            if r.passed() { "pass" } else { "**miss**" }
        ));
    }
    md
}
