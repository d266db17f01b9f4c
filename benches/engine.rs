//! Full recompute time of the assessment engine for 10, 50 and 200 devices
//! with every question answered (target: 50 devices under 1 ms natively).
//! Run: `cargo bench --bench engine`.
//!
//! On a busy shared machine wall-clock figures swell; with
//! `THINGRISK_BENCH_CPU=1` the bench instead prints the CPU time this thread
//! spent per recompute (Linux: /proc/thread-self/schedstat), which load from
//! other processes barely moves.

use criterion::{BenchmarkId, Criterion, black_box, criterion_group};
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
        group.bench_with_input(BenchmarkId::new("evaluate-brief", n), &h, |b, h| {
            b.iter(|| engine.evaluate_brief(black_box(h), today))
        });
        group.bench_with_input(BenchmarkId::new("evaluate+plan", n), &h, |b, h| {
            b.iter(|| engine.plan(&engine.evaluate(black_box(h), today)))
        });
    }
    group.finish();
}

/// Nanoseconds this thread has spent on a CPU, if the kernel tells.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn cpu_figures() {
    let cat = catalog::embedded();
    let today = Date::new(2026, 3, 1).expect("a date");
    let engine = Engine::new(cat);
    for n in [10, 50, 200] {
        let h = household(cat, n, today);
        let runs = 20_000 / n;
        let time = |f: &dyn Fn()| {
            f(); // warm up
            let start = thread_cpu_ns().expect("/proc/thread-self/schedstat");
            for _ in 0..runs {
                f();
            }
            (thread_cpu_ns().expect("schedstat") - start) as f64 / runs as f64 / 1000.0
        };
        let full = time(&|| drop(black_box(evaluate(cat, black_box(&h), today))));
        let prepared = time(&|| drop(black_box(engine.evaluate(black_box(&h), today))));
        let brief = time(&|| drop(black_box(engine.evaluate_brief(black_box(&h), today))));
        let with_plan = time(&|| {
            drop(black_box(
                engine.plan(&engine.evaluate(black_box(&h), today)),
            ))
        });
        // Every pair's explanation, as a list of all risks would ask: one
        // by one through Engine::explain, or through one Explainer.
        let a = engine.evaluate_brief(&h, today);
        let each = time(&|| {
            for p in &a.pairs {
                drop(black_box(engine.explain(&h, today, p)));
            }
        });
        let shared = time(&|| {
            let mut explainer = engine.explainer(&h, today);
            for p in &a.pairs {
                drop(black_box(explainer.explain(p)));
            }
        });
        let pairs = a.pairs.len();
        println!(
            "{n:>3} devices ({pairs} pairs): evaluate {full:.0} µs, prepared {prepared:.0} µs, brief {brief:.0} µs, evaluate+plan {with_plan:.0} µs; explain every pair: one by one {each:.0} µs, one explainer {shared:.0} µs (CPU time)"
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("THINGRISK_BENCH_CPU").is_some() {
        cpu_figures();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
