//! Home questions asked once for the home with per-device picks
//! (`pick_devices`): "All of them", "Some of them" (which ones), "None of
//! them". How they are stored is in [`super::rules`] ("Which questions
//! concern a device"): all = home `yes` and no device answers; none = home
//! `no`; some = home `partly`, `yes` on each device picked and `no` on every
//! other device the question concerns.
//!
//! ```
//! # use thingrisk::assess::{Answer, Engine, Household, home_answer::HomeAnswer};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let mut home = Household::new("h", "Home");
//! home.add_device("dev.indoor-camera", "Camera", "", "Camera");
//! home.add_device("dev.speaker", "Speaker", "", "Speaker");
//! let q = engine.household_questions(&home).into_iter().find(|q| q.pick_devices).unwrap();
//! let concerned = engine.devices_concerned(&home, &q.id);
//! let ids: Vec<String> = concerned.iter().map(|&i| home.devices[i].id.clone()).collect();
//! home.set_some(&q.id, &ids, &ids[..1]);
//! assert_eq!(engine.home_answer(&home, &q.id), HomeAnswer::Some { picked: ids[..1].to_vec() });
//! home.set_home_answer(&q.id, Some(Answer::Yes));
//! assert_eq!(engine.home_answer(&home, &q.id), HomeAnswer::One(Answer::Yes));
//! ```

use super::answer::Answer;
use super::engine::Engine;
use super::household::Household;

/// The home's answer to a home question, as the "all / some / none" widget
/// shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeAnswer {
    Unanswered,
    /// One answer for every device ("All of them" is `Yes`, "None of them" `No`).
    One(Answer),
    /// "Some of them": the ids of the devices picked (it holds, or is done, on them).
    Some {
        picked: Vec<String>,
    },
}

impl Household {
    /// Answers a home question for the whole home (or clears it with
    /// `None`): no device keeps an answer of its own to it.
    pub fn set_home_answer(&mut self, question: &str, answer: Option<Answer>) {
        match answer {
            Some(a) => self.answers.insert(question.to_string(), a),
            None => self.answers.remove(question),
        };
        for d in &mut self.devices {
            d.answers.remove(question);
        }
    }

    /// "Some of them": `partly` for the home, `yes` on each device of
    /// `picked`, `no` on every other device of `concerned` (ids); devices
    /// the question does not concern keep no answer to it.
    pub fn set_some(&mut self, question: &str, concerned: &[String], picked: &[String]) {
        self.set_home_answer(question, Some(Answer::Partly));
        for d in &mut self.devices {
            if picked.contains(&d.id) {
                d.answers.insert(question.to_string(), Answer::Yes);
            } else if concerned.contains(&d.id) {
                d.answers.insert(question.to_string(), Answer::No);
            }
        }
    }
}

impl<'c> Engine<'c> {
    /// The devices (positions in `household.devices`) a home question
    /// concerns, in inventory order: those for which it would be asked were
    /// the device alone in the home.
    pub fn devices_concerned(&self, household: &Household, question: &str) -> Vec<usize> {
        let Some(qi) = self.catalog.questions.iter().position(|q| q.id == question) else {
            return Vec::new();
        };
        household
            .devices
            .iter()
            .enumerate()
            .filter(|(_, d)| self.context(d).is_some_and(|c| c.relevant[qi]))
            .map(|(i, _)| i)
            .collect()
    }

    /// How the home answered a home question: "some of them" when the home
    /// says `partly` or any device has an answer of its own to it (the ones
    /// answering `yes` are the picked), else the home's answer.
    pub fn home_answer(&self, household: &Household, question: &str) -> HomeAnswer {
        let home = household.answers.get(question).copied();
        let own = household
            .devices
            .iter()
            .any(|d| d.answers.contains_key(question));
        if own || home == Some(Answer::Partly) {
            let picked = household
                .devices
                .iter()
                .filter(|d| d.answers.get(question) == Some(&Answer::Yes))
                .map(|d| d.id.clone())
                .collect();
            return HomeAnswer::Some { picked };
        }
        home.map_or(HomeAnswer::Unanswered, HomeAnswer::One)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Date;
    use crate::catalog::embedded;

    fn home() -> Household {
        let mut h = Household::new("h", "Home");
        h.add_device("dev.indoor-camera", "Camera", "", "x");
        h.add_device("dev.speaker", "Speaker", "", "x");
        h.add_device("dev.lock", "Lock", "", "x");
        h.add_device("dev.no-such-type", "Mystery", "", "x");
        h
    }

    /// A pick question that concerns some of the home's devices but not all.
    fn pick_question(e: &Engine, h: &Household) -> String {
        e.household_questions(h)
            .into_iter()
            .filter(|q| q.pick_devices)
            .find(|q| {
                let n = e.devices_concerned(h, &q.id).len();
                n >= 2 && n < h.devices.len()
            })
            .expect("a pick question that concerns two devices or more")
            .id
            .clone()
    }

    #[test]
    fn devices_concerned_are_those_the_question_is_asked_for_alone() {
        let e = Engine::new(embedded());
        let h = home();
        for q in e.household_questions(&h) {
            let by_rule: Vec<usize> = (0..h.devices.len())
                .filter(|&i| {
                    let alone = Household {
                        devices: vec![h.devices[i].clone()],
                        ..h.clone()
                    };
                    // Alone and unknown, the device asks every question: not "concerned".
                    e.context(&h.devices[i]).is_some()
                        && e.household_questions(&alone).iter().any(|x| x.id == q.id)
                })
                .collect();
            assert_eq!(e.devices_concerned(&h, &q.id), by_rule, "{}", q.id);
        }
        assert!(!e.devices_concerned(&h, &pick_question(&e, &h)).contains(&3));
        assert!(e.devices_concerned(&h, "q.no-such-question").is_empty());
    }

    #[test]
    fn some_of_them_is_partly_at_home_yes_on_the_picked_and_no_on_the_rest() {
        let e = Engine::new(embedded());
        let mut h = home();
        let q = pick_question(&e, &h);
        let concerned: Vec<String> = e
            .devices_concerned(&h, &q)
            .into_iter()
            .map(|i| h.devices[i].id.clone())
            .collect();
        let picked = vec![concerned[0].clone()];
        h.set_some(&q, &concerned, &picked);
        assert_eq!(h.answers.get(&q), Some(&Answer::Partly));
        for d in &h.devices {
            let expected = if picked.contains(&d.id) {
                Some(&Answer::Yes)
            } else if concerned.contains(&d.id) {
                Some(&Answer::No)
            } else {
                None
            };
            assert_eq!(d.answers.get(&q), expected, "{}", d.name);
        }
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::Some { picked });
        // Picking none is still "some" with nobody picked, not "none of them".
        h.set_some(&q, &concerned, &[]);
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::Some { picked: vec![] });
        // The home question counts as answered once, for the quick check.
        let today = Date::new(2026, 12, 1).unwrap();
        let asks = e.asks(&h, today);
        let ask = asks.list.iter().find(|a| a.question.id == q).unwrap();
        assert_eq!(ask.answer, Some(Answer::Partly));
        assert!(!ask.quick);
    }

    #[test]
    fn one_answer_for_the_home_clears_every_device_answer() {
        let e = Engine::new(embedded());
        let mut h = home();
        let q = pick_question(&e, &h);
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::Unanswered);
        let all: Vec<String> = h.devices.iter().map(|d| d.id.clone()).collect();
        h.set_some(&q, &all, &all[1..2]);
        h.set_home_answer(&q, Some(Answer::No));
        assert!(h.devices.iter().all(|d| !d.answers.contains_key(&q)));
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::One(Answer::No));
        h.set_home_answer(&q, Some(Answer::DontKnow));
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::One(Answer::DontKnow));
        h.set_home_answer(&q, None);
        assert_eq!(e.home_answer(&h, &q), HomeAnswer::Unanswered);
        assert!(h.answers.is_empty());
    }

    #[test]
    fn a_device_answer_alone_reads_as_some_of_them() {
        let e = Engine::new(embedded());
        let mut h = home();
        let q = pick_question(&e, &h);
        h.devices[1].answers.insert(q.clone(), Answer::Yes);
        assert_eq!(
            e.home_answer(&h, &q),
            HomeAnswer::Some {
                picked: vec![h.devices[1].id.clone()]
            }
        );
    }
}
