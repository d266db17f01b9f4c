//! The catalog layer: the bundled risk catalog (device categories, risk
//! sources, conditions, scenarios, controls, questions, scales, framework ids)
//! and its typed, validated form. Content lives in `catalog/*.toml` so
//! security people can edit it without Rust; build.rs embeds it as JSON.

pub mod load;
pub mod model;

pub use model::*;

use std::sync::OnceLock;

/// One thing wrong with the catalog content, named by file and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub id: Option<String>,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, id: Option<&str>, message: impl Into<String>) -> Self {
        Problem { file: file.to_string(), id: id.map(str::to_string), message: message.into() }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.id {
            Some(id) => write!(f, "{}: {}: {}", self.file, id, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// The embedded catalog, parsed once. Panics only if the bundled content is
/// broken, which the test suite rules out.
pub fn embedded() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        load::parse(&load::EMBEDDED).unwrap_or_else(|problems| {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!("the bundled catalog is broken:\n{}", list.join("\n"))
        })
    })
}
