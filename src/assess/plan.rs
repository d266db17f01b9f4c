//! The ranked action plan: for each control not in place, the risk it would
//! take away across the household; the step that brings the worst risk down
//! comes first (rules in [`super::rules`], "Action plan"). Only steps the
//! household can take are in the plan; the maker's and provider's are
//! "ask the vendor" advice ([`Engine::vendor_asks`]).

use super::date::Date;
use super::engine::Engine;
use super::evaluate::{Assessment, DeviceId};
use super::household::Household;
use super::round2;
use super::rules::effort;
use super::score::Score;
use crate::catalog::{Catalog, Stakeholder, When};
use crate::plural::plural;
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

/// The worst risk a step brings down a level: why it stands where it does.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Worst {
    /// Index into [`Assessment::pairs`].
    pub pair: usize,
    /// Its residual risk level now, and with the step done.
    pub from: u8,
    pub to: u8,
    /// Its residual score now (orders two steps that lower the same level).
    #[serde(serialize_with = "round2")]
    pub score: f32,
    /// Its residual score with the step done (of two steps for one risk,
    /// the one that leaves less of it goes first).
    #[serde(serialize_with = "round2")]
    pub left: f32,
}

/// One ranked step of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEntry<'c> {
    /// 1 for the first step.
    pub rank: usize,
    pub control: &'c str,
    /// Who takes the step: "user" (the household) in the plan; "developer"
    /// or "provider" in [`Engine::vendor_asks`].
    pub who: Stakeholder,
    /// When it can be done: now, or at the next purchase.
    pub when: When,
    /// The household said the step is not (fully) done: its question has an
    /// answer (no, partly, don't know) on some device; false when it is only
    /// unanswered. Known gaps rank before suspected ones.
    pub answered: bool,
    /// The highest-level risk the step brings down a level, if any.
    pub worst: Option<Worst>,
    /// 1..=3.
    pub effort: u8,
    /// Total drop in risk score across the household.
    #[serde(serialize_with = "round2")]
    pub reduction: f32,
    /// reduction / effort: the ranking key after `when` and `worst`.
    #[serde(serialize_with = "round2")]
    pub value: f32,
    /// Already marked as planned (what-if).
    pub planned: bool,
    /// The pairs it lowers, biggest drop first.
    pub lowers: Vec<Lowered<'c>>,
}

impl<'c> PlanEntry<'c> {
    /// The pair that puts the step where it is: the worst risk it brings
    /// down a level.
    pub fn reason(&self) -> Option<&Lowered<'c>> {
        let w = self.worst?;
        self.lowers.iter().find(|l| l.pair == w.pair)
    }

    /// Why the step stands where it does, in one plain sentence, or None
    /// when it brings no risk down a level. `device_name` is the name of
    /// the device of [`PlanEntry::reason`].
    pub fn why(&self, catalog: &Catalog, device_name: &str) -> Option<String> {
        let l = self.reason()?;
        let scenario = catalog.scenario_title(l.scenario);
        let level = |v| catalog.scales.level_name(crate::catalog::Scale::Risk, v);
        Some(format!(
            "It brings the risk \"{scenario}\" on {device_name} down from {} to {}.",
            level(l.current_level),
            level(l.projected_level)
        ))
    }
}

/// How a step moves risk levels: `count` risks go from level `from` to
/// level `to` (always lower).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChange {
    pub from: u8,
    pub to: u8,
    pub count: usize,
}

impl PlanEntry<'_> {
    /// The risks the step brings down a level or more, grouped by (from,
    /// to), highest first: what "lowers 3 risks" means. Risks it trims
    /// within their level are not counted.
    pub fn level_changes(&self) -> Vec<LevelChange> {
        let mut out: Vec<LevelChange> = Vec::new();
        for l in self
            .lowers
            .iter()
            .filter(|l| l.projected_level < l.current_level)
        {
            match out
                .iter_mut()
                .find(|c| c.from == l.current_level && c.to == l.projected_level)
            {
                Some(c) => c.count += 1,
                None => out.push(LevelChange {
                    from: l.current_level,
                    to: l.projected_level,
                    count: 1,
                }),
            }
        }
        out.sort_by(|a, b| b.from.cmp(&a.from).then(a.to.cmp(&b.to)));
        out
    }

    /// What the step does, in words: "Lowers 3 risks: 1 High → Low,
    /// 2 Moderate → Low." or, when no risk changes level, how many it
    /// makes a little less likely or less harmful.
    pub fn effect(&self, catalog: &Catalog) -> String {
        let changes = self.level_changes();
        let name = |v| catalog.scales.level_name(crate::catalog::Scale::Risk, v);
        if changes.is_empty() {
            return format!(
                "No risk drops a whole level, but it makes {} a little smaller.",
                plural(self.lowers.len(), "risk", "risks")
            );
        }
        let total: usize = changes.iter().map(|c| c.count).sum();
        let parts: Vec<String> = changes
            .iter()
            .map(|c| format!("{} {} → {}", c.count, name(c.from), name(c.to)))
            .collect();
        format!(
            "Lowers {}: {}.",
            plural(total, "risk", "risks"),
            parts.join(", ")
        )
    }
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

/// How many steps are chosen one at a time, each counted after the ones
/// before it; the rest follow in the same order of keys, counted after
/// these (choosing every step one by one costs a full pass per step).
pub const CHOSEN_ONE_BY_ONE: usize = 5;

/// A control not in place on some pairs: answered when its question has
/// an answer on any of them; per pair, its residual with the steps taken so
/// far and this one.
struct Candidate {
    planned: bool,
    answered: bool,
    pairs: Vec<usize>,
    with: Vec<Score>,
}

/// Which of two steps goes first (see [`super::rules`], "Action plan").
fn ahead(a: &PlanEntry<'_>, b: &PlanEntry<'_>) -> std::cmp::Ordering {
    let level = |e: &PlanEntry| e.worst.map_or(0, |w| w.from);
    let score = |e: &PlanEntry| e.worst.map_or(0.0, |w| w.score);
    let left = |e: &PlanEntry| e.worst.map_or(f32::MAX, |w| w.left);
    a.when
        .cmp(&b.when)
        .then(b.answered.cmp(&a.answered))
        .then(level(b).cmp(&level(a)))
        .then(score(b).total_cmp(&score(a)))
        .then(left(a).total_cmp(&left(b)))
        .then(b.value.total_cmp(&a.value))
        .then(a.control.cmp(b.control))
}

impl<'c> Engine<'c> {
    /// The ranked action plan from an assessment made by this engine: the
    /// steps the household can take.
    pub fn plan(&self, assessment: &Assessment<'c>) -> Vec<PlanEntry<'c>> {
        self.steps(assessment, |who| who == Stakeholder::User, None)
    }

    /// The plan's first step alone (what [`Engine::plan`] ranks first), at
    /// the cost of one pass: for a headline.
    pub fn first_step(&self, assessment: &Assessment<'c>) -> Option<PlanEntry<'c>> {
        self.steps(assessment, |who| who == Stakeholder::User, Some(1))
            .into_iter()
            .next()
    }

    /// The household's steps already done: controls counted on some risk
    /// and answered "yes" wherever they count, in catalog order. The plan
    /// page lists them under "Done".
    pub fn done_steps(&self, assessment: &Assessment<'c>) -> Vec<&'c str> {
        let n = self.catalog.controls.len();
        let (mut seen, mut open) = (vec![false; n], vec![false; n]);
        for a in assessment.pairs.iter().flat_map(|p| &p.controls) {
            seen[a.index] = true;
            open[a.index] |= a.weight < 1.0;
        }
        self.catalog
            .controls
            .iter()
            .enumerate()
            .filter(|&(k, c)| seen[k] && !open[k] && c.stakeholder == Stakeholder::User)
            .map(|(_, c)| c.id.as_str())
            .collect()
    }

    /// What only the maker or the service provider can do, ranked the same
    /// way: advice on what to ask the vendor for, or to choose vendors by.
    pub fn vendor_asks(&self, assessment: &Assessment<'c>) -> Vec<PlanEntry<'c>> {
        self.steps(assessment, |who| who != Stakeholder::User, None)
    }

    /// The steps, chosen one at a time: each is the best once the steps
    /// before it are done, and its figures say what it adds to them (so two
    /// steps that close the same risk are not both ranked on it).
    fn steps(
        &self,
        assessment: &Assessment<'c>,
        keep: impl Fn(Stakeholder) -> bool,
        limit: Option<usize>,
    ) -> Vec<PlanEntry<'c>> {
        let pairs = &assessment.pairs;
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
        // Per control position, the pairs where it is not in place; per
        // pair, where it sits in the lists of those controls.
        let mut candidates: Vec<Option<Candidate>> =
            (0..self.catalog.controls.len()).map(|_| None).collect();
        let mut slots: Vec<Vec<(usize, usize)>> = vec![Vec::new(); pairs.len()];
        for (k, pair) in pairs.iter().enumerate() {
            for (j, a) in pair.controls.iter().enumerate() {
                if a.weight >= 1.0 || pair.controls[..j].iter().any(|b| b.index == a.index) {
                    continue; // in place, or already counted for this pair
                }
                if !keep(self.catalog.controls[a.index].stakeholder) {
                    continue;
                }
                let entry = candidates[a.index].get_or_insert_with(|| Candidate {
                    planned: false,
                    answered: false,
                    pairs: Vec::new(),
                    with: Vec::new(),
                });
                entry.planned |= a.planned;
                entry.answered |= a.answer.is_some();
                slots[k].push((a.index, entry.pairs.len()));
                entry.pairs.push(k);
                let c = a.index;
                entry.with.push(
                    pair.residual_with(scales, |b| if b.index == c { 1.0 } else { b.weight }),
                );
            }
        }
        // The steps chosen so far count as done; `now` is each pair's
        // residual with them, and each candidate keeps each of its pairs'
        // residual with them and itself.
        let mut done = vec![false; self.catalog.controls.len()];
        let mut now: Vec<Score> = pairs.iter().map(|p| p.residual).collect();
        let mut built: Vec<Option<PlanEntry<'c>>> = (0..candidates.len()).map(|_| None).collect();
        let mut stale: Vec<bool> = candidates.iter().map(Option::is_some).collect();
        let mut entries = Vec::new();
        loop {
            if limit == Some(entries.len()) {
                break;
            }
            if entries.len() == CHOSEN_ONE_BY_ONE {
                // The rest in the same order, counted after the steps above.
                let mut rest: Vec<PlanEntry<'c>> = (0..candidates.len())
                    .filter_map(|c| {
                        let cand = candidates[c].as_ref()?;
                        Some(self.entry(c, cand, assessment, &now, &device_rank, true))
                    })
                    .collect();
                crate::order::sort_by(&mut rest, ahead);
                for mut entry in rest {
                    entry.rank = entries.len() + 1;
                    entries.push(entry);
                }
                break;
            }
            for c in 0..candidates.len() {
                if let (true, Some(cand)) = (stale[c], &candidates[c]) {
                    built[c] = Some(self.entry(c, cand, assessment, &now, &device_rank, false));
                    stale[c] = false;
                }
            }
            let Some(best) = (0..built.len())
                .filter(|&c| built[c].is_some())
                .min_by(|&a, &b| ahead(built[a].as_ref().unwrap(), built[b].as_ref().unwrap()))
            else {
                break;
            };
            built[best] = None;
            let cand = candidates[best].take().expect("a candidate");
            let mut entry = self.entry(best, &cand, assessment, &now, &device_rank, true);
            entry.rank = entries.len() + 1;
            entries.push(entry);
            done[best] = true;
            // Only the pairs this step touches change, and only the other
            // steps on those pairs need working out again.
            for (&k, &with) in cand.pairs.iter().zip(&cand.with) {
                now[k] = with;
                for &(c, at) in &slots[k] {
                    let Some(other) = candidates[c].as_mut() else {
                        continue;
                    };
                    other.with[at] = pairs[k].residual_with(scales, |b| {
                        if b.index == c || done[b.index] {
                            1.0
                        } else {
                            b.weight
                        }
                    });
                    stale[c] = true;
                }
            }
        }
        entries
    }

    /// One candidate step's figures from its pairs' residuals now and with
    /// it (both counting the steps taken before); with `full`, also the list
    /// of the pairs it lowers (the ranking needs only the figures, so
    /// candidates are compared without building lists).
    fn entry(
        &self,
        c: usize,
        cand: &Candidate,
        assessment: &Assessment<'c>,
        now: &[Score],
        device_rank: &[u32],
        full: bool,
    ) -> PlanEntry<'c> {
        let control = &self.catalog.controls[c];
        let pairs = &assessment.pairs;
        // Ties between pairs go by device id, then scenario id (as ranks),
        // so nothing depends on the order of the devices.
        let rank = |k: usize| {
            let p = &pairs[k];
            (
                device_rank[p.device_index],
                self.scenario_rank[p.scenario_index],
            )
        };
        let mut units = 0i64;
        let mut worst: Option<Worst> = None;
        let mut lowers = Vec::new();
        for (&k, &with) in cand.pairs.iter().zip(&cand.with) {
            let before = now[k];
            let drop = f64::from(before.score) - f64::from(with.score);
            units += (drop.max(0.0) * UNITS).round() as i64;
            if with.score >= before.score {
                continue;
            }
            if with.risk_level < before.risk_level {
                let w = Worst {
                    pair: k,
                    from: before.risk_level,
                    to: with.risk_level,
                    score: before.score,
                    left: with.score,
                };
                // The highest level, then the highest score within it (the
                // more severe of two High risks), then the lowest left.
                let worse = worst.is_none_or(|b| {
                    w.from
                        .cmp(&b.from)
                        .then(w.score.total_cmp(&b.score))
                        .then(b.left.total_cmp(&w.left))
                        .then(rank(b.pair).cmp(&rank(k)))
                        .is_gt()
                });
                if worse {
                    worst = Some(w);
                }
            }
            if full {
                let p = &pairs[k];
                lowers.push(Lowered {
                    pair: k,
                    device: p.device.clone(),
                    scenario: p.scenario,
                    current_level: before.risk_level,
                    projected_level: with.risk_level,
                    current_score: before.score,
                    projected_score: with.score,
                });
            }
        }
        // Biggest drop first (drops are positive: their inverted bits
        // sort highest first), then device id, then scenario id.
        crate::order::sort_by_packed_key(&mut lowers, |l| {
            let drop = l.current_score - l.projected_score;
            let (d, s) = rank(l.pair);
            (u128::from(!drop.to_bits()) << 64) | (u128::from(d) << 32) | u128::from(s)
        });
        let reduction = (units as f64 / UNITS) as f32;
        let effort = effort(control.effort);
        PlanEntry {
            rank: 0,
            control: &control.id,
            who: control.stakeholder,
            when: control.when,
            answered: cand.answered,
            worst,
            effort,
            reduction,
            value: reduction / f32::from(effort),
            planned: cand.planned,
            lowers,
        }
    }
}
