//! Fixed-point text for scores and steps (`1.25`, `+0.50`), without the
//! standard library's float formatting machinery (about 10 KB of wasm when
//! nothing else in the app needs it). Gives exactly what `format!("{:.N}")`
//! gives for the same value: the exact value rounded half to even.

/// `x` with `places` decimals (at most 4): `fixed(1.255, 1) == "1.3"`,
/// the same text as `format!("{x:.places$}")`.
pub fn fixed(x: f32, places: u32) -> String {
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    push_abs(&mut out, x, places);
    out
}

/// As [`fixed`] with a sign in front of non-negative values too: the same
/// text as `format!("{x:+.places$}")`.
pub fn signed(x: f32, places: u32) -> String {
    let mut out = String::from(if x.is_sign_negative() { "-" } else { "+" });
    push_abs(&mut out, x, places);
    out
}

/// As [`signed`] without trailing zeros: `+0.5`, `+1`, `-2.25`. For values
/// with at most `places` decimals this is the text `format!("{x:+}")` gives.
pub fn signed_short(x: f32, places: u32) -> String {
    let mut s = signed(x, places);
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
    s
}

fn push_abs(out: &mut String, x: f32, places: u32) {
    assert!(places <= 4, "at most 4 decimals");
    if x.is_nan() {
        // The sign was pushed already for a negative NaN; std prints none.
        out.clear();
        out.push_str("NaN");
        return;
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    // Exact: an f32 has 24 significant bits and 10^4 < 2^14, so the product
    // fits an f64's 53; from 2^24 on every f32 is a whole number. (u64 only:
    // u128 arithmetic would bring its own few KB of wasm.)
    let abs = f64::from(x).abs();
    let unit = 10u64.pow(places);
    let (whole, frac) = if abs >= 16_777_216.0 {
        (whole_digits(abs), 0)
    } else {
        let n = (abs * unit as f64).round_ties_even() as u64;
        ((n / unit).to_string(), n % unit)
    };
    out.push_str(&whole);
    if places > 0 {
        out.push('.');
        let frac = frac.to_string();
        for _ in frac.len()..places as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
}

/// The digits of a whole f32 value (up to 2^128): halved to fit a u64 (the
/// halvings are exact: such a value is a multiple of a high power of two),
/// then the decimal digits doubled back.
fn whole_digits(abs: f64) -> String {
    let (mut v, mut halvings) = (abs, 0);
    while v >= 1.8e19 {
        v /= 2.0;
        halvings += 1;
    }
    let mut digits = (v as u64).to_string().into_bytes();
    for _ in 0..halvings {
        let mut carry = 0;
        for d in digits.iter_mut().rev() {
            let x = (*d - b'0') * 2 + carry;
            *d = b'0' + x % 10;
            carry = x / 10;
        }
        if carry > 0 {
            digits.insert(0, b'0' + carry);
        }
    }
    String::from_utf8(digits).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_short_matches_display_for_short_values() {
        for x in [0.5f32, 1.0, -0.5, 2.25, -3.0, 0.0, 10.75] {
            assert_eq!(signed_short(x, 2), format!("{x:+}"), "{x}");
        }
    }

    #[test]
    fn hand_picked_values() {
        assert_eq!(fixed(1.0, 2), "1.00");
        assert_eq!(fixed(0.0, 1), "0.0");
        assert_eq!(fixed(-0.0, 1), "-0.0");
        assert_eq!(fixed(2.5, 0), "2");
        assert_eq!(fixed(3.5, 0), "4");
        assert_eq!(fixed(0.125, 2), "0.12"); // an exact tie: to even
        assert_eq!(fixed(0.375, 2), "0.38");
        assert_eq!(fixed(1.05, 1), "1.0"); // 1.05f32 is a little below 1.05
        assert_eq!(fixed(-4.999, 2), "-5.00");
        assert_eq!(fixed(12.3456, 3), "12.346");
        assert_eq!(signed(0.5, 2), "+0.50");
        assert_eq!(signed(-0.25, 2), "-0.25");
        assert_eq!(signed(0.0, 2), "+0.00");
        assert_eq!(fixed(f32::NAN, 2), "NaN");
        assert_eq!(signed(f32::INFINITY, 1), "+inf");
        assert_eq!(fixed(f32::NEG_INFINITY, 1), "-inf");
    }

    #[test]
    fn same_text_as_the_standard_formatting() {
        // Every multiple of 1/1024 in -6..6, plus a spread of awkward values.
        let mut values: Vec<f32> = (-6144..=6144).map(|i| i as f32 / 1024.0).collect();
        let mut x = 7u32;
        for _ in 0..20_000 {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            values.push(f32::from_bits(x) % 1.0e6);
        }
        values.extend([
            0.005,
            0.015,
            0.025,
            0.045,
            1e-7,
            123_456.79,
            16_777_217.0,
            1e30,
        ]);
        values.extend([
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            f32::NAN,
            f32::INFINITY,
        ]);
        for v in values {
            for p in 0..=4 {
                let p = p as usize;
                assert_eq!(fixed(v, p as u32), format!("{v:.p$}"), "{v:e} {p}");
                assert_eq!(signed(v, p as u32), format!("{v:+.p$}"), "{v:e} {p}");
            }
        }
    }
}
