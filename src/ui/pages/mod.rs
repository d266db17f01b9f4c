//! One file per page.

mod catalog;
mod class;
mod data;
mod device;
mod devices;
mod not_found;
mod plan;
mod presenter;
mod questions;
mod quick;
mod report;
mod results;
mod supply;
mod training;
mod welcome;

pub use catalog::{CatalogEntry, CatalogPage};
pub use class::ClassPage;
pub use data::DataPage;
pub use device::DevicePage;
pub use devices::DevicesPage;
pub use not_found::NotFound;
pub use plan::PlanPage;
pub use presenter::PresenterPage;
pub use questions::{DeviceQuestions, HomeQuestions};
pub use quick::QuickPage;
pub use report::ReportPage;
pub use results::ResultsPage;
pub use supply::SupplyPage;
pub use training::TrainingPage;
pub use welcome::Welcome;

use crate::catalog::Catalog;
use crate::store::envelope::State;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A household id not used yet ("h1", "h2", ...).
pub fn fresh_household_id(s: &State) -> String {
    (1..)
        .map(|n| format!("h{n}"))
        .find(|id| s.household(id).is_none())
        .expect("an unused id")
}

/// Shown by pages that need a household when there is none yet.
#[component]
pub fn NoHousehold() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"No home yet"</h1>
            <p>"Start an assessment first: it takes a few minutes and stays in this browser."</p>
            <A href=href("/") attr:class="button primary">"Go to the start page"</A>
        </section>
    }
}

/// Its children when there is an active household, [`NoHousehold`] when
/// there is none.
#[component]
pub fn WithHousehold(children: ChildrenFn) -> impl IntoView {
    let has = has_household();
    view! {
        <Show when=has fallback=|| view! { <NoHousehold /> }>
            {children()}
        </Show>
    }
}

/// Shown by device pages when the device is not in the active household.
#[component]
pub fn NoDevice() -> impl IntoView {
    view! {
        <section class="card">
            <h1>"Device not found"</h1>
            <p>"This device is not in the current home. It may have been removed."</p>
            <A href=href("/devices") attr:class="button primary">"Back to your devices"</A>
        </section>
    }
}

/// A device category's name as pages show it: "Unknown type (id)" for one
/// this catalog does not have (saved by another catalog version).
pub fn category_label(catalog: &Catalog, id: &str) -> String {
    catalog
        .device_category(id)
        .map_or_else(|| format!("Unknown type ({id})"), |c| c.name.clone())
}

/// True when an active household exists (tracked).
pub fn has_household() -> impl Fn() -> bool + Copy {
    let app = use_app();
    move || app.with_household(|_| ()).is_some()
}
