//! The result code's promises, over many random results: what is written
//! reads back the same, and any one character changed (or two neighbours
//! swapped) is refused rather than read as another result.

use proptest::prelude::*;
use thingrisk::catalog::Theme;
use thingrisk::training::{ALL_THEMES, CodeError, ResultCode, decode_code, encode_code};

const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn any_code() -> impl Strategy<Value = ResultCode> {
    (
        prop_oneof![10_000u64..100_000, 0u64..(1 << 30)],
        1u8..32,
        any::<u8>(),
        prop::collection::vec(any::<bool>(), 1..=63),
    )
        .prop_map(|(session, mask, tag, right)| ResultCode {
            session,
            tag,
            themes: ALL_THEMES
                .iter()
                .enumerate()
                .filter(|(i, _)| mask >> i & 1 == 1)
                .map(|(_, &t)| t)
                .collect::<Vec<Theme>>(),
            right,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn encode_then_decode_round_trips(code in any_code()) {
        let text = encode_code(&code).expect("fits");
        let plain = text.replace('-', "");
        prop_assert!(plain.len() >= 12 && plain.len().is_multiple_of(4));
        prop_assert!(plain.chars().all(|c| ALPHABET.contains(c)));
        prop_assert_eq!(decode_code(&text), Ok(code.clone()));
        prop_assert_eq!(decode_code(&text.to_lowercase()), Ok(code));
    }

    #[test]
    fn any_single_character_changed_is_caught(
        code in any_code(),
        at in any::<prop::sample::Index>(),
        by in 1usize..32,
    ) {
        let text = encode_code(&code).expect("fits");
        let mut chars: Vec<char> = text.replace('-', "").chars().collect();
        let i = at.index(chars.len());
        let old = ALPHABET.find(chars[i]).unwrap();
        chars[i] = ALPHABET.as_bytes()[(old + by) % 32] as char;
        let typo: String = chars.into_iter().collect();
        prop_assert_eq!(decode_code(&typo), Err(CodeError::Check));
    }

    #[test]
    fn two_neighbours_swapped_are_caught(code in any_code(), at in any::<prop::sample::Index>()) {
        let text = encode_code(&code).expect("fits");
        let mut chars: Vec<char> = text.replace('-', "").chars().collect();
        let i = at.index(chars.len() - 1);
        prop_assume!(chars[i] != chars[i + 1]);
        chars.swap(i, i + 1);
        let typo: String = chars.into_iter().collect();
        prop_assert_eq!(decode_code(&typo), Err(CodeError::Check));
    }
}
