//! `thingrisk catalog …` (being built: see the catalog issue).

use std::process::ExitCode;

pub fn run(args: &[&str]) -> ExitCode {
    crate::usage_error(&format!("catalog {}: not available yet", args.join(" ")))
}
