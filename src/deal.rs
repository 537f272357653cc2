//! The deal check: score → limit → terms → insurance in one call, as a salesperson meets
//! them. Each part runs on what it is given and on the parts before it (the limit on the
//! score, the terms on the score's PD and lateness, the insurance on the limit); a part
//! with bad input gives its problems under its own path (`customer.profile.employees`,
//! `limit.termsDays` …) while the other parts still answer, so that one wrong field never
//! blanks the screen.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{code, Problem, Problems};
use crate::insurance::{ClaimPayout, PremiumEstimate};
use crate::limit::LimitResult;
use crate::money::Exact;
use crate::policy::Policy;
use crate::score::ScoreResult;
use crate::terms::TermsResult;
use crate::value::{object, Value};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsuranceForDeal {
    /// Cover for this customer alone: its yearly sales insured, one buyer.
    pub premium: PremiumEstimate,
    /// The part of the recommended limit the cover protects: limit × indemnity.
    pub protected_limit: Decimal,
    /// If the customer defaults with the whole limit used.
    pub payout_if_default: ClaimPayout,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DealCheck {
    pub policy_version: String,
    pub score: Option<ScoreResult>,
    pub limit: Option<LimitResult>,
    pub terms: Option<TermsResult>,
    pub insurance: Option<InsuranceForDeal>,
    /// Every problem of every part, each under its part's path.
    pub errors: Problems,
}

fn with(part: &Value, extra: &[(&str, Value)]) -> Value {
    let mut fields = match part {
        Value::Object(f) => f.clone(),
        _ => Vec::new(),
    };
    for (k, v) in extra {
        if !fields.iter().any(|(key, _)| key == k) {
            fields.push(((*k).to_string(), v.clone()));
        }
    }
    Value::Object(fields)
}

pub fn check(value: &Value, policy: &Policy) -> Result<DealCheck, Problems> {
    let mut top = Problems::new();
    let Some(o) = object(value, "", &mut top) else {
        return Err(top);
    };
    o.reject_unknown(
        &[
            "asOf",
            "currency",
            "customer",
            "limit",
            "terms",
            "insurance",
        ],
        &mut top,
    );
    let as_of = o
        .required("asOf", &mut top, |o, k, p| o.string(k, p))
        .map(|s| Value::String(s.to_string()));
    let currency = o
        .string("currency", &mut top)
        .map(|s| Value::String(s.to_string()));
    if !top.is_empty() {
        return Err(top);
    }
    let as_of = as_of.unwrap_or(Value::Null);
    let mut errors = Problems::new();
    let mut shared: Vec<(&str, Value)> = vec![("asOf", as_of.clone())];
    if let Some(c) = &currency {
        shared.push(("currency", c.clone()));
    }

    let empty = Value::Object(Vec::new());
    let customer = o.get("customer").unwrap_or(&empty);
    let score = crate::score::read_input(&with(customer, &[("asOf", as_of.clone())]), policy)
        .and_then(|input| crate::score::score(&input, policy).map_err(|p| vec![p]));
    let score = score
        .map_err(|ps| errors.extend(ps.into_iter().map(|p| p.under("customer"))))
        .ok();

    let limit = match (o.get("limit"), &score) {
        (Some(part), Some(s)) => crate::limit::read_input_given(
            &with(part, &shared),
            policy,
            Some(crate::limit::ScoreFacts::from_result(s)),
        )
        .and_then(|i| crate::limit::recommend(&i, policy).map_err(|p| vec![p]))
        .map_err(|ps| errors.extend(ps.into_iter().map(|p| p.under("limit"))))
        .ok(),
        _ => None,
    };

    let terms = match o.get("terms") {
        Some(part) => {
            let mut extra: Vec<(&str, Value)> = vec![("invoiceDate", as_of.clone())];
            if let Some(c) = &currency {
                extra.push(("currency", c.clone()));
            }
            // The score's PD and lateness, unless the terms part gives its own.
            if let Some(s) = &score {
                extra.push(("pd", Value::String(s.pd.to_string())));
                if let Some(d) = s
                    .payment_index
                    .as_ref()
                    .and_then(|p| p.weighted_days_beyond_terms)
                {
                    extra.push((
                        "expectedDaysBeyondTerms",
                        Value::String(d.max(Decimal::ZERO).to_string()),
                    ));
                }
            }
            crate::terms::read_input(&with(part, &extra), policy)
                .and_then(|i| crate::terms::simulate(&i, policy).map_err(|p| vec![p]))
                .map_err(|ps| errors.extend(ps.into_iter().map(|p| p.under("terms"))))
                .ok()
        }
        None => None,
    };

    let insurance = match (o.get("insurance"), &limit, &score) {
        (Some(part), Some(l), Some(s)) => {
            let mut extra: Vec<(&str, Value)> = Vec::new();
            if let Some(c) = &currency {
                extra.push(("currency", c.clone()));
            }
            // The customer's yearly sales (the limit's need method starts from them).
            if let Some(sales) = l
                .methods
                .iter()
                .find(|m| m.method == "need")
                .and_then(|m| m.basis)
            {
                extra.push(("insuredTurnover", Value::String(sales.to_string())));
            }
            extra.push(("numberOfBuyers", Value::Number("1".into())));
            extra.push((
                "buyerGradeMix",
                Value::Array(vec![Value::Object(vec![
                    ("grade".into(), Value::Number(s.grade.to_string())),
                    ("share".into(), Value::Number("1".into())),
                ])]),
            ));
            if let Some(country) = &s.profile.country {
                extra.push((
                    "buyerCountries",
                    Value::Array(vec![Value::Object(vec![
                        ("country".into(), Value::String(country.clone())),
                        ("share".into(), Value::Number("1".into())),
                    ])]),
                ));
            }
            if let Some(industry) = &s.profile.industry {
                extra.push(("sector", Value::String(industry.clone())));
            }
            extra.push(("pd", Value::String(s.pd.to_string())));
            match crate::insurance::estimate(&with(part, &extra), policy) {
                Ok(premium) => {
                    let protected = l.recommended.times(premium.indemnity).unwrap_or_default();
                    let mut claim_fields: Vec<(String, Value)> = vec![
                        (
                            "unpaidAmount".into(),
                            Value::String(l.recommended.to_string()),
                        ),
                        (
                            "indemnity".into(),
                            Value::String(premium.indemnity.to_string()),
                        ),
                        (
                            "excess".into(),
                            Value::String(premium.excess_per_claim.to_string()),
                        ),
                    ];
                    if let Some(c) = &premium.currency {
                        claim_fields.push(("currency".into(), Value::String(c.clone())));
                    }
                    let claim = Value::Object(claim_fields);
                    match crate::insurance::claim(&with(&claim, &[]), policy) {
                        Ok(payout) => Some(InsuranceForDeal {
                            protected_limit: crate::money::round_fixed(
                                protected,
                                policy.minor_units(premium.currency.as_deref()),
                                policy.rounding.mode,
                            ),
                            premium,
                            payout_if_default: payout,
                        }),
                        Err(ps) => {
                            errors.extend(ps.into_iter().map(|p| p.under("insurance")));
                            None
                        }
                    }
                }
                Err(ps) => {
                    errors.extend(ps.into_iter().map(|p| p.under("insurance")));
                    None
                }
            }
        }
        (Some(_), None, _) if errors.is_empty() => {
            errors.push(Problem::new(
                code::REQUIRED,
                "limit",
                "the insurance part needs the limit part",
            ));
            None
        }
        _ => None,
    };
    Ok(DealCheck {
        policy_version: policy.version.clone(),
        score,
        limit,
        terms,
        insurance,
        errors,
    })
}

/// The whole `dealCheck(input, policy?)` export.
pub fn run(value: &Value, policy: Option<&Value>) -> Result<DealCheck, Problems> {
    let policy = crate::policy::resolve(policy)?;
    check(value, &policy)
}
