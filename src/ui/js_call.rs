//! Calls into browser APIs by name (`Reflect`), for what web-sys lacks
//! (storage persistence, File System Access, the install offer) and for
//! what it has but this app did not use yet: every web-sys or js-sys
//! function adds a shim to the JS glue, which is part of every first load
//! even when only a lazy page calls it. These few go through shims the app
//! already has (`Reflect.get`, `Function.call`, `Promise.resolve`).

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name]`, or undefined.
pub fn get(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[name](arg)` (methods taking nothing ignore the undefined `arg`);
/// Err when there is no such method or it throws.
pub fn call(target: &JsValue, name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let f = get(target, name);
    if !f.is_function() {
        return Err(JsValue::UNDEFINED);
    }
    f.unchecked_ref::<Function>().call1(target, arg)
}

/// [`call`], then waits for its promise (a plain value is taken as it is).
pub async fn call_async(target: &JsValue, name: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let v = call(target, name, arg)?;
    JsFuture::from(Promise::resolve(&v)).await
}

/// The name of a thrown DOMException ("NotAllowedError", "AbortError"...).
pub fn error_name(e: &JsValue) -> String {
    get(e, "name").as_string().unwrap_or_default()
}

/// The browser's global object (the window).
pub fn global() -> JsValue {
    js_sys::global().into()
}

/// `Date.now()`: milliseconds since 1970 by the browser clock.
pub fn now_ms() -> f64 {
    call(&get(&global(), "Date"), "now", &JsValue::UNDEFINED)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}
