//! The assess layer: a household (devices, answers), the scoring engine
//! (inherent and residual likelihood and impact, the matrix lookup),
//! explanations, the ranked action plan and what-if. Pure Rust over the
//! catalog; no web types, tested natively.

pub mod answer;
pub mod date;
pub mod household;

pub use answer::Answer;
pub use date::Date;
pub use household::{Acquired, Answers, Device, Household, Lifecycle};
