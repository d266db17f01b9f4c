//! `A`: an in-app link, in place of leptos_router's. The router's click
//! listener follows any `<a href>` under the base; this adds
//! `aria-current="page"` while the linked page, or one beneath it, is shown.

use crate::ui::base::router_base;
use crate::ui::route::{is_current, strip_base};
use crate::ui::router::use_location;
use leptos::prelude::*;

#[component]
pub fn A(
    /// The target with the base, as [`crate::ui::base::href`] makes it.
    #[prop(into)]
    href: Signal<String>,
    children: Children,
) -> impl IntoView {
    let here = use_location().path;
    let current = move || {
        let base = router_base();
        href.with(|link| {
            here.with(
                |path| match (strip_base(base, link), strip_base(base, path)) {
                    (Some(link), Some(path)) => is_current(link, path),
                    _ => false,
                },
            )
        })
        .then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
