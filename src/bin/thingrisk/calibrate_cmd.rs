//! `thingrisk calibrate DIR`: runs the calibration cases and prints the
//! report (CALIBRATION.md); the misses go to standard error.

use std::process::ExitCode;
use thingrisk::assess::calibration;

pub fn run(dir: &std::path::Path) -> ExitCode {
    let catalog = thingrisk::catalog::embedded();
    let cases = match calibration::load_dir(dir) {
        Ok(cases) => cases,
        Err(message) => {
            crate::say(&message);
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
