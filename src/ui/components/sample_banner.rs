//! Says so, on every page, when the home on screen is a bundled sample, and
//! offers the way back to the user's own home.

use crate::assess::Household;
use crate::training::samples::own_household;
use crate::ui::router::{use_location, use_navigate};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn SampleBanner() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let location = use_location();
    // Only the sample's name decides what is drawn, so edits elsewhere do not
    // rebuild the banner.
    let sample = Memo::new(move |_| {
        app.with_household(|h| h.sample.then(|| h.name.clone()))
            .flatten()
    });
    // Trainer pages show no household at all.
    let on_training = Memo::new(move |_| location.route.with(|r| r.is_training()));
    let has_own = Memo::new(move |_| app.state.with(|s| own_household(s).is_some()));
    let back = move |_| {
        let mut to_devices = false;
        app.update(|s| {
            let id = match own_household(s) {
                Some(h) => {
                    to_devices = h.devices.is_empty();
                    h.id.clone()
                }
                None => {
                    let id = crate::ui::pages::fresh_household_id(s);
                    s.households.push(Household::new(id.clone(), "My home"));
                    to_devices = true;
                    id
                }
            };
            s.active = Some(id);
        });
        navigate(if to_devices { "/devices" } else { "/results" });
    };
    view! {
        <Show when=move || sample.get().is_some() && !on_training.get()>
            <div class="sample-banner" role="region" aria-label="Sample home">
                <p>
                    <strong>{move || sample.get().unwrap_or_default()}</strong>
                    " is a fictional sample home. Changes stay in the sample; your own data is not touched."
                </p>
                <button type="button" on:click=back>
                    {move || if has_own.get() { "Back to my home" } else { "Start my own home" }}
                </button>
            </div>
        </Show>
    }
}
