//! Calendar dates: strict `YYYY-MM-DD` text, years 0001–9999 both ways, and day arithmetic
//! that refuses to leave that range (a date the engine could not read back is never output).

use chrono::{Datelike, Days, NaiveDate};

use crate::money::Exact;

/// `YYYY-MM-DD`, strictly; years 0001–9999.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |range: core::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    if year < 1 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

pub fn format_date(date: NaiveDate) -> String {
    // Written by hand: format! costs more than the rest of reading an experience.
    fn push(out: &mut String, n: u32, width: u32) {
        for p in (0..width).rev() {
            let digit = (n / 10u32.pow(p)) % 10;
            out.push(char::from(b'0' + u8::try_from(digit).unwrap_or(0)));
        }
    }
    let mut out = String::with_capacity(10);
    push(&mut out, u32::try_from(date.year()).unwrap_or(0), 4);
    out.push('-');
    push(&mut out, date.month(), 2);
    out.push('-');
    push(&mut out, date.day(), 2);
    out
}

/// `date` + `days`, or `None` past 9999-12-31.
pub fn add_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(u64::from(days)))
        .filter(|d| d.year() <= 9999)
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// Age in months, as a decimal: days × 12 / 365 (a month is 365/12 days here, so that
/// ages are exact decimals and do not depend on which months were crossed).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> rust_decimal::Decimal {
    let days = rust_decimal::Decimal::from(days_between(from, to));
    days.times(rust_decimal::Decimal::from(12))
        .and_then(|d| d.over(rust_decimal::Decimal::from(365)))
        .unwrap_or_default()
}

/// Age in years, as a decimal: days / 365.25.
pub fn years_between(from: NaiveDate, to: NaiveDate) -> rust_decimal::Decimal {
    let days = rust_decimal::Decimal::from(days_between(from, to));
    days.over(rust_decimal::Decimal::new(36525, 2))
        .unwrap_or_default()
}

/// `date` + `months`, clamped to the end of a shorter month (31 January + 1 month is
/// 28 or 29 February), or `None` past 9999-12-31.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(chrono::Months::new(months))
        .filter(|d| d.year() <= 9999)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_real_dates_in_range() {
        assert!(parse_date("2024-02-29").is_some());
        assert!(parse_date("0001-01-01").is_some());
        assert!(parse_date("9999-12-31").is_some());
        for bad in [
            "2023-02-29",
            "0000-01-01",
            "2024-1-01",
            "2024-01-1",
            "+202-01-01",
            "2024/01/01",
            "20240101",
            "",
            "2024-13-01",
            "2024-00-10",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn adds_days_across_month_ends_and_stops_at_9999() {
        let d = |s: &str| parse_date(s).map(format_date);
        let add = |s: &str, n: u32| parse_date(s).and_then(|x| add_days(x, n)).map(format_date);
        assert_eq!(add("2024-02-20", 10), d("2024-03-01"));
        assert_eq!(add("2023-02-20", 10), d("2023-03-02"));
        assert_eq!(add("2024-12-31", 1), d("2025-01-01"));
        assert_eq!(add("9999-12-30", 1), d("9999-12-31"));
        assert_eq!(add("9999-12-31", 1), None);
        let months = |s: &str, n: u32| {
            parse_date(s)
                .and_then(|x| add_months(x, n))
                .map(format_date)
        };
        assert_eq!(months("2024-01-31", 1), d("2024-02-29"));
        assert_eq!(months("2023-01-31", 1), d("2023-02-28"));
        assert_eq!(months("2024-02-29", 12), d("2025-02-28"));
        assert_eq!(months("2024-08-31", 3), d("2024-11-30"));
        assert_eq!(months("2026-11-22", 12), d("2027-11-22"));
        assert_eq!(months("9999-12-01", 1), None);
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(7, 3, 4).unwrap_or_default()),
            "0007-03-04"
        );
    }
}
