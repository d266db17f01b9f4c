use crate::assess::Household;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::router::use_navigate;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The front door: what ThingRisk is, the privacy promise and the ways in.
#[component]
pub fn Welcome() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    // A fictional home, opened beside the user's own (never mixed with it).
    let try_sample = move |_| {
        if let Some(sample) = crate::training::samples::samples().into_iter().next() {
            app.update(|s| {
                crate::training::samples::open_sample(s, &sample);
            });
            navigate("/results");
        }
    };
    let has_data = move || app.state.with(|s| s.households.iter().any(|h| !h.sample));
    // One way in: a new visitor starts a home; a returning one goes back to
    // theirs (their results once it has devices, else the device list),
    // even when a sample home was open last.
    let start = move |_| {
        let mut has_devices = false;
        app.update(|s| {
            let own = s.households.iter().find(|h| !h.sample);
            has_devices = own.is_some_and(|h| !h.devices.is_empty());
            let id = own.map(|h| h.id.clone()).unwrap_or_else(|| {
                let id = crate::ui::pages::fresh_household_id(s);
                s.households.push(Household::new(id.clone(), "My home"));
                id
            });
            s.active = Some(id);
        });
        navigate(if has_devices { "/results" } else { "/devices" });
    };
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"How risky are the connected things in your home?"</h1>
            <p class="lead">
                "ThingRisk walks you through the smart devices in your home — router, cameras, "
                "baby monitor, speaker, lock, TV, plugs — and shows which risks matter most, why, "
                "and what to do first."
            </p>
            <div class="actions">
                <button type="button" class="primary" data-action="start" on:click=start>
                    {move || if has_data() { "Continue where I left off" } else { "Start" }}
                </button>
                // Always offered: a person whose data the browser cleared
                // looks exactly like a new visitor. It leads to Your data's import.
                <A href=href("/data#import-file") attr:class="button">"Restore from a backup file"</A>
                <button type="button" data-action="sample" on:click=try_sample>"Try a sample home"</button>
            </div>
            <div class="promise" role="note" aria-label="Privacy promise">
                <h2>"Your answers never leave this browser"</h2>
                <p>
                    "There is no account and no server. The whole assessment runs on this "
                    "device, your progress is kept only in this browser's storage, and nothing "
                    "is ever sent anywhere. It even works offline."
                </p>
            </div>
            <h2>"How it works"</h2>
            <ol class="steps">
                <li>"List the connected devices in your home."</li>
                <li>"Answer a few plain questions about each, and about your home network."</li>
                <li>"See your risks on a heat map — before and after what you already do — and a short list of what to fix first."</li>
            </ol>
            <p class="basis">
                "The risk catalog follows ISO/IEC 27400 (IoT security and privacy guidelines) "
                "and maps its recommendations to ETSI EN 303 645, NIST IR 8425, the OWASP IoT "
                "Top 10, the UK PSTI requirements, the EU Cyber Resilience Act and EN 18031."
            </p>
        </section>
    }
}
