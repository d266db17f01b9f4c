use super::{NoHousehold, has_household};
use crate::assess::Stage;
use crate::ui::base::href;
use crate::ui::components::heat_map::{Cell, counts, risk_name};
use crate::ui::components::{HeatMap, LevelBadge, RiskList};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos_router::components::A;

/// Results: inherent and residual heat maps side by side, the risks of the
/// selected cell, top risks, counts per level, open questions and reminders.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let has = has_household();
    view! {
        <Show when=has fallback=|| view! { <NoHousehold /> }>
            <Results />
        </Show>
    }
}

#[component]
fn Results() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let scales = &catalog.scales;
    let inherent_sel = RwSignal::new(None::<Cell>);
    let residual_sel = RwSignal::new(None::<Cell>);
    // Which map the user touched last decides the list below.
    let last = RwSignal::new(Stage::Residual);
    Effect::new(move |_| {
        if inherent_sel.get().is_some() {
            last.set(Stage::Inherent)
        }
    });
    Effect::new(move |_| {
        if residual_sel.get().is_some() {
            last.set(Stage::Residual)
        }
    });

    let inherent = Signal::derive(move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| counts(&a.heat_map.inherent))
                .unwrap_or_default()
        })
    });
    let residual = Signal::derive(move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| counts(&a.heat_map.residual))
                .unwrap_or_default()
        })
    });
    let total = move || {
        app.assessment
            .with(|a| a.as_ref().map_or(0, |a| a.pairs.len()))
    };
    let selected = Signal::derive(move || {
        let (stage, sel) = match last.get() {
            Stage::Inherent => (Stage::Inherent, inherent_sel.get()),
            _ => (Stage::Residual, residual_sel.get()),
        };
        sel.map(|(l, i)| {
            let pairs = app.assessment.with(|a| {
                a.as_ref()
                    .map(|a| {
                        let map = if stage == Stage::Inherent {
                            &a.heat_map.inherent
                        } else {
                            &a.heat_map.residual
                        };
                        map.cell(l, i).to_vec()
                    })
                    .unwrap_or_default()
            });
            (stage, l, i, pairs)
        })
    });
    let top = Signal::derive(move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.top_risks.iter().copied().take(5).collect())
                .unwrap_or_default()
        })
    });
    let level_rows = move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    (1..=5u8)
                        .rev()
                        .map(|l| {
                            (
                                l,
                                a.counts.inherent[usize::from(l) - 1],
                                a.counts.residual[usize::from(l) - 1],
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let open = move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| {
                    a.open_questions
                        .iter()
                        .map(|o| {
                            let q = catalog
                                .questions
                                .iter()
                                .find(|q| q.id == o.question)
                                .map(|q| q.text.clone())
                                .unwrap_or_default();
                            let device = o.device.as_ref().and_then(|d| {
                                app.state.with(|s| {
                                    s.active_household()
                                        .and_then(|h| h.device(d))
                                        .map(|d| d.name.clone())
                                })
                            });
                            (device, q)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let reminders = move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| a.reminders.iter().map(|r| r.sentence()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let progress = move || {
        app.assessment.with(|a| {
            a.as_ref()
                .map(|a| (a.progress.answered, a.progress.total))
                .unwrap_or((0, 0))
        })
    };

    view! {
        <h1>"Your results"</h1>
        <Show when=move || total() != 0 fallback=|| view! {
            <p>"Add devices to see your risks."</p>
            <A href=href("/devices") attr:class="button primary">"Add devices"</A>
        }>
            <p class="lead">
                {move || format!("{} device-risk pairs. ", total())}
                {move || { let (a, t) = progress(); format!("{a} of {t} questions answered.") }}
                " Select a cell to see its risks."
            </p>
            <div class="heat-maps">
                <HeatMap id="inherent" title="Inherent risk (before what you do)" counts=inherent selected=inherent_sel />
                <HeatMap id="residual" title="Residual risk (with what you do now)" counts=residual selected=residual_sel />
            </div>
            <section aria-live="polite" class="cell-risks">
                {move || selected.get().map(|(stage, l, i, pairs)| {
                    let label = if stage == Stage::Inherent { "inherent" } else { "residual" };
                    view! {
                        <h2>{format!("{} risks at likelihood {}, impact {} ({label})", pairs.len(), risk_name(scales, l), risk_name(scales, i))}</h2>
                        <RiskList pairs=pairs stage=stage />
                    }
                })}
            </section>
            <h2>"Top risks now"</h2>
            <RiskList pairs=top />
            <h2>"Risks by level"</h2>
            <table class="level-counts">
                <caption class="visually-hidden">"Number of device-risk pairs at each level"</caption>
                <thead><tr><th scope="col">"Level"</th><th scope="col">"Inherent"</th><th scope="col">"Now"</th></tr></thead>
                <tbody>
                    {move || level_rows().into_iter().map(|(l, i, r)| view! {
                        <tr><th scope="row"><LevelBadge level=l /></th><td>{i}</td><td>{r}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || !open().is_empty()>
                <h2>"Things to find out"</h2>
                <p>"You answered “don't know” to these. They count as not in place until you find out."</p>
                <ul>{move || open().into_iter().map(|(d, q)| view! { <li>{d.map(|d| format!("{d}: "))}{q}</li> }).collect_view()}</ul>
            </Show>
            <Show when=move || !reminders().is_empty()>
                <h2>"Reminders"</h2>
                <ul class="reminders">{move || reminders().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </Show>
        </Show>
    }
}
