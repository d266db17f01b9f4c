//! The five-way answer widget: yes / partly / no / don't know / not applicable.
//!
//! ```ignore
//! view! { <AnswerButtons name="q.router-password" value=answer on_answer=move |a| save(a) /> }
//! ```

use crate::assess::Answer;
use leptos::prelude::*;

/// A group of toggle buttons; the chosen one is pressed. Choosing the
/// pressed one again clears the answer.
#[component]
pub fn AnswerButtons(
    /// Accessible name of the group (the question text).
    #[prop(into)]
    label: String,
    #[prop(into)] value: Signal<Option<Answer>>,
    #[prop(into)] on_answer: Callback<Option<Answer>>,
) -> impl IntoView {
    let buttons = Answer::ALL.into_iter().map(move |a| {
        let pressed = move || value.get() == Some(a);
        view! {
            <button
                type="button"
                class=move || format!("answer answer-{}{}", a.key(), if pressed() { " chosen" } else { "" })
                aria-pressed=move || pressed().to_string()
                on:click=move |_| on_answer.run(if pressed() { None } else { Some(a) })
            >
                {a.label()}
            </button>
        }
    });
    view! {
        <div class="answer-buttons" role="group" aria-label=label>
            {buttons.collect_view()}
        </div>
    }
}
