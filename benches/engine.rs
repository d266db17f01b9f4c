//! Full recompute time of the assessment engine for 10, 50 and 200 devices
//! with every question answered (target: 50 devices under 1 ms natively).
//! Run: `cargo bench --bench engine`.

use criterion::{BenchmarkId, Criterion, black_box, criterion_group, criterion_main};
use thingrisk::assess::{Date, Engine, evaluate};
use thingrisk::catalog;

#[path = "support/household.rs"]
mod support;
use support::household;

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
