use super::base::href;
use super::components::{A, SampleBanner};
use super::components::{Notices, UpdatePrompt};
use super::later::after_frame;
use super::lazy::{lazy_page, prefetch, split_page};
use super::pages::{
    CatalogEntry, CatalogPage, DataPage, DevicePage, DeviceQuestions, DevicesPage, HomeQuestions,
    NotFound, PlanPage, QuickPage, ReportPage, ResultsPage, SupplyPage, Welcome,
};
use super::pages::{ClassPage, PresenterPage, TrainingPage};
use super::route::Route;
use super::router::provide_router;
use super::state::{AppState, SaveStatus, use_app};
use leptos::prelude::*;

/// The whole app: header with navigation and save state, notices, the page.
#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    let route = provide_router().route;
    // The assessment's pages are the next thing almost every visit needs:
    // fetched once the first page is on screen, not before (the welcome page
    // is interactive without them).
    after_frame(|| prefetch(assessment_pages));
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <SiteHeader />
        <Notices />
        <UpdatePrompt />
        <main id="main" tabindex="-1">
            <SampleBanner />
            {move || {
                let route = route.get();
                menu(Some(false)); // any navigation closes the phone menu
                page(route)
            }}
        </main>
        <footer class="site-footer">
            <p>"Everything stays in this browser: no account, no server, nothing sent. Built on ISO/IEC 27400."</p>
        </footer>
    }
}

/// The page for a route (rebuilt only when the route changes: the route is a memo).
fn page(route: Route) -> AnyView {
    match route {
        Route::Welcome => view! { <Welcome /> }.into_any(),
        Route::Devices => lazy_page(assessment_pages, |p| (p.devices)()),
        Route::Device(id) => lazy_page(assessment_pages, move |p| (p.device)(id.clone())),
        Route::DeviceQuestions(id) => {
            lazy_page(assessment_pages, move |p| (p.device_questions)(id.clone()))
        }
        Route::HomeQuestions => lazy_page(assessment_pages, |p| (p.home_questions)()),
        Route::Results => lazy_page(assessment_pages, |p| (p.results)()),
        Route::Quick => lazy_page(assessment_pages, |p| (p.quick)(false)),
        Route::QuickNext => lazy_page(assessment_pages, |p| (p.quick)(true)),
        Route::Data => lazy_page(more_pages, |p| (p.data)()),
        Route::Training => lazy_page(more_pages, |p| (p.training)()),
        Route::Presenter => lazy_page(more_pages, |p| (p.presenter)()),
        Route::Class => lazy_page(more_pages, |p| (p.class)()),
        Route::Plan => lazy_page(assessment_pages, |p| (p.plan)()),
        Route::Report => lazy_page(more_pages, |p| (p.report)()),
        Route::Catalog => lazy_page(more_pages, |p| (p.catalog)()),
        Route::CatalogEntry(id) => lazy_page(more_pages, move |p| (p.catalog_entry)(id.clone())),
        Route::Supply => lazy_page(more_pages, |p| (p.supply)()),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}

// The pages' code is in two chunks (see ui/lazy.rs), so that the main wasm
// holds little more than the welcome page: the assessment's pages, fetched
// as soon as the first page is on screen, and the rarely used ones, fetched
// on first visit. Two groups rather than a chunk per page: wasm-split puts
// code shared by several chunks in a chunk of its own per combination, and
// many small chunks cost more to fetch and compile (measured 2026-11-30:
// one chunk per page made 99 files, the assessment alone needing 68 of them
// and 187 KB gzip; these two groups make 3 files, the assessment needing 2
// and 147 KB). A deep link preloads its group's chunks: moving a page to the
// other group means updating `DEEP_LINK_SPLITS` in scripts/prerender.mjs
// (an e2e test in lazy.test.mjs fails until then).

/// The assessment: devices, questions, results and plan.
#[derive(Clone, Copy)]
struct AssessmentPages {
    devices: fn() -> AnyView,
    device: fn(String) -> AnyView,
    device_questions: fn(String) -> AnyView,
    home_questions: fn() -> AnyView,
    results: fn() -> AnyView,
    /// The quick check; `true`: one question only (the next most important).
    quick: fn(bool) -> AnyView,
    plan: fn() -> AnyView,
}
split_page!(assessment_pages -> AssessmentPages = AssessmentPages {
    devices: || view! { <DevicesPage /> }.into_any(),
    device: |id| view! { <DevicePage id /> }.into_any(),
    device_questions: |id| view! { <DeviceQuestions id /> }.into_any(),
    home_questions: || view! { <HomeQuestions /> }.into_any(),
    results: || view! { <ResultsPage /> }.into_any(),
    quick: |one| view! { <QuickPage one /> }.into_any(),
    plan: || view! { <PlanPage /> }.into_any(),
});

/// The rarely used pages: your data, training, presenter, class, report,
/// catalog browser and entry, makers' checklist.
#[derive(Clone, Copy)]
struct MorePages {
    data: fn() -> AnyView,
    training: fn() -> AnyView,
    presenter: fn() -> AnyView,
    class: fn() -> AnyView,
    report: fn() -> AnyView,
    catalog: fn() -> AnyView,
    catalog_entry: fn(String) -> AnyView,
    supply: fn() -> AnyView,
}
split_page!(more_pages -> MorePages = MorePages {
    data: || view! { <DataPage /> }.into_any(),
    training: || view! { <TrainingPage /> }.into_any(),
    presenter: || view! { <PresenterPage /> }.into_any(),
    class: || view! { <ClassPage /> }.into_any(),
    report: || view! { <ReportPage /> }.into_any(),
    catalog: || view! { <CatalogPage /> }.into_any(),
    catalog_entry: |id| view! { <CatalogEntry id /> }.into_any(),
    supply: || view! { <SupplyPage /> }.into_any(),
});

/// The header: the app's name, the save state and the navigation. On a
/// phone it is one row: the links sit below it behind a "Menu" button (a
/// disclosure: its `aria-expanded` shows them, style/main.css "Header"),
/// closed again by choosing a link or by any navigation (`page` above); on
/// wider screens the links show and the button is hidden. The button's
/// state lives in its attribute, set by [`menu`], not in a signal: the
/// header's code is part of every first load, and this is the least of it.
#[component]
fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=href("/") attr:class="brand-link">
                <span aria-hidden="true">"◈"</span>
                "ThingRisk"
            </A>
            <SaveIndicator />
            <button
                type="button"
                id=MENU_BUTTON
                class="menu-button"
                data-action="menu"
                aria-expanded="false"
                on:click=|_| menu(None)
            >
                "Menu"
            </button>
            // A choice closes the menu, even the page already shown.
            <nav class="site-nav" aria-label="Main" on:click=|_| menu(Some(false))>
                <ul>
                    <li><A href=href("/devices")>"Devices"</A></li>
                    <li><A href=href("/home-questions")>"Home network"</A></li>
                    <li><A href=href("/results")>"Results"</A></li>
                    <li><A href=href("/plan")>"Action plan"</A></li>
                    <li><A href=href("/catalog")>"Catalog"</A></li>
                    <li><A href=href("/training")>"Training"</A></li>
                    <li><A href=href("/data")>"Your data"</A></li>
                </ul>
            </nav>
        </header>
    }
}

/// The id of the header's "Menu" button.
const MENU_BUTTON: &str = "menu-button";

/// Opens (`Some(true)`), closes (`Some(false)`) or toggles (`None`) the
/// phone menu.
fn menu(open: Option<bool>) {
    if let Some(b) = document().get_element_by_id(MENU_BUTTON) {
        let open =
            open.unwrap_or_else(|| b.get_attribute("aria-expanded").as_deref() != Some("true"));
        let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
    }
}

/// "Saved" / "Saving…" / a problem, always visible in the header.
#[component]
fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let text = move || match app.save.get() {
        SaveStatus::Saved => "✓ Saved in this browser".to_string(),
        SaveStatus::Pending => "Saving…".to_string(),
        SaveStatus::Paused => "Not saving (see the message below)".to_string(),
        SaveStatus::Failed(_) => "⚠ Not saved".to_string(),
    };
    view! { <p class="save-state" role="status" aria-live="polite">{text}</p> }
}
