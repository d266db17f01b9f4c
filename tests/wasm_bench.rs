//! Catalog parse+validate (and the compact copy the app reads) and a full
//! engine recompute timed inside the browser (wasm32, headless Chromium, no
//! CPU throttling). `make bench` runs
//! it in release mode and reads the `BENCH name ms` lines it prints:
//! `cargo test --release --target wasm32-unknown-unknown --test wasm_bench -- --nocapture`
//! Natively it is empty (the criterion benches measure native speed).
#![cfg(target_arch = "wasm32")]

use thingrisk::assess::{Date, Engine};
use thingrisk::catalog::{self, load};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

#[path = "../benches/support/household.rs"]
mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// `performance.now()` in ms (sub-millisecond where the browser allows).
fn now() -> f64 {
    let perf = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .expect("performance");
    let f: js_sys::Function = js_sys::Reflect::get(&perf, &JsValue::from_str("now"))
        .expect("performance.now")
        .into();
    f.call0(&perf).expect("now()").as_f64().expect("a number")
}

/// Median time of `f` over `runs` runs, after `runs / 5` warm-up runs.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..runs / 5 {
        f();
    }
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = now();
            f();
            now() - s
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

#[wasm_bindgen_test]
fn catalog_and_engine_times() {
    let parse = median_ms(50, || {
        std::hint::black_box(load::parse(&load::EMBEDDED).expect("parses"));
    });
    let both = median_ms(50, || {
        std::hint::black_box(catalog::load_and_validate().expect("valid"));
    });
    // What the web app runs at start: the compact copy (no validation).
    let compact = median_ms(50, || {
        std::hint::black_box(catalog::compact::decode(catalog::compact::EMBEDDED));
    });
    console_log!("BENCH catalog-parse {parse:.3}");
    console_log!("BENCH catalog-parse-validate {both:.3}");
    console_log!("BENCH catalog-compact {compact:.3}");
    let cat = catalog::embedded();
    let today = Date::new(2026, 3, 1).expect("a date");
    let engine = Engine::new(cat);
    for n in [10, 50, 200] {
        let h = support::household(cat, n, today);
        let ms = median_ms(30, || {
            std::hint::black_box(engine.evaluate(&h, today));
        });
        console_log!("BENCH engine-evaluate-{n} {ms:.3}");
        let brief = median_ms(30, || {
            std::hint::black_box(engine.evaluate_brief(&h, today));
        });
        console_log!("BENCH engine-evaluate-brief-{n} {brief:.3}");
    }
    assert!(parse > 0.0 && both >= parse * 0.5, "timings are measured");
}
