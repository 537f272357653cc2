//! The buyer's cost of not taking an early-payment discount (d/D net N), the first
//! calculator of the terms engine.
//!
//! Formulas (`../shared/domain.md` §3; Brealey, Myers & Allen, *Principles of Corporate
//! Finance*, ch. 30): with d the discount as a fraction,
//! period rate r = d / (1 − d), paid for N − D extra days of credit;
//! simple annual rate = r × Y / (N − D), with the day basis Y (360 or 365) explicit;
//! effective annual rate = (1 + r)^(365 / (N − D)) − 1, compounding over the 365 days of an
//! actual year whatever Y is (2/10 net 30: 36.73 % simple on 360, 37.24 % on 365, 44.59 %
//! effective).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{add_days, format_date};
use crate::error::{code, Problem, Problems};
use crate::money::{checked, pow, round_fixed, round_rate, Exact};
use crate::policy::{Policy, DAY_BASES};
use crate::value::{object, Value};

/// The year an effective rate compounds over, in days.
const ACTUAL_YEAR_DAYS: u32 = 365;

#[derive(Debug, Clone, PartialEq)]
pub struct DiscountInput {
    /// The discount in percent (2 for 2 %); 0 ≤ d < 100.
    pub discount_percent: Decimal,
    pub discount_days: u32,
    pub net_days: u32,
    /// 360 or 365; the policy's default when not given.
    pub day_basis: Option<u32>,
    pub invoice_amount: Option<Decimal>,
    pub invoice_date: Option<NaiveDate>,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DiscountCost {
    pub policy_version: String,
    pub discount_percent: Decimal,
    /// The discount as a fraction: 0.02 for 2 %.
    pub discount_rate: Decimal,
    pub discount_days: u32,
    pub net_days: u32,
    pub day_basis: u32,
    /// N − D: the days of credit the buyer gets by paying the full amount at net.
    pub extra_days: u32,
    /// d / (1 − d): what the buyer pays for those days.
    pub period_rate: Decimal,
    /// Y / (N − D).
    pub periods_per_year: Decimal,
    pub simple_annual_rate: Decimal,
    /// `null` when the rate is too large to express (e.g. 50 % for one day).
    pub effective_annual_rate: Option<Decimal>,
    pub effective_day_basis: u32,
    pub invoice: Option<InvoiceFigures>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceFigures {
    pub currency: Option<String>,
    pub amount: Option<Decimal>,
    pub discount_amount: Option<Decimal>,
    pub amount_if_discounted: Option<Decimal>,
    pub invoice_date: Option<String>,
    pub discount_due_date: Option<String>,
    pub net_due_date: Option<String>,
}

const FIELDS: [&str; 7] = [
    "discountPercent",
    "discountDays",
    "netDays",
    "dayBasis",
    "invoiceAmount",
    "invoiceDate",
    "currency",
];

/// Reads and checks the input, reporting every bad field.
pub fn read_input(value: &Value, policy: &Policy) -> Result<DiscountInput, Problems> {
    let mut problems = Problems::new();
    let Some(o) = object(value, "", &mut problems) else {
        return Err(problems);
    };
    o.reject_unknown(&FIELDS, &mut problems);
    let max_days = policy.terms.max_term_days;
    let hundred = Decimal::ONE_HUNDRED;
    let discount_percent = o.required("discountPercent", &mut problems, |o, k, p| {
        let d = o.decimal(k, p)?;
        if d < Decimal::ZERO || d >= hundred {
            p.push(
                Problem::new(
                    code::OUT_OF_RANGE,
                    o.path(k),
                    "must be at least 0 and below 100 (percent)",
                )
                .with_range(Some("0".into()), Some("100".into())),
            );
            return None;
        }
        Some(d)
    });
    let discount_days = o.required("discountDays", &mut problems, |o, k, p| {
        o.integer_in(k, 0, max_days, p)
    });
    let net_days = o.required("netDays", &mut problems, |o, k, p| {
        o.integer_in(k, 1, max_days, p)
    });
    if let (Some(dd), Some(nd)) = (discount_days, net_days) {
        if nd <= dd {
            problems.push(Problem::new(
                code::NET_NOT_AFTER_DISCOUNT,
                o.path("netDays"),
                "must be more days than discountDays",
            ));
        }
    }
    let day_basis =
        o.one_of("dayBasis", &DAY_BASES, &mut problems)
            .map(|b| if b == "360" { 360 } else { 365 });
    let invoice_amount = o.decimal("invoiceAmount", &mut problems).and_then(|a| {
        if a.is_sign_negative() && !a.is_zero() {
            problems.push(crate::value::out_of_range(
                &o.path("invoiceAmount"),
                Some(Decimal::ZERO),
                None,
            ));
            None
        } else {
            Some(a)
        }
    });
    let invoice_date = o.date("invoiceDate", &mut problems);
    let currency = crate::money::read_currency(&o, &mut problems, Some(policy));
    match (
        discount_percent,
        discount_days,
        net_days,
        problems.is_empty(),
    ) {
        (Some(discount_percent), Some(dd), Some(nd), true) => Ok(DiscountInput {
            discount_percent,
            // Both are within 0..=max_term_days (≤ 36,500), so they fit a u32.
            discount_days: u32::try_from(dd).unwrap_or(0),
            net_days: u32::try_from(nd).unwrap_or(0),
            day_basis,
            invoice_amount,
            invoice_date,
            currency,
        }),
        _ => Err(problems),
    }
}

/// Computes the cost of skipping the discount; the input is assumed checked by `read_input`.
pub fn discount_cost(input: &DiscountInput, policy: &Policy) -> Result<DiscountCost, Problem> {
    let mode = policy.rounding.mode;
    let rate_dp = policy.rounding.rate_decimals;
    let day_basis = input.day_basis.unwrap_or(policy.terms.day_basis);
    let extra_days = input
        .net_days
        .checked_sub(input.discount_days)
        .filter(|d| *d > 0)
        .ok_or_else(|| {
            Problem::new(
                code::NET_NOT_AFTER_DISCOUNT,
                "netDays",
                "must be more days than discountDays",
            )
        })?;
    let d = checked(
        input.discount_percent.over(Decimal::ONE_HUNDRED),
        "discountPercent",
    )?;
    let kept = checked(Decimal::ONE.minus(d), "discountPercent")?;
    let period_rate = checked(d.over(kept), "discountPercent")?;
    let extra = Decimal::from(extra_days);
    let periods_per_year = checked(Decimal::from(day_basis).over(extra), "netDays")?;
    let simple = checked(period_rate.times(periods_per_year), "discountPercent")?;
    let effective = Decimal::from(ACTUAL_YEAR_DAYS)
        .over(extra)
        .and_then(|n| pow(Decimal::ONE.plus(period_rate)?, n))
        .and_then(|grown| grown.minus(Decimal::ONE))
        .map(|e| round_rate(e, rate_dp, mode));

    let invoice = if input.invoice_amount.is_some() || input.invoice_date.is_some() {
        let minor = policy.minor_units(input.currency.as_deref());
        // The invoice is first taken to its currency's minor unit, so that the discount
        // and the rest always add up to the amount shown.
        let amount = input.invoice_amount.map(|a| round_fixed(a, minor, mode));
        let (discount_amount, amount_if_discounted) = match amount {
            Some(amount) => {
                let disc = round_fixed(checked(amount.times(d), "invoiceAmount")?, minor, mode);
                let rest = checked(amount.minus(disc), "invoiceAmount")?;
                (Some(disc), Some(round_fixed(rest, minor, mode)))
            }
            None => (None, None),
        };
        let due = |days: u32| -> Result<Option<String>, Problem> {
            match input.invoice_date {
                None => Ok(None),
                Some(date) => add_days(date, days)
                    .map(|due| Some(format_date(due)))
                    .ok_or_else(|| {
                        Problem::new(
                            code::OUT_OF_RANGE,
                            "invoiceDate",
                            "the due date would fall after 9999-12-31",
                        )
                    }),
            }
        };
        Some(InvoiceFigures {
            currency: input.currency.clone(),
            amount,
            discount_amount,
            amount_if_discounted,
            invoice_date: input.invoice_date.map(format_date),
            discount_due_date: due(input.discount_days)?,
            net_due_date: due(input.net_days)?,
        })
    } else {
        None
    };

    Ok(DiscountCost {
        policy_version: policy.version.clone(),
        discount_percent: input.discount_percent.normalize(),
        discount_rate: d.normalize(),
        discount_days: input.discount_days,
        net_days: input.net_days,
        day_basis,
        extra_days,
        period_rate: round_rate(period_rate, rate_dp, mode),
        periods_per_year: round_rate(periods_per_year, rate_dp, mode),
        simple_annual_rate: round_rate(simple, rate_dp, mode),
        effective_annual_rate: effective,
        effective_day_basis: ACTUAL_YEAR_DAYS,
        invoice,
    })
}

/// Reads, checks and computes: the whole `discountCost` export.
pub fn run(input: &Value, policy: Option<&Value>) -> Result<DiscountCost, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let input = read_input(input, &policy)?;
    discount_cost(&input, &policy).map_err(|p| vec![p])
}
