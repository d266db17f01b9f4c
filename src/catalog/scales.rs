//! Reading the catalog's scales: which levels a scale has and what a level
//! is called. Every page, export and sentence names levels through here.

use super::model::{Level, Scales};

/// One of the catalog's four 1..=5 scales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    Likelihood,
    Impact,
    Risk,
    Effort,
}

impl Scales {
    /// The levels of one scale, as the catalog lists them.
    pub fn levels(&self, scale: Scale) -> &[Level] {
        match scale {
            Scale::Likelihood => &self.likelihood,
            Scale::Impact => &self.impact,
            Scale::Risk => &self.risk,
            Scale::Effort => &self.effort,
        }
    }

    /// The name of level `value` on `scale` ("Very low", "Moderate", ...).
    /// A value the scale does not list is shown as its number, so text built
    /// from an odd catalog still says something.
    pub fn level_name(&self, scale: Scale, value: u8) -> String {
        self.levels(scale)
            .iter()
            .find(|l| l.value == value)
            .map_or_else(|| value.to_string(), |l| l.name.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(value: u8, name: &str) -> Level {
        Level {
            value,
            name: name.to_string(),
            colour: String::new(),
        }
    }

    fn scales() -> Scales {
        Scales {
            likelihood: vec![level(1, "Rare"), level(2, "Sometimes")],
            impact: vec![level(1, "Slight"), level(2, "Serious")],
            // Listed out of order on purpose: names go by value, not position.
            risk: vec![level(2, "Amber"), level(1, "Green")],
            effort: vec![level(1, "Minutes")],
            matrix: vec![vec![1, 1], vec![1, 2]],
        }
    }

    #[test]
    fn each_scale_names_its_own_levels() {
        let s = scales();
        assert_eq!(s.level_name(Scale::Likelihood, 2), "Sometimes");
        assert_eq!(s.level_name(Scale::Impact, 2), "Serious");
        assert_eq!(s.level_name(Scale::Risk, 1), "Green");
        assert_eq!(s.level_name(Scale::Risk, 2), "Amber");
        assert_eq!(s.level_name(Scale::Effort, 1), "Minutes");
    }

    #[test]
    fn unlisted_levels_read_as_their_number() {
        let s = scales();
        assert_eq!(s.level_name(Scale::Effort, 3), "3");
        assert_eq!(s.level_name(Scale::Likelihood, 0), "0");
    }

    #[test]
    fn the_bundled_catalog_names_every_level() {
        let s = &crate::catalog::embedded().scales;
        // Effort has three levels; the others five.
        for (scale, n) in [
            (Scale::Likelihood, 5),
            (Scale::Impact, 5),
            (Scale::Risk, 5),
            (Scale::Effort, 3),
        ] {
            assert_eq!(s.levels(scale).len(), n, "{scale:?}");
            for v in 1..=n as u8 {
                assert_ne!(s.level_name(scale, v), v.to_string(), "{scale:?} {v}");
            }
        }
    }
}
