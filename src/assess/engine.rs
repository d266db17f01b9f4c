//! The prepared index over a catalog: ids resolved to positions once, so a
//! recompute on every answer change does no id searching. Build one
//! [`Engine`] per catalog and reuse it; the free functions of this layer
//! build a throwaway one.

use super::answer::Answer;
use super::household::{Device, Household};
use crate::catalog::{Catalog, ConditionSource, Question, Scope};
use std::collections::{HashMap, HashSet};

/// What a question sets, resolved to a catalog position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Control(usize),
    Condition(usize),
    /// An unknown id, or a condition derived from facts: never used.
    Nothing,
}

/// A catalog indexed for scoring. Cheap to keep (a few hash maps); build it
/// once per catalog.
#[derive(Debug, Clone)]
pub struct Engine<'c> {
    pub(crate) catalog: &'c Catalog,
    pub(crate) categories: HashMap<&'c str, usize>,
    pub(crate) capabilities: HashSet<&'c str>,
    pub(crate) scenarios: HashMap<&'c str, usize>,
    pub(crate) controls: HashMap<&'c str, usize>,
    pub(crate) questions: HashMap<&'c str, usize>,
    /// Per scenario, per condition effect: the condition's position.
    pub(crate) scenario_conditions: Vec<Vec<Option<usize>>>,
    /// Per scenario, per treatment: the control's position.
    pub(crate) scenario_treatments: Vec<Vec<Option<usize>>>,
    /// Per control: the questions that set it, in catalog order.
    pub(crate) control_questions: Vec<Vec<usize>>,
    /// Per condition: the questions that set it, in catalog order.
    pub(crate) condition_questions: Vec<Vec<usize>>,
    /// Per question: what it sets.
    pub(crate) targets: Vec<Target>,
}

/// What the engine knows about one device of a household.
#[derive(Debug, Clone)]
pub(crate) struct DeviceContext<'c> {
    /// Known capability ids after overrides.
    pub capabilities: Vec<&'c str>,
    /// Applicable scenarios, in catalog order.
    pub scenarios: Vec<usize>,
    /// Per question: does it concern this device (either scope)?
    pub relevant: Vec<bool>,
}

/// The answer that counts for a control or condition on one device.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved {
    pub question: usize,
    pub answer: Option<Answer>,
}

fn index<'c, T>(items: &'c [T], id: impl Fn(&'c T) -> &'c str) -> HashMap<&'c str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The first of duplicated ids wins (validation reports duplicates).
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'c> Engine<'c> {
    /// Indexes a catalog. Never fails: ids the catalog does not resolve are
    /// skipped (catalog validation reports them).
    pub fn new(catalog: &'c Catalog) -> Engine<'c> {
        let categories = index(&catalog.device_categories, |c| c.id.as_str());
        let scenarios = index(&catalog.scenarios, |s| s.id.as_str());
        let conditions = index(&catalog.conditions, |c| c.id.as_str());
        let controls = index(&catalog.controls, |c| c.id.as_str());
        let questions = index(&catalog.questions, |q| q.id.as_str());
        let capabilities = catalog.capabilities.iter().map(|c| c.id.as_str()).collect();
        let scenario_conditions = catalog
            .scenarios
            .iter()
            .map(|s| {
                s.conditions
                    .iter()
                    .map(|e| conditions.get(e.condition.as_str()).copied())
                    .collect()
            })
            .collect();
        let scenario_treatments = catalog
            .scenarios
            .iter()
            .map(|s| {
                s.treatments
                    .iter()
                    .map(|t| controls.get(t.control.as_str()).copied())
                    .collect()
            })
            .collect();
        let mut control_questions = vec![Vec::new(); catalog.controls.len()];
        let mut condition_questions = vec![Vec::new(); catalog.conditions.len()];
        let mut targets = Vec::with_capacity(catalog.questions.len());
        for (qi, q) in catalog.questions.iter().enumerate() {
            let target = if let Some(&c) = q.control.as_deref().and_then(|id| controls.get(id)) {
                control_questions[c].push(qi);
                Target::Control(c)
            } else if let Some(&c) = q.condition.as_deref().and_then(|id| conditions.get(id)) {
                if catalog.conditions[c].source == ConditionSource::Question {
                    condition_questions[c].push(qi);
                    Target::Condition(c)
                } else {
                    Target::Nothing
                }
            } else {
                Target::Nothing
            };
            targets.push(target);
        }
        Engine {
            catalog,
            categories,
            capabilities,
            scenarios,
            controls,
            questions,
            scenario_conditions,
            scenario_treatments,
            control_questions,
            condition_questions,
            targets,
        }
    }

    /// The catalog this engine indexes.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// A scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&'c crate::catalog::Scenario> {
        self.scenarios.get(id).map(|&i| &self.catalog.scenarios[i])
    }

    /// A control by id.
    pub fn control(&self, id: &str) -> Option<&'c crate::catalog::Control> {
        self.controls.get(id).map(|&i| &self.catalog.controls[i])
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&'c Question> {
        self.questions.get(id).map(|&i| &self.catalog.questions[i])
    }

    /// The device's known capabilities: category defaults + added − removed.
    pub fn capabilities_of(&self, device: &Device) -> Vec<&'c str> {
        match self.categories.get(device.category.as_str()) {
            Some(&c) => self.capabilities_in(c, device),
            None => Vec::new(),
        }
    }

    fn capabilities_in(&self, category: usize, device: &Device) -> Vec<&'c str> {
        let defaults = &self.catalog.device_categories[category].capabilities;
        let mut caps: Vec<&'c str> =
            Vec::with_capacity(defaults.len() + device.capabilities_added.len());
        let added = device
            .capabilities_added
            .iter()
            .filter_map(|c| self.capabilities.get(c.as_str()).copied());
        for cap in defaults.iter().map(String::as_str).chain(added) {
            if !caps.contains(&cap) && !device.capabilities_removed.iter().any(|r| r == cap) {
                caps.push(cap);
            }
        }
        caps
    }

    /// Everything the engine derives from a device's facts, or None when its
    /// category is unknown (the device is then skipped).
    pub(crate) fn context(&self, device: &Device) -> Option<DeviceContext<'c>> {
        let category = *self.categories.get(device.category.as_str())?;
        let capabilities = self.capabilities_in(category, device);
        let cat_id = self.catalog.device_categories[category].id.as_str();
        let matches =
            |a: &crate::catalog::AppliesTo| a.matches(cat_id, capabilities.iter().copied());
        let scenarios: Vec<usize> = (0..self.catalog.scenarios.len())
            .filter(|&s| matches(&self.catalog.scenarios[s].applies_to))
            .collect();
        let mut controls = vec![false; self.catalog.controls.len()];
        let mut conditions = vec![false; self.catalog.conditions.len()];
        for &s in &scenarios {
            for c in self.scenario_treatments[s].iter().flatten() {
                controls[*c] = true;
            }
            for c in self.scenario_conditions[s].iter().flatten() {
                conditions[*c] = true;
            }
        }
        let relevant = self
            .catalog
            .questions
            .iter()
            .zip(&self.targets)
            .map(|(q, t)| {
                let concerned = match *t {
                    Target::Control(c) => controls[c],
                    Target::Condition(c) => conditions[c],
                    Target::Nothing => false,
                };
                concerned && (q.applies_to.is_empty() || matches(&q.applies_to))
            })
            .collect();
        Some(DeviceContext {
            capabilities,
            scenarios,
            relevant,
        })
    }

    /// The answer a question has in this household, for this device.
    pub(crate) fn answer_of(
        &self,
        question: usize,
        household: &Household,
        device: &Device,
    ) -> Option<Answer> {
        let q = &self.catalog.questions[question];
        let answers = match q.scope {
            Scope::Device => &device.answers,
            Scope::Household => &household.answers,
        };
        answers.get(q.id.as_str()).copied()
    }

    /// The first question (catalog order) among `candidates` that concerns
    /// the device and is answered; else the first that concerns it,
    /// unanswered; None when none concerns it.
    pub(crate) fn resolve(
        &self,
        candidates: &[usize],
        ctx: &DeviceContext<'c>,
        household: &Household,
        device: &Device,
    ) -> Option<Resolved> {
        let mut first = None;
        for &q in candidates {
            if !ctx.relevant[q] {
                continue;
            }
            if let Some(answer) = self.answer_of(q, household, device) {
                return Some(Resolved {
                    question: q,
                    answer: Some(answer),
                });
            }
            first.get_or_insert(Resolved {
                question: q,
                answer: None,
            });
        }
        first
    }
}
