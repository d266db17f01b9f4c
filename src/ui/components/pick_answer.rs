//! The answer widget of a home question asked once for the home with
//! per-device picks (`pick_devices`): "All of them", "Some of them" (then a
//! checkbox per device it concerns and "Continue"), "None of them", "Don't
//! know", "Not applicable". It records the answer itself (see
//! `assess::home_answer` for how it is stored).
//!
//! ```ignore
//! view! { <PickAnswer question=q on_done=Callback::new(move |_| next()) /> }
//! ```

use crate::assess::{Answer, HomeAnswer};
use crate::catalog::Question;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The choices besides "Some of them", with their words.
const ONE_FOR_ALL: [(Answer, &str); 4] = [
    (Answer::Yes, "All of them"),
    (Answer::No, "None of them"),
    (Answer::DontKnow, "Don't know"),
    (Answer::NotApplicable, "Not applicable"),
];

#[component]
pub fn PickAnswer(
    question: &'static Question,
    /// Called once an answer is recorded (not when one is cleared).
    #[prop(into)]
    on_done: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let qid = question.id.as_str();
    let value = Memo::new(move |_| {
        app.with_household(|h| app.engine.home_answer(h, qid))
            .unwrap_or(HomeAnswer::Unanswered)
    });
    // The devices it concerns, as (id, name).
    let concerned = Memo::new(move |_| {
        app.with_household(|h| {
            app.engine
                .devices_concerned(h, qid)
                .into_iter()
                .map(|i| (h.devices[i].id.clone(), h.devices[i].name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    // "Some of them" chosen, the devices being picked.
    let choosing = RwSignal::new(false);
    let picks = RwSignal::new(Vec::<String>::new());
    let set = move |a: Option<Answer>| {
        choosing.set(false);
        app.update_household(|h| h.set_home_answer(qid, a));
        if a.is_some() {
            on_done.run(());
        }
    };
    let one = move |a: Answer, words: &'static str| {
        let pressed = move || !choosing.get() && value.get() == HomeAnswer::One(a);
        view! {
            <button
                type="button"
                class=move || format!("answer answer-{}{}", a.key(), if pressed() { " chosen" } else { "" })
                aria-pressed=move || pressed().to_string()
                on:click=move |_| set(if pressed() { None } else { Some(a) })
            >
                {words}
            </button>
        }
    };
    let some_pressed =
        move || choosing.get() || value.with(|v| matches!(v, HomeAnswer::Some { .. }));
    let open_some = move |_| {
        let now = value.with_untracked(|v| match v {
            HomeAnswer::Some { picked } => picked.clone(),
            _ => Vec::new(),
        });
        picks.set(now);
        choosing.set(true);
    };
    let save_some = move |_| {
        let ids: Vec<String> =
            concerned.with_untracked(|c| c.iter().map(|d| d.0.clone()).collect());
        let picked = picks.get_untracked();
        choosing.set(false);
        app.update_household(|h| h.set_some(qid, &ids, &picked));
        on_done.run(());
    };
    let [all, none, dont_know, not_applicable] = ONE_FOR_ALL;
    view! {
        <div class="answer-buttons pick-answer" role="group" aria-label=question.text.clone()>
            {one(all.0, all.1)}
            // With one device or none, "some of them" means nothing.
            <Show when=move || concerned.with(|c| c.len() > 1)>
                <button
                    type="button"
                    class=move || format!("answer answer-partly{}", if some_pressed() { " chosen" } else { "" })
                    aria-pressed=move || some_pressed().to_string()
                    aria-expanded=move || choosing.get().to_string()
                    on:click=open_some
                >
                    "Some of them"
                </button>
            </Show>
            {one(none.0, none.1)}
            {one(dont_know.0, dont_know.1)}
            {one(not_applicable.0, not_applicable.1)}
        </div>
        <Show when=move || choosing.get()>
            <fieldset class="pick-devices">
                <legend>"Which ones? Tick each device it is true for."</legend>
                <ul>
                    {move || concerned.get().into_iter().map(|(id, name)| {
                        let checked = { let id = id.clone(); move || picks.with(|p| p.contains(&id)) };
                        let toggle = move |ev| {
                            let on = event_target_checked(&ev);
                            picks.update(|p| {
                                p.retain(|x| *x != id);
                                if on { p.push(id.clone()); }
                            });
                        };
                        view! {
                            <li>
                                <label>
                                    <input type="checkbox" prop:checked=checked on:change=toggle />
                                    " " {name}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="primary" on:click=save_some>"Continue"</button>
            </fieldset>
        </Show>
    }
}
