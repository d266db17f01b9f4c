//! Whether this browser keeps ThingRisk's data: persistent storage
//! (`navigator.storage.persist()`), iPhone/iPad home-screen use, and the
//! browser's install offer. Everything goes through `Reflect`, so a browser
//! lacking an API is simply treated as one that may clear the data.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Set once persistent storage has been asked for in this browser (asked
/// once, after the first device: it is what makes the data worth keeping).
pub const ASKED_KEY: &str = "thingrisk.persist-asked";

/// Where the install offer is kept when the browser makes one (see
/// `crate::ui::sw::catch_install_offer`, which runs at start-up).
pub const INSTALL_OFFER: &str = "thingriskInstallOffer";

fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `target.name()` when it is a function returning a promise, and waits.
async fn call(target: &JsValue, name: &str) -> Option<JsValue> {
    let f = get(target, name).dyn_into::<Function>().ok()?;
    let p = f.call0(target).ok()?.dyn_into::<Promise>().ok()?;
    JsFuture::from(p).await.ok()
}

fn storage_manager() -> JsValue {
    web_sys::window().map_or(JsValue::UNDEFINED, |w| get(&w.navigator(), "storage"))
}

/// Whether the browser holds this site's storage as persistent; false where
/// it cannot say.
pub async fn persisted() -> bool {
    call(&storage_manager(), "persisted")
        .await
        .is_some_and(|v| v.as_bool() == Some(true))
}

/// Asks for persistent storage; the browser's answer (false where it cannot).
pub async fn request() -> bool {
    call(&storage_manager(), "persist")
        .await
        .is_some_and(|v| v.as_bool() == Some(true))
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Asks for persistent storage the first time the person has a device
/// (called on adding one); later visits to "Your data" show the answer.
pub fn request_once() {
    let Some(ls) = local() else { return };
    if ls.get_item(ASKED_KEY).ok().flatten().is_some() {
        return;
    }
    let _ = ls.set_item(ASKED_KEY, "1");
    leptos::task::spawn_local(async {
        request().await;
    });
}

/// An iPhone or iPad (iPadOS reports itself as a Mac with a touch screen).
pub fn is_ios() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let n = w.navigator();
    let ua = n.user_agent().unwrap_or_default();
    ua.contains("iPhone")
        || ua.contains("iPad")
        || ua.contains("iPod")
        || (ua.contains("Macintosh") && n.max_touch_points() > 1)
}

/// Running as an app from the home screen (or installed), not in a tab.
pub fn is_standalone() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    w.match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || get(&w.navigator(), "standalone").as_bool() == Some(true)
}

/// Whether the data is safe from the browser's tidying: persistent storage,
/// and on an iPhone or iPad only from the home-screen app (Safari clears a
/// site's data after seven days of use without a visit otherwise).
pub fn kept(persisted: bool) -> bool {
    persisted && (!is_ios() || is_standalone())
}

/// The browser's install offer, if it made one.
pub fn install_offer() -> Option<JsValue> {
    let w = web_sys::window()?;
    let e = get(&w, INSTALL_OFFER);
    (!e.is_undefined() && !e.is_null()).then_some(e)
}

/// Shows the browser's install dialog; true if the person installed.
pub async fn install() -> bool {
    let Some(offer) = install_offer() else {
        return false;
    };
    // The offer can be used once.
    if let Some(w) = web_sys::window() {
        let _ = Reflect::set(&w, &JsValue::from_str(INSTALL_OFFER), &JsValue::UNDEFINED);
    }
    if call(&offer, "prompt").await.is_none() {
        return false;
    }
    let choice = get(&offer, "userChoice");
    match choice.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p)
            .await
            .is_ok_and(|c| get(&c, "outcome").as_string().as_deref() == Some("accepted")),
        Err(_) => false,
    }
}
