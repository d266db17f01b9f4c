//! A participant working through a deck: one answer per card (the first
//! counts: the feedback has been seen after it), the score, and the result
//! file's content at the end.

use super::deck::Card;
use super::result::{CardResult, ParticipantResult};
use crate::catalog::Theme;

/// A deck and the answers given so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Session<'c> {
    pub themes: Vec<Theme>,
    pub cards: Vec<Card<'c>>,
    /// Per card: the control chosen, if answered.
    pub answers: Vec<Option<&'c str>>,
}

impl<'c> Session<'c> {
    pub fn new(themes: Vec<Theme>, cards: Vec<Card<'c>>) -> Session<'c> {
        let answers = vec![None; cards.len()];
        Session {
            themes,
            cards,
            answers,
        }
    }

    /// Records the answer to card `index` if it has none yet and `control`
    /// is one of its choices. Returns whether the recorded answer is right
    /// (None when the card does not exist or `control` is not a choice).
    pub fn answer(&mut self, index: usize, control: &str) -> Option<bool> {
        let card = self.cards.get(index)?;
        let chosen = card.choices.iter().find(|c| c.id == control)?;
        let slot = &mut self.answers[index];
        let kept = *slot.get_or_insert(chosen.id.as_str());
        Some(card.is_right(kept))
    }

    /// Whether card `index` was answered right (None if unanswered).
    pub fn verdict(&self, index: usize) -> Option<bool> {
        let chosen = self.answers.get(index).copied().flatten()?;
        Some(self.cards[index].is_right(chosen))
    }

    /// Right answers so far.
    pub fn score(&self) -> usize {
        (0..self.cards.len())
            .filter(|&i| self.verdict(i) == Some(true))
            .count()
    }

    pub fn total(&self) -> usize {
        self.cards.len()
    }

    /// Every card answered.
    pub fn finished(&self) -> bool {
        self.answers.iter().all(Option::is_some)
    }

    /// The same cards, no answers (a retry).
    pub fn restarted(&self) -> Session<'c> {
        Session::new(self.themes.clone(), self.cards.clone())
    }

    /// The result file's content: the answered cards, in deck order.
    /// `finished_at` is the caller's ISO-8601 time.
    pub fn result(&self, participant: &str, finished_at: &str) -> ParticipantResult {
        let cards: Vec<CardResult> = self
            .cards
            .iter()
            .zip(&self.answers)
            .filter_map(|(card, chosen)| {
                let chosen = (*chosen)?;
                Some(CardResult {
                    scenario: card.scenario.id.clone(),
                    chosen: chosen.to_string(),
                    correct: card.is_right(chosen),
                })
            })
            .collect();
        ParticipantResult {
            participant: participant.trim().to_string(),
            themes: self.themes.clone(),
            score: cards.iter().filter(|c| c.correct).count(),
            total: cards.len(),
            cards,
            finished_at: finished_at.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::deck::{card, tests::small_catalog};

    #[test]
    fn the_first_answer_counts_and_the_score_adds_up() {
        let c = small_catalog();
        // s1 (answer u2), s2 (answer u3), s4 (answer u5).
        let cards = [0, 1, 3]
            .iter()
            .map(|&i| card(&c, &c.scenarios[i], 1).unwrap())
            .collect();
        let mut s = Session::new(vec![Theme::Privacy, Theme::Safety], cards);
        assert_eq!(s.total(), 3);
        assert_eq!(s.answer(0, "u2"), Some(true));
        assert_eq!(s.answer(0, "u3"), Some(true), "a second answer is ignored");
        assert_eq!(s.answer(1, "v1"), None, "not a choice");
        assert_eq!(s.answer(9, "u2"), None, "no such card");
        assert!(!s.finished());
        assert_eq!(s.answer(1, "u1"), Some(false));
        assert_eq!(s.score(), 1);
        assert_eq!(s.answer(2, "u5"), Some(true));
        assert!(s.finished());
        assert_eq!(s.score(), 2);
        assert_eq!(s.verdict(1), Some(false));

        let r = s.result("  Sam ", "2026-05-01T10:00:00Z");
        assert_eq!(r.participant, "Sam");
        assert_eq!((r.score, r.total), (2, 3));
        let got: Vec<(&str, &str, bool)> = r
            .cards
            .iter()
            .map(|c| (c.scenario.as_str(), c.chosen.as_str(), c.correct))
            .collect();
        assert_eq!(
            got,
            [("s1", "u2", true), ("s2", "u1", false), ("s4", "u5", true)]
        );

        let again = s.restarted();
        assert_eq!(again.score(), 0);
        assert_eq!(again.cards, s.cards);
        assert!(!again.finished());
    }
}
