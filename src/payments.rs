//! The payment index (the meaning of D&B's PAYDEX key, `../shared/domain.md` §1.3): each
//! payment experience's days beyond terms mapped to 0–100 on the policy's anchors,
//! interpolated linearly, then averaged weighted by amount. The score uses the same index
//! with each experience's weight also halving with age (recency).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{days_between, format_date, months_between};
use crate::error::{code, Problem, Problems};
use crate::money::{half_life_weight, round_fixed, round_rate, Exact};
use crate::policy::{PaymentAnchor, Policy};
use crate::value::{object, Obj, Value};

pub const MAX_EXPERIENCES: usize = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Experience {
    pub amount: Decimal,
    pub due_date: NaiveDate,
    pub paid_date: Option<NaiveDate>,
}

/// A bureau's or the ledger's summary, when single experiences are not at hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Amount-weighted average days beyond terms (negative = early).
    pub days_beyond_terms: Decimal,
    pub share_paid_late: Option<Decimal>,
    pub count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Payments {
    Experiences(Vec<Experience>),
    Summary(Summary),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExperienceResult {
    pub amount: Decimal,
    pub due_date: String,
    pub paid_date: Option<String>,
    /// Still unpaid on the as-of date.
    pub open: bool,
    pub days_beyond_terms: Option<i32>,
    pub index_value: Option<Decimal>,
    pub recency_weight: Option<Decimal>,
    /// NOT_YET_DUE (open, not due yet: no behaviour to judge) or OLDER_THAN_LOOKBACK.
    pub excluded: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentIndex {
    /// `experiences` or `summary`.
    pub source: &'static str,
    /// Amount-weighted index, 0–100 (higher = pays faster); null without experiences.
    pub index: Option<Decimal>,
    /// The same with older experiences weighing less: what the score uses.
    pub recency_weighted_index: Option<Decimal>,
    /// `low`, `medium` or `high` risk (80–100, 50–79, 0–49 by default).
    pub band: Option<&'static str>,
    /// The practice at the nearest anchor: `prompt`, `slow30`, …
    pub practice: Option<String>,
    pub counted: u32,
    pub open_not_due: u32,
    /// Fewer counted experiences than the policy's minimum.
    pub insufficient_history: bool,
    pub total_amount: Decimal,
    pub weighted_days_beyond_terms: Option<Decimal>,
    /// Share of the amount paid (or still open) beyond terms.
    pub share_paid_late: Option<Decimal>,
    pub experiences: Vec<ExperienceResult>,
}

/// The index for `days` beyond terms on the policy's anchors (linear between anchors, flat
/// beyond the first and the last).
pub fn index_for(days: Decimal, anchors: &[PaymentAnchor]) -> Option<Decimal> {
    let first = anchors.first()?;
    if days <= Decimal::from(first.days_beyond_terms) {
        return Some(first.index);
    }
    for pair in anchors.windows(2) {
        let (a, b) = (pair.first()?, pair.get(1)?);
        let (da, db) = (
            Decimal::from(a.days_beyond_terms),
            Decimal::from(b.days_beyond_terms),
        );
        if days <= db {
            let share = days.minus(da)?.over(db.minus(da)?)?;
            return a.index.plus(b.index.minus(a.index)?.times(share)?);
        }
    }
    anchors.last().map(|a| a.index)
}

fn practice_for(index: Decimal, anchors: &[PaymentAnchor]) -> Option<String> {
    anchors
        .iter()
        .min_by_key(|a| a.index.minus(index).map(|d| d.abs()))
        .map(|a| a.practice.clone())
}

fn band_for(index: Decimal, policy: &Policy) -> &'static str {
    if index >= policy.payment_index.low_risk_from {
        "low"
    } else if index >= policy.payment_index.medium_risk_from {
        "medium"
    } else {
        "high"
    }
}

fn read_experience(o: &Obj, as_of: Option<NaiveDate>, ps: &mut Problems) -> Option<Experience> {
    o.reject_unknown(
        &["amount", "dueDate", "paidDate", "invoiceDate", "reference"],
        ps,
    );
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let amount = o.required("amount", ps, |o, k, p| {
        let a = o.decimal(k, p)?;
        if a <= Decimal::ZERO || a > limit {
            p.push(
                Problem::new(code::OUT_OF_RANGE, o.path(k), "must be more than 0")
                    .with_range(Some("0".into()), Some(limit.to_string())),
            );
            return None;
        }
        Some(a)
    });
    let due = o.required("dueDate", ps, |o, k, p| o.date(k, p));
    let paid = o.date("paidDate", ps);
    let invoice = o.date("invoiceDate", ps);
    let _ = o.string("reference", ps);
    if let (Some(inv), Some(due)) = (invoice, due) {
        if due < inv {
            ps.push(Problem::new(
                code::UNORDERED,
                o.path("dueDate"),
                "must not be before invoiceDate",
            ));
        }
    }
    if let (Some(paid), Some(as_of)) = (paid, as_of) {
        if paid > as_of {
            ps.push(Problem::new(
                code::AFTER_AS_OF,
                o.path("paidDate"),
                "must not be after asOf",
            ));
        }
    }
    Some(Experience {
        amount: amount?,
        due_date: due?,
        paid_date: paid,
    })
}

/// Reads `payments`: a list of experiences, or `{ experiences: [...] }`, or
/// `{ summary: { daysBeyondTerms, sharePaidLate?, count? } }`.
pub fn read_payments(
    value: &Value,
    path: &str,
    as_of: Option<NaiveDate>,
    ps: &mut Problems,
) -> Option<Payments> {
    let read_list = |items: &[Value], path: &str, ps: &mut Problems| -> Option<Payments> {
        if items.len() > MAX_EXPERIENCES {
            ps.push(
                Problem::new(
                    code::TOO_LONG,
                    path,
                    format!("at most {MAX_EXPERIENCES} experiences"),
                )
                .with_range(None, Some(MAX_EXPERIENCES.to_string())),
            );
            return None;
        }
        let before = ps.len();
        let list: Vec<Experience> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                object(item, &format!("{path}[{i}]"), ps)
                    .and_then(|o| read_experience(&o, as_of, ps))
            })
            .collect();
        (ps.len() == before).then_some(Payments::Experiences(list))
    };
    match value {
        Value::Array(items) => read_list(items, path, ps),
        other => {
            let o = object(other, path, ps)?;
            o.reject_unknown(&["experiences", "summary"], ps);
            if let Some(items) = o.array("experiences", ps) {
                if o.get("summary").is_some() {
                    ps.push(Problem::new(
                        code::UNKNOWN_FIELD,
                        o.path("summary"),
                        "give experiences or a summary, not both",
                    ));
                    return None;
                }
                return read_list(items, &o.path("experiences"), ps);
            }
            let s = o.object("summary", ps)?;
            s.reject_unknown(&["daysBeyondTerms", "sharePaidLate", "count"], ps);
            let days = s.required("daysBeyondTerms", ps, |o, k, p| {
                o.decimal_in(k, Decimal::from(-3650), Decimal::from(3650), p)
            });
            let share = s.decimal_in("sharePaidLate", Decimal::ZERO, Decimal::ONE, ps);
            let count = s.integer_in("count", 0, 10_000_000, ps).map(|c| c as u32);
            Some(Payments::Summary(Summary {
                days_beyond_terms: days?,
                share_paid_late: share,
                count,
            }))
        }
    }
}

/// Computes the index on the as-of date.
pub fn payment_index(
    payments: &Payments,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<PaymentIndex, Problem> {
    let pol = &policy.payment_index;
    let score_dp = policy.rounding.score_decimals;
    let mode = policy.rounding.mode;
    let overflow = || Problem::overflow("payments");
    match payments {
        Payments::Summary(s) => {
            let index = index_for(s.days_beyond_terms, &pol.anchors)
                .map(|i| round_fixed(i, score_dp, mode));
            let counted = s.count.unwrap_or(0);
            Ok(PaymentIndex {
                source: "summary",
                index,
                recency_weighted_index: index,
                band: index.map(|i| band_for(i, policy)),
                practice: index.and_then(|i| practice_for(i, &pol.anchors)),
                counted,
                open_not_due: 0,
                insufficient_history: s
                    .count
                    .is_some_and(|c| c < policy.scorecard.min_payment_experiences),
                total_amount: Decimal::ZERO,
                weighted_days_beyond_terms: Some(s.days_beyond_terms),
                share_paid_late: s.share_paid_late,
                experiences: Vec::new(),
            })
        }
        Payments::Experiences(list) => {
            let mut results = Vec::with_capacity(list.len());
            let (mut sum_amount, mut sum_index, mut sum_w, mut sum_w_index) =
                (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
            let (mut sum_days, mut late_amount) = (Decimal::ZERO, Decimal::ZERO);
            let (mut counted, mut open_not_due) = (0u32, 0u32);
            let lookback = Decimal::from(pol.lookback_months);
            for e in list {
                let open = e.paid_date.is_none();
                let settled = e.paid_date.unwrap_or(as_of);
                let mut r = ExperienceResult {
                    amount: e.amount,
                    due_date: format_date(e.due_date),
                    paid_date: e.paid_date.map(format_date),
                    open,
                    days_beyond_terms: None,
                    index_value: None,
                    recency_weight: None,
                    excluded: None,
                };
                let age = months_between(e.due_date, as_of);
                if open && e.due_date >= as_of {
                    open_not_due += 1;
                    r.excluded = Some("NOT_YET_DUE");
                } else if age > lookback {
                    r.excluded = Some("OLDER_THAN_LOOKBACK");
                } else {
                    let days = days_between(e.due_date, settled);
                    let days_dec = Decimal::from(days);
                    let iv = index_for(days_dec, &pol.anchors).ok_or_else(overflow)?;
                    let w = half_life_weight(age, pol.half_life_months).ok_or_else(overflow)?;
                    let wa = e.amount.times(w).ok_or_else(overflow)?;
                    sum_amount = sum_amount.plus(e.amount).ok_or_else(overflow)?;
                    sum_index = sum_index
                        .plus(e.amount.times(iv).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?;
                    sum_w = sum_w.plus(wa).ok_or_else(overflow)?;
                    sum_w_index = sum_w_index
                        .plus(wa.times(iv).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?;
                    sum_days = sum_days
                        .plus(e.amount.times(days_dec).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?;
                    if days > 0 {
                        late_amount = late_amount.plus(e.amount).ok_or_else(overflow)?;
                    }
                    counted += 1;
                    r.days_beyond_terms = Some(i32::try_from(days).unwrap_or(i32::MAX));
                    r.index_value = Some(round_fixed(iv, score_dp, mode));
                    r.recency_weight = Some(round_rate(w, policy.rounding.rate_decimals, mode));
                }
                results.push(r);
            }
            let avg = |num: Decimal, den: Decimal| -> Option<Decimal> {
                if den.is_zero() {
                    None
                } else {
                    num.over(den)
                }
            };
            let index = avg(sum_index, sum_amount).map(|i| round_fixed(i, score_dp, mode));
            let recency = avg(sum_w_index, sum_w)
                .map(|i| round_fixed(i, score_dp, mode))
                .or(index);
            Ok(PaymentIndex {
                source: "experiences",
                index,
                recency_weighted_index: recency,
                band: index.map(|i| band_for(i, policy)),
                practice: index.and_then(|i| practice_for(i, &pol.anchors)),
                counted,
                open_not_due,
                insufficient_history: counted < policy.scorecard.min_payment_experiences,
                total_amount: sum_amount,
                weighted_days_beyond_terms: avg(sum_days, sum_amount)
                    .map(|d| round_fixed(d, 1, mode)),
                share_paid_late: avg(late_amount, sum_amount)
                    .map(|s| round_rate(s, policy.rounding.rate_decimals, mode)),
                experiences: results,
            })
        }
    }
}

/// The whole `paymentIndex(experiences, asOf, policy?)` export.
pub fn run(
    experiences: &Value,
    as_of: &Value,
    policy: Option<&Value>,
) -> Result<PaymentIndex, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let mut ps = Problems::new();
    let as_of = match as_of {
        Value::String(s) => crate::calendar::parse_date(s),
        _ => None,
    };
    if as_of.is_none() {
        ps.push(Problem::new(
            code::NOT_A_DATE,
            "asOf",
            "must be a date written YYYY-MM-DD",
        ));
    }
    let payments = read_payments(experiences, "experiences", as_of, &mut ps);
    if payments.is_none() && ps.is_empty() {
        // `{}`: neither experiences nor a summary. Never an error without a problem.
        ps.push(Problem::new(
            code::REQUIRED,
            "experiences",
            "give the payment experiences or a summary",
        ));
    }
    match (payments, as_of, ps.is_empty()) {
        (Some(p), Some(d), true) => payment_index(&p, d, &policy).map_err(|e| vec![e]),
        _ => Err(ps),
    }
}
