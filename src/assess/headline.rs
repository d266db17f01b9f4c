//! The results in two plain sentences: how the home is doing, and the one
//! step to take first. Worded here, in the core, so the results page, the
//! report and the command line say the same thing.
//!
//! ```
//! # use thingrisk::assess::{Date, Engine, Household, headline::Headline};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let mut home = Household::new("h1", "Home");
//! home.add_device("dev.router", "Router", "Hall", "Router");
//! let a = engine.evaluate_brief(&home, Date::new(2026, 5, 1).unwrap());
//! let h = Headline::of(&engine, &a);
//! let (summary, first) = h.sentences(engine.catalog(), &|_| "Router".to_string());
//! assert!(summary.starts_with("Your home has"));
//! assert!(first.unwrap().starts_with("Do this first:"));
//! ```

use super::engine::Engine;
use super::evaluate::Assessment;
use super::plan::PlanEntry;
use crate::catalog::{Catalog, Scale};

/// High and Very high on the risk scale.
const HIGH: u8 = 4;

/// What the headline says, before it is worded.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline<'c> {
    /// Residual risks at High and at Very high.
    pub high: usize,
    pub very_high: usize,
    /// The worst residual risk: (device id, scenario id, level).
    pub worst: Option<(String, &'c str, u8)>,
    /// The plan's first step.
    pub first: Option<PlanEntry<'c>>,
}

impl<'c> Headline<'c> {
    /// The headline of an assessment made by `engine`.
    pub fn of(engine: &Engine<'c>, assessment: &Assessment<'c>) -> Headline<'c> {
        let count = |level: u8| assessment.counts.residual[usize::from(level) - 1];
        Headline {
            high: count(HIGH),
            very_high: count(5),
            // The first of the ranking, which puts the highest level first.
            worst: assessment.top_risks().first().map(|&i| {
                let p = &assessment.pairs[i];
                (p.device.to_string(), p.scenario, p.residual.risk_level)
            }),
            first: engine.first_step(assessment),
        }
    }

    /// The summary sentence, and the first-step sentence when there is a
    /// step to take. `device_name` gives a device's name from its id.
    pub fn sentences(
        &self,
        catalog: &Catalog,
        device_name: &dyn Fn(&str) -> String,
    ) -> (String, Option<String>) {
        let level = |v: u8| catalog.scales.level_name(Scale::Risk, v).to_lowercase();
        let summary = match &self.worst {
            None => "Add devices to see how your home is doing.".to_string(),
            Some((device, scenario, worst)) if *worst >= HIGH => {
                let n = self.high + self.very_high;
                let risks = if n == 1 { "risk" } else { "risks" };
                let how = match (self.very_high, self.high) {
                    (0, _) => format!("{n} high {risks}"),
                    (v, 0) => format!("{v} very high {risks}"),
                    (v, _) => format!("{n} high {risks} ({v} of them very high)"),
                };
                // Its level only where the count does not already say it.
                let which = if self.very_high > 0 && self.high > 0 {
                    format!(" ({})", level(*worst))
                } else {
                    String::new()
                };
                format!(
                    "Your home has {how}. The worst: \"{}\" on {}{which}.",
                    catalog.scenario_title(scenario),
                    device_name(device),
                )
            }
            Some((device, scenario, worst)) => format!(
                "Your home has no high risks. The biggest: \"{}\" on {} ({}).",
                catalog.scenario_title(scenario),
                device_name(device),
                level(*worst)
            ),
        };
        let first = self.first.as_ref().map(|e| {
            let step = catalog.control_title(e.control);
            let why = e
                .reason()
                .and_then(|l| e.why(catalog, &device_name(&l.device)))
                .map(|w| format!(" {w}"))
                .unwrap_or_default();
            format!("Do this first: {step}.{why}")
        });
        (summary, first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Answer, Date, Device, Household};

    fn today() -> Date {
        Date::new(2026, 6, 1).unwrap()
    }

    #[test]
    fn a_home_with_a_high_risk_names_it_and_the_step_that_lowers_it() {
        let cat = crate::catalog::embedded();
        let engine = Engine::new(cat);
        let mut h = Household::new("h", "Home");
        let mut cam = Device::new("c", "Nursery camera", "dev.indoor-camera");
        cam.answers.insert("q.private-room".into(), Answer::Yes);
        cam.answers.insert("q.default-password".into(), Answer::No);
        cam.answers.insert("q.internet-exposed".into(), Answer::Yes);
        h.devices.push(cam);
        let a = engine.evaluate_brief(&h, today());
        let head = Headline::of(&engine, &a);
        assert!(head.high + head.very_high > 0);
        let top = a.top(1).next().unwrap();
        let name = |_: &str| "Nursery camera".to_string();
        let (summary, first) = head.sentences(cat, &name);
        let worst = &cat.scenarios[top.scenario_index].title;
        assert!(summary.contains(worst.as_str()), "{summary}");
        assert!(summary.starts_with("Your home has "), "{summary}");
        let plan = engine.plan(&a);
        let step = &cat
            .controls
            .iter()
            .find(|c| c.id == plan[0].control)
            .unwrap()
            .title;
        let first = first.unwrap();
        assert!(
            first.starts_with(&format!("Do this first: {step}.")),
            "{first}"
        );
        assert_eq!(head.first.unwrap().control, plan[0].control);
    }

    #[test]
    fn the_risk_named_is_of_the_highest_level_in_the_home() {
        let engine = Engine::new(crate::catalog::embedded());
        for seed in 1..=60 {
            let h = crate::assess::quick_agreement::generated_home(&engine, 10, seed, today());
            let a = engine.evaluate_brief(&h, today());
            let highest = a.pairs.iter().map(|p| p.residual.risk_level).max();
            let named = Headline::of(&engine, &a).worst.map(|w| w.2);
            assert_eq!(named, highest, "seed {seed}");
        }
    }

    #[test]
    fn a_well_kept_home_says_so_and_an_empty_one_asks_for_devices() {
        let cat = crate::catalog::embedded();
        let engine = Engine::new(cat);
        let empty = Household::new("h", "Home");
        let a = engine.evaluate_brief(&empty, today());
        let (summary, first) = Headline::of(&engine, &a).sentences(cat, &|d| d.to_string());
        assert_eq!(summary, "Add devices to see how your home is doing.");
        assert_eq!(first, None);
        // A plug with nothing open: no high risks, the biggest is named.
        let mut h = Household::new("h", "Home");
        h.devices
            .push(Device::new("p", "Lamp plug", "dev.lights-plugs"));
        for q in cat.questions.iter() {
            let a = if q.control.is_some() {
                Answer::Yes
            } else {
                Answer::No
            };
            h.answers.insert(q.id.clone(), a);
            h.devices[0].answers.insert(q.id.clone(), a);
        }
        let a = engine.evaluate_brief(&h, today());
        let (summary, _) = Headline::of(&engine, &a).sentences(cat, &|_| "Lamp plug".into());
        assert!(
            summary.starts_with("Your home has no high risks. The biggest: \""),
            "{summary}"
        );
        assert!(summary.contains("on Lamp plug"), "{summary}");
    }
}
