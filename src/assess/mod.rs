//! The assess layer: a household (devices, answers), the scoring engine
//! (inherent and residual likelihood and impact, the matrix lookup),
//! explanations, the ranked action plan and what-if. Pure Rust over the
//! catalog; no web types, tested natively.
//!
//! Every scoring rule is written once, in [`rules`]. Entry points:
//! [`evaluate`] (the whole picture of a household on a day), [`plan`] (the
//! ranked action plan), [`device_questions`] and [`household_questions`]
//! (what to ask). Keep an [`Engine`] to recompute cheaply on every change.

pub mod aggregate;
pub mod answer;
pub mod calibration;
pub mod date;
pub mod edit;
pub mod engine;
pub mod evaluate;
pub mod explain;
pub mod headline;
pub mod home_answer;
pub mod household;
pub mod lifecycle;
pub mod misplaced;
pub mod plain;
pub mod plan;
pub mod plan_filter;
pub mod questions;
pub mod quick_agreement;
pub mod rules;
pub mod score;
pub mod stakes;
pub mod unknown;

pub use aggregate::{HeatMap, HeatMaps, LevelCounts, worst_residual};
pub use answer::Answer;
pub use date::Date;
pub use edit::AnswerTarget;
pub use engine::Engine;
pub use evaluate::{
    Applied, Assessment, DeviceId, DeviceSummary, Explainer, OpenQuestion, Pair, evaluate,
};
pub use explain::{Stage, Step};
pub use home_answer::HomeAnswer;
pub use household::{Acquired, Answers, Device, Household, Lifecycle};
pub use lifecycle::{Reminder, ReminderKind};
pub use misplaced::Misplaced;
pub use plan::{Lowered, PlanEntry, Worst, plan};
pub use plan_filter::PlanFilter;
pub use questions::{Progress, device_questions, household_questions};
pub use score::{Dimensions, Score};
pub use stakes::{Ask, Asks};
pub use unknown::{IdKind, UnknownId};

/// Serializes a figure with two decimals: enough for explanations, and
/// readable in JSON.
pub(crate) fn round2<S: serde::Serializer>(x: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((f64::from(*x) * 100.0).round() / 100.0)
}
