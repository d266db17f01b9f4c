//! `thingrisk catalog check` and `thingrisk catalog stats`, over the bundled catalog.

use std::process::ExitCode;
use thingrisk::catalog::{self, Problem, load, stats};

/// Every problem, one line each as `file: id: message`, then the count; exit 1 on any.
pub fn check() -> ExitCode {
    match catalog::load_and_validate() {
        Ok(c) => {
            println!(
                "catalog OK: {} scenarios, {} controls, {} questions, {} device categories, \
                 {} risk sources, {} conditions (version {})",
                c.scenarios.len(),
                c.controls.len(),
                c.questions.len(),
                c.device_categories.len(),
                c.risk_sources.len(),
                c.conditions.len(),
                c.version
            );
            ExitCode::SUCCESS
        }
        Err(problems) => report(&problems),
    }
}

/// The stats as pretty JSON. Content problems do not stop it (coverage gaps
/// are part of what it shows); only files that cannot be read do.
pub fn print_stats() -> ExitCode {
    match load::parse(&load::EMBEDDED) {
        Ok(c) => {
            println!("{}", stats::stats(&c).to_json());
            ExitCode::SUCCESS
        }
        Err(problems) => report(&problems),
    }
}

fn report(problems: &[Problem]) -> ExitCode {
    for p in problems {
        println!("{p}");
    }
    println!(
        "catalog check: {}",
        thingrisk::plural::plural(problems.len(), "problem", "problems")
    );
    ExitCode::from(1)
}
