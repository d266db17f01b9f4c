//! The path the app is hosted under ("/" or a subpath such as "/thingrisk").
//!
//! Trunk writes the public URL into `<base href>` at build time, so the same
//! code serves any subpath: we read it back from the document once. Every
//! in-app link goes through [`href`]; the router (super::router) strips the
//! base again to find the page.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The router base without a trailing slash, or "" when hosted at the root.
pub fn router_base() -> &'static str {
    BASE.get_or_init(|| normalise(&web_base_path().unwrap_or_default()))
}

/// An app path ("/devices") as a link target under the base ("/thingrisk/devices").
pub fn href(path: &str) -> String {
    join(router_base(), path)
}

fn web_base_path() -> Option<String> {
    let href = leptos::prelude::document().base_uri().ok().flatten()?;
    let url = web_sys::Url::new(&href).ok()?;
    Some(url.pathname())
}

/// "/thingrisk/" -> "/thingrisk", "/" -> "".
pub fn normalise(path: &str) -> String {
    path.trim_end_matches('/').to_string()
}

/// Joins a normalised base and an app path that starts with "/".
pub fn join(base: &str, path: &str) -> String {
    if path.starts_with('/') {
        format!("{base}{path}")
    } else {
        format!("{base}/{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::{join, normalise};

    #[test]
    fn trailing_slash_is_dropped_and_root_is_empty() {
        assert_eq!(normalise("/thingrisk/"), "/thingrisk");
        assert_eq!(normalise("/a/b/"), "/a/b");
        assert_eq!(normalise("/"), "");
    }

    #[test]
    fn links_are_prefixed_with_the_base() {
        assert_eq!(join("/thingrisk", "/devices"), "/thingrisk/devices");
        assert_eq!(join("/thingrisk", "/"), "/thingrisk/");
        assert_eq!(join("", "/devices"), "/devices");
        assert_eq!(join("", "devices"), "/devices");
    }
}
