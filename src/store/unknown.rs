//! Ids in the saved state that this build's catalog does not have (a
//! category, capability, question or control removed or renamed in a later
//! catalog). They are never errors: the data is kept as it is, scoring skips
//! it, and the UI reports the list once after loading. Which ids count as
//! unknown is decided by the engine ([`crate::assess::UnknownId`]); this
//! module gathers them across households.

use super::envelope::State;
use crate::assess::{Engine, IdKind};
use crate::catalog::Catalog;
use std::collections::BTreeSet;
use std::fmt;

/// One unknown id and where it is used.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnknownId {
    pub household: String,
    /// The device it is on, or None for the household itself.
    pub device: Option<String>,
    pub kind: IdKind,
    pub id: String,
}

fn kind_name(kind: IdKind, n: usize) -> &'static str {
    match (kind, n == 1) {
        (IdKind::Category, true) => "device category",
        (IdKind::Category, false) => "device categories",
        (IdKind::Capability, true) => "capability",
        (IdKind::Capability, false) => "capabilities",
        (IdKind::Question, true) => "question",
        (IdKind::Question, false) => "questions",
        (IdKind::Control, true) => "planned control",
        (IdKind::Control, false) => "planned controls",
    }
}

impl fmt::Display for UnknownId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "household {:?}", self.household)?;
        if let Some(d) = &self.device {
            write!(f, ", device {d:?}")?;
        }
        write!(f, ": unknown {} {}", kind_name(self.kind, 1), self.id)
    }
}

/// Every unknown id in the state, household by household (each household's
/// list sorted, without repeats).
pub fn unknown_ids(state: &State, catalog: &Catalog) -> Vec<UnknownId> {
    let engine = Engine::new(catalog);
    state
        .households
        .iter()
        .flat_map(|h| {
            crate::assess::unknown::unknown_ids(&engine, h)
                .into_iter()
                .map(|u| UnknownId {
                    household: h.id.clone(),
                    device: u.device,
                    kind: u.kind,
                    id: u.id,
                })
        })
        .collect()
}

/// The one message shown after loading, or None when every id is known:
/// "Some saved entries use catalog items this version of ThingRisk does not
/// know: 1 device category (dev.fridge); 2 questions (q.a, q.b). They are
/// kept unchanged and left out of the scores."
pub fn unknown_summary(unknown: &[UnknownId]) -> Option<String> {
    if unknown.is_empty() {
        return None;
    }
    let groups: Vec<String> = [
        IdKind::Category,
        IdKind::Capability,
        IdKind::Question,
        IdKind::Control,
    ]
    .into_iter()
    .filter_map(|kind| {
        let ids: BTreeSet<&str> = unknown
            .iter()
            .filter(|u| u.kind == kind)
            .map(|u| u.id.as_str())
            .collect();
        (!ids.is_empty()).then(|| {
            let list: Vec<&str> = ids.iter().copied().collect();
            format!(
                "{} {} ({})",
                ids.len(),
                kind_name(kind, ids.len()),
                list.join(", ")
            )
        })
    })
    .collect();
    Some(format!(
        "Some saved entries use catalog items this version of ThingRisk does not know: {}. \
         They are kept unchanged and left out of the scores.",
        groups.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Answer, Device, Household};

    #[test]
    fn unknown_ids_are_found_per_household_and_summarised() {
        let catalog = crate::catalog::embedded();
        let known_category = &catalog.device_categories[0].id;
        let known_question = &catalog.questions[0].id;
        let mut h = Household::new("h1", "Home");
        h.answers.insert("q.removed-household".into(), Answer::Yes);
        let mut fridge = Device::new("d1", "Fridge", "dev.fridge-removed");
        fridge.answers.insert("q.gone".into(), Answer::No);
        h.devices.push(fridge);
        let mut ok = Device::new("d2", "Router", known_category.clone());
        ok.answers.insert(known_question.clone(), Answer::Yes);
        ok.capabilities_added.push("cap.teleport".into());
        h.devices.push(ok);
        h.planned.push("ctl.renamed".into());
        let mut h2 = Household::new("h2", "Flat");
        h2.devices
            .push(Device::new("d1", "Fridge", "dev.fridge-removed"));
        let state = State::new(vec![h, h2]);

        let found = unknown_ids(&state, catalog);
        let mut expected = vec![
            ("h1", Some("d1"), IdKind::Category, "dev.fridge-removed"),
            ("h1", Some("d1"), IdKind::Question, "q.gone"),
            ("h1", Some("d2"), IdKind::Capability, "cap.teleport"),
            ("h1", None, IdKind::Question, "q.removed-household"),
            ("h1", None, IdKind::Control, "ctl.renamed"),
            ("h2", Some("d1"), IdKind::Category, "dev.fridge-removed"),
        ];
        let mut got: Vec<_> = found
            .iter()
            .map(|u| {
                (
                    u.household.as_str(),
                    u.device.as_deref(),
                    u.kind,
                    u.id.as_str(),
                )
            })
            .collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected);
        assert_eq!(
            found
                .iter()
                .find(|u| u.kind == IdKind::Capability)
                .unwrap()
                .to_string(),
            "household \"h1\", device \"d2\": unknown capability cap.teleport"
        );
        assert_eq!(
            unknown_summary(&found).unwrap(),
            "Some saved entries use catalog items this version of ThingRisk does not know: \
             1 device category (dev.fridge-removed); 1 capability (cap.teleport); \
             2 questions (q.gone, q.removed-household); 1 planned control (ctl.renamed). \
             They are kept unchanged and left out of the scores."
        );
        assert_eq!(unknown_summary(&[]), None);
    }
}
