//! A risk in plain words: where it sits now and why, in two or three short
//! sentences a person with no security background can read. The numbered
//! steps of [`super::explain`] stay one tap away ("Details"); this is what
//! shows first.
//!
//! ```ignore
//! let steps = engine.explain(&household, today, &pair);
//! let why = plain::why(catalog, &pair, &steps);
//! // "High now: a high chance, most easily through a known flaw in its
//! //  software, and very high harm if it happens. What raises it here:
//! //  carries all of the home's internet traffic. Nothing you do yet lowers it."
//! ```

use super::evaluate::Pair;
use super::explain::{Stage, Step};
use crate::catalog::{Catalog, Scale};

/// A risk explained: the plain sentences first, then every step of the
/// engine's working ("Details"), each with the question that made it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Why<'c> {
    pub summary: String,
    pub details: Vec<Detail<'c>>,
}

/// One step of the working as a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail<'c> {
    pub text: String,
    /// The question whose answer made this step: the place to change it.
    pub question: Option<&'c str>,
}

/// [`why`] and the steps as sentences.
pub fn explained<'c>(catalog: &Catalog, pair: &Pair<'_>, steps: &[Step<'c>]) -> Why<'c> {
    Why {
        summary: why(catalog, pair, steps),
        details: steps
            .iter()
            .map(|s| Detail {
                text: s.sentence(catalog),
                question: s.question(),
            })
            .collect(),
    }
}

/// How many conditions or controls a sentence names before it stops.
const NAMED: usize = 2;

/// The pair's residual level and why, from its explanation `steps`.
pub fn why(catalog: &Catalog, pair: &Pair<'_>, steps: &[Step<'_>]) -> String {
    let scales = &catalog.scales;
    let now = &pair.residual;
    let lower = |scale, level| scales.level_name(scale, level).to_lowercase();
    let way_in = steps.iter().find_map(|s| match s {
        Step::MostLikelyPath {
            stage: Stage::Residual,
            path,
            ..
        } => Some(*path),
        _ => None,
    });
    let mut out = format!(
        "{} now: a {} chance{} and {} harm if it happens.",
        scales.level_name(Scale::Risk, now.risk_level),
        lower(Scale::Likelihood, now.likelihood_level),
        way_in.map_or(String::new(), |p| format!(", most easily through {p},")),
        lower(Scale::Impact, now.impact_level),
    );
    let raises = names(steps.iter().filter_map(|s| match s {
        Step::Condition {
            condition,
            likelihood,
            impact,
            ..
        } if *likelihood > 0.0 || *impact > 0.0 => {
            Some(first_lower(&catalog.condition_name(condition)))
        }
        _ => None,
    }));
    if !raises.is_empty() {
        out.push_str(&format!(" What raises it here: {raises}."));
    }
    let lowers = names(steps.iter().filter_map(|s| match s {
        Step::Control {
            control, from, to, ..
        } if to < from => Some(first_lower(&catalog.control_title(control))),
        _ => None,
    }));
    if lowers.is_empty() {
        if !pair.missing_controls.is_empty() {
            out.push_str(" Nothing you do yet lowers it.");
        }
    } else if now.risk_level < pair.inherent.risk_level {
        out.push_str(&format!(
            " What you already do brings it down from {}: {lowers}.",
            lower(Scale::Risk, pair.inherent.risk_level)
        ));
    } else {
        out.push_str(&format!(
            " What you already do helps, not yet by a whole level: {lowers}."
        ));
    }
    out
}

/// Up to [`NAMED`] distinct names joined with commas, "and N more" after.
fn names(all: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for n in all {
        if !seen.contains(&n) {
            seen.push(n);
        }
    }
    let more = seen.len().saturating_sub(NAMED);
    seen.truncate(NAMED);
    let mut s = seen.join("; ");
    if more > 0 {
        s.push_str(&format!(" and {more} more"));
    }
    s
}

/// "Carries all traffic" → "carries all traffic"; a first word with
/// another capital in it ("Wi-Fi", "UPnP") is a name and stays.
fn first_lower(s: &str) -> String {
    let word = s.split_whitespace().next().unwrap_or("");
    let mut chars = s.chars();
    match chars.next() {
        Some(a) if word.chars().skip(1).all(|c| !c.is_uppercase()) && word.len() > 1 => {
            a.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{first_lower, names};

    #[test]
    fn names_are_distinct_and_capped() {
        let n = |v: &[&str]| names(v.iter().map(|s| s.to_string()));
        assert_eq!(n(&[]), "");
        assert_eq!(n(&["a", "a", "b"]), "a; b");
        assert_eq!(n(&["a", "b", "c", "d"]), "a; b and 2 more");
    }

    #[test]
    fn only_an_ordinary_first_capital_is_lowered() {
        assert_eq!(first_lower("Used by a child"), "used by a child");
        assert_eq!(first_lower("UPnP turned off"), "UPnP turned off");
        assert_eq!(first_lower("Wi-Fi on its own"), "Wi-Fi on its own");
        assert_eq!(first_lower("A"), "A");
        assert_eq!(first_lower(""), "");
    }
}
