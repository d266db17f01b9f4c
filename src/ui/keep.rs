//! Whether this browser keeps ThingRisk's data: persistent storage
//! (`navigator.storage.persist()`), iPhone/iPad home-screen use, and the
//! browser's install offer. All through crate::ui::js_call, so a browser
//! lacking an API is simply treated as one that may clear the data.

use super::js_call::{call, call_async, get, global};
use wasm_bindgen::JsValue;

/// Set once persistent storage has been asked for in this browser (asked
/// once, after the first device: it is what makes the data worth keeping).
pub const ASKED_KEY: &str = "thingrisk.persist-asked";

/// Where the install offer is kept when the browser makes one (see
/// `crate::ui::sw::catch_install_offer`, which runs at start-up).
pub const INSTALL_OFFER: &str = "thingriskInstallOffer";

fn navigator() -> JsValue {
    get(&global(), "navigator")
}

/// `navigator.storage.<name>()` is true; false where the browser cannot say.
async fn storage_says(name: &str) -> bool {
    call_async(&get(&navigator(), "storage"), name, &JsValue::UNDEFINED)
        .await
        .is_ok_and(|v| v.as_bool() == Some(true))
}

/// Whether the browser holds this site's storage as persistent.
pub async fn persisted() -> bool {
    storage_says("persisted").await
}

/// Asks for persistent storage; the browser's answer.
pub async fn request() -> bool {
    storage_says("persist").await
}

/// Asks for persistent storage the first time the person has a device
/// (called on adding one); "Your data" shows the answer.
pub fn request_once() {
    let Some(ls) = super::persist::local_storage() else {
        return;
    };
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
    let n = navigator();
    let ua = get(&n, "userAgent").as_string().unwrap_or_default();
    ua.contains("iPhone")
        || ua.contains("iPad")
        || ua.contains("iPod")
        || (ua.contains("Macintosh") && get(&n, "maxTouchPoints").as_f64().unwrap_or(0.0) > 1.0)
}

/// Running as an app from the home screen (or installed), not in a tab.
pub fn is_standalone() -> bool {
    let query = JsValue::from_str("(display-mode: standalone)");
    call(&global(), "matchMedia", &query).is_ok_and(|m| get(&m, "matches").as_bool() == Some(true))
        || get(&navigator(), "standalone").as_bool() == Some(true)
}

/// Whether the data is safe from the browser's tidying: persistent storage,
/// and on an iPhone or iPad only from the home-screen app (Safari clears a
/// site's data after seven days of use without a visit otherwise).
pub fn kept(persisted: bool) -> bool {
    persisted && (!is_ios() || is_standalone())
}

/// The browser's install offer, if it made one.
pub fn install_offer() -> Option<JsValue> {
    let e = get(&global(), INSTALL_OFFER);
    (!e.is_undefined() && !e.is_null()).then_some(e)
}

/// Shows the browser's install dialog (the offer can be used once).
pub async fn install() {
    let Some(offer) = install_offer() else { return };
    let _ = js_sys::Reflect::set(&global(), &INSTALL_OFFER.into(), &JsValue::UNDEFINED);
    if call_async(&offer, "prompt", &JsValue::UNDEFINED)
        .await
        .is_ok()
    {
        // Wait for the person's choice before looking at the storage again.
        let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&get(
            &offer,
            "userChoice",
        )))
        .await;
    }
}
