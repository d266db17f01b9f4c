//! The ranked action plan: for each control not in place, the risk it would
//! take away across the household, per unit of effort (rule in
//! [`super::rules`], "Risk score").

use super::date::Date;
use super::engine::Engine;
use super::evaluate::Assessment;
use super::household::Household;
use super::round2;
use super::rules::effort;
use crate::catalog::Catalog;
use serde::Serialize;
use std::collections::BTreeMap;

/// One pair a plan entry lowers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lowered<'c> {
    /// Index into [`Assessment::pairs`].
    pub pair: usize,
    pub device: String,
    pub scenario: &'c str,
    /// Residual risk level now, and with the control answered yes.
    pub current_level: u8,
    pub projected_level: u8,
    #[serde(serialize_with = "round2")]
    pub current_score: f32,
    #[serde(serialize_with = "round2")]
    pub projected_score: f32,
}

/// One ranked step of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEntry<'c> {
    /// 1 for the best value.
    pub rank: usize,
    pub control: &'c str,
    /// 1..=3.
    pub effort: u8,
    /// Total drop in risk score across the household.
    #[serde(serialize_with = "round2")]
    pub reduction: f32,
    /// reduction / effort: the ranking key.
    #[serde(serialize_with = "round2")]
    pub value: f32,
    /// Already marked as planned (what-if).
    pub planned: bool,
    /// The pairs it lowers, biggest drop first.
    pub lowers: Vec<Lowered<'c>>,
}

/// The ranked action plan of a household on `today`.
pub fn plan<'c>(catalog: &'c Catalog, household: &Household, today: Date) -> Vec<PlanEntry<'c>> {
    let engine = Engine::new(catalog);
    let assessment = engine.evaluate(household, today);
    engine.plan(&assessment)
}

impl<'c> Engine<'c> {
    /// The ranked action plan from an assessment made by this engine.
    pub fn plan(&self, assessment: &Assessment<'c>) -> Vec<PlanEntry<'c>> {
        let scales = &self.catalog.scales;
        // control id -> (planned, [(device id, scenario id, lowered)])
        let mut by_control: BTreeMap<&'c str, (bool, Vec<Lowered<'c>>)> = BTreeMap::new();
        for (k, pair) in assessment.pairs.iter().enumerate() {
            for (j, a) in pair.controls.iter().enumerate() {
                if a.weight >= 1.0 || pair.controls[..j].iter().any(|b| b.control == a.control) {
                    continue; // in place, or already counted for this pair
                }
                let with = pair.residual_with(scales, |b| {
                    if b.control == a.control {
                        1.0
                    } else {
                        b.weight
                    }
                });
                let entry = by_control
                    .entry(a.control)
                    .or_insert((a.planned, Vec::new()));
                entry.0 |= a.planned;
                entry.1.push(Lowered {
                    pair: k,
                    device: pair.device.clone(),
                    scenario: pair.scenario,
                    current_level: pair.residual.risk_level,
                    projected_level: with.risk_level,
                    current_score: pair.residual.score,
                    projected_score: with.score,
                });
            }
        }
        let mut entries: Vec<PlanEntry<'c>> = by_control
            .into_iter()
            .map(|(control, (planned, mut lowers))| {
                // Sum in (device, scenario) order: independent of device order.
                lowers.sort_by(|a, b| a.device.cmp(&b.device).then(a.scenario.cmp(b.scenario)));
                let reduction: f64 = lowers
                    .iter()
                    .map(|l| f64::from(l.current_score) - f64::from(l.projected_score))
                    .sum();
                let reduction = reduction.max(0.0) as f32;
                let effort = effort(self.control(control).map_or(1, |c| c.effort));
                lowers.retain(|l| l.projected_score < l.current_score);
                lowers.sort_by(|a, b| {
                    let (da, db) = (
                        a.current_score - a.projected_score,
                        b.current_score - b.projected_score,
                    );
                    db.total_cmp(&da)
                        .then(a.device.cmp(&b.device))
                        .then(a.scenario.cmp(b.scenario))
                });
                PlanEntry {
                    rank: 0,
                    control,
                    effort,
                    reduction,
                    value: reduction / f32::from(effort),
                    planned,
                    lowers,
                }
            })
            .collect();
        entries.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.control.cmp(b.control)));
        for (i, e) in entries.iter_mut().enumerate() {
            e.rank = i + 1;
        }
        entries
    }
}
