//! The class summary: a trainer imports participants' result files (many at
//! once, read in this browser, nothing sent) or types, pastes or scans their
//! result codes, and sees the class's score per theme and the cards most
//! people got wrong. Files are kept in memory only; accepted codes are kept
//! in this browser (a small key of their own) so the presenter view's
//! "class so far" slide can read them, and so they survive a reload.

use crate::plural::plural;
use crate::store::DecodeError;
use crate::training::code::{CodeError, normalise};
use crate::training::result::ResultError;
use crate::training::result::{RESULT_LIMIT_BYTES, themes_text};
use crate::training::{
    ParticipantResult, ResultCode, accept_code, code_results, decode_code, decode_result,
    encode_code, split_codes, summarise, theme_name,
};
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::persist::{load_json, save_json};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One imported file.
#[derive(Debug, Clone, PartialEq)]
struct Imported {
    file: String,
    result: ParticipantResult,
}

pub(crate) fn percent(share: Option<u32>) -> String {
    share.map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// Where accepted result codes are kept (apart from households).
const CODES_KEY: &str = "thingrisk.class-codes";

/// The result codes accepted so far (any that no longer read are dropped).
pub(crate) fn load_codes() -> Vec<ResultCode> {
    load_json::<Vec<String>>(CODES_KEY)
        .iter()
        .filter_map(|t| decode_code(t).ok())
        .collect()
}

/// Keeps the codes; a full or missing storage only loses them on reload.
fn save_codes(codes: &[ResultCode]) {
    let texts: Vec<String> = codes.iter().filter_map(encode_code).collect();
    save_json(CODES_KEY, &texts);
}

#[component]
pub fn ClassPage() -> impl IntoView {
    let catalog = use_app().catalog();
    let imported = RwSignal::new(Vec::<Imported>::new());
    let messages = RwSignal::new(Vec::<(bool, String)>::new());
    let codes = RwSignal::new(load_codes());
    let code_text = RwSignal::new(String::new());
    let session_text = RwSignal::new(String::new());
    let code_notes = RwSignal::new(Vec::<(bool, String)>::new());
    let summary = Memo::new(move |_| {
        let mut results: Vec<ParticipantResult> =
            imported.with(|list| list.iter().map(|i| i.result.clone()).collect());
        results.extend(codes.with(|c| code_results(catalog, c)));
        summarise(catalog, &results)
    });
    let add_codes = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let expected = match session_text.get_untracked().trim() {
            "" => None,
            t => match t.parse::<u64>() {
                Ok(n) if t.len() <= 9 => Some(n),
                _ => {
                    code_notes.set(vec![(
                        false,
                        "A session code is up to 9 digits, such as 48213.".to_string(),
                    )]);
                    return;
                }
            },
        };
        let pieces = split_codes(&code_text.get_untracked());
        if pieces.is_empty() {
            code_notes.set(vec![(false, CodeError::Empty.to_string())]);
            return;
        }
        let mut held = codes.get_untracked();
        let mut notes = Vec::new();
        let mut refused = Vec::new();
        for piece in pieces {
            let shown = normalise(&piece).unwrap_or_else(|_| piece.trim().to_string());
            match accept_code(catalog, &piece, expected, &held) {
                Ok((code, result)) => {
                    held.push(code);
                    notes.push((
                        true,
                        format!("{shown}: added ({} of {}).", result.score, result.total),
                    ));
                }
                Err(e) => {
                    notes.push((false, format!("{shown}: not added. {e}")));
                    refused.push(piece);
                }
            }
        }
        save_codes(&held);
        codes.set(held);
        // What was refused stays in the box, to be corrected.
        code_text.set(refused.join("\n"));
        code_notes.set(notes);
    };

    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        messages.set(Vec::new());
        leptos::task::spawn_local(async move {
            let mut notes = Vec::new();
            for file in files {
                let name = file.name();
                if file.size() > RESULT_LIMIT_BYTES as f64 {
                    notes.push((
                        false,
                        format!(
                            "“{name}” was not added. {}",
                            ResultError::File(DecodeError::TooLarge {
                                bytes: file.size() as usize,
                                limit: RESULT_LIMIT_BYTES,
                            })
                        ),
                    ));
                    continue;
                }
                let bytes =
                    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                        Err(_) => {
                            notes.push((false, format!(
                            "“{name}” was not added: this browser could not open it. Choose it \
                             again; if it is on a network drive or in the cloud, copy it to this \
                             device first."
                        )));
                            continue;
                        }
                    };
                match decode_result(&bytes, catalog) {
                    Err(e) => notes.push((false, format!("“{name}” was not added. {e}"))),
                    Ok(result) => {
                        let duplicate =
                            imported.with_untracked(|l| l.iter().any(|i| i.result == result));
                        if duplicate {
                            notes.push((false, format!("“{name}” was not added: the same result is already in the summary.")));
                        } else {
                            imported.update(|l| {
                                l.push(Imported {
                                    file: name.clone(),
                                    result,
                                })
                            });
                            notes.push((true, format!("“{name}” added.")));
                        }
                    }
                }
            }
            messages.set(notes);
        });
    };
    let clear = move |_| {
        imported.set(Vec::new());
        codes.set(Vec::new());
        save_codes(&[]);
        code_notes.set(Vec::new());
        messages.set(vec![(true, "The summary is cleared.".to_string())]);
    };

    view! {
        <h1>"Class summary"</h1>
        <p class="lead">
            "Add the result files or codes of your participants. They are read in this browser only and "
            "kept until you clear them (files: until you leave the page)."
        </p>
        <section class="card" aria-labelledby="class-import-title">
            <h2 id="class-import-title">"Add result files"</h2>
            <label for="class-files">"Choose participants' result files (JSON; several at once)"</label>
            <input id="class-files" type="file" multiple accept=".json,application/json" on:change=on_files />
            <ul class="class-messages" aria-live="polite">
                {move || messages.get().into_iter().map(|(ok, text)| view! {
                    <li class=if ok { "ok" } else { "error" }>{text}</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="class-codes-title">
            <h2 id="class-codes-title">"Add result codes"</h2>
            <form on:submit=add_codes novalidate>
                <div class="field">
                    <label for="class-codes">
                        "Codes (one a line, or with commas between)"
                    </label>
                    <textarea
                        id="class-codes"
                        rows="4"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        prop:value=move || code_text.get()
                        on:input=move |ev| code_text.set(event_target_value(&ev))
                    ></textarea>
                </div>
                <div class="field">
                    <label for="class-session">"Only session (optional)"</label>
                    <input
                        id="class-session"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        prop:value=move || session_text.get()
                        on:input=move |ev| session_text.set(event_target_value(&ev))
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="primary">"Add codes"</button>
                </div>
            </form>
            <ul class="class-messages" id="class-code-messages" aria-live="polite">
                {move || code_notes.get().into_iter().map(|(ok, text)| view! {
                    <li class=if ok { "ok" } else { "error" }>{text}</li>
                }).collect_view()}
            </ul>
        </section>
        <Show
            when=move || summary.with(|s| s.participants > 0)
            fallback=|| view! { <p>"No results yet."</p> }
        >
            <section class="card" aria-labelledby="class-summary-title">
                <h2 id="class-summary-title">
                    {move || summary.with(|s| format!(
                        "{}: {} of {} right ({})",
                        plural(s.participants, "participant", "participants"),
                        s.correct, plural(s.answered, "answer", "answers"), percent(s.share())
                    ))}
                </h2>
                // Focusable: on a phone the table (words kept whole) may
                // scroll sideways, and keyboard users must reach that too.
                <div class="table-scroll" tabindex="0" role="region" aria-label="By theme">
                    <table class="class-table" id="class-themes">
                        <caption>"By theme"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Theme"</th>
                                <th scope="col">"Answers"</th>
                                <th scope="col">"Right"</th>
                                <th scope="col">"Share right"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || summary.with(|s| s.themes.iter().map(|t| view! {
                                <tr>
                                    <th scope="row">{theme_name(t.theme)}</th>
                                    <td>{t.answered}</td>
                                    <td>{t.correct}</td>
                                    <td>{percent(t.share())}</td>
                                </tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
                <div class="table-scroll" tabindex="0" role="region" aria-label="Hardest cards first">
                    <table class="class-table" id="class-cards">
                        <caption>"Hardest cards first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Card"</th>
                                <th scope="col">"Theme"</th>
                                <th scope="col">"Answered"</th>
                                <th scope="col">"Got it wrong"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || summary.with(|s| s.cards.iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{catalog.scenario_title(&c.scenario)}</th>
                                    <td>{theme_name(c.theme)}</td>
                                    <td>{c.answered}</td>
                                    <td>{c.wrong}</td>
                                </tr>
                            }).collect_view())}
                        </tbody>
                    </table>
                </div>
                <h3>"Files"</h3>
                <ul class="class-files">
                    {move || imported.get().into_iter().enumerate().map(|(k, i)| {
                        let who = if i.result.participant.is_empty() {
                            format!("Participant {}", k + 1)
                        } else {
                            i.result.participant.clone()
                        };
                        view! {
                            <li>{format!(
                                "{who}: {} of {} ({}) — {}",
                                i.result.score, i.result.total, themes_text(&i.result), i.file
                            )}</li>
                        }
                    }).collect_view()}
                </ul>
                <h3>"Codes"</h3>
                <ul class="class-files" id="class-code-list">
                    {move || codes.get().into_iter().filter_map(|c| {
                        let text = encode_code(&c)?;
                        let r = c.to_result(catalog).ok()?;
                        Some(view! {
                            <li>{format!(
                                "{text}: {} of {} ({}) — {}",
                                r.score, r.total, themes_text(&r), c.session
                            )}</li>
                        })
                    }).collect_view()}
                </ul>
                <div class="actions">
                    <button type="button" class="danger" on:click=clear>"Clear the summary"</button>
                </div>
            </section>
        </Show>
        <p><A href=href("/training")>"Back to training"</A></p>
    }
}
