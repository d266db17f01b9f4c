//! The presenter view: one card at a time in large type for a room, moved
//! with the arrow keys (or a presentation clicker's Page keys), the answer
//! revealed with Enter or Space. It shows catalog content only: nothing from
//! any household is read here. A "class so far" slide shows the class
//! summary of the result codes entered on the class summary page.

use super::class::{load_codes, percent};
use super::training::focus_later;
use crate::plural::plural;
use crate::training::{Card, build_deck, code_results, summarise, theme_name};
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{SetupChoice, TrainingSetup};
use crate::ui::state::use_app;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const LETTERS: [&str; 8] = ["A", "B", "C", "D", "E", "F", "G", "H"];

/// What a key does in the presenter view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyAction {
    Next,
    Previous,
    Reveal,
}

/// The key's action, given the focused element's tag (lowercase): keys that
/// type or activate a focused control keep their usual meaning.
fn key_action(key: &str, target_tag: &str) -> Option<KeyAction> {
    let typing = matches!(target_tag, "input" | "select" | "textarea");
    let activates = typing || matches!(target_tag, "button" | "a" | "summary");
    match key {
        "ArrowRight" | "PageDown" if !typing => Some(KeyAction::Next),
        "ArrowLeft" | "PageUp" if !typing => Some(KeyAction::Previous),
        "Enter" | " " | "Spacebar" if !activates => Some(KeyAction::Reveal),
        _ => None,
    }
}

#[component]
pub fn PresenterPage() -> impl IntoView {
    let catalog = use_app().catalog();
    let deck = RwSignal::new(None::<Vec<Card<'static>>>);
    let index = RwSignal::new(0usize);
    let revealed = RwSignal::new(false);
    let code = RwSignal::new(0u64);
    let total = Memo::new(move |_| deck.with(|d| d.as_ref().map_or(0, Vec::len)));
    let presenting = Memo::new(move |_| deck.with(Option::is_some));
    let class_slide = RwSignal::new(false);
    let show_class = move |_| {
        class_slide.set(true);
        focus_later("class-so-far-title");
    };

    let go = move |delta: isize| {
        let t = total.get_untracked();
        if t == 0 {
            return;
        }
        let now = index.get_untracked();
        let to = now.saturating_add_signed(delta).min(t - 1);
        if to != now {
            index.set(to);
            revealed.set(false);
        }
    };
    let handle = window_event_listener(ev::keydown, move |e| {
        if !presenting.get_untracked()
            || class_slide.get_untracked()
            || e.alt_key()
            || e.ctrl_key()
            || e.meta_key()
        {
            return;
        }
        let tag = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map(|el| el.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        match key_action(&e.key(), &tag) {
            Some(KeyAction::Next) => {
                e.prevent_default();
                go(1);
                // The card's title was redrawn: keep focus on the card.
                focus_later("presenter-title");
            }
            Some(KeyAction::Previous) => {
                e.prevent_default();
                go(-1);
                focus_later("presenter-title");
            }
            Some(KeyAction::Reveal) => {
                e.prevent_default();
                revealed.update(|r| *r = !*r);
            }
            None => {}
        }
    });
    on_cleanup(move || handle.remove());

    let start = move |choice: SetupChoice| {
        code.set(choice.code);
        index.set(0);
        revealed.set(false);
        deck.set(Some(build_deck(
            catalog,
            &choice.themes,
            choice.count,
            choice.code,
        )));
        focus_later("presenter-title");
    };
    let end = move |_| {
        deck.set(None);
        focus_later("presenter-setup-title");
    };

    let stage = move || {
        let i = index.get();
        let card = deck.with(|d| d.as_ref().and_then(|d| d.get(i).cloned()))?;
        let t = total.get();
        let scenario = card.scenario;
        let answer_letter = card
            .choices
            .iter()
            .position(|c| c.id == card.answer.id)
            .map_or("?", |p| LETTERS[p]);
        let choices = card
            .choices
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let right = card.is_right(&c.id);
                let class = move || {
                    if revealed.get() && right { "right" } else { "" }
                };
                view! {
                    <li class=class>
                        <span class="letter" aria-hidden="true">{LETTERS[k]}</span>
                        <span class="visually-hidden">{format!("Choice {}: ", LETTERS[k])}</span>
                        {c.title.clone()}
                        {move || (revealed.get() && right).then_some(" — ✓ the answer")}
                    </li>
                }
            })
            .collect_view();
        let answer = card.answer;
        Some(view! {
            <p class="presenter-count" aria-live="polite">
                {format!("Card {} of {t} · {}", i + 1, theme_name(scenario.theme))}
            </p>
            <h2 id="presenter-title" tabindex="-1">{scenario.title.clone()}</h2>
            <p class="presenter-story">{scenario.story.clone()}</p>
            <h3>"What would have prevented it?"</h3>
            <ol class="presenter-choices">{choices}</ol>
            <div class="presenter-answer" aria-live="polite">
                {move || revealed.get().then(|| view! {
                    <p>
                        <strong>{format!("Answer {answer_letter}: {}.", answer.title)}</strong>
                        " " {answer.summary.clone()}
                    </p>
                    <p><strong>"The risk it treats: "</strong>{scenario.consequence.clone()}</p>
                })}
            </div>
        })
    };

    view! {
        <h1>"Presenter view"</h1>
        <Show
            when=move || !class_slide.get()
            fallback=move || view! {
                <ClassSoFar on_back=move || {
                    class_slide.set(false);
                    focus_later(if presenting.get_untracked() { "presenter-title" } else { "presenter-setup-title" });
                } />
            }
        >
        <Show
            when=move || presenting.get()
            fallback=move || view! {
                <p class="lead">
                    "Shows one scenario card at a time in large type for a room, with the choices to "
                    "discuss. No household data appears here."
                </p>
                <section class="card" aria-labelledby="presenter-setup-title">
                    <h2 id="presenter-setup-title" tabindex="-1">"Choose the cards"</h2>
                    <TrainingSetup id="present" start_label="Start presenting" on_start=start />
                </section>
                <div class="actions">
                    <button type="button" id="show-class-so-far" on:click=show_class>"Show the class so far"</button>
                </div>
                <p><A href=href("/training")>"Back to training"</A></p>
            }
        >
            <section class="presenter" aria-label="Scenario card">
                {stage}
                <div class="actions presenter-nav">
                    <button type="button" disabled=move || index.get() == 0 on:click=move |_| go(-1)>
                        "← Previous"
                    </button>
                    <button type="button" class="primary" on:click=move |_| revealed.update(|r| *r = !*r)>
                        {move || if revealed.get() { "Hide the answer" } else { "Reveal the answer" }}
                    </button>
                    <button type="button" disabled=move || { index.get() + 1 >= total.get() } on:click=move |_| go(1)>
                        "Next →"
                    </button>
                    <button type="button" on:click=show_class>"Class so far"</button>
                    <button type="button" on:click=end>"End session"</button>
                </div>
                <p class="muted presenter-help">
                    {move || format!("Session code {}. ", code.get())}
                    "Keys: ← and → move between cards; Enter or Space shows the answer."
                </p>
            </section>
        </Show>
        </Show>
    }
}

/// Hardest cards shown on the "class so far" slide.
const HARDEST: usize = 3;

/// The class summary from the result codes entered, in large type: the
/// share right per theme and the cards most got wrong.
#[component]
fn ClassSoFar(#[prop(into)] on_back: Callback<()>) -> impl IntoView {
    let catalog = use_app().catalog();
    let codes = RwSignal::new(load_codes());
    let summary = Memo::new(move |_| codes.with(|c| summarise(catalog, &code_results(catalog, c))));
    let body = move || {
        summary.with(|s| {
            if s.participants == 0 {
                return view! {
                    <p class="presenter-story">
                        "No result codes yet. Add them on the class summary page, then come back here."
                    </p>
                }
                .into_any();
            }
            let themes = s
                .themes
                .iter()
                .map(|t| {
                    view! {
                        <li>
                            <strong>{theme_name(t.theme)}</strong>
                            {format!(": {} right ({} of {})", percent(t.share()), t.correct, t.answered)}
                        </li>
                    }
                })
                .collect_view();
            let hardest: Vec<_> = s.cards.iter().filter(|c| c.wrong > 0).take(HARDEST).collect();
            let cards = hardest
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            <strong>{catalog.scenario_title(&c.scenario)}</strong>
                            {format!(": {} of {} got it wrong", c.wrong, c.answered)}
                        </li>
                    }
                })
                .collect_view();
            let none_wrong = hardest.is_empty();
            view! {
                <p class="presenter-count" id="class-so-far-total">
                    {format!(
                        "{}: {} of {} right ({})",
                        plural(s.participants, "participant", "participants"),
                        s.correct,
                        plural(s.answered, "answer", "answers"),
                        percent(s.share())
                    )}
                </p>
                <h3>"Share right by theme"</h3>
                <ul class="presenter-story" id="class-so-far-themes">{themes}</ul>
                <h3>"Hardest cards"</h3>
                {if none_wrong {
                    view! { <p class="presenter-story">"Nobody got a card wrong."</p> }.into_any()
                } else {
                    view! { <ol class="presenter-story" id="class-so-far-cards">{cards}</ol> }.into_any()
                }}
            }
            .into_any()
        })
    };
    view! {
        <section class="presenter" aria-labelledby="class-so-far-title" id="class-so-far">
            <h2 id="class-so-far-title" tabindex="-1">"Class so far"</h2>
            {body}
            <div class="actions presenter-nav">
                <button type="button" on:click=move |_| codes.set(load_codes())>"Update"</button>
                <button type="button" class="primary" on:click=move |_| on_back.run(())>"Back"</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::{KeyAction, key_action};

    #[test]
    fn keys_move_and_reveal_unless_a_control_needs_them() {
        assert_eq!(key_action("ArrowRight", "h2"), Some(KeyAction::Next));
        assert_eq!(key_action("PageUp", "body"), Some(KeyAction::Previous));
        assert_eq!(key_action(" ", "h2"), Some(KeyAction::Reveal));
        assert_eq!(key_action("Enter", "section"), Some(KeyAction::Reveal));
        assert_eq!(
            key_action("Enter", "button"),
            None,
            "the button's own action"
        );
        assert_eq!(key_action("ArrowRight", "button"), Some(KeyAction::Next));
        assert_eq!(key_action("ArrowLeft", "input"), None, "moves the caret");
        assert_eq!(key_action("x", "h2"), None);
    }
}
