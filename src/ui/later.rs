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
use std::cell::RefCell;
use std::time::Duration;

thread_local! {
    /// Work waiting for the next frame. One answer queues several pieces
    /// (the old assessment, the old plan, the plan list's turn): they share
    /// one frame callback instead of making a JS callback pair each.
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` in a task after the next frame: the animation frame callback
/// runs just before painting, the timeout it sets runs after. Pieces queued
/// before that frame run in the order they were queued.
pub fn after_frame(f: impl FnOnce() + 'static) {
    let first = QUEUE.with_borrow_mut(|q| {
        q.push(Box::new(f));
        q.len() == 1
    });
    if first {
        request_animation_frame(|| set_timeout(run_queued, Duration::ZERO));
    }
}

/// Runs what was queued (and anything it queues meanwhile waits for the
/// frame after).
fn run_queued() {
    for f in QUEUE.take() {
        f();
    }
}

/// Drops `value` after the next frame (see [`after_frame`]).
pub fn drop_after_frame<T: 'static>(value: T) {
    after_frame(move || drop(value));
}
