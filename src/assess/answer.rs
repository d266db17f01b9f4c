//! The answer scale every question uses.

use serde::{Deserialize, Serialize};

/// An answer to a question. For a control question it says whether the control
/// is in place; for a condition question whether the condition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    Partly,
    No,
    DontKnow,
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 5] = [
        Answer::Yes,
        Answer::Partly,
        Answer::No,
        Answer::DontKnow,
        Answer::NotApplicable,
    ];

    /// The words shown on the answer buttons.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::Partly => "Partly",
            Answer::No => "No",
            Answer::DontKnow => "Don't know",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// The stable key used in saved files and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
            Answer::DontKnow => "dont-know",
            Answer::NotApplicable => "not-applicable",
        }
    }
}
