//! The cards of a training session. A card is one risk scenario told as a
//! story, with the question "what would have prevented it?" and a few
//! controls to choose from:
//! - the right answer is the control a person at home can apply
//!   (stakeholder "user") that treats the scenario with the highest
//!   strength; on a tie, the one the catalog lists first;
//! - the distractors are user controls that do not treat the scenario at
//!   all, so exactly one choice is right;
//! - which scenarios, which distractors and their order all follow from a
//!   seed, so the same seed gives the same session.

use super::rng::{Rng, card_seed};
use crate::catalog::{Catalog, Control, Scenario, Stakeholder, Theme};

/// Distractors per card (fewer only if the catalog has too few).
pub const DISTRACTORS: usize = 3;

/// One scenario card with its choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Card<'c> {
    pub scenario: &'c Scenario,
    /// The right answer.
    pub answer: &'c Control,
    /// The right answer and the distractors, in the order shown.
    pub choices: Vec<&'c Control>,
}

impl Card<'_> {
    /// Is `control` (an id) the right answer?
    pub fn is_right(&self, control: &str) -> bool {
        self.answer.id == control
    }
}

fn user_control<'c>(catalog: &'c Catalog, id: &str) -> Option<&'c Control> {
    catalog
        .controls
        .iter()
        .find(|c| c.id == id && c.stakeholder == Stakeholder::User)
}

/// The user control that treats `scenario` most strongly (first listed on a
/// tie), or None when no user control treats it.
pub fn right_answer<'c>(catalog: &'c Catalog, scenario: &Scenario) -> Option<&'c Control> {
    let mut best: Option<(f32, &'c Control)> = None;
    for t in &scenario.treatments {
        if let Some(c) = user_control(catalog, &t.control)
            && best.is_none_or(|(s, _)| t.strength > s)
        {
            best = Some((t.strength, c));
        }
    }
    best.map(|(_, c)| c)
}

/// User controls that do not treat `scenario`, in catalog order.
fn non_treating<'c>(catalog: &'c Catalog, scenario: &Scenario) -> Vec<&'c Control> {
    catalog
        .controls
        .iter()
        .filter(|c| c.stakeholder == Stakeholder::User)
        .filter(|c| !scenario.treatments.iter().any(|t| t.control == c.id))
        .collect()
}

/// Scenarios that can be a card for these themes, in catalog order: the
/// theme matches, there is a story to tell, a right answer and at least one
/// distractor.
pub fn eligible<'c>(catalog: &'c Catalog, themes: &[Theme]) -> Vec<&'c Scenario> {
    catalog
        .scenarios
        .iter()
        .filter(|s| themes.contains(&s.theme))
        .filter(|s| !s.story.trim().is_empty())
        .filter(|s| right_answer(catalog, s).is_some() && !non_treating(catalog, s).is_empty())
        .collect()
}

/// The card for one scenario in a session with this seed (None when the
/// scenario cannot be a card).
pub fn card<'c>(catalog: &'c Catalog, scenario: &'c Scenario, seed: u64) -> Option<Card<'c>> {
    let answer = right_answer(catalog, scenario)?;
    let mut rng = Rng::new(card_seed(seed, &scenario.id));
    let mut others = non_treating(catalog, scenario);
    if others.is_empty() {
        return None;
    }
    rng.shuffle(&mut others);
    others.truncate(DISTRACTORS);
    let mut choices = vec![answer];
    choices.extend(others);
    rng.shuffle(&mut choices);
    Some(Card {
        scenario,
        answer,
        choices,
    })
}

/// Up to `n` cards drawn from the scenarios of `themes`, in a seeded order.
pub fn build_deck<'c>(
    catalog: &'c Catalog,
    themes: &[Theme],
    n: usize,
    seed: u64,
) -> Vec<Card<'c>> {
    let mut pool = eligible(catalog, themes);
    Rng::new(seed).shuffle(&mut pool);
    pool.into_iter()
        .filter_map(|s| card(catalog, s, seed))
        .take(n)
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::catalog::{Axis, Treatment};

    fn control(id: &str, stakeholder: Stakeholder) -> Control {
        let mut c = crate::catalog::embedded().controls[0].clone();
        c.id = id.into();
        c.title = format!("Title of {id}");
        c.stakeholder = stakeholder;
        c
    }

    fn scenario(id: &str, theme: Theme, treatments: &[(&str, f32)]) -> Scenario {
        let mut s = crate::catalog::embedded().scenarios[0].clone();
        s.id = id.into();
        s.theme = theme;
        s.story = format!("A story about {id}.");
        s.treatments = treatments
            .iter()
            .map(|(c, strength)| Treatment {
                control: (*c).into(),
                axis: Axis::Likelihood,
                strength: *strength,
                paths: Vec::new(),
            })
            .collect();
        s
    }

    /// Five user controls (u1..u5), one vendor control (v1) and four
    /// scenarios: s1 (privacy; u1 0.3, u2 0.6, v1 0.9), s2 (privacy; u3 0.5,
    /// u4 0.5), s3 (safety; v1 only: no user answer), s4 (safety; u5 0.4).
    pub(crate) fn small_catalog() -> Catalog {
        let mut c = crate::catalog::embedded().clone();
        c.controls = ["u1", "u2", "u3", "u4", "u5"]
            .iter()
            .map(|id| control(id, Stakeholder::User))
            .chain([control("v1", Stakeholder::Developer)])
            .collect();
        c.scenarios = vec![
            scenario(
                "s1",
                Theme::Privacy,
                &[("u1", 0.3), ("u2", 0.6), ("v1", 0.9)],
            ),
            scenario("s2", Theme::Privacy, &[("u3", 0.5), ("u4", 0.5)]),
            scenario("s3", Theme::Safety, &[("v1", 0.8)]),
            scenario("s4", Theme::Safety, &[("u5", 0.4)]),
        ];
        c
    }

    fn ids(cs: &[&Control]) -> Vec<String> {
        let mut v: Vec<String> = cs.iter().map(|c| c.id.clone()).collect();
        v.sort();
        v
    }

    #[test]
    fn the_right_answer_is_the_strongest_user_control_first_on_a_tie() {
        let c = small_catalog();
        let id = |s: usize| right_answer(&c, &c.scenarios[s]).map(|c| c.id.as_str());
        assert_eq!(id(0), Some("u2"), "v1 is stronger but not the user's");
        assert_eq!(id(1), Some("u3"), "tie: the first listed");
        assert_eq!(id(2), None);
        assert_eq!(id(3), Some("u5"));
    }

    #[test]
    fn distractors_are_user_controls_that_do_not_treat_the_scenario() {
        let c = small_catalog();
        for seed in 0..20 {
            // s1: u1 and u2 treat it, so the distractors are exactly u3, u4, u5.
            let k = card(&c, &c.scenarios[0], seed).unwrap();
            assert_eq!(ids(&k.choices), ["u2", "u3", "u4", "u5"]);
            assert_eq!(k.answer.id, "u2");
            // s2: u3, u4 treat it; only u1, u2, u5 remain (v1 is a vendor's).
            let k = card(&c, &c.scenarios[1], seed).unwrap();
            assert_eq!(ids(&k.choices), ["u1", "u2", "u3", "u5"]);
        }
    }

    #[test]
    fn only_scenarios_of_the_chosen_themes_with_an_answer_are_dealt() {
        let c = small_catalog();
        let ids = |t: &[Theme]| {
            eligible(&c, t)
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&[Theme::Privacy]), ["s1", "s2"]);
        assert_eq!(ids(&[Theme::Safety]), ["s4"], "s3 has no user control");
        assert_eq!(ids(&[Theme::Safety, Theme::Privacy]), ["s1", "s2", "s4"]);
        assert!(ids(&[Theme::Network]).is_empty());
        let deck = build_deck(&c, &[Theme::Privacy, Theme::Safety], 10, 5);
        assert_eq!(deck.len(), 3, "no more cards than eligible scenarios");
        assert_eq!(
            build_deck(&c, &[Theme::Privacy, Theme::Safety], 2, 5).len(),
            2
        );
    }

    #[test]
    fn a_seed_gives_the_same_session_and_seeds_vary_it() {
        let c = crate::catalog::embedded();
        let all = super::super::ALL_THEMES;
        let order = |seed| {
            build_deck(c, &all, 8, seed)
                .iter()
                .map(|k| {
                    let choices: Vec<&str> = k.choices.iter().map(|c| c.id.as_str()).collect();
                    format!("{}:{}", k.scenario.id, choices.join(","))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(order(11), order(11));
        let distinct: std::collections::HashSet<_> = (0..10).map(order).collect();
        assert!(
            distinct.len() >= 9,
            "ten seeds gave {} decks",
            distinct.len()
        );
    }

    #[test]
    fn every_bundled_card_has_one_right_choice_among_four() {
        let c = crate::catalog::embedded();
        let all = super::super::ALL_THEMES;
        let deck = build_deck(c, &all, usize::MAX, 3);
        assert_eq!(deck.len(), eligible(c, &all).len());
        assert!(
            deck.len() >= 30,
            "most scenarios make a card ({})",
            deck.len()
        );
        for k in &deck {
            assert_eq!(k.choices.len(), 1 + DISTRACTORS, "{}", k.scenario.id);
            let right: Vec<_> = k
                .choices
                .iter()
                .filter(|ch| k.scenario.treatments.iter().any(|t| t.control == ch.id))
                .collect();
            assert_eq!(right.len(), 1, "{}", k.scenario.id);
            assert!(k.is_right(&right[0].id));
            assert_eq!(k.answer.stakeholder, Stakeholder::User);
        }
        for t in all {
            let n = eligible(c, &[t]).len();
            assert!(
                n >= 5,
                "theme {t:?} has {n} cards: too few for a 5-card session"
            );
        }
    }
}
