//! Work that can wait until the next frame has been drawn.
//!
//! An answer replaces the whole assessment: hundreds of pairs, each with a
//! few small lists. Freeing the old one, and updating long lists that are
//! mostly off screen, is a good share of the work of an answer; done after
//! the frame, the redrawn heat map shows that much sooner.
//!
//! ```ignore
//! let assessment = Memo::new_owning(move |old| {
//!     if let Some(old) = old { drop_after_frame(old); }
//!     (compute(), true)
//! });
//! ```

use leptos::prelude::{request_animation_frame, set_timeout};
use std::time::Duration;

/// Runs `f` in a task after the next frame: the animation frame callback
/// runs just before painting, the timeout it sets runs after.
pub fn after_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Drops `value` after the next frame (see [`after_frame`]).
pub fn drop_after_frame<T: 'static>(value: T) {
    after_frame(move || drop(value));
}
