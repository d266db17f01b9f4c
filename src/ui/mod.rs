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
        after_paint_recorded(swap_in_app);
    } else {
        swap_in_app();
    }
}

/// How long the browser's paint records must have been quiet before the
/// swap: a page can be painted in parts while its HTML is parsed, each part
/// recorded a frame or two after it is painted.
const PAINT_QUIET: f64 = 100.0;

/// Longest wait for the browser's record of the first paint. The paint can be
/// late on a busy device, and until then the prerendered page is what shows
/// anyway; the limit only covers a page that never paints (hidden meanwhile).
const PAINT_RECORD_LIMIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Runs `f` once the browser has recorded the page's largest contentful
/// paint and no paint was recorded for [`PAINT_QUIET`] ms (at once if that
/// paint is older), or after [`PAINT_RECORD_LIMIT`]; in a browser without
/// such records (Firefox, Safari) after the next frame, so the prerendered
/// page is painted first.
fn after_paint_recorded(f: fn()) {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    use wasm_bindgen::{JsCast, JsValue, prelude::Closure};
    const LCP: &str = "largest-contentful-paint";

    let done = Rc::new(Cell::new(false));
    let run = move || {
        if !done.replace(true) {
            f()
        }
    };
    // PerformanceObserver.supportedEntryTypes: observing an unknown type only
    // warns in the console, and would leave the swap to the time limit.
    let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&LCP.into(), 0));
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return later::after_frame(run);
    };
    if !supported {
        return later::after_frame(run);
    }
    // The latest recorded paint; checked again until it is quiet.
    let last = Rc::new(Cell::new(f64::NEG_INFINITY));
    fn check(
        last: Rc<Cell<f64>>,
        performance: web_sys::Performance,
        run: impl Fn() + Clone + 'static,
    ) {
        let quiet = performance.now() - last.get();
        if quiet >= PAINT_QUIET {
            run();
        } else {
            let wait = Duration::from_secs_f64((PAINT_QUIET - quiet) / 1000.0);
            leptos::prelude::set_timeout(move || check(last, performance, run), wait);
        }
    }
    let on_entries = {
        let (run, last, performance) = (run.clone(), last.clone(), performance.clone());
        Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList)>::new(
            move |list: web_sys::PerformanceObserverEntryList| {
                for entry in list.get_entries() {
                    let start = entry
                        .unchecked_into::<web_sys::PerformanceEntry>()
                        .start_time();
                    last.set(last.get().max(start));
                }
                check(last.clone(), performance.clone(), run.clone());
            },
        )
    };
    let Ok(observer) = web_sys::PerformanceObserver::new(on_entries.as_ref().unchecked_ref())
    else {
        return later::after_frame(run);
    };
    // `type` + `buffered` (web-sys's init only has `entryTypes`, which ignores
    // `buffered`): paints recorded before now are delivered at once.
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"type".into(), &LCP.into());
    let _ = js_sys::Reflect::set(&init, &"buffered".into(), &JsValue::TRUE);
    observer.observe(init.unchecked_ref());
    // One observer per page load, kept until the page goes (its records stop
    // at the first input anyway).
    on_entries.forget();
    leptos::prelude::set_timeout(run, PAINT_RECORD_LIMIT);
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
