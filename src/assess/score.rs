//! The figures of one (device, scenario) pair at one stage: continuous
//! likelihood and impact (each dimension kept), their levels, the risk level
//! and the risk score. The rules live in [`super::rules`].

use super::round2;
use super::rules::{clamp_scale, level, risk_level, risk_score};
use crate::catalog::{Dimension, Scales};
use serde::Serialize;

/// Impact on each of the four dimensions (continuous, 1..=5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Dimensions {
    #[serde(serialize_with = "round2")]
    pub information: f32,
    #[serde(serialize_with = "round2")]
    pub privacy: f32,
    #[serde(serialize_with = "round2")]
    pub safety: f32,
    #[serde(serialize_with = "round2")]
    pub property: f32,
}

impl Dimensions {
    /// From values in [`Dimension::ALL`] order.
    pub fn from_array([information, privacy, safety, property]: [f32; 4]) -> Dimensions {
        Dimensions {
            information,
            privacy,
            safety,
            property,
        }
    }

    /// Values in [`Dimension::ALL`] order.
    pub fn to_array(self) -> [f32; 4] {
        [self.information, self.privacy, self.safety, self.property]
    }

    pub fn get(&self, d: Dimension) -> f32 {
        match d {
            Dimension::Information => self.information,
            Dimension::Privacy => self.privacy,
            Dimension::Safety => self.safety,
            Dimension::Property => self.property,
        }
    }

    /// The highest dimension and its value (the first in [`Dimension::ALL`]
    /// order on a tie).
    pub fn highest(&self) -> (Dimension, f32) {
        let mut best = (Dimension::Information, self.information);
        for d in Dimension::ALL {
            if self.get(d) > best.1 {
                best = (d, self.get(d));
            }
        }
        best
    }
}

/// Likelihood, impact and risk of one pair at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// Continuous likelihood, 1..=5.
    #[serde(serialize_with = "round2")]
    pub likelihood: f32,
    /// Continuous impact (the highest dimension), 1..=5.
    #[serde(serialize_with = "round2")]
    pub impact: f32,
    pub dimensions: Dimensions,
    pub likelihood_level: u8,
    pub impact_level: u8,
    /// From the risk matrix, 1..=5.
    pub risk_level: u8,
    /// likelihood × impact, 1..=25: for ranking and the plan.
    #[serde(serialize_with = "round2")]
    pub score: f32,
}

impl Score {
    /// Scores a likelihood and four dimension impacts (kept on the scale).
    pub fn new(scales: &Scales, likelihood: f32, dimensions: [f32; 4]) -> Score {
        let likelihood = clamp_scale(likelihood);
        let dimensions = Dimensions::from_array(dimensions.map(clamp_scale));
        let impact = dimensions.highest().1;
        let likelihood_level = level(likelihood);
        let impact_level = level(impact);
        Score {
            likelihood,
            impact,
            dimensions,
            likelihood_level,
            impact_level,
            risk_level: risk_level(scales, likelihood_level, impact_level),
            score: risk_score(likelihood, impact),
        }
    }
}
