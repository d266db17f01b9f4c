//! The questions answered "don't know", as a list of links to where each is
//! answered: "Device: question" for a device's questions, the bare question
//! for the household's.

use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::state::OpenQuestion;
use leptos::prelude::*;

/// One `<li>` a question. Pages decide the heading and what to show when the
/// list is empty; the items come from [`crate::ui::state::AppState::open_questions`].
#[component]
pub fn OpenQuestions(#[prop(into)] items: Signal<Vec<OpenQuestion>>) -> impl IntoView {
    view! {
        <ul class="open-questions">
            {move || items.get().into_iter().map(|q| view! {
                <li>{q.device.map(|d| format!("{d}: "))}<A href=href(&q.path)>{q.text}</A></li>
            }).collect_view()}
        </ul>
    }
}
