//! A click on the prerendered welcome page made before the app ran. The boot
//! script (scripts/prerender.mjs) keeps the last one as `action:<name>` (a
//! button with `data-action`) or `href:<url>` (a link); once the app has
//! swapped in its own copy of the page, the same click is done there, so a
//! visitor who clicked "Start" (or the header's "Menu") while the wasm was
//! still downloading gets what they asked for.
//!
//! ```ignore
//! leptos::mount::mount_to_body(App);
//! early_click::replay();
//! ```

use wasm_bindgen::{JsCast, JsValue};

/// The global the boot script writes (`EARLY_CLICK` in scripts/prerender.mjs).
const KEPT: &str = "__thingriskEarlyClick";

/// The element of the app's page that a kept click meant, as a CSS selector.
pub fn selector(kept: &str) -> Option<String> {
    let safe = |s: &str| !s.is_empty() && !s.contains(['"', '\\']);
    if let Some(action) = kept.strip_prefix("action:").filter(|a| safe(a)) {
        Some(format!(
            "body > :is(header, main) [data-action=\"{action}\"]"
        ))
    } else {
        kept.strip_prefix("href:")
            .filter(|h| safe(h))
            .map(|href| format!("a[href=\"{href}\"]"))
    }
}

/// Does the kept click, if any, on the app's page (call right after mounting).
pub fn replay() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str(KEPT);
    let kept = js_sys::Reflect::get(&window, &key)
        .ok()
        .and_then(|v| v.as_string());
    let _ = js_sys::Reflect::delete_property(&window, &key);
    let target = kept
        .as_deref()
        .and_then(selector)
        .and_then(|s| window.document()?.query_selector(&s).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        target.click();
    }
}

#[cfg(test)]
mod tests {
    use super::selector;

    #[test]
    fn kept_clicks_name_the_app_s_own_element() {
        assert_eq!(
            selector("action:start").as_deref(),
            Some("body > :is(header, main) [data-action=\"start\"]")
        );
        assert_eq!(
            selector("href:/thingrisk/data").as_deref(),
            Some("a[href=\"/thingrisk/data\"]")
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        for kept in [
            "",
            "action:",
            "href:",
            "start",
            "href:/a\"]",
            "action:x\\y",
            "click:/data",
        ] {
            assert_eq!(selector(kept), None, "{kept:?}");
        }
    }
}
