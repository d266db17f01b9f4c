//! `thingrisk calibrate DIR`: runs the calibration cases and prints the
//! report (CALIBRATION.md); the misses go to standard error.

use std::process::ExitCode;
use thingrisk::assess::calibration::{self, Case};

pub fn run(dir: &str) -> ExitCode {
    let catalog = thingrisk::catalog::embedded();
    let cases = match load(dir) {
        Ok(cases) => cases,
        Err(message) => {
            eprintln!("thingrisk: {message}");
            return ExitCode::from(2);
        }
    };
    let results: Vec<_> = cases.iter().map(|c| calibration::run(catalog, c)).collect();
    print!("{}", calibration::report(catalog, &results));
    let misses = calibration::misses(catalog, &results);
    for m in &misses {
        eprintln!("miss: {m}");
    }
    if misses.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every `*.json` case in `dir`, by file name.
pub fn load(dir: &str) -> Result<Vec<Case>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {dir}: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
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
