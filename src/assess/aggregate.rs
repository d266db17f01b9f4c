//! Aggregates over pairs: heat maps (5×5 cells of pair indices), counts per
//! risk level and the top-risk order.

use super::evaluate::Pair;
use super::explain::Stage;
use super::score::Score;
use serde::Serialize;
use std::cmp::Ordering;

/// A 5×5 risk heat map: `cells[likelihood level − 1][impact level − 1]`
/// holds the indices of the pairs in that cell.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HeatMap {
    pub cells: [[Vec<usize>; 5]; 5],
}

impl HeatMap {
    /// The pairs at a likelihood level and an impact level (1..=5 each).
    pub fn cell(&self, likelihood: u8, impact: u8) -> &[usize] {
        let (l, i) = (
            usize::from(likelihood.clamp(1, 5)) - 1,
            usize::from(impact.clamp(1, 5)) - 1,
        );
        &self.cells[l][i]
    }

    /// How many pairs the map holds.
    pub fn len(&self) -> usize {
        self.cells.iter().flatten().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The three pictures of the same pairs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HeatMaps {
    pub inherent: HeatMap,
    pub residual: HeatMap,
    /// With planned controls (what-if).
    pub projected: HeatMap,
}

/// Pairs per risk level: `inherent[level − 1]`, ...
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    pub inherent: [usize; 5],
    pub residual: [usize; 5],
    pub projected: [usize; 5],
}

impl HeatMaps {
    /// The map of one picture.
    pub fn stage(&self, stage: Stage) -> &HeatMap {
        match stage {
            Stage::Inherent => &self.inherent,
            Stage::Residual => &self.residual,
            Stage::Projected => &self.projected,
        }
    }

    /// Heat maps and level counts of the given pairs. Each pair is read
    /// once (this runs on every recompute): its three cells are noted, the
    /// cells sized exactly, then filled from the notes.
    pub fn build(pairs: &[Pair<'_>], indices: &[usize]) -> (HeatMaps, LevelCounts) {
        let cell = |s: &Score| {
            (usize::from(s.likelihood_level.clamp(1, 5)) - 1) * 5
                + usize::from(s.impact_level.clamp(1, 5))
                - 1
        };
        let level = |s: &Score| usize::from(s.risk_level.clamp(1, 5)) - 1;
        let mut counts = LevelCounts::default();
        let mut sizes = [[0usize; 25]; 3];
        let notes: Vec<[u8; 3]> = indices
            .iter()
            .map(|&k| {
                let p = &pairs[k];
                counts.inherent[level(&p.inherent)] += 1;
                counts.residual[level(&p.residual)] += 1;
                counts.projected[level(&p.projected)] += 1;
                let note = [cell(&p.inherent), cell(&p.residual), cell(&p.projected)];
                for (stage, &c) in note.iter().enumerate() {
                    sizes[stage][c] += 1;
                }
                note.map(|c| c as u8)
            })
            .collect();
        let mut maps = sizes.map(|cells| HeatMap {
            cells: std::array::from_fn(|l| {
                std::array::from_fn(|i| Vec::with_capacity(cells[l * 5 + i]))
            }),
        });
        for (note, &k) in notes.iter().zip(indices) {
            for (stage, &c) in note.iter().enumerate() {
                let c = usize::from(c);
                maps[stage].cells[c / 5][c % 5].push(k);
            }
        }
        let [inherent, residual, projected] = maps;
        (
            HeatMaps {
                inherent,
                residual,
                projected,
            },
            counts,
        )
    }
}

impl LevelCounts {
    /// Pairs per risk level among the given pairs, in each picture.
    pub fn of(pairs: &[Pair<'_>], indices: &[usize]) -> LevelCounts {
        let mut counts = LevelCounts::default();
        for &k in indices {
            let p = &pairs[k];
            counts.inherent[usize::from(p.inherent.risk_level.clamp(1, 5)) - 1] += 1;
            counts.residual[usize::from(p.residual.risk_level.clamp(1, 5)) - 1] += 1;
            counts.projected[usize::from(p.projected.risk_level.clamp(1, 5)) - 1] += 1;
        }
        counts
    }
}

/// The highest residual risk level among some pairs (indices into `pairs`),
/// or None when there are none: a device's "worst risk now".
pub fn worst_residual(pairs: &[Pair<'_>], indices: &[usize]) -> Option<u8> {
    indices
        .iter()
        .filter_map(|&k| pairs.get(k))
        .map(|p| p.residual.risk_level)
        .max()
}

/// The order of top risks: residual level (highest first), then residual
/// score, then inherent score, then device id, then scenario id. The level
/// comes first because it is what people read: a High risk is never listed
/// below a Moderate one, though a Moderate can have the higher score (see
/// rules.rs, "Risk score (ranking)").
pub fn risk_order(a: &Pair<'_>, b: &Pair<'_>) -> Ordering {
    b.residual
        .risk_level
        .cmp(&a.residual.risk_level)
        .then(b.residual.score.total_cmp(&a.residual.score))
        .then(b.inherent.score.total_cmp(&a.inherent.score))
        .then_with(|| a.device.cmp(&b.device))
        .then_with(|| a.scenario.cmp(b.scenario))
}

/// Every pair index in [`risk_order`], sorted the first time it is read:
/// most changes are shown on pages that list no top risks (the plan, a
/// device's questions), and the sort is a good share of a recompute.
/// Compares and serializes as the sorted list.
#[derive(Debug, Clone, Default)]
pub struct TopRisks {
    /// Per pair, its place in the order packed into one integer (see
    /// [`TopRisks::ranked`]).
    keys: Vec<u128>,
    order: std::sync::OnceLock<Vec<usize>>,
}

impl TopRisks {
    /// The order of `pairs`, with the id comparisons of [`risk_order`]
    /// replaced by precomputed ranks (`device_rank[device_index]`,
    /// `scenario_rank[k]` for pair k): the same order, without string
    /// compares on every tie.
    pub(crate) fn ranked(pairs: &[Pair<'_>], device_rank: &[u32], scenario_rank: &[u32]) -> Self {
        // Scores are positive, so their bit patterns sort like the values
        // (the sign bit, always 0, is dropped), and inverted bits sort highest
        // first. The five parts pack into one integer compared whole: residual
        // level (3 bits), residual score and inherent score (31 bits each),
        // device rank (31 bits), scenario rank (32 bits).
        const SCORE: u32 = 0x7FFF_FFFF;
        let key = |k: usize| {
            let p = &pairs[k];
            (u128::from(7 - p.residual.risk_level.min(7)) << 125)
                | (u128::from(!p.residual.score.to_bits() & SCORE) << 94)
                | (u128::from(!p.inherent.score.to_bits() & SCORE) << 63)
                | (u128::from(device_rank[p.device_index] & SCORE) << 32)
                | u128::from(scenario_rank[k])
        };
        TopRisks {
            keys: (0..pairs.len()).map(key).collect(),
            order: std::sync::OnceLock::new(),
        }
    }

    /// Every pair index, highest risk first.
    pub fn get(&self) -> &[usize] {
        self.order
            .get_or_init(|| crate::order::positions_by_key(&self.keys))
    }

    /// `pairs` (indices) in the same order, sorted on their own: a few
    /// pairs need no sort of all of them.
    pub fn among(&self, pairs: &[usize]) -> Vec<usize> {
        let mut out = pairs.to_vec();
        crate::order::sort_by_packed_key(&mut out, |&k| self.keys[k]);
        out
    }
}

impl PartialEq for TopRisks {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Serialize for TopRisks {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Date, Engine, Household};

    fn assessed() -> crate::assess::Assessment<'static> {
        let mut h = Household::new("h1", "Home");
        h.add_device("dev.router", "Router", "Hall", "Router");
        h.add_device("dev.indoor-camera", "Camera", "Hall", "Camera");
        let engine = Engine::new(crate::catalog::embedded());
        engine.evaluate(&h, Date::parse("2026-05-01").unwrap())
    }

    #[test]
    fn stage_picks_that_pictures_map() {
        let a = assessed();
        let m = &a.heat_map;
        assert!(std::ptr::eq(m.stage(Stage::Inherent), &m.inherent));
        assert!(std::ptr::eq(m.stage(Stage::Residual), &m.residual));
        assert!(std::ptr::eq(m.stage(Stage::Projected), &m.projected));
    }

    #[test]
    fn top_risks_serialize_and_compare_as_the_sorted_list() {
        let a = assessed();
        // Not read yet: the clone holds no order and sorts on its own.
        let unsorted = a.clone();
        let json = serde_json::to_value(&a).unwrap();
        let listed: Vec<usize> = serde_json::from_value(json["top_risks"].clone()).unwrap();
        assert_eq!(listed, a.top_risks());
        assert_eq!(listed.len(), a.pairs.len());
        assert_eq!(unsorted, a);
        // Equal keys, equal lists; a pair fewer, a different list.
        let keys = |pairs: &[Pair<'_>]| TopRisks::ranked(pairs, &[0, 1], &vec![0; pairs.len()]);
        assert_eq!(keys(&a.pairs), keys(&a.pairs));
        assert_ne!(keys(&a.pairs), keys(&a.pairs[1..]));
    }

    #[test]
    fn worst_residual_is_the_highest_level_of_the_given_pairs() {
        let a = assessed();
        let camera = &a.devices[1];
        assert!(!camera.pairs.is_empty());
        let by_hand = camera
            .pairs
            .iter()
            .map(|&k| a.pairs[k].residual.risk_level)
            .fold(0, u8::max);
        assert_eq!(worst_residual(&a.pairs, &camera.pairs), Some(by_hand));
        // One pair: its own level.
        let k = camera.pairs[0];
        assert_eq!(
            worst_residual(&a.pairs, &[k]),
            Some(a.pairs[k].residual.risk_level)
        );
        assert_eq!(worst_residual(&a.pairs, &[]), None);
        // Indices past the end are ignored rather than panicking.
        assert_eq!(worst_residual(&a.pairs, &[a.pairs.len()]), None);
    }
}
