//! The app's icons as small monochrome line drawings: SVG path data on a
//! 24x24 grid, drawn with a round 1.75-unit stroke in the text's colour
//! (`currentColor`), so they need no font (emoji show as empty boxes where
//! no emoji font is installed) and follow the text's colour and size.
//!
//! Device categories name theirs in catalog/devices.toml (`icon = "router"`);
//! the catalog check refuses a name missing here. The ui draws them with
//! `ui::components::Icon`.

/// Every icon by name: the path data of one `<path>` (subpaths joined).
pub const ICONS: &[(&str, &str)] = &[
    // A router: a box with two aerials.
    (
        "router",
        "M5 13h14a2 2 0 0 1 2 2v3a2 2 0 0 1 -2 2h-14a2 2 0 0 1 -2 -2v-3a2 2 0 0 1 2 -2zM7 16.5h.01M10.5 16.5h.01M8 13 6.5 5M16 13l1.5-8",
    ),
    // A hub: a centre linked to three devices.
    (
        "hub",
        "M9 12a3 3 0 1 0 6 0a3 3 0 1 0 -6 0zM10.2 4a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0 -3.6 0zM2.7 17.5a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0 -3.6 0zM17.7 17.5a1.8 1.8 0 1 0 3.6 0a1.8 1.8 0 1 0 -3.6 0zM12 9V5.8M9.4 13.5l-3.4 2.5M14.6 13.5l3.4 2.5",
    ),
    // A speaker with sound waves.
    (
        "speaker",
        "M4 9h4l5-4v14l-5-4H4zM16.5 8.5a5 5 0 0 1 0 7M19 6a8.5 8.5 0 0 1 0 12",
    ),
    // A video camera.
    (
        "camera",
        "M4 7h10a2 2 0 0 1 2 2v6a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-6a2 2 0 0 1 2 -2zM16 11l6-3v8l-6-3",
    ),
    // A bell.
    (
        "doorbell",
        "M6 16v-5a6 6 0 0 1 12 0v5l2 2H4zM10 20.5a2 2 0 0 0 4 0",
    ),
    // A padlock.
    (
        "lock",
        "M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1 -2 2h-10a2 2 0 0 1 -2 -2v-6a2 2 0 0 1 2 -2zM8 11V7a4 4 0 0 1 8 0v4M12 15v2",
    ),
    // A siren.
    (
        "alarm",
        "M6 18v-5a6 6 0 0 1 12 0v5M4 18h16v3h-16zM12 2v2M4.5 5.5l1.4 1.4M19.5 5.5l-1.4 1.4",
    ),
    // A thermometer.
    (
        "thermostat",
        "M14 14.8V5a2 2 0 0 0-4 0v9.8a4 4 0 1 0 4 0zM12 11v6",
    ),
    // A light bulb.
    (
        "bulb",
        "M9 18h6M10 21h4M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5v2h6v-2c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3z",
    ),
    // A television.
    (
        "tv",
        "M4 4h16a2 2 0 0 1 2 2v9a2 2 0 0 1 -2 2h-16a2 2 0 0 1 -2 -2v-9a2 2 0 0 1 2 -2zM8 21h8M12 17v4",
    ),
    // A washing machine.
    (
        "appliance",
        "M6 2h12a2 2 0 0 1 2 2v16a2 2 0 0 1 -2 2h-12a2 2 0 0 1 -2 -2v-16a2 2 0 0 1 2 -2zM7.5 13a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0 -9 0zM8 6h.01M11 6h.01",
    ),
    // A wristwatch.
    (
        "watch",
        "M7 12a5 5 0 1 0 10 0a5 5 0 1 0 -10 0zM9 7.7 9.5 3h5l.5 4.7M9 16.3l.5 4.7h5l.5-4.7M12 10v2l1.5 1",
    ),
    // A teddy bear's head.
    (
        "toy",
        "M4.8 6.5a2.2 2.2 0 1 0 4.4 0a2.2 2.2 0 1 0 -4.4 0zM14.8 6.5a2.2 2.2 0 1 0 4.4 0a2.2 2.2 0 1 0 -4.4 0zM5.5 13a6.5 6.5 0 1 0 13 0a6.5 6.5 0 1 0 -13 0zM10 12h.01M14 12h.01M10.5 15.5a2 2 0 0 0 3 0",
    ),
    // A chip with pins.
    (
        "gadget",
        "M8 6h8a2 2 0 0 1 2 2v8a2 2 0 0 1 -2 2h-8a2 2 0 0 1 -2 -2v-8a2 2 0 0 1 2 -2zM9 2v4M15 2v4M9 18v4M15 18v4M2 9h4M2 15h4M18 9h4M18 15h4",
    ),
    // A robot vacuum from above: its round body, the bumper line and the
    // sensor in the middle.
    (
        "robot",
        "M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM4.2 7.5h15.6M10 13.5a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z",
    ),
    // A lightning bolt.
    ("bolt", "M13 2 4 14h7l-1 8 9-12h-7z"),
    // A car seen from the front: body, wheels and headlights.
    (
        "car",
        "M5 17h14a2 2 0 0 0 2-2v-3l-2-5H5l-2 5v3a2 2 0 0 0 2 2zM3 12h18M6 17v2M18 17v2M7 14.5h.01M17 14.5h.01",
    ),
    // A heart with a pulse line.
    (
        "heart",
        "M12 20C12 20 4 15.5 4 9.5a4.5 4.5 0 0 1 8-2.8a4.5 4.5 0 0 1 8 2.8C20 15.5 12 20 12 20zM7.5 11h2.5l1-2 2 4 1-2h2.5",
    ),
    // A printer with a sheet of paper.
    (
        "printer",
        "M7 9V3h10v6M7 17H5a2 2 0 0 1 -2 -2v-4a2 2 0 0 1 2 -2h14a2 2 0 0 1 2 2v4a2 2 0 0 1 -2 2h-2M7 14h10v7h-10zM17.5 12h.01",
    ),
    // A question mark in a circle.
    (
        "unknown",
        "M2.5 12a9.5 9.5 0 1 0 19 0a9.5 9.5 0 1 0 -19 0zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17h.01",
    ),
    // Three lines (a menu).
    ("menu", "M4 6h16M4 12h16M4 18h16"),
    // A cross (close).
    ("close", "M6 6l12 12M18 6 6 18"),
    // A tick.
    ("check", "M5 12.5l4.5 4.5L19 7.5"),
    // A warning triangle.
    ("warning", "M12 3 2 20h20zM12 10v4M12 17h.01"),
    // A clock.
    ("saving", "M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM12 7v5l3 2"),
    // A pause sign.
    ("pause", "M9 6v12M15 6v12"),
    // ThingRisk's mark: a diamond in a diamond.
    (
        "brand",
        "M12 2l10 10-10 10L2 12zM12 7.5l4.5 4.5-4.5 4.5L7.5 12z",
    ),
];

/// The path data of the icon called `name`, if there is one.
pub fn icon_path(name: &str) -> Option<&'static str> {
    ICONS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// The icon for a device whose category is unknown to this catalog.
pub const UNKNOWN: &str = "unknown";

#[cfg(test)]
mod tests {
    use super::{ICONS, UNKNOWN, icon_path};
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_found() {
        let mut seen = HashSet::new();
        for (name, d) in ICONS {
            assert!(seen.insert(*name), "{name} twice");
            assert_eq!(icon_path(name), Some(*d));
        }
        assert!(icon_path(UNKNOWN).is_some());
        assert_eq!(icon_path("📶"), None);
    }

    #[test]
    fn numbers_of_compact_path_data() {
        assert_eq!(
            numbers("M8 13 6.5 5l1.5-8"),
            [8.0, 13.0, 6.5, 5.0, 1.5, -8.0]
        );
        assert_eq!(numbers("c.7.7 1-2"), [0.7, 0.7, 1.0, -2.0]);
    }

    #[test]
    fn paths_are_plain_path_data_on_the_grid() {
        for (name, d) in ICONS {
            assert!(d.starts_with('M'), "{name} starts with a move");
            assert!(
                d.chars()
                    .all(|c| c.is_ascii_digit() || " .-MmLlHhVvAaCcZz".contains(c)),
                "{name}: {d}"
            );
            // Every number (coordinates, lengths, radii, flags) fits the grid.
            for v in numbers(d) {
                assert!((-24.0..=24.0).contains(&v), "{name}: {v}");
            }
        }
    }

    /// The numbers of compact path data ("M8 13 6.5 5l1.5-8", ".7.7" is two).
    fn numbers(d: &str) -> Vec<f64> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let flush = |cur: &mut String, out: &mut Vec<f64>| {
            if !cur.is_empty() {
                out.push(cur.parse().expect("a number"));
                cur.clear();
            }
        };
        for c in d.chars() {
            let starts_new = c == '-' || (c == '.' && cur.contains('.'));
            if starts_new || !(c.is_ascii_digit() || c == '.') {
                flush(&mut cur, &mut out);
            }
            if c.is_ascii_digit() || c == '.' || c == '-' {
                cur.push(c);
            }
        }
        flush(&mut cur, &mut out);
        out
    }
}
