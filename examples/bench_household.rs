//! Prints the saved state (the localStorage / export envelope) holding the
//! benchmark household of N devices, active, every question answered: the
//! browser bench (scripts/bench-browser.mjs) loads it from storage.
//! Usage: `cargo run --release --example bench_household -- 50 > home.json`

use thingrisk::assess::Date;
use thingrisk::catalog;
use thingrisk::store::envelope::{State, encode};

#[path = "../benches/support/household.rs"]
mod support;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse().expect("N is a number of devices"))
        .unwrap_or(50);
    let today = Date::new(2026, 3, 1).expect("a date");
    let h = support::household(catalog::embedded(), n, today);
    let mut state = State::new(vec![h]);
    state.active = Some("bench".into());
    println!("{}", encode(&state));
}
