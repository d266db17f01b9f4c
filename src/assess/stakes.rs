//! What to ask next: every question the household is asked, with what is
//! at stake in its answer, most first, and which of them the quick check
//! asks. The measure and the quick check's limits are in [`super::rules`]
//! ("What is at stake in a question", "The quick check").
//!
//! ```
//! # use thingrisk::assess::{Date, Engine, Household};
//! let engine = Engine::new(thingrisk::catalog::embedded());
//! let mut home = Household::new("h", "Home");
//! home.add_device("dev.indoor-camera", "Camera", "Hall", "Camera");
//! let today = Date::new(2026, 12, 1).unwrap();
//! let asks = engine.asks(&home, today);
//! let next = asks.next().expect("a fresh home has questions to answer");
//! assert!(next.quick && next.answer.is_none());
//! assert!(asks.list.iter().all(|a| a.stake <= next.stake || a.answer.is_some()));
//! ```

use super::answer::Answer;
use super::date::Date;
use super::engine::Engine;
use super::household::Household;
use super::rules::{QUICK_STAKE, burden, quick_limit};
use crate::catalog::Question;
use serde::Serialize;

/// One question put to the household: for the home, or for one device.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ask<'c> {
    #[serde(serialize_with = "question_id")]
    pub question: &'c Question,
    /// Position of the device in the household; None for the home.
    pub device: Option<usize>,
    /// What is at stake in its answer (see the rules), 0 and up.
    #[serde(serialize_with = "super::round2")]
    pub stake: f32,
    /// The answer given where it is asked (on the device, or for the home).
    pub answer: Option<Answer>,
    /// Unanswered and among the questions the quick check asks now.
    pub quick: bool,
}

fn question_id<S: serde::Serializer>(q: &&Question, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&q.id)
}

/// Every question asked of a household, unanswered first, each group by
/// stake (highest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Asks<'c> {
    pub list: Vec<Ask<'c>>,
    /// Questions answered (a home question with per-device picks once).
    pub answered: usize,
    /// How many answers the quick check asks for in all, for this many devices.
    pub limit: usize,
}

impl<'c> Asks<'c> {
    /// The question to ask next in the quick check; None once it is done.
    pub fn next(&self) -> Option<&Ask<'c>> {
        self.list.iter().find(|a| a.quick)
    }

    /// The next most important unanswered question, quick check or not
    /// (refining after the quick check); None when all are answered.
    pub fn next_any(&self) -> Option<&Ask<'c>> {
        self.list.iter().find(|a| a.answer.is_none())
    }

    /// Questions the quick check still asks.
    pub fn quick_left(&self) -> usize {
        self.list.iter().filter(|a| a.quick).count()
    }

    /// Unanswered questions whose answer could still change the results
    /// (stake at least the rules' threshold).
    pub fn could_change(&self) -> usize {
        self.list
            .iter()
            .filter(|a| a.answer.is_none() && a.stake >= QUICK_STAKE)
            .count()
    }

    /// Unanswered questions.
    pub fn unanswered(&self) -> usize {
        self.list.iter().filter(|a| a.answer.is_none()).count()
    }

    /// The asks of one device (`Some(i)`) or of the home (`None`), in the
    /// order they are asked.
    pub fn of(&self, device: Option<usize>) -> impl Iterator<Item = &Ask<'c>> {
        self.list.iter().filter(move |a| a.device == device)
    }
}

impl<'c> Engine<'c> {
    /// Every question asked of `household` on `today` (see
    /// [`Engine::device_questions`] and [`Engine::household_questions`]),
    /// with its stake and quick-check flag, in the order to ask them.
    pub fn asks(&self, household: &Household, today: Date) -> Asks<'c> {
        let mut list = Vec::new();
        // Planned steps do not change what is at stake now.
        let mut home = household.clone();
        home.planned.clear();
        let whole = self.burden_of(&home, today);
        for q in self.household_questions(&home) {
            let answer = home.answers.get(q.id.as_str()).copied();
            let overridden = home.devices.iter().any(|d| d.answers.contains_key(&q.id));
            let with = |a: Answer| {
                if !overridden && counts_as(q, answer) == counts_as(q, Some(a)) {
                    return whole;
                }
                let mut h = home.clone();
                h.answers.insert(q.id.clone(), a);
                for d in &mut h.devices {
                    d.answers.remove(&q.id);
                }
                self.burden_of(&h, today)
            };
            let stake = (with(Answer::No) - with(Answer::Yes)).abs();
            list.push(Ask {
                question: q,
                device: None,
                stake,
                answer,
                quick: false,
            });
        }
        for (di, device) in home.devices.iter().enumerate() {
            // One device at a time: its pairs depend on its own answers only.
            let mut alone = Household {
                devices: vec![device.clone()],
                ..Household::new(&home.id, "")
            };
            alone.answers = home.answers.clone();
            let now = self.burden_of(&alone, today);
            for q in self.device_questions(device, today) {
                let answer = device.answers.get(q.id.as_str()).copied();
                let mut with = |a: Answer| {
                    if counts_as(q, answer) == counts_as(q, Some(a)) {
                        return now;
                    }
                    let before = alone.devices[0].answers.insert(q.id.clone(), a);
                    let b = self.burden_of(&alone, today);
                    match before {
                        Some(x) => alone.devices[0].answers.insert(q.id.clone(), x),
                        None => alone.devices[0].answers.remove(&q.id),
                    };
                    b
                };
                let stake = (with(Answer::No) - with(Answer::Yes)).abs();
                list.push(Ask {
                    question: q,
                    device: Some(di),
                    stake,
                    answer,
                    quick: false,
                });
            }
        }
        // Unanswered first, then by stake, then home before devices, then
        // device order, then catalog order (a stable sort keeps that).
        let key = |a: &Ask| (a.answer.is_some(), std::cmp::Reverse(Ordered(a.stake)));
        list.sort_by_key(key);
        let answered = list.iter().filter(|a| a.answer.is_some()).count();
        let limit = quick_limit(home.devices.len());
        let mut left = limit.saturating_sub(answered);
        for a in list.iter_mut() {
            if a.answer.is_none() && a.stake >= QUICK_STAKE && left > 0 {
                a.quick = true;
                left -= 1;
            }
        }
        Asks {
            list,
            answered,
            limit,
        }
    }

    /// The household's residual burden on `today` (see the rules).
    fn burden_of(&self, household: &Household, today: Date) -> f32 {
        self.evaluate_brief(household, today)
            .pairs
            .iter()
            .map(|p| burden(p.residual.score))
            .sum()
    }
}

/// What an answer counts as, to skip working out a picture that is the
/// same: unanswered and "no" count alike; for a condition "don't know"
/// counts as "yes", for a control as "no".
fn counts_as(q: &Question, answer: Option<Answer>) -> Option<Answer> {
    let condition = q.condition.is_some();
    match answer {
        None | Some(Answer::No) => Some(Answer::No),
        Some(Answer::DontKnow) if condition => Some(Answer::Yes),
        Some(Answer::DontKnow) => Some(Answer::No),
        other => other,
    }
}

/// An f32 ordered by `total_cmp`, for sort keys.
#[derive(PartialEq)]
struct Ordered(f32);
impl Eq for Ordered {}
impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Acquired, Device};
    use crate::catalog::embedded;

    fn today() -> Date {
        Date::new(2026, 12, 1).unwrap()
    }

    fn home(categories: &[&str]) -> Household {
        let mut h = Household::new("h", "Home");
        for c in categories {
            h.add_device(c, "", "", c);
        }
        h
    }

    #[test]
    fn a_yes_to_the_first_question_lowers_what_is_left_at_stake() {
        let e = Engine::new(embedded());
        let mut h = home(&["dev.indoor-camera", "dev.router", "dev.lock"]);
        let before = e.asks(&h, today());
        let first = before.next().unwrap().clone();
        assert!(first.stake > 0.0);
        let target = match first.device {
            Some(i) => crate::assess::AnswerTarget::Device(h.devices[i].id.clone()),
            None => crate::assess::AnswerTarget::Household,
        };
        h.set_answer(&target, &first.question.id, Some(Answer::Yes));
        let after = e.asks(&h, today());
        assert_eq!(after.answered, 1);
        assert!(after.list.iter().any(|a| a.question.id == first.question.id
            && a.device == first.device
            && a.answer == Some(Answer::Yes)));
        assert!(before.list.iter().all(|a| a.stake <= first.stake));
        assert_eq!(after.unanswered(), before.unanswered() - 1);
    }

    #[test]
    fn unanswered_questions_come_first_by_stake() {
        let e = Engine::new(embedded());
        let asks = e.asks(&home(&["dev.indoor-camera", "dev.speaker"]), today());
        for w in asks.list.windows(2) {
            assert!(
                w[0].stake >= w[1].stake,
                "{} before {}",
                w[0].question.id,
                w[1].question.id
            );
        }
    }

    #[test]
    fn the_quick_check_stops_at_its_limit() {
        let e = Engine::new(embedded());
        let cats = [
            "dev.router",
            "dev.indoor-camera",
            "dev.indoor-camera",
            "dev.doorbell",
            "dev.speaker",
            "dev.lock",
            "dev.tv",
            "dev.lights-plugs",
            "dev.energy",
            "dev.alarm",
        ];
        let h = home(&cats);
        let asks = e.asks(&h, today());
        assert_eq!(asks.limit, 60);
        assert!(asks.quick_left() <= 60, "{}", asks.quick_left());
        assert!(asks.unanswered() > asks.quick_left());
    }

    #[test]
    fn a_new_device_is_not_asked_about_a_second_hand_reset_and_a_used_one_is() {
        let e = Engine::new(embedded());
        let mut h = home(&["dev.lock"]);
        let asked = |h: &Household| {
            e.asks(h, today())
                .list
                .iter()
                .any(|a| a.question.id == "q.reset-second-hand")
        };
        assert!(!asked(&h));
        h.devices[0].lifecycle.acquired = Acquired::SecondHand;
        assert!(asked(&h));
    }

    #[test]
    fn update_questions_stop_once_support_has_ended() {
        let e = Engine::new(embedded());
        let mut d = Device::new("d1", "Camera", "dev.indoor-camera");
        let asked = |d: &Device| {
            e.device_questions(d, today())
                .iter()
                .any(|q| q.id == "q.auto-updates")
        };
        assert!(asked(&d));
        d.lifecycle.support_end = Date::new(2025, 1, 1);
        assert!(!asked(&d));
    }
}
