//! The router runtime, in place of leptos_router: the browser's location as
//! a signal, `navigate`, and one click listener that turns clicks on in-app
//! `<a href>` links into history entries instead of page loads. Which page a
//! path shows is decided in [`super::route`].

use super::base::{href, router_base};
use super::route::{Route, decode, strip_base};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where the browser is: `location.pathname` (with the base), `.search` and
/// `.hash` (each with its `?` / `#`, or empty).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Here {
    pub path: String,
    pub search: String,
    pub hash: String,
}

impl Here {
    fn read() -> Here {
        let l = window().location();
        Here {
            path: l.pathname().unwrap_or_default(),
            search: l.search().unwrap_or_default(),
            hash: l.hash().unwrap_or_default(),
        }
    }

    fn full(&self) -> String {
        format!("{}{}{}", self.path, self.search, self.hash)
    }
}

/// The location in context: the raw [`Here`] and the page it shows.
#[derive(Clone, Copy)]
pub struct Location {
    pub here: ReadSignal<Here>,
    /// `here.path`, changing only when the path does.
    pub path: Memo<String>,
    pub route: Memo<Route>,
    set: WriteSignal<Here>,
}

/// Starts routing for the app's lifetime: reads the location, follows the
/// back and forward buttons (`popstate`) and intercepts in-app link clicks.
pub fn provide_router() -> Location {
    let (here, set) = signal(Here::read());
    let path = Memo::new(move |_| here.with(|h| h.path.clone()));
    let route = Memo::new(move |_| path.with(|p| Route::at(router_base(), p)));
    let loc = Location {
        here,
        path,
        route,
        set,
    };
    let pop = window_event_listener(ev::popstate, move |_| set.set(Here::read()));
    let click = window_event_listener(ev::click, move |ev| follow_link(loc, &ev));
    on_cleanup(move || {
        pop.remove();
        click.remove();
    });
    provide_context(loc);
    loc
}

/// The location provided by [`provide_router`].
pub fn use_location() -> Location {
    expect_context()
}

/// A function that goes to an app path given without the base ("/devices").
pub fn use_navigate() -> impl Fn(&str) + Copy {
    let loc = use_location();
    move |path| go(loc, &href(path))
}

/// Goes to a full path (base included, query and hash allowed): a new
/// history entry unless it is where we are, then the new location, then
/// (once the page is drawn) scrolls to the hash's element or the top, as
/// leptos_router did.
fn go(loc: Location, to: &str) {
    if let Ok(history) = window().history()
        && Here::read().full() != to
    {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to));
    }
    loc.set.set(Here::read());
    request_animation_frame(|| {
        let hash = Here::read().hash;
        let id = hash.strip_prefix('#').map(decode);
        match id.and_then(|id| document().get_element_by_id(&id)) {
            Some(el) => el.scroll_into_view(),
            None => window().scroll_to_with_x_and_y(0.0, 0.0),
        }
    });
}

/// Follows a click on an `<a href>` in the app without a page load, unless
/// the browser should handle it: not a plain left click, a target or
/// download, `rel=external`, another origin or a path outside the base.
fn follow_link(loc: Location, ev: &web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return;
    }
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !a.target().is_empty()
        || a.has_attribute("download")
        || a.rel().split_ascii_whitespace().any(|r| r == "external")
    {
        return;
    }
    // A place on this page (the skip link's "#main"). With <base> the browser
    // resolves it against the base, i.e. the start page (leptos_router went
    // there too), so we move to the element ourselves: scroll and focus it,
    // the URL unchanged.
    if let Some(id) = a
        .get_attribute("href")
        .and_then(|h| h.strip_prefix('#').map(decode))
    {
        ev.prevent_default();
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        return;
    }
    let Ok(url) = web_sys::Url::new(&a.href()) else {
        return;
    };
    let path = url.pathname();
    if url.origin() != window().location().origin().unwrap_or_default()
        || strip_base(router_base(), &path).is_none()
    {
        return;
    }
    ev.prevent_default();
    go(loc, &format!("{path}{}{}", url.search(), url.hash()));
}
