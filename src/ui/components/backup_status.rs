//! Beside the export on Your data: when the last backup was made, the
//! automatic backup file where the browser offers it, and how to restore.
//! [`LastBackup`] is the one-line version the report shows.

use crate::ui::auto_backup;
use crate::ui::backup;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// "Last backup: never / today / 12 days ago". Tracked.
fn last_backup() -> String {
    format!(
        "Last backup: {}",
        backup::ago(backup::load_tracked().at, backup::now_ms())
    )
}

/// The last backup's age, with the way to make one.
#[component]
pub fn LastBackup() -> impl IntoView {
    view! {
        <p>
            {last_backup}" · "<A href=href("/data")>"Backups"</A>
        </p>
    }
}

#[component]
pub fn BackupStatus() -> impl IntoView {
    view! {
        <p role="status"><strong>{last_backup}</strong></p>
        {auto_backup::supported().then(|| view! { <AutoBackup /> })}
        <p>
            "To restore a backup, in this or any other browser: open ThingRisk, go to “Your data” and choose the file under "
            <a href=href("/data#import-file")>"Import"</a>"."
        </p>
    }
}

/// The automatic backup file: on, off, or off since the page was reloaded.
#[component]
fn AutoBackup() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Sample homes are not backed up by default: only own homes count.
    let has_data = move || {
        app.state
            .with(|s| crate::store::export::own_households(s).next().is_some())
    };
    let turn_on = move |_| {
        error.set(None);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let problem = auto_backup::turn_on(app).await;
            busy.try_set(false);
            error.try_set(problem);
        });
    };
    let stopped = move || auto_backup::file_name().is_none() && backup::load_tracked().auto_was_on;
    view! {
        <div>
            <h3>"Automatic backup"</h3>
            {move || match auto_backup::file_name() {
                Some(name) => view! {
                    <p class="ok">{format!("On: ThingRisk rewrites “{name}” a moment after each change, while this page is open.")}</p>
                    <button type="button" on:click=move |_| auto_backup::turn_off()>"Turn off automatic backup"</button>
                }.into_any(),
                None => view! {
                    <p>"Choose a file once and ThingRisk rewrites it after each change, while this page is open. After you close or reload the page, you choose the file again."</p>
                    {move || stopped().then(|| view! {
                        <p><strong>"Automatic backup stopped when this page was closed or reloaded: browsers let a site write to a file only while it is open. Choose the file again to carry on."</strong></p>
                    })}
                    <button type="button" disabled=move || busy.get() || !has_data() on:click=turn_on>
                        "Keep a backup file updated automatically"
                    </button>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
    }
}
