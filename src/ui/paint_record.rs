//! Waiting for the browser's record of the page's largest contentful paint
//! (LCP), so that the app can take over from the welcome page prerendered
//! into index.html without its identical copy being taken for the page's
//! largest paint (see [`super::start`]).
//!
//! ```ignore
//! paint_record::after_paint_recorded(swap_in_app);
//! ```

use super::later::after_frame;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue, prelude::Closure};

const LCP: &str = "largest-contentful-paint";

/// How long the browser's paint records must have been quiet before the
/// swap: a page can be painted in parts while its HTML is parsed, each part
/// recorded a frame or two after it is painted.
const PAINT_QUIET: f64 = 100.0;

/// Longest wait for the browser's record of the first paint. The paint can be
/// late on a busy device, and until then the prerendered page is what shows
/// anyway; the limit only covers a page that never paints (hidden meanwhile).
const PAINT_RECORD_LIMIT: Duration = Duration::from_secs(3);

/// Runs `f` once the browser has recorded the page's largest contentful
/// paint and no paint was recorded for [`PAINT_QUIET`] ms (at once if that
/// paint is older), or after [`PAINT_RECORD_LIMIT`]; in a browser without
/// such records (Firefox, Safari) after the next frame, so the prerendered
/// page is painted first.
pub fn after_paint_recorded(f: fn()) {
    let done = Rc::new(Cell::new(false));
    let run = {
        let done = done.clone();
        move || {
            if !done.replace(true) {
                f()
            }
        }
    };
    // PerformanceObserver.supportedEntryTypes: observing an unknown type only
    // warns in the console, and would leave the swap to the time limit.
    let supported = js_sys::Reflect::get(&js_sys::global(), &"PerformanceObserver".into())
        .and_then(|ctor| js_sys::Reflect::get(&ctor, &"supportedEntryTypes".into()))
        .ok()
        .and_then(|types| types.dyn_into::<js_sys::Array>().ok())
        .is_some_and(|types| types.includes(&LCP.into(), 0));
    let Some(performance) = web_sys::window()
        .and_then(|w| w.performance())
        .filter(|_| supported)
    else {
        return after_frame(run);
    };
    // The latest recorded paint. The first record starts one check, which
    // reads this again until it has been quiet (later records push it on).
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
        Closure::<dyn FnMut(web_sys::PerformanceObserverEntryList, web_sys::PerformanceObserver)>::new(
            move |list: web_sys::PerformanceObserverEntryList,
                  observer: web_sys::PerformanceObserver| {
                // The app's own paints need no watching.
                if done.get() {
                    return observer.disconnect();
                }
                let first = last.get() == f64::NEG_INFINITY;
                for entry in list.get_entries() {
                    let start = entry
                        .unchecked_into::<web_sys::PerformanceEntry>()
                        .start_time();
                    last.set(last.get().max(start));
                }
                if first {
                    check(last.clone(), performance.clone(), run.clone());
                }
            },
        )
    };
    let Ok(observer) = web_sys::PerformanceObserver::new(on_entries.as_ref().unchecked_ref())
    else {
        return after_frame(run);
    };
    // `type` + `buffered` (web-sys's init only has `entryTypes`, which ignores
    // `buffered`): paints recorded before now are delivered at once.
    let init = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&init, &"type".into(), &LCP.into());
    let _ = js_sys::Reflect::set(&init, &"buffered".into(), &JsValue::TRUE);
    observer.observe(init.unchecked_ref());
    // One observer per page load; it disconnects itself after the swap.
    on_entries.forget();
    leptos::prelude::set_timeout(run, PAINT_RECORD_LIMIT);
}
