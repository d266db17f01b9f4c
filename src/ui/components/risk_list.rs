//! A list of device-risk pairs: what the risk is, its levels, why it sits
//! where it does (plain sentences, the engine's steps under "Details", each
//! linked to the question that made it) and the controls that would lower it.

use crate::assess::Stage;
use crate::assess::plain::Why;
use crate::catalog::Scope;
use crate::ui::base::href;
use crate::ui::components::{A, LevelBadge};
use crate::ui::route::question_path;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// What one card shows.
#[derive(Clone)]
struct Item {
    key: String,
    device_id: String,
    device: String,
    title: String,
    consequence: String,
    levels: [u8; 3],
    why: Why<'static>,
    fixes: Vec<String>,
}

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
            app.with_explainer(|explain| {
                indices
                    .iter()
                    .filter_map(|&i| a.pairs.get(i))
                    .map(|p| {
                        let scenario = catalog.scenario(p.scenario);
                        Item {
                            key: format!("{}|{}", p.device, p.scenario),
                            device_id: p.device.to_string(),
                            device: app.device_name(&p.device),
                            title: catalog.scenario_title(p.scenario),
                            consequence: scenario
                                .map(|s| s.consequence.clone())
                                .unwrap_or_default(),
                            levels: [
                                p.inherent.risk_level,
                                p.residual.risk_level,
                                p.projected.risk_level,
                            ],
                            why: explain(p),
                            fixes: p
                                .missing_controls
                                .iter()
                                .map(|c| catalog.control_title(c))
                                .collect(),
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // Where a step's question is answered: the device's list or the home's.
    let link = move |device: &str, question: &str| {
        let home = catalog
            .question(question)
            .is_some_and(|q| q.scope == Scope::Household);
        href(&question_path((!home).then_some(device), question))
    };
    view! {
        <ul class="risk-list">
            <For
                each=items
                key=|item| item.key.clone()
                children=move |item| {
                    let [inherent, residual, projected] = item.levels;
                    let device_id = item.device_id.clone();
                    view! {
                        <li class="risk card">
                            <h3>
                                <span class="risk-device">{item.device}</span>
                                ": "
                                {item.title}
                            </h3>
                            <p class="levels">
                                <LevelBadge level=inherent prefix="Before what you do: " />
                                " → "
                                <LevelBadge level=residual prefix="Now: " />
                                {(stage == Some(Stage::Projected) || projected != residual).then(|| view! {
                                    " → " <LevelBadge level=projected prefix="With your plan: " />
                                })}
                            </p>
                            <p>{item.consequence}</p>
                            <p class="why-plain">{item.why.summary}</p>
                            <details class="why">
                                <summary>"Details"</summary>
                                <ol class="explanation">
                                    {item.why.details.into_iter().map(|d| view! {
                                        <li>
                                            {d.text}
                                            {d.question.map(|q| view! {
                                                " " <A href=link(&device_id, q) attr:class="change-answer">"Change this answer"</A>
                                            })}
                                        </li>
                                    }).collect_view()}
                                </ol>
                            </details>
                            {(!item.fixes.is_empty()).then(|| view! {
                                <div class="fixes">
                                    <h4>"What would lower it"</h4>
                                    <ul>{item.fixes.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                                </div>
                            })}
                        </li>
                    }
                }
            />
        </ul>
    }
}
