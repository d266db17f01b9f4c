//! Content shown a frame after the rest of its page: the part below the heat
//! maps, which is most of a page and of the work of showing it. The page's
//! first frame (summary and maps) comes that much sooner; until then a
//! screen-tall placeholder (`.below-pending`) keeps the footer from being
//! pushed down in view.
//!
//! ```ignore
//! view! { <HeatMap .. /> <AfterFirstFrame><RiskList pairs=top /></AfterFirstFrame> }
//! ```

use crate::ui::later::after_frame;
use leptos::prelude::*;

#[component]
pub fn AfterFirstFrame(children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(false);
    after_frame(move || {
        // The page may be gone by then (disposed signal): nothing to show.
        shown.try_set(true);
    });
    view! {
        <Show when=move || shown.get() fallback=|| view! { <div class="below-pending"></div> }>
            {children()}
        </Show>
    }
}
