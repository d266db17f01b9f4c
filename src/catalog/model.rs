//! The typed form of the catalog files in `catalog/*.toml`.
//!
//! Field names here are the keys security editors write in the TOML files, so
//! keep them plain and stable. Ids are stable strings with a kind prefix
//! (`dev.`, `cap.`, `src.`, `cond.`, `scn.`, `ctl.`, `q.`).

use serde::{Deserialize, Serialize};

/// A device or household fact a scenario can depend on (camera, microphone, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// A kind of connected device a person can add to their home.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeviceCategory {
    pub id: String,
    pub name: String,
    /// The name of the icon shown beside the name (see [`super::icons`]).
    pub icon: String,
    pub description: String,
    /// Examples to help people pick ("Wi-Fi router, mesh satellite").
    #[serde(default)]
    pub examples: Vec<String>,
    /// Capability ids a device of this category has unless the user says otherwise.
    pub capabilities: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Adversarial,
    Accidental,
    Structural,
    Environmental,
}

/// Where a risk comes from (ISO/IEC 27400 clause 6).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskSource {
    pub id: String,
    pub name: String,
    pub description: String,
    pub kind: SourceKind,
    /// ISO/IEC 27400 clause 6 reference, e.g. "6.2.2.1".
    pub iso_27400: String,
}

/// How the engine learns whether a condition holds for a device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConditionSource {
    /// Asked with a question (a question names this condition).
    Question,
    /// The device was bought second-hand or came with the home.
    SecondHand,
    /// The vendor's support period has ended.
    SupportEnded,
    /// The vendor's support period ends within six months.
    SupportEndingSoon,
    /// Nobody checked for updates in the last 90 days.
    UpdatesUnchecked,
    /// Support is not known to end within six months: no end date, or one
    /// further off (so replacing the device is not yet the step to take).
    SupportCurrent,
    /// The device was bought new and set up by the household: there is no
    /// earlier owner's link to clear.
    BoughtNew,
    /// The device is of a kind, or has a capability, listed in the
    /// condition's `applies_to` (context that raises impact: a child's
    /// device, the router that carries all traffic, a lock).
    Device,
}

/// A device or household fact that moves likelihood or impact. Never a risk itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub description: String,
    #[serde(default = "default_condition_source")]
    pub source: ConditionSource,
    /// For `source = "device"`: the devices it holds for.
    #[serde(default)]
    pub applies_to: AppliesTo,
    /// Controls that give no credit on a device where this condition holds
    /// (support ended: updates cannot come). Only derived conditions may void.
    #[serde(default)]
    pub voids: Vec<String>,
}

fn default_condition_source() -> ConditionSource {
    ConditionSource::Question
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Information,
    Privacy,
    Safety,
    Property,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Information,
        Dimension::Privacy,
        Dimension::Safety,
        Dimension::Property,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Information => "information",
            Dimension::Privacy => "privacy",
            Dimension::Safety => "safety",
            Dimension::Property => "property",
        }
    }
}

/// Impact of a scenario on each dimension, 1 (very low) to 5 (very high).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Impact {
    pub information: u8,
    pub privacy: u8,
    pub safety: u8,
    pub property: u8,
}

impl Impact {
    pub fn get(&self, d: Dimension) -> u8 {
        match d {
            Dimension::Information => self.information,
            Dimension::Privacy => self.privacy,
            Dimension::Safety => self.safety,
            Dimension::Property => self.property,
        }
    }
    /// The highest dimension counts.
    pub fn max(&self) -> u8 {
        Dimension::ALL
            .iter()
            .map(|d| self.get(*d))
            .max()
            .unwrap_or(1)
    }
}

/// Which devices a scenario, question or device condition concerns: a
/// device matches when its category is listed or it has any listed
/// capability, unless its category is in `except` (an exception wins over
/// a capability match: a lock "protects the home" but is no smoke alarm).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppliesTo {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Device categories it never concerns, whatever their capabilities.
    #[serde(default)]
    pub except: Vec<String>,
}

impl AppliesTo {
    /// Nothing written: no category, capability or exception.
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() && self.capabilities.is_empty() && self.except.is_empty()
    }
    /// Names no category or capability to include (it may still except some).
    pub fn includes_nothing(&self) -> bool {
        self.categories.is_empty() && self.capabilities.is_empty()
    }
    /// Is this category excepted?
    pub fn excepts(&self, category: &str) -> bool {
        self.except.iter().any(|c| c == category)
    }
    /// The category is not excepted, and it or one of the capabilities is
    /// listed (a scenario's or a device condition's rule).
    pub fn matches<'a>(
        &self,
        category: &str,
        mut capabilities: impl Iterator<Item = &'a str>,
    ) -> bool {
        !self.excepts(category)
            && (self.categories.iter().any(|c| c == category)
                || capabilities.any(|cap| self.capabilities.iter().any(|c| c == cap)))
    }
    /// A question's rule: the category is not excepted, and the question
    /// either includes every device (no category or capability listed) or
    /// [`matches`](Self::matches) it.
    pub fn admits<'a>(&self, category: &str, capabilities: impl Iterator<Item = &'a str>) -> bool {
        if self.includes_nothing() {
            !self.excepts(category)
        } else {
            self.matches(category, capabilities)
        }
    }
}

/// How a condition moves one scenario: likelihood steps and/or impact steps
/// (on one dimension, or on every dimension when none is named). Likelihood
/// steps move one `path` when named, else every path.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionEffect {
    pub condition: String,
    #[serde(default)]
    pub likelihood: f32,
    #[serde(default)]
    pub impact: f32,
    #[serde(default)]
    pub dimension: Option<Dimension>,
    #[serde(default)]
    pub path: Option<String>,
}

/// A scenario lists at most this many paths (the engine keeps one bit per path).
pub const MAX_PATHS: usize = 8;

/// One way a scenario comes about: a risk source through one weakness
/// ("an automated scan, through the factory password"). Each path has its
/// own likelihood; the scenario's likelihood is its most likely path's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Path {
    /// Unique within the scenario ("factory-password").
    pub id: String,
    /// Plain words, read after "through" ("the factory password").
    pub name: String,
    /// The path's base likelihood, 1..=5.
    pub likelihood: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Axis {
    Likelihood,
    Impact,
}

/// How a control treats one scenario: which axis it lowers and how strongly
/// (0..=1, the share of the way to the bottom of the scale it can take the axis).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treatment {
    pub control: String,
    pub axis: Axis,
    pub strength: f32,
    /// The paths a likelihood treatment stops (ids of the scenario's
    /// `paths`); empty means every path.
    #[serde(default)]
    pub paths: Vec<String>,
}

/// A theme for grouping scenarios (trainer sessions, filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Privacy,
    Safety,
    Accounts,
    Lifecycle,
    Network,
}

/// The matters ISO/IEC 27400 stresses for IoT, used to check the catalog covers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Matter {
    SafetyAndProperty,
    LifecycleAndPatching,
    UnmanagedDevices,
    Interoperability,
    ConstrainedDevices,
    UnforeseenUse,
    ChangingContext,
}

impl Matter {
    /// Every matter, in declaration order (the compact catalog's encoding
    /// order too); each must be tagged on some scenario.
    pub const ALL: [Matter; 7] = [
        Matter::SafetyAndProperty,
        Matter::LifecycleAndPatching,
        Matter::UnmanagedDevices,
        Matter::Interoperability,
        Matter::ConstrainedDevices,
        Matter::UnforeseenUse,
        Matter::ChangingContext,
    ];
}

// Fails to compile when a Matter is added, so Matter::ALL cannot fall behind.
const _: fn(Matter) = |m| match m {
    Matter::SafetyAndProperty
    | Matter::LifecycleAndPatching
    | Matter::UnmanagedDevices
    | Matter::Interoperability
    | Matter::ConstrainedDevices
    | Matter::UnforeseenUse
    | Matter::ChangingContext => {}
};

/// A risk scenario: source(s) -> event -> consequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub sources: Vec<String>,
    /// What happens, in plain words.
    pub event: String,
    /// What it means for the household.
    pub consequence: String,
    /// A short story of how it happens, for trainer scenario cards.
    #[serde(default)]
    pub story: String,
    pub theme: Theme,
    #[serde(default)]
    pub matters: Vec<Matter>,
    /// Base likelihood, 1..=5: the likelihood of its one path when it lists
    /// no `paths`.
    pub likelihood: u8,
    /// The ways it comes about, when more than one (at most 8).
    #[serde(default)]
    pub paths: Vec<Path>,
    pub impact: Impact,
    pub applies_to: AppliesTo,
    #[serde(default)]
    pub conditions: Vec<ConditionEffect>,
    pub treatments: Vec<Treatment>,
    #[serde(default)]
    pub refs: References,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlKind {
    Preventive,
    Detective,
    Corrective,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stakeholder {
    /// The person at home (ISO/IEC 27400 5.3.4).
    User,
    /// The company running the service (5.3.2).
    Provider,
    /// The company making the device or app (5.3.3).
    Developer,
}

impl Stakeholder {
    /// The name as catalog files and exports write it.
    pub fn name(self) -> &'static str {
        match self {
            Stakeholder::User => "user",
            Stakeholder::Provider => "provider",
            Stakeholder::Developer => "developer",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum When {
    /// The user can do it today.
    Now,
    /// Only when choosing or buying a device.
    AtPurchase,
    /// Only the vendor can do it; the user can ask for it or choose vendors who do.
    VendorOnly,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Answered once per device.
    Device,
    /// Answered once for the whole home (router, Wi-Fi, accounts, habits).
    Household,
}

/// Framework references. Every id must be in `catalog/frameworks.toml`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct References {
    #[serde(default)]
    pub iso_27400: Vec<String>,
    #[serde(default)]
    pub etsi_en_303_645: Vec<String>,
    #[serde(default)]
    pub nist_ir_8425: Vec<String>,
    #[serde(default)]
    pub owasp_iot_2018: Vec<String>,
    #[serde(default)]
    pub uk_psti: Vec<String>,
    /// EU Cyber Resilience Act, Annex I ("I-1", "I-2a".."I-2m", "II-1".."II-8").
    #[serde(default)]
    pub eu_cra: Vec<String>,
    /// EN 18031 mechanism families ("ACM", "AUM", ...), the family only.
    #[serde(default)]
    pub en_18031: Vec<String>,
}

/// A control: something that treats one or more scenarios.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Control {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub kind: ControlKind,
    pub stakeholder: Stakeholder,
    pub when: When,
    pub scope: Scope,
    /// 1 (minutes) .. 3 (an afternoon or money).
    pub effort: u8,
    /// Step-by-step guidance for a non-expert; required for user controls.
    #[serde(default)]
    pub steps: Vec<String>,
    #[serde(default)]
    pub refs: References,
}

/// A plain question. It sets exactly one control (is it in place?) or one
/// condition (does it hold?).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub text: String,
    /// The "why we ask" help text.
    pub why: String,
    pub scope: Scope,
    #[serde(default)]
    pub control: Option<String>,
    #[serde(default)]
    pub condition: Option<String>,
    /// Restricts a question to these devices; no category or capability
    /// means "every device with a scenario the control or condition
    /// concerns", less the `except` categories.
    #[serde(default)]
    pub applies_to: AppliesTo,
    /// A home question whose answer may differ between devices: asked "all
    /// / some / none of them", with a pick of devices for "some" (their
    /// own answers override the home's).
    #[serde(default)]
    pub pick_devices: bool,
}

/// One named level of a 1..=5 scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: u8,
    pub name: String,
    /// A colour-blind-safe fill for charts, as #rrggbb.
    #[serde(default)]
    pub colour: String,
}

/// The scales and the risk matrix (NIST SP 800-30 style lookup, not a product).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    pub likelihood: Vec<Level>,
    pub impact: Vec<Level>,
    pub risk: Vec<Level>,
    pub effort: Vec<Level>,
    /// matrix[likelihood - 1][impact - 1] = risk level (1..=5).
    pub matrix: Vec<Vec<u8>>,
}

/// One citable framework id with a short paraphrased title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkId {
    pub id: String,
    pub title: String,
    /// Capabilities of devices the provision is not for (ETSI 5.3-15 is for
    /// devices that cannot be updated, so not for `cap.updatable`): a
    /// scenario whose `applies_to` names one, or a control all of whose
    /// scenarios do, may not cite the id.
    #[serde(default)]
    pub not_for_capabilities: Vec<String>,
    /// Whom the clause addresses (ISO/IEC 27400 7.1.2.x: developer and
    /// provider; 5.3.4: user); empty means anyone. A control citing ids of
    /// a framework must cite at least one that fits its own stakeholder.
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
}

/// The framework ids the catalog may cite (from shared/reference/frameworks.md).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Frameworks {
    pub iso_27400: Vec<FrameworkId>,
    pub etsi_en_303_645: Vec<FrameworkId>,
    pub nist_ir_8425: Vec<FrameworkId>,
    pub owasp_iot_2018: Vec<FrameworkId>,
    pub uk_psti: Vec<FrameworkId>,
    #[serde(default)]
    pub eu_cra: Vec<FrameworkId>,
    #[serde(default)]
    pub en_18031: Vec<FrameworkId>,
}

/// The whole catalog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub version: String,
    pub scales: Scales,
    pub frameworks: Frameworks,
    pub capabilities: Vec<Capability>,
    pub device_categories: Vec<DeviceCategory>,
    pub risk_sources: Vec<RiskSource>,
    pub conditions: Vec<Condition>,
    pub scenarios: Vec<Scenario>,
    pub controls: Vec<Control>,
    pub questions: Vec<Question>,
}
