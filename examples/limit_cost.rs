//! The engine's cost at the input limits: builds the largest home a file may
//! hold (`MAX_DEVICES` devices, every question answered, as the benchmark
//! household), checks the reader accepts it and refuses one device more,
//! then times reading, assessing, planning and listing questions, and
//! prints peak memory. Markdown for BENCHMARKS.md ("Input limits").
//! Usage: `cargo run --release --example limit_cost`

use std::time::Instant;
use thingrisk::assess::{Date, Engine};
use thingrisk::catalog;
use thingrisk::store::envelope::{State, encode};
use thingrisk::store::validate::{MAX_DEVICES, MAX_HOUSEHOLDS};
use thingrisk::store::{IMPORT_LIMIT_BYTES, read_file};

#[path = "../benches/support/household.rs"]
mod support;

/// Best of `runs` timings of `f`, in milliseconds.
fn best_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

/// The process's peak resident memory in MiB (Linux), if known.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches(" kB")
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let catalog = catalog::embedded();
    let engine = Engine::new(catalog);
    let today = Date::new(2026, 3, 1).expect("a date");
    let home = support::household(catalog, MAX_DEVICES, today);
    let mut state = State::new(vec![home.clone()]);
    state.active = Some(home.id.clone());
    let text = encode(&state);
    assert!(
        text.len() <= IMPORT_LIMIT_BYTES,
        "the largest home fits the size limit"
    );
    let answers: usize =
        home.devices.iter().map(|d| d.answers.len()).sum::<usize>() + home.answers.len();

    let mut over = home.clone();
    over.devices.push(over.devices[0].clone());
    over.devices.last_mut().expect("a device").id = "one-more".into();
    let refused = read_file(encode(&State::new(vec![over])).as_bytes()).is_err();
    assert!(refused, "one device more is refused");

    let read = best_ms(5, || {
        read_file(text.as_bytes()).expect("the largest home is accepted");
    });
    let assessment = engine.evaluate(&home, today);
    let evaluate = best_ms(5, || {
        engine.evaluate(&home, today);
    });
    let plan = best_ms(5, || {
        engine.plan(&assessment);
    });
    let asks = best_ms(5, || {
        engine.asks(&home, today);
    });
    println!("| largest accepted home | figure |");
    println!("|---|--:|");
    println!("| devices (the limit; one more is refused) | {MAX_DEVICES} |");
    println!("| answers | {answers} |");
    println!("| device-risk pairs | {} |", assessment.pairs.len());
    println!(
        "| file size (limit {} KB) | {} KB |",
        IMPORT_LIMIT_BYTES / 1024,
        text.len().div_ceil(1024)
    );
    println!("| read and check the file | {read:.1} ms |");
    println!("| assess | {evaluate:.1} ms |");
    println!("| action plan | {plan:.1} ms |");
    println!("| questions in asking order | {asks:.1} ms |");
    match peak_mib() {
        Some(m) => println!("| peak memory of the whole run | {m:.1} MiB |"),
        None => println!("| peak memory of the whole run | not measured (no /proc) |"),
    }
    println!(
        "\nLimits (src/store/validate.rs, src/store/import.rs): {} KB a file, {MAX_HOUSEHOLDS} homes, \
         {MAX_DEVICES} devices a home. Native release build, best of 5.",
        IMPORT_LIMIT_BYTES / 1024
    );
}
