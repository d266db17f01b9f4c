//! The quick check: the questions that matter most for this home, one at a
//! time, most important first (the engine's stakes, `assess::stakes`), until
//! the quick check has what it needs; then the results. With `one`, a single
//! question: the next most important one left, then back to the results.

use super::WithHousehold;
use crate::assess::{Answer, AnswerTarget};
use crate::catalog::Question;
use crate::ui::base::href;
use crate::ui::components::{A, AnswerButtons, PickAnswer};
use crate::ui::router::use_navigate;
use crate::ui::state::use_app;
use leptos::html::H2;
use leptos::prelude::*;

#[component]
pub fn QuickPage(
    /// Ask one question only (refining the results), then go back to them.
    one: bool,
) -> impl IntoView {
    view! {
        <WithHousehold>
            <Quick one />
        </WithHousehold>
    }
}

/// The question on screen.
#[derive(Clone, PartialEq)]
struct Current {
    question: &'static Question,
    /// The device asked about, as (id, name); None for the home.
    device: Option<(String, String)>,
    /// Quick-check questions left, this one included (skipped ones not).
    left: usize,
}

#[component]
fn Quick(one: bool) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    // Skipped in this visit, as (question id, device id): not asked again.
    let skipped = RwSignal::new(Vec::<(String, Option<String>)>::new());
    let answered_here = RwSignal::new(0usize);
    let heading = NodeRef::<H2>::new();
    let current = Memo::new(move |_| {
        skipped.with(|skipped| {
            app.with_household(|h| {
                let asks = app.engine.asks(h, app.today);
                let device_id = |i: Option<usize>| i.map(|i| h.devices[i].id.clone());
                let fresh = |a: &&crate::assess::Ask| {
                    let d = device_id(a.device);
                    !skipped
                        .iter()
                        .any(|(q, sd)| *q == a.question.id && *sd == d)
                };
                let mut quick = asks.list.iter().filter(|a| a.quick).filter(&fresh);
                let next = if one {
                    asks.list.iter().filter(|a| a.answer.is_none()).find(&fresh)
                } else {
                    quick.next()
                };
                let left = usize::from(next.is_some()) + quick.count();
                next.map(|a| Current {
                    question: a.question,
                    device: a
                        .device
                        .map(|i| (h.devices[i].id.clone(), h.devices[i].name.clone())),
                    left,
                })
            })
            .flatten()
        })
    });
    // Nothing (left) to ask: the results.
    Effect::new(move |_| {
        if current.with(Option::is_none) {
            navigate("/results");
        }
    });
    // Each new question: focus its text, so keyboard and screen reader users follow.
    Effect::new(move |_| {
        current.track();
        request_animation_frame(move || {
            if let Some(Some(h)) = heading.try_get_untracked() {
                let _ = h.focus();
            }
        });
    });
    let done = move || {
        answered_here.update(|n| *n += 1);
        if one {
            navigate("/results");
        }
    };
    let record = move |q: &'static Question, device: Option<String>, a: Option<Answer>| {
        app.update_household(|h| match device {
            Some(id) => h.set_answer(&AnswerTarget::Device(id), &q.id, a),
            None => h.set_home_answer(&q.id, a),
        });
        if a.is_some() {
            done();
        }
    };
    let skip = move |q: &'static Question, device: Option<String>| {
        skipped.update(|s| s.push((q.id.clone(), device)));
    };

    view! {
        <h1>{if one { "The next most important question" } else { "Quick check" }}</h1>
        <p class="lead">
            {if one {
                "The question whose answer could change your results the most. Then back to your results."
            } else {
                "The questions that matter most for your home, one at a time. Skip any you cannot answer now."
            }}
        </p>
        {move || current.get().map(|c| {
            let q = c.question;
            let device_id = c.device.as_ref().map(|d| d.0.clone());
            let about = c.device.as_ref().map_or_else(|| "your home".to_string(), |d| d.1.clone());
            let n = answered_here.get_untracked() + skipped.with_untracked(Vec::len) + 1;
            let widget = if q.pick_devices && device_id.is_none() {
                view! { <PickAnswer question=q on_done=Callback::new(move |_| done()) /> }.into_any()
            } else {
                let target = device_id.clone().map_or(AnswerTarget::Household, AnswerTarget::Device);
                let value = Signal::derive(move || app.with_household(|h| h.answer(&target, &q.id)).flatten());
                let d = device_id.clone();
                view! {
                    <AnswerButtons label=q.text.clone() value=value on_answer=Callback::new(move |a| record(q, d.clone(), a)) />
                }.into_any()
            };
            view! {
                <div class="question card quick-question">
                    {(!one).then(|| view! {
                        <p class="question-count">{format!("Question {n} of about {}", n - 1 + c.left)}</p>
                    })}
                    <p class="question-about">"About: " <strong>{about}</strong></p>
                    <h2 node_ref=heading tabindex="-1" id="question-text">{q.text.clone()}</h2>
                    {widget}
                    <details class="why">
                        <summary>"Why we ask"</summary>
                        <p>{q.why.clone()}</p>
                    </details>
                    <div class="actions nav-buttons">
                        <button type="button" on:click=move |_| skip(q, device_id.clone())>"Skip"</button>
                        <A href=href("/results") attr:class="button">{if one { "Back to results" } else { "See results now" }}</A>
                    </div>
                </div>
            }
        })}
    }
}
