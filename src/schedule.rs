//! Instalment plans (`../shared/domain.md` §3): n instalments monthly, weekly, every k days
//! or on given dates; annuity (level payment i·P / (1 − (1+i)^−n)), equal principal with
//! interest on the falling balance, or no interest. Each amount is rounded to the minor
//! unit and the last instalment absorbs the remainder, so the principal sums exactly to
//! the amount. Due dates may be moved by a business-day convention and a holiday list.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{add_days, add_months, adjust, format_date, BusinessDay, DayCount};
use crate::error::{code, Problem, Problems};
use crate::money::{pow, round_fixed, round_rate, Exact};
use crate::policy::Policy;
use crate::value::{object, out_of_range, Obj, Value};

pub const MAX_INSTALMENTS: i64 = 600;
pub const MAX_HOLIDAYS: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Monthly,
    Weekly,
    EveryDays(u32),
    Dates,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Annuity,
    EqualPrincipal,
    NoInterest,
}

impl Method {
    pub const NAMES: [&'static str; 3] = ["annuity", "equalPrincipal", "noInterest"];
    fn name(self) -> &'static str {
        match self {
            Method::Annuity => "annuity",
            Method::EqualPrincipal => "equalPrincipal",
            Method::NoInterest => "noInterest",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub amount: Decimal,
    pub start_date: NaiveDate,
    pub first_due_date: Option<NaiveDate>,
    pub count: u32,
    pub frequency: Frequency,
    pub dates: Vec<NaiveDate>,
    pub method: Method,
    pub annual_rate: Decimal,
    pub day_count: DayCount,
    pub business_day: BusinessDay,
    pub holidays: Vec<NaiveDate>,
    pub currency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Instalment {
    pub number: u32,
    pub due_date: String,
    /// The date before the business-day convention moved it.
    pub scheduled_date: String,
    pub payment: Decimal,
    pub principal: Decimal,
    pub interest: Decimal,
    pub balance_after: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub amount: Decimal,
    pub currency: Option<String>,
    pub method: &'static str,
    pub annual_rate: Decimal,
    /// The rate per period (regular plans) — null for plans on given dates, whose interest
    /// follows the day count between dates.
    pub periodic_rate: Option<Decimal>,
    pub instalments: Vec<Instalment>,
    pub total_payments: Decimal,
    pub total_interest: Decimal,
    pub total_principal: Decimal,
}

pub const FIELDS: [&str; 13] = [
    "amount",
    "startDate",
    "firstDueDate",
    "count",
    "frequency",
    "everyDays",
    "dates",
    "method",
    "annualRate",
    "dayCount",
    "businessDay",
    "holidays",
    "currency",
];

fn date_list(o: &Obj, key: &str, max: usize, ps: &mut Problems) -> Option<Vec<NaiveDate>> {
    let items = o.array(key, ps)?;
    if items.len() > max {
        ps.push(
            Problem::new(code::TOO_LONG, o.path(key), format!("at most {max} dates"))
                .with_range(None, Some(max.to_string())),
        );
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) => match crate::calendar::parse_date(s) {
                Some(d) => out.push(d),
                None => ps.push(Problem::new(
                    code::NOT_A_DATE,
                    format!("{}[{i}]", o.path(key)),
                    "must be a date written YYYY-MM-DD",
                )),
            },
            _ => ps.push(Problem::new(
                code::NOT_A_DATE,
                format!("{}[{i}]", o.path(key)),
                "must be a date written YYYY-MM-DD",
            )),
        }
    }
    Some(out)
}

/// Reads a plan object (the `paymentSchedule` input, or an instalment option's plan).
pub fn read_plan(o: &Obj, policy: &Policy, ps: &mut Problems) -> Option<Plan> {
    o.reject_unknown(&FIELDS, ps);
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let amount = o.required("amount", ps, |o, k, p| {
        let a = o.decimal(k, p)?;
        if a <= Decimal::ZERO || a > limit {
            p.push(
                out_of_range(&o.path(k), Some(Decimal::ZERO), Some(limit))
                    .with_range(Some("0".into()), Some(limit.to_string())),
            );
            return None;
        }
        Some(a)
    });
    let start = o.required("startDate", ps, |o, k, p| o.date(k, p));
    let first = o.date("firstDueDate", ps);
    if let (Some(s), Some(f)) = (start, first) {
        if f < s {
            ps.push(Problem::new(
                code::UNORDERED,
                o.path("firstDueDate"),
                "must not be before startDate",
            ));
        }
    }
    let frequency_name = o
        .one_of("frequency", &["monthly", "weekly", "days", "dates"], ps)
        .unwrap_or("monthly");
    let every = o.integer_in("everyDays", 1, 3650, ps);
    let dates = if frequency_name == "dates" {
        let mut list = o
            .required("dates", ps, |o, k, p| {
                date_list(o, k, MAX_INSTALMENTS as usize, p)
            })
            .unwrap_or_default();
        if list.is_empty() && o.get("dates").is_some() {
            ps.push(Problem::new(
                code::REQUIRED,
                o.path("dates"),
                "must list at least one date",
            ));
        }
        if list.windows(2).any(|w| matches!(w, [a, b] if b <= a)) {
            ps.push(Problem::new(
                code::UNORDERED,
                o.path("dates"),
                "must be in increasing order",
            ));
        }
        if let (Some(s), Some(d)) = (start, list.first()) {
            if *d < s {
                ps.push(Problem::new(
                    code::UNORDERED,
                    o.path("dates"),
                    "must not start before startDate",
                ));
            }
        }
        list.dedup();
        list
    } else {
        Vec::new()
    };
    let frequency = match frequency_name {
        "weekly" => Frequency::Weekly,
        "days" => match every {
            Some(k) => Frequency::EveryDays(u32::try_from(k).unwrap_or(1)),
            None => {
                ps.push(Problem::new(
                    code::REQUIRED,
                    o.path("everyDays"),
                    "is required when frequency is days",
                ));
                Frequency::EveryDays(1)
            }
        },
        "dates" => Frequency::Dates,
        _ => Frequency::Monthly,
    };
    let count = if frequency == Frequency::Dates {
        u32::try_from(dates.len()).ok()
    } else {
        o.required("count", ps, |o, k, p| {
            o.integer_in(k, 1, MAX_INSTALMENTS, p)
        })
        .and_then(|c| u32::try_from(c).ok())
    };
    let annual_rate = o
        .decimal_in("annualRate", Decimal::ZERO, Decimal::TEN, ps)
        .unwrap_or_default();
    let method = match o.one_of("method", &Method::NAMES, ps) {
        Some("annuity") => Method::Annuity,
        Some("equalPrincipal") => Method::EqualPrincipal,
        Some(_) => Method::NoInterest,
        None if annual_rate.is_zero() => Method::NoInterest,
        None => Method::Annuity,
    };
    let day_count = o
        .one_of("dayCount", &DayCount::NAMES, ps)
        .and_then(DayCount::from_name)
        .unwrap_or(DayCount::Act365F);
    let business_day = o
        .one_of("businessDay", &BusinessDay::NAMES, ps)
        .and_then(BusinessDay::from_name)
        .unwrap_or(BusinessDay::None);
    let mut holidays = o
        .get("holidays")
        .and_then(|_| date_list(o, "holidays", MAX_HOLIDAYS, ps))
        .unwrap_or_default();
    crate::sort::sort_by(&mut holidays, Ord::cmp);
    let currency = o.string("currency", ps).map(str::to_string);
    if method == Method::Annuity && frequency == Frequency::Dates {
        ps.push(
            Problem::new(code::NOT_ONE_OF, o.path("method"), "a level (annuity) payment needs a regular frequency; use equalPrincipal on given dates")
                .with_allowed(&["equalPrincipal", "noInterest"]),
        );
    }
    let _ = policy;
    Some(Plan {
        amount: amount?,
        start_date: start?,
        first_due_date: first,
        count: count.filter(|c| *c > 0)?,
        frequency,
        dates,
        method,
        annual_rate,
        day_count,
        business_day,
        holidays,
        currency,
    })
}

fn scheduled_dates(plan: &Plan) -> Option<Vec<NaiveDate>> {
    if plan.frequency == Frequency::Dates {
        return Some(plan.dates.clone());
    }
    let n = plan.count;
    // Every date from the anchor (not chained), so that 31 January, 28 February, 31 March
    // keep the month end instead of drifting to the 28th.
    let (anchor, offset) = match plan.first_due_date {
        Some(f) => (f, 0),
        None => (plan.start_date, 1),
    };
    (0..n)
        .map(|k| {
            let k = k + offset;
            match plan.frequency {
                Frequency::Monthly => add_months(anchor, k),
                Frequency::Weekly => add_days(anchor, k.checked_mul(7)?),
                Frequency::EveryDays(d) => add_days(anchor, k.checked_mul(d)?),
                Frequency::Dates => None,
            }
        })
        .collect()
}

/// Builds the schedule. Interest per period is rounded to the minor unit, then the
/// principal is the payment less it; the last instalment takes the remaining balance.
pub fn build(plan: &Plan, policy: &Policy) -> Result<Schedule, Problem> {
    let overflow = || Problem::overflow("amount");
    let mode = policy.rounding.mode;
    let minor = policy.minor_units(plan.currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);
    let dates = scheduled_dates(plan).ok_or_else(|| {
        Problem::new(
            code::OUT_OF_RANGE,
            "count",
            "the last instalment would fall after 9999-12-31",
        )
    })?;
    let n = Decimal::from(plan.count);
    let periods_per_year = match plan.frequency {
        Frequency::Monthly => Some(Decimal::from(12)),
        Frequency::Weekly => Some(Decimal::from(52)),
        Frequency::EveryDays(d) => Decimal::from(365).over(Decimal::from(d)),
        Frequency::Dates => None,
    };
    let periodic = match (plan.method, periods_per_year) {
        (Method::NoInterest, _) => Some(Decimal::ZERO),
        (_, Some(p)) => Some(plan.annual_rate.over(p).ok_or_else(overflow)?),
        (_, None) => None,
    };
    // The rate for the period ending on a due date (given dates: by the day count).
    let rate_for = |previous: NaiveDate, due: NaiveDate| -> Option<Decimal> {
        match (plan.method, periodic) {
            (Method::NoInterest, _) => Some(Decimal::ZERO),
            (_, Some(i)) => Some(i),
            (_, None) => plan
                .annual_rate
                .times(plan.day_count.fraction(previous, due)?),
        }
    };
    let level_payment = match (plan.method, periodic) {
        (Method::Annuity, Some(i)) if !i.is_zero() => {
            // i·P / (1 − (1+i)^−n)
            let growth = pow(Decimal::ONE.plus(i).ok_or_else(overflow)?, n).ok_or_else(overflow)?;
            let discount = Decimal::ONE
                .minus(Decimal::ONE.over(growth).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            Some(money(
                i.times(plan.amount)
                    .and_then(|x| x.over(discount))
                    .ok_or_else(overflow)?,
            ))
        }
        _ => None,
    };
    let equal_principal = money(plan.amount.over(n).ok_or_else(overflow)?);
    let mut balance = money(plan.amount);
    let mut previous = plan.start_date;
    let mut instalments = Vec::with_capacity(dates.len());
    let (mut total_payments, mut total_interest) = (Decimal::ZERO, Decimal::ZERO);
    let last = dates.len().saturating_sub(1);
    for (k, scheduled) in dates.iter().enumerate() {
        let due = adjust(*scheduled, plan.business_day, &plan.holidays).ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "holidays",
                "no business day within 30 days of a due date",
            )
        })?;
        let i = rate_for(previous, *scheduled).ok_or_else(overflow)?;
        let interest = money(balance.times(i).ok_or_else(overflow)?);
        let principal = if k == last {
            balance
        } else {
            match level_payment {
                Some(p) => p
                    .minus(interest)
                    .ok_or_else(overflow)?
                    .max(Decimal::ZERO)
                    .min(balance),
                None => equal_principal.min(balance),
            }
        };
        let payment = principal.plus(interest).ok_or_else(overflow)?;
        balance = balance.minus(principal).ok_or_else(overflow)?;
        total_payments = total_payments.plus(payment).ok_or_else(overflow)?;
        total_interest = total_interest.plus(interest).ok_or_else(overflow)?;
        instalments.push(Instalment {
            number: u32::try_from(k + 1).unwrap_or(u32::MAX),
            due_date: format_date(due),
            scheduled_date: format_date(*scheduled),
            payment: money(payment),
            principal: money(principal),
            interest,
            balance_after: money(balance),
        });
        previous = *scheduled;
    }
    Ok(Schedule {
        amount: money(plan.amount),
        currency: plan.currency.clone(),
        method: plan.method.name(),
        annual_rate: plan.annual_rate,
        periodic_rate: periodic.map(|i| round_rate(i, policy.rounding.rate_decimals, mode)),
        instalments,
        total_payments: money(total_payments),
        total_interest: money(total_interest),
        total_principal: money(plan.amount),
    })
}

/// The whole `paymentSchedule(plan, policy?)` export.
pub fn run(value: &Value, policy: Option<&Value>) -> Result<Schedule, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let mut ps = Problems::new();
    let plan = object(value, "", &mut ps).and_then(|o| read_plan(&o, &policy, &mut ps));
    match (plan, ps.is_empty()) {
        (Some(plan), true) => build(&plan, &policy).map_err(|p| vec![p]),
        _ => Err(ps),
    }
}
