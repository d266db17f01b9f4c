use leptos::prelude::*;

/// The front door: what ThingRisk is and the privacy promise.
#[component]
pub fn Welcome() -> impl IntoView {
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h1 id="welcome-title">"How risky are the connected things in your home?"</h1>
            <p class="lead">
                "ThingRisk walks you through the smart devices in your home — router, cameras, "
                "baby monitor, speaker, lock, TV, plugs — asks plain questions about each, and "
                "shows which risks matter most, why, and what to do first."
            </p>
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
                "and maps every recommendation to ETSI EN 303 645, NIST IR 8425, the OWASP IoT "
                "Top 10 and the UK PSTI requirements."
            </p>
        </section>
    }
}
