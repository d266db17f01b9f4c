//! The synthetic household the benchmarks measure, shared by the native
//! engine bench (`benches/engine.rs`) and the browser bench (the
//! `bench_household` example writes it as saved data), so "50 devices" means
//! the same household in both figures.

use thingrisk::assess::{Acquired, Answer, Date, Device, Engine, Household};
use thingrisk::catalog::Catalog;

/// A household of `n` devices cycling through the categories, with every
/// question that concerns them answered (a fixed pseudo-random mix).
pub fn household(cat: &Catalog, n: usize, today: Date) -> Household {
    let engine = Engine::new(cat);
    let mut seed: u32 = 12_345;
    let mut next = move || {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) as usize
    };
    let mut h = Household::new("bench", "Bench home");
    for i in 0..n {
        let category = &cat.device_categories[i % cat.device_categories.len()].id;
        let mut d = Device::new(format!("d{i}"), format!("Device {i}"), category.clone());
        d.lifecycle.acquired = if next() % 5 == 0 {
            Acquired::SecondHand
        } else {
            Acquired::New
        };
        d.lifecycle.support_end = Some(Date::from_days_since_epoch(
            today.days_since_epoch() - 400 + (next() % 900) as i64,
        ));
        d.lifecycle.updates_checked = Some(Date::from_days_since_epoch(
            today.days_since_epoch() - (next() % 200) as i64,
        ));
        for q in engine.device_questions(&d, today) {
            d.answers
                .insert(q.id.clone(), Answer::ALL[next() % Answer::ALL.len()]);
        }
        h.devices.push(d);
    }
    for q in engine.household_questions(&h) {
        h.answers
            .insert(q.id.clone(), Answer::ALL[next() % Answer::ALL.len()]);
    }
    if let Some(c) = cat.controls.first() {
        h.planned.push(c.id.clone());
    }
    h
}
