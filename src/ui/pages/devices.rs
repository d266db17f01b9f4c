use super::{WithHousehold, category_label};
use crate::assess::worst_residual;
use crate::catalog::DeviceCategory;
use crate::plural::plural;
use crate::store::validate::MAX_DEVICES;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::components::{Icon, LevelBadge};
use crate::ui::state::{Removed, use_app};
use leptos::prelude::*;

/// The device inventory: add, list, remove (with undo).
#[component]
pub fn DevicesPage() -> impl IntoView {
    view! {
        <WithHousehold>
            <Inventory />
        </WithHousehold>
    }
}

#[component]
fn Inventory() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let name = move || app.active().map(|(_, n)| n).unwrap_or_default();
    let rename = move |ev| {
        let v = event_target_value(&ev);
        let v = v.trim();
        if !v.is_empty() {
            app.update_household(|h| h.name = v.chars().take(200).collect());
        }
    };
    let devices = move || {
        app.with_household(|h| {
            h.devices
                .iter()
                .map(|d| {
                    (
                        d.id.clone(),
                        d.name.clone(),
                        d.category.clone(),
                        d.room.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let summary = move |id: &str| {
        app.with_assessment(|a| {
            a.devices.iter().find(|d| d.id == id).map(|d| {
                (
                    d.progress.answered,
                    d.progress.total,
                    worst_residual(&a.pairs, &d.pairs),
                )
            })
        })
    };
    let remove = move |id: String| {
        let household = app.active().map(|(h, _)| h).unwrap_or_default();
        let mut removed = None;
        app.update_household(|h| removed = h.remove_device(&id));
        if let Some((index, device)) = removed {
            app.removed.set(Some(Removed {
                household,
                index,
                device,
            }));
        }
    };
    let undo = move |_| {
        if let Some(r) = app.removed.get_untracked() {
            app.update(|s| {
                if let Some(h) = s.households.iter_mut().find(|h| h.id == r.household) {
                    h.restore_device(r.index, r.device);
                }
            });
            app.removed.set(None);
        }
    };
    view! {
        <h1>"Your devices"</h1>
        <div class="field">
            <label for="home-name">"Name of this home"</label>
            <input id="home-name" type="text" maxlength="200" prop:value=name on:change=rename />
        </div>
        {move || app.removed.get().map(|r| view! {
            <div class="notice info" role="status">
                <p>{format!("Removed “{}”.", r.device.name)}</p>
                <button type="button" on:click=undo>"Undo"</button>
            </div>
        })}
        <AddDevice />
        <h2>"In this home"</h2>
        <Show when=move || !devices().is_empty() fallback=|| view! { <p>"No devices yet: add the first one above."</p> }>
            <ul class="device-list">
                <For each=devices key=|d| d.0.clone() children=move |(id, dname, category, room)| {
                    let cat = catalog.device_category(&category);
                    let icon = cat.map_or(crate::catalog::icons::UNKNOWN, |c| c.icon.as_str());
                    let cat_name = category_label(catalog, &category);
                    let id3 = id.clone();
                    let sum = Signal::derive({ let id = id.clone(); move || summary(&id) });
                    let label = format!("Remove {dname}");
                    view! {
                        <li class="device card">
                            <span class="device-icon"><Icon name=icon /></span>
                            <div class="device-body">
                                <h3><A href=href(&format!("/devices/{id}"))>{dname.clone()}</A></h3>
                                <p class="muted">{cat_name}{(!room.is_empty()).then(|| format!(" · {room}"))}</p>
                                <p>
                                    {move || sum.get().map(|(a, t, _)| format!("{a} of {} answered", plural(t, "question", "questions")))}
                                    " "
                                    {move || sum.get().and_then(|(_, _, w)| w).map(|w| view! { <LevelBadge level=w prefix="Worst risk now: " /> })}
                                </p>
                            </div>
                            <div class="actions">
                                <A href=href(&format!("/devices/{id}/questions")) attr:class="button">"Answer every question"</A>
                                <button type="button" class="danger" aria-label=label on:click=move |_| remove(id3.clone())>"Remove"</button>
                            </div>
                        </li>
                    }
                } />
            </ul>
            <section class="quick-start card" aria-labelledby="quick-start-title">
                <h2 id="quick-start-title">"Next: the questions that matter most"</h2>
                <p>"The quick check asks only what could change your results, most important first. You can answer every question later."</p>
                <div class="actions">
                    <A href=href("/quick") attr:class="button primary">"Quick check (about 10 minutes)"</A>
                    <A href=href("/results") attr:class="button">"See results"</A>
                </div>
                <p class="muted">"Or answer every question: per device above, or for "
                    <A href=href("/home-questions")>"your home network and accounts"</A> "."</p>
            </section>
        </Show>
    }
}

/// Pick a category (searchable), name the device, choose a room, add.
#[component]
fn AddDevice() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let search = RwSignal::new(String::new());
    let chosen = RwSignal::new(None::<&'static DeviceCategory>);
    let name = RwSignal::new(String::new());
    let room = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let matches = move || {
        let q = search.get().to_lowercase();
        catalog
            .device_categories
            .iter()
            .filter(|c| {
                q.is_empty()
                    || c.name.to_lowercase().contains(&q)
                    || c.description.to_lowercase().contains(&q)
                    || c.examples.iter().any(|e| e.to_lowercase().contains(&q))
            })
            .collect::<Vec<_>>()
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(cat) = chosen.get_untracked() else {
            error.set(Some("Pick a device type first.".into()));
            return;
        };
        let count = app
            .state
            .with_untracked(|s| s.active_household().map_or(0, |h| h.devices.len()));
        if count >= MAX_DEVICES {
            // The saved format's limit: a fuller home could not be read back.
            error.set(Some(format!(
                "This home has {MAX_DEVICES} devices, the most ThingRisk keeps for one home. \
                 Remove one you no longer have first."
            )));
            return;
        }
        let (n, r) = (name.get_untracked(), room.get_untracked());
        app.update_household(|h| {
            h.add_device(&cat.id, &n, &r, &cat.name);
        });
        // The first device makes the data worth keeping: ask the browser to.
        crate::ui::keep::request_once();
        error.set(None);
        name.set(String::new());
        chosen.set(None);
        search.set(String::new());
    };
    let rooms = [
        "Living room",
        "Kitchen",
        "Bedroom",
        "Child's room",
        "Hall",
        "Office",
        "Garden",
        "Garage",
    ];
    view! {
        <form class="add-device card" on:submit=add>
            <h2>"Add a device"</h2>
            <div class="field">
                <label for="cat-search">"Find a device type"</label>
                <input id="cat-search" type="search" placeholder="e.g. camera, speaker, plug" prop:value=search
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </div>
            <fieldset class="categories">
                <legend>"Device type"</legend>
                <div class="category-grid">
                    <For each=matches key=|c| c.id.clone() children=move |c: &'static DeviceCategory| {
                        let pressed = move || chosen.get().is_some_and(|x| x.id == c.id);
                        view! {
                            <button type="button" class="category" aria-pressed=move || pressed().to_string()
                                on:click=move |_| { chosen.set(Some(c)); error.set(None); }>
                                <span class="category-icon"><Icon name=c.icon.as_str() /></span>
                                <span>{c.name.clone()}</span>
                            </button>
                        }
                    } />
                </div>
                <Show when=move || matches().is_empty()>
                    <p>"No device type matches. Try another word, such as “camera” or “plug”."</p>
                </Show>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for="device-name">"Name"</label>
                    <input id="device-name" type="text" maxlength="200" placeholder="e.g. Kitchen speaker" prop:value=name
                        on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="device-room">"Room"</label>
                    <input id="device-room" type="text" list="room-list" maxlength="100" prop:value=room
                        on:input=move |ev| room.set(event_target_value(&ev)) />
                    <datalist id="room-list">{rooms.map(|r| view! { <option value=r></option> }).collect_view()}</datalist>
                </div>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <button type="submit" class="primary">
                {move || match chosen.get() { Some(c) => format!("Add {}", c.name.to_lowercase()), None => "Add device".to_string() }}
            </button>
        </form>
    }
}
