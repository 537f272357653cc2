//! Statutory and contractual late-payment interest (`../shared/domain.md` §3.1): simple
//! interest on the amount for each day late, ACT/365, with the reference rate of each
//! half-year (EU: in force on 1 January / 1 July; UK: on 31 December / 30 June), plus the
//! fixed compensation the law grants per invoice.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{days_between, format_date};
use crate::error::{code, Problem, Problems};
use crate::money::{round_fixed, round_rate, Exact};
use crate::policy::Policy;
use crate::score::Text;
use crate::value::{object, out_of_range, Obj, Value};

pub const JURISDICTIONS: [&str; 5] = ["EU", "UK", "CN", "US", "custom"];

#[derive(Debug, Clone, PartialEq)]
pub struct LateInput {
    pub jurisdiction: &'static str,
    pub amount: Decimal,
    pub due_date: NaiveDate,
    pub paid_date: NaiveDate,
    pub reference_rate: Option<Decimal>,
    pub agreed_rate: Option<Decimal>,
    pub country: Option<String>,
    pub currency: Option<String>,
    pub fixed_compensation: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub from: String,
    pub to: String,
    pub days: i64,
    /// The reference rate and where it came from (`ECB_MRO` of a date, or `given`).
    pub reference_rate: Option<Decimal>,
    pub reference: Option<String>,
    pub reference_date: Option<String>,
    pub margin: Option<Decimal>,
    /// The yearly rate applied (per day for China without an agreed rate).
    pub rate: Decimal,
    pub interest: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LateInterest {
    pub policy_version: String,
    pub jurisdiction: &'static str,
    pub currency: Option<String>,
    pub amount: Decimal,
    pub due_date: String,
    pub paid_date: String,
    pub days_late: i64,
    pub segments: Vec<Segment>,
    pub interest: Decimal,
    pub fixed_compensation: Decimal,
    /// The statutory sums are in EUR (EU) and GBP (UK) whatever the invoice's currency.
    pub fixed_compensation_currency: Option<String>,
    /// amount + interest, + the fixed compensation when it is in the invoice's currency.
    pub total_claim: Decimal,
    pub legal_basis: Text,
    /// AGREED_BELOW_LPR, NOT_LATE, DEFAULT_US_RATE.
    pub notes: Vec<&'static str>,
}

pub const FIELDS: [&str; 9] = [
    "jurisdiction",
    "amount",
    "dueDate",
    "paidDate",
    "referenceRate",
    "agreedRate",
    "country",
    "currency",
    "fixedCompensation",
];

pub fn read_input(o: &Obj, ps: &mut Problems) -> Option<LateInput> {
    o.reject_unknown(&FIELDS, ps);
    let jurisdiction = o.required("jurisdiction", ps, |o, k, p| o.one_of(k, &JURISDICTIONS, p));
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let amount = o.required("amount", ps, |o, k, p| {
        let a = o.decimal(k, p)?;
        if a <= Decimal::ZERO || a > limit {
            p.push(out_of_range(&o.path(k), Some(Decimal::ZERO), Some(limit)));
            return None;
        }
        Some(a)
    });
    let due = o.required("dueDate", ps, |o, k, p| o.date(k, p));
    let paid = o.required("paidDate", ps, |o, k, p| o.date(k, p));
    if let (Some(d), Some(p)) = (due, paid) {
        if p < d {
            ps.push(Problem::new(
                code::UNORDERED,
                o.path("paidDate"),
                "must not be before dueDate",
            ));
        }
    }
    let reference_rate = o.decimal_in("referenceRate", Decimal::from(-1), Decimal::ONE, ps);
    let agreed_rate = o.decimal_in("agreedRate", Decimal::ZERO, Decimal::TEN, ps);
    let country = o.string("country", ps).map(str::to_string);
    let currency = o.string("currency", ps).map(str::to_string);
    let fixed = o.decimal_in("fixedCompensation", Decimal::ZERO, limit, ps);
    if jurisdiction == Some("custom") && agreed_rate.is_none() {
        ps.push(Problem::new(
            code::REQUIRED,
            o.path("agreedRate"),
            "is required for a custom rule",
        ));
    }
    Some(LateInput {
        jurisdiction: jurisdiction?,
        amount: amount?,
        due_date: due?,
        paid_date: paid?,
        reference_rate,
        agreed_rate,
        country,
        currency,
        fixed_compensation: fixed,
    })
}

/// The rate of `series` in force on `date`.
fn rate_on<'a>(
    policy: &'a Policy,
    series: &str,
    date: NaiveDate,
) -> Option<&'a crate::policy::DatedRate> {
    policy
        .late_payment
        .reference_rates
        .iter()
        .find(|s| s.code == series)?
        .entries
        .iter()
        .rev()
        .find(|e| e.from <= date)
}

/// The half-year periods between the due date and the payment: (first late day, last day,
/// fixing date of the half-year).
fn half_years(due: NaiveDate, paid: NaiveDate, uk: bool) -> Vec<(NaiveDate, NaiveDate, NaiveDate)> {
    let mut out = Vec::new();
    let Some(mut start) = due.succ_opt() else {
        return out;
    };
    while start <= paid {
        let first_half = start.month() <= 6;
        let year = start.year();
        let end_of_half = if first_half {
            NaiveDate::from_ymd_opt(year, 6, 30)
        } else {
            NaiveDate::from_ymd_opt(year, 12, 31)
        };
        let Some(end_of_half) = end_of_half else {
            break;
        };
        let end = end_of_half.min(paid);
        let fixing = if uk {
            // The base rate on 31 December (for January–June) or 30 June (July–December).
            if first_half {
                NaiveDate::from_ymd_opt(year - 1, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, 6, 30)
            }
        } else if first_half {
            NaiveDate::from_ymd_opt(year, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, 7, 1)
        };
        let Some(fixing) = fixing else { break };
        out.push((start, end, fixing));
        let Some(next) = end.succ_opt() else { break };
        start = next;
    }
    out
}

pub fn compute(input: &LateInput, policy: &Policy) -> Result<LateInterest, Problem> {
    let lp = &policy.late_payment;
    let overflow = || Problem::overflow("amount");
    let mode = policy.rounding.mode;
    let currency = input.currency.clone().or(match input.jurisdiction {
        "EU" => Some(lp.eu.currency.clone()),
        "UK" => Some(lp.uk.currency.clone()),
        "CN" => Some("CNY".to_string()),
        "US" => Some("USD".to_string()),
        _ => None,
    });
    let minor = policy.minor_units(currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);
    let days_late = days_between(input.due_date, input.paid_date).max(0);
    let year = Decimal::from(365);
    let mut notes = Vec::new();
    let mut segments = Vec::new();
    let mut interest = Decimal::ZERO;
    let simple = |rate: Decimal, days: i64| -> Option<Decimal> {
        input
            .amount
            .times(rate)?
            .times(Decimal::from(days))?
            .over(year)
    };

    match input.jurisdiction {
        "EU" | "UK" => {
            let uk = input.jurisdiction == "UK";
            let (series, margin) = if uk {
                ("BOE_BASE", lp.uk.margin)
            } else {
                let m = input
                    .country
                    .as_deref()
                    .and_then(|c| lp.eu.country_margins.iter().find(|x| x.country == c))
                    .map_or(lp.eu.margin, |x| x.margin);
                ("ECB_MRO", m)
            };
            for (from, to, fixing) in half_years(input.due_date, input.paid_date, uk) {
                let days = days_between(from, to) + 1;
                let (reference, name, date) = match input.reference_rate {
                    Some(r) => (r, "given".to_string(), None),
                    None => {
                        let e = rate_on(policy, series, fixing).ok_or_else(|| {
                            Problem::new(
                                code::OUT_OF_RANGE,
                                "dueDate",
                                format!(
                                    "the policy has no {series} rate in force on {}",
                                    format_date(fixing)
                                ),
                            )
                        })?;
                        (e.rate, series.to_string(), Some(format_date(e.from)))
                    }
                };
                let rate = reference
                    .plus(margin)
                    .ok_or_else(overflow)?
                    .max(Decimal::ZERO);
                let part = simple(rate, days).ok_or_else(overflow)?;
                interest = interest.plus(part).ok_or_else(overflow)?;
                segments.push(Segment {
                    from: format_date(from),
                    to: format_date(to),
                    days,
                    reference_rate: Some(reference),
                    reference: Some(name),
                    reference_date: date,
                    margin: Some(margin),
                    rate: round_rate(rate, policy.rounding.rate_decimals, mode),
                    interest: money(part),
                });
            }
        }
        "CN" => {
            let (rate, per_day) = match input.agreed_rate {
                Some(agreed) => {
                    let lpr = input
                        .reference_rate
                        .or_else(|| rate_on(policy, "LPR_1Y", input.due_date).map(|e| e.rate));
                    match lpr {
                        Some(l) if agreed < l => {
                            notes.push("AGREED_BELOW_LPR");
                            (l, false)
                        }
                        _ => (agreed, false),
                    }
                }
                None => (lp.cn.daily_rate_without_agreement, true),
            };
            let part = if per_day {
                input
                    .amount
                    .times(rate)
                    .and_then(|x| x.times(Decimal::from(days_late)))
            } else {
                simple(rate, days_late)
            }
            .ok_or_else(overflow)?;
            interest = part;
            if days_late > 0 {
                segments.push(Segment {
                    from: input
                        .due_date
                        .succ_opt()
                        .map(format_date)
                        .unwrap_or_default(),
                    to: format_date(input.paid_date),
                    days: days_late,
                    reference_rate: None,
                    reference: None,
                    reference_date: None,
                    margin: None,
                    rate,
                    interest: money(part),
                });
            }
        }
        _ => {
            let rate = match (input.jurisdiction, input.agreed_rate) {
                (_, Some(r)) => r,
                ("US", None) => {
                    notes.push("DEFAULT_US_RATE");
                    lp.us
                        .default_monthly_rate
                        .times(Decimal::from(12))
                        .ok_or_else(overflow)?
                }
                _ => Decimal::ZERO,
            };
            let part = simple(rate, days_late).ok_or_else(overflow)?;
            interest = part;
            if days_late > 0 {
                segments.push(Segment {
                    from: input
                        .due_date
                        .succ_opt()
                        .map(format_date)
                        .unwrap_or_default(),
                    to: format_date(input.paid_date),
                    days: days_late,
                    reference_rate: None,
                    reference: None,
                    reference_date: None,
                    margin: None,
                    rate,
                    interest: money(part),
                });
            }
        }
    }
    if days_late == 0 {
        notes.push("NOT_LATE");
    }
    let fixed = if days_late == 0 {
        Decimal::ZERO
    } else {
        match (input.fixed_compensation, input.jurisdiction) {
            (Some(f), _) => f,
            (None, "EU") => lp.eu.fixed_compensation,
            (None, "UK") => lp
                .uk
                .fixed_compensation
                .iter()
                .find(|f| f.below.is_none_or(|b| input.amount < b))
                .map_or(Decimal::ZERO, |f| f.amount),
            (None, _) => Decimal::ZERO,
        }
    };
    let fixed_currency = match (input.fixed_compensation, input.jurisdiction) {
        (None, "EU") => Some(lp.eu.currency.clone()),
        (None, "UK") => Some(lp.uk.currency.clone()),
        _ => currency.clone(),
    };
    let same = fixed_currency.is_none() || fixed_currency == currency;
    if !same && !fixed.is_zero() {
        notes.push("FIXED_COMPENSATION_IN_ANOTHER_CURRENCY");
    }
    let interest = money(interest);
    let fixed = round_fixed(fixed, policy.minor_units(fixed_currency.as_deref()), mode);
    let basis = match input.jurisdiction {
        "EU" => Text {
            en: "EU Directive 2011/7/EU: the ECB reference rate + the national margin, and a fixed EUR 40 per invoice".into(),
            zh_cn: "欧盟第 2011/7/EU 号指令：欧洲央行参考利率加成员国规定的加点，每张发票另有 40 欧元固定补偿".into(),
        },
        "UK" => Text {
            en: "Late Payment of Commercial Debts (Interest) Act 1998: Bank of England base rate + 8 %, and a fixed sum by the size of the debt".into(),
            zh_cn: "英国《1998 年商业债务逾期付款（利息）法》：英格兰银行基准利率加 8%，并按债务金额收取固定补偿".into(),
        },
        "CN" => Text {
            en: "保障中小企业款项支付条例 (2025): the agreed rate, not below the 1-year LPR; 0.05 % a day when none was agreed".into(),
            zh_cn: "《保障中小企业款项支付条例》（2025 年）：按约定利率（不低于一年期贷款市场报价利率）；未约定的，按每日万分之五".into(),
        },
        "US" => Text {
            en: "United States: the contractual rate (state caps vary); 1.5 % a month is customary".into(),
            zh_cn: "美国：按合同约定利率（各州上限不同）；惯例为每月 1.5%".into(),
        },
        _ => Text { en: "The agreed rate".into(), zh_cn: "约定利率".into() },
    };
    Ok(LateInterest {
        policy_version: policy.version.clone(),
        jurisdiction: input.jurisdiction,
        currency,
        amount: money(input.amount),
        due_date: format_date(input.due_date),
        paid_date: format_date(input.paid_date),
        days_late,
        segments,
        interest,
        fixed_compensation: fixed,
        fixed_compensation_currency: fixed_currency,
        total_claim: money(
            input
                .amount
                .plus(interest)
                .and_then(|x| x.plus(if same { fixed } else { Decimal::ZERO }))
                .ok_or_else(overflow)?,
        ),
        legal_basis: basis,
        notes,
    })
}

/// The whole `lateInterest(input, policy?)` export.
pub fn run(value: &Value, policy: Option<&Value>) -> Result<LateInterest, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let mut ps = Problems::new();
    let input = object(value, "", &mut ps).and_then(|o| read_input(&o, &mut ps));
    match (input, ps.is_empty()) {
        (Some(i), true) => compute(&i, &policy).map_err(|p| vec![p]),
        _ => Err(ps),
    }
}
