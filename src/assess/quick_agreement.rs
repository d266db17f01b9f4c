//! How far the quick check can be trusted: from a fully answered home,
//! answer only what the quick check asks (copying that home's answers, in
//! the order the quick check asks them) and compare the first five plan
//! steps with the full assessment's. `thingrisk quick-figures` prints it
//! for the sample homes and generated ones; the tests hold it to 4 of 5.
//!
//! ```
//! # use thingrisk::assess::{Date, Engine, quick_agreement::{agreement, generated_home}};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let today = Date::new(2026, 12, 1).unwrap();
//! let home = generated_home(&engine, 10, 1, today);
//! let a = agreement(&engine, &home, today);
//! assert!(a.asked <= 60 && a.same_steps <= 5);
//! ```

use super::answer::Answer;
use super::date::Date;
use super::engine::Engine;
use super::household::{Acquired, Device, Household};
use crate::training::rng::Rng;
use serde::Serialize;

/// The quick check replayed on one fully answered home.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Questions the quick check asked.
    pub asked: usize,
    /// Questions the full assessment answered.
    pub full: usize,
    /// The full assessment's first five steps (control ids).
    pub full_steps: Vec<String>,
    /// The first five steps after the quick check only.
    pub quick_steps: Vec<String>,
    /// Steps in both lists.
    pub same_steps: usize,
}

/// Replays the quick check on `full`: starts from its devices with no
/// answers and answers each question the quick check asks as `full` does
/// (a question `full` left unanswered stays so, as a skip would).
pub fn agreement(engine: &Engine<'_>, full: &Household, today: Date) -> Agreement {
    let mut h = full.clone();
    h.answers.clear();
    h.planned.clear();
    for d in &mut h.devices {
        d.answers.clear();
    }
    let mut skipped: Vec<(String, Option<usize>)> = Vec::new();
    let mut asked = 0;
    loop {
        let asks = engine.asks(&h, today);
        let Some(next) = asks
            .list
            .iter()
            .filter(|a| a.quick)
            .find(|a| !skipped.contains(&(a.question.id.clone(), a.device)))
        else {
            break;
        };
        asked += 1;
        let q = next.question.id.clone();
        match next.device {
            Some(i) => match full.devices[i].answers.get(&q) {
                Some(&a) => {
                    h.devices[i].answers.insert(q, a);
                }
                None => skipped.push((q, Some(i))),
            },
            None => {
                // The home's answer, with its per-device picks.
                match full.answers.get(&q) {
                    Some(&a) => {
                        h.answers.insert(q.clone(), a);
                    }
                    None => skipped.push((q.clone(), None)),
                }
                for (d, f) in h.devices.iter_mut().zip(&full.devices) {
                    if let Some(&a) = f.answers.get(&q) {
                        d.answers.insert(q.clone(), a);
                    }
                }
            }
        }
    }
    let steps = |h: &Household| -> Vec<String> {
        let mut plain = h.clone();
        plain.planned.clear();
        engine
            .plan(&engine.evaluate_brief(&plain, today))
            .iter()
            .take(5)
            .map(|e| e.control.to_string())
            .collect()
    };
    let full_steps = steps(full);
    let quick_steps = steps(&h);
    let same_steps = quick_steps
        .iter()
        .filter(|s| full_steps.contains(s))
        .count();
    Agreement {
        asked,
        full: engine.asks(full, today).answered,
        full_steps,
        quick_steps,
        same_steps,
    }
}

/// A home of `devices` devices of common kinds, every question it is asked
/// answered, drawn from `seed`: about half the steps in place, some partly,
/// a few "don't know"; one device in five second-hand; conditions true one
/// time in four.
pub fn generated_home(engine: &Engine<'_>, devices: usize, seed: u64, today: Date) -> Household {
    const KINDS: [&str; 10] = [
        "dev.router",
        "dev.indoor-camera",
        "dev.doorbell",
        "dev.speaker",
        "dev.lock",
        "dev.tv",
        "dev.lights-plugs",
        "dev.energy",
        "dev.alarm",
        "dev.appliance",
    ];
    let mut rng = Rng::new(seed);
    let mut h = Household::new(
        format!("generated-{seed}"),
        format!("Generated home {seed}"),
    );
    for i in 0..devices {
        let kind = KINDS[(i + rng.below(KINDS.len())) % KINDS.len()];
        let mut d = Device::new(format!("d{}", i + 1), kind, kind);
        if rng.below(5) == 0 {
            d.lifecycle.acquired = Acquired::SecondHand;
        }
        d.lifecycle.updates_checked = Some(today);
        h.devices.push(d);
    }
    let mut answer = |condition: bool| -> Answer {
        let r = rng.below(20);
        if condition {
            match r {
                0..=4 => Answer::Yes,
                5 => Answer::DontKnow,
                _ => Answer::No,
            }
        } else {
            match r {
                0..=9 => Answer::Yes,
                10..=11 => Answer::Partly,
                12..=13 => Answer::DontKnow,
                _ => Answer::No,
            }
        }
    };
    for q in engine.household_questions(&h) {
        h.answers
            .insert(q.id.clone(), answer(q.condition.is_some()));
    }
    for i in 0..h.devices.len() {
        let asked = engine.device_questions(&h.devices[i], today);
        for q in asked {
            let a = answer(q.condition.is_some());
            h.devices[i].answers.insert(q.id.clone(), a);
        }
    }
    h
}
