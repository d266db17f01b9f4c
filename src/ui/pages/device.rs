use super::{NoDevice, category_label};
use crate::assess::{Acquired, Date};
use crate::plural::plural;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::heat_map::{Cell, counts};
use crate::ui::components::{HeatMap, Icon, RiskList};
use crate::ui::state::use_app;
use leptos::prelude::*;

/// One device: its facts (room, lifecycle, capabilities), its heat map and
/// its risks.
#[component]
pub fn DevicePage(
    /// The device's id, from the address.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let id = Signal::stored(id);
    // Rebuild the page only when another device is shown, not on every edit.
    let device =
        Memo::new(move |_| app.with_device(&id.get(), |d| (d.id.clone(), d.category.clone())));
    let field = move |f: fn(&crate::assess::Device) -> String| {
        move || app.with_device(&id.get(), f).unwrap_or_default()
    };
    let second = move || {
        app.with_device(&id.get(), |d| d.lifecycle.acquired == Acquired::SecondHand)
            .unwrap_or(false)
    };
    let edit = move |f: Box<dyn FnOnce(&mut crate::assess::Device)>| {
        let id = id.get_untracked();
        app.update_household(move |h| {
            if let Some(d) = h.device_mut(&id) {
                f(d)
            }
        });
    };
    let date_error = RwSignal::new(None::<String>);
    let set_date = move |which: &'static str, value: String| {
        let parsed = if value.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse(&value).map(Some).ok_or(())
        };
        match parsed {
            Ok(d) => {
                date_error.set(None);
                edit(Box::new(move |dev| match which {
                    "purchased" => dev.lifecycle.purchased = d,
                    "support" => dev.lifecycle.support_end = d,
                    _ => dev.lifecycle.updates_checked = d,
                }));
            }
            Err(()) => date_error.set(Some(format!(
                "“{value}” is not a date: use the date picker or YYYY-MM-DD."
            ))),
        }
    };
    let sel = RwSignal::new(None::<Cell>);
    // The device's residual map, built once per assessment: the counts and
    // the selected cell's pairs both read it.
    let map = Memo::new(move |_| {
        app.with_assessment(|a| {
            a.devices
                .iter()
                .position(|d| d.id == id.get())
                .map(|k| a.device_heat_maps(k).residual)
                .unwrap_or_default()
        })
    });
    let residual = Signal::derive(move || map.with(counts));
    let cell_pairs = Signal::derive(move || match sel.get() {
        Some((l, i)) => map.with(|m| m.cell(l, i).to_vec()),
        None => Vec::new(),
    });
    let top = Signal::derive(move || {
        let id = id.get();
        app.with_assessment(|a| {
            let k = a.devices.iter().position(|d| d.id == id);
            let mut top = k.map(|k| a.device_top_risks(k)).unwrap_or_default();
            top.truncate(5);
            top
        })
    });
    let name = field(|d| d.name.clone());
    let today = app.today;

    view! {
        {move || match device.get() {
            None => view! { <NoDevice /> }.into_any(),
            Some((dev_id, category)) => {
                let cat = catalog.device_category(&category);
                let cat_name = category_label(catalog, &category);
                view! {
                    <h1 class="with-icon">{cat.map(|c| view! { <Icon name=c.icon.as_str() /> })}<span>{name}</span></h1>
                    <p class="muted">{cat_name}</p>
                    <div class="actions">
                        <A href=href(&format!("/devices/{dev_id}/questions")) attr:class="button primary">"Answer questions"</A>
                        <A href=href("/devices") attr:class="button">"All devices"</A>
                    </div>
                    <form class="card facts" on:submit=|e| e.prevent_default()>
                        <h2>"About this device"</h2>
                        <div class="field-row">
                            <div class="field">
                                <label for="dev-name">"Name"</label>
                                <input id="dev-name" type="text" maxlength="200" prop:value=name
                                    on:change=move |ev| { let v = event_target_value(&ev); if !v.trim().is_empty() { edit(Box::new(move |d| d.name = v.trim().to_string())) } } />
                            </div>
                            <div class="field">
                                <label for="dev-room">"Room"</label>
                                <input id="dev-room" type="text" maxlength="100" prop:value=field(|d| d.room.clone())
                                    on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| d.room = v.trim().to_string())) } />
                            </div>
                        </div>
                        <fieldset>
                            <legend>"How did it come into your home?"</legend>
                            <label class="inline"><input type="radio" name="acquired" prop:checked=move || !second()
                                on:change=move |_| edit(Box::new(|d| d.lifecycle.acquired = Acquired::New)) />" Bought new"</label>
                            <label class="inline"><input type="radio" name="acquired" prop:checked=second
                                on:change=move |_| edit(Box::new(|d| d.lifecycle.acquired = Acquired::SecondHand)) />" Second-hand, inherited or came with the home"</label>
                        </fieldset>
                        <div class="field-row">
                            <div class="field">
                                <label for="dev-bought">"Bought on"</label>
                                <input id="dev-bought" type="date" prop:value=field(|d| d.lifecycle.purchased.map(|x| x.to_string()).unwrap_or_default()) on:change=move |ev| set_date("purchased", event_target_value(&ev)) />
                            </div>
                            <div class="field">
                                <label for="dev-support">"Security updates end (if the maker says)"</label>
                                <input id="dev-support" type="date" prop:value=field(|d| d.lifecycle.support_end.map(|x| x.to_string()).unwrap_or_default()) on:change=move |ev| set_date("support", event_target_value(&ev)) />
                            </div>
                            <div class="field">
                                <label for="dev-checked">"Updates last checked"</label>
                                <input id="dev-checked" type="date" prop:value=field(|d| d.lifecycle.updates_checked.map(|x| x.to_string()).unwrap_or_default()) on:change=move |ev| set_date("checked", event_target_value(&ev)) />
                                <button type="button" on:click=move |_| edit(Box::new(move |d| d.lifecycle.updates_checked = Some(today)))>"I checked today"</button>
                            </div>
                        </div>
                        {move || date_error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                    </form>
                    <h2>"This device's risks"</h2>
                    <div class="heat-maps single">
                        <HeatMap id="device-residual" title="Residual risk of this device" counts=residual selected=sel />
                    </div>
                    <section aria-live="polite">
                        <Show when=move || sel.get().is_some()>
                            <h3>{move || format!("{} in the selected cell", plural(cell_pairs.get().len(), "risk", "risks"))}</h3>
                            <RiskList pairs=cell_pairs />
                        </Show>
                    </section>
                    <h3>"Top risks of this device"</h3>
                    <RiskList pairs=top />
                }.into_any()
            }
        }}
    }
}
