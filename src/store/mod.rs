//! The store layer: the saved format (a versioned envelope around the
//! households), migrations from every earlier version, import and export
//! (JSON, CSV) and recovery of damaged data. Pure Rust, tested natively; the
//! browser's localStorage is reached only through the ui layer.
//!
//! Where each rule lives:
//! - [`envelope`]: the current format, [`State`], [`encode`];
//! - [`migrate`]: earlier formats and the step chain to the current one;
//! - [`mod@decode`]: text to [`State`], and the user-facing [`DecodeError`];
//! - [`mod@json`]: text to JSON, refusing a key given twice;
//! - [`card_session`]: a participant's card session as saved;
//! - [`validate`]: the shape and value rules a file must follow, and the limits;
//! - [`fields`]: the format's field names, and a file's unknown ones;
//! - [`unknown`]: catalog ids the saved data uses but the catalog lacks;
//! - [`revision`]: "may this tab write?";
//! - [`recovery`]: what to do with the stored text at start-up;
//! - [`import`], [`export`], [`csv`]: files in and out.
//!
//! For the browser shell (all storage calls are its own; text is stored raw
//! under [`STORAGE_KEY`], not through gloo's JSON wrapping):
//! - start: `load(ls.get_item(STORAGE_KEY))`; on [`Loaded::Damaged`] copy
//!   `raw` to [`backup_key`]`(now)` and save nothing until the user decides;
//!   then show [`unknown_summary`] of [`unknown_ids`] once;
//! - save: `prepare_save(&mut state, ls.get_item(STORAGE_KEY), now)` gives
//!   the text to write, or a [`WriteCheck`] saying to reload instead;
//! - export: [`export_json`] / [`state_risk_register`] / [`csv::action_plan`],
//!   named by [`file_name`];
//! - import: [`read_file`] (bytes: an export or a bare household, with its
//!   unknown fields), show [`preview`], then [`merge`].

pub mod card_session;
pub mod csv;
pub mod decode;
pub mod envelope;
pub mod export;
pub mod fields;
pub mod import;
pub mod json;
pub mod migrate;
pub mod recovery;
pub mod revision;
pub mod supply;
pub mod unknown;
pub mod validate;

pub use csv::{action_plan, risk_register, state_risk_register};
pub use decode::{DecodeError, decode};
pub use envelope::{APP_VERSION, CURRENT_VERSION, State, encode};
pub use export::{ExportScope, export_json, file_name, own_households, scoped_json};
pub use import::{
    IMPORT_LIMIT_BYTES, Intake, MergeMode, Preview, decode_import, fits, merge, preview, read_file,
};
pub use recovery::{Loaded, STORAGE_KEY, backup_file_name, backup_key, load};
pub use revision::{Stored, WriteCheck, check_write, prepare_save, stored_revision};
pub use unknown::{UnknownId, unknown_ids, unknown_summary};
