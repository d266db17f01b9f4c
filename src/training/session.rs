//! A participant working through a deck: one answer per card (the first
//! counts: the feedback has been seen after it), the score, and the result
//! file's content at the end.

use super::deck::{Card, build_deck};
use super::result::{CardResult, ParticipantResult};
use super::themes::{theme_from_key, theme_key};
use crate::catalog::{Catalog, Theme};
use crate::store::card_session::CardSession;

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

    /// The first card not answered yet (the total when all are): where a
    /// resumed session goes on.
    pub fn next_unanswered(&self) -> usize {
        self.answers
            .iter()
            .position(Option::is_none)
            .unwrap_or(self.total())
    }

    /// What the saved format keeps of this session: its code (the deck's
    /// seed), themes, answers and the participant's name.
    pub fn saved(&self, code: u64, participant: &str) -> CardSession {
        CardSession {
            code,
            themes: self
                .themes
                .iter()
                .map(|t| theme_key(*t).to_string())
                .collect(),
            answers: self.answers.iter().map(|a| a.map(str::to_string)).collect(),
            participant: participant.to_string(),
        }
    }

    /// The session `saved` describes, its cards drawn again from `catalog`
    /// with its code. An answer that is no longer one of its card's choices
    /// (the catalog changed) is left unanswered. None when no card can be
    /// drawn.
    pub fn resume(catalog: &'c Catalog, saved: &CardSession) -> Option<Session<'c>> {
        let themes: Vec<Theme> = saved
            .themes
            .iter()
            .filter_map(|k| theme_from_key(k))
            .collect();
        let cards = build_deck(catalog, &themes, saved.answers.len(), saved.code);
        if cards.is_empty() {
            return None;
        }
        let mut session = Session::new(themes, cards);
        for (i, chosen) in saved.answers.iter().enumerate() {
            if let Some(c) = chosen {
                session.answer(i, c);
            }
        }
        Some(session)
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
    fn a_saved_session_resumes_where_it_stopped() {
        let catalog = crate::catalog::embedded();
        let themes = vec![Theme::Privacy, Theme::Network];
        let cards = build_deck(catalog, &themes, 5, 4821);
        assert_eq!(cards.len(), 5);
        let mut s = Session::new(themes, cards);
        for i in 0..3 {
            // Right on the first card, wrong (a distractor) on the others.
            let pick = if i == 0 {
                s.cards[0].answer.id.clone()
            } else {
                let c = &s.cards[i];
                c.choices
                    .iter()
                    .find(|x| !c.is_right(&x.id))
                    .unwrap()
                    .id
                    .clone()
            };
            s.answer(i, &pick);
        }
        let saved = s.saved(4821, "Sam");
        // Through the saved format's text and back.
        let text = saved.to_json().to_string();
        let read = CardSession::from_json(&serde_json::from_str(&text).unwrap()).unwrap();
        assert_eq!(read, saved);
        assert_eq!(read.participant, "Sam");
        let back = Session::resume(catalog, &read).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.next_unanswered(), 3, "goes on at card 4");
        assert_eq!(back.score(), 1);

        // A choice the card does not offer (the catalog changed) is dropped.
        let mut odd = read.clone();
        odd.answers[1] = Some("ctl.no-such-control".into());
        let back = Session::resume(catalog, &odd).unwrap();
        assert_eq!(back.next_unanswered(), 1);
        // No themes left that the app knows: nothing to resume.
        odd.themes = vec!["gardening".into()];
        assert_eq!(Session::resume(catalog, &odd), None);
    }

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

        assert_eq!(s.next_unanswered(), 3);
        let again = s.restarted();
        assert_eq!(again.next_unanswered(), 0);
        assert_eq!(again.score(), 0);
        assert_eq!(again.cards, s.cards);
        assert!(!again.finished());
    }
}
