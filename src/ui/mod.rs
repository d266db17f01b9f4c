//! The ui layer: Leptos components and pages, routing (route.rs holds the
//! table, router.rs the runtime), heat maps and their table twins, and the
//! browser glue (localStorage, service worker). It only renders and
//! dispatches; every rule lives in the layers below.

mod app;
pub mod base;
pub mod components;
pub mod download;
pub mod later;
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
pub fn start() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
