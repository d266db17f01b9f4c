//! The ui layer: Leptos components and pages, routing (route.rs holds the
//! table, router.rs the runtime), heat maps and their table twins, and the
//! browser glue (localStorage, service worker). It only renders and
//! dispatches; every rule lives in the layers below.

mod app;
pub mod base;
pub mod components;
pub mod download;
pub mod later;
mod lazy;
pub mod pages;
pub mod persist;
pub mod route;
pub mod router;
pub mod state;
pub mod sw;

pub use app::App;

/// Mounts the app on `<body>` for the lifetime of the page, in place of the
/// welcome page prerendered into index.html (scripts/prerender.mjs): both in
/// one task, so no frame shows neither or both.
///
/// On a fast load the wasm can be running before the prerendered page was
/// ever drawn. Then the swap waits for that first frame: the page is on
/// screen at once either way, and the app's identical copy does not count
/// as a later, larger paint (Lighthouse would time that paint after the
/// whole download).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let waits = window.document().is_some_and(|d| {
        let prerendered = d.get_element_by_id("boot").is_some();
        let visible = d.visibility_state() == web_sys::VisibilityState::Visible;
        let painted = window
            .performance()
            .is_none_or(|p| p.get_entries_by_type("paint").length() > 0);
        prerendered && visible && !painted
    });
    if waits {
        later::after_frame(swap_in_app);
    } else {
        swap_in_app();
    }
}

fn swap_in_app() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
