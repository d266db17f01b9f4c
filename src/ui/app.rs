use super::base::router_base;
use super::pages::{NotFound, Welcome};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The whole app: header, routes, footer.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=router_base()>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <span class="brand" aria-hidden="true">"◈"</span>
                <span class="brand-name">"ThingRisk"</span>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Welcome />
                </Routes>
            </main>
            <footer class="site-footer">
                <p>"Everything stays in this browser. Built on ISO/IEC 27400."</p>
            </footer>
        </Router>
    }
}
