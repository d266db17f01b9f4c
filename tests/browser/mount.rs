//! Components mount and render in a real DOM.

use leptos::prelude::*;
use thingrisk::ui::pages::Welcome;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// A fresh container appended to <body>.
pub fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

#[wasm_bindgen_test]
fn welcome_page_mounts_with_heading_and_privacy_promise() {
    let root = container();
    let _dispose = leptos::mount::mount_to(root.clone(), Welcome);
    let h1 = root.query_selector("h1").unwrap().expect("an h1");
    assert!(h1.text_content().unwrap().contains("connected things"));
    let text = root.text_content().unwrap();
    assert!(text.contains("never leave this browser"), "privacy promise shown: {text}");
}
