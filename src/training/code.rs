//! The result code: a participant's result as a short code to read out,
//! type or scan, for classes where files cannot travel (no network).
//!
//! A deck follows from the session code, the themes and the number of cards
//! ([`super::deck::build_deck`]; a shorter deck is the start of a longer
//! one), so the code only holds those and, card by card in deck order,
//! right or wrong. The class summary rebuilds which scenarios they were.
//!
//! Format version 0, as bits (most significant first):
//!
//! ```text
//! version      2 bits   0
//! themes       5 bits   one per theme, in ALL_THEMES order (at least one)
//! long code    1 bit    0: session code in 17 bits (below 131072)
//! session code 17 or 30 bits                1: in 30 bits (up to 9 digits)
//! tag          8 bits   drawn at random when the session ends
//! cards        6 bits   cards answered (1 to 63)
//! answers      1 bit per card, in deck order: 1 right, 0 wrong
//! ```
//!
//! The bits, padded with zeros, are written in Crockford base 32 (digits and
//! letters without I, L, O and U: nothing that looks like another
//! character), then one check character, in groups of four joined by "-".
//! A 5-digit session code with up to 16 cards fits 12 characters
//! (`ABCD-EFGH-JKMN`); each 4 more characters hold 20 more cards.
//!
//! The tag tells two participants with the same answers apart, so a class
//! summary can refuse the same code entered twice without losing one of
//! them (two such participants share a tag once in 256).
//!
//! The check character makes the weighted sum of all characters zero in
//! GF(32) (weights 1, a, a², … for a primitive element a, like a one-symbol
//! Reed-Solomon code): any one character changed, and any two neighbours
//! swapped, always show.
//!
//! Reading forgives lower case, spaces and missing dashes, and reads I and L
//! as 1 and O as 0.

use super::deck::build_deck;
use super::result::{CardResult, ParticipantResult};
use super::themes::ALL_THEMES;
use crate::catalog::{Catalog, Theme};
use std::fmt;

/// The 32 characters, value 0 to 31.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Characters per group.
const GROUP: usize = 4;
/// The shortest code.
pub const MIN_CHARS: usize = 12;
/// The most cards a code holds.
pub const MAX_CODE_CARDS: usize = 63;
/// The largest session code a code holds (9 digits).
pub const MAX_SESSION: u64 = (1 << 30) - 1;
const SHORT_SESSION_BITS: u32 = 17;
const LONG_SESSION_BITS: u32 = 30;
const VERSION: u64 = 0;

/// What a result code holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResultCode {
    /// The session code that seeded the deck.
    pub session: u64,
    /// In [`ALL_THEMES`] order.
    pub themes: Vec<Theme>,
    /// Drawn at random when the session ends (see the module notes).
    pub tag: u8,
    /// Per card, in deck order: answered right.
    pub right: Vec<bool>,
}

/// Why typed text is not a result code. Shown as "The code … ", so each
/// message reads as a plain sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// A character that is never in a code (shown as typed).
    BadCharacter(char),
    /// Too short or not whole groups (characters counted without dashes).
    WrongLength(usize),
    /// The check character does not match.
    Check,
    /// Passes the check but its contents are impossible (a newer format, no
    /// theme, or a length that does not match its cards).
    Unreadable,
    /// A code for another session than the one the trainer runs.
    OtherSession {
        found: u64,
        expected: u64,
    },
    /// The deck it names has fewer cards here (another ThingRisk version).
    OtherCatalog,
    /// The same code is already in the class summary.
    AlreadyAdded,
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => write!(f, "There is no code."),
            CodeError::BadCharacter(c) => write!(f, "“{c}” is never in a result code."),
            CodeError::WrongLength(n) => write!(
                f,
                "It has {n} characters, not 12 or 16 or more: one is missing or doubled."
            ),
            CodeError::Check => write!(
                f,
                "The check letter does not match: a character was probably typed wrong."
            ),
            CodeError::Unreadable | CodeError::OtherCatalog => write!(
                f,
                "It is from another version of ThingRisk: reload both apps."
            ),
            CodeError::OtherSession { found, .. } => {
                write!(f, "This code is for another session ({found}).")
            }
            CodeError::AlreadyAdded => write!(f, "It is already in the summary."),
        }
    }
}

impl std::error::Error for CodeError {}

// ---- the check: GF(32) with x^5 + x^2 + 1; a = x (2) is primitive ----

fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        b >>= 1;
        a <<= 1;
        if a & 0x20 != 0 {
            a ^= 0x25;
        }
    }
    p
}

/// The inverse of a non-zero element (a^30 = a^-1 since a^31 = 1).
fn gf_inv(a: u8) -> u8 {
    let mut r = 1;
    for _ in 0..30 {
        r = gf_mul(r, a);
    }
    r
}

/// Σ a^i · v_i over the symbols, and a^n for the next position.
fn weighted(symbols: &[u8]) -> (u8, u8) {
    let mut sum = 0;
    let mut w = 1;
    for &v in symbols {
        sum ^= gf_mul(w, v);
        w = gf_mul(w, 2);
    }
    (sum, w)
}

/// The check symbol to append to `data`.
fn check_symbol(data: &[u8]) -> u8 {
    let (sum, w) = weighted(data);
    gf_mul(sum, gf_inv(w))
}

// ---- bits ----

#[derive(Default)]
struct Bits(Vec<bool>);

impl Bits {
    fn push(&mut self, value: u64, n: u32) {
        for i in (0..n).rev() {
            self.0.push(value >> i & 1 == 1);
        }
    }
}

struct Reader<'a> {
    bits: &'a [bool],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: u32) -> Option<u64> {
        let end = self.at + n as usize;
        let slice = self.bits.get(self.at..end)?;
        self.at = end;
        Some(slice.iter().fold(0, |v, &b| v << 1 | u64::from(b)))
    }
}

/// Characters (without dashes) for a code of `bits` data bits.
fn chars_for(bits: usize) -> usize {
    let n = bits.div_ceil(5) + 1;
    n.div_ceil(GROUP).max(MIN_CHARS / GROUP) * GROUP
}

/// The code, grouped (`ABCD-EFGH-JKMN`). None when it cannot hold this
/// result: no theme, no card, more than [`MAX_CODE_CARDS`] cards or a
/// session code above [`MAX_SESSION`].
pub fn encode_code(code: &ResultCode) -> Option<String> {
    if code.themes.is_empty()
        || code.right.is_empty()
        || code.right.len() > MAX_CODE_CARDS
        || code.session > MAX_SESSION
    {
        return None;
    }
    let mut bits = Bits::default();
    bits.push(VERSION, 2);
    for t in ALL_THEMES {
        bits.push(u64::from(code.themes.contains(&t)), 1);
    }
    if code.session < 1 << SHORT_SESSION_BITS {
        bits.push(0, 1);
        bits.push(code.session, SHORT_SESSION_BITS);
    } else {
        bits.push(1, 1);
        bits.push(code.session, LONG_SESSION_BITS);
    }
    bits.push(u64::from(code.tag), 8);
    bits.push(code.right.len() as u64, 6);
    for &r in &code.right {
        bits.push(u64::from(r), 1);
    }
    let total = chars_for(bits.0.len());
    bits.0.resize((total - 1) * 5, false);
    let mut symbols: Vec<u8> = bits
        .0
        .chunks(5)
        .map(|c| c.iter().fold(0u8, |v, &b| v << 1 | u8::from(b)))
        .collect();
    symbols.push(check_symbol(&symbols));
    Some(group(&symbols))
}

fn group(symbols: &[u8]) -> String {
    symbols
        .chunks(GROUP)
        .map(|g| g.iter().map(|&v| ALPHABET[v as usize] as char).collect())
        .collect::<Vec<String>>()
        .join("-")
}

/// The symbol a typed character stands for; spaces and dashes are None.
fn symbol(c: char) -> Result<Option<u8>, CodeError> {
    let c = match c.to_ascii_uppercase() {
        ' ' | '-' | '\t' | '\u{a0}' => return Ok(None),
        'I' | 'L' => '1',
        'O' => '0',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|v| Some(v as u8))
        .ok_or(CodeError::BadCharacter(c))
}

/// The code as written canonically (upper case, grouped), if its
/// characters are all valid; checks nothing else.
pub fn normalise(text: &str) -> Result<String, CodeError> {
    Ok(group(&symbols(text)?))
}

fn symbols(text: &str) -> Result<Vec<u8>, CodeError> {
    let mut out = Vec::new();
    for c in text.trim().chars() {
        if let Some(v) = symbol(c)? {
            out.push(v);
        }
    }
    Ok(out)
}

/// Reads a typed code.
pub fn decode_code(text: &str) -> Result<ResultCode, CodeError> {
    let symbols = symbols(text)?;
    if symbols.is_empty() {
        return Err(CodeError::Empty);
    }
    if symbols.len() < MIN_CHARS || symbols.len() % GROUP != 0 {
        return Err(CodeError::WrongLength(symbols.len()));
    }
    if weighted(&symbols).0 != 0 {
        return Err(CodeError::Check);
    }
    let data = &symbols[..symbols.len() - 1];
    let bits: Vec<bool> = data
        .iter()
        .flat_map(|&v| (0..5).rev().map(move |i| v >> i & 1 == 1))
        .collect();
    let mut r = Reader { bits: &bits, at: 0 };
    let bad = || CodeError::Unreadable;
    if r.take(2).ok_or_else(bad)? != VERSION {
        return Err(bad());
    }
    let mask = r.take(5).ok_or_else(bad)?;
    let themes: Vec<Theme> = ALL_THEMES
        .iter()
        .enumerate()
        .filter(|(i, _)| mask >> (4 - i) & 1 == 1)
        .map(|(_, &t)| t)
        .collect();
    let long = r.take(1).ok_or_else(bad)? == 1;
    let session = r
        .take(if long {
            LONG_SESSION_BITS
        } else {
            SHORT_SESSION_BITS
        })
        .ok_or_else(bad)?;
    let tag = r.take(8).ok_or_else(bad)? as u8;
    let n = r.take(6).ok_or_else(bad)? as usize;
    let right: Vec<bool> = (0..n)
        .map(|_| r.take(1).map(|b| b == 1))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    let rest = &bits[r.at..];
    if themes.is_empty() || n == 0 || chars_for(r.at) != symbols.len() || rest.iter().any(|&b| b) {
        return Err(bad());
    }
    Ok(ResultCode {
        session,
        themes,
        tag,
        right,
    })
}

impl ResultCode {
    /// The code of a finished session: its session code, a random `tag`
    /// and the result's cards (in deck order, as
    /// [`super::Session::result`] gives them).
    pub fn of(session: u64, tag: u8, result: &ParticipantResult) -> ResultCode {
        ResultCode {
            session,
            tag,
            themes: ALL_THEMES
                .into_iter()
                .filter(|t| result.themes.contains(t))
                .collect(),
            right: result.cards.iter().map(|c| c.correct).collect(),
        }
    }

    /// Refuses a code of another session than `expected`, if one is given.
    pub fn for_session(self, expected: Option<u64>) -> Result<ResultCode, CodeError> {
        match expected {
            Some(e) if e != self.session => Err(CodeError::OtherSession {
                found: self.session,
                expected: e,
            }),
            _ => Ok(self),
        }
    }

    /// The result it stands for, its deck rebuilt from `catalog` (the
    /// answers chosen are not in a code: left blank; no name, no time).
    pub fn to_result(&self, catalog: &Catalog) -> Result<ParticipantResult, CodeError> {
        let deck = build_deck(catalog, &self.themes, self.right.len(), self.session);
        if deck.len() != self.right.len() {
            return Err(CodeError::OtherCatalog);
        }
        let cards: Vec<CardResult> = deck
            .iter()
            .zip(&self.right)
            .map(|(card, &correct)| CardResult {
                scenario: card.scenario.id.clone(),
                chosen: String::new(),
                correct,
            })
            .collect();
        Ok(ParticipantResult {
            participant: String::new(),
            themes: self.themes.clone(),
            score: cards.iter().filter(|c| c.correct).count(),
            total: cards.len(),
            cards,
            finished_at: String::new(),
        })
    }
}

/// Splits pasted text into codes: one per line, or separated by commas or
/// semicolons; within those, words separated by spaces are separate codes
/// when each is a whole code written with dashes or of 12 or more
/// characters, and otherwise parts of one code typed in groups.
pub fn split_codes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in text.split(['\n', '\r', ',', ';']) {
        let mut pending = String::new();
        for word in piece.split_whitespace() {
            let len = word.chars().filter(|c| *c != '-').count();
            if len >= MIN_CHARS {
                if !pending.is_empty() {
                    out.push(std::mem::take(&mut pending));
                }
                out.push(word.to_string());
            } else {
                if !pending.is_empty() {
                    pending.push(' ');
                }
                pending.push_str(word);
            }
        }
        if !pending.is_empty() {
            out.push(pending);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::Session;

    fn code(session: u64, themes: &[Theme], right: &[bool]) -> ResultCode {
        ResultCode {
            session,
            tag: 0xA5,
            themes: themes.to_vec(),
            right: right.to_vec(),
        }
    }

    #[test]
    fn a_five_digit_session_of_up_to_16_cards_fits_twelve_characters() {
        let all = ALL_THEMES.to_vec();
        let c = encode_code(&code(99_999, &all, &[true; 16])).unwrap();
        assert_eq!(c.len(), 14, "{c}");
        assert_eq!(c.matches('-').count(), 2);
        let c = encode_code(&code(99_999, &all, &[false; 17])).unwrap();
        assert_eq!(c.len(), 19, "{c}");
        let c = encode_code(&code(999_999_999, &all, &[true; 3])).unwrap();
        assert_eq!(c.len(), 14, "a 9-digit code with 3 cards: {c}");
        assert_eq!(encode_code(&code(MAX_SESSION + 1, &all, &[true])), None);
        assert_eq!(encode_code(&code(1, &[], &[true])), None);
        assert_eq!(encode_code(&code(1, &all, &[])), None);
    }

    #[test]
    fn typing_is_forgiven_and_mistakes_named() {
        let c = code(
            48_213,
            &[Theme::Privacy, Theme::Network],
            &[true, false, true],
        );
        let text = encode_code(&c).unwrap();
        let sloppy = format!(" {} ", text.replace('-', " ").to_lowercase());
        assert_eq!(decode_code(&sloppy), Ok(c.clone()));
        assert_eq!(decode_code(&text.replace('-', "")), Ok(c.clone()));
        let zero_as_o = text.replace('0', "O");
        assert_eq!(decode_code(&zero_as_o), Ok(c.clone()));
        assert_eq!(decode_code("  "), Err(CodeError::Empty));
        assert_eq!(
            decode_code("ABCD-EFGH-JKU0"),
            Err(CodeError::BadCharacter('U'))
        );
        assert_eq!(decode_code("ABCD-EFGH-JK"), Err(CodeError::WrongLength(10)));
        let mut wrong: Vec<char> = text.chars().collect();
        wrong[1] = if wrong[1] == 'A' { 'B' } else { 'A' };
        let wrong: String = wrong.into_iter().collect();
        assert_eq!(decode_code(&wrong), Err(CodeError::Check));
        assert!(
            CodeError::Check.to_string().starts_with(
                "The check letter does not match: a character was probably typed wrong"
            )
        );
        assert_eq!(
            c.clone().for_session(Some(1)),
            Err(CodeError::OtherSession {
                found: 48_213,
                expected: 1
            })
        );
        assert_eq!(c.clone().for_session(Some(48_213)), Ok(c.clone()));
        assert_eq!(c.clone().for_session(None), Ok(c));
    }

    #[test]
    fn a_played_session_reads_back_as_the_same_scenarios() {
        let catalog = crate::catalog::embedded();
        let themes = vec![Theme::Privacy, Theme::Accounts];
        let cards = build_deck(catalog, &themes, 5, 31_337);
        let mut s = Session::new(themes, cards);
        for i in 0..s.total() {
            let pick = if i % 2 == 0 {
                s.cards[i].answer.id.as_str()
            } else {
                let a = s.cards[i].answer.id.as_str();
                s.cards[i]
                    .choices
                    .iter()
                    .find(|c| c.id != a)
                    .unwrap()
                    .id
                    .as_str()
            };
            s.answer(i, pick);
        }
        let result = s.result("", "");
        let text = encode_code(&ResultCode::of(31_337, 7, &result)).unwrap();
        let back = decode_code(&text).unwrap().to_result(catalog).unwrap();
        let pairs = |r: &ParticipantResult| {
            r.cards
                .iter()
                .map(|c| (c.scenario.clone(), c.correct))
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs(&back), pairs(&result));
        assert_eq!((back.score, back.total), (3, 5));
        assert_eq!(back.themes, result.themes);
        let too_many = code(1, &[Theme::Privacy], &[true; 63]);
        assert_eq!(too_many.to_result(catalog), Err(CodeError::OtherCatalog));
    }

    #[test]
    fn pasted_text_splits_into_codes() {
        assert_eq!(
            split_codes("ABCD-EFGH-JKMN ABCD-EFGH-JKMP\nabcd efgh jkmn, 0123456789AB\n\n"),
            [
                "ABCD-EFGH-JKMN",
                "ABCD-EFGH-JKMP",
                "abcd efgh jkmn",
                "0123456789AB"
            ]
        );
    }
}
