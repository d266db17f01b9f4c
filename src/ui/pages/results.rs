use super::WithHousehold;
use crate::assess::Stage;
use crate::assess::headline::Headline;
use crate::catalog::Scale;
use crate::plural::plural;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::heat_map::Cell;
use crate::ui::components::{
    AfterFirstFrame, BackupReminder, HeatMap, LevelBadge, OpenQuestions, RiskList,
};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Results: the headline and first step, the maps "now" (residual, first:
/// it is the one that matters) and "before what you do" (inherent), the
/// risks of the selected square, top risks, counts per level, open
/// questions and reminders.
#[component]
pub fn ResultsPage() -> impl IntoView {
    view! {
        <WithHousehold>
            <Results />
        </WithHousehold>
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

    // Whether the selected square lists all its risks; a new square starts short.
    let show_all = RwSignal::new(false);
    Effect::new(move |_| {
        inherent_sel.track();
        residual_sel.track();
        show_all.set(false);
    });
    let inherent = Signal::derive(move || app.heat_counts(Stage::Inherent));
    let residual = Signal::derive(move || app.heat_counts(Stage::Residual));
    let total = move || app.with_assessment(|a| a.pairs.len());
    let selected = Signal::derive(move || {
        let (stage, sel) = match last.get() {
            Stage::Inherent => (Stage::Inherent, inherent_sel.get()),
            _ => (Stage::Residual, residual_sel.get()),
        };
        sel.map(|(l, i)| {
            let pairs = app.with_assessment(|a| a.heat_map.stage(stage).cell(l, i).to_vec());
            (stage, l, i, pairs)
        })
    });
    let top = Signal::derive(move || {
        app.with_assessment(|a| a.top_risks().iter().copied().take(5).collect())
    });
    let level_rows = move || {
        app.with_assessment(|a| {
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
    };
    let open = Memo::new(move |_| app.open_questions());
    // How the home is doing and the step to take first, in plain words.
    let headline = Memo::new(move |_| {
        app.with_assessment(|a| {
            Headline::of(app.engine, a).sentences(catalog, &|id| app.device_name(id))
        })
    });
    // How sure the results are: answers given, unanswered questions that
    // could still change them, and whether the quick check is finished.
    let sure = Memo::new(move |_| {
        app.with_household(|h| {
            let asks = app.engine.asks(h, app.today);
            (asks.answered, asks.could_change(), asks.next().is_some())
        })
        .unwrap_or_default()
    });

    view! {
        <h1>"Your results"</h1>
        <BackupReminder />
        <Show when=move || total() != 0 fallback=|| view! {
            <p>"Add devices to see your risks."</p>
            <A href=href("/devices") attr:class="button primary">"Add devices"</A>
        }>
            <section class="headline card" aria-label="In short">
                <p class="headline-summary">{move || headline.with(|h| h.0.clone())}</p>
                <Show when=move || headline.with(|h| h.1.is_some())>
                    <p class="headline-first">{move || headline.with(|h| h.1.clone())}</p>
                    <A href=href("/plan") attr:class="button primary">"See your plan"</A>
                </Show>
            </section>
            <p class="lead sureness">{move || sure.with(|&(answered, open, _)| sureness(answered, open))}</p>
            <p class="actions">
                {move || match sure.get() {
                    (_, _, true) => Some(view! { <A href=href("/quick") attr:class="button">"Continue the quick check"</A> }.into_any()),
                    (_, open, false) if open > 0 => Some(view! { <A href=href("/quick/next") attr:class="button">"Answer the next most important question"</A> }.into_any()),
                    _ => None,
                }}
            </p>
            <p class="map-hint">"Each square holds the risks with that chance and that harm; red is worst. Tap a square to see its risks."</p>
            <div class="heat-maps">
                <HeatMap id="residual" title="Now" counts=residual selected=residual_sel />
                <HeatMap id="inherent" title="Before what you do" counts=inherent selected=inherent_sel />
            </div>
            <section aria-live="polite" class="cell-risks">
                {move || selected.get().map(|(stage, l, i, pairs)| {
                    let when = if stage == Stage::Inherent { "before what you do" } else { "now" };
                    let lower = |scale, level| scales.level_name(scale, level).to_lowercase();
                    let n = pairs.len();
                    // A busy square holds hundreds of risks at 50 devices:
                    // the first few are drawn, the rest on request, so the
                    // page is short and its height fixed while scrolling.
                    let all = show_all.get();
                    let shown: Vec<usize> = pairs.into_iter().take(if all { n } else { CELL_FIRST }).collect();
                    view! {
                        <h2>{format!("{}, {when}: {} chance, {} harm", plural(n, "risk", "risks"), lower(Scale::Likelihood, l), lower(Scale::Impact, i))}</h2>
                        <RiskList pairs=shown stage=stage />
                        {(n > CELL_FIRST && !all).then(|| view! {
                            <button type="button" class="show-all" on:click=move |_| show_all.set(true)>{format!("Show all {n} risks")}</button>
                        })}
                    }
                })}
            </section>
            <AfterFirstFrame>
            <h2>"Top risks now"</h2>
            <RiskList pairs=top />
            <h2>"Risks by level"</h2>
            <table class="level-counts">
                <caption class="visually-hidden">"Number of risks at each level, before what you do and now"</caption>
                <thead><tr><th scope="col">"Level"</th><th scope="col">"Before what you do"</th><th scope="col">"Now"</th></tr></thead>
                <tbody>
                    {move || level_rows().into_iter().map(|(l, i, r)| view! {
                        <tr><th scope="row"><LevelBadge level=l /></th><td>{i}</td><td>{r}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || open.with(|o| !o.is_empty())>
                <h2>"Things to find out"</h2>
                <p>"You answered “don't know” to these. They count as not in place until you find out."</p>
                <OpenQuestions items=open />
            </Show>
            <Show when=move || !app.reminders().is_empty()>
                <h2>"Reminders"</h2>
                <ul class="reminders">{move || app.reminders().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </Show>
            </AfterFirstFrame>
        </Show>
    }
}

/// How many of a square's risks show before "Show all".
const CELL_FIRST: usize = 10;

/// "Based on 42 answers. 18 unanswered questions could still change your
/// first steps."
fn sureness(answered: usize, open: usize) -> String {
    let based = format!("Based on {}.", plural(answered, "answer", "answers"));
    if open == 0 {
        format!("{based} Nothing left unanswered would change your first steps.")
    } else {
        format!(
            "{based} {} could still change your first steps.",
            plural(open, "unanswered question", "unanswered questions")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::sureness;

    #[test]
    fn the_sureness_line_counts_answers_and_what_could_change() {
        assert_eq!(
            sureness(42, 18),
            "Based on 42 answers. 18 unanswered questions could still change your first steps."
        );
        assert_eq!(
            sureness(1, 1),
            "Based on 1 answer. 1 unanswered question could still change your first steps."
        );
        assert_eq!(
            sureness(7, 0),
            "Based on 7 answers. Nothing left unanswered would change your first steps."
        );
    }
}
