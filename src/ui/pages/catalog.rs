use crate::catalog::search::{CatalogFilter, Framework};
use crate::catalog::{Dimension, References};
use crate::plural::plural;
use crate::ui::base::href;
use crate::ui::components::A;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The catalog browser: every scenario and control, searchable and filterable.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let text = RwSignal::new(String::new());
    let category = RwSignal::new(None::<String>);
    let dimension = RwSignal::new(None::<Dimension>);
    let framework = RwSignal::new(None::<Framework>);
    let filter = Memo::new(move |_| CatalogFilter {
        text: text.get(),
        category: category.get(),
        dimension: dimension.get(),
        framework: framework.get(),
    });
    let scenarios = move || filter.with(|f| f.scenarios(catalog));
    let controls = move || filter.with(|f| f.controls(catalog));
    view! {
        <h1>"Risk catalog"</h1>
        <p class="lead">{format!("Every risk scenario and control ThingRisk assesses against (catalog version {}), with the standards each maps to.", catalog.version)}</p>
        <div class="filters card" role="search">
            <div class="field">
                <label for="cat-text">"Search"</label>
                <input id="cat-text" type="search" placeholder="e.g. password, camera, 5.3-13" on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="cat-device">"Device type"</label>
                    <select id="cat-device" on:change=move |ev| { let v = event_target_value(&ev); category.set((!v.is_empty()).then_some(v)); }>
                        <option value="">"Any"</option>
                        {catalog.device_categories.iter().map(|c| view! { <option value=c.id.clone()>{c.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="cat-dim">"High impact on"</label>
                    <select id="cat-dim" on:change=move |ev| { let v = event_target_value(&ev); dimension.set(Dimension::ALL.into_iter().find(|d| d.name() == v)); }>
                        <option value="">"Any"</option>
                        {Dimension::ALL.map(|d| view! { <option value=d.name()>{d.name()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="cat-fw">"Framework"</label>
                    <select id="cat-fw" on:change=move |ev| framework.set(Framework::from_key(&event_target_value(&ev)))>
                        <option value="">"Any"</option>
                        {Framework::ALL.map(|f| view! { <option value=f.key()>{f.name()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
        </div>
        <p role="status">{move || format!("{}, {}", plural(scenarios().len(), "scenario", "scenarios"), plural(controls().len(), "control", "controls"))}</p>
        <h2>"Risk scenarios"</h2>
        <ul class="catalog-list">
            {move || scenarios().into_iter().map(|s| view! {
                <li><A href=href(&format!("/catalog/{}", s.id))>{s.title.clone()}</A><span class="muted">" — "{s.consequence.clone()}</span></li>
            }).collect_view()}
        </ul>
        <h2>"Controls"</h2>
        <ul class="catalog-list">
            {move || controls().into_iter().map(|c| view! {
                <li><A href=href(&format!("/catalog/{}", c.id))>{c.title.clone()}</A><span class="muted">" — "{c.summary.clone()}</span></li>
            }).collect_view()}
        </ul>
    }
}

fn kind_label(k: crate::catalog::SourceKind) -> &'static str {
    use crate::catalog::SourceKind::*;
    match k {
        Adversarial => "someone acting on purpose",
        Accidental => "an accident or mistake",
        Structural => "how the product or service is built",
        Environmental => "the surroundings",
    }
}

fn control_kind(k: crate::catalog::ControlKind) -> &'static str {
    use crate::catalog::ControlKind::*;
    match k {
        Preventive => "Preventive",
        Detective => "Detective",
        Corrective => "Corrective",
    }
}

fn stakeholder(s: crate::catalog::Stakeholder) -> &'static str {
    use crate::catalog::Stakeholder::*;
    match s {
        User => "you, the user",
        Provider => "the service provider",
        Developer => "the device maker",
    }
}

fn when(w: crate::catalog::When) -> &'static str {
    use crate::catalog::When::*;
    match w {
        Now => "can be done now",
        AtPurchase => "when buying",
        VendorOnly => "only the vendor can",
    }
}

fn refs_view(refs: &References) -> impl IntoView + use<> {
    let app = use_app();
    let fw = &app.catalog().frameworks;
    let title = |list: &[crate::catalog::FrameworkId], id: &str| {
        list.iter()
            .find(|f| f.id == id)
            .map(|f| f.title.clone())
            .unwrap_or_default()
    };
    let mut rows = Vec::new();
    for f in Framework::ALL {
        let ids = f.ids(refs);
        if ids.is_empty() {
            continue;
        }
        let list = f.known(fw);
        let items: Vec<String> = ids
            .iter()
            .map(|id| format!("{id} ({})", title(list, id)))
            .collect();
        rows.push(view! { <tr><th scope="row">{f.name()}</th><td>{items.join("; ")}</td></tr> });
    }
    (!rows.is_empty()).then(|| {
        view! {
            <table class="refs"><caption>"References"</caption><tbody>{rows}</tbody></table>
        }
    })
}

/// One catalog entry by id (a deep link: /catalog/scn.… or /catalog/ctl.…).
#[component]
pub fn CatalogEntry(
    /// The scenario's or control's id, from the address.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let catalog = app.catalog();
    let level = |v: u8| {
        catalog
            .scales
            .impact
            .get(usize::from(v.max(1)) - 1)
            .map(|l| l.name.clone())
            .unwrap_or_default()
    };
    view! {
        <p><A href=href("/catalog")>"← All of the catalog"</A></p>
        {move || {
            if let Some(s) = catalog.scenario(&id) {
                let sources = s.sources.iter().filter_map(|x| catalog.risk_sources.iter().find(|r| &r.id == x)).map(|r| view! {
                    <li>{format!("{} ({}; ISO/IEC 27400 {})", r.name, kind_label(r.kind), r.iso_27400)}</li>
                }).collect_view();
                let conds = s.conditions.iter().filter_map(|e| catalog.condition(&e.condition).map(|c| (c, e))).map(|(c, e)| {
                    let mut parts = Vec::new();
                    if e.likelihood != 0.0 { parts.push(format!("{} likelihood", crate::decimal::signed_short(e.likelihood, 2))); }
                    if e.impact != 0.0 { parts.push(format!("{} impact{}", crate::decimal::signed_short(e.impact, 2), e.dimension.map(|d| format!(" ({})", d.name())).unwrap_or_default())); }
                    view! { <li>{format!("{}: {}", c.name, parts.join(", "))}</li> }
                }).collect_view();
                let treats = s.treatments.iter().filter_map(|t| catalog.control(&t.control).map(|c| (c, t))).map(|(c, t)| view! {
                    <li><A href=href(&format!("/catalog/{}", c.id))>{c.title.clone()}</A>{format!(" — lowers {} (strength {}%)", if t.axis == crate::catalog::Axis::Likelihood { "likelihood" } else { "impact" }, crate::decimal::fixed(t.strength * 100.0, 0))}</li>
                }).collect_view();
                view! {
                    <article class="entry">
                        <h1>{s.title.clone()}</h1>
                        <p class="muted">{format!("Risk scenario · {}", s.id)}</p>
                        <p><strong>"What happens: "</strong>{s.event.clone()}</p>
                        <p><strong>"What it means: "</strong>{s.consequence.clone()}</p>
                        {(!s.story.is_empty()).then(|| view! { <blockquote>{s.story.clone()}</blockquote> })}
                        <h2>"How likely and how bad"</h2>
                        <p>{format!("Base likelihood: {}. Impact: information {}, privacy {}, safety {}, property {}.", level(s.likelihood), level(s.impact.information), level(s.impact.privacy), level(s.impact.safety), level(s.impact.property))}</p>
                        <h2>"Risk sources"</h2><ul>{sources}</ul>
                        <h2>"What makes it more or less likely"</h2><ul>{conds}</ul>
                        <h2>"Controls that treat it"</h2><ul>{treats}</ul>
                        {refs_view(&s.refs)}
                    </article>
                }.into_any()
            } else if let Some(c) = catalog.control(&id) {
                let treats = catalog.treated_by(&c.id).into_iter().map(|(s, _)| view! {
                    <li><A href=href(&format!("/catalog/{}", s.id))>{s.title.clone()}</A></li>
                }).collect_view();
                let question = catalog.questions.iter().find(|q| q.control.as_deref() == Some(c.id.as_str())).map(|q| q.text.clone());
                let effort = catalog.scales.effort.get(usize::from(c.effort.max(1)) - 1).map(|l| l.name.clone()).unwrap_or_default();
                view! {
                    <article class="entry">
                        <h1>{c.title.clone()}</h1>
                        <p class="muted">{format!("{} control · by {} · {} · effort: {effort} · {}", control_kind(c.kind), stakeholder(c.stakeholder), when(c.when), c.id)}</p>
                        <p>{c.summary.clone()}</p>
                        {question.map(|q| view! { <p><strong>"We ask: "</strong>{q}</p> })}
                        {(!c.steps.is_empty()).then(|| view! { <h2>"How to do it"</h2><ol>{c.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol> })}
                        <h2>"Risks it treats"</h2><ul>{treats}</ul>
                        {refs_view(&c.refs)}
                    </article>
                }.into_any()
            } else {
                view! {
                    <section class="card">
                        <h1>"Not in the catalog"</h1>
                        <p>{format!("There is no scenario or control with the id “{id}”. It may have been renamed in a newer catalog.")}</p>
                    </section>
                }.into_any()
            }
        }}
    }
}
