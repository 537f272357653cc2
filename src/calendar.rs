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

/// The last day of `date`'s month.
pub fn end_of_month(date: NaiveDate) -> Option<NaiveDate> {
    if date.month() == 12 {
        return NaiveDate::from_ymd_opt(date.year(), 12, 31);
    }
    NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)?.pred_opt()
}

/// How a due date that falls on a weekend or holiday moves (ISDA business-day conventions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessDay {
    None,
    Following,
    ModifiedFollowing,
    Preceding,
    ModifiedPreceding,
}

impl BusinessDay {
    pub const NAMES: [&'static str; 5] = [
        "none",
        "following",
        "modifiedFollowing",
        "preceding",
        "modifiedPreceding",
    ];
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "none" => BusinessDay::None,
            "following" => BusinessDay::Following,
            "modifiedFollowing" => BusinessDay::ModifiedFollowing,
            "preceding" => BusinessDay::Preceding,
            "modifiedPreceding" => BusinessDay::ModifiedPreceding,
            _ => return None,
        })
    }
}

fn is_business_day(date: NaiveDate, holidays: &[NaiveDate]) -> bool {
    use chrono::Weekday;
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holidays.binary_search(&date).is_err()
}

fn step(date: NaiveDate, forward: bool, holidays: &[NaiveDate]) -> Option<NaiveDate> {
    let mut d = date;
    // A run of more than 30 closed days is not a calendar: stop rather than loop.
    for _ in 0..31 {
        if is_business_day(d, holidays) {
            return Some(d);
        }
        d = if forward {
            d.succ_opt()?
        } else {
            d.pred_opt()?
        };
    }
    None
}

/// `date` moved by the convention; `holidays` must be sorted. Modified conventions stay
/// in the same month by turning back (ISDA 2006 §4.12).
pub fn adjust(
    date: NaiveDate,
    convention: BusinessDay,
    holidays: &[NaiveDate],
) -> Option<NaiveDate> {
    match convention {
        BusinessDay::None => Some(date),
        BusinessDay::Following => step(date, true, holidays),
        BusinessDay::Preceding => step(date, false, holidays),
        BusinessDay::ModifiedFollowing => {
            let d = step(date, true, holidays)?;
            if d.month() == date.month() {
                Some(d)
            } else {
                step(date, false, holidays)
            }
        }
        BusinessDay::ModifiedPreceding => {
            let d = step(date, false, holidays)?;
            if d.month() == date.month() {
                Some(d)
            } else {
                step(date, true, holidays)
            }
        }
    }
}

/// Day-count conventions for interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayCount {
    Act365F,
    Act360,
    Thirty360,
}

impl DayCount {
    pub const NAMES: [&'static str; 3] = ["ACT/365F", "ACT/360", "30/360"];
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "ACT/365F" => DayCount::Act365F,
            "ACT/360" => DayCount::Act360,
            "30/360" => DayCount::Thirty360,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            DayCount::Act365F => "ACT/365F",
            DayCount::Act360 => "ACT/360",
            DayCount::Thirty360 => "30/360",
        }
    }

    /// (days counted, days in the year) from `from` to `to`. 30/360 (bond basis):
    /// D1 = min(D1, 30); if D1 = 30 then D2 = min(D2, 30).
    pub fn days(self, from: NaiveDate, to: NaiveDate) -> (i64, i64) {
        match self {
            DayCount::Act365F => (days_between(from, to), 365),
            DayCount::Act360 => (days_between(from, to), 360),
            DayCount::Thirty360 => {
                let d1 = i64::from(from.day().min(30));
                let d2 = if d1 == 30 {
                    i64::from(to.day().min(30))
                } else {
                    i64::from(to.day())
                };
                let y = i64::from(to.year() - from.year());
                let m = i64::from(to.month()) - i64::from(from.month());
                (360 * y + 30 * m + (d2 - d1), 360)
            }
        }
    }

    /// The year fraction from `from` to `to`.
    pub fn fraction(self, from: NaiveDate, to: NaiveDate) -> Option<rust_decimal::Decimal> {
        let (days, year) = self.days(from, to);
        rust_decimal::Decimal::from(days).over(rust_decimal::Decimal::from(year))
    }
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
        let eom = |s: &str| parse_date(s).and_then(end_of_month).map(format_date);
        assert_eq!(eom("2024-02-10"), d("2024-02-29"));
        assert_eq!(eom("2023-02-10"), d("2023-02-28"));
        assert_eq!(eom("2026-12-31"), d("2026-12-31"));
        assert_eq!(eom("9999-12-05"), d("9999-12-31"));
        assert_eq!(
            format_date(NaiveDate::from_ymd_opt(7, 3, 4).unwrap_or_default()),
            "0007-03-04"
        );
    }
}

#[cfg(test)]
mod convention_tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_default()
    }

    #[test]
    fn business_day_conventions() {
        // Saturday 2026-02-28: following → Monday 2 March, modified following turns back
        // to Friday 27 February; preceding → Friday 27; modified preceding likewise.
        let sat = d("2026-02-28");
        assert_eq!(
            adjust(sat, BusinessDay::Following, &[]),
            Some(d("2026-03-02"))
        );
        assert_eq!(
            adjust(sat, BusinessDay::ModifiedFollowing, &[]),
            Some(d("2026-02-27"))
        );
        assert_eq!(
            adjust(sat, BusinessDay::Preceding, &[]),
            Some(d("2026-02-27"))
        );
        // Sunday 2026-03-01: modified preceding would leave March, so it goes forward.
        assert_eq!(
            adjust(d("2026-03-01"), BusinessDay::ModifiedPreceding, &[]),
            Some(d("2026-03-02"))
        );
        // A holiday on the Monday pushes following to Tuesday.
        assert_eq!(
            adjust(sat, BusinessDay::Following, &[d("2026-03-02")]),
            Some(d("2026-03-03"))
        );
        assert_eq!(
            adjust(d("2026-03-04"), BusinessDay::Following, &[]),
            Some(d("2026-03-04"))
        );
        assert_eq!(adjust(sat, BusinessDay::None, &[]), Some(sat));
    }

    #[test]
    fn day_counts() {
        assert_eq!(
            DayCount::Act365F.days(d("2026-01-31"), d("2026-03-31")),
            (59, 365)
        );
        assert_eq!(
            DayCount::Act360.days(d("2026-01-31"), d("2026-03-31")),
            (59, 360)
        );
        // 30/360: 31 Jan → 31 Mar: D1 = 30, so D2 = 30: 60 days.
        assert_eq!(
            DayCount::Thirty360.days(d("2026-01-31"), d("2026-03-31")),
            (60, 360)
        );
        // 15 Jan → 31 Mar: D1 = 15, D2 stays 31: 76 days.
        assert_eq!(
            DayCount::Thirty360.days(d("2026-01-15"), d("2026-03-31")),
            (76, 360)
        );
        assert_eq!(
            DayCount::Thirty360.days(d("2025-12-30"), d("2026-02-28")),
            (58, 360)
        );
    }
}
