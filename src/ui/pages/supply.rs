use crate::catalog::supply::supply_groups;
use crate::store::supply::supply_csv;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::ProgressBar;
use crate::ui::download::download;
use crate::ui::persist;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// "I make or sell connected devices": the developer and provider controls
/// as a checklist grouped by ETSI EN 303 645 provision group.
#[component]
pub fn SupplyPage() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let groups = supply_groups(catalog);
    let total = groups.iter().map(|g| g.controls.len()).sum::<usize>();
    let done = RwSignal::new(persist::load_supply());
    let toggle = move |id: String, on: bool| {
        done.update(|d| {
            d.retain(|x| x != &id);
            if on {
                d.push(id);
            }
        });
        persist::save_supply(&done.get_untracked());
    };
    let export_groups = groups.clone();
    let export = move |_| {
        let text = supply_csv(&export_groups, &done.get_untracked());
        download("thingrisk-supply-checklist.csv", "text/csv", &text);
    };
    let sections = groups.iter().map(|g| {
        let ids: Vec<String> = g.controls.iter().map(|c| c.id.clone()).collect();
        let n = ids.len();
        let checked = Signal::derive(move || done.with(|d| ids.iter().filter(|i| d.contains(i)).count()));
        let items = g.controls.iter().copied().map(|c| {
            let id = c.id.clone();
            let id2 = id.clone();
            let input_id = format!("sup-{}", c.id.replace('.', "-"));
            let who = if c.stakeholder == crate::catalog::Stakeholder::Developer { "Device maker" } else { "Service provider" };
            view! {
                <li class="check">
                    <input type="checkbox" id=input_id.clone() prop:checked=move || done.with(|d| d.contains(&id))
                        on:change=move |ev| toggle(id2.clone(), event_target_checked(&ev)) />
                    <label for=input_id>
                        <strong>{c.title.clone()}</strong>
                        <span class="muted">{format!(" ({who}; {})", c.refs.etsi_en_303_645.join(", "))}</span>
                        <br /><span class="summary">{c.summary.clone()}</span>
                    </label>
                    " "<A href=href(&format!("/catalog/{}", c.id))>"Details"<span class="visually-hidden">{format!(" about {}", c.title)}</span></A>
                </li>
            }
        }).collect_view();
        view! {
            <section class="card supply-group">
                <h2>{format!("{} {}", if g.group == "other" { String::new() } else { format!("ETSI EN 303 645 {}:", g.group) }, g.title)}</h2>
                <ProgressBar label="In place:" done=checked total=Signal::derive(move || n) />
                <ul class="checklist">{items}</ul>
            </section>
        }
    }).collect_view();
    view! {
        <h1>"For makers and sellers of connected devices"</h1>
        <p class="lead">"Households can only do so much: many risks are treated best by the people who design, sell and run connected products. This checklist gathers the practices the catalog expects of device makers and service providers, grouped by the ETSI EN 303 645 provisions they relate to. Your ticks stay in this browser."</p>
        <ProgressBar label="Practices in place:" done=Signal::derive(move || done.with(Vec::len)) total=Signal::derive(move || total) />
        <div class="actions"><button type="button" on:click=export>"Export the checklist (CSV)"</button></div>
        {sections}
    }
}
