//! Shared by the native and the wasm test layers: the golden vectors and how a result is
//! compared with them. Each layer asserts how many cases it ran, so an emptied vector file
//! fails instead of passing silently.
#![allow(dead_code)]

use serde_json::Value as Json;

pub const DISCOUNT_COST: &str = include_str!("../vectors/discount_cost.json");
pub const VALIDATE_POLICY: &str = include_str!("../vectors/validate_policy.json");
pub const FINANCIAL_ANALYSIS: &str = include_str!("../vectors/financial_analysis.json");
pub const PAYMENT_INDEX: &str = include_str!("../vectors/payment_index.json");
pub const SCORE_CUSTOMER: &str = include_str!("../vectors/score_customer.json");
pub const RECOMMEND_LIMIT: &str = include_str!("../vectors/recommend_limit.json");
pub const PAYMENT_SCHEDULE: &str = include_str!("../vectors/payment_schedule.json");
pub const LATE_INTEREST: &str = include_str!("../vectors/late_interest.json");
pub const DSO: &str = include_str!("../vectors/dso.json");
pub const SIMULATE_TERMS: &str = include_str!("../vectors/simulate_terms.json");
pub const ESTIMATE_PREMIUM: &str = include_str!("../vectors/estimate_premium.json");
pub const CLAIM_PAYOUT: &str = include_str!("../vectors/claim_payout.json");
pub const DEAL_CHECK: &str = include_str!("../vectors/deal_check.json");
pub const OVERDUE_PLAN: &str = include_str!("../vectors/overdue_plan.json");

pub struct Case {
    pub name: String,
    /// The whole case as written, for fields only some files have (`asOf`).
    pub raw: Json,
    pub input: Json,
    pub policy: Option<Json>,
    pub expect: Option<Json>,
    pub errors: Option<Vec<Json>>,
    pub published: Vec<Json>,
}

pub fn cases(file: &str) -> Vec<Case> {
    let doc: Json = serde_json::from_str(file).expect("vector file is JSON");
    doc["cases"]
        .as_array()
        .expect("vector file has a cases array")
        .iter()
        .map(|c| Case {
            name: c["name"].as_str().expect("case has a name").to_string(),
            raw: c.clone(),
            input: c["input"].clone(),
            policy: c.get("policy").cloned(),
            expect: c.get("expect").cloned(),
            errors: c.get("errors").and_then(|e| e.as_array().cloned()),
            published: c
                .get("published")
                .and_then(|e| e.as_array().cloned())
                .unwrap_or_default(),
        })
        .collect()
}

/// Every key of `expected` must be in `actual` with exactly the same value (strings are
/// compared as text, so "0.30" ≠ "0.3"); keys `expected` leaves out are not compared.
pub fn check_partial(expected: &Json, actual: &Json, path: &str) -> Result<(), String> {
    match (expected, actual) {
        (Json::Object(e), Json::Object(a)) => {
            for (k, ev) in e {
                let p = format!("{path}.{k}");
                let av = a
                    .get(k)
                    .ok_or_else(|| format!("{p}: missing in the result"))?;
                check_partial(ev, av, &p)?;
            }
            Ok(())
        }
        (Json::Array(e), Json::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                check_partial(ev, av, &format!("{path}[{i}]"))?;
            }
            Ok(())
        }
        _ if expected == actual => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// The result's problems must be exactly the expected ones (code and field), in order, and
/// each must carry a non-empty English message.
pub fn check_errors(expected: &[Json], actual: &Json) -> Result<(), String> {
    let actual = actual.as_array().ok_or("errors is not a list")?;
    let got: Vec<(String, String)> = actual
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap_or("?").to_string(),
                p["field"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap_or("?").to_string(),
                p["field"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    if got != want {
        return Err(format!("errors: expected {want:?}, got {got:?}"));
    }
    if actual
        .iter()
        .any(|p| p["message"].as_str().is_none_or(str::is_empty))
    {
        return Err("an error has no message".into());
    }
    Ok(())
}

/// Runs every case of a vector file through `call` (Ok = the result as JSON, Err = the
/// problems as JSON) and checks it; returns how many ran.
pub fn run_cases(file: &str, mut call: impl FnMut(&Case) -> Result<Json, Json>) -> usize {
    let cases = cases(file);
    for case in &cases {
        match (&case.expect, &case.errors, call(case)) {
            (Some(expect), None, Ok(result)) => {
                check_partial(expect, &result, "").unwrap_or_else(|e| panic!("{}: {e}", case.name));
            }
            (None, Some(errors), Err(problems)) => {
                check_errors(errors, &problems).unwrap_or_else(|e| panic!("{}: {e}", case.name));
            }
            (_, _, Ok(r)) => panic!("{}: unexpected result {r}", case.name),
            (_, _, Err(e)) => panic!("{}: unexpected errors {e}", case.name),
        }
    }
    cases.len()
}

/// A field of a JSON value by a dotted path (`altman.value`).
pub fn at<'a>(value: &'a Json, path: &str) -> &'a Json {
    path.split('.').fold(value, |v, k| &v[k])
}
