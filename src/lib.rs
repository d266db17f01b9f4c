//! ThingRisk: a private, offline IoT security and privacy self-assessment.
//!
//! The layers, from the core out (each may use only those above it):
//! - [`catalog`]: the bundled risk catalog as validated data;
//! - [`assess`]: households, the scoring engine, explanations, action plan;
//! - [`store`]: the saved format, migrations, import and export;
//! - [`training`]: trainer mode (scenario cards, scores, class summaries)
//!   and the bundled sample households;
//! - [`ui`]: the Leptos shell that renders and dispatches.
//!
//! [`order`] holds the stable sort every layer shares (one compiled copy);
//! [`decimal`] writes scores with fixed decimals (no float formatting code);
//! [`plural`] counts nouns for people ("1 risk", "2 risks").

pub mod assess;
pub mod catalog;
pub mod decimal;
pub mod order;
pub mod plural;
pub mod store;
pub mod training;
pub mod ui;
