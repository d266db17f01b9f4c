use crate::ui::base::href;
use crate::ui::components::A;
use leptos::prelude::*;

/// Shown for any path the app does not know (also after a reload of a deep
/// link on a static host, which serves 404.html with the app inside).
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="not-found" aria-labelledby="nf-title">
            <h1 id="nf-title">"Page not found"</h1>
            <p>"There is nothing at this address. Your saved answers are safe."</p>
            <p><A href=href("/")>"Go to the start page"</A></p>
        </section>
    }
}
