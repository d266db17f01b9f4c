//! Trainer mode for a participant: pick themes, answer scenario cards one at
//! a time ("what would have prevented it?"), read why, see the score and
//! export a small result file. Also the door to the sample homes, the
//! presenter view and the class summary. Nothing here reads or writes the
//! user's households, except opening a sample as its own household.
//!
//! The session is saved as it goes (the saved format's `training` part,
//! [`crate::store::card_session`]): after a reload it goes on at the first
//! card not answered, or shows the finished score, until "Start a new
//! session" drops it.

use crate::catalog::Control;
use crate::training::result::result_file_name;
use crate::training::samples::{open_sample, samples};
use crate::training::{Card, Session, build_deck, encode_result, theme_name};
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::ResultCodeBox;
use crate::ui::components::{SetupChoice, TrainingSetup};
use crate::ui::download::download;
use crate::ui::router::use_navigate;
use crate::ui::state::{AppState, use_app};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the element with this id once the view has been drawn, so
/// keyboard and screen reader users follow each step.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id)
            && let Ok(el) = el.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = el.focus();
        }
    });
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Where a participant is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Setup,
    Card(usize),
    Done,
}

/// The session on screen and what is saved with it.
#[derive(Clone, Copy)]
struct Cards {
    app: AppState,
    session: RwSignal<Option<Session<'static>>>,
    index: RwSignal<usize>,
    code: RwSignal<u64>,
    /// The name typed for the result file.
    name: RwSignal<String>,
}

impl Cards {
    /// The saved session, if any, as it was left.
    fn resumed(app: AppState) -> Cards {
        let saved = app.state.with_untracked(|s| {
            s.training
                .clone()
                .and_then(|c| Some((Session::resume(app.catalog(), &c)?, c)))
        });
        let (session, code, name, index) = match saved {
            Some((s, c)) => (Some(s.clone()), c.code, c.participant, s.next_unanswered()),
            None => (None, 0, String::new(), 0),
        };
        Cards {
            app,
            session: RwSignal::new(session),
            index: RwSignal::new(index),
            code: RwSignal::new(code),
            name: RwSignal::new(name),
        }
    }

    /// Writes the session as it is now into the saved state (or drops it).
    fn save(self) {
        let saved = self.session.with_untracked(|s| {
            s.as_ref()
                .map(|s| s.saved(self.code.get_untracked(), &self.name.get_untracked()))
        });
        self.app.update(|s| s.training = saved);
    }

    /// "Start a new session": drops the saved one and shows the setup.
    fn drop_session(self) {
        self.session.set(None);
        self.index.set(0);
        self.name.set(String::new());
        self.save();
        focus_later("setup-title");
    }
}

#[component]
pub fn TrainingPage() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let cards = Cards::resumed(app);
    let Cards {
        session,
        index,
        code,
        ..
    } = cards;
    // Only a change of phase redraws the page; answers redraw their card.
    let phase = Memo::new(move |_| {
        session.with(|s| match s {
            None => Phase::Setup,
            Some(s) if index.get() < s.total() => Phase::Card(index.get()),
            Some(_) => Phase::Done,
        })
    });
    let start = move |choice: SetupChoice| {
        let deck = build_deck(catalog, &choice.themes, choice.count, choice.code);
        code.set(choice.code);
        index.set(0);
        session.set(Some(Session::new(choice.themes, deck)));
        cards.save();
        focus_later("card-title");
    };

    view! {
        <h1>"Awareness training"</h1>
        {move || match phase.get() {
            Phase::Setup => view! {
                <p class="lead">
                    "Short stories of things that went wrong in fictional homes. For each, choose what would have "
                    "prevented it, then read why. Your answers and score stay in this browser."
                </p>
                <section class="card" aria-labelledby="setup-title">
                    <h2 id="setup-title">"Start a session"</h2>
                    <TrainingSetup id="train" start_label="Start training" on_start=start />
                </section>
                <SampleHomes />
                <section class="card" aria-labelledby="trainer-title">
                    <h2 id="trainer-title">"For trainers"</h2>
                    <p>"Show the cards to a room on a big screen, or add up the result files your participants export."</p>
                    <div class="actions">
                        <A href=href("/training/present") attr:class="button">"Presenter view"</A>
                        <A href=href("/training/class") attr:class="button">"Class summary"</A>
                    </div>
                </section>
            }
            .into_any(),
            Phase::Card(i) => view! { <CardView cards=cards i=i /> }.into_any(),
            Phase::Done => view! { <Score cards=cards /> }.into_any(),
        }}
    }
}

/// The choice's words, with what the feedback says about it.
fn choice_mark(card: &Card, control: &Control, chosen: Option<&str>) -> &'static str {
    match chosen {
        None => "",
        Some(_) if card.is_right(&control.id) => " — ✓ the right answer",
        Some(c) if c == control.id => " — ✗ your answer",
        Some(_) => "",
    }
}

#[component]
fn CardView(cards: Cards, i: usize) -> impl IntoView {
    let Cards {
        session,
        index,
        code,
        ..
    } = cards;
    let Some((card, total)) = session.with_untracked(|s| {
        s.as_ref()
            .and_then(|s| s.cards.get(i).cloned().map(|c| (c, s.total())))
    }) else {
        return ().into_any();
    };
    let card = StoredValue::new(card);
    let chosen = Memo::new(move |_| {
        session.with(|s| s.as_ref().and_then(|s| s.answers.get(i).copied().flatten()))
    });
    let score = move || session.with(|s| s.as_ref().map_or(0, Session::score));
    let scenario = card.with_value(|c| c.scenario);
    let last = i + 1 == total;
    let next = move |_| {
        index.set(i + 1);
        focus_later(if last { "score-title" } else { "card-title" });
    };
    let choices = card.with_value(|c| c.choices.clone());
    let buttons = choices.into_iter().map(move |control| {
        let id = control.id.as_str();
        let mark = move || card.with_value(|c| choice_mark(c, control, chosen.get()));
        let class = move || {
            let mut class = "choice".to_string();
            if chosen.get().is_some() {
                class.push_str(if card.with_value(|c| c.is_right(id)) {
                    " right"
                } else if chosen.get() == Some(id) {
                    " wrong"
                } else {
                    ""
                });
            }
            class
        };
        view! {
            <li>
                <button
                    type="button"
                    class=class
                    disabled=move || chosen.get().is_some()
                    on:click=move |_| {
                        session.update(|s| {
                            if let Some(s) = s {
                                s.answer(i, id);
                            }
                        });
                        cards.save();
                        focus_later("feedback-title");
                    }
                >
                    {control.title.clone()}
                    {mark}
                </button>
            </li>
        }
    });
    view! {
        <section class="card training-card" aria-labelledby="card-title">
            <p class="question-count">
                {format!("Card {} of {total} · {}", i + 1, theme_name(scenario.theme))}
                {move || format!(" · Score so far: {}", score())}
                {move || format!(" · Session code {}", code.get())}
            </p>
            <h2 id="card-title" tabindex="-1">{scenario.title.clone()}</h2>
            <p class="story">{scenario.story.clone()}</p>
            <h3 id="prevent-question">"What would have prevented it?"</h3>
            <ul class="choices" role="list" aria-labelledby="prevent-question">
                {buttons.collect_view()}
            </ul>
            {move || chosen.get().map(|c| {
                let (right, answer, picked) = card.with_value(|k| {
                    (k.is_right(c), k.answer, k.choices.iter().find(|x| x.id == c).copied())
                });
                view! {
                    <div class=if right { "feedback right" } else { "feedback wrong" }>
                        <h3 id="feedback-title" tabindex="-1">
                            {if right { "✓ Right." } else { "✗ Not quite." }}
                        </h3>
                        <p>
                            "What would have prevented it: "
                            <strong>{answer.title.clone()}</strong>
                            ". " {answer.summary.clone()}
                        </p>
                        {(!right).then(|| picked.map(|p| view! {
                            <p>{format!("“{}” does not treat this risk.", p.title)}</p>
                        }))}
                        <p>
                            <strong>"The risk it treats: "</strong>
                            {scenario.event.clone()} " " {scenario.consequence.clone()}
                        </p>
                        <div class="actions">
                            <button type="button" class="primary" on:click=next>
                                {if last { "See my score" } else { "Next card →" }}
                            </button>
                        </div>
                    </div>
                }
            })}
        </section>
        <p class="muted session-kept">
            "Your answers are kept in this browser as you go: if the page closes, you go on from here. "
            <button type="button" on:click=move |_| cards.drop_session()>
                "Start a new session"
            </button>
        </p>
    }
    .into_any()
}

/// The finished session: score, cards, result file. It stays (saved) until
/// the next session starts.
#[component]
fn Score(cards: Cards) -> impl IntoView {
    let Cards {
        session,
        index,
        code,
        name,
        ..
    } = cards;
    let (score, total) =
        session.with_untracked(|s| s.as_ref().map_or((0, 0), |s| (s.score(), s.total())));
    let rows = session.with_untracked(|s| {
        s.as_ref()
            .map(|s| {
                s.cards
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            c.scenario.title.clone(),
                            c.answer.title.clone(),
                            s.verdict(i) == Some(true),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let export = move |_| {
        let now = now_iso();
        let who = name.get_untracked();
        let text =
            session.with_untracked(|s| s.as_ref().map(|s| encode_result(&s.result(&who, &now))));
        if let Some(text) = text {
            download(&result_file_name(&who, &now), "application/json", &text);
        }
    };
    let retry = move |_| {
        session.update(|s| {
            if let Some(s) = s {
                *s = s.restarted();
            }
        });
        index.set(0);
        cards.save();
        focus_later("card-title");
    };
    view! {
        <section class="card training-score" aria-labelledby="score-title">
            <h2 id="score-title" tabindex="-1">{format!("You scored {score} of {total}")}</h2>
            <p class="muted">{move || format!("Session code {}", code.get())}</p>
            <ol class="score-list">
                {rows.into_iter().map(|(title, answer, right)| view! {
                    <li>
                        <span class=if right { "verdict right" } else { "verdict wrong" }>
                            {if right { "✓ Right" } else { "✗ Missed" }}
                        </span>
                        " " {title} ": " {answer}
                    </li>
                }).collect_view()}
            </ol>
            <ResultCodeBox session=session code=code />
            <div class="field">
                <label for="participant-name">"Your name or initials for the result file (optional)"</label>
                <input
                    id="participant-name"
                    type="text"
                    autocomplete="off"
                    maxlength="200"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    on:change=move |_| cards.save()
                />
            </div>
            <p class="muted">"The file holds your name as typed, the cards, your choices and the score: nothing about your home. Give it to your trainer if they ask."</p>
            <div class="actions">
                <button type="button" class="primary" on:click=export>"Export my result"</button>
                <button type="button" on:click=retry>"Try the same cards again"</button>
                <button type="button" on:click=move |_| cards.drop_session()>"Start a new session"</button>
            </div>
        </section>
    }
}

/// The bundled fictional homes, each opened as its own household.
#[component]
fn SampleHomes() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let list = samples()
        .into_iter()
        .map(|h| {
            let devices = h
                .devices
                .iter()
                .map(|d| d.name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            let name = h.name.clone();
            let sample = StoredValue::new(h);
            let open = move |_| {
                app.update(|s| {
                    sample.with_value(|h| open_sample(s, h));
                });
                navigate("/results");
            };
            view! {
                <li class="sample-home">
                    <h3>{name.clone()}</h3>
                    <p>{devices}</p>
                    <button type="button" on:click=open aria-label=format!("Open this sample: {name}")>
                        "Open this sample"
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="samples-title">
            <h2 id="samples-title">"Sample homes"</h2>
            <p>
                "Fictional homes to explore the assessment with. Each opens as its own home beside yours: "
                "your own data is not touched, and you can switch back at any time."
            </p>
            <ul class="sample-homes">{list}</ul>
        </section>
    }
}
