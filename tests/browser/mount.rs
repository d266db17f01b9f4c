//! Components mount and render in a real DOM.

use leptos::prelude::*;
use thingrisk::assess::Answer;
use thingrisk::ui::App;
use thingrisk::ui::components::heat_map::{Counts, counts};
use thingrisk::ui::components::{AnswerButtons, HeatTable};
use thingrisk::ui::state::AppState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// A fresh container appended to <body>.
pub fn container() -> web_sys::HtmlElement {
    let doc = document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Lets Leptos run its scheduled effects (they run after the current task).
pub async fn settle() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn click(el: &web_sys::Element) {
    el.unchecked_ref::<web_sys::HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn the_app_mounts_on_the_welcome_page_with_the_privacy_promise() {
    let root = container();
    let _dispose = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    let h1 = root.query_selector("main h1").unwrap().expect("an h1");
    assert!(h1.text_content().unwrap().contains("connected things"));
    let text = root.text_content().unwrap();
    assert!(
        text.contains("never leave this browser"),
        "privacy promise shown: {text}"
    );
}

#[wasm_bindgen_test]
async fn the_heat_table_bins_engine_cells_and_selects_by_button() {
    use thingrisk::assess::HeatMap;
    // Pairs 0..=2 at likelihood 4 / impact 2, pair 3 at likelihood 1 / impact 5.
    let mut map = HeatMap::default();
    map.cells[3][1] = vec![0, 1, 2];
    map.cells[0][4] = vec![3];
    let binned: Counts = counts(&map);
    assert_eq!(binned[3][1], 3);
    assert_eq!(binned[0][4], 1);
    assert_eq!(binned.iter().flatten().sum::<usize>(), 4);

    let root = container();
    let selected = RwSignal::new(None);
    let _dispose = leptos::mount::mount_to(root.clone(), move || {
        AppState::provide();
        view! { <HeatTable caption="Test map" counts=Signal::derive(move || binned) selected=selected /> }
    });
    let buttons = root.query_selector_all("tbody button").unwrap();
    assert_eq!(buttons.length(), 25);
    // Rows run from Very high likelihood (5) down to Very low (1), columns impact 1..5.
    let at = |l: u32, i: u32| {
        buttons
            .get((5 - l) * 5 + (i - 1))
            .unwrap()
            .unchecked_into::<web_sys::Element>()
    };
    assert_eq!(at(4, 2).text_content().unwrap(), "3");
    assert_eq!(at(1, 5).text_content().unwrap(), "1");
    assert_eq!(at(3, 3).text_content().unwrap(), "0");
    assert!(
        at(4, 2)
            .get_attribute("aria-label")
            .unwrap()
            .starts_with("3 risks at likelihood High, impact Low")
    );
    click(&at(4, 2));
    settle().await;
    assert_eq!(selected.get_untracked(), Some((4, 2)));
    assert_eq!(
        at(4, 2).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_answer_widget_presses_one_answer_and_clears_on_a_second_press() {
    let root = container();
    let value = RwSignal::new(None::<Answer>);
    let _dispose = leptos::mount::mount_to(root.clone(), move || {
        view! { <AnswerButtons label="Is it on?" value=value on_answer=Callback::new(move |a| value.set(a)) /> }
    });
    let group = root.query_selector("[role=group]").unwrap().unwrap();
    assert_eq!(
        group.get_attribute("aria-label").as_deref(),
        Some("Is it on?")
    );
    let buttons = root.query_selector_all("button").unwrap();
    assert_eq!(buttons.length(), 5);
    let button = |n: u32| buttons.get(n).unwrap().unchecked_into::<web_sys::Element>();
    let labels: Vec<String> = (0..5).map(|n| button(n).text_content().unwrap()).collect();
    assert_eq!(
        labels,
        ["Yes", "Partly", "No", "Don't know", "Not applicable"]
    );
    click(&button(1));
    settle().await;
    assert_eq!(value.get_untracked(), Some(Answer::Partly));
    assert_eq!(
        button(1).get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        button(0).get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    click(&button(1));
    settle().await;
    assert_eq!(
        value.get_untracked(),
        None,
        "pressing the chosen answer clears it"
    );
}
