//! Explanations: every figure of a (device, scenario) pair comes with the
//! ordered steps that produced it. Steps are typed so tests can check their
//! structure and the UI can render each as a plain sentence.

use super::answer::Answer;
use super::round2;
use crate::catalog::{Axis, Catalog, Dimension, Impact, Scale};
use crate::decimal;
use serde::Serialize;

/// Which picture a level step closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Before any control (inherent).
    Inherent,
    /// With the controls in place (residual).
    Residual,
    /// With the planned controls too (what-if).
    Projected,
}

/// One step of an explanation. Ids point into the catalog; values are on
/// the 1..=5 scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum Step<'c> {
    /// The scenario's base likelihood (a scenario with one path).
    BaseLikelihood { value: u8 },
    /// The base likelihood of one of the scenario's paths.
    PathBase {
        path: &'c str,
        #[serde(serialize_with = "round2")]
        value: f32,
    },
    /// The most likely path sets the scenario's likelihood at a stage.
    MostLikelyPath {
        stage: Stage,
        path: &'c str,
        #[serde(serialize_with = "round2")]
        value: f32,
    },
    /// A control that cannot help on this device while a condition holds
    /// (support ended: updates cannot come): not counted.
    Voided {
        control: &'c str,
        condition: &'c str,
    },
    /// The scenario's base impact on each dimension.
    BaseImpact { impact: Impact },
    /// A condition that holds moved likelihood and/or impact. `question` and
    /// `answer` are None when it was derived from the device's facts;
    /// `likelihood` and `impact` are the deltas applied (already weighted).
    Condition {
        condition: &'c str,
        question: Option<&'c str>,
        answer: Option<Answer>,
        #[serde(serialize_with = "round2")]
        weight: f32,
        #[serde(serialize_with = "round2")]
        likelihood: f32,
        #[serde(serialize_with = "round2")]
        impact: f32,
        /// The one dimension moved, or None for all four.
        dimension: Option<Dimension>,
        /// The paths whose likelihood it moved (empty: every path).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        paths: Vec<&'c str>,
    },
    /// A value was brought back onto the scale.
    Clamped {
        axis: Axis,
        /// The impact dimension clamped (None for likelihood).
        dimension: Option<Dimension>,
        #[serde(serialize_with = "round2")]
        from: f32,
        #[serde(serialize_with = "round2")]
        to: f32,
    },
    /// Impact counts the highest dimension.
    HighestImpact {
        dimension: Dimension,
        #[serde(serialize_with = "round2")]
        value: f32,
    },
    /// A control treating the scenario, with its answer and its effect on
    /// the axis (`from` → `to`; equal when it is not in place).
    Control {
        control: &'c str,
        question: &'c str,
        answer: Option<Answer>,
        axis: Axis,
        #[serde(serialize_with = "round2")]
        strength: f32,
        #[serde(serialize_with = "round2")]
        weight: f32,
        #[serde(serialize_with = "round2")]
        from: f32,
        #[serde(serialize_with = "round2")]
        to: f32,
        /// The paths a likelihood control stops (empty: every path).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        paths: Vec<&'c str>,
    },
    /// The user said the control does not apply: its treatment is removed.
    NotApplicable { control: &'c str, question: &'c str },
    /// A planned control (what-if) and its projected effect.
    Planned {
        control: &'c str,
        axis: Axis,
        #[serde(serialize_with = "round2")]
        from: f32,
        #[serde(serialize_with = "round2")]
        to: f32,
    },
    /// The matrix lookup closing a stage.
    Level {
        stage: Stage,
        likelihood: u8,
        impact: u8,
        risk: u8,
    },
}

/// "+1", "-0.5", "+0.25": whole numbers without decimals.
fn delta(x: f32) -> String {
    if (x - x.round()).abs() < 1e-4 {
        format!("{:+}", x.round() as i32)
    } else {
        let s = decimal::signed(x, 2);
        s.trim_end_matches('0').to_string()
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn axis_word(axis: Axis) -> &'static str {
    match axis {
        Axis::Likelihood => "likelihood",
        Axis::Impact => "impact",
    }
}

/// " (through a, b)" for the paths a step concerns; "" for every path.
fn through(paths: &[&str]) -> String {
    if paths.is_empty() {
        String::new()
    } else {
        format!(" (through {})", paths.join(" or "))
    }
}

fn answer_words(answer: Option<Answer>) -> &'static str {
    match answer {
        Some(Answer::Yes) => "yes",
        Some(Answer::Partly) => "partly",
        Some(Answer::No) => "no",
        Some(Answer::DontKnow) => "don't know",
        Some(Answer::NotApplicable) => "not applicable",
        None => "not answered yet",
    }
}

impl<'c> Step<'c> {
    /// The question whose answer made this step, if one did.
    pub fn question(&self) -> Option<&'c str> {
        match self {
            Step::Condition { question, .. } => *question,
            Step::Control { question, .. } | Step::NotApplicable { question, .. } => Some(question),
            _ => None,
        }
    }

    /// The step as one plain-English sentence, with names from the catalog
    /// (ids are shown when the catalog no longer has them).
    pub fn sentence(&self, catalog: &Catalog) -> String {
        let scales = &catalog.scales;
        match self {
            Step::BaseLikelihood { value } => {
                format!(
                    "Base likelihood: {} ({value})",
                    scales.level_name(Scale::Likelihood, *value)
                )
            }
            Step::PathBase { path, value } => {
                format!(
                    "Through {path}: base likelihood {} ({})",
                    scales.level_name(Scale::Likelihood, crate::assess::rules::level(*value)),
                    decimal::fixed(*value, 2)
                )
            }
            Step::MostLikelyPath { stage, path, value } => {
                let when = match stage {
                    Stage::Inherent => "before your controls",
                    Stage::Residual => "with your controls",
                    Stage::Projected => "with your planned controls",
                };
                format!(
                    "The easiest way in {when} is through {path}: likelihood {}",
                    decimal::fixed(*value, 2)
                )
            }
            Step::Voided { control, condition } => {
                format!(
                    "{}: cannot help while \"{}\" holds, not counted",
                    catalog.control_title(control),
                    catalog.condition_name(condition)
                )
            }
            Step::BaseImpact { impact } => {
                let parts: Vec<String> = Dimension::ALL
                    .iter()
                    .map(|d| {
                        let v = impact.get(*d);
                        format!("{} {} ({v})", d.name(), scales.level_name(Scale::Impact, v))
                    })
                    .collect();
                format!("Base impact: {}", parts.join(", "))
            }
            Step::Condition {
                condition,
                answer,
                likelihood,
                impact,
                dimension,
                paths,
                ..
            } => {
                let name = catalog.condition_name(condition);
                let how = match answer {
                    None => String::new(),
                    Some(Answer::DontKnow) => " (don't know, so assumed to hold)".to_string(),
                    Some(a) => format!(" (answered {})", answer_words(Some(*a))),
                };
                let mut moves = Vec::new();
                if *likelihood != 0.0 {
                    moves.push(format!(
                        "{} likelihood{}",
                        delta(*likelihood),
                        through(paths)
                    ));
                }
                if *impact != 0.0 {
                    moves.push(match dimension {
                        Some(d) => format!("{} {} impact", delta(*impact), d.name()),
                        None => format!("{} impact on every dimension", delta(*impact)),
                    });
                }
                if moves.is_empty() {
                    moves.push("no change".to_string());
                }
                format!("{name}{how}: {}", moves.join(", "))
            }
            Step::Clamped {
                axis,
                dimension,
                from,
                to,
            } => {
                let what = match dimension {
                    Some(d) => format!("{} impact", capitalized(d.name())),
                    None => capitalized(axis_word(*axis)),
                };
                let edge = if to > from { "bottom" } else { "top" };
                format!(
                    "{what} kept at the {edge} of the scale: {} → {}",
                    decimal::fixed(*from, 2),
                    decimal::fixed(*to, 2)
                )
            }
            Step::HighestImpact { dimension, value } => {
                format!(
                    "Impact counts the highest dimension: {} {}",
                    dimension.name(),
                    decimal::fixed(*value, 2)
                )
            }
            Step::Control {
                control,
                answer,
                axis,
                weight,
                from,
                to,
                paths,
                ..
            } => {
                let title = catalog.control_title(control);
                let a = answer_words(*answer);
                let ax = format!("{}{}", axis_word(*axis), through(paths));
                if *weight > 0.0 {
                    let (from, to) = (decimal::fixed(*from, 2), decimal::fixed(*to, 2));
                    format!("{title} ({a}): {ax} {from} → {to}")
                } else {
                    let from = decimal::fixed(*from, 2);
                    format!("{title} ({a}): counted as not in place, {ax} stays {from}")
                }
            }
            Step::NotApplicable { control, .. } => {
                format!(
                    "{}: not applicable here, not counted",
                    catalog.control_title(control)
                )
            }
            Step::Planned {
                control,
                axis,
                from,
                to,
            } => {
                format!(
                    "{} (planned): {} {} → {}",
                    catalog.control_title(control),
                    axis_word(*axis),
                    decimal::fixed(*from, 2),
                    decimal::fixed(*to, 2)
                )
            }
            Step::Level {
                stage,
                likelihood,
                impact,
                risk,
            } => {
                let when = match stage {
                    Stage::Inherent => "Risk level before your controls",
                    Stage::Residual => "Risk level with your controls",
                    Stage::Projected => "Risk level with your planned controls",
                };
                format!(
                    "{when}: {} (likelihood {} × impact {})",
                    scales.level_name(Scale::Risk, *risk),
                    scales.level_name(Scale::Likelihood, *likelihood),
                    scales.level_name(Scale::Impact, *impact)
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::delta;

    #[test]
    fn deltas_read_naturally() {
        assert_eq!(delta(1.0), "+1");
        assert_eq!(delta(-1.0), "-1");
        assert_eq!(delta(0.5), "+0.5");
        assert_eq!(delta(-0.25), "-0.25");
    }
}
