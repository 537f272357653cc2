//! Native layer: the extreme values issue 8 names — 0, negative, 10^28, 28-decimal fractions,
//! empty strings, dates in year 1 and 9999, 10,000-element arrays — through every export:
//! each gives a result or errors that carry a code and a field path, never a panic.

use credit_calculator::error::Problem;
use credit_calculator::value::Value;
use serde_json::{json, Value as Json};

fn value(j: &Json) -> Value {
    serde_json::from_str(&j.to_string()).expect("test input deserializes")
}

/// Every export on one input; returns how many answered with a result.
fn every_export(input: &Json) -> usize {
    let v = value(input);
    let date = Value::String("2026-11-22".into());
    let mut ok = 0;
    let mut check = |r: Result<(), Vec<Problem>>| match r {
        Ok(()) => ok += 1,
        Err(problems) => {
            assert!(!problems.is_empty(), "an error lists its problems: {input}");
            for p in problems {
                // A stable code and a path ("" is the input itself), never a bare message.
                assert!(
                    !p.code.is_empty() && !p.message.is_empty(),
                    "every problem has a code: {input}"
                );
                assert!(
                    !p.field.starts_with('.') && !p.field.ends_with('.'),
                    "a well-formed path: {}",
                    p.field
                );
            }
        }
    };
    check(credit_calculator::discount::run(&v, None).map(|_| ()));
    check(credit_calculator::score::run(&v, None).map(|_| ()));
    check(credit_calculator::financial::run(&v, Some(&v), None).map(|_| ()));
    check(credit_calculator::payments::run(&v, &date, None).map(|_| ()));
    check(credit_calculator::limit::run(&v, None).map(|_| ()));
    check(credit_calculator::terms::run(&v, None).map(|_| ()));
    check(credit_calculator::schedule::run(&v, None).map(|_| ()));
    check(credit_calculator::late::run(&v, None).map(|_| ()));
    check(credit_calculator::dso::run(&v, None).map(|_| ()));
    check(credit_calculator::insurance::run_estimate(&v, None).map(|_| ()));
    check(credit_calculator::insurance::run_claim(&v, None).map(|_| ()));
    check(credit_calculator::deal::run(&v, None).map(|_| ()));
    check(credit_calculator::overdue::run(&v, None).map(|_| ()));
    check(credit_calculator::portfolio::run(&v, None).map(|_| ()));
    check(credit_calculator::policy::read_policy(&v).map(|_| ()));
    ok
}

const EXTREMES: &[&str] = &[
    "0",
    "-0",
    "-1",
    "-79228162514264337593543950335",
    "79228162514264337593543950335",
    "10000000000000000000000000000",
    "1e28",
    "0.0000000000000000000000000001",
    "0.1234567890123456789012345678",
    "",
    " ",
    "0001-01-01",
    "9999-12-31",
];

/// Replaces every number and date leaf of a valid input by each extreme in turn.
fn leaves(j: &Json, path: &mut Vec<Json>, out: &mut Vec<Vec<Json>>) {
    match j {
        Json::Object(map) => {
            for (k, v) in map {
                path.push(Json::String(k.clone()));
                leaves(v, path, out);
                path.pop();
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate().take(3) {
                path.push(json!(i));
                leaves(v, path, out);
                path.pop();
            }
        }
        Json::Number(_) | Json::String(_) => out.push(path.clone()),
        _ => {}
    }
}

fn replaced(j: &Json, path: &[Json], with: &Json) -> Json {
    let mut copy = j.clone();
    let mut at = &mut copy;
    for step in path {
        at = match step {
            Json::String(k) => &mut at[k.as_str()],
            Json::Number(n) => &mut at[n.as_u64().unwrap_or(0) as usize],
            _ => return copy,
        };
    }
    *at = with.clone();
    copy
}

/// The first case of a vector file, as the export it is for takes it: the input, or the
/// part of it that is the export's first argument.
fn first_input(file: &str) -> Json {
    let text = std::fs::read_to_string(format!("tests/vectors/{file}.json")).expect("vector file");
    let doc: Json = serde_json::from_str(&text).expect("vector json");
    let input = doc["cases"][0]["input"].clone();
    match file {
        "financial_analysis" => input["financials"].clone(),
        _ => input,
    }
}

/// Each export's vector file but `validate_policy`'s (policies at extreme values: the
/// fuzz's policies near ours, tests/properties.rs and examples/fuzz.rs).
const VECTOR_FILES: &[&str] = &[
    "deal_check",
    "overdue_plan",
    "score_customer",
    "simulate_terms",
    "estimate_premium",
    "recommend_limit",
    "late_interest",
    "discount_cost",
    "claim_payout",
    "dso",
    "financial_analysis",
    "payment_index",
    "payment_schedule",
    "portfolio",
];

#[test]
fn every_leaf_of_every_vector_input_at_each_extreme() {
    let mut inputs = 0;
    for file in VECTOR_FILES {
        let base = first_input(file);
        // Unchanged, the vector's input is answered by at least its own export.
        assert!(
            every_export(&base) >= 1,
            "{file}: its first case gives a result"
        );
        let mut paths = Vec::new();
        leaves(&base, &mut Vec::new(), &mut paths);
        assert!(!paths.is_empty(), "{file}: leaves to change");
        for path in &paths {
            for extreme in EXTREMES {
                every_export(&replaced(&base, path, &json!(extreme)));
                inputs += 1;
            }
        }
    }
    assert!(inputs > 1_500, "extreme inputs tried: {inputs}");
}

/// The exports' arguments beside the input: the payment index's as-of date and the
/// financial analysis's profile, at each extreme.
#[test]
fn second_arguments_at_each_extreme() {
    let experiences = value(&first_input("payment_index"));
    let financials = value(&first_input("financial_analysis"));
    for extreme in EXTREMES {
        let x = value(&json!(extreme));
        if let Err(problems) = credit_calculator::payments::run(&experiences, &x, None) {
            // Not a date (NOT_A_DATE at asOf), or a date before the payments (AFTER_AS_OF at
            // each payment's date).
            assert!(
                problems.iter().all(|p| !p.code.is_empty()
                    && (p.field == "asOf" || p.field.starts_with("experiences["))),
                "{problems:?}"
            );
        }
        let profile = value(&json!({ "listed": extreme, "manufacturer": true }));
        for p in [&x, &profile] {
            if let Err(problems) = credit_calculator::financial::run(&financials, Some(p), None) {
                assert!(problems
                    .iter()
                    .all(|p| !p.code.is_empty() && !p.message.is_empty()));
            }
        }
    }
}

#[test]
fn ten_thousand_element_arrays() {
    let invoices: Vec<Json> = (0..10_000)
        .map(|i| json!({ "number": format!("INV-{i}"), "amount": "1000.01", "invoiceDate": "2026-01-01", "dueDate": "2026-02-01" }))
        .collect();
    let overdue = json!({ "asOf": "2026-11-22", "currency": "EUR", "jurisdiction": "EU", "invoices": invoices });
    let payments: Vec<Json> = (0..10_000)
        .map(|i| json!({ "amount": "1000", "dueDate": "2026-01-01", "paidDate": if i % 2 == 0 { "2026-01-31" } else { "2026-01-01" } }))
        .collect();
    let score = json!({ "asOf": "2026-11-22", "payments": payments.clone() });
    let options: Vec<Json> = (0..10_000)
        .map(|d| json!({ "kind": "net", "days": d % 365 }))
        .collect();
    let terms =
        json!({ "invoiceDate": "2026-05-11", "invoiceAmount": "10000", "options": options });
    let rows: Vec<Json> = (0..10_000)
        .map(|i| json!([format!("C{i}"), "1000000"]))
        .collect();
    let portfolio = json!({ "asOf": "2026-11-22", "columns": ["name", "revenue"], "rows": rows });
    let dates: Vec<Json> = (0..10_000)
        .map(|i| json!(format!("{:04}-{:02}-01", 2027 + i / 12, 1 + i % 12)))
        .collect();
    let schedule = json!({ "amount": "10000", "startDate": "2026-01-15", "frequency": "dates", "dates": dates, "holidays": dates });
    let months: Vec<Json> = (0..10_000)
        .map(|i| json!({ "month": format!("{:04}-{:02}", 1000 + i / 12, 1 + i % 12), "sales": "1000" }))
        .collect();
    let dso = json!({ "receivables": "1000000", "months": months });
    let periods: Vec<Json> = (0..10_000)
        .map(|i| json!({ "periodEnd": format!("{:04}-12-31", 1000 + i % 9000), "totalAssets": "1000", "revenue": "900" }))
        .collect();
    let financials = json!(periods);
    for input in [
        &overdue,
        &score,
        &terms,
        &portfolio,
        &schedule,
        &dso,
        &financials,
        &json!(payments),
    ] {
        every_export(input);
    }
    // The two that must answer: an overdue book of 10,000 invoices and 10,000 payment records.
    let v = value(&overdue);
    let plan = credit_calculator::overdue::run(&v, None).expect("10,000 invoices give a plan");
    let plan = serde_json::to_value(&plan).expect("serializes");
    assert_eq!(plan["overdueTotal"], json!("10000100.00"));
    assert!(
        credit_calculator::score::run(&value(&score), None).is_ok(),
        "10,000 payments give a score"
    );
}

/// Each list an export caps: answered at its cap, refused one past it with TOO_LONG (the
/// terms options: OUT_OF_RANGE, 1 to 6) and the maximum at the list's path (the 10,000-item lists above are refused the same way where the cap is lower).
#[test]
fn lists_at_their_caps_answer_and_one_more_is_too_long() {
    use chrono::{Duration, NaiveDate};
    let day = |i: usize| {
        (NaiveDate::from_ymd_opt(2026, 1, 16).expect("a date") + Duration::days(i as i64))
            .format("%Y-%m-%d")
            .to_string()
    };
    let month = |i: usize| format!("{:04}-{:02}", 2026 - (i / 12) as i64, 12 - i % 12);
    type Run = fn(&Value) -> Result<(), Vec<Problem>>;
    type Make<'a> = Box<dyn Fn(usize) -> Json + 'a>;
    let cases: Vec<(&str, usize, Make, Run)> = vec![
        (
            "dates",
            600,
            Box::new(
                |n| json!({ "amount": "10000", "startDate": "2026-01-15", "frequency": "dates", "dates": (0..n).map(day).collect::<Vec<_>>() }),
            ),
            |v| credit_calculator::schedule::run(v, None).map(|_| ()),
        ),
        (
            "holidays",
            5_000,
            Box::new(
                |n| json!({ "amount": "10000", "startDate": "2026-01-15", "count": 12, "businessDay": "following", "holidays": (0..n).map(|i| day(3 * i)).collect::<Vec<_>>() }),
            ),
            |v| credit_calculator::schedule::run(v, None).map(|_| ()),
        ),
        (
            "months",
            1_200,
            Box::new(
                |n| json!({ "receivables": "1000000", "months": (0..n).map(|i| json!({ "month": month(i), "sales": "1000" })).collect::<Vec<_>>() }),
            ),
            |v| credit_calculator::dso::run(v, None).map(|_| ()),
        ),
        (
            "options",
            6,
            Box::new(
                |n| json!({ "invoiceDate": "2026-05-11", "invoiceAmount": "10000", "options": (0..n).map(|d| json!({ "kind": "net", "days": 30 + d })).collect::<Vec<_>>() }),
            ),
            |v| credit_calculator::terms::run(v, None).map(|_| ()),
        ),
        (
            "invoices",
            10_000,
            Box::new(
                |n| json!({ "asOf": "2026-11-22", "currency": "EUR", "jurisdiction": "EU", "invoices": (0..n).map(|i| json!({ "number": format!("INV-{i}"), "amount": "1000.01", "invoiceDate": "2026-01-01", "dueDate": "2026-02-01" })).collect::<Vec<_>>() }),
            ),
            |v| credit_calculator::overdue::run(v, None).map(|_| ()),
        ),
    ];
    for (list, cap, input, run) in &cases {
        let at_cap = run(&value(&input(*cap)));
        assert!(at_cap.is_ok(), "{list}: {cap} items answer: {at_cap:?}");
        let past = run(&value(&input(cap + 1))).expect_err("one past the cap is refused");
        assert!(
            past.iter()
                .any(|p| (p.code == "TOO_LONG" || p.code == "OUT_OF_RANGE")
                    && p.field == *list
                    && p.max.is_some()),
            "{list}: TOO_LONG (or OUT_OF_RANGE) with its maximum at {list}: {past:?}"
        );
    }
    // Financial periods (the statement list is the export's argument itself).
    let periods = |n: usize| {
        json!((0..n)
            .map(|i| json!({ "periodEnd": format!("{:04}-12-31", 2025 - i), "totalAssets": "1000", "revenue": "900" }))
            .collect::<Vec<_>>())
    };
    let at_cap = credit_calculator::financial::run(&value(&periods(20)), None, None);
    assert!(at_cap.is_ok(), "20 periods answer: {:?}", at_cap.err());
    let past = credit_calculator::financial::run(&value(&periods(21)), None, None)
        .expect_err("21 periods are refused");
    assert!(past.iter().any(|p| p.code == "TOO_LONG"), "{past:?}");
}

#[test]
fn not_objects_and_empty_objects() {
    for input in [
        json!(null),
        json!(0),
        json!(""),
        json!([]),
        json!({}),
        json!([{}]),
        json!("9999-12-31"),
        json!(-1),
    ] {
        every_export(&input);
    }
}

/// A currency must be ISO 4217's or the policy's: a typo (`QQQ`) or a way of writing (`RMB`)
/// would otherwise pass as a currency of its own and skip the policy's ceiling, which is in
/// one currency. A real currency the policy does not list (`AUD`) is taken, its ceiling
/// skipped and said so.
#[test]
fn a_currency_is_iso_4217_or_the_policys() {
    let limit = |currency: &str, policy: Option<&Value>| {
        let input = value(&json!({
            "asOf": "2026-11-22",
            "currency": currency,
            "termsDays": 30,
            "expectedAnnualSales": "9000000000",
            "customer": { "asOf": "2026-11-22", "profile": { "foundedOn": "2010-01-01" } },
        }));
        credit_calculator::limit::run(&input, policy)
    };
    for typo in ["QQQ", "RMB", "XAU"] {
        let problems = limit(typo, None).expect_err(typo);
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.code, p.field.as_str()))
                .collect::<Vec<_>>(),
            [("NOT_ONE_OF", "currency")],
            "{typo}"
        );
    }
    let aud = limit("AUD", None).expect("AUD is a currency");
    let ceiling = aud
        .methods
        .iter()
        .find(|m| m.method == "ceiling")
        .expect("listed");
    assert_eq!(ceiling.skipped, Some("CURRENCY_MISMATCH"));
    let cny = limit("CNY", None).expect("CNY");
    assert!(
        cny.recommended < aud.recommended,
        "the ceiling holds in CNY"
    );
    // A company's own code, listed in its policy.
    let mut policy =
        serde_json::to_value(credit_calculator::policy::default_policy()).expect("json");
    policy["currencies"]
        .as_array_mut()
        .expect("a list")
        .push(json!({ "code": "QQQ", "minorUnits": 2 }));
    assert!(limit("QQQ", Some(&value(&policy))).is_ok());
}
