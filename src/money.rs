//! Exact decimal arithmetic for money and rates: parsing decimal text, rounding by an
//! explicit rule, and checked operations that turn an overflow into an error.
//!
//! Rounding rule (unless the policy says otherwise): half away from zero, to the currency's
//! minor unit for amounts (2 decimals by default) and to `rateDecimals` (10 by default) for
//! rates given as fractions (0.3724489796 = 37.24489796 %).

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    NotANumber,
    TooLarge,
    TooPrecise,
}

/// Longest numeric text we try to read; anything longer is out of Decimal's range anyway.
const MAX_NUMBER_TEXT: usize = 400;

/// Parses `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`) exactly: never rounds.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let text = text.trim();
    // Fast path, the usual case: plain digits with at most one point and a sign.
    let plain = text.len() <= 30
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (i == 0 && (b == b'-' || b == b'+')))
        && text.bytes().filter(|b| *b == b'.').count() <= 1
        && text.bytes().any(|b| b.is_ascii_digit());
    if plain {
        if let Ok(d) = Decimal::from_str_exact(text) {
            return Ok(d);
        }
    }
    if text.is_empty() || text.len() > MAX_NUMBER_TEXT {
        return Err(if text.is_empty() {
            DecimalError::NotANumber
        } else {
            DecimalError::TooLarge
        });
    }
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => {
            let exp_text = text.get(at + 1..).unwrap_or("");
            let exp_digits = exp_text.strip_prefix(['+', '-']).unwrap_or(exp_text);
            if exp_digits.is_empty() || !exp_digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DecimalError::NotANumber);
            }
            let exp: i32 = exp_text.parse().map_err(|_| DecimalError::TooLarge)?;
            (text.get(..at).unwrap_or(""), exp)
        }
        None => (text, 0),
    };
    let (negative, unsigned) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) => (i, f),
        None => (unsigned, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_part.is_empty() && frac_part.is_empty())
        || !all_digits(int_part)
        || !all_digits(frac_part)
    {
        return Err(DecimalError::NotANumber);
    }
    // Shift the decimal point by the exponent on the digit text, so nothing is rounded.
    let normalized = shift_point(int_part, frac_part, exponent)?;
    let mut value = Decimal::from_str_exact(&normalized).map_err(|e| match e {
        rust_decimal::Error::Underflow | rust_decimal::Error::ScaleExceedsMaximumPrecision(_) => {
            DecimalError::TooPrecise
        }
        _ => DecimalError::TooLarge,
    })?;
    if negative {
        value.set_sign_negative(true);
    }
    Ok(value)
}

/// `int.frac × 10^exp` as plain decimal text without sign, e.g. ("1","25",1) → "12.5".
fn shift_point(int_part: &str, frac_part: &str, exponent: i32) -> Result<String, DecimalError> {
    if exponent.unsigned_abs() > 100 {
        return Err(if exponent > 0 {
            DecimalError::TooLarge
        } else {
            DecimalError::TooPrecise
        });
    }
    let digits: String = [int_part, frac_part].concat();
    let len = digits.len() as i64;
    let point = int_part.len() as i64 + i64::from(exponent);
    let text = if point <= 0 {
        format!("0.{}{}", "0".repeat(point.unsigned_abs() as usize), digits)
    } else if point >= len {
        format!("{}{}", digits, "0".repeat((point - len) as usize))
    } else {
        let (a, b) = digits.split_at(point as usize);
        format!("{a}.{b}")
    };
    // Leading zeros say nothing; trailing fraction zeros are kept (the scale the user gave,
    // "1234.50") unless they alone would exceed the 28 decimals Decimal can hold.
    let text = match text.split_once('.') {
        Some((i, f)) => {
            let mut f = f;
            while f.len() > 28 && f.ends_with('0') {
                f = &f[..f.len() - 1];
            }
            let i = i.trim_start_matches('0');
            let i = if i.is_empty() { "0" } else { i };
            if f.is_empty() {
                i.to_string()
            } else {
                format!("{i}.{f}")
            }
        }
        None => {
            let i = text.trim_start_matches('0');
            if i.is_empty() {
                "0".to_string()
            } else {
                i.to_string()
            }
        }
    };
    Ok(text)
}

/// How a result is rounded to its number of decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundingMode {
    HalfAwayFromZero,
    HalfEven,
    TowardZero,
}

impl RoundingMode {
    pub const NAMES: [&'static str; 3] = ["halfAwayFromZero", "halfEven", "towardZero"];

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "halfAwayFromZero" => Some(RoundingMode::HalfAwayFromZero),
            "halfEven" => Some(RoundingMode::HalfEven),
            "towardZero" => Some(RoundingMode::TowardZero),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::HalfAwayFromZero => "halfAwayFromZero",
            RoundingMode::HalfEven => "halfEven",
            RoundingMode::TowardZero => "towardZero",
        }
    }

    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfAwayFromZero => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::TowardZero => RoundingStrategy::ToZero,
        }
    }
}

/// `value` rounded to at most `decimals` places by `mode`, on the 96-bit mantissa as one
/// i128 division (rust_decimal's own rounding goes digit by digit, and rounding was a third
/// of a score's time). The tests compare it with rust_decimal's for random values.
pub fn round_to(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
    let scale = value.scale();
    if scale <= decimals {
        return value;
    }
    let m = value.mantissa();
    let Some(divisor) = 10i128.checked_pow(scale - decimals) else {
        return value.round_dp_with_strategy(decimals, mode.strategy());
    };
    let (q, r) = (m / divisor, m % divisor);
    let twice = r.unsigned_abs().saturating_mul(2);
    let half = divisor.unsigned_abs();
    let away = match mode {
        RoundingMode::TowardZero => false,
        RoundingMode::HalfAwayFromZero => twice >= half,
        RoundingMode::HalfEven => twice > half || (twice == half && q % 2 != 0),
    };
    let q = if away { q + m.signum() } else { q };
    Decimal::from_i128_with_scale(q, decimals)
}

/// `value` rounded to exactly `decimals` places, trailing zeros kept (`20` → `20.00`), as
/// money is shown.
pub fn round_fixed(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
    let mut rounded = round_to(value, decimals, mode);
    rounded.rescale(decimals);
    rounded
}

/// `value` rounded to at most `decimals` places with trailing zeros dropped (`0.0200` →
/// `0.02`), as rates are given.
pub fn round_rate(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
    let rounded = round_to(value, decimals, mode);
    let (mut m, mut scale) = (rounded.mantissa(), rounded.scale());
    while scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    Decimal::from_i128_with_scale(m, scale)
}

/// ln 2 to 28 decimals (0.6931471805599453094172321215).
pub const LN_2: Decimal = Decimal::from_parts(2_860_148_159, 2_180_329_217, 375_755_839, false, 28);

/// Natural logarithm, or `None` for x ≤ 0. Written here because rust_decimal's `ln` costs
/// ~18 µs a call: x = m·2^k with m in [2/3, 4/3), then ln m = 2·atanh((m−1)/(m+1)) by its
/// series, which converges to Decimal's precision in under twenty terms (|z| ≤ 1/5).
pub fn ln(x: Decimal) -> Option<Decimal> {
    if x <= Decimal::ZERO {
        return None;
    }
    let two = Decimal::TWO;
    let upper = Decimal::from_parts(4, 0, 0, false, 0).over(Decimal::from(3))?;
    let lower = two.over(Decimal::from(3))?;
    let mut m = x;
    let mut k: i64 = 0;
    while m >= upper {
        m = m.over(two)?;
        k += 1;
    }
    while m < lower {
        m = m.times(two)?;
        k -= 1;
    }
    let z = m.minus(Decimal::ONE)?.over(m.plus(Decimal::ONE)?)?;
    let z2 = z.times(z)?;
    let mut term = z;
    let mut sum = z;
    let mut n = Decimal::ONE;
    for _ in 0..60 {
        term = term.times(z2)?;
        n = n.plus(two)?;
        let add = term.over(n)?;
        if add.is_zero() {
            break;
        }
        sum = sum.plus(add)?;
    }
    sum.times(two)?.plus(LN_2.times(Decimal::from(k))?)
}

/// base^exponent for base > 0: the whole part of the exponent exactly by repeated squaring,
/// the fraction f as e^(f·ln base), whose series is short because |f·ln base| is small.
/// `None` when the result leaves Decimal's range.
pub fn pow(base: Decimal, exponent: Decimal) -> Option<Decimal> {
    use rust_decimal::MathematicalOps;
    let whole = exponent.trunc();
    let fraction = exponent.minus(whole)?;
    let whole_power = base.checked_powd(whole)?;
    if fraction.is_zero() {
        return Some(whole_power);
    }
    let fraction_power = ln(base)?.times(fraction)?.checked_exp()?;
    whole_power.times(fraction_power)
}

/// The weight of something `age` old when weights halve every `half_life` (same unit):
/// 0.5^(age / half_life), 1 for no age, never negative. A weight needs no more than
/// 15 significant decimals: the whole halvings divide exactly, the remaining fraction f
/// goes through e^(−f·ln 2) by its Taylor series in 18-decimal fixed point (i128), which
/// is exact integer arithmetic, deterministic everywhere, and far cheaper than a
/// 28-digit Decimal exponential.
pub fn half_life_weight(age: Decimal, half_life: Decimal) -> Option<Decimal> {
    if age <= Decimal::ZERO {
        return Some(Decimal::ONE);
    }
    let halvings = age.over(half_life)?;
    let whole = halvings.trunc();
    // Past 60 halvings the weight is below 10^-18: zero for every purpose here.
    if whole > Decimal::from(60) {
        return Some(Decimal::ZERO);
    }
    const SCALE: u128 = 1_000_000_000_000_000_000;
    let mut x = halvings.minus(whole)?.times(LN_2)?.round_dp(18);
    x.rescale(18);
    // 0 ≤ x < 0.7 × 10^18 (a fraction of ln 2). So term ≤ SCALE throughout, every product
    // term · x is below 10^36 < 2^128 and needs no overflow check, and the partial sums stay
    // between 1 − x and 1. Unsigned, with one division a term (⌊⌊a/S⌋/n⌋ = ⌊a/(S·n)⌋): 128-bit
    // arithmetic is a library routine in wasm, and this loop, signed and checked with two
    // divisions a term, was a seventh of a payment index's call there. Same results.
    let x = u128::try_from(x.mantissa()).ok().filter(|&x| x < SCALE)?;
    let (mut term, mut sum) = (SCALE, SCALE);
    for n in 1..40u128 {
        term = term * x / (SCALE * n);
        sum = if n % 2 == 1 { sum.checked_sub(term)? } else { sum + term };
        if term == 0 {
            break;
        }
    }
    let halved = 1u64.checked_shl(u32::try_from(whole).ok()?)?;
    Decimal::from_i128_with_scale(i128::try_from(sum).ok()?, 18)
        .over(Decimal::from(halved))
        .map(|w| w.round_dp(18).normalize())
}

/// Checked decimal arithmetic as calls kept out of line. rust_decimal's checked operations
/// are `#[inline]`; inlined at every one of the engines' call sites they made the wasm
/// module several times larger for no measurable speed.
pub trait Exact: Sized {
    fn plus(self, other: Decimal) -> Option<Decimal>;
    fn minus(self, other: Decimal) -> Option<Decimal>;
    fn times(self, other: Decimal) -> Option<Decimal>;
    fn over(self, other: Decimal) -> Option<Decimal>;
}

impl Exact for Decimal {
    #[inline(never)]
    fn plus(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(other)
    }
    #[inline(never)]
    fn minus(self, other: Decimal) -> Option<Decimal> {
        self.checked_sub(other)
    }
    #[inline(never)]
    fn times(self, other: Decimal) -> Option<Decimal> {
        self.checked_mul(other)
    }
    #[inline(never)]
    fn over(self, other: Decimal) -> Option<Decimal> {
        self.checked_div(other)
    }
}

/// Turns a checked operation's `None` into an overflow error at `field`.
pub fn checked(value: Option<Decimal>, field: &str) -> Result<Decimal, Problem> {
    value.ok_or_else(|| Problem::overflow(field))
}

/// The currencies ISO 4217 lists today (2026; the precious metals, testing and "no
/// currency" codes left out), three letters each.
const ISO_4217: &str = "AEDAFNALLAMDANGAOAARSAUDAWGAZNBAMBBDBDTBGNBHDBIFBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHFCHWCLFCLPCNYCOPCOUCRCCUCCUPCVECZKDJFDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGNFGTQGYDHKDHNLHTGHUFIDRILSINRIQDIRRISKJMDJODJPYKESKGSKHRKMFKPWKRWKWDKYDKZTLAKLBPLKRLRDLSLLYDMADMDLMGAMKDMMKMNTMOPMRUMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDOMRPABPENPGKPHPPKRPLNPYGQARRONRSDRUBRWFSARSBDSCRSDGSEKSGDSHPSLESLLSOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTNDTOPTRYTTDTWDTZSUAHUGXUSDUSNUYIUYUUYWUZSVEDVESVNDVUVWSTXAFXCDXCGXOFXPFYERZARZMWZWGZWL";

/// A currency code the engines take: three capitals, one ISO 4217 lists or one the policy
/// lists (a company may add its own). Anything else is refused with its path: a typo would
/// otherwise pass as a currency of its own, outside the policy's ceiling (which is in one
/// currency).
pub fn known_currency(code: &str, policy: Option<&crate::policy::Policy>) -> bool {
    code.len() == 3
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (policy.is_some_and(|p| p.currencies.iter().any(|c| c.code == code))
            || ISO_4217.as_bytes().chunks(3).any(|c| c == code.as_bytes()))
}

/// The object's `currency`, if given: a code [`known_currency`] takes, else a problem at its
/// path and none.
pub fn read_currency(
    o: &crate::value::Obj,
    ps: &mut crate::error::Problems,
    policy: Option<&crate::policy::Policy>,
) -> Option<String> {
    let c = o.string("currency", ps)?;
    if known_currency(c, policy) {
        return Some(c.to_string());
    }
    ps.push(Problem::new(
        crate::error::code::NOT_ONE_OF,
        o.path("currency"),
        "must be an ISO 4217 currency code in capitals, such as CNY, or one the policy lists",
    ));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn ok(text: &str) -> String {
        parse_decimal(text)
            .map(|d| d.to_string())
            .unwrap_or_else(|e| format!("{e:?}"))
    }

    #[test]
    fn parses_plain_and_scientific_text_exactly() {
        assert_eq!(ok("1234.50"), "1234.50");
        assert_eq!(ok(" 12 "), "12");
        assert_eq!(ok("+3"), "3");
        assert_eq!(ok("-0.5"), "-0.5");
        assert_eq!(ok(".5"), "0.5");
        assert_eq!(ok("5."), "5");
        assert_eq!(ok("1e3"), "1000");
        assert_eq!(ok("1.5e-2"), "0.015");
        assert_eq!(ok("1E+21"), "1000000000000000000000");
        assert_eq!(ok("0.30000000000000004"), "0.30000000000000004");
        assert_eq!(
            ok("79228162514264337593543950335"),
            "79228162514264337593543950335"
        );
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for bad in [
            "", "  ", "-", ".", "1,000", "--3", "NaN", "inf", "0x10", "1e", "1e+", "e5", "1.2.3",
            "１２", "2 %",
        ] {
            assert_eq!(parse_decimal(bad), Err(DecimalError::NotANumber), "{bad:?}");
        }
    }

    #[test]
    fn refuses_out_of_range_instead_of_rounding() {
        assert_eq!(
            parse_decimal("79228162514264337593543950336"),
            Err(DecimalError::TooLarge)
        );
        assert_eq!(parse_decimal("1e400"), Err(DecimalError::TooLarge));
        assert_eq!(parse_decimal("1e-40"), Err(DecimalError::TooPrecise));
        assert_eq!(
            parse_decimal("0.00000000000000000000000000001"),
            Err(DecimalError::TooPrecise)
        );
        assert_eq!(parse_decimal(&"9".repeat(500)), Err(DecimalError::TooLarge));
    }

    #[test]
    fn ln_and_pow_match_independent_figures() {
        // Reference values: Python decimal at 50 digits.
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        let close = |a: Option<Decimal>, b: &str, tol: &str| {
            let a = a.unwrap_or(Decimal::MAX);
            assert!((a - d(b)).abs() <= d(tol), "{a} vs {b}");
        };
        close(ln(d("2")), "0.69314718055994530941723212146", "1e-26");
        close(
            ln(d("1.0204081632653061224489795918")),
            "0.020202707317519448408045301",
            "1e-26",
        );
        close(ln(d("0.001")), "-6.9077552789821370520539743640", "1e-25");
        close(ln(d("10000")), "9.2103403719761827360719658187", "1e-24");
        close(
            ln(d("79228162514264337593543950335")),
            "66.542129333754749704054283659",
            "1e-22",
        );
        close(
            ln(d("0.0000000000000000000000000001")),
            "-64.472382603833279152503760731",
            "1e-22",
        );
        assert_eq!(ln(Decimal::ONE), Some(Decimal::ZERO));
        assert_eq!(ln(Decimal::ZERO), None);
        assert_eq!(ln(d("-1")), None);
        close(
            pow(d("1.0204081632653061224489795918"), d("18.25")),
            "1.4458529273124851200631735687",
            "1e-20",
        );
        assert_eq!(pow(d("1.5"), d("2")), Some(d("2.25")));
        assert_eq!(pow(d("10000"), d("365.5")), None);
    }

    #[test]
    fn half_life_weights_halve() {
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        let w = |age: &str| half_life_weight(d(age), d("12")).map(|x| x.round_dp(12));
        assert_eq!(w("0"), Some(d("1")));
        assert_eq!(w("-5"), Some(d("1")));
        assert_eq!(w("12"), Some(d("0.5")));
        assert_eq!(w("24"), Some(d("0.25")));
        assert_eq!(w("6"), Some(d("0.707106781187")));
        assert_eq!(w("18"), Some(d("0.353553390593")));
        assert_eq!(w("11.9"), Some(d("0.502896470534")));
        assert_eq!(w("100000"), Some(d("0")));
    }

    /// The series as it was written before 23 November (signed, checked, two divisions a
    /// term): the unsigned one must give the very same weights.
    fn half_life_weight_signed(age: Decimal, half_life: Decimal) -> Option<Decimal> {
        if age <= Decimal::ZERO {
            return Some(Decimal::ONE);
        }
        let halvings = age.over(half_life)?;
        let whole = halvings.trunc();
        if whole > Decimal::from(60) {
            return Some(Decimal::ZERO);
        }
        const SCALE: i128 = 1_000_000_000_000_000_000;
        let mut x = halvings.minus(whole)?.times(LN_2)?.round_dp(18);
        x.rescale(18);
        let x = x.mantissa();
        let (mut term, mut sum) = (SCALE, SCALE);
        for n in 1..40i128 {
            term = term.checked_mul(x)? / SCALE / n;
            sum = if n % 2 == 1 { sum - term } else { sum + term };
            if term == 0 {
                break;
            }
        }
        let halved = 1u64.checked_shl(u32::try_from(whole).ok()?)?;
        Decimal::from_i128_with_scale(sum, 18)
            .over(Decimal::from(halved))
            .map(|w| w.round_dp(18).normalize())
    }

    #[test]
    fn half_life_weights_are_those_of_the_signed_series() {
        let mut compared = 0;
        for half_life in ["1", "3", "6", "12", "24", "36.5", "0.6931471805599453094172321215"] {
            let half_life = Decimal::from_str(half_life).unwrap_or_default();
            // Ages from a day to past 60 halvings, in steps that are no round fraction of it.
            let mut age = Decimal::new(1, 3);
            while age < Decimal::from(3000) {
                assert_eq!(
                    half_life_weight(age, half_life),
                    half_life_weight_signed(age, half_life),
                    "age {age}, half-life {half_life}"
                );
                compared += 1;
                age = age.times(Decimal::new(1037, 3)).unwrap_or(Decimal::MAX);
            }
        }
        assert!(compared > 1000, "{compared}");
    }

    #[test]
    fn rounds_by_the_named_rule() {
        let d = |s: &str| Decimal::from_str(s).unwrap_or_default();
        assert_eq!(
            round_fixed(d("0.005"), 2, RoundingMode::HalfAwayFromZero).to_string(),
            "0.01"
        );
        assert_eq!(
            round_fixed(d("-0.005"), 2, RoundingMode::HalfAwayFromZero).to_string(),
            "-0.01"
        );
        assert_eq!(
            round_fixed(d("0.005"), 2, RoundingMode::HalfEven).to_string(),
            "0.00"
        );
        assert_eq!(
            round_fixed(d("0.015"), 2, RoundingMode::HalfEven).to_string(),
            "0.02"
        );
        assert_eq!(
            round_fixed(d("0.019"), 2, RoundingMode::TowardZero).to_string(),
            "0.01"
        );
        assert_eq!(
            round_fixed(d("20"), 2, RoundingMode::HalfAwayFromZero).to_string(),
            "20.00"
        );
        assert_eq!(
            round_rate(d("0.0200"), 10, RoundingMode::HalfAwayFromZero).to_string(),
            "0.02"
        );
    }
}
