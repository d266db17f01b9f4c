//! Trainer mode: offline awareness sessions built from the catalog, and the
//! bundled sample households. Pure Rust over the catalog, assess and store
//! layers; no web types, tested natively.
//!
//! Where each rule lives:
//! - [`themes`]: the themes a session can pick and their names;
//! - [`rng`]: the seeded random numbers that make a session reproducible;
//! - [`deck`]: which cards a session holds and what each card offers
//!   (the right answer and the distractors);
//! - [`session`]: answering cards and counting the score;
//! - [`result`]: the participant result file, written and read back;
//! - [`code`]: the result code, a short typed or scanned form of a result;
//! - [`class`]: a trainer's summary of many result files and codes;
//! - [`samples`]: the fictional households and opening one as a sandbox.

pub mod class;
pub mod code;
pub mod deck;
pub mod result;
pub mod rng;
pub mod samples;
pub mod session;
pub mod themes;

pub use class::{
    CardRow, ClassSummary, ThemeRow, accept_code, code_results, share_percent, summarise,
};
pub use code::{CodeError, ResultCode, decode_code, encode_code, split_codes};
pub use deck::{Card, build_deck, eligible, right_answer};
pub use result::{
    CardResult, ParticipantResult, RESULT_FORMAT, RESULT_LIMIT_BYTES, RESULT_VERSION, ResultError,
    decode_result, encode_result,
};
pub use session::Session;
pub use themes::{ALL_THEMES, theme_key, theme_name};
