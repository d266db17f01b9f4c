//! Answers given at the wrong scope: a device question answered for the
//! whole home. The engine never counts them (see [`super::rules`], "Which
//! questions concern a device"); front ends say so instead of dropping them
//! silently. A home question answered on a device is no mistake: it is
//! that device's pick when the home answered "some of them".
//!
//! ```
//! # use thingrisk::assess::{Answer, Engine, Household};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let mut home = Household::new("h", "Home");
//! home.add_device("dev.router", "Router", "Hall", "Router");
//! home.answers.insert("q.default-password".into(), Answer::Yes);
//! let misplaced = engine.misplaced_answers(&home);
//! assert_eq!(misplaced[0].question, "q.default-password");
//! ```

use super::engine::Engine;
use super::household::Household;
use crate::catalog::Scope;
use serde::Serialize;

/// One answer the engine does not count: a device question answered for
/// the whole home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Misplaced {
    pub question: String,
}

impl Engine<'_> {
    /// Every home answer to a known device question, in question id order.
    pub fn misplaced_answers(&self, household: &Household) -> Vec<Misplaced> {
        household
            .answers
            .keys()
            .filter(|id| self.question(id).map(|q| q.scope) == Some(Scope::Device))
            .map(|id| Misplaced {
                question: id.clone(),
            })
            .collect()
    }
}
