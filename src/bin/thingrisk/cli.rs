//! The command line's grammar: every subcommand, option and help text, in
//! one place (clap derive). `thingrisk help SUBCOMMAND` or `--help` shows it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use thingrisk::assess::Date;

#[derive(Parser)]
#[command(
    name = "thingrisk",
    version,
    about = "IoT security and privacy self-assessment for homes (command line)",
    long_about = "IoT security and privacy self-assessment for homes, built on ISO/IEC 27400.\n\
                  The same catalog and engine as the ThingRisk web app, on the command line.",
    after_long_help = FILE_FORMAT,
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check the bundled risk catalog, or print its statistics
    Catalog {
        #[command(subcommand)]
        action: CatalogAction,
    },
    /// The risk register of a household file: every risk, inherent and residual
    #[command(after_long_help = FILE_FORMAT)]
    Assess(AssessArgs),
    /// The ranked action plan of a household file: the steps that lower its risks most
    #[command(after_long_help = FILE_FORMAT)]
    Plan(ReportArgs),
    /// The unanswered questions of a household file, in the order the app asks them
    #[command(after_long_help = FILE_FORMAT)]
    Questions(ReportArgs),
    /// How many questions the quick check asks, for the sample homes and generated homes
    QuickFigures {
        /// The day to assess on, as YYYY-MM-DD [default: today]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        today: Option<Date>,
        /// How many generated ten-device homes to add
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        homes: u64,
    },
    /// Run the calibration cases in DIR and print CALIBRATION.md (exit 1 on a miss)
    Calibrate {
        /// The folder of cases (tests/calibration)
        dir: PathBuf,
    },
    /// Print a shell completion script (for example: thingrisk completions bash > ~/.local/share/bash-completion/completions/thingrisk)
    Completions {
        /// The shell to write it for
        shell: clap_complete::Shell,
    },
}

#[derive(Subcommand)]
pub enum CatalogAction {
    /// List every problem in the bundled catalog (exit 1 on any)
    Check,
    /// Counts and framework coverage as one JSON object
    Stats,
}

/// The input every household report takes.
#[derive(Args)]
pub struct Input {
    /// An export from the app (its open household is used) or one household as JSON
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The day to assess on, as YYYY-MM-DD [default: today; results change as
    /// devices' support periods end]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<Date>,
}

#[derive(Args)]
pub struct AssessArgs {
    #[command(flatten)]
    pub input: Input,
    /// How to print it
    #[arg(long, value_enum, default_value_t = RegisterFormat::Table)]
    pub format: RegisterFormat,
}

#[derive(Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: Input,
    /// How to print it
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    /// Aligned columns for reading
    Table,
    /// The full assessment, every number and reason
    Json,
    /// One row per device and risk, for spreadsheets
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned columns for reading
    Table,
    /// Every detail, for scripts
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| "not a date written as YYYY-MM-DD (like 2026-03-31)".to_string())
}

/// The household file, documented where people look: `--help`.
const FILE_FORMAT: &str = "\
FILES:
  FILE is either an export saved by the app (\"Your data\" > \"Export\"; its
  open household is used) or one household as JSON, like this:

    {
      \"id\": \"home\",
      \"name\": \"Our flat\",
      \"answers\": { \"q.wifi-strong\": \"yes\", \"q.guest-network\": \"no\" },
      \"devices\": [
        {
          \"id\": \"d1\",
          \"name\": \"Baby monitor\",
          \"category\": \"dev.indoor-camera\",
          \"room\": \"Nursery\",
          \"lifecycle\": { \"acquired\": \"new\", \"purchased\": \"2024-02-01\",
                         \"support_end\": \"2028-02-01\" },
          \"answers\": { \"q.default-password\": \"yes\", \"q.auto-updates\": \"dont-know\" }
        }
      ],
      \"planned\": [\"ctl.guest-network\"]
    }

  Required: id and name; each device's id (unique in the file), name and
  category. Answers are \"yes\", \"partly\", \"no\", \"dont-know\" or
  \"not-applicable\", keyed by question id (`thingrisk questions FILE` lists
  them). Dates are exactly YYYY-MM-DD. \"acquired\" is \"new\" or
  \"second-hand\". Optional device fields: room, lifecycle,
  capabilities_added, capabilities_removed, answers.

  Files of up to 5 MB, 100 households and 500 devices a household are read,
  with the app's own checks and messages. A detail the format does not have
  (a misspelt field) is an error naming it and the nearest known name, so no
  data is dropped unseen. tests/fixtures/household-sample.json is a full
  example.

EXIT CODES:
  0 done, 1 a file or the catalog has a problem, 2 the command was not
  understood.";
