//! `thingrisk`: the command-line front end over the same core as the web app.

mod assess_cmd;
mod catalog_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
thingrisk — IoT security and privacy self-assessment (command line)

USAGE:
    thingrisk catalog check               list every problem in the bundled catalog (exit 1 on any)
    thingrisk catalog stats               counts and framework coverage as one JSON object
    thingrisk assess FILE [--format table|json|csv]
                                          the risk register of a household file
    thingrisk plan FILE                   the ranked action plan of a household file
    thingrisk help                        this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["help"] | ["--help"] | ["-h"] | [] => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        ["catalog", rest @ ..] => catalog_cmd::run(rest),
        ["assess", rest @ ..] => assess_cmd::run_assess(rest),
        ["plan", rest @ ..] => assess_cmd::run_plan(rest),
        _ => usage_error(&format!("unknown command {:?}", args.join(" "))),
    }
}

/// Prints a usage error and returns exit code 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("thingrisk: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
