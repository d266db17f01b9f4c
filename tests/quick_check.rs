//! The quick check against a full assessment: answering only what it asks,
//! copied from a fully answered home, keeps at least four of the full
//! plan's first five steps (`thingrisk quick-figures` prints the figures).

use thingrisk::assess::quick_agreement::{agreement, generated_home};
use thingrisk::assess::{Date, Engine};
use thingrisk::catalog::embedded;
use thingrisk::training::samples::samples;

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

#[test]
fn the_sample_homes_keep_four_of_their_first_five_steps() {
    let engine = Engine::new(embedded());
    for h in samples() {
        let a = agreement(&engine, &h, today());
        assert!(a.same_steps >= 4, "{}: {a:?}", h.name);
        assert!(
            a.asked <= (20 + 4 * h.devices.len()).min(60),
            "{}: {a:?}",
            h.name
        );
        assert!(a.asked < a.full, "{}: {a:?}", h.name);
    }
}

#[test]
fn a_generated_ten_device_home_is_done_in_sixty_answers_and_keeps_four_steps() {
    let engine = Engine::new(embedded());
    let h = generated_home(&engine, 10, 1, today());
    assert_eq!(h.devices.len(), 10);
    let a = agreement(&engine, &h, today());
    assert!(a.asked <= 60, "{a:?}");
    assert!(a.full > 100, "a full assessment asks far more: {a:?}");
    assert!(a.same_steps >= 4, "{a:?}");
}
