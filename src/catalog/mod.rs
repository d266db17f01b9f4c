//! The catalog layer: the bundled risk catalog (device categories, risk
//! sources, conditions, scenarios, controls, questions, scales, framework ids)
//! and its typed, validated form. Content lives in `catalog/*.toml` so
//! security people can edit it without Rust; build.rs embeds it as JSON.

pub mod compact;
pub mod coverage;
pub mod icons;
pub mod load;
pub mod model;
pub mod scales;
pub mod search;
pub mod stats;
pub mod supply;
pub mod validate;

pub use model::*;
pub use scales::Scale;

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
        Problem {
            file: file.to_string(),
            id: id.map(str::to_string),
            message: message.into(),
        }
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
        // The web app reads the compact copy (far less code in the wasm).
        #[cfg(target_arch = "wasm32")]
        return compact::decode(compact::EMBEDDED);
        #[cfg(not(target_arch = "wasm32"))]
        load::parse(&load::EMBEDDED).unwrap_or_else(|problems| {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            panic!("the bundled catalog is broken:\n{}", list.join("\n"))
        })
    })
}

/// Parses catalog files (in the order of [`load::EMBEDDED`]) and checks every
/// content rule: the one entry the CLI, the tests and the benchmark share.
/// Returns the catalog only when it has no problem at all.
pub fn parse_and_validate(files: &[load::SourceFile; 10]) -> Result<Catalog, Vec<Problem>> {
    let catalog = load::parse(files)?;
    let problems = validate::validate(&catalog);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

/// [`parse_and_validate`] on the catalog bundled into the build.
pub fn load_and_validate() -> Result<Catalog, Vec<Problem>> {
    parse_and_validate(&load::EMBEDDED)
}
