//! The themes a training session is built from: the catalog's scenario
//! themes, with the words shown for them.

use crate::catalog::Theme;

/// Every theme, in the order they are offered and summarised.
pub const ALL_THEMES: [Theme; 5] = [
    Theme::Privacy,
    Theme::Safety,
    Theme::Accounts,
    Theme::Lifecycle,
    Theme::Network,
];

/// The theme as written in files ("privacy").
pub fn theme_key(theme: Theme) -> &'static str {
    match theme {
        Theme::Privacy => "privacy",
        Theme::Safety => "safety",
        Theme::Accounts => "accounts",
        Theme::Lifecycle => "lifecycle",
        Theme::Network => "network",
    }
}

/// The theme as shown to people ("Privacy").
pub fn theme_name(theme: Theme) -> &'static str {
    match theme {
        Theme::Privacy => "Privacy",
        Theme::Safety => "Safety",
        Theme::Accounts => "Accounts and logins",
        Theme::Lifecycle => "Device lifecycle",
        Theme::Network => "Home network",
    }
}

/// The theme with this key, if any.
pub fn theme_from_key(key: &str) -> Option<Theme> {
    ALL_THEMES.into_iter().find(|t| theme_key(*t) == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_the_catalog_spelling_and_read_back() {
        for t in ALL_THEMES {
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{}\"", theme_key(t)));
            assert_eq!(theme_from_key(theme_key(t)), Some(t));
        }
        assert_eq!(theme_from_key("Privacy"), None);
    }
}
