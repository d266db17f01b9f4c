//! localStorage round trips through gloo-storage.

use gloo_storage::{LocalStorage, Storage};
use thingrisk::assess::{Device, Household};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_household_round_trips_through_local_storage() {
    let mut home = Household::new("h1", "Test home");
    home.devices
        .push(Device::new("d1", "Hall router", "dev.router"));
    LocalStorage::set("thingrisk.test.roundtrip", &home).unwrap();
    let back: Household = LocalStorage::get("thingrisk.test.roundtrip").unwrap();
    assert_eq!(back, home);
    LocalStorage::delete("thingrisk.test.roundtrip");
    assert!(LocalStorage::get::<Household>("thingrisk.test.roundtrip").is_err());
}
