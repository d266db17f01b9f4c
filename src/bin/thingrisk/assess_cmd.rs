//! `thingrisk assess FILE` (the risk register) and `thingrisk plan FILE`
//! (the ranked action plan).
//!
//! FILE is read by the app's own reader ([`thingrisk::store::read_file`]):
//! an export from the app or one bare household (the serde form of
//! `thingrisk::assess::Household`; tests/fixtures/household-sample.json is a
//! documented example), with the same limits and messages.

use crate::cli::{AssessArgs, Input, RegisterFormat, ReportArgs, ReportFormat};
use crate::say;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use thingrisk::assess::{Assessment, Date, Engine, Household, PlanEntry};
use thingrisk::catalog::{self, Scale};
use thingrisk::plural::plural;
use thingrisk::store::{IMPORT_LIMIT_BYTES, csv::cell, read_file};

/// A household read from a file, and the day to assess it on.
pub(crate) struct Loaded {
    pub household: Household,
    pub today: Date,
    /// How the day was chosen, for the table's heading.
    pub day_note: &'static str,
}

/// Reads one household file: an export's open household (or its first), or
/// a bare household. Every problem is one line naming the file.
pub fn read_household(path: &Path) -> Result<Household, Vec<String>> {
    let shown = path.display();
    let one = |m: String| vec![m];
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the file is too large,
    // without reading a huge file into memory.
    std::fs::File::open(path)
        .and_then(|f| {
            f.take(IMPORT_LIMIT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
        })
        .map_err(|e| one(format!("cannot read {shown}: {e}")))?;
    let intake = read_file(&bytes).map_err(|e| {
        let e = match e {
            // The size of the file, not of the part read.
            thingrisk::store::DecodeError::TooLarge { limit, .. } => {
                let bytes = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
                thingrisk::store::DecodeError::TooLarge {
                    bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                    limit,
                }
            }
            e => e,
        };
        one(format!("{shown}: {e}"))
    })?;
    if !intake.unknown_fields.is_empty() {
        return Err(intake
            .unknown_fields
            .iter()
            .map(|u| format!("{shown}: {u} (nothing was assessed, so none of it is lost: correct or remove it)"))
            .collect());
    }
    let state = intake.state;
    let active = state.active_household().cloned();
    active
        .or_else(|| state.households.into_iter().next())
        .ok_or_else(|| one(format!("{shown} holds no household")))
}

/// Today's date from the system clock (the core never reads a clock).
pub(crate) fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

/// The day from `--today`, or the system's, with the note the table shows.
pub(crate) fn day(today: Option<Date>) -> (Date, &'static str) {
    match today {
        Some(d) => (d, "from --today"),
        None => (
            system_today(),
            "today; results change as support periods end: --today YYYY-MM-DD sets the day",
        ),
    }
}

fn warn_unknown(assessment: &Assessment<'_>) {
    for u in &assessment.unknown_ids {
        let at = u
            .device
            .as_deref()
            .map_or("the household".to_string(), |d| format!("device {d:?}"));
        say(&format!(
            "warning: unknown {:?} id {:?} on {at} (skipped)",
            u.kind, u.id
        ));
    }
}

/// Reads FILE and the day; on a bad file, says why and gives exit code 1.
pub(crate) fn load(input: &Input) -> Result<Loaded, ExitCode> {
    let household = read_household(&input.file).map_err(|messages| {
        for m in &messages {
            say(m);
        }
        ExitCode::FAILURE
    })?;
    warn_misplaced(&household);
    let (today, day_note) = day(input.today);
    Ok(Loaded {
        household,
        today,
        day_note,
    })
}

/// Device questions answered for the whole home are not counted: say
/// which, and where they go.
fn warn_misplaced(household: &Household) {
    let engine = Engine::new(catalog::embedded());
    for m in engine.misplaced_answers(household) {
        say(&format!(
            "warning: {} is a question for each device, answered for the whole home: not counted (put it in each device's \"answers\")",
            m.question
        ));
    }
}

/// `thingrisk assess FILE [--format table|json|csv] [--today YYYY-MM-DD]`.
pub fn run_assess(args: &AssessArgs) -> ExitCode {
    let loaded = match load(&args.input) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let engine = Engine::new(catalog::embedded());
    let assessment = engine.evaluate(&loaded.household, loaded.today);
    warn_unknown(&assessment);
    let out = match args.format {
        RegisterFormat::Json => {
            serde_json::to_string_pretty(&assessment).expect("an assessment serializes") + "\n"
        }
        RegisterFormat::Csv => register_csv(&engine, &assessment),
        RegisterFormat::Table => register_table(&engine, &loaded, &assessment),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `thingrisk plan FILE [--format table|json] [--today YYYY-MM-DD]`.
pub fn run_plan(args: &ReportArgs) -> ExitCode {
    let loaded = match load(&args.input) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let engine = Engine::new(catalog::embedded());
    let assessment = engine.evaluate(&loaded.household, loaded.today);
    warn_unknown(&assessment);
    let plan = engine.plan(&assessment);
    let out = match args.format {
        ReportFormat::Json => {
            serde_json::to_string_pretty(&plan).expect("a plan serializes") + "\n"
        }
        ReportFormat::Table => plan_table(&engine, &loaded, &plan),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// "Assessed on 2026-12-03 (today; ...)": the first line under a table's title.
pub(crate) fn day_line(loaded: &Loaded) -> String {
    format!("Assessed on {} ({})\n", loaded.today, loaded.day_note)
}

/// Left-aligned columns separated by two spaces.
pub(crate) fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    out += &line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for row in rows {
        out += &line(row.iter().map(String::as_str).collect());
    }
    out
}

fn device_name<'h>(household: &'h Household, id: &'h str) -> &'h str {
    household.device(id).map_or(id, |d| d.name.as_str())
}

fn scenario_title<'c>(engine: &Engine<'c>, id: &'c str) -> &'c str {
    engine.scenario(id).map_or(id, |s| s.title.as_str())
}

fn register_table(engine: &Engine<'_>, loaded: &Loaded, a: &Assessment<'_>) -> String {
    let household = &loaded.household;
    let scales = &engine.catalog().scales;
    let rows: Vec<Vec<String>> = a
        .top_risks()
        .iter()
        .map(|&k| {
            let p = &a.pairs[k];
            vec![
                device_name(household, &p.device).to_string(),
                scenario_title(engine, p.scenario).to_string(),
                scales.level_name(Scale::Risk, p.inherent.risk_level),
                scales.level_name(Scale::Risk, p.residual.risk_level),
                p.missing_controls.len().to_string(),
            ]
        })
        .collect();
    let mut out = format!(
        "Risk register: {} ({})\n",
        household.name,
        plural(a.pairs.len(), "risk", "risks"),
    );
    out += &day_line(loaded);
    out.push('\n');
    out += &table(
        &["Device", "Risk", "Inherent", "Residual", "Missing controls"],
        &rows,
    );
    let counts: Vec<String> = (1..=5u8)
        .rev()
        .map(|l| {
            format!(
                "{} {}",
                scales.level_name(Scale::Risk, l),
                a.counts.residual[usize::from(l) - 1]
            )
        })
        .collect();
    out += &format!("\nResidual risks by level: {}\n", counts.join(", "));
    let p = &a.progress;
    out += &format!(
        "Questions answered: {} of {} ({:.0}%)\n",
        p.answered,
        p.total,
        p.share * 100.0
    );
    if !a.open_questions.is_empty() {
        out += &format!(
            "Open questions (answered \"don't know\"): {}\n",
            a.open_questions.len()
        );
    }
    if !a.reminders.is_empty() {
        out += "\nReminders:\n";
        for r in &a.reminders {
            out += &format!("- {}\n", r.sentence());
        }
    }
    out
}

/// A CSV field: the store's cell (formula-defused, quoted when needed), so
/// every CSV ThingRisk writes treats user text alike.
fn csv_field(s: &str) -> String {
    cell(s).into_owned()
}

fn register_csv(engine: &Engine<'_>, a: &Assessment<'_>) -> String {
    let mut out = String::from(
        "device_id,device_name,scenario_id,scenario,inherent_likelihood,inherent_impact,inherent_level,\
         residual_likelihood,residual_impact,residual_level,residual_score,projected_level,missing_controls,open_questions\n",
    );
    for p in &a.pairs {
        let name = a
            .devices
            .get(p.device_index)
            .map_or("", |d| d.name.as_str());
        let fields = [
            csv_field(&p.device),
            csv_field(name),
            csv_field(p.scenario),
            csv_field(scenario_title(engine, p.scenario)),
            format!("{:.2}", p.inherent.likelihood),
            format!("{:.2}", p.inherent.impact),
            p.inherent.risk_level.to_string(),
            format!("{:.2}", p.residual.likelihood),
            format!("{:.2}", p.residual.impact),
            p.residual.risk_level.to_string(),
            format!("{:.2}", p.residual.score),
            p.projected.risk_level.to_string(),
            csv_field(&p.missing_controls.join(";")),
            csv_field(&p.open_questions.join(";")),
        ];
        out += &fields.join(",");
        out.push('\n');
    }
    out
}

fn plan_table(engine: &Engine<'_>, loaded: &Loaded, plan: &[PlanEntry<'_>]) -> String {
    let household = &loaded.household;
    let scales = &engine.catalog().scales;
    let mut out = format!(
        "Action plan: {} ({} you can take, most important first)\n",
        household.name,
        plural(plan.len(), "step", "steps")
    );
    out += &day_line(loaded);
    out.push('\n');
    let rows: Vec<Vec<String>> = plan
        .iter()
        .map(|e| {
            let title = engine
                .control(e.control)
                .map_or(e.control, |c| c.title.as_str());
            let planned = if e.planned { " (planned)" } else { "" };
            vec![
                e.rank.to_string(),
                format!("{title}{planned}"),
                scales.level_name(Scale::Effort, e.effort),
                format!("{:.2}", e.value),
                plural(e.lowers.len(), "risk", "risks"),
            ]
        })
        .collect();
    out += &table(&["Rank", "Control", "Effort", "Value", "Lowers"], &rows);
    for e in plan.iter().filter(|e| !e.lowers.is_empty()) {
        let title = engine
            .control(e.control)
            .map_or(e.control, |c| c.title.as_str());
        out += &format!("\n{}. {title}\n", e.rank);
        if let Some(why) = e
            .reason()
            .and_then(|l| e.why(engine.catalog(), device_name(household, &l.device)))
        {
            out += &format!("   {why}\n");
        }
        for l in &e.lowers {
            out += &format!(
                "   - {}: {} ({} → {})\n",
                device_name(household, &l.device),
                scenario_title(engine, l.scenario),
                scales.level_name(Scale::Risk, l.current_level),
                scales.level_name(Scale::Risk, l.projected_level)
            );
        }
    }
    out
}
