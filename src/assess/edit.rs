//! Changes the user makes to a household: the few rules behind the buttons
//! (where an answer goes, device ids, removing with undo), so the UI only
//! dispatches.

use super::answer::Answer;
use super::household::{Device, Household};

/// Whose answer: the household's, or one device's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerTarget {
    Household,
    Device(String),
}

impl Household {
    /// Records an answer, or clears it with `None`.
    pub fn set_answer(&mut self, target: &AnswerTarget, question: &str, answer: Option<Answer>) {
        let answers = match target {
            AnswerTarget::Household => &mut self.answers,
            AnswerTarget::Device(id) => match self.device_mut(id) {
                Some(d) => &mut d.answers,
                None => return,
            },
        };
        match answer {
            Some(a) => answers.insert(question.to_string(), a),
            None => answers.remove(question),
        };
    }

    /// The answer recorded for a question, if any.
    pub fn answer(&self, target: &AnswerTarget, question: &str) -> Option<Answer> {
        match target {
            AnswerTarget::Household => self.answers.get(question).copied(),
            AnswerTarget::Device(id) => self.device(id)?.answers.get(question).copied(),
        }
    }

    /// Adds a device with a fresh id and returns the id. A blank name
    /// becomes `fallback_name`.
    pub fn add_device(
        &mut self,
        category: &str,
        name: &str,
        room: &str,
        fallback_name: &str,
    ) -> String {
        let id = self.next_device_id();
        let name = if name.trim().is_empty() {
            fallback_name
        } else {
            name.trim()
        };
        let mut device = Device::new(id.clone(), name, category);
        device.room = room.trim().to_string();
        self.devices.push(device);
        id
    }

    /// Removes a device, returning where it was and what it was, for undo.
    pub fn remove_device(&mut self, id: &str) -> Option<(usize, Device)> {
        let index = self.devices.iter().position(|d| d.id == id)?;
        Some((index, self.devices.remove(index)))
    }

    /// Puts a removed device back where it was (or at the end), unless its id
    /// was taken again meanwhile, in which case it gets a fresh one.
    pub fn restore_device(&mut self, index: usize, mut device: Device) {
        if self.device(&device.id).is_some() {
            device.id = self.next_device_id();
        }
        let index = index.min(self.devices.len());
        self.devices.insert(index, device);
    }

    /// Marks a control as planned (what-if) or not.
    pub fn set_planned(&mut self, control: &str, planned: bool) {
        let present = self.planned.iter().any(|c| c == control);
        if planned && !present {
            self.planned.push(control.to_string());
        } else if !planned && present {
            self.planned.retain(|c| c != control);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_go_to_the_household_or_the_device() {
        let mut h = Household::new("h", "Home");
        let id = h.add_device("dev.router", "  ", "Hall", "Router");
        assert_eq!(id, "d1");
        assert_eq!(h.devices[0].name, "Router", "blank names fall back");
        assert_eq!(h.devices[0].room, "Hall");
        h.set_answer(&AnswerTarget::Household, "q.wifi", Some(Answer::Yes));
        h.set_answer(&AnswerTarget::Device(id.clone()), "q.pw", Some(Answer::No));
        assert_eq!(h.answers.get("q.wifi"), Some(&Answer::Yes));
        assert_eq!(
            h.answer(&AnswerTarget::Device(id.clone()), "q.pw"),
            Some(Answer::No)
        );
        assert_eq!(h.answer(&AnswerTarget::Household, "q.pw"), None);
        h.set_answer(&AnswerTarget::Device(id.clone()), "q.pw", None);
        assert_eq!(h.answer(&AnswerTarget::Device(id), "q.pw"), None);
        // An unknown device is ignored rather than invented.
        h.set_answer(
            &AnswerTarget::Device("d9".into()),
            "q.pw",
            Some(Answer::Yes),
        );
        assert_eq!(h.devices.len(), 1);
    }

    #[test]
    fn removed_devices_come_back_in_place_with_their_answers() {
        let mut h = Household::new("h", "Home");
        for n in ["A", "B", "C"] {
            h.add_device("dev.router", n, "", "x");
        }
        h.set_answer(
            &AnswerTarget::Device("d2".into()),
            "q",
            Some(Answer::Partly),
        );
        let (index, device) = h.remove_device("d2").unwrap();
        assert_eq!(index, 1);
        assert_eq!(
            h.devices
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>(),
            ["A", "C"]
        );
        h.restore_device(index, device);
        assert_eq!(
            h.devices
                .iter()
                .map(|d| d.name.as_str())
                .collect::<Vec<_>>(),
            ["A", "B", "C"]
        );
        assert_eq!(
            h.answer(&AnswerTarget::Device("d2".into()), "q"),
            Some(Answer::Partly)
        );
        assert!(h.remove_device("nope").is_none());
    }

    #[test]
    fn a_restored_device_whose_id_was_reused_gets_a_new_one() {
        let mut h = Household::new("h", "Home");
        h.add_device("dev.router", "A", "", "x");
        let (i, old) = h.remove_device("d1").unwrap();
        h.add_device("dev.router", "New", "", "x");
        h.restore_device(i, old);
        let ids: Vec<_> = h.devices.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["d2", "d1"]);
    }

    #[test]
    fn planning_is_a_set() {
        let mut h = Household::new("h", "Home");
        h.set_planned("ctl.a", true);
        h.set_planned("ctl.a", true);
        assert_eq!(h.planned, ["ctl.a"]);
        h.set_planned("ctl.a", false);
        assert!(h.planned.is_empty());
    }
}
