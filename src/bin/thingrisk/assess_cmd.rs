//! `thingrisk assess FILE` and `thingrisk plan FILE` (being built: see the engine issue).

use std::process::ExitCode;

pub fn run_assess(args: &[&str]) -> ExitCode {
    crate::usage_error(&format!("assess {}: not available yet", args.join(" ")))
}

pub fn run_plan(args: &[&str]) -> ExitCode {
    crate::usage_error(&format!("plan {}: not available yet", args.join(" ")))
}
