//! A risk level as a coloured badge that always carries its name too.

use crate::catalog::Scale;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn LevelBadge(level: u8, #[prop(optional, into)] prefix: String) -> impl IntoView {
    let app = use_app();
    let name = app.catalog().scales.level_name(Scale::Risk, level);
    view! { <span class=format!("badge lvl-{level}")>{prefix}{name}</span> }
}
