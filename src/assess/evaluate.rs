//! The main entry point: [`evaluate`] scores every (device, applicable
//! scenario) pair of a household, with explanations, and gathers the
//! aggregates, progress, reminders and unknown ids into an [`Assessment`].

use super::aggregate::{HeatMaps, LevelCounts, TopRisks};
use super::answer::Answer;
use super::date::Date;
use super::engine::{ALL_PATHS, DeviceContext, Engine, PathMask, Target};
use super::explain::{Stage, Step};
use super::household::{Device, Household};
use super::lifecycle::{Reminder, derived_condition_holds, reminders_for};
use super::questions::Progress;
use super::round2;
use super::rules::{
    MAX_PATHS, SCALE_MIN, clamp_scale, condition_weight, control_weight, most_likely, reduce,
    treatment_factor,
};
use super::score::Score;
use super::unknown::{UnknownId, unknown_ids};
use crate::catalog::{Axis, Catalog, ConditionSource, Dimension, Scales, Scope};
use serde::Serialize;
use std::borrow::Cow;

/// A device id as pairs and plan entries hold it: shared, cheap to clone,
/// and read as a `&str` (`&*pair.device`).
pub type DeviceId = std::sync::Arc<str>;

/// A control counted on one pair (it has a question that concerns the
/// device and is not answered "not applicable").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applied<'c> {
    pub control: &'c str,
    /// The control's position in the catalog (saves the plan a lookup by id).
    #[serde(skip)]
    pub(crate) index: usize,
    /// The question whose answer counts.
    pub question: &'c str,
    pub answer: Option<Answer>,
    pub axis: Axis,
    #[serde(serialize_with = "round2")]
    pub strength: f32,
    /// 1 yes, 0.5 partly, 0 otherwise.
    #[serde(serialize_with = "round2")]
    pub weight: f32,
    /// Marked as planned (counts as yes in the projected picture).
    pub planned: bool,
    /// The scenario's paths a likelihood treatment stops.
    #[serde(skip)]
    pub(crate) paths: PathMask,
}

/// The inherent likelihood of each of a pair's paths (the scenario's paths
/// in catalog order; one for a scenario that lists none). Kept inline: no
/// allocation per pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathLikelihoods {
    values: [f32; MAX_PATHS],
    len: u8,
}

impl PathLikelihoods {
    /// One bit for each path the scenario has.
    fn mask(&self) -> PathMask {
        if usize::from(self.len) >= MAX_PATHS {
            ALL_PATHS
        } else {
            (1u8 << self.len) - 1
        }
    }

    /// The likelihoods, one per path.
    pub fn as_slice(&self) -> &[f32] {
        &self.values[..usize::from(self.len)]
    }

    /// The likelihood of the most likely path once each path's treatment
    /// factors (`remaining[p]`) are applied.
    fn reduced(&self, remaining: &[f32; MAX_PATHS]) -> f32 {
        most_likely(
            self.as_slice()
                .iter()
                .zip(remaining)
                .map(|(&l, &r)| reduce(l, r)),
        )
    }
}

impl Serialize for PathLikelihoods {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.as_slice().len()))?;
        for x in self.as_slice() {
            seq.serialize_element(&((x * 100.0).round() / 100.0))?;
        }
        seq.end()
    }
}

/// Applies `f` to the per-path values of the paths in the mask: a
/// condition's step, or a treatment's factor on the paths it stops.
fn for_paths(values: &mut [f32; MAX_PATHS], paths: PathMask, f: impl Fn(&mut f32)) {
    for (p, v) in values.iter_mut().enumerate() {
        if paths & (1 << p) != 0 {
            f(v);
        }
    }
}

/// One (device, scenario) pair with its figures and explanation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<'c> {
    /// The device's id, shared by all its pairs (and the plan's) rather
    /// than copied into each: a recompute allocates once per device.
    pub device: DeviceId,
    /// Position of the device in the household (and in [`Assessment::devices`]).
    pub device_index: usize,
    pub scenario: &'c str,
    /// The scenario's position in the catalog (saves the plan a lookup by id).
    #[serde(skip)]
    pub(crate) scenario_index: usize,
    pub inherent: Score,
    /// The inherent likelihood of each of the scenario's paths.
    pub paths: PathLikelihoods,
    pub residual: Score,
    /// With planned controls counted as yes (equals `residual` when none is planned here).
    pub projected: Score,
    /// Inherent steps, then residual steps, then projected steps if any.
    /// Empty in an assessment made by [`Engine::evaluate_brief`]; then
    /// [`Engine::explain`] builds a pair's steps when they are shown.
    pub explanation: Vec<Step<'c>>,
    /// Questions answered "don't know" that moved this pair.
    pub open_questions: Vec<&'c str>,
    /// Controls with a question, treating this pair, not fully in place.
    pub missing_controls: Vec<&'c str>,
    /// The controls counted, in catalog order.
    pub controls: Vec<Applied<'c>>,
}

impl Pair<'_> {
    /// The residual score recomputed with other control weights: the rules'
    /// product, in the same order as the explanation.
    pub fn residual_with(&self, scales: &Scales, weight: impl Fn(&Applied) -> f32) -> Score {
        self.residual_by(scales, |_, a| weight(a))
    }

    /// As [`Pair::residual_with`], the weight function also given the
    /// control's position in [`Pair::controls`].
    pub fn residual_by(&self, scales: &Scales, weight: impl Fn(usize, &Applied) -> f32) -> Score {
        let (mut l, mut i) = ([1.0f32; MAX_PATHS], 1.0f32);
        for (k, a) in self.controls.iter().enumerate() {
            let f = treatment_factor(a.strength, weight(k, a));
            match a.axis {
                Axis::Likelihood => for_paths(&mut l, a.paths, |r| *r *= f),
                Axis::Impact => i *= f,
            }
        }
        let dims = self.inherent.dimensions.to_array().map(|d| reduce(d, i));
        Score::new(scales, self.paths.reduced(&l), dims)
    }

    /// True when a planned control changes this pair's picture.
    pub fn has_planned_effect(&self) -> bool {
        self.controls.iter().any(|a| a.planned && a.weight < 1.0)
    }
}

/// A question answered "don't know": something to find out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenQuestion<'c> {
    /// The device asked about, or None for a household question.
    pub device: Option<String>,
    pub question: &'c str,
}

/// One device's share of the assessment (same order as the household's devices).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeviceSummary<'c> {
    pub id: String,
    pub name: String,
    pub category: String,
    /// False when the category is unknown: the device was skipped.
    pub scored: bool,
    /// Capabilities after overrides (known ids only).
    pub capabilities: Vec<&'c str>,
    /// Indices into [`Assessment::pairs`]; [`Assessment::device_heat_maps`]
    /// gives their heat maps.
    pub pairs: Vec<usize>,
    pub counts: LevelCounts,
    /// Device questions answered.
    pub progress: Progress,
}

/// Everything the engine says about one household on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment<'c> {
    pub household: String,
    pub today: Date,
    pub catalog_version: &'c str,
    /// Device order, then scenario catalog order.
    pub pairs: Vec<Pair<'c>>,
    pub devices: Vec<DeviceSummary<'c>>,
    pub heat_map: HeatMaps,
    pub counts: LevelCounts,
    /// Every pair index, highest residual score first (see the rules);
    /// read through [`Assessment::top_risks`].
    #[serde(rename = "top_risks")]
    ranked: TopRisks,
    /// Household and device questions together.
    pub progress: Progress,
    pub household_progress: Progress,
    pub open_questions: Vec<OpenQuestion<'c>>,
    pub reminders: Vec<Reminder>,
    /// Planned controls the catalog knows.
    pub planned: Vec<&'c str>,
    /// Ids in the household the catalog does not have (skipped in scoring).
    pub unknown_ids: Vec<UnknownId>,
}

impl Assessment<'_> {
    /// The `n` highest risks.
    pub fn top(&self, n: usize) -> impl Iterator<Item = &Pair<'_>> {
        self.top_risks().iter().take(n).map(|&i| &self.pairs[i])
    }

    /// Every pair index, highest residual score first (see the rules).
    /// Sorted on the first call.
    pub fn top_risks(&self) -> &[usize] {
        self.ranked.get()
    }

    /// One device's pairs (`device` indexes [`Assessment::devices`]) in the
    /// order of [`Assessment::top_risks`], without sorting all pairs; empty
    /// for an unknown device.
    pub fn device_top_risks(&self, device: usize) -> Vec<usize> {
        self.devices
            .get(device)
            .map(|d| self.ranked.among(&d.pairs))
            .unwrap_or_default()
    }

    /// The heat maps of one device's pairs (`device` indexes
    /// [`Assessment::devices`]); empty for an unknown device. Built on
    /// request: the household's maps are the ones every change needs.
    pub fn device_heat_maps(&self, device: usize) -> HeatMaps {
        self.devices
            .get(device)
            .map(|d| HeatMaps::build(&self.pairs, &d.pairs).0)
            .unwrap_or_default()
    }

    /// A pair by device id and scenario id.
    pub fn pair(&self, device: &str, scenario: &str) -> Option<&Pair<'_>> {
        self.pairs
            .iter()
            .find(|p| &*p.device == device && p.scenario == scenario)
    }
}

/// Scores a household on `today`. Builds a throwaway [`Engine`]; keep one
/// and call [`Engine::evaluate`] when recomputing often.
pub fn evaluate<'c>(catalog: &'c Catalog, household: &Household, today: Date) -> Assessment<'c> {
    Engine::new(catalog).evaluate(household, today)
}

/// Adds a catalog id unless the list has it. Ids here are the catalog's
/// own strings, so the same entry is the same pointer: no text compare
/// (validation rules out two entries with one id).
fn push_unique<'c>(list: &mut Vec<&'c str>, id: &'c str) {
    if !list.iter().any(|x| std::ptr::eq(*x, id)) {
        list.push(id);
    }
}

/// Builds the explanations of pairs shown together (a list of risks, a
/// report): the household's answers and planned controls are worked out
/// once, and each device's answers the first time one of its pairs is asked.
///
/// ```
/// # use thingrisk::assess::{Date, Engine, Household};
/// let engine = Engine::new(thingrisk::catalog::embedded());
/// let mut home = Household::new("h1", "Home");
/// home.add_device("dev.router", "Router", "Hall", "Router");
/// let today = Date::new(2026, 5, 1).unwrap();
/// let assessment = engine.evaluate_brief(&home, today);
/// let mut explainer = engine.explainer(&home, today);
/// let steps = explainer.explain(&assessment.pairs[0]);
/// assert!(!steps.is_empty());
/// ```
pub struct Explainer<'e, 'c, 'h> {
    engine: &'e Engine<'c>,
    household: &'h Household,
    today: Date,
    household_answers: Vec<Option<Answer>>,
    planned: Vec<bool>,
    /// Per device position: its context and answers, once asked.
    devices: Vec<Option<DeviceInputs<'e, 'c>>>,
}

/// A device's context, its answers, and the controls voided on it.
type DeviceInputs<'e, 'c> = (
    Cow<'e, DeviceContext<'c>>,
    Vec<Option<Answer>>,
    Vec<(usize, usize)>,
);

impl<'c> Explainer<'_, 'c, '_> {
    /// The steps of one pair, as [`Engine::explain`] gives them.
    pub fn explain(&mut self, pair: &Pair<'_>) -> Vec<Step<'c>> {
        let engine = self.engine;
        let Some(device) = self
            .household
            .devices
            .get(pair.device_index)
            .filter(|d| d.id == *pair.device)
        else {
            return Vec::new();
        };
        let Some(&s) = engine.scenarios.get(pair.scenario) else {
            return Vec::new();
        };
        let inputs = match &mut self.devices[pair.device_index] {
            Some(inputs) => inputs,
            slot => {
                let Some(ctx) = engine.context(device) else {
                    return Vec::new();
                };
                let answers = engine.device_answers(&self.household_answers, device).0;
                let voided = engine.voided(device, &ctx, self.today);
                slot.insert((ctx, answers, voided))
            }
        };
        let (ctx, answers, voided) = &*inputs;
        let at = (&pair.device, pair.device_index);
        engine
            .score_pair(
                answers,
                device,
                at,
                ctx,
                s,
                &self.planned,
                voided,
                self.today,
                true,
            )
            .explanation
    }
}

/// The explanation of one pair as it is worked out, or nothing when it is
/// not wanted: the figures are computed the same way either way.
struct Steps<'c>(Option<Vec<Step<'c>>>);

impl<'c> Steps<'c> {
    fn push(&mut self, step: Step<'c>) {
        if let Some(steps) = &mut self.0 {
            steps.push(step);
        }
    }
}

impl<'c> Engine<'c> {
    /// Scores a household on `today` (see [`evaluate`]), every pair with its
    /// explanation.
    pub fn evaluate(&self, household: &Household, today: Date) -> Assessment<'c> {
        self.assess(household, today, true)
    }

    /// As [`Engine::evaluate`], without the pairs' explanations: the same
    /// figures at a fraction of the allocations, for recomputing on every
    /// answer. [`Engine::explain`] gives a pair's explanation when shown.
    pub fn evaluate_brief(&self, household: &Household, today: Date) -> Assessment<'c> {
        self.assess(household, today, false)
    }

    /// The explanation of one pair of an assessment of `household` on
    /// `today` (the same steps [`Engine::evaluate`] gives it). Empty when
    /// the pair is not from this household. For several pairs, an
    /// [`Engine::explainer`] works out the shared parts once.
    pub fn explain(&self, household: &Household, today: Date, pair: &Pair<'_>) -> Vec<Step<'c>> {
        self.explainer(household, today).explain(pair)
    }

    /// Explains pairs of one household on one day (see [`Explainer`]).
    pub fn explainer<'e, 'h>(
        &'e self,
        household: &'h Household,
        today: Date,
    ) -> Explainer<'e, 'c, 'h> {
        Explainer {
            engine: self,
            household,
            today,
            household_answers: self.household_answers(household).0,
            planned: self.planned(household).0,
            devices: (0..household.devices.len()).map(|_| None).collect(),
        }
    }

    /// Per control: is it planned in this household? And does the catalog
    /// know every planned control?
    fn planned(&self, household: &Household) -> (Vec<bool>, bool) {
        let mut planned = vec![false; self.catalog.controls.len()];
        let mut all_known = true;
        for id in &household.planned {
            match self.controls.get(id.as_str()) {
                Some(&c) => planned[c] = true,
                None => all_known = false,
            }
        }
        (planned, all_known)
    }

    fn assess(&self, household: &Household, today: Date, explain: bool) -> Assessment<'c> {
        let cat = self.catalog;
        // Whether every id met while scoring is one the catalog has: then
        // there are no unknown ids to list, without looking them all up again.
        let (planned, mut all_known) = self.planned(household);
        let mut pairs = Vec::with_capacity(household.devices.len() * 24);
        let mut scenario_rank = Vec::with_capacity(pairs.capacity());
        let mut devices = Vec::with_capacity(household.devices.len());
        let mut reminders = Vec::new();
        let mut open_questions = Vec::new();
        let mut household_relevant = vec![false; cat.questions.len()];
        let (household_answers, known) = self.household_answers(household);
        all_known &= known;
        let mut any_scored = false;
        for (di, device) in household.devices.iter().enumerate() {
            let ctx = self.context(device);
            // Capability changes are rare: any of them sends the check the long way.
            all_known &= ctx.is_some()
                && device.capabilities_added.is_empty()
                && device.capabilities_removed.is_empty();
            reminders.extend(reminders_for(
                self,
                household,
                device,
                ctx.as_deref(),
                today,
            ));
            let Some(ctx) = ctx else {
                devices.push(DeviceSummary {
                    id: device.id.clone(),
                    name: device.name.clone(),
                    category: device.category.clone(),
                    scored: false,
                    capabilities: Vec::new(),
                    pairs: Vec::new(),
                    counts: LevelCounts::default(),
                    progress: Progress::new(0, 0),
                });
                continue;
            };
            any_scored = true;
            let (answers, known) = self.device_answers(&household_answers, device);
            all_known &= known;
            let (mut answered, mut total) = (0, 0);
            let voided = self.voided(device, &ctx, today);
            let asked = self.asked_given(&ctx, &voided);
            for (qi, q) in cat.questions.iter().enumerate() {
                if !asked[qi] {
                    continue;
                }
                match q.scope {
                    Scope::Household => household_relevant[qi] = true,
                    Scope::Device => {
                        total += 1;
                        answered += usize::from(answers[qi].is_some());
                        if answers[qi] == Some(Answer::DontKnow) {
                            open_questions.push(OpenQuestion {
                                device: Some(device.id.clone()),
                                question: &q.id,
                            });
                        }
                    }
                }
            }
            let start = pairs.len();
            let id = DeviceId::from(device.id.as_str());
            for &s in &ctx.scenarios {
                scenario_rank.push(self.scenario_rank[s]);
                let at = (&id, di);
                pairs.push(self.score_pair(
                    &answers, device, at, &ctx, s, &planned, &voided, today, explain,
                ));
            }
            let indices: Vec<usize> = (start..pairs.len()).collect();
            let counts = LevelCounts::of(&pairs, &indices);
            devices.push(DeviceSummary {
                id: device.id.clone(),
                name: device.name.clone(),
                category: device.category.clone(),
                scored: true,
                capabilities: match ctx {
                    Cow::Borrowed(c) => c.capabilities.clone(),
                    Cow::Owned(c) => c.capabilities,
                },
                pairs: indices,
                counts,
                progress: Progress::new(answered, total),
            });
        }
        let (mut h_answered, mut h_total) = (0, 0);
        for (qi, q) in cat.questions.iter().enumerate() {
            let asked = if any_scored {
                household_relevant[qi]
            } else {
                q.scope == Scope::Household && self.targets[qi] != Target::Nothing
            };
            if !asked {
                continue;
            }
            h_total += 1;
            h_answered += usize::from(household_answers[qi].is_some());
            if household_answers[qi] == Some(Answer::DontKnow) {
                open_questions.push(OpenQuestion {
                    device: None,
                    question: &q.id,
                });
            }
        }
        let household_progress = Progress::new(h_answered, h_total);
        let (d_answered, d_total) = devices.iter().fold((0, 0), |(a, t), d| {
            (a + d.progress.answered, t + d.progress.total)
        });
        let all: Vec<usize> = (0..pairs.len()).collect();
        let (heat_map, counts) = HeatMaps::build(&pairs, &all);
        let mut device_rank = vec![0u32; household.devices.len()];
        let by_id = crate::order::sorted_positions(household.devices.len(), &|a, b| {
            household.devices[a].id.cmp(&household.devices[b].id)
        });
        for (rank, &d) in by_id.iter().enumerate() {
            device_rank[d] = rank as u32;
        }
        let ranked = TopRisks::ranked(&pairs, &device_rank, &scenario_rank);
        Assessment {
            household: household.id.clone(),
            today,
            catalog_version: &cat.version,
            ranked,
            heat_map,
            counts,
            pairs,
            devices,
            progress: Progress::new(h_answered + d_answered, h_total + d_total),
            household_progress,
            open_questions,
            reminders,
            planned: cat
                .controls
                .iter()
                .zip(&planned)
                .filter(|(_, p)| **p)
                .map(|(c, _)| c.id.as_str())
                .collect(),
            unknown_ids: if all_known {
                Vec::new()
            } else {
                unknown_ids(self, household)
            },
        }
    }

    /// Does a condition that is not asked hold for this device: one of its
    /// kind (`device`), or one derived from its lifecycle facts? Asked
    /// conditions are never worked out here (false).
    fn fact_holds(&self, ci: usize, device: &Device, ctx: &DeviceContext<'c>, today: Date) -> bool {
        match self.catalog.conditions[ci].source {
            ConditionSource::Question => false,
            ConditionSource::Device => ctx.device_conditions[ci],
            source => derived_condition_holds(source, &device.lifecycle, today),
        }
    }

    /// Which questions are asked about this device on `today`, by
    /// position: those that concern it, but for the ones whose control is
    /// voided on it.
    pub(crate) fn asked_on(
        &self,
        device: &Device,
        ctx: &DeviceContext<'c>,
        today: Date,
    ) -> Vec<bool> {
        self.asked_given(ctx, &self.voided(device, ctx, today))
    }

    fn asked_given(&self, ctx: &DeviceContext<'c>, voided: &[(usize, usize)]) -> Vec<bool> {
        ctx.relevant
            .iter()
            .zip(&self.targets)
            .map(|(&rel, t)| {
                rel && !matches!(*t, Target::Control(c) if voided.iter().any(|&(v, _)| v == c))
            })
            .collect()
    }

    /// The controls that give no credit on this device, each with the
    /// condition that voids it (support ended: no update can come).
    fn voided(&self, device: &Device, ctx: &DeviceContext<'c>, today: Date) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (ci, controls) in self.condition_voids.iter().enumerate() {
            if !controls.is_empty() && self.fact_holds(ci, device, ctx, today) {
                out.extend(controls.iter().map(|&c| (c, ci)));
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn score_pair(
        &self,
        answers: &[Option<Answer>],
        device: &Device,
        (id, device_index): (&DeviceId, usize),
        ctx: &DeviceContext<'c>,
        s: usize,
        planned: &[bool],
        voided: &[(usize, usize)],
        today: Date,
        explain: bool,
    ) -> Pair<'c> {
        let cat = self.catalog;
        let scales = &cat.scales;
        let scn = &cat.scenarios[s];
        let mut steps = Steps(
            explain.then(|| Vec::with_capacity(6 + scn.conditions.len() + scn.treatments.len())),
        );
        let explaining = steps.0.is_some();
        let mut open = Vec::new();
        let bases = &self.scenario_paths[s];
        let named_paths = !scn.paths.is_empty();
        if named_paths {
            for (path, &value) in scn.paths.iter().zip(bases) {
                steps.push(Step::PathBase {
                    path: &path.name,
                    value,
                });
            }
        } else {
            steps.push(Step::BaseLikelihood {
                value: scn.likelihood,
            });
        }
        steps.push(Step::BaseImpact { impact: scn.impact });

        // Inherent: each path's base moved by the conditions that hold.
        let mut path_l = [0.0f32; MAX_PATHS];
        path_l[..bases.len()].copy_from_slice(bases);
        let mut dims = Dimension::ALL.map(|d| f32::from(scn.impact.get(d)));
        let effects = scn
            .conditions
            .iter()
            .zip(&self.scenario_conditions[s])
            .zip(&self.effect_paths[s]);
        for ((effect, cond), &mask) in effects {
            let Some(ci) = *cond else { continue };
            let condition = &cat.conditions[ci];
            let (weight, question, answer) = match condition.source {
                ConditionSource::Question => {
                    match self.resolve(&self.condition_questions[ci], ctx, answers) {
                        Some(r) => (
                            condition_weight(r.answer),
                            Some(cat.questions[r.question].id.as_str()),
                            r.answer,
                        ),
                        None => (0.0, None, None),
                    }
                }
                _ => (
                    if self.fact_holds(ci, device, ctx, today) {
                        1.0
                    } else {
                        0.0
                    },
                    None,
                    None,
                ),
            };
            if answer == Some(Answer::DontKnow)
                && let Some(q) = question
            {
                push_unique(&mut open, q);
            }
            if weight == 0.0 || mask == 0 {
                continue;
            }
            let dl = weight * effect.likelihood;
            let di = weight * effect.impact;
            for_paths(&mut path_l, mask, |l| *l += dl);
            for (k, d) in Dimension::ALL.iter().enumerate() {
                if effect.dimension.is_none_or(|only| only == *d) {
                    dims[k] += di;
                }
            }
            steps.push(Step::Condition {
                condition: &condition.id,
                question,
                answer,
                weight,
                likelihood: dl,
                impact: di,
                dimension: effect.dimension,
                paths: if explaining {
                    path_names(scn, mask)
                } else {
                    Vec::new()
                },
            });
        }
        let mut paths = PathLikelihoods {
            values: [SCALE_MIN; MAX_PATHS],
            len: bases.len() as u8,
        };
        for (k, &l) in path_l[..bases.len()].iter().enumerate() {
            let lc = clamp_scale(l);
            if lc != l {
                steps.push(Step::Clamped {
                    axis: Axis::Likelihood,
                    dimension: None,
                    from: l,
                    to: lc,
                });
            }
            paths.values[k] = lc;
        }
        for (k, d) in Dimension::ALL.iter().enumerate() {
            let c = clamp_scale(dims[k]);
            if c != dims[k] {
                steps.push(Step::Clamped {
                    axis: Axis::Impact,
                    dimension: Some(*d),
                    from: dims[k],
                    to: c,
                });
            }
        }
        let lc = most_likely(paths.as_slice().iter().copied());
        if named_paths {
            let top = paths.as_slice().iter().position(|&l| l == lc).unwrap_or(0);
            steps.push(Step::MostLikelyPath {
                stage: Stage::Inherent,
                path: &scn.paths[top].name,
                value: lc,
            });
        }
        let inherent = Score::new(scales, lc, dims);
        let (dimension, value) = inherent.dimensions.highest();
        steps.push(Step::HighestImpact { dimension, value });
        steps.push(level_step(Stage::Inherent, &inherent));

        // Residual: the controls in place, one factor at a time; a
        // likelihood control only on the paths it stops.
        let mut controls = Vec::with_capacity(scn.treatments.len());
        let mut missing = Vec::new();
        let (mut pl, mut pi) = ([1.0f32; MAX_PATHS], 1.0f32);
        let treatments = scn
            .treatments
            .iter()
            .zip(&self.scenario_treatments[s])
            .zip(&self.treatment_paths[s]);
        for ((t, ctl), &mask) in treatments {
            let Some(ci) = *ctl else { continue };
            let Some(r) = self.resolve(&self.control_questions[ci], ctx, answers) else {
                continue; // no question concerns this device: vendor-side only
            };
            let control = cat.controls[ci].id.as_str();
            let question = cat.questions[r.question].id.as_str();
            if let Some(&(_, by)) = voided.iter().find(|(c, _)| *c == ci) {
                steps.push(Step::Voided {
                    control,
                    condition: &cat.conditions[by].id,
                });
                continue;
            }
            let Some(weight) = control_weight(r.answer) else {
                steps.push(Step::NotApplicable { control, question });
                continue;
            };
            if t.axis == Axis::Likelihood && mask & paths.mask() == 0 {
                continue; // names no path of this scenario (validation reports it)
            }
            if r.answer == Some(Answer::DontKnow) {
                push_unique(&mut open, question);
            }
            if weight < 1.0 {
                push_unique(&mut missing, control);
            }
            let f = treatment_factor(t.strength, weight);
            let (from, to) = match t.axis {
                Axis::Likelihood => {
                    let from = paths.reduced(&pl);
                    for_paths(&mut pl, mask, |r| *r *= f);
                    (from, paths.reduced(&pl))
                }
                Axis::Impact => {
                    let from = reduce(inherent.impact, pi);
                    pi *= f;
                    (from, reduce(inherent.impact, pi))
                }
            };
            steps.push(Step::Control {
                control,
                question,
                answer: r.answer,
                axis: t.axis,
                strength: t.strength,
                weight,
                from,
                to,
                paths: if explaining && t.axis == Axis::Likelihood {
                    path_names(scn, mask)
                } else {
                    Vec::new()
                },
            });
            controls.push(Applied {
                control,
                index: ci,
                question,
                answer: r.answer,
                axis: t.axis,
                strength: t.strength,
                weight,
                planned: planned[ci],
                paths: mask,
            });
        }
        let residual_l = paths.reduced(&pl);
        if named_paths && paths.as_slice().len() > 1 {
            let top = (0..paths.as_slice().len())
                .find(|&p| reduce(paths.values[p], pl[p]) == residual_l)
                .unwrap_or(0);
            steps.push(Step::MostLikelyPath {
                stage: Stage::Residual,
                path: &scn.paths[top].name,
                value: residual_l,
            });
        }
        let residual_dims = inherent.dimensions.to_array().map(|d| reduce(d, pi));
        let residual = Score::new(scales, residual_l, residual_dims);
        steps.push(level_step(Stage::Residual, &residual));

        let mut pair = Pair {
            device: id.clone(),
            device_index,
            scenario: &scn.id,
            scenario_index: s,
            inherent,
            paths,
            residual,
            projected: residual,
            explanation: steps.0.unwrap_or_default(),
            open_questions: open,
            missing_controls: missing,
            controls,
        };
        if pair.has_planned_effect() {
            project(&mut pair, scales, explain);
        }
        pair
    }
}

/// The names of the paths a mask names, for explanations; empty when it
/// names every path, or the scenario lists fewer than two.
fn path_names(scn: &crate::catalog::Scenario, mask: PathMask) -> Vec<&str> {
    let all = scn.paths.len().min(MAX_PATHS);
    if all < 2 || (0..all).all(|k| mask & (1 << k) != 0) {
        return Vec::new();
    }
    scn.paths
        .iter()
        .enumerate()
        .filter(|(k, _)| mask & (1 << k) != 0)
        .map(|(_, p)| p.name.as_str())
        .collect()
}

fn level_step<'c>(stage: Stage, score: &Score) -> Step<'c> {
    Step::Level {
        stage,
        likelihood: score.likelihood_level,
        impact: score.impact_level,
        risk: score.risk_level,
    }
}

/// What-if: planned controls count as yes. Steps (when `explain`) show each
/// planned control's effect in turn; the last one reaches the projected score.
fn project(pair: &mut Pair<'_>, scales: &Scales, explain: bool) {
    let upgrades: Vec<usize> = (0..pair.controls.len())
        .filter(|&k| pair.controls[k].planned && pair.controls[k].weight < 1.0)
        .collect();
    let mut done = vec![false; pair.controls.len()];
    let mut current = pair.residual;
    for &k in &upgrades {
        done[k] = true;
        let next = pair.residual_by(scales, |j, a| if done[j] { 1.0 } else { a.weight });
        let a = &pair.controls[k];
        let (from, to) = match a.axis {
            Axis::Likelihood => (current.likelihood, next.likelihood),
            Axis::Impact => (current.impact, next.impact),
        };
        if explain {
            pair.explanation.push(Step::Planned {
                control: a.control,
                axis: a.axis,
                from,
                to,
            });
        }
        current = next;
    }
    pair.projected = current;
    if explain {
        pair.explanation
            .push(level_step(Stage::Projected, &current));
    }
}
