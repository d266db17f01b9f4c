//! Freeing big values after the next frame is drawn.
//!
//! An answer replaces the whole assessment: hundreds of pairs, each with a
//! few small lists. Freeing the old one is a good share of the work of an
//! answer; done after the frame, the redrawn heat map shows that much sooner.
//!
//! ```ignore
//! let assessment = Memo::new_owning(move |old| {
//!     if let Some(old) = old { drop_after_frame(old); }
//!     (compute(), true)
//! });
//! ```

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Drops `value` in a task after the next frame: the animation frame
/// callback runs just before painting, the timeout it sets runs after.
pub fn drop_after_frame<T: 'static>(value: T) {
    request_animation_frame(move || set_timeout(move || drop(value), Duration::ZERO));
}
