//! Ids in a household that the catalog does not (or no longer) have. They
//! are skipped in scoring and listed once, so the UI can tell the user.

use super::engine::Engine;
use super::household::Household;
use serde::Serialize;

/// What kind of id was not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum IdKind {
    Category,
    Capability,
    Question,
    Control,
}

/// One id the catalog does not have, and where it was used.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct UnknownId {
    pub kind: IdKind,
    pub id: String,
    /// The device it was found on, or None for the household.
    pub device: Option<String>,
}

/// Every unknown id in the household, sorted, without repeats.
pub(crate) fn unknown_ids(engine: &Engine<'_>, household: &Household) -> Vec<UnknownId> {
    let mut out = Vec::new();
    let mut add = |kind, id: &str, device: Option<&str>| {
        out.push(UnknownId {
            kind,
            id: id.to_string(),
            device: device.map(str::to_string),
        });
    };
    for q in household
        .answers
        .keys()
        .filter(|q| !engine.questions.contains_key(q.as_str()))
    {
        add(IdKind::Question, q, None);
    }
    for c in household
        .planned
        .iter()
        .filter(|c| !engine.controls.contains_key(c.as_str()))
    {
        add(IdKind::Control, c, None);
    }
    for d in &household.devices {
        let at = Some(d.id.as_str());
        if !engine.categories.contains_key(d.category.as_str()) {
            add(IdKind::Category, &d.category, at);
        }
        for c in d.capabilities_added.iter().chain(&d.capabilities_removed) {
            if !engine.is_declared_capability(c) {
                add(IdKind::Capability, c, at);
            }
        }
        for q in d
            .answers
            .keys()
            .filter(|q| !engine.questions.contains_key(q.as_str()))
        {
            add(IdKind::Question, q, at);
        }
    }
    crate::order::sort_by(&mut out, Ord::cmp);
    out.dedup();
    out
}
