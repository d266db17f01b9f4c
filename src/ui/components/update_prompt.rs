//! "A new version is ready": shown when a new release has installed in the
//! background (see crate::ui::sw). Nothing changes under the user's feet:
//! the switch happens only when they press the button.

use crate::ui::sw;
use leptos::prelude::*;

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(false);
    sw::register(move || ready.set(true));
    view! {
        // The live region exists from the start, so the message is announced.
        <div class="notices update-prompt" aria-live="polite">
            <Show when=move || ready.get()>
                <div class="notice info" role="status">
                    <p>"A new version is ready."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| sw::apply_update()>
                            "Reload to update"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
