//! `thingrisk assess FILE` (the risk register) and `thingrisk plan FILE`
//! (the ranked action plan).
//!
//! FILE is one household as JSON, the serde form of
//! `thingrisk::assess::Household`; tests/fixtures/household-sample.json is a
//! documented example. Dates are "YYYY-MM-DD"; answers are "yes", "partly",
//! "no", "dont-know" or "not-applicable", keyed by question id.

use std::process::ExitCode;
use thingrisk::assess::{Assessment, Date, Engine, Household, PlanEntry};
use thingrisk::catalog::{self, Scale};
use thingrisk::plural::plural;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Table,
    Json,
    Csv,
}

pub(crate) struct Options<'a> {
    pub file: &'a str,
    pub format: Format,
    pub today: Date,
}

/// Reads one household file. The single place that knows the file form.
pub fn read_household(path: &str) -> Result<Household, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    // A saved-format file (an export from the app, any version): its active
    // household, or its first. Otherwise a bare household JSON.
    let is_envelope = serde_json::from_str::<serde_json::Value>(&text)
        .is_ok_and(|v| v.get("households").is_some());
    if is_envelope {
        let state = thingrisk::store::decode::decode(&text).map_err(|e| format!("{path}: {e}"))?;
        let active = state.active_household().cloned();
        return active
            .or_else(|| state.households.into_iter().next())
            .ok_or_else(|| format!("{path} holds no household"));
    }
    let household: Household = serde_json::from_str(&text)
        .map_err(|e| format!("{path} is not a valid household file: {e}"))?;
    // The saved format's rules (unique device ids, names within bounds), as
    // for an export; the paths are the bare file's own.
    let state = thingrisk::store::State::new(vec![household]);
    thingrisk::store::validate::check(&state)
        .map_err(|e| format!("{path}: {}", e.to_string().replace("household 1, ", "")))?;
    Ok(state
        .households
        .into_iter()
        .next()
        .expect("the household just wrapped"))
}

/// Today's date from the system clock (the core never reads a clock).
pub(crate) fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch((secs / 86_400) as i64)
}

fn parse_options<'a>(args: &[&'a str], formats: &[Format]) -> Result<Options<'a>, String> {
    let mut file = None;
    let mut format = Format::Table;
    let mut today = None;
    let mut it = args.iter().copied();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v)),
            _ => (arg, None),
        };
        match flag {
            "--format" | "--today" => {
                let value = inline
                    .or_else(|| it.next())
                    .ok_or_else(|| format!("{flag} needs a value"))?;
                if flag == "--format" {
                    format = match value {
                        "table" => Format::Table,
                        "json" => Format::Json,
                        "csv" => Format::Csv,
                        other => return Err(format!("unknown format {other:?}")),
                    };
                    if !formats.contains(&format) {
                        return Err(format!("format {value:?} is not available here"));
                    }
                } else {
                    today = Some(
                        Date::parse(value)
                            .ok_or_else(|| format!("--today {value:?} is not YYYY-MM-DD"))?,
                    );
                }
            }
            f if f.starts_with("--") => return Err(format!("unknown option {f}")),
            f if file.is_none() => file = Some(f),
            f => return Err(format!("unexpected argument {f:?}")),
        }
    }
    let file = file.ok_or("missing FILE")?;
    Ok(Options {
        file,
        format,
        today: today.unwrap_or_else(system_today),
    })
}

fn warn_unknown(assessment: &Assessment<'_>) {
    for u in &assessment.unknown_ids {
        let at = u
            .device
            .as_deref()
            .map_or("the household".to_string(), |d| format!("device {d}"));
        eprintln!(
            "thingrisk: warning: unknown {:?} id {:?} on {at} (skipped)",
            u.kind, u.id
        );
    }
}

pub(crate) fn load<'a>(
    args: &[&'a str],
    formats: &[Format],
) -> Result<(Options<'a>, Household), ExitCode> {
    let opts = parse_options(args, formats).map_err(|e| crate::usage_error(&e))?;
    let household = read_household(opts.file).map_err(|e| {
        eprintln!("thingrisk: {e}");
        ExitCode::FAILURE
    })?;
    warn_misplaced(&household);
    Ok((opts, household))
}

/// Device questions answered for the whole home are not counted: say
/// which, and where they go.
fn warn_misplaced(household: &Household) {
    let engine = Engine::new(catalog::embedded());
    for m in engine.misplaced_answers(household) {
        eprintln!(
            "thingrisk: warning: {} is a question for each device, answered for the whole home: not counted (put it in each device's \"answers\")",
            m.question
        );
    }
}

/// `thingrisk assess FILE [--format table|json|csv] [--today YYYY-MM-DD]`.
pub fn run_assess(args: &[&str]) -> ExitCode {
    let (opts, household) = match load(args, &[Format::Table, Format::Json, Format::Csv]) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let engine = Engine::new(catalog::embedded());
    let assessment = engine.evaluate(&household, opts.today);
    warn_unknown(&assessment);
    let out = match opts.format {
        Format::Json => {
            serde_json::to_string_pretty(&assessment).expect("an assessment serializes") + "\n"
        }
        Format::Csv => register_csv(&engine, &assessment),
        Format::Table => register_table(&engine, &household, &assessment),
    };
    print!("{out}");
    ExitCode::SUCCESS
}

/// `thingrisk plan FILE [--format table|json] [--today YYYY-MM-DD]`.
pub fn run_plan(args: &[&str]) -> ExitCode {
    let (opts, household) = match load(args, &[Format::Table, Format::Json]) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let engine = Engine::new(catalog::embedded());
    let assessment = engine.evaluate(&household, opts.today);
    warn_unknown(&assessment);
    let plan = engine.plan(&assessment);
    let out = match opts.format {
        Format::Json => serde_json::to_string_pretty(&plan).expect("a plan serializes") + "\n",
        _ => plan_table(&engine, &household, &plan),
    };
    print!("{out}");
    ExitCode::SUCCESS
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

fn register_table(engine: &Engine<'_>, household: &Household, a: &Assessment<'_>) -> String {
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
        "Risk register: {} ({}, {})\n\n",
        household.name,
        plural(a.pairs.len(), "risk", "risks"),
        a.today
    );
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

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
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

fn plan_table(engine: &Engine<'_>, household: &Household, plan: &[PlanEntry<'_>]) -> String {
    let scales = &engine.catalog().scales;
    let mut out = format!(
        "Action plan: {} ({} you can take, most important first)\n\n",
        household.name,
        plural(plan.len(), "step", "steps")
    );
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
