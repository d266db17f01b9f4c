//! `thingrisk`: the command-line front end over the same core as the web app.

mod assess_cmd;
mod calibrate_cmd;
mod catalog_cmd;
mod questions_cmd;

use std::process::ExitCode;

const USAGE: &str = "\
thingrisk — IoT security and privacy self-assessment (command line)

USAGE:
    thingrisk catalog check               list every problem in the bundled catalog (exit 1 on any)
    thingrisk catalog stats               counts and framework coverage as one JSON object
    thingrisk assess FILE [--format table|json|csv] [--today YYYY-MM-DD]
                                          the risk register of a household file
    thingrisk plan FILE [--format table|json] [--today YYYY-MM-DD]
                                          the ranked action plan of a household file
    thingrisk questions FILE [--format table|json] [--today YYYY-MM-DD]
                                          the unanswered questions in the order the app asks
                                          them, each with its stake and whether the quick
                                          check asks it
    thingrisk quick-figures [--today YYYY-MM-DD] [--homes N]
                                          how many questions the quick check asks for the
                                          sample homes and N generated ten-device homes, and
                                          how many of the full plan's first five steps it keeps

    thingrisk calibrate DIR               run the calibration cases in DIR (tests/calibration) and
                                          print CALIBRATION.md (exit 1 when a case misses)

    FILE is an export from the app (its active household) or one household as
    JSON (see tests/fixtures/household-sample.json).
    thingrisk help                        this text
";

fn main() -> ExitCode {
    restore_sigpipe();
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
        ["questions", rest @ ..] => questions_cmd::run(rest),
        ["quick-figures", rest @ ..] => questions_cmd::run_figures(rest),
        ["calibrate", dir] => calibrate_cmd::run(dir),
        _ => usage_error(&format!("unknown command {:?}", args.join(" "))),
    }
}

/// Prints a usage error and returns exit code 2.
pub fn usage_error(message: &str) -> ExitCode {
    eprintln!("thingrisk: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

/// Ends quietly when the reader of our output goes away (`thingrisk … | head`),
/// as command-line tools do, instead of panicking on a broken pipe.
#[cfg(unix)]
fn restore_sigpipe() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: resetting a signal to its default action at start-up, before any
    // other thread exists.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
