use super::WithHousehold;
use crate::assess::Stage;
use crate::assess::{PlanEntry, PlanFilter};
use crate::catalog::{Catalog, Scale, When};
use crate::decimal;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{AfterFirstFrame, HeatMap, LevelBadge};
use crate::ui::later::{after_frame, drop_after_frame};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The action plan: ranked controls with what they lower, what-if
/// ("planned") beside the current picture, "done" to record an answer, and
/// lifecycle reminders.
#[component]
pub fn PlanPage() -> impl IntoView {
    view! { <WithHousehold><Plan /></WithHousehold> }
}

fn when_label(w: When) -> &'static str {
    match w {
        When::Now => "Do now",
        When::AtPurchase => "At next purchase",
        When::VendorOnly => "Ask the vendor",
    }
}

#[component]
fn Plan() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let when = RwSignal::new(None::<When>);
    let device = RwSignal::new(None::<String>);
    // The plan (and the reminders and device names beside it) follow a new
    // assessment in the task after the frame that shows the new heat maps:
    // the maps are what an answer changes at a glance, while the lists are
    // the bigger update and mostly off screen.
    let list_turn = Trigger::new();
    Effect::new(move |first: Option<()>| {
        app.assessment.track();
        if first.is_some() {
            after_frame(move || list_turn.notify());
        }
    });
    // A new plan on every change, taken as changed without comparing it
    // entry by entry (the rows below update only what differs); the old one
    // is freed after the frame.
    let plan = Memo::new_owning(move |old: Option<Vec<PlanEntry<'static>>>| {
        if let Some(old) = old {
            drop_after_frame(old);
        }
        list_turn.track();
        let filter = PlanFilter {
            when: when.get(),
            device: device.get(),
        };
        // The household's own steps; what only the maker can do is
        // advice under "Ask the vendor".
        let new = app.assessment.with_untracked(|a| {
            a.as_ref()
                .map(|a| {
                    let steps = if filter.when == Some(When::VendorOnly) {
                        app.engine.vendor_asks(a)
                    } else {
                        app.engine.plan(a)
                    };
                    filter.keep(catalog, steps)
                })
                .unwrap_or_default()
        });
        (new, true)
    });
    // The device list changes rarely: a Memo keeps the filter's options and
    // the row texts from rebuilding on every answer.
    let devices = Memo::new(move |_| {
        list_turn.track();
        untrack(|| app.device_names())
    });
    let device_name = move |id: &str| {
        devices.with(|ds| {
            ds.iter()
                .find(|(d, _)| d == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        })
    };
    let residual = Signal::derive(move || app.heat_counts(Stage::Residual));
    let projected = Signal::derive(move || app.heat_counts(Stage::Projected));
    let planned_count = move || app.with_household(|h| h.planned.len()).unwrap_or(0);
    let sel_now = RwSignal::new(None);
    let sel_plan = RwSignal::new(None);
    // Reminders (a sentence each, a hundred at 50 devices) follow with the list.
    let reminders = Memo::new(move |_| {
        list_turn.track();
        untrack(|| app.reminders())
    });

    let toggle_planned = move |control: &'static str, on: bool| {
        app.update_household(move |h| h.set_planned(control, on))
    };
    let done = move |control: &'static str| {
        let mut ids: Vec<String> = plan.with_untracked(|p| {
            entry(p, control)
                .map(|e| e.lowers.iter().map(|l| l.device.to_string()).collect())
                .unwrap_or_default()
        });
        // The shared sort (crate::order): `ids.sort()` would compile a copy of its own.
        crate::order::sort_by(&mut ids, Ord::cmp);
        ids.dedup();
        app.update_household(move |h| {
            h.mark_done(catalog, control, &ids);
        });
    };

    view! {
        <h1>"Your action plan"</h1>
        <p class="lead">"What to do first: the steps that take away the most risk for the effort, across your home. Mark steps as planned to see the picture they would give, and as done when they are."</p>
        <Show when=move || reminders.with(|r| !r.is_empty())>
            <section class="card reminders" aria-labelledby="reminders-title">
                <h2 id="reminders-title">"Lifecycle reminders"</h2>
                <ul>{move || reminders.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </section>
        </Show>
        <section aria-labelledby="whatif-title">
            <h2 id="whatif-title">{move || format!("Now and with your plans ({} planned)", planned_count())}</h2>
            <div class="heat-maps">
                <HeatMap id="plan-now" title="Residual risk now" counts=residual selected=sel_now />
                <HeatMap id="plan-projected" title="Projected with planned steps" counts=projected selected=sel_plan />
            </div>
        </section>
        <div class="filters card" role="group" aria-label="Filter the plan">
            <div class="field">
                <label for="plan-when">"When"</label>
                <select id="plan-when" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    when.set(match v.as_str() { "now" => Some(When::Now), "at-purchase" => Some(When::AtPurchase), "vendor-only" => Some(When::VendorOnly), _ => None });
                }>
                    <option value="">"Any time"</option>
                    <option value="now">"Do now"</option>
                    <option value="at-purchase">"At next purchase"</option>
                    <option value="vendor-only">"Ask the vendor"</option>
                </select>
            </div>
            <div class="field">
                <label for="plan-device">"For"</label>
                <select id="plan-device" on:change=move |ev| { let v = event_target_value(&ev); device.set((!v.is_empty()).then_some(v)); }>
                    <option value="">"The whole home"</option>
                    {move || devices.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            </div>
        </div>
        // On opening the page too, the list follows the maps by a frame.
        <AfterFirstFrame>
        <p role="status">{move || format!("{} steps", plan.with(Vec::len))}</p>
        <ol class="plan-list">
            <For each=move || plan.with(|p| p.iter().map(|e| (e.control, e.effort)).collect::<Vec<_>>()) key=|e| e.0 children=move |(control, effort)| {
                // This row's figures as the plan changes: rank, reach and
                // planned state update in place; the row is rebuilt only
                // when the control leaves the plan.
                let row = Memo::new(move |_| plan.with(|p| Row::of(catalog, p, control, &device_name)).unwrap_or_default());
                let c = catalog.control(control);
                let title = c.map(|c| c.title.clone()).unwrap_or_else(|| control.to_string());
                let summary = c.map(|c| c.summary.clone()).unwrap_or_default();
                let steps = c.map(|c| c.steps.clone()).unwrap_or_default();
                let w = c.map(|c| when_label(c.when)).unwrap_or_default();
                let effort = catalog.scales.level_name(Scale::Effort, effort);
                let heading = move || row.with(|r| r.rank);
                let reach = move || row.with(|r| (r.lowers, r.reduction));
                let planned = move || row.with(|r| r.planned);
                let why = move || row.with(|r| r.why.clone());
                // The list of lowered risks is built only while it is open:
                // closed, it would be hundreds of hidden items to keep up to date.
                let open = RwSignal::new(false);
                let lowers = Memo::new(move |_| if open.get() { plan.with(|p| shown(p, control)) } else { Vec::new() });
                let lowers_view = move || lowers.get().into_iter().map(|(device, scenario, cur, proj)| {
                    let scn = catalog.scenario(scenario).map(|s| s.title.clone()).unwrap_or_default();
                    view! { <li>{device_name(&device)}": "{scn}" "<LevelBadge level=cur />" → "<LevelBadge level=proj /></li> }
                }).collect_view();
                let more = move || reach().0.saturating_sub(8);
                view! {
                    <li class="plan-entry card">
                        <h3>{move || format!("{}. {title}", heading())}</h3>
                        <p class="muted">{move || { let (n, r) = reach(); format!("{w} · Effort: {effort} · lowers {n} risks (risk score −{})", decimal::fixed(r, 1)) }}</p>
                        <p class="why-here">{why}</p>
                        <p>{summary}</p>
                        <details class="why">
                            <summary>"How to do it"</summary>
                            <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                        </details>
                        <details class="why" on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                            <summary>"Risks it lowers"</summary>
                            <ul class="lowers">{lowers_view}</ul>
                            <Show when=move || { more() > 0 }>
                                <p class="muted">{move || format!("and {} more", more())}</p>
                            </Show>
                        </details>
                        <div class="actions">
                            <button type="button" aria-pressed=move || planned().to_string() on:click=move |_| toggle_planned(control, !row.with_untracked(|r| r.planned))>
                                {move || if planned() { "✓ Planned (undo)" } else { "Plan it" }}
                            </button>
                            <button type="button" class="primary" on:click=move |_| done(control)>"Mark as done"</button>
                        </div>
                    </li>
                }
            } />
        </ol>
        </AfterFirstFrame>
        <div class="actions">
            <A href=href("/report") attr:class="button">"Printable report"</A>
            <A href=href("/data") attr:class="button">"Export (JSON, CSV)"</A>
        </div>
    }
}

/// What one plan row shows that can change, taken from the plan without
/// cloning its full list of lowered pairs (hundreds at 50 devices).
#[derive(Debug, Clone, Default, PartialEq)]
struct Row {
    rank: usize,
    /// How many pairs it lowers, and the drop in risk score.
    lowers: usize,
    reduction: f32,
    planned: bool,
    /// Why it stands here, in one sentence.
    why: Option<String>,
}

impl Row {
    fn of(
        catalog: &Catalog,
        plan: &[PlanEntry<'static>],
        control: &str,
        device_name: &dyn Fn(&str) -> String,
    ) -> Option<Row> {
        let e = entry(plan, control)?;
        Some(Row {
            rank: e.rank,
            lowers: e.lowers.len(),
            reduction: e.reduction,
            planned: e.planned,
            why: e
                .reason()
                .and_then(|l| e.why(catalog, &device_name(&l.device))),
        })
    }
}

/// The first eight pairs a control lowers: (device id, scenario, current
/// level, projected level).
fn shown(plan: &[PlanEntry<'static>], control: &str) -> Vec<(String, &'static str, u8, u8)> {
    entry(plan, control)
        .map(|e| {
            e.lowers
                .iter()
                .take(8)
                .map(|l| {
                    (
                        l.device.to_string(),
                        l.scenario,
                        l.current_level,
                        l.projected_level,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A control's entry in the plan, if it is there.
fn entry<'p>(plan: &'p [PlanEntry<'static>], control: &str) -> Option<&'p PlanEntry<'static>> {
    plan.iter().find(|e| e.control == control)
}
