//! On Your data: whether this browser will keep the data, and if it may
//! clear it, what to do (home screen on iPhone and iPad, installing, a
//! backup file). The answer comes from crate::ui::keep.

use crate::ui::backup;
use crate::ui::keep;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StorageStatus() -> impl IntoView {
    let app = use_app();
    // None while the browser is asked.
    let kept = RwSignal::new(None::<bool>);
    let refused = RwSignal::new(false);
    let offer = RwSignal::new(keep::install_offer().is_some());
    leptos::task::spawn_local(async move {
        let p = keep::persisted().await;
        kept.try_set(Some(keep::kept(p)));
    });
    let ios = keep::is_ios() && !keep::is_standalone();
    // Sample homes are not backed up by default: only own homes count.
    let has_data = move || {
        app.state
            .with(|s| crate::store::export::own_households(s).next().is_some())
    };
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            let yes = keep::request().await;
            kept.try_set(Some(keep::kept(yes)));
            refused.try_set(!yes);
        });
    };
    let install = move |_| {
        leptos::task::spawn_local(async move {
            keep::install().await;
            offer.try_set(keep::install_offer().is_some());
            let p = keep::persisted().await;
            kept.try_set(Some(keep::kept(p)));
        });
    };
    view! {
        <section class="card storage-status" aria-labelledby="storage-status-title">
            <h2 id="storage-status-title">"Where your data is kept"</h2>
            {move || match kept.get() {
                None => view! { <p>"Checking this browser…"</p> }.into_any(),
                Some(true) => view! {
                    <p class="ok" role="status">"This browser will keep your data until you delete it."</p>
                    <p>"A backup file is still worth keeping, for a new device or a broken one."</p>
                }.into_any(),
                Some(false) => view! {
                    <p role="status"><strong>"This browser may clear your data if you don't visit for a while."</strong></p>
                    <p>"Browsers tidy away what sites keep when they have not been visited for some time, or when the device runs short of space. A backup file keeps your home safe whatever happens."</p>
                    {ios.then(|| view! {
                        <div class="home-screen">
                            <h3>"On an iPhone or iPad: add ThingRisk to your Home Screen"</h3>
                            <p>"Safari deletes a site's data after seven days of use without a visit, unless the site is on the Home Screen."</p>
                            <ol>
                                <li>"Save a backup file first (the Home Screen app starts empty)."</li>
                                <li>"Tap the Share button (a square with an arrow pointing up)."</li>
                                <li>"Tap “Add to Home Screen”, then “Add”."</li>
                                <li>"Open ThingRisk from its new icon, go to “Your data” and import the backup file."</li>
                            </ol>
                        </div>
                    })}
                    <div class="actions">
                        <button type="button" class="primary" disabled=move || !has_data() on:click=move |_| backup::save_file(app)>"Save a backup file"</button>
                        {move || offer.get().then(|| view! {
                            <button type="button" on:click=install>"Install ThingRisk"</button>
                        })}
                        {(!ios).then(|| view! {
                            <button type="button" disabled=move || !has_data() on:click=ask>"Ask this browser to keep my data"</button>
                        })}
                    </div>
                    {move || refused.get().then(|| view! {
                        <p role="status">"The browser did not agree this time. Browsers keep the data of sites you install or use often; a backup file keeps it safe in any case."</p>
                    })}
                }.into_any(),
            }}
        </section>
    }
}
