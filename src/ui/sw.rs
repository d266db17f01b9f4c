//! The service worker: registration, noticing a new release, and switching to it.
//!
//! `sw.js` is generated at build time by scripts/pwa.mjs: one cache per
//! release holding every file of the build. A new release installs in the
//! background and then waits; [`register`] tells the page when one is
//! waiting, [`apply_update`] lets it take over. Every tab that ran the old
//! release reloads on the switch, so none is left half old, half new.
//! Debug builds (trunk serve) register nothing, so a cached release never
//! hides a fresh dev build.

use super::base::href;
use leptos::prelude::window;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The message sw.js answers by activating at once.
const SKIP_WAITING: &str = "SKIP_WAITING";

/// `navigator.serviceWorker`, absent outside secure contexts (plain http
/// other than localhost), where calling it would throw.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut() + 'static) {
    let f = Closure::<dyn FnMut()>::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    // Listeners live as long as the page.
    f.forget();
}

/// Registers `sw.js` under the hosting base and calls `on_update_ready` when
/// a new release is installed and waiting for this page to let it in.
pub fn register(on_update_ready: impl Fn() + 'static) {
    catch_install_offer();
    if cfg!(debug_assertions) {
        return;
    }
    let Some(sw) = container() else { return };
    // Only a page running under a worker switches releases; on the very first
    // install the page is not controlled and nothing needs reloading.
    if sw.controller().is_some() {
        let reloading = Cell::new(false);
        listen(&sw, "controllerchange", move || {
            if !reloading.replace(true) {
                let _ = window().location().reload();
            }
        });
    }
    let notify: Rc<dyn Fn()> = Rc::new(on_update_ready);
    spawn_local(async move {
        let Ok(reg) = JsFuture::from(sw.register(&href("/sw.js"))).await else {
            return;
        };
        // Some browsers (and automation that blocks workers) resolve with nothing.
        if !reg.is_object() {
            return;
        }
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        watch(&sw, &reg, notify);
        check_for_update(&reg).await;
        // A tab left open for days looks again whenever it comes back into view.
        let document = leptos::prelude::document();
        listen(&document.clone(), "visibilitychange", move || {
            if document.visibility_state() == web_sys::VisibilityState::Visible {
                let reg = reg.clone();
                spawn_local(async move { check_for_update(&reg).await });
            }
        });
    });
}

/// Keeps the browser's install offer (Chromium's `beforeinstallprompt`,
/// usually fired once, early) for the "Install ThingRisk" button on Your
/// data (crate::ui::keep). The browser's own install hint is left alone.
fn catch_install_offer() {
    let keep = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        let _ = js_sys::Reflect::set(&window(), &super::keep::INSTALL_OFFER.into(), &e);
    });
    let _ = window()
        .add_event_listener_with_callback("beforeinstallprompt", keep.as_ref().unchecked_ref());
    keep.forget();
}

/// Asks the browser to fetch sw.js again; offline this simply fails.
async fn check_for_update(reg: &ServiceWorkerRegistration) {
    if let Ok(p) = reg.update() {
        let _ = JsFuture::from(p).await;
    }
}

/// Calls `notify` for a worker already waiting, and for each one that
/// finishes installing later, as long as an older worker runs this page.
fn watch(sw: &ServiceWorkerContainer, reg: &ServiceWorkerRegistration, notify: Rc<dyn Fn()>) {
    if reg.waiting().is_some() && sw.controller().is_some() {
        notify();
    }
    let on_installing = {
        let sw = sw.clone();
        move |worker: ServiceWorker| {
            let (sw, notify, w) = (sw.clone(), notify.clone(), worker.clone());
            listen(&worker, "statechange", move || {
                if w.state() == ServiceWorkerState::Installed && sw.controller().is_some() {
                    notify();
                }
            });
        }
    };
    if let Some(worker) = reg.installing() {
        on_installing(worker);
    }
    let r = reg.clone();
    listen(reg, "updatefound", move || {
        if let Some(worker) = r.installing() {
            on_installing(worker);
        }
    });
}

/// Lets the waiting release take over; the `controllerchange` listener set
/// up by [`register`] then reloads every tab. Without a waiting worker (it
/// was let in from another tab meanwhile) a plain reload does.
pub fn apply_update() {
    let Some(sw) = container() else {
        let _ = window().location().reload();
        return;
    };
    spawn_local(async move {
        let waiting = JsFuture::from(sw.get_registration())
            .await
            .ok()
            .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|r| r.waiting());
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &SKIP_WAITING.into());
        match waiting {
            Some(worker) if worker.post_message(&message).is_ok() => {}
            _ => {
                let _ = window().location().reload();
            }
        }
    });
}
