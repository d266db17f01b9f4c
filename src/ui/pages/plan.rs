use super::WithHousehold;
use crate::assess::Stage;
use crate::assess::plan_filter::Done;
use crate::assess::{PlanEntry, PlanFilter};
use crate::catalog::{Catalog, Scale, When};
use crate::plural::plural;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{AfterFirstFrame, BackupReminder, HeatMap, LevelBadge};
use crate::ui::later::{after_frame, drop_after_frame};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The action plan: the first five steps (all on request), each with what
/// it would change; "Plan it" shows the change in a bar that stays in view
/// (and in the maps below); "Mark as done" records the answers, says so and
/// can be undone; steps already done; reminders, one line per kind.
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
    // What "Mark as done" last did, kept so Undo can put it back; cleared
    // when the user moves on (plans a step or undoes it).
    let last_done = RwSignal::new(None::<(Done, String)>);
    let done = move |control: &'static str| {
        let mut ids: Vec<String> = plan.with_untracked(|p| {
            entry(p, control)
                .map(|e| e.lowers.iter().map(|l| l.device.to_string()).collect())
                .unwrap_or_default()
        });
        // The shared sort (crate::order): `ids.sort()` would compile a copy of its own.
        crate::order::sort_by(&mut ids, Ord::cmp);
        ids.dedup();
        let mut record = None;
        app.update_household(|h| record = h.mark_done(catalog, control, &ids));
        last_done.set(record.map(|d| (d, catalog.control_title(control))));
    };
    let undo = move |_| {
        if let Some((d, _)) = last_done.get_untracked() {
            app.update_household(|h| h.undo(&d));
        }
        last_done.set(None);
    };
    let toggle_planned = move |control: &'static str, on: bool| {
        last_done.set(None);
        toggle_planned(control, on)
    };
    let show_all = RwSignal::new(false);
    let many = move || plan.with(Vec::len) > FIRST;
    let shown = move || {
        plan.with(|p| {
            let n = if show_all.get() {
                p.len()
            } else {
                p.len().min(FIRST)
            };
            p[..n]
                .iter()
                .map(|e| (e.control, e.effort))
                .collect::<Vec<_>>()
        })
    };
    let done_steps = Memo::new(move |_| {
        list_turn.track();
        untrack(|| app.done_steps())
    });
    // The "Plan it" effect in words, for the bar that stays in view.
    let projection = move || {
        let n = planned_count();
        if n == 0 {
            return "Press “Plan it” on a step to see here what it would change.".to_string();
        }
        let (now, then) = app.with_assessment(|a| (a.counts.residual, a.counts.projected));
        let scales = &catalog.scales;
        let moved: Vec<String> = (3..=5u8)
            .rev()
            .map(|l| (l, now[usize::from(l) - 1], then[usize::from(l) - 1]))
            .filter(|&(_, a, b)| a + b > 0)
            .map(|(l, a, b)| format!("{} {a} → {b}", scales.level_name(Scale::Risk, l)))
            .collect();
        let what = if moved.is_empty() {
            "no risk left at Moderate or above".to_string()
        } else {
            format!("risks now → with your plan: {}", moved.join(" · "))
        };
        format!("{} planned: {what}", plural(n, "step", "steps"))
    };

    view! {
        <h1>"Your action plan"</h1>
        <BackupReminder />
        <p class="lead">"The steps that take away the most risk for the least effort, most important first. Press “Plan it” to see what a step would change, and “Mark as done” once it is."</p>
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
        <p class="muted plan-count">{move || { let n = plan.with(Vec::len); if n > FIRST && !show_all.get() { format!("The first {FIRST} of {n} steps.") } else { plural(n, "step", "steps") + "." } }}</p>
        <ol class="plan-list">
            <For each=shown key=|e| e.0 children=move |(control, effort)| {
                // This row's figures as the plan changes: rank, effect and
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
                let planned = move || row.with(|r| r.planned);
                let why = move || row.with(|r| r.why.clone());
                let effect = move || row.with(|r| r.effect.clone());
                // The list of lowered risks is built only while it is open:
                // closed, it would be hundreds of hidden items to keep up to date.
                let open = RwSignal::new(false);
                let lowers = Memo::new(move |_| if open.get() { plan.with(|p| shown_pairs(p, control)) } else { Vec::new() });
                let lowers_view = move || lowers.get().into_iter().map(|(device, scenario, cur, proj)| {
                    let scn = catalog.scenario(scenario).map(|s| s.title.clone()).unwrap_or_default();
                    view! { <li>{device_name(&device)}": "{scn}" "<LevelBadge level=cur />" → "<LevelBadge level=proj /></li> }
                }).collect_view();
                let more = move || row.with(|r| r.lowers).saturating_sub(8);
                view! {
                    <li class="plan-entry card">
                        <h3>{move || format!("{}. {title}", heading())}</h3>
                        <p class="muted">{format!("{w} · Effort: {effort}")}</p>
                        <p class="effect">{effect}</p>
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
        <Show when=many>
            <button type="button" class="show-all" aria-expanded=move || show_all.get().to_string() on:click=move |_| show_all.update(|s| *s = !*s)>
                {move || if show_all.get() { format!("Show the first {FIRST} only") } else { format!("Show all {} steps", plan.with(Vec::len)) }}
            </button>
        </Show>
        </AfterFirstFrame>
        // What the last action did, always in view: the change "Plan it"
        // would make, or what "Mark as done" did with its Undo.
        <div class="plan-bar" role="status">
            {move || match last_done.get() {
                Some((d, title)) => {
                    let whose = d.answers.iter().map(|(t, _, _)| match t {
                        crate::assess::AnswerTarget::Household => "your home".to_string(),
                        crate::assess::AnswerTarget::Device(id) => device_name(id),
                    }).collect::<Vec<_>>().join(", ");
                    view! {
                        <span>{format!("Done: “{title}”. Your answer is now “yes” for {whose}.")}</span>
                        " "
                        <button type="button" class="undo" on:click=undo>"Undo"</button>
                    }.into_any()
                }
                None => view! { <span>{projection}</span> }.into_any(),
            }}
        </div>
        <section aria-labelledby="whatif-title">
            <h2 id="whatif-title">"Now and with your plan"</h2>
            <div class="heat-maps">
                <HeatMap id="plan-now" title="Now" counts=residual selected=sel_now />
                <HeatMap id="plan-projected" title="With your plan" counts=projected selected=sel_plan />
            </div>
        </section>
        <Show when=move || done_steps.with(|d| !d.is_empty())>
            <section class="card done-steps" aria-labelledby="done-title">
                <h2 id="done-title">"Done"</h2>
                <ul>
                    {move || done_steps.get().into_iter().map(|d| view! {
                        <li>
                            <span class="done-title">"✓ "{d.title}</span>
                            <span class="muted">" Change the answer: "</span>
                            {d.answers.into_iter().map(|(who, path)| view! { <A href=href(&path) attr:class="change-answer">{who}</A>" " }).collect_view()}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <Show when=move || reminders.with(|r| !r.is_empty())>
            <section class="card reminders" aria-labelledby="reminders-title">
                <h2 id="reminders-title">"Reminders"</h2>
                <ul>{move || reminders.get().into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </section>
        </Show>
        <div class="actions">
            <A href=href("/report") attr:class="button">"Printable report"</A>
            <A href=href("/data") attr:class="button">"Export (JSON, CSV)"</A>
        </div>
    }
}

/// How many steps show before "Show all".
const FIRST: usize = 5;

/// What one plan row shows that can change, taken from the plan without
/// cloning its full list of lowered pairs (hundreds at 50 devices).
#[derive(Debug, Clone, Default, PartialEq)]
struct Row {
    rank: usize,
    /// How many pairs it lowers, and what it changes in words.
    lowers: usize,
    effect: String,
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
            effect: e.effect(catalog),
            planned: e.planned,
            why: e
                .reason()
                .and_then(|l| e.why(catalog, &device_name(&l.device))),
        })
    }
}

/// The first eight pairs a control lowers: (device id, scenario, current
/// level, projected level).
fn shown_pairs(plan: &[PlanEntry<'static>], control: &str) -> Vec<(String, &'static str, u8, u8)> {
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
