//! A risk level as a coloured badge that always carries its name too.

use crate::ui::components::heat_map::risk_name;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn LevelBadge(level: u8, #[prop(optional, into)] prefix: String) -> impl IntoView {
    let app = use_app();
    let name = risk_name(&app.catalog().scales, level);
    view! { <span class=format!("badge lvl-{level}")>{prefix}{name}</span> }
}
