//! The prepared index over a catalog: ids resolved to positions once, so a
//! recompute on every answer change does no id searching. Build one
//! [`Engine`] per catalog and reuse it; the free functions of this layer
//! build a throwaway one.

use super::answer::Answer;
use super::household::{Device, Household};
use crate::catalog::{AppliesTo, Catalog, ConditionSource, Question, Scope};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An FxHash-style hasher (eight bytes per step): catalog ids are short
/// strings from our own data, so a fast non-keyed hash is enough, and the
/// engine hashes every answer id on every recompute (std's SipHash, or a
/// byte-at-a-time FNV, costs several times more in wasm).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Catalog id → position.
pub(crate) type IdMap<'c> = HashMap<&'c str, usize, BuildHasherDefault<IdHasher>>;

/// What a question sets, resolved to a catalog position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Control(usize),
    Condition(usize),
    /// An unknown id, or a condition derived from facts: never used.
    Nothing,
}

/// An [`AppliesTo`] with ids resolved to positions: same meaning as
/// `AppliesTo::matches` and `AppliesTo::admits`, without comparing strings.
#[derive(Debug, Clone, Default)]
pub(crate) struct Applies {
    categories: Vec<usize>,
    capabilities: Vec<usize>,
    except: Vec<usize>,
    /// No category or capability listed (a question then concerns every
    /// device its control or condition reaches, less `except`).
    includes_nothing: bool,
}

impl Applies {
    fn new(a: &AppliesTo, categories: &IdMap<'_>, capabilities: &IdMap<'_>) -> Applies {
        let resolve = |ids: &[String], map: &IdMap<'_>| -> Vec<usize> {
            ids.iter()
                .filter_map(|c| map.get(c.as_str()).copied())
                .collect()
        };
        Applies {
            categories: resolve(&a.categories, categories),
            capabilities: resolve(&a.capabilities, capabilities),
            except: resolve(&a.except, categories),
            includes_nothing: a.includes_nothing(),
        }
    }

    /// `AppliesTo::matches`: not excepted, and the category or a capability listed.
    fn matches(&self, category: usize, has: &[bool]) -> bool {
        !self.except.contains(&category)
            && (self.categories.contains(&category) || self.capabilities.iter().any(|&c| has[c]))
    }

    /// `AppliesTo::admits`: a question's rule (no list means every device).
    fn admits(&self, category: usize, has: &[bool]) -> bool {
        if self.includes_nothing {
            !self.except.contains(&category)
        } else {
            self.matches(category, has)
        }
    }
}

/// A catalog indexed for scoring. Cheap to keep (a few hash maps); build it
/// once per catalog.
#[derive(Debug, Clone)]
pub struct Engine<'c> {
    pub(crate) catalog: &'c Catalog,
    pub(crate) categories: IdMap<'c>,
    /// Every capability id the catalog mentions; the first
    /// `declared_capabilities` are those of `catalog.capabilities`.
    pub(crate) capabilities: IdMap<'c>,
    pub(crate) capability_ids: Vec<&'c str>,
    pub(crate) declared_capabilities: usize,
    pub(crate) scenarios: IdMap<'c>,
    pub(crate) controls: IdMap<'c>,
    pub(crate) questions: IdMap<'c>,
    /// Per scenario: the rank of its id in sorted order (tie-breaks).
    pub(crate) scenario_rank: Vec<u32>,
    /// Per category: its default capabilities.
    pub(crate) category_capabilities: Vec<Vec<usize>>,
    pub(crate) scenario_applies: Vec<Applies>,
    pub(crate) question_applies: Vec<Applies>,
    /// Per scenario, per condition effect: the condition's position.
    pub(crate) scenario_conditions: Vec<Vec<Option<usize>>>,
    /// Per scenario, per treatment: the control's position.
    pub(crate) scenario_treatments: Vec<Vec<Option<usize>>>,
    /// Per scenario: its paths' base likelihoods (one when it lists none).
    pub(crate) scenario_paths: Vec<Vec<f32>>,
    /// Per scenario, per condition effect: the paths its likelihood step moves.
    pub(crate) effect_paths: Vec<Vec<PathMask>>,
    /// Per scenario, per treatment: the paths it stops.
    pub(crate) treatment_paths: Vec<Vec<PathMask>>,
    /// Per condition: the devices a `device` condition holds for.
    pub(crate) condition_applies: Vec<Applies>,
    /// Per condition: the controls it voids, by position.
    pub(crate) condition_voids: Vec<Vec<usize>>,
    /// Per control: the questions that set it, in catalog order.
    pub(crate) control_questions: Vec<Vec<usize>>,
    /// Per condition: the questions that set it, in catalog order.
    pub(crate) condition_questions: Vec<Vec<usize>>,
    /// Per question: what it sets.
    pub(crate) targets: Vec<Target>,
    /// Each category's context for a device without capability changes
    /// (most devices): worked out once here, not on every recompute.
    pub(crate) category_contexts: Vec<DeviceContext<'c>>,
}

/// A set of a scenario's paths, one bit per path (see `rules::MAX_PATHS`).
pub type PathMask = u8;

/// Every path of a scenario.
pub(crate) const ALL_PATHS: PathMask = PathMask::MAX;

/// The mask of the named paths of a scenario; every path when none is named.
fn path_mask(paths: &[crate::catalog::Path], named: &[&str]) -> PathMask {
    if named.is_empty() {
        return ALL_PATHS;
    }
    paths
        .iter()
        .take(super::rules::MAX_PATHS)
        .enumerate()
        .filter(|(_, p)| named.contains(&p.id.as_str()))
        .fold(0, |m, (k, _)| m | (1 << k))
}

/// What the engine knows about one device of a household.
#[derive(Debug, Clone)]
pub(crate) struct DeviceContext<'c> {
    /// Known capability ids after overrides.
    pub capabilities: Vec<&'c str>,
    /// Per condition: does a `device` condition hold for this device?
    pub device_conditions: Vec<bool>,
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

fn index<'c, T>(items: &'c [T], id: impl Fn(&'c T) -> &'c str) -> IdMap<'c> {
    let mut map = IdMap::with_capacity_and_hasher(items.len(), Default::default());
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
        // Declared capabilities first, then any other id the catalog uses,
        // so matching by position means the same as matching by string.
        let mut capability_ids: Vec<&'c str> = Vec::new();
        let mut capabilities = IdMap::default();
        let mentioned = catalog
            .device_categories
            .iter()
            .flat_map(|c| c.capabilities.iter());
        let in_applies = catalog
            .scenarios
            .iter()
            .map(|s| &s.applies_to)
            .chain(catalog.questions.iter().map(|q| &q.applies_to))
            .chain(catalog.conditions.iter().map(|c| &c.applies_to))
            .flat_map(|a| a.capabilities.iter());
        let declared = catalog.capabilities.iter().map(|c| &c.id);
        let mut declared_capabilities = 0;
        for (k, id) in declared.chain(mentioned).chain(in_applies).enumerate() {
            if !capabilities.contains_key(id.as_str()) {
                capabilities.insert(id.as_str(), capability_ids.len());
                capability_ids.push(id.as_str());
            }
            if k + 1 == catalog.capabilities.len() {
                declared_capabilities = capability_ids.len();
            }
        }
        let category_capabilities = catalog
            .device_categories
            .iter()
            .map(|c| {
                c.capabilities
                    .iter()
                    .map(|id| capabilities[id.as_str()])
                    .collect()
            })
            .collect();
        let scenario_applies = catalog
            .scenarios
            .iter()
            .map(|s| Applies::new(&s.applies_to, &categories, &capabilities))
            .collect();
        let question_applies = catalog
            .questions
            .iter()
            .map(|q| Applies::new(&q.applies_to, &categories, &capabilities))
            .collect();
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
        let scenario_paths = catalog
            .scenarios
            .iter()
            .map(|s| {
                if s.paths.is_empty() {
                    vec![f32::from(s.likelihood)]
                } else {
                    let n = s.paths.len().min(super::rules::MAX_PATHS);
                    s.paths[..n]
                        .iter()
                        .map(|p| f32::from(p.likelihood))
                        .collect()
                }
            })
            .collect();
        let effect_paths = catalog
            .scenarios
            .iter()
            .map(|s| {
                let named = |e: &crate::catalog::ConditionEffect| match &e.path {
                    Some(p) => path_mask(&s.paths, &[p.as_str()]),
                    None => ALL_PATHS,
                };
                s.conditions.iter().map(named).collect()
            })
            .collect();
        let treatment_paths = catalog
            .scenarios
            .iter()
            .map(|s| {
                s.treatments
                    .iter()
                    .map(|t| {
                        let named: Vec<&str> = t.paths.iter().map(String::as_str).collect();
                        path_mask(&s.paths, &named)
                    })
                    .collect()
            })
            .collect();
        let condition_applies = catalog
            .conditions
            .iter()
            .map(|c| Applies::new(&c.applies_to, &categories, &capabilities))
            .collect();
        let condition_voids = catalog
            .conditions
            .iter()
            .map(|c| {
                c.voids
                    .iter()
                    .filter_map(|id| controls.get(id.as_str()).copied())
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
        let by_id = crate::order::sorted_positions(catalog.scenarios.len(), &|a, b| {
            catalog.scenarios[a].id.cmp(&catalog.scenarios[b].id)
        });
        let mut scenario_rank = vec![0u32; by_id.len()];
        for (rank, &s) in by_id.iter().enumerate() {
            scenario_rank[s] = rank as u32;
        }
        let mut engine = Engine {
            catalog,
            scenario_rank,
            categories,
            capabilities,
            capability_ids,
            declared_capabilities,
            scenarios,
            controls,
            questions,
            category_capabilities,
            scenario_applies,
            question_applies,
            scenario_conditions,
            scenario_treatments,
            scenario_paths,
            effect_paths,
            treatment_paths,
            condition_applies,
            condition_voids,
            control_questions,
            condition_questions,
            targets,
            category_contexts: Vec::new(),
        };
        let plain = Device::new("", "", "");
        engine.category_contexts = (0..catalog.device_categories.len())
            .map(|c| engine.context_in(c, &plain))
            .collect();
        engine
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

    /// Is this a capability id the catalog declares?
    pub fn is_declared_capability(&self, id: &str) -> bool {
        self.capabilities
            .get(id)
            .is_some_and(|&c| c < self.declared_capabilities)
    }

    /// The device's known capabilities: category defaults + added − removed.
    pub fn capabilities_of(&self, device: &Device) -> Vec<&'c str> {
        match self.categories.get(device.category.as_str()) {
            Some(&c) => self.capabilities_in(c, device).0,
            None => Vec::new(),
        }
    }

    /// The scenarios assessed for a device, in catalog order (none when its
    /// category is unknown): see `rules`, "Which scenarios a device faces".
    pub fn device_scenarios(&self, device: &Device) -> Vec<&'c crate::catalog::Scenario> {
        self.context(device).map_or_else(Vec::new, |ctx| {
            ctx.scenarios
                .iter()
                .map(|&s| &self.catalog.scenarios[s])
                .collect()
        })
    }

    /// Capability ids (defaults first, then added ones) and a mask by position.
    fn capabilities_in(&self, category: usize, device: &Device) -> (Vec<&'c str>, Vec<bool>) {
        let mut has = vec![false; self.capability_ids.len()];
        let mut ids = Vec::with_capacity(
            self.category_capabilities[category].len() + device.capabilities_added.len(),
        );
        let added = device
            .capabilities_added
            .iter()
            .filter_map(|c| self.capabilities.get(c.as_str()).copied())
            .filter(|&c| c < self.declared_capabilities);
        for cap in self.category_capabilities[category]
            .iter()
            .copied()
            .chain(added)
        {
            let id = self.capability_ids[cap];
            if !has[cap] && !device.capabilities_removed.iter().any(|r| r == id) {
                has[cap] = true;
                ids.push(id);
            }
        }
        (ids, has)
    }

    /// Everything the engine derives from a device's facts, or None when its
    /// category is unknown (the device is then skipped).
    pub(crate) fn context(&self, device: &Device) -> Option<Cow<'_, DeviceContext<'c>>> {
        let category = *self.categories.get(device.category.as_str())?;
        Some(
            if device.capabilities_added.is_empty() && device.capabilities_removed.is_empty() {
                Cow::Borrowed(&self.category_contexts[category])
            } else {
                Cow::Owned(self.context_in(category, device))
            },
        )
    }

    /// A device's context worked out from its category and capability changes.
    fn context_in(&self, category: usize, device: &Device) -> DeviceContext<'c> {
        let (capabilities, has) = self.capabilities_in(category, device);
        let scenarios: Vec<usize> = (0..self.catalog.scenarios.len())
            .filter(|&s| self.scenario_applies[s].matches(category, &has))
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
            .targets
            .iter()
            .zip(&self.question_applies)
            .map(|(t, applies)| {
                let concerned = match *t {
                    Target::Control(c) => controls[c],
                    Target::Condition(c) => conditions[c],
                    Target::Nothing => false,
                };
                concerned && applies.admits(category, &has)
            })
            .collect();
        let device_conditions = self
            .catalog
            .conditions
            .iter()
            .zip(&self.condition_applies)
            .map(|(c, applies)| {
                c.source == ConditionSource::Device && applies.matches(category, &has)
            })
            .collect();
        DeviceContext {
            capabilities,
            device_conditions,
            scenarios,
            relevant,
        }
    }

    /// Household answers by question position (household-scope questions
    /// only), and whether the catalog knows every question id among them.
    pub(crate) fn household_answers(&self, household: &Household) -> (Vec<Option<Answer>>, bool) {
        self.answers_by_position(
            &household.answers,
            Some(Scope::Household),
            vec![None; self.catalog.questions.len()],
        )
    }

    /// Every answer that counts for a device by question position: its own
    /// for device questions; for household questions its own when it has
    /// one (the home answered "some of them"), else the household's; and
    /// whether the catalog knows every question id among its own.
    pub(crate) fn device_answers(
        &self,
        household_answers: &[Option<Answer>],
        device: &Device,
    ) -> (Vec<Option<Answer>>, bool) {
        self.answers_by_position(&device.answers, None, household_answers.to_vec())
    }

    /// Writes `answers` over `out` by question position, only those of
    /// questions in `scope` when one is given.
    fn answers_by_position(
        &self,
        answers: &super::household::Answers,
        scope: Option<Scope>,
        mut out: Vec<Option<Answer>>,
    ) -> (Vec<Option<Answer>>, bool) {
        let mut all_known = true;
        for (id, answer) in answers {
            match self.questions.get(id.as_str()) {
                Some(&q) if scope.is_none_or(|s| self.catalog.questions[q].scope == s) => {
                    out[q] = Some(*answer)
                }
                Some(_) => {}
                None => all_known = false,
            }
        }
        (out, all_known)
    }

    /// The answer a question has in this household, for this device.
    pub(crate) fn answer_of(
        &self,
        question: usize,
        household: &Household,
        device: &Device,
    ) -> Option<Answer> {
        let q = &self.catalog.questions[question];
        let own = device.answers.get(q.id.as_str()).copied();
        match q.scope {
            Scope::Device => own,
            Scope::Household => own.or_else(|| household.answers.get(q.id.as_str()).copied()),
        }
    }

    /// The first question (catalog order) among `candidates` that concerns
    /// the device and is answered; else the first that concerns it,
    /// unanswered; None when none concerns it.
    pub(crate) fn resolve(
        &self,
        candidates: &[usize],
        ctx: &DeviceContext<'c>,
        answers: &[Option<Answer>],
    ) -> Option<Resolved> {
        let mut first = None;
        for &q in candidates {
            if !ctx.relevant[q] {
                continue;
            }
            if let Some(answer) = answers[q] {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_device_without_capability_changes_gets_its_categorys_prepared_context() {
        let catalog = crate::catalog::embedded();
        let engine = Engine::new(catalog);
        for (c, category) in catalog.device_categories.iter().enumerate() {
            let device = Device::new("d1", "Thing", category.id.as_str());
            let ctx = engine.context(&device).expect("a known category");
            assert!(matches!(ctx, Cow::Borrowed(_)), "{}", category.id);
            let worked_out = engine.context_in(c, &device);
            assert_eq!(ctx.capabilities, worked_out.capabilities, "{}", category.id);
            assert_eq!(ctx.scenarios, worked_out.scenarios, "{}", category.id);
            assert_eq!(ctx.relevant, worked_out.relevant, "{}", category.id);
        }
    }

    #[test]
    fn capability_changes_are_worked_out_for_the_device() {
        let catalog = crate::catalog::embedded();
        let engine = Engine::new(catalog);
        let category = &catalog.device_categories[0];
        let removed = category.capabilities[0].clone();
        let mut device = Device::new("d1", "Thing", category.id.as_str());
        device.capabilities_removed.push(removed.clone());
        let ctx = engine.context(&device).expect("a known category");
        assert!(matches!(ctx, Cow::Owned(_)));
        assert!(!ctx.capabilities.contains(&removed.as_str()));
        let plain = engine.context(&Device::new("d2", "Thing", category.id.as_str()));
        assert!(
            plain
                .expect("a known category")
                .capabilities
                .contains(&removed.as_str())
        );
        assert!(
            engine
                .context(&Device::new("d3", "Thing", "dev.nope"))
                .is_none()
        );
    }
}
