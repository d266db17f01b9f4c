//! Which questions the UI asks, and how far the user got. The relevance rule
//! is in [`super::rules`] ("Which questions concern a device").

use super::date::Date;
use super::engine::{Engine, Target};
use super::household::{Device, Household};
use crate::catalog::{Catalog, Question, Scope};
use serde::Serialize;

/// Questions answered out of those asked ("don't know" and "not applicable"
/// count as answered).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// answered / total, 0..=1 (1 when nothing is asked).
    #[serde(serialize_with = "super::round2")]
    pub share: f32,
}

impl Progress {
    pub fn new(answered: usize, total: usize) -> Progress {
        let share = if total == 0 {
            1.0
        } else {
            answered as f32 / total as f32
        };
        Progress {
            answered,
            total,
            share,
        }
    }
}

/// Device-scope questions for one device on `today`, in catalog order.
pub fn device_questions<'c>(
    catalog: &'c Catalog,
    household: &Household,
    device: &Device,
    today: Date,
) -> Vec<&'c Question> {
    let _ = household; // device questions depend on the device alone
    Engine::new(catalog).device_questions(device, today)
}

/// Household-scope questions that concern at least one device (all of them
/// when no device is scored yet), in catalog order.
pub fn household_questions<'c>(catalog: &'c Catalog, household: &Household) -> Vec<&'c Question> {
    Engine::new(catalog).household_questions(household)
}

impl<'c> Engine<'c> {
    /// Device-scope questions for one device on `today`, in catalog order
    /// (none when its category is unknown). A question whose control is
    /// voided on the device is not asked: no answer could change anything
    /// (see the rules, "Which questions concern a device").
    pub fn device_questions(&self, device: &Device, today: Date) -> Vec<&'c Question> {
        let Some(ctx) = self.context(device) else {
            return Vec::new();
        };
        let asked = self.asked_on(device, &ctx, today);
        self.catalog
            .questions
            .iter()
            .zip(asked)
            .filter(|(q, asked)| *asked && q.scope == Scope::Device)
            .map(|(q, _)| q)
            .collect()
    }

    /// Household-scope questions that concern at least one device, in
    /// catalog order; every usable household question when no device is
    /// scored.
    pub fn household_questions(&self, household: &Household) -> Vec<&'c Question> {
        let contexts: Vec<_> = household
            .devices
            .iter()
            .filter_map(|d| self.context(d))
            .collect();
        self.catalog
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, q)| {
                q.scope == Scope::Household
                    && if contexts.is_empty() {
                        self.targets[*qi] != Target::Nothing
                    } else {
                        contexts.iter().any(|c| c.relevant[*qi])
                    }
            })
            .map(|(_, q)| q)
            .collect()
    }

    /// Device questions answered on one device.
    pub fn device_progress(&self, device: &Device, today: Date) -> Progress {
        let asked = self.device_questions(device, today);
        let answered = asked
            .iter()
            .filter(|q| device.answers.contains_key(q.id.as_str()))
            .count();
        Progress::new(answered, asked.len())
    }

    /// Household questions answered.
    pub fn household_progress(&self, household: &Household) -> Progress {
        let asked = self.household_questions(household);
        let answered = asked
            .iter()
            .filter(|q| household.answers.contains_key(q.id.as_str()))
            .count();
        Progress::new(answered, asked.len())
    }
}
