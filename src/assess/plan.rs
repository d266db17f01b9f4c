//! The ranked action plan: for each control not in place, the risk it would
//! take away across the household, per unit of effort (rule in
//! [`super::rules`], "Risk score").

use super::date::Date;
use super::engine::Engine;
use super::evaluate::{Assessment, DeviceId};
use super::household::Household;
use super::round2;
use super::rules::effort;
use super::score::Score;
use crate::catalog::Catalog;
use serde::Serialize;

/// One pair a plan entry lowers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lowered<'c> {
    /// Index into [`Assessment::pairs`].
    pub pair: usize,
    pub device: DeviceId,
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

/// Drops are summed in millionths, as integers, so the total never depends
/// on the order of the pairs (float sums do).
const UNITS: f64 = 1_000_000.0;

/// One control's pairs: (planned, [(pair, residual with the control at yes)]).
type Affected = (bool, Vec<(usize, Score)>);

impl<'c> Engine<'c> {
    /// The ranked action plan from an assessment made by this engine.
    pub fn plan(&self, assessment: &Assessment<'c>) -> Vec<PlanEntry<'c>> {
        let scales = &self.catalog.scales;
        // Ties in a control's list go by device id, then scenario id: as ranks.
        let devices = &assessment.devices;
        let mut device_rank = vec![0u32; devices.len()];
        let by_id = crate::order::sorted_positions(devices.len(), &|a, b| {
            devices[a].id.cmp(&devices[b].id)
        });
        for (rank, &d) in by_id.iter().enumerate() {
            device_rank[d] = rank as u32;
        }
        // Per control position.
        let mut by_control: Vec<Option<Affected>> = vec![None; self.catalog.controls.len()];
        for (k, pair) in assessment.pairs.iter().enumerate() {
            for (j, a) in pair.controls.iter().enumerate() {
                if a.weight >= 1.0 || pair.controls[..j].iter().any(|b| b.index == a.index) {
                    continue; // in place, or already counted for this pair
                }
                let c = a.index;
                let with =
                    pair.residual_with(scales, |b| if b.index == a.index { 1.0 } else { b.weight });
                let entry = by_control[c].get_or_insert_with(|| (false, Vec::new()));
                entry.0 |= a.planned;
                entry.1.push((k, with));
            }
        }
        let mut entries: Vec<PlanEntry<'c>> = by_control
            .into_iter()
            .enumerate()
            .filter_map(|(c, found)| found.map(|f| (c, f)))
            .map(|(c, (planned, affected))| {
                let control = &self.catalog.controls[c];
                let units: i64 = affected
                    .iter()
                    .map(|(k, with)| {
                        let drop =
                            f64::from(assessment.pairs[*k].residual.score) - f64::from(with.score);
                        (drop.max(0.0) * UNITS).round() as i64
                    })
                    .sum();
                let reduction = (units as f64 / UNITS) as f32;
                let mut lowers: Vec<Lowered<'c>> = affected
                    .iter()
                    .filter(|(k, with)| with.score < assessment.pairs[*k].residual.score)
                    .map(|&(k, with)| {
                        let p = &assessment.pairs[k];
                        Lowered {
                            pair: k,
                            device: p.device.clone(),
                            scenario: p.scenario,
                            current_level: p.residual.risk_level,
                            projected_level: with.risk_level,
                            current_score: p.residual.score,
                            projected_score: with.score,
                        }
                    })
                    .collect();
                // Biggest drop first (drops are positive: their inverted bits
                // sort highest first), then device id, then scenario id.
                crate::order::sort_by_packed_key(&mut lowers, |l| {
                    let p = &assessment.pairs[l.pair];
                    let drop = l.current_score - l.projected_score;
                    (u128::from(!drop.to_bits()) << 64)
                        | (u128::from(device_rank[p.device_index]) << 32)
                        | u128::from(self.scenario_rank[p.scenario_index])
                });
                let effort = effort(control.effort);
                PlanEntry {
                    rank: 0,
                    control: &control.id,
                    effort,
                    reduction,
                    value: reduction / f32::from(effort),
                    planned,
                    lowers,
                }
            })
            .collect();
        crate::order::sort_by(&mut entries, |a, b| {
            b.value.total_cmp(&a.value).then(a.control.cmp(b.control))
        });
        for (i, e) in entries.iter_mut().enumerate() {
            e.rank = i + 1;
        }
        entries
    }
}
