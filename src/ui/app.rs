use super::base::{href, router_base};
use super::components::SampleBanner;
use super::components::{Notices, UpdatePrompt};
use super::pages::{
    CatalogEntry, CatalogPage, DataPage, DevicePage, DeviceQuestions, DevicesPage, HomeQuestions,
    NotFound, PlanPage, ReportPage, ResultsPage, SupplyPage, Welcome,
};
use super::pages::{ClassPage, PresenterPage, TrainingPage};
use super::state::{AppState, SaveStatus, use_app};
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

/// The whole app: header with navigation and save state, notices, routes.
#[component]
pub fn App() -> impl IntoView {
    AppState::provide();
    view! {
        <Router base=router_base()>
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
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Welcome />
                    <Route path=path!("/devices") view=DevicesPage />
                    <Route path=path!("/devices/:id") view=DevicePage />
                    <Route path=path!("/devices/:id/questions") view=DeviceQuestions />
                    <Route path=path!("/home-questions") view=HomeQuestions />
                    <Route path=path!("/results") view=ResultsPage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/training") view=TrainingPage />
                    <Route path=path!("/training/present") view=PresenterPage />
                    <Route path=path!("/training/class") view=ClassPage />
                    <Route path=path!("/plan") view=PlanPage />
                    <Route path=path!("/report") view=ReportPage />
                    <Route path=path!("/catalog") view=CatalogPage />
                    <Route path=path!("/catalog/:id") view=CatalogEntry />
                    <Route path=path!("/supply") view=SupplyPage />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Everything stays in this browser: no account, no server, nothing sent. Built on ISO/IEC 27400."</p>
            </footer>
        </Router>
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
