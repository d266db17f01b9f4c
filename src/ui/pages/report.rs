use super::WithHousehold;
use crate::assess::headline::Headline;
use crate::assess::{Stage, worst_residual};
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{HeatMap, LastBackup, LevelBadge, OpenQuestions};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// A printable report of the active household: devices, both heat maps, the
/// top risks with their explanations, the action plan and open questions.
#[component]
pub fn ReportPage() -> impl IntoView {
    view! {
        <WithHousehold>
            <Report />
        </WithHousehold>
    }
}

#[component]
fn Report() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let name = move || app.active().map(|(_, n)| n).unwrap_or_default();
    let inherent = Signal::derive(move || app.heat_counts(Stage::Inherent));
    let residual = Signal::derive(move || app.heat_counts(Stage::Residual));
    let (s1, s2) = (RwSignal::new(None), RwSignal::new(None));
    let devices = move || {
        app.with_assessment(|a| {
            a.devices
                .iter()
                .map(|d| {
                    (
                        d.name.clone(),
                        catalog.category_name(&d.category),
                        d.progress.answered,
                        d.progress.total,
                        worst_residual(&a.pairs, &d.pairs),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let top = move || {
        app.with_assessment(|a| {
            app.with_explainer(|explain| {
                a.top(10)
                    .map(|p| {
                        (
                            app.device_name(&p.device),
                            catalog.scenario_title(p.scenario),
                            p.inherent.risk_level,
                            p.residual.risk_level,
                            explain(p),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // The plan's first ten steps: title, how to, what it changes and why
    // it stands where it does.
    let plan = move || {
        app.with_assessment(|a| {
            app.engine
                .plan(a)
                .into_iter()
                .take(10)
                .map(|e| {
                    let c = catalog.control(e.control);
                    let why = e
                        .reason()
                        .and_then(|l| e.why(catalog, &app.device_name(&l.device)));
                    (
                        catalog.control_title(e.control),
                        c.map(|c| c.steps.clone()).unwrap_or_default(),
                        e.effect(catalog),
                        why,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let open = Memo::new(move |_| app.open_questions());
    let headline = move || {
        app.with_assessment(|a| {
            Headline::of(app.engine, a).sentences(catalog, &|id| app.device_name(id))
        })
    };
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <article class="report">
            <header class="report-head">
                <h1>{move || format!("Security and privacy report: {}", name())}</h1>
                <p>{format!("Made with ThingRisk on {} · catalog {} · built on ISO/IEC 27400", app.today, catalog.version)}</p>
                <div class="actions no-print">
                    <button type="button" class="primary" on:click=print>"Print / Save as PDF"</button>
                    <A href=href("/data") attr:class="button">"Export data (JSON, CSV)"</A>
                </div>
                <div class="no-print"><LastBackup /></div>
            </header>
            // Page one: what a reader needs, the register after it.
            <section class="report-summary" aria-label="Summary">
                <div class="report-section headline">
                    <h2>"In short"</h2>
                    <p class="headline-summary">{move || headline().0}</p>
                    {move || headline().1.map(|f| view! { <p class="headline-first">{f}</p> })}
                </div>
                <div class="heat-maps">
                    <HeatMap id="report-residual" title="Now" counts=residual selected=s2 />
                    <HeatMap id="report-inherent" title="Before what you do" counts=inherent selected=s1 />
                </div>
                <h2>"Your first five steps"</h2>
                <ol class="report-first-steps">{move || plan().into_iter().take(5).map(|(t, _, effect, why)| view! {
                    <li><strong>{t}</strong>" "{effect}{why.map(|w| view! { " " {w} })}</li>
                }).collect_view()}</ol>
            </section>
            <h2 class="register-title">"The full register"</h2>
            <section class="report-section">
                <h2>"Devices"</h2>
                <table class="report-table">
                    <thead><tr><th scope="col">"Device"</th><th scope="col">"Type"</th><th scope="col">"Answered"</th><th scope="col">"Worst risk now"</th></tr></thead>
                    <tbody>{move || devices().into_iter().map(|(n, c, a, t, w)| view! {
                        <tr><td>{n}</td><td>{c}</td><td>{format!("{a} of {t}")}</td><td>{w.map(|w| view! { <LevelBadge level=w /> })}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </section>
            <section class="report-section">
                <h2>"Top risks and why"</h2>
                <ol class="report-risks">{move || top().into_iter().map(|(d, t, i, r, why)| view! {
                    <li>
                        <h3>{format!("{d}: {t}")}</h3>
                        <p><LevelBadge level=i prefix="Before what you do: " />" → "<LevelBadge level=r prefix="Now: " /></p>
                        <p>{why.summary}</p>
                        <details class="why">
                            <summary>"Details"</summary>
                            <ul class="explanation">{why.details.into_iter().map(|w| view! { <li>{w.text}</li> }).collect_view()}</ul>
                        </details>
                    </li>
                }).collect_view()}</ol>
            </section>
            <section class="report-section">
                <h2>"Action plan"</h2>
                <ol class="report-plan">{move || plan().into_iter().map(|(t, steps, effect, why)| view! {
                    <li><strong>{t}</strong>" "{effect}
                        {why.map(|w| view! { <p class="why-here">{w}</p> })}
                        <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    </li>
                }).collect_view()}</ol>
            </section>
            <section class="report-section">
                <h2>"Open questions"</h2>
                <Show
                    when=move || open.with(|o| !o.is_empty())
                    fallback=|| view! { <p>"None: every question was answered with something other than “don't know”."</p> }
                >
                    <OpenQuestions items=open />
                </Show>
            </section>
        </article>
    }
}
