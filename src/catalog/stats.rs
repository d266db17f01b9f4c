//! Counts and framework coverage of a catalog, as `thingrisk catalog stats`
//! prints them. Keys keep the order of the struct fields.

use super::coverage::{Coverage, coverage};
use super::model::*;
use serde::Serialize;

/// How many controls each stakeholder carries out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ByStakeholder {
    pub user: usize,
    pub provider: usize,
    pub developer: usize,
}

/// The catalog in numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub version: String,
    pub device_categories: usize,
    pub risk_sources: usize,
    pub conditions: usize,
    pub scenarios: usize,
    pub controls: usize,
    pub questions: usize,
    pub controls_by_stakeholder: ByStakeholder,
    pub coverage: Coverage,
}

/// Counts the catalog's entries and its framework coverage.
pub fn stats(c: &Catalog) -> Stats {
    let mut by = ByStakeholder::default();
    for x in &c.controls {
        *match x.stakeholder {
            Stakeholder::User => &mut by.user,
            Stakeholder::Provider => &mut by.provider,
            Stakeholder::Developer => &mut by.developer,
        } += 1;
    }
    Stats {
        version: c.version.clone(),
        device_categories: c.device_categories.len(),
        risk_sources: c.risk_sources.len(),
        conditions: c.conditions.len(),
        scenarios: c.scenarios.len(),
        controls: c.controls.len(),
        questions: c.questions.len(),
        controls_by_stakeholder: by,
        coverage: coverage(c),
    }
}

impl Stats {
    /// Pretty-printed JSON, keys in field order.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain structs serialise")
    }
}
