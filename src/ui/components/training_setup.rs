//! The form that starts a training session (participant or presenter):
//! themes, number of cards and an optional session code. The deck itself is
//! built by `crate::training`; this only collects the choices.

use crate::catalog::Theme;
use crate::plural::plural;
use crate::training::{ALL_THEMES, eligible, theme_key, theme_name};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// What the form hands back.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupChoice {
    pub themes: Vec<Theme>,
    /// Cards wanted (`usize::MAX` for all).
    pub count: usize,
    /// The session code, which seeds the deck.
    pub code: u64,
}

/// The card counts offered.
const COUNTS: [(usize, &str); 6] = [
    (3, "3"),
    (5, "5"),
    (10, "10"),
    (15, "15"),
    (20, "20"),
    (usize::MAX, "All"),
];

/// A fresh five-digit session code.
pub fn random_code() -> u64 {
    10_000 + (js_sys::Math::random() * 90_000.0) as u64
}

/// The code typed in: blank means "pick one"; otherwise up to 9 digits.
fn parse_code(text: &str) -> Result<Option<u64>, &'static str> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.len() > 9 || !t.chars().all(|c| c.is_ascii_digit()) {
        return Err("A session code is up to 9 digits, such as 48213.");
    }
    t.parse()
        .map(Some)
        .map_err(|_| "That session code cannot be read.")
}

#[component]
pub fn TrainingSetup(
    /// Prefix for element ids, so two forms never share one.
    id: &'static str,
    /// The start button's words.
    start_label: &'static str,
    #[prop(into)] on_start: Callback<SetupChoice>,
) -> impl IntoView {
    let catalog = use_app().catalog();
    let themes = RwSignal::new(ALL_THEMES.to_vec());
    let count = RwSignal::new(5usize);
    let code_text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let available = Memo::new(move |_| themes.with(|t| eligible(catalog, t).len()));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = themes.get_untracked();
        if chosen.is_empty() {
            error.set(Some("Choose at least one theme."));
            return;
        }
        match parse_code(&code_text.get_untracked()) {
            Err(e) => error.set(Some(e)),
            Ok(code) => {
                error.set(None);
                on_start.run(SetupChoice {
                    themes: ALL_THEMES
                        .into_iter()
                        .filter(|t| chosen.contains(t))
                        .collect(),
                    count: count.get_untracked(),
                    code: code.unwrap_or_else(random_code),
                });
            }
        }
    };
    let theme_boxes = ALL_THEMES.into_iter().map(move |t| {
        let box_id = format!("{id}-theme-{}", theme_key(t));
        let label_for = box_id.clone();
        let n = eligible(catalog, &[t]).len();
        view! {
            <label class="inline" for=label_for>
                <input
                    type="checkbox"
                    id=box_id
                    prop:checked=move || themes.with(|ts| ts.contains(&t))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        themes.update(|ts| {
                            ts.retain(|x| *x != t);
                            if on { ts.push(t) }
                        });
                    }
                />
                {format!("{} ({})", theme_name(t), plural(n, "card", "cards"))}
            </label>
        }
    });
    let count_id = format!("{id}-count");
    let code_id = format!("{id}-code");
    let code_hint = format!("{id}-code-hint");
    view! {
        <form class="training-setup" on:submit=submit novalidate>
            <fieldset>
                <legend>"Themes"</legend>
                <div class="theme-boxes">{theme_boxes.collect_view()}</div>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for=count_id.clone()>"Number of cards"</label>
                    <select
                        id=count_id
                        on:change=move |ev| {
                            count.set(event_target_value(&ev).parse().unwrap_or(5))
                        }
                    >
                        {COUNTS
                            .into_iter()
                            .map(|(n, label)| {
                                view! {
                                    <option value=n.to_string() selected=n == 5>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=code_id.clone()>"Session code (optional)"</label>
                    <input
                        id=code_id
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-describedby=code_hint.clone()
                        prop:value=move || code_text.get()
                        on:input=move |ev| code_text.set(event_target_value(&ev))
                    />
                    <p class="muted" id=code_hint>
                        "Everyone who enters the same code gets the same cards. Leave it blank for a new set."
                    </p>
                </div>
            </div>
            <p class="muted" aria-live="polite">
                {move || match available.get() {
                    0 => "No cards for this choice: tick at least one theme.".to_string(),
                    n => format!("{} to draw from.", plural(n, "card", "cards")),
                }}
            </p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions">
                <button type="submit" class="primary">{start_label}</button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_code;

    #[test]
    fn codes_are_digits_or_blank() {
        assert_eq!(parse_code("  "), Ok(None));
        assert_eq!(parse_code(" 48213 "), Ok(Some(48213)));
        assert!(parse_code("12a").is_err());
        assert!(parse_code("1234567890").is_err());
    }
}
