use super::base::href;
use super::components::{A, SampleBanner};
use super::components::{Notices, UpdatePrompt};
use super::lazy::{lazy_page, split_page};
use super::pages::{
    CatalogEntry, CatalogPage, DataPage, DevicePage, DeviceQuestions, DevicesPage, HomeQuestions,
    NotFound, PlanPage, ReportPage, ResultsPage, SupplyPage, Welcome,
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
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href=href("/") attr:class="brand-link">
                <span aria-hidden="true">"◈"</span>
                "ThingRisk"
            </A>
            <nav class="site-nav" aria-label="Main">
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
            <SaveIndicator />
        </header>
        <Notices />
        <UpdatePrompt />
        <main id="main" tabindex="-1">
            <SampleBanner />
            {move || page(route.get())}
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
        Route::Devices => view! { <DevicesPage /> }.into_any(),
        Route::Device(id) => view! { <DevicePage id /> }.into_any(),
        Route::DeviceQuestions(id) => view! { <DeviceQuestions id /> }.into_any(),
        Route::HomeQuestions => view! { <HomeQuestions /> }.into_any(),
        Route::Results => view! { <ResultsPage /> }.into_any(),
        Route::Data => lazy_page(data_page, |page| page()),
        Route::Training => lazy_page(training_page, |page| page()),
        Route::Presenter => lazy_page(presenter_page, |page| page()),
        Route::Class => lazy_page(class_page, |page| page()),
        Route::Plan => view! { <PlanPage /> }.into_any(),
        Route::Report => lazy_page(report_page, |page| page()),
        Route::Catalog => lazy_page(catalog_page, |page| page()),
        Route::CatalogEntry(id) => lazy_page(catalog_entry_page, move |page| page(id.clone())),
        Route::Supply => lazy_page(supply_page, |page| page()),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}

// Rarely used pages: their code is fetched on first visit (see ui/lazy.rs).
split_page!(data_page -> fn() -> AnyView = || view! { <DataPage /> }.into_any());
split_page!(training_page -> fn() -> AnyView = || view! { <TrainingPage /> }.into_any());
split_page!(presenter_page -> fn() -> AnyView = || view! { <PresenterPage /> }.into_any());
split_page!(class_page -> fn() -> AnyView = || view! { <ClassPage /> }.into_any());
split_page!(report_page -> fn() -> AnyView = || view! { <ReportPage /> }.into_any());
split_page!(catalog_page -> fn() -> AnyView = || view! { <CatalogPage /> }.into_any());
split_page!(catalog_entry_page -> fn(String) -> AnyView = |id| view! { <CatalogEntry id /> }.into_any());
split_page!(supply_page -> fn() -> AnyView = || view! { <SupplyPage /> }.into_any());

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
