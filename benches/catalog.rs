//! Parse + validate time of the bundled catalog (the app does the parse at
//! start; the target is under 2 ms in wasm, measured by the lead there).
//! Run: `cargo bench --bench catalog`.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use thingrisk::catalog::{self, load, validate};

fn bench(c: &mut Criterion) {
    c.bench_function("catalog parse", |b| {
        b.iter(|| load::parse(black_box(&load::EMBEDDED)))
    });
    let parsed = load::parse(&load::EMBEDDED).expect("the bundled catalog parses");
    c.bench_function("catalog validate", |b| {
        b.iter(|| validate::validate(black_box(&parsed)))
    });
    c.bench_function("catalog parse+validate", |b| {
        b.iter(|| catalog::parse_and_validate(black_box(&load::EMBEDDED)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
