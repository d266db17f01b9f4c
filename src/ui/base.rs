//! The path the app is hosted under ("/" or a subpath such as "/thingrisk").
//!
//! Trunk writes the public URL into `<base href>` at build time, so the same
//! code serves any subpath: we read it back from the document.

/// The router base without a trailing slash, or "" when hosted at the root.
pub fn router_base() -> String {
    let base = web_base_uri().unwrap_or_default();
    normalise(&base)
}

fn web_base_uri() -> Option<String> {
    let href = leptos::prelude::document().base_uri().ok().flatten()?;
    let url = web_sys::Url::new(&href).ok()?;
    Some(url.pathname())
}

/// "/thingrisk/" -> "/thingrisk", "/" -> "".
pub fn normalise(path: &str) -> String {
    path.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn trailing_slash_is_dropped_and_root_is_empty() {
        assert_eq!(normalise("/thingrisk/"), "/thingrisk");
        assert_eq!(normalise("/a/b/"), "/a/b");
        assert_eq!(normalise("/"), "");
    }
}
