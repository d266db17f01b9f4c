//! A line icon from [`crate::catalog::icons`], drawn in the text's colour at
//! the text's size (1em; CSS may change it). Decorative (`aria-hidden`): the
//! words beside it say what it means.
//!
//! ```ignore
//! view! { <Icon name="router" /> " Router" }
//! ```
//!
//! The SVG is written as markup into a span rather than built as Leptos SVG
//! views: the same picture for less wasm (measured about 0.4 KB gzip less).

use crate::catalog::icons::{UNKNOWN, icon_path};
use leptos::prelude::*;

#[component]
pub fn Icon(
    /// An icon name; an unknown one draws the question-mark icon.
    #[prop(into)]
    name: String,
) -> impl IntoView {
    view! { <span class="icon-box" aria-hidden="true" inner_html=icon_svg(&name)></span> }
}

/// The markup of the icon called `name` (the question mark if unknown).
pub fn icon_svg(name: &str) -> String {
    let d = icon_path(name)
        .or_else(|| icon_path(UNKNOWN))
        .unwrap_or_default();
    format!(r#"<svg class="icon" viewBox="0 0 24 24" focusable="false"><path d="{d}"/></svg>"#)
}
