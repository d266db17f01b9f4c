//! The ui layer: Leptos components and pages, routing (route.rs holds the
//! table, router.rs the runtime), heat maps and their table twins, and the
//! browser glue (localStorage, service worker). It only renders and
//! dispatches; every rule lives in the layers below.

mod app;
pub mod auto_backup;
pub mod backup;
pub mod base;
pub mod components;
pub mod download;
mod early_click;
mod js_call;
pub mod keep;
pub mod later;
mod lazy;
pub mod pages;
mod paint_record;
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
/// On a fast load the wasm can be running before the browser has recorded
/// the prerendered page's paint as the largest contentful paint (it does so
/// a frame or two after painting it, and drops the record of an element
/// removed meanwhile). Then the swap waits for that record: the page is on
/// screen at once either way, and the app's identical copy, drawn later,
/// must not count as the page's largest paint (Lighthouse would then time it
/// after the whole download).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let prerendered = window.document().is_some_and(|d| {
        d.get_element_by_id("boot").is_some()
            && d.visibility_state() == web_sys::VisibilityState::Visible
    });
    if prerendered {
        paint_record::after_paint_recorded(swap_in_app);
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
    early_click::replay();
}
