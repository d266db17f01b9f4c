//! The questions answered "don't know", as a list: "Device: question" for a
//! device's questions, the bare question for the household's.

use leptos::prelude::*;

/// One `<li>` a question. Pages decide the heading and what to show when the
/// list is empty; the items come from [`crate::ui::state::AppState::open_questions`].
#[component]
pub fn OpenQuestions(#[prop(into)] items: Signal<Vec<(Option<String>, String)>>) -> impl IntoView {
    view! {
        <ul>
            {move || items.get().into_iter().map(|(device, question)| view! {
                <li>{device.map(|d| format!("{d}: "))}{question}</li>
            }).collect_view()}
        </ul>
    }
}
