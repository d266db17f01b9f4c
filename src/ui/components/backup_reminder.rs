//! A gentle, dismissible note that a backup file is due (the rule and its
//! thresholds are crate::ui::backup::should_remind). Shown on the pages
//! people come back to after making changes, never as a dialog.

use crate::ui::backup;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let app = use_app();
    let show = Memo::new(move |_| backup::should_remind(&backup::load_tracked(), backup::now(app)));
    let not_now = move |_| {
        let mut r = backup::load();
        r.snoozed = Some(backup::now_ms());
        backup::store(&r);
    };
    view! {
        <Show when=move || show.get()>
            <aside class="notice info backup-reminder" aria-label="Backup reminder">
                <p>
                    {move || match backup::load_tracked().at {
                        None => "You have not saved a backup file yet.".to_string(),
                        at => format!("Your last backup was {}, and you have made changes since.", backup::ago(at, backup::now_ms())),
                    }}
                    " Browsers sometimes clear what sites keep: a backup file keeps your home safe. "
                    <A href=href("/data")>"More about your data"</A>
                </p>
                <div class="actions">
                    <button type="button" class="primary" on:click=move |_| backup::save_file(app)>"Save a backup file"</button>
                    <button type="button" on:click=not_now>"Not now"</button>
                </div>
            </aside>
        </Show>
    }
}
