//! A list of device-risk pairs: what the risk is, its levels, why it sits
//! where it does (the engine's explanation as sentences) and the controls
//! that would lower it.

use crate::assess::Stage;
use crate::ui::components::LevelBadge;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn RiskList(
    /// Pair indices into the active assessment.
    #[prop(into)]
    pairs: Signal<Vec<usize>>,
    /// The picture the list belongs to (decides which level is shown first).
    #[prop(optional)]
    stage: Option<Stage>,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let items = move || {
        let indices = pairs.get();
        app.assessment.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let names = app.device_names();
            app.with_explainer(|explain| {
                indices
                    .iter()
                    .filter_map(|&i| a.pairs.get(i))
                    .map(|p| {
                        let device = names
                            .iter()
                            .find(|(id, _)| **id == *p.device)
                            .map(|(_, n)| n.clone())
                            .unwrap_or_default();
                        let scenario = catalog.scenario(p.scenario);
                        let title = scenario
                            .map(|s| s.title.clone())
                            .unwrap_or_else(|| p.scenario.to_string());
                        let consequence =
                            scenario.map(|s| s.consequence.clone()).unwrap_or_default();
                        let why = explain(p);
                        let fixes: Vec<String> = p
                            .missing_controls
                            .iter()
                            .filter_map(|c| catalog.control(c))
                            .map(|c| c.title.clone())
                            .collect();
                        (
                            format!("{}|{}", p.device, p.scenario),
                            device,
                            title,
                            consequence,
                            p.inherent.risk_level,
                            p.residual.risk_level,
                            p.projected.risk_level,
                            why,
                            fixes,
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <ul class="risk-list">
            <For
                each=items
                key=|item| item.0.clone()
                children=move |(_, device, title, consequence, inherent, residual, projected, why, fixes)| {
                    view! {
                        <li class="risk card">
                            <h3>
                                <span class="risk-device">{device}</span>
                                ": "
                                {title}
                            </h3>
                            <p class="levels">
                                <LevelBadge level=inherent prefix="Inherent: " />
                                " → "
                                <LevelBadge level=residual prefix="Now: " />
                                {(stage == Some(Stage::Projected) || projected != residual).then(|| view! {
                                    " → " <LevelBadge level=projected prefix="With plans: " />
                                })}
                            </p>
                            <p>{consequence}</p>
                            <details class="why">
                                <summary>"Why it sits here"</summary>
                                <ol class="explanation">
                                    {why.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                                </ol>
                            </details>
                            {(!fixes.is_empty()).then(|| view! {
                                <div class="fixes">
                                    <h4>"What would lower it"</h4>
                                    <ul>{fixes.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                </div>
                            })}
                        </li>
                    }
                }
            />
        </ul>
    }
}
