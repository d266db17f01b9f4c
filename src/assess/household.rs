//! What the user tells us: households, their devices and their answers.

use super::answer::Answer;
use super::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Answers keyed by question id (`q.…`).
pub type Answers = BTreeMap<String, Answer>;

/// A home being assessed. Several can exist side by side (my home, my
/// parents' home, a training sample).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Household {
    /// Stable id, unique among the user's households.
    pub id: String,
    pub name: String,
    /// Household-wide answers (router, Wi-Fi, accounts, habits).
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub devices: Vec<Device>,
    /// Controls the user marked as planned (what-if), by control id.
    #[serde(default)]
    pub planned: Vec<String>,
    /// A bundled sample (trainer mode): shown as such, never mixed with own data.
    #[serde(default)]
    pub sample: bool,
}

/// How the device came into the home.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Acquired {
    #[default]
    New,
    /// Bought used, or came with the home or from someone else.
    SecondHand,
}

/// Lifecycle facts about one device.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Lifecycle {
    #[serde(default)]
    pub acquired: Acquired,
    #[serde(default)]
    pub purchased: Option<Date>,
    /// End of the vendor's security support period, if known.
    #[serde(default)]
    pub support_end: Option<Date>,
    /// Last time someone checked for (or applied) updates.
    #[serde(default)]
    pub updates_checked: Option<Date>,
}

/// One connected device in a household.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Device {
    /// Stable id, unique within the household.
    pub id: String,
    /// The user's name for it ("Kitchen speaker").
    pub name: String,
    /// A device category id (`dev.…`).
    pub category: String,
    #[serde(default)]
    pub room: String,
    /// Capability ids added to, or removed from, the category's defaults.
    #[serde(default)]
    pub capabilities_added: Vec<String>,
    #[serde(default)]
    pub capabilities_removed: Vec<String>,
    #[serde(default)]
    pub lifecycle: Lifecycle,
    /// This device's answers.
    #[serde(default)]
    pub answers: Answers,
}

impl Household {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Household {
        Household {
            id: id.into(),
            name: name.into(),
            answers: Answers::new(),
            devices: Vec::new(),
            planned: Vec::new(),
            sample: false,
        }
    }

    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.iter().find(|d| d.id == id)
    }

    pub fn device_mut(&mut self, id: &str) -> Option<&mut Device> {
        self.devices.iter_mut().find(|d| d.id == id)
    }

    /// A device id not used yet in this household ("d1", "d2", ...).
    pub fn next_device_id(&self) -> String {
        (1..)
            .map(|n| format!("d{n}"))
            .find(|id| self.device(id).is_none())
            .expect("an unused id")
    }
}

impl Device {
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        category: impl Into<String>,
    ) -> Device {
        Device {
            id: id.into(),
            name: name.into(),
            category: category.into(),
            room: String::new(),
            capabilities_added: Vec::new(),
            capabilities_removed: Vec::new(),
            lifecycle: Lifecycle::default(),
            answers: Answers::new(),
        }
    }
}
