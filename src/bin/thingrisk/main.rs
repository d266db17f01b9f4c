//! `thingrisk`: the command-line front end over the same core as the web app.
//! Arguments are parsed by clap (native only: nothing of it reaches the wasm);
//! every file goes through the app's own reader, `store::read_file`.
//!
//! Exit codes: 0 done, 1 bad input (a file, a catalog problem, a calibration
//! miss), 2 bad usage (clap's own, and the cases clap cannot see).

// Native only: clap is a native-only dependency. Cargo still builds every
// bin of the package for the wasm32 browser tests, so there this is empty.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

#[cfg(not(target_arch = "wasm32"))]
mod assess_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod calibrate_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod catalog_cmd;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod questions_cmd;

#[cfg(not(target_arch = "wasm32"))]
use clap::{CommandFactory, Parser};
#[cfg(not(target_arch = "wasm32"))]
use cli::{CatalogAction, Cli, Command};
use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    ExitCode::SUCCESS
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    match cli.command {
        Command::Catalog { action } => match action {
            CatalogAction::Check => catalog_cmd::check(),
            CatalogAction::Stats => catalog_cmd::print_stats(),
        },
        Command::Assess(args) => assess_cmd::run_assess(&args),
        Command::Plan(args) => assess_cmd::run_plan(&args),
        Command::Questions(args) => questions_cmd::run(&args),
        Command::QuickFigures { today, homes } => questions_cmd::run_figures(today, homes),
        Command::Calibrate { dir } => calibrate_cmd::run(&dir),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "thingrisk",
                &mut std::io::stdout(),
            );
            ExitCode::SUCCESS
        }
    }
}

/// A message on one line, whatever it quotes: control characters (a newline
/// in a file name or a value) are written as escapes.
pub fn one_line(message: &str) -> String {
    message
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// Prints "thingrisk: MESSAGE" to standard error on one line.
pub fn say(message: &str) {
    eprintln!("thingrisk: {}", one_line(message));
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
