//! Full recompute time of the assessment engine for 10, 50 and 200 devices
//! with every question answered (target: 50 devices under 1 ms natively).
//! Run: `cargo bench --bench engine`.

use criterion::{BenchmarkId, Criterion, black_box, criterion_group, criterion_main};
use thingrisk::assess::{Acquired, Answer, Date, Device, Engine, Household, evaluate};
use thingrisk::catalog::{self, Catalog};

/// A household of `n` devices cycling through the categories, with every
/// question that concerns them answered (a fixed pseudo-random mix).
fn household(cat: &Catalog, n: usize, today: Date) -> Household {
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
        for q in engine.device_questions(&d) {
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

fn bench(c: &mut Criterion) {
    let cat = catalog::embedded();
    let today = Date::new(2026, 3, 1).expect("a date");
    let mut group = c.benchmark_group("engine");
    for n in [10, 50, 200] {
        let h = household(cat, n, today);
        group.bench_with_input(BenchmarkId::new("evaluate", n), &h, |b, h| {
            b.iter(|| evaluate(black_box(cat), black_box(h), today))
        });
        let engine = Engine::new(cat);
        group.bench_with_input(BenchmarkId::new("evaluate-prepared", n), &h, |b, h| {
            b.iter(|| engine.evaluate(black_box(h), today))
        });
        group.bench_with_input(BenchmarkId::new("evaluate+plan", n), &h, |b, h| {
            b.iter(|| engine.plan(&engine.evaluate(black_box(h), today)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
