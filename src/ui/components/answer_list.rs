//! Every question of a device (or of the home) with its answer, each
//! editable in place: the way back to one answer without stepping through
//! the rest. Each row's id is [`answer_anchor`], so links to a question
//! (from "Things to find out" and explanations) land on it.
//!
//! ```ignore
//! view! { <AnswerList questions=questions target=AnswerTarget::Household /> }
//! ```

use crate::assess::AnswerTarget;
use crate::catalog::Question;
use crate::ui::components::{AnswerButtons, PickAnswer};
use crate::ui::route::answer_anchor;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn AnswerList(
    #[prop(into)] questions: Signal<Vec<&'static Question>>,
    target: AnswerTarget,
) -> impl IntoView {
    let app = use_app();
    let target = StoredValue::new(target);
    let answer_of = move |q: &str| {
        let t = target.get_value();
        app.with_household(|h| h.answer(&t, q)).flatten()
    };
    // Closed, the list is not built: most visits answer one question at a
    // time and never open it.
    let open = RwSignal::new(false);
    // Arriving by a link to one answer: open the list, then bring its row
    // into view and focus it once drawn (the page may come after the
    // router's own scroll).
    Effect::new(move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(id) = hash.strip_prefix('#').filter(|h| h.starts_with("answer-")) {
            let id = crate::ui::route::decode(id);
            open.set(true);
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id) {
                    el.scroll_into_view();
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
        }
    });
    view! {
        <details
            class="answer-list"
            prop:open=move || open.get()
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))
        >
            <summary>{move || format!("All your answers here ({}): change any of them", questions.with(Vec::len))}</summary>
            <Show when=move || open.get()>
                <ol>
                    // Keyed rows: an answer (which changes the household, so
                    // the question list too) redraws no row and keeps focus.
                    <For each=move || questions.get() key=|q| q.id.as_str() let:q>
                        <li id=answer_anchor(&q.id) tabindex="-1">
                            <p>{q.text.clone()}</p>
                            {if q.pick_devices && target.get_value() == AnswerTarget::Household {
                                view! { <PickAnswer question=q on_done=Callback::new(|_| ()) /> }.into_any()
                            } else {
                                view! {
                                    <AnswerButtons
                                        label=q.text.clone()
                                        value=Signal::derive(move || answer_of(&q.id))
                                        on_answer=Callback::new(move |a| {
                                            let t = target.get_value();
                                            app.update_household(|h| h.set_answer(&t, &q.id, a));
                                        })
                                    />
                                }.into_any()
                            }}
                        </li>
                    </For>
                </ol>
            </Show>
        </details>
    }
}
