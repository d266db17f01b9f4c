use crate::store::DecodeError;
use crate::store::csv::{action_plan, risk_register};
use crate::store::export::{ExportScope, file_name};
use crate::store::import::{
    IMPORT_LIMIT_BYTES, Intake, MergeMode, fits, merge, preview, read_file,
};
use crate::ui::components::{BackupStatus, StorageStatus};
use crate::ui::download::download;
use crate::ui::persist;
use crate::ui::state::use_app;
use leptos::prelude::*;

fn now_stamp() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Your data: export (backup), import with preview, erase everything.
#[component]
pub fn DataPage() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<Intake>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let confirm_erase = RwSignal::new(false);
    let has_data = move || app.state.with(|s| !s.households.is_empty());
    // Sample homes stay out of every file unless this box is ticked.
    let include_samples = RwSignal::new(false);
    let scope = move || ExportScope {
        include_samples: include_samples.get(),
    };
    let has_samples = move || app.state.with(|s| s.households.iter().any(|h| h.sample));
    let has_export = move || app.state.with(|s| scope().households(s).next().is_some());
    // The action plan is of the home open now: in the file only if in scope.
    let plan_in_scope = move || {
        app.state
            .with(|s| s.active_household().is_some_and(|h| scope().holds(h)))
    };

    let export = move |_| crate::ui::backup::save_file_in(app, scope());
    let export_register = move |_| {
        let scope = scope();
        let text = app.state.with_untracked(|s| {
            let assessed: Vec<_> = scope
                .households(s)
                .map(|h| (h, app.engine.evaluate(h, app.today)))
                .collect();
            let pairs: Vec<_> = assessed.iter().map(|(h, a)| (*h, a)).collect();
            risk_register(app.catalog(), &pairs)
        });
        download(
            &file_name("thingrisk-risk-register", &now_stamp(), "csv"),
            "text/csv",
            &text,
        );
    };
    let export_plan = move |_| {
        if !plan_in_scope() {
            return;
        }
        let text = app.assessment.with_untracked(|a| {
            a.as_ref()
                .map(|a| action_plan(app.catalog(), &app.engine.plan(a)))
        });
        if let Some(text) = text {
            download(
                &file_name("thingrisk-action-plan", &now_stamp(), "csv"),
                "text/csv",
                &text,
            );
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        error.set(None);
        done.set(None);
        pending.set(None);
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // Refuse large files before reading them.
        if file.size() > IMPORT_LIMIT_BYTES as f64 {
            let e = DecodeError::TooLarge {
                bytes: file.size() as usize,
                limit: IMPORT_LIMIT_BYTES,
            };
            error.set(Some(not_imported(&file.name(), &e)));
            input.set_value("");
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    error.set(Some(format!(
                        "“{name}” was not imported: this browser could not open it. Your data \
                         here has not changed. Choose the file again; if it is on a network \
                         drive or in the cloud, copy it to this device first."
                    )));
                    return;
                }
            };
            match read_file(&bytes) {
                Ok(intake) => pending.set(Some(intake)),
                Err(e) => error.set(Some(not_imported(&name, &e))),
            }
        });
        input.set_value("");
    };
    let apply = move |mode: MergeMode| {
        if let Some(imported) = pending.get_untracked().map(|i| i.state) {
            if let Err(e) = app.state.with_untracked(|s| fits(s, &imported, mode)) {
                error.set(Some(e));
                return;
            }
            let summary = preview(&imported).to_string();
            app.update(|s| *s = merge(s, imported, mode));
            // A restored home is worth keeping, as a first device is.
            crate::ui::keep::request_once();
            pending.set(None);
            done.set(Some(format!("Imported {summary}.")));
        }
    };
    view! {
        <h1>"Your data"</h1>
        <p class="lead">"Everything stays in this browser. Keep a copy by exporting it; move it to another browser by importing the file there."</p>
        <StorageStatus />
        <section class="card">
            <h2>"Export"</h2>
            <p>"A JSON file with all your homes, devices and answers: a backup you can import again."</p>
            <Show when=has_samples>
                <label class="inline" for="include-samples">
                    <input id="include-samples" type="checkbox"
                        prop:checked=move || include_samples.get()
                        on:change=move |ev| include_samples.set(event_target_checked(&ev)) />
                    "Include the sample homes in these files"
                </label>
                <p class="muted">"Sample homes are left out unless you tick this: your files hold only your own homes."</p>
            </Show>
            <div class="actions">
                <button type="button" class="primary" disabled=move || !has_export() on:click=export>"Export all data (JSON)"</button>
            </div>
            <BackupStatus />
            <p>"For spreadsheets: every device-risk pair with its inherent and residual levels and the missing controls, or the ranked action plan of the current home."</p>
            <div class="actions">
                <button type="button" disabled=move || !has_export() on:click=export_register>"Risk register (CSV)"</button>
                <button type="button" disabled=move || app.assessment.with(Option::is_none) || !plan_in_scope() on:click=export_plan>"Action plan (CSV)"</button>
            </div>
            <Show when=move || app.assessment.with(Option::is_some) && !plan_in_scope()>
                <p class="muted">"The home open now is a sample home, so its action plan is left out. Tick the box above to include it."</p>
            </Show>
        </section>
        <SampleHomesKept />
        <section class="card">
            <h2>"Import"</h2>
            <label for="import-file">{format!("Choose a ThingRisk JSON file (up to {} MB)", IMPORT_LIMIT_BYTES / 1024 / 1024)}</label>
            <input id="import-file" type="file" accept=".json,application/json" on:change=on_file />
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            {move || done.get().map(|d| view! { <p class="ok" role="status">{d}</p> })}
            {move || pending.get().map(|intake| {
                let p = preview(&intake.state);
                view! {
                    <div class="import-preview" role="region" aria-label="Import preview">
                        <p><strong>{format!("This file holds {p}.")}</strong></p>
                        <UnknownFields intake=intake />
                        <Show when=has_data>
                            <p>"Replacing removes what this browser holds now. Export it first if you may want it back."</p>
                            <button type="button" on:click=export>"Export current data first"</button>
                        </Show>
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| apply(MergeMode::Add)>"Add to my data"</button>
                            <button type="button" class="danger" on:click=move |_| apply(MergeMode::Replace)>
                                {move || if has_data() { "Replace my data" } else { "Import" }}
                            </button>
                            <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
        </section>
        <section class="card">
            <h2>"Erase all data"</h2>
            <p>"Removes every home, device and answer from this browser. This cannot be undone."</p>
            <Show when=move || confirm_erase.get() fallback=move || view! {
                <button type="button" class="danger" on:click=move |_| confirm_erase.set(true)>"Erase all data…"</button>
            }>
                <p role="alert"><strong>"Erase everything ThingRisk keeps in this browser?"</strong></p>
                <div class="actions">
                    <button type="button" class="danger" on:click=move |_| { persist::erase_all(app); confirm_erase.set(false); done.set(Some("All data erased.".into())); }>"Yes, erase everything"</button>
                    <button type="button" on:click=move |_| confirm_erase.set(false)>"Cancel"</button>
                </div>
            </Show>
        </section>
    }
}

/// The sample homes in this browser, listed apart from the person's own,
/// with "Remove sample homes" (after a confirmation; the person's own homes
/// stay). Shown only when there are some.
#[component]
fn SampleHomesKept() -> impl IntoView {
    let app = use_app();
    let confirm = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let names = Memo::new(move |_| {
        app.state.with(|s| {
            s.households
                .iter()
                .filter(|h| h.sample)
                .map(|h| h.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let remove = move |_| {
        let mut n = 0;
        app.update(|s| n = crate::training::samples::remove_samples(s).len());
        confirm.set(false);
        done.set(Some(if n == 1 {
            "The sample home was removed. Your own homes are as they were.".into()
        } else {
            format!("{n} sample homes were removed. Your own homes are as they were.")
        }));
    };
    view! {
        {move || done.get().map(|d| view! { <p class="ok" role="status">{d}</p> })}
        <Show when=move || !names.with(Vec::is_empty)>
            <section class="card" aria-labelledby="samples-kept-title">
                <h2 id="samples-kept-title">"Sample homes"</h2>
                <p>"Fictional homes you opened to try ThingRisk. They are kept apart from your own: not counted, and left out of your files unless you choose."</p>
                <ul class="sample-list">
                    {move || names.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <Show when=move || confirm.get() fallback=move || view! {
                    <button type="button" on:click=move |_| confirm.set(true)>"Remove sample homes…"</button>
                }>
                    <p role="alert"><strong>"Remove the sample homes and any changes made in them? Your own homes stay."</strong></p>
                    <div class="actions">
                        <button type="button" class="danger" on:click=remove>"Remove sample homes"</button>
                        <button type="button" on:click=move |_| confirm.set(false)>"Cancel"</button>
                    </div>
                </Show>
            </section>
        </Show>
    }
}

/// The details of an import file that ThingRisk does not know: a warning
/// (they are left out), at most five named, so a hand-edited file's typo
/// is seen before the data in it is dropped.
#[component]
fn UnknownFields(intake: Intake) -> impl IntoView {
    const SHOWN: usize = 5;
    let unknown = intake.unknown_fields;
    (!unknown.is_empty()).then(|| {
        let more = unknown.len().saturating_sub(SHOWN);
        view! {
            <div class="notice warning" role="note">
                <p>"Some details in this file are not ones ThingRisk knows, so they will be left out. If the file was edited by hand, correct it and choose it again:"</p>
                <ul>
                    {unknown.iter().take(SHOWN).map(|u| view! { <li>{u.to_string()}</li> }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{format!("And {} more.", more)}</p> })}
            </div>
        }
    })
}

/// Why a file was not imported and what to do, saying that nothing of the
/// user's own data changed.
fn not_imported(name: &str, e: &DecodeError) -> String {
    format!(
        "“{name}” was not imported. {e} Your data here has not changed. {}",
        e.advice()
    )
}
