//! The route table: which page an address shows, as plain Rust with no
//! browser in sight (so `cargo test` checks it natively). The runtime in
//! [`super::router`] feeds it `location.pathname`.
//!
//! The rules are the ones the app had under leptos_router: the path must sit
//! under the base (the hosting subpath), one trailing slash is ignored, an id
//! segment is never empty and is percent-decoded like `decodeURIComponent`
//! (left as it is when that fails), and anything else is [`Route::NotFound`].

/// The app path of a question in its answer list: on a device's questions
/// page, or the home's when `device` is None. The list gives each answer the
/// id `answer-<question id>`, so the router scrolls to it.
pub fn question_path(device: Option<&str>, question: &str) -> String {
    match device {
        Some(d) => format!(
            "/devices/{}/questions#{}",
            encode(d),
            answer_anchor(question)
        ),
        None => format!("/home-questions#{}", answer_anchor(question)),
    }
}

/// The element id of a question's row in an answer list.
pub fn answer_anchor(question: &str) -> String {
    format!("answer-{question}")
}

/// One page of the app, with the id its address carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Welcome,
    /// `/devices`
    Devices,
    /// `/devices/:id`
    Device(String),
    /// `/devices/:id/questions`
    DeviceQuestions(String),
    /// `/home-questions`
    HomeQuestions,
    /// `/results`
    Results,
    /// `/quick`: the quick check, one question at a time
    Quick,
    /// `/quick/next`: the next most important question, then back to results
    QuickNext,
    /// `/data`
    Data,
    /// `/training`
    Training,
    /// `/training/present`
    Presenter,
    /// `/training/class`
    Class,
    /// `/plan`
    Plan,
    /// `/report`
    Report,
    /// `/catalog`
    Catalog,
    /// `/catalog/:id`
    CatalogEntry(String),
    /// `/supply`
    Supply,
    /// Any other address.
    NotFound,
}

impl Route {
    /// The page at a full browser path (`/thingrisk/devices/d1`) when the app
    /// is hosted under `base` (normalised: `""` or `/thingrisk`).
    pub fn at(base: &str, pathname: &str) -> Route {
        strip_base(base, pathname).map_or(Route::NotFound, Route::parse)
    }

    /// The page at an app path, the base already removed (`/devices/d1`).
    pub fn parse(path: &str) -> Route {
        let path = path.strip_suffix('/').unwrap_or(path);
        let Some(rest) = path.strip_prefix('/') else {
            // Only the root may come without a leading slash (base "/thingrisk", path "/thingrisk").
            return if path.is_empty() {
                Route::Welcome
            } else {
                Route::NotFound
            };
        };
        let segments: Vec<&str> = rest.split('/').collect();
        match segments.as_slice() {
            [""] => Route::Welcome,
            ["devices"] => Route::Devices,
            ["devices", id] if !id.is_empty() => Route::Device(decode(id)),
            ["devices", id, "questions"] if !id.is_empty() => Route::DeviceQuestions(decode(id)),
            ["home-questions"] => Route::HomeQuestions,
            ["results"] => Route::Results,
            ["quick"] => Route::Quick,
            ["quick", "next"] => Route::QuickNext,
            ["data"] => Route::Data,
            ["training"] => Route::Training,
            ["training", "present"] => Route::Presenter,
            ["training", "class"] => Route::Class,
            ["plan"] => Route::Plan,
            ["report"] => Route::Report,
            ["catalog"] => Route::Catalog,
            ["catalog", id] if !id.is_empty() => Route::CatalogEntry(decode(id)),
            ["supply"] => Route::Supply,
            _ => Route::NotFound,
        }
    }

    /// Trainer pages, which show no household.
    pub fn is_training(&self) -> bool {
        matches!(self, Route::Training | Route::Presenter | Route::Class)
    }
}

/// The app path of a full path under `base` ("" when it is the base itself),
/// or `None` when the path lies outside the base ("/thingriskx", "/other").
pub fn strip_base<'a>(base: &str, pathname: &'a str) -> Option<&'a str> {
    let rest = pathname.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

/// Whether a link to app path `link` names the page at app path `here`: the
/// same page or one beneath it (the "Devices" link is current on a device's
/// questions). The start page is current only at the root. Query and hash of
/// the link, and one trailing slash on either side, do not count.
pub fn is_current(link: &str, here: &str) -> bool {
    let link = link.split(['?', '#']).next().unwrap_or_default();
    let link = link.strip_suffix('/').unwrap_or(link);
    let here = here.strip_suffix('/').unwrap_or(here);
    if link.is_empty() {
        return here.is_empty();
    }
    here.strip_prefix(link)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Percent-decodes one path segment as `decodeURIComponent` does, or returns
/// it unchanged when it is malformed (a stray `%`, or bytes that are not UTF-8).
/// Percent-encodes an id for a path segment, as `encodeURIComponent` does
/// (what [`decode`] undoes).
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn decode(segment: &str) -> String {
    fn hex(b: u8) -> Option<u8> {
        (b as char).to_digit(16).map(|d| d as u8)
    }
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let byte = bytes
                .get(i + 1)
                .and_then(|&h| hex(h))
                .zip(bytes.get(i + 2).and_then(|&l| hex(l)));
            match byte {
                Some((h, l)) => out.push(h << 4 | l),
                None => return segment.to_string(),
            }
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

#[cfg(test)]
mod tests {
    use super::{Route, decode, is_current, question_path, strip_base};

    #[test]
    fn a_question_path_leads_to_its_row_and_device_ids_survive_the_trip() {
        assert_eq!(
            question_path(Some("d 1/x"), "q.auto-updates"),
            "/devices/d%201%2Fx/questions#answer-q.auto-updates"
        );
        assert_eq!(question_path(None, "q.mfa"), "/home-questions#answer-q.mfa");
        let path = question_path(Some("caméra/2"), "q");
        let route = Route::parse(path.split('#').next().unwrap());
        assert_eq!(route, Route::DeviceQuestions("caméra/2".into()));
    }

    #[test]
    fn every_page_has_its_address() {
        let table = [
            ("/", Route::Welcome),
            ("/devices", Route::Devices),
            ("/devices/d1", Route::Device("d1".into())),
            ("/devices/d1/questions", Route::DeviceQuestions("d1".into())),
            ("/home-questions", Route::HomeQuestions),
            ("/results", Route::Results),
            ("/quick", Route::Quick),
            ("/quick/next", Route::QuickNext),
            ("/data", Route::Data),
            ("/training", Route::Training),
            ("/training/present", Route::Presenter),
            ("/training/class", Route::Class),
            ("/plan", Route::Plan),
            ("/report", Route::Report),
            ("/catalog", Route::Catalog),
            (
                "/catalog/scn.cam-stream",
                Route::CatalogEntry("scn.cam-stream".into()),
            ),
            ("/supply", Route::Supply),
        ];
        for (path, route) in table {
            assert_eq!(Route::parse(path), route, "{path}");
        }
    }

    #[test]
    fn one_trailing_slash_is_ignored_and_the_root_may_be_empty() {
        assert_eq!(Route::parse(""), Route::Welcome);
        assert_eq!(Route::parse("/devices/"), Route::Devices);
        assert_eq!(Route::parse("/devices/d2/"), Route::Device("d2".into()));
        assert_eq!(Route::parse("/devices//"), Route::NotFound);
    }

    #[test]
    fn unknown_addresses_and_empty_ids_are_not_found() {
        for path in [
            "/nope",
            "/Devices",
            "/devices//questions",
            "/devices/d1/answers",
            "/devices/d1/questions/more",
            "/training/other",
            "/catalog/a/b",
            "/quick/other",
            "/index.html",
            "devices",
        ] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn the_base_is_removed_and_paths_outside_it_are_not_found() {
        assert_eq!(Route::at("/thingrisk", "/thingrisk"), Route::Welcome);
        assert_eq!(Route::at("/thingrisk", "/thingrisk/"), Route::Welcome);
        assert_eq!(
            Route::at("/thingrisk", "/thingrisk/catalog/ctl.x"),
            Route::CatalogEntry("ctl.x".into())
        );
        assert_eq!(
            Route::at("/thingrisk", "/thingriskx/devices"),
            Route::NotFound
        );
        assert_eq!(Route::at("/thingrisk", "/devices"), Route::NotFound);
        assert_eq!(Route::at("", "/devices"), Route::Devices);
        assert_eq!(strip_base("/a/b", "/a/b/c"), Some("/c"));
        assert_eq!(strip_base("/a/b", "/a/bc"), None);
        assert_eq!(strip_base("", "/"), Some("/"));
    }

    #[test]
    fn ids_are_percent_decoded_unless_malformed() {
        assert_eq!(decode("d1"), "d1");
        assert_eq!(decode("my%20plug"), "my plug");
        assert_eq!(decode("caf%C3%A9"), "café");
        assert_eq!(decode("a%2Fb"), "a/b");
        assert_eq!(decode("a+b"), "a+b", "plus is not a space in a path");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%C3"), "%C3", "a lone UTF-8 lead byte");
        assert_eq!(
            Route::parse("/devices/my%20plug/questions"),
            Route::DeviceQuestions("my plug".into())
        );
    }

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_beneath_it() {
        assert!(is_current("/devices", "/devices"));
        assert!(is_current("/devices", "/devices/"));
        assert!(is_current("/devices/", "/devices"));
        assert!(is_current("/devices", "/devices/d1/questions"));
        assert!(is_current("/catalog", "/catalog/scn.x"));
        assert!(is_current("/devices?x=1#top", "/devices"));
        assert!(!is_current("/devices", "/devices-old"));
        assert!(!is_current("/devices/d1", "/devices"));
        assert!(!is_current("/training/class", "/training/present"));
    }

    #[test]
    fn the_start_page_link_is_current_only_at_the_root() {
        assert!(is_current("/", "/"));
        assert!(is_current("/", ""));
        assert!(is_current("", "/"));
        assert!(!is_current("/", "/devices"));
        assert!(!is_current("/", "/training/class"));
    }

    #[test]
    fn is_training_names_the_three_trainer_pages() {
        let trainer: Vec<bool> = [
            "/training",
            "/training/present",
            "/training/class",
            "/devices",
            "/",
        ]
        .iter()
        .map(|p| Route::parse(p).is_training())
        .collect();
        assert_eq!(trainer, [true, true, true, false, false]);
    }
}
