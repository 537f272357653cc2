//! Days sales outstanding (`../shared/domain.md` §3): the standard method, receivables /
//! credit sales × days in the period, and the count-back method, walking back month by
//! month from the newest, subtracting each month's sales from the receivables and counting
//! that month's days, the last month pro rata.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{days_between, end_of_month};
use crate::error::{code, Problem, Problems};
use crate::money::{round_fixed, Exact};
use crate::value::{object, out_of_range, Value};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Standard {
    pub value: Decimal,
    pub credit_sales: Decimal,
    pub days_in_period: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountBackStep {
    pub month: String,
    pub sales: Decimal,
    pub days_in_month: u32,
    /// Days counted for this month (all of them, or the pro-rata share).
    pub days_counted: Decimal,
    /// Receivables still to explain after this month.
    pub remaining: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountBack {
    pub value: Decimal,
    pub steps: Vec<CountBackStep>,
    /// The receivables exceed all the months' sales: the DSO is at least `value`.
    pub exceeds_sales: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dso {
    pub receivables: Decimal,
    pub standard: Option<Standard>,
    pub count_back: Option<CountBack>,
}

struct Month {
    label: String,
    first: NaiveDate,
    days: u32,
    sales: Decimal,
}

pub fn run(value: &Value, policy: Option<&Value>) -> Result<Dso, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(
        &["receivables", "creditSales", "daysInPeriod", "months"],
        &mut ps,
    );
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let receivables = o.required("receivables", &mut ps, |o, k, p| {
        o.decimal_in(k, Decimal::ZERO, limit, p)
    });
    let credit_sales = o.decimal_in("creditSales", Decimal::ZERO, limit, &mut ps);
    let days_in_period = o.integer_in("daysInPeriod", 1, 3660, &mut ps);
    if credit_sales.is_some() && days_in_period.is_none() && o.get("daysInPeriod").is_none() {
        ps.push(Problem::new(
            code::REQUIRED,
            "daysInPeriod",
            "is required with creditSales",
        ));
    }
    let mut months: Vec<Month> = Vec::new();
    if let Some(items) = o.array("months", &mut ps) {
        if items.len() > 1200 {
            ps.push(
                Problem::new(code::TOO_LONG, "months", "at most 1200 months")
                    .with_range(None, Some("1200".into())),
            );
        }
        for (i, item) in items.iter().enumerate().take(1200) {
            let Some(m) = object(item, &format!("months[{i}]"), &mut ps) else {
                continue;
            };
            m.reject_unknown(&["month", "sales"], &mut ps);
            let label = m.required("month", &mut ps, |o, k, p| o.string(k, p));
            let first = label.and_then(|l| crate::calendar::parse_date(&format!("{l}-01")));
            if label.is_some() && first.is_none() {
                ps.push(Problem::new(
                    code::NOT_A_DATE,
                    m.path("month"),
                    "must be a month written YYYY-MM",
                ));
            }
            let sales = m.required("sales", &mut ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, limit, p)
            });
            if let (Some(label), Some(first), Some(sales)) = (label, first, sales) {
                let days = end_of_month(first).map_or(30, |e| {
                    u32::try_from(days_between(first, e) + 1).unwrap_or(30)
                });
                if months.iter().any(|x| x.first == first) {
                    ps.push(Problem::new(
                        code::DUPLICATE,
                        m.path("month"),
                        "is listed twice",
                    ));
                }
                months.push(Month {
                    label: label.to_string(),
                    first,
                    days,
                    sales,
                });
            }
        }
    }
    if credit_sales.is_none() && months.is_empty() && ps.is_empty() {
        ps.push(Problem::new(
            code::REQUIRED,
            "months",
            "give creditSales with daysInPeriod, or monthly sales, or both",
        ));
    }
    let Some(receivables) = receivables.filter(|_| ps.is_empty()) else {
        return Err(ps);
    };
    let mode = policy.rounding.mode;
    let overflow = || vec![Problem::overflow("receivables")];
    let standard = match (credit_sales, days_in_period) {
        (Some(sales), Some(days)) if !sales.is_zero() => Some(Standard {
            value: round_fixed(
                receivables
                    .over(sales)
                    .and_then(|x| x.times(Decimal::from(days)))
                    .ok_or_else(overflow)?,
                2,
                mode,
            ),
            credit_sales: sales,
            days_in_period: u32::try_from(days).unwrap_or(0),
        }),
        (Some(_), Some(_)) => {
            return Err(vec![out_of_range("creditSales", Some(Decimal::ZERO), None)
                .with_range(Some("0".into()), None)]);
        }
        _ => None,
    };
    let count_back = if months.is_empty() {
        None
    } else {
        crate::sort::sort_by(&mut months, |a, b| b.first.cmp(&a.first));
        let mut remaining = receivables;
        let mut total = Decimal::ZERO;
        let mut steps = Vec::new();
        for m in &months {
            if remaining.is_zero() {
                break;
            }
            let counted = if remaining >= m.sales {
                Decimal::from(m.days)
            } else {
                Decimal::from(m.days)
                    .times(remaining)
                    .and_then(|x| x.over(m.sales))
                    .ok_or_else(overflow)?
            };
            remaining = remaining
                .minus(m.sales.min(remaining))
                .ok_or_else(overflow)?;
            total = total.plus(counted).ok_or_else(overflow)?;
            steps.push(CountBackStep {
                month: m.label.clone(),
                sales: m.sales,
                days_in_month: m.days,
                days_counted: round_fixed(counted, 2, mode),
                remaining,
            });
        }
        Some(CountBack {
            value: round_fixed(total, 2, mode),
            steps,
            exceeds_sales: !remaining.is_zero(),
        })
    };
    Ok(Dso {
        receivables,
        standard,
        count_back,
    })
}
