//! One question at a time: the answer widget, "why we ask", previous/next and
//! a progress bar. Answers save as they are given; answering moves on.

use crate::assess::{Answer, AnswerTarget};
use crate::catalog::Question;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{AnswerButtons, AnswerList, PickAnswer, ProgressBar};
use crate::ui::state::use_app;
use leptos::html::H2;
use leptos::prelude::*;

#[component]
pub fn Questionnaire(
    /// The questions to ask, in order. A home question asked with per-device
    /// picks (`pick_devices`) gets the "all / some / none" widget.
    #[prop(into)]
    questions: Signal<Vec<&'static Question>>,
    /// Whose answers these are.
    target: AnswerTarget,
    /// Where to go when done, and what to call it.
    #[prop(into)]
    next_href: String,
    #[prop(into)] next_label: String,
) -> impl IntoView {
    let app = use_app();
    let index = RwSignal::new(0usize);
    let heading = NodeRef::<H2>::new();
    let total = Signal::derive(move || questions.with(Vec::len));
    let target = StoredValue::new(target);
    let answer_of = move |q: &str| {
        let t = target.get_value();
        app.with_household(|h| h.answer(&t, q)).flatten()
    };
    let answered = Signal::derive(move || {
        questions.with(|qs| qs.iter().filter(|q| answer_of(&q.id).is_some()).count())
    });
    let current = move || questions.with(|qs| qs.get(index.get()).copied());
    let go = move |i: usize| {
        index.set(i);
        // Move focus to the new question so keyboard and screen reader users follow.
        request_animation_frame(move || {
            if let Some(Some(h)) = heading.try_get_untracked() {
                let _ = h.focus();
            }
        });
    };
    let on_answer = move |q: &'static Question, a: Option<Answer>| {
        let t = target.get_value();
        app.update_household(|h| h.set_answer(&t, &q.id, a));
        if a.is_some() {
            go(index.get_untracked() + 1);
        }
    };

    view! {
        <div class="questionnaire">
            <ProgressBar label="Answered" done=answered total=total />
            {move || match current() {
                Some(q) => {
                    let value = Signal::derive(move || answer_of(&q.id));
                    let n = index.get() + 1;
                    view! {
                        <div class="question card">
                            <p class="question-count">{format!("Question {n} of {}", total.get())}</p>
                            <h2 node_ref=heading tabindex="-1" id="question-text">{q.text.clone()}</h2>
                            {if q.pick_devices && target.get_value() == AnswerTarget::Household {
                                view! { <PickAnswer question=q on_done=Callback::new(move |_| go(index.get_untracked() + 1)) /> }.into_any()
                            } else {
                                view! {
                                    <AnswerButtons
                                        label=q.text.clone()
                                        value=value
                                        on_answer=Callback::new(move |a| on_answer(q, a))
                                    />
                                }.into_any()
                            }}
                            <details class="why">
                                <summary>"Why we ask"</summary>
                                <p>{q.why.clone()}</p>
                            </details>
                            <div class="actions nav-buttons">
                                <button type="button" disabled=move || index.get() == 0 on:click=move |_| go(index.get_untracked().saturating_sub(1))>
                                    "← Previous"
                                </button>
                                <button type="button" on:click=move |_| go(index.get_untracked() + 1)>
                                    {move || if index.get() + 1 >= total.get() { "Finish →" } else { "Next →" }}
                                </button>
                            </div>
                        </div>
                    }
                    .into_any()
                }
                None => {
                    let next_href = next_href.clone();
                    let next_label = next_label.clone();
                    view! {
                        <div class="question card done">
                            <h2 node_ref=heading tabindex="-1">
                                {move || if total.get() == 0 { "No questions here".to_string() } else { format!("Done: {} of {} answered", answered.get(), total.get()) }}
                            </h2>
                            <p>"Your answers are saved. You can come back and change them at any time."</p>
                            <div class="actions">
                                <button type="button" disabled=move || total.get() == 0 on:click=move |_| go(0)>"Review from the start"</button>
                                <A href=href(&next_href) attr:class="button primary">{next_label}</A>
                            </div>
                        </div>
                    }
                    .into_any()
                }
            }}
        </div>
        <AnswerList questions=questions target=target.get_value() />
    }
}
