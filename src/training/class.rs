//! A trainer's view of a class: many participant results added up per theme
//! (answered, right, share) and per card (how many got it wrong), hardest
//! cards first. Result codes join the same summary as files.

use super::code::{CodeError, ResultCode, decode_code};
use super::result::ParticipantResult;
use super::themes::ALL_THEMES;
use crate::catalog::{Catalog, Theme};

/// One theme's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeRow {
    pub theme: Theme,
    pub answered: usize,
    pub correct: usize,
}

impl ThemeRow {
    /// Right answers as a whole percentage.
    pub fn share(&self) -> Option<u32> {
        share_percent(self.correct, self.answered)
    }
}

/// One card's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardRow {
    pub scenario: String,
    pub theme: Theme,
    pub answered: usize,
    pub wrong: usize,
}

/// The summary of a class.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClassSummary {
    pub participants: usize,
    pub answered: usize,
    pub correct: usize,
    /// Themes with at least one answer, in [`ALL_THEMES`] order.
    pub themes: Vec<ThemeRow>,
    /// Every card answered, hardest first: most wrong answers, then the
    /// higher share wrong, then by scenario id.
    pub cards: Vec<CardRow>,
}

impl ClassSummary {
    pub fn share(&self) -> Option<u32> {
        share_percent(self.correct, self.answered)
    }
}

/// `part` of `whole` as a whole percentage, halves rounded up; None when
/// `whole` is 0.
pub fn share_percent(part: usize, whole: usize) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let p = (part as u64 * 200 + whole as u64) / (whole as u64 * 2);
    Some(p as u32)
}

/// Adds up `results`. Cards about scenarios the catalog lacks are left out
/// (decoding refuses them, so this only guards direct callers).
pub fn summarise(catalog: &Catalog, results: &[ParticipantResult]) -> ClassSummary {
    let mut themes: Vec<ThemeRow> = ALL_THEMES
        .iter()
        .map(|&theme| ThemeRow {
            theme,
            answered: 0,
            correct: 0,
        })
        .collect();
    let mut cards: Vec<CardRow> = Vec::new();
    let mut summary = ClassSummary {
        participants: results.len(),
        ..ClassSummary::default()
    };
    for card in results.iter().flat_map(|r| &r.cards) {
        let Some(scenario) = catalog.scenario(&card.scenario) else {
            continue;
        };
        summary.answered += 1;
        summary.correct += usize::from(card.correct);
        if let Some(row) = themes.iter_mut().find(|t| t.theme == scenario.theme) {
            row.answered += 1;
            row.correct += usize::from(card.correct);
        }
        let row = match cards.iter().position(|c| c.scenario == card.scenario) {
            Some(i) => &mut cards[i],
            None => {
                cards.push(CardRow {
                    scenario: card.scenario.clone(),
                    theme: scenario.theme,
                    answered: 0,
                    wrong: 0,
                });
                cards.last_mut().expect("just pushed")
            }
        };
        row.answered += 1;
        row.wrong += usize::from(!card.correct);
    }
    themes.retain(|t| t.answered > 0);
    // Share wrong compared without division: a/b > c/d  <=>  a*d > c*b.
    crate::order::sort_by(&mut cards, |a, b| {
        b.wrong
            .cmp(&a.wrong)
            .then((b.wrong * a.answered).cmp(&(a.wrong * b.answered)))
            .then(a.scenario.cmp(&b.scenario))
    });
    summary.themes = themes;
    summary.cards = cards;
    summary
}

/// Reads one typed result code for a class that already `held` these
/// codes: refused when it cannot be read, is for another session than
/// `expected` (when the trainer gave one), names cards this catalog lacks,
/// or is already held. Gives the code and the result it stands for.
pub fn accept_code(
    catalog: &Catalog,
    text: &str,
    expected: Option<u64>,
    held: &[ResultCode],
) -> Result<(ResultCode, ParticipantResult), CodeError> {
    let code = decode_code(text)?.for_session(expected)?;
    let result = code.to_result(catalog)?;
    if held.contains(&code) {
        return Err(CodeError::AlreadyAdded);
    }
    Ok((code, result))
}

/// The results of codes already accepted (any that no longer read against
/// this catalog are left out).
pub fn code_results(catalog: &Catalog, codes: &[ResultCode]) -> Vec<ParticipantResult> {
    codes
        .iter()
        .filter_map(|c| c.to_result(catalog).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::result::CardResult;

    fn result(cards: &[(&str, bool)]) -> ParticipantResult {
        let cards: Vec<CardResult> = cards
            .iter()
            .map(|(s, ok)| CardResult {
                scenario: (*s).into(),
                chosen: "ctl.x".into(),
                correct: *ok,
            })
            .collect();
        ParticipantResult {
            participant: String::new(),
            themes: vec![],
            score: cards.iter().filter(|c| c.correct).count(),
            total: cards.len(),
            cards,
            finished_at: String::new(),
        }
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share_percent(2, 3), Some(67));
        assert_eq!(share_percent(1, 3), Some(33));
        assert_eq!(share_percent(1, 8), Some(13), "12.5 rounds up");
        assert_eq!(share_percent(0, 4), Some(0));
        assert_eq!(share_percent(5, 5), Some(100));
        assert_eq!(share_percent(0, 0), None);
    }

    #[test]
    fn three_participants_add_up_per_theme_and_per_card() {
        // Themes in the catalog: phishing and account-takeover are accounts,
        // data-sharing is privacy, heating-misused is safety.
        let class = [
            result(&[
                ("scn.phishing", true),
                ("scn.data-sharing", false),
                ("scn.heating-misused", true),
            ]),
            result(&[
                ("scn.phishing", false),
                ("scn.data-sharing", false),
                ("scn.account-takeover", true),
            ]),
            result(&[
                ("scn.phishing", true),
                ("scn.data-sharing", true),
                ("scn.heating-misused", false),
                ("scn.unknown", false),
            ]),
        ];
        let s = summarise(crate::catalog::embedded(), &class);
        assert_eq!(s.participants, 3);
        // 9 known cards, right: 1+1 (p1) + 1 (p2) + 2 (p3) = 5.
        assert_eq!((s.answered, s.correct, s.share()), (9, 5, Some(56)));
        let themes: Vec<(Theme, usize, usize, Option<u32>)> = s
            .themes
            .iter()
            .map(|t| (t.theme, t.answered, t.correct, t.share()))
            .collect();
        assert_eq!(
            themes,
            [
                (Theme::Privacy, 3, 1, Some(33)),
                (Theme::Safety, 2, 1, Some(50)),
                (Theme::Accounts, 4, 3, Some(75)),
            ]
        );
        let cards: Vec<(&str, usize, usize)> = s
            .cards
            .iter()
            .map(|c| (c.scenario.as_str(), c.answered, c.wrong))
            .collect();
        // data-sharing 2 wrong; then 1 wrong each: heating (1 of 2) beats
        // phishing (1 of 3) on share; account-takeover has none wrong.
        assert_eq!(
            cards,
            [
                ("scn.data-sharing", 3, 2),
                ("scn.heating-misused", 2, 1),
                ("scn.phishing", 3, 1),
                ("scn.account-takeover", 1, 0),
            ]
        );
        assert_eq!(s.cards[0].theme, Theme::Privacy);
    }

    #[test]
    fn codes_are_refused_when_repeated_or_for_another_session() {
        use crate::training::encode_code;
        let catalog = crate::catalog::embedded();
        let code = ResultCode {
            session: 12_345,
            themes: vec![Theme::Safety],
            tag: 3,
            right: vec![true, false, true],
        };
        let text = encode_code(&code).unwrap();
        let (got, result) = accept_code(catalog, &text, None, &[]).unwrap();
        assert_eq!(got, code);
        assert_eq!((result.score, result.total), (2, 3));
        assert_eq!(
            accept_code(catalog, &text, Some(12_345), std::slice::from_ref(&code)),
            Err(CodeError::AlreadyAdded)
        );
        assert!(matches!(
            accept_code(catalog, &text, Some(999), &[]),
            Err(CodeError::OtherSession { .. })
        ));
        let s = summarise(catalog, &code_results(catalog, &[code]));
        assert_eq!((s.participants, s.answered, s.correct), (1, 3, 2));
        assert!(s.themes.iter().all(|t| t.theme == Theme::Safety));
    }

    #[test]
    fn an_empty_class_has_no_rows() {
        let s = summarise(crate::catalog::embedded(), &[]);
        assert_eq!(s, ClassSummary::default());
        assert_eq!(s.share(), None);
    }
}
