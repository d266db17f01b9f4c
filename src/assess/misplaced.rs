//! Answers given at the wrong scope: a home question answered on a device,
//! or a device question answered for the home. The engine never counts them
//! (see [`super::rules`], "Which questions concern a device"); front ends
//! say so instead of dropping them silently.
//!
//! ```
//! # use thingrisk::assess::{Answer, Engine, Household};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let mut home = Household::new("h", "Home");
//! home.add_device("dev.router", "Router", "Hall", "Router");
//! home.answers.insert("q.default-password".into(), Answer::Yes);
//! let misplaced = engine.misplaced_answers(&home);
//! assert_eq!(misplaced[0].question, "q.default-password");
//! assert_eq!(misplaced[0].device, None);
//! ```

use super::engine::Engine;
use super::household::Household;
use crate::catalog::Scope;
use serde::Serialize;

/// One answer the engine does not count because it sits at the wrong scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Misplaced {
    pub question: String,
    /// The device it was given on, or None when given for the home.
    pub device: Option<String>,
    /// Where the question is answered.
    pub belongs: Scope,
}

impl Engine<'_> {
    /// Every answer to a known question given at the wrong scope, home
    /// answers first, then each device's in household order.
    pub fn misplaced_answers(&self, household: &Household) -> Vec<Misplaced> {
        let scope_of = |id: &str| self.question(id).map(|q| q.scope);
        let mut out: Vec<Misplaced> = household
            .answers
            .keys()
            .filter(|id| scope_of(id) == Some(Scope::Device))
            .map(|id| Misplaced {
                question: id.clone(),
                device: None,
                belongs: Scope::Device,
            })
            .collect();
        for d in &household.devices {
            out.extend(
                d.answers
                    .keys()
                    .filter(|id| scope_of(id) == Some(Scope::Household))
                    .map(|id| Misplaced {
                        question: id.clone(),
                        device: Some(d.id.clone()),
                        belongs: Scope::Household,
                    }),
            );
        }
        out
    }
}
