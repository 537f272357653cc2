//! Legal and litigation records: lawsuits, judgments, liens, tax arrears and insolvency
//! filings. Each counts its policy severity, halved for every half-life of age (and by the
//! resolved factor once settled); an unresolved insolvency filing within the knockout
//! period puts the customer in the worst grade whatever else is known.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{format_date, months_between};
use crate::error::{code, Problem, Problems};
use crate::money::{half_life_weight, round_fixed, Exact};
use crate::policy::Policy;
use crate::value::{object, Value};

pub const MAX_EVENTS: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct LegalEvent {
    pub kind: String,
    pub date: NaiveDate,
    pub amount: Option<Decimal>,
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalEventResult {
    pub kind: String,
    pub date: String,
    pub amount: Option<Decimal>,
    pub resolved: bool,
    pub age_months: Decimal,
    pub severity: Decimal,
    /// Severity after ageing and resolution: what the score counts.
    pub weighted_severity: Decimal,
    /// OLDER_THAN_LOOKBACK when it no longer counts.
    pub excluded: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalSummary {
    pub events: Vec<LegalEventResult>,
    pub weighted_severity: Decimal,
    /// An unresolved insolvency filing within the knockout period.
    pub insolvency_knockout: bool,
}

pub fn read_legal(
    value: &Value,
    path: &str,
    as_of: Option<NaiveDate>,
    policy: &Policy,
    ps: &mut Problems,
) -> Option<Vec<LegalEvent>> {
    let Value::Array(items) = value else {
        ps.push(Problem::new(
            code::NOT_AN_ARRAY,
            path,
            format!("must be a list, not {}", value.kind()),
        ));
        return None;
    };
    if items.len() > MAX_EVENTS {
        ps.push(
            Problem::new(code::TOO_LONG, path, format!("at most {MAX_EVENTS} events"))
                .with_range(None, Some(MAX_EVENTS.to_string())),
        );
        return None;
    }
    let kinds: Vec<&str> = policy
        .legal
        .events
        .iter()
        .map(|e| e.kind.as_str())
        .collect();
    let before = ps.len();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(o) = object(item, &format!("{path}[{i}]"), ps) else {
            continue;
        };
        o.reject_unknown(&["kind", "date", "amount", "resolved", "description"], ps);
        let kind = o.required("kind", ps, |o, k, p| {
            let text = o.string(k, p)?;
            if kinds.contains(&text) {
                Some(text.to_string())
            } else {
                p.push(
                    Problem::new(
                        code::NOT_ONE_OF,
                        o.path(k),
                        format!("must be one of: {}", kinds.join(", ")),
                    )
                    .with_allowed(&kinds),
                );
                None
            }
        });
        let date = o.required("date", ps, |o, k, p| o.date(k, p));
        if let (Some(d), Some(as_of)) = (date, as_of) {
            if d > as_of {
                ps.push(Problem::new(
                    code::AFTER_AS_OF,
                    o.path("date"),
                    "must not be after asOf",
                ));
            }
        }
        let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
        let amount = o.decimal_in("amount", Decimal::ZERO, limit, ps);
        let resolved = o.boolean("resolved", ps).unwrap_or(false);
        let _ = o.string("description", ps);
        if let (Some(kind), Some(date)) = (kind, date) {
            out.push(LegalEvent {
                kind,
                date,
                amount,
                resolved,
            });
        }
    }
    (ps.len() == before).then_some(out)
}

pub fn summarize(
    events: &[LegalEvent],
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<LegalSummary, Problem> {
    let legal = &policy.legal;
    let overflow = || Problem::overflow("legal");
    let mut total = Decimal::ZERO;
    let mut knockout = false;
    let mut results = Vec::with_capacity(events.len());
    for e in events {
        let age = months_between(e.date, as_of);
        let severity = legal
            .events
            .iter()
            .find(|r| r.kind == e.kind)
            .map_or(Decimal::ZERO, |r| r.severity);
        let excluded =
            (age > Decimal::from(legal.lookback_months)).then_some("OLDER_THAN_LOOKBACK");
        let weighted = if excluded.is_some() {
            Decimal::ZERO
        } else {
            let w = half_life_weight(age, legal.half_life_months).ok_or_else(overflow)?;
            let resolved = if e.resolved {
                legal.resolved_factor
            } else {
                Decimal::ONE
            };
            severity
                .times(w)
                .and_then(|x| x.times(resolved))
                .ok_or_else(overflow)?
        };
        if e.kind == "insolvency"
            && !e.resolved
            && age <= Decimal::from(legal.insolvency_knockout_months)
        {
            knockout = true;
        }
        total = total.plus(weighted).ok_or_else(overflow)?;
        results.push(LegalEventResult {
            kind: e.kind.clone(),
            date: format_date(e.date),
            amount: e.amount,
            resolved: e.resolved,
            age_months: round_fixed(age, 1, policy.rounding.mode),
            severity,
            weighted_severity: round_fixed(weighted, 2, policy.rounding.mode),
            excluded,
        });
    }
    Ok(LegalSummary {
        events: results,
        weighted_severity: round_fixed(total, 2, policy.rounding.mode),
        insolvency_knockout: knockout,
    })
}
