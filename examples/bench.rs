//! Native side of `npm run bench`: per-call time of each export's whole path (input tree
//! read, engine, result serialized), with the same release profile as the wasm build, so
//! that the wasm/native ratio compares like with like; and the 100,000-customer loop.
//! Inputs come from bench/inputs.json, which the JS side reads too. Prints one JSON object.

use std::hint::black_box;
use std::time::Instant;

use credit_calculator::value::Value;
use serde_json::{json, Value as Json};

const INPUTS: &str = include_str!("../bench/inputs.json");

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Timed batches per call, taken in rounds (see `main`).
const ROUNDS: usize = 15;

/// One call of the benchmark: its batches' times so far.
struct Timed {
    name: &'static str,
    per_batch: usize,
    f: Box<dyn FnMut()>,
    samples: Vec<f64>,
}

/// Nanoseconds per call of one batch of `per_batch` calls.
fn batch(per_batch: usize, f: &mut dyn FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..per_batch {
        f();
    }
    start.elapsed().as_nanos() as f64 / per_batch as f64
}

/// Each argument as JSON text, made once, outside the timed calls.
fn texts(args: &Json) -> Vec<String> {
    args.as_array()
        .map(|a| a.iter().map(|v| v.to_string()).collect())
        .unwrap_or_default()
}

/// A result as JSON, or none for an error.
fn out<T: serde::Serialize, E>(result: Result<T, E>) -> Option<Json> {
    result.ok().and_then(|r| serde_json::to_value(r).ok())
}

/// The whole path of one call: JSON text input → input tree → engine → JSON-like output.
fn call(name: &str, args: &[String]) -> Option<Json> {
    let arg = |i: usize| -> Value {
        args.get(i)
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or(Value::Null)
    };
    match name {
        "discountCost" => out(credit_calculator::discount::run(&arg(0), None)),
        "scoreCustomer" => out(credit_calculator::score::run(&arg(0), None)),
        "recommendLimit" => out(credit_calculator::limit::run(&arg(0), None)),
        "simulateTerms" => out(credit_calculator::terms::run(&arg(0), None)),
        "dealCheck" => out(credit_calculator::deal::run(&arg(0), None)),
        "estimatePremium" => out(credit_calculator::insurance::run_estimate(&arg(0), None)),
        "overduePlan" => out(credit_calculator::overdue::run(&arg(0), None)),
        "dealCheckWithPolicy" => out(credit_calculator::deal::run(&arg(0), Some(&arg(1)))),
        "paymentSchedule" => out(credit_calculator::schedule::run(&arg(0), None)),
        "lateInterest" => out(credit_calculator::late::run(&arg(0), None)),
        "dso" => out(credit_calculator::dso::run(&arg(0), None)),
        "claimPayout" => out(credit_calculator::insurance::run_claim(&arg(0), None)),
        "financialAnalysis" => out(credit_calculator::financial::run(
            &arg(0),
            Some(&arg(1)),
            None,
        )),
        "paymentIndex" => out(credit_calculator::payments::run(&arg(0), &arg(1), None)),
        // As the wasm export answers: valid, the problems, and the policy as read.
        "validatePolicy" => {
            let (policy, errors) = match credit_calculator::policy::read_policy(&arg(0)) {
                Ok(policy) => (Some(policy), Vec::new()),
                Err(problems) => (None, problems),
            };
            Some(json!({ "valid": errors.is_empty(), "errors": errors, "policy": policy }))
        }
        "defaultPolicy" => serde_json::to_value(credit_calculator::policy::default_policy()).ok(),
        _ => None,
    }
}

fn main() {
    let inputs: Json = serde_json::from_str(INPUTS).unwrap_or(Json::Null);
    let mut out = serde_json::Map::new();
    // `cargo run --release --example bench -- dso,claimPayout`: only these calls, no portfolio.
    let only = std::env::args().nth(1);
    let mut timed: Vec<Timed> = Vec::new();
    for name in [
        "discountCost",
        "scoreCustomer",
        "recommendLimit",
        "simulateTerms",
        "dealCheck",
        "estimatePremium",
        "overduePlan",
        "dealCheckWithPolicy",
        "paymentSchedule",
        "lateInterest",
        "dso",
        "claimPayout",
        "financialAnalysis",
        "paymentIndex",
        "validatePolicy",
        "defaultPolicy",
    ] {
        if only
            .as_ref()
            .is_some_and(|names| !names.split(',').any(|n| n == name))
        {
            continue;
        }
        let ours = || {
            serde_json::to_value(credit_calculator::policy::default_policy()).unwrap_or(Json::Null)
        };
        let args = match name {
            // As an intranet page with its own policy calls it: ours, passed with every call.
            "dealCheckWithPolicy" => json!([inputs["dealCheck"][0], ours()]),
            // As an intranet page checks its policy file: here ours, complete.
            "validatePolicy" => json!([ours()]),
            _ => inputs[name].clone(),
        };
        let args = texts(&args);
        assert!(
            call(name, &args).is_some_and(|r| r["valid"] != json!(false)),
            "{name}: the benchmark input must be valid"
        );
        // The calls that take a whole policy are 50-100 times as long: fewer of them.
        let per_batch = if name.contains("olicy") { 500 } else { 5_000 };
        let f = move || {
            black_box(call(name, black_box(&args)));
        };
        for _ in 0..per_batch {
            f(); // warm-up
        }
        timed.push(Timed {
            name,
            per_batch,
            f: Box::new(f),
            samples: Vec::new(),
        });
    }
    // One batch of each call per round, the rounds starting one call later each time, as
    // scripts/bench.mjs does in Node and Chromium: each call's batches are spread over the
    // whole run and over the places in the order, so a slower phase of this shared machine
    // or the calls before it weigh alike on every call and on every side. (Timed one after
    // another, 15 batches each, the shortest calls read up to 1.7 times slower or faster
    // natively depending on where in the run they fell.)
    let n = timed.len();
    for round in 0..ROUNDS {
        for k in 0..n {
            if let Some(t) = timed.get_mut((round + k) % n) {
                t.samples.push(batch(t.per_batch, t.f.as_mut()));
            }
        }
    }
    for t in timed {
        out.insert(
            t.name.to_string(),
            json!({ "nsPerCall": median(t.samples) }),
        );
    }
    if only.is_some() {
        println!("{}", Json::Object(out));
        return;
    }
    // 100,000 customers, each a little different, scored one after another.
    let customers = inputs["portfolio"]["customers"].as_u64().unwrap_or(100_000);
    let base = inputs["scoreCustomer"][0].clone();
    let start = Instant::now();
    let mut graded = 0u64;
    for i in 0..customers {
        let mut c = base.clone();
        c["financials"][0]["currentAssets"] = json!((5_000_000 + 37 * i).to_string());
        if let Some(r) = call("scoreCustomer", &texts(&json!([c]))) {
            graded += r["grade"].as_u64().unwrap_or(0);
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert!(graded > 0);
    out.insert(
        "portfolio".to_string(),
        json!({ "customers": customers, "totalMs": ms }),
    );
    // The same number of customers through scorePortfolio, 5,000 packed rows a call, as
    // the portfolio page's worker sends them (the rows as scripts/bench.mjs makes them).
    let (columns, rows) = portfolio_rows(customers);
    let start = Instant::now();
    let mut scored = 0u64;
    for (k, chunk) in rows.chunks(5000).enumerate() {
        let input = Value::Object(vec![
            ("asOf".into(), Value::String("2026-11-22".into())),
            (
                "columns".into(),
                Value::Array(
                    columns
                        .iter()
                        .map(|c| Value::String(c.to_string()))
                        .collect(),
                ),
            ),
            ("rows".into(), Value::String(chunk.join("\u{1e}"))),
            ("firstRow".into(), Value::Number((2 + k * 5000).to_string())),
            ("output".into(), Value::String("packed".into())),
        ]);
        if let Ok(r) = credit_calculator::portfolio::run(&input, None) {
            scored += u64::from(r.scored);
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(scored, customers, "every portfolio row scored");
    out.insert(
        "portfolioBatch".to_string(),
        json!({ "customers": customers, "totalMs": ms }),
    );
    println!("{}", Json::Object(out));
}

/// The benchmark's customer book: the columns and each row's cells joined by U+001F, the
/// same figures as `portfolioRow` in scripts/bench.mjs.
fn portfolio_rows(customers: u64) -> (Vec<&'static str>, Vec<String>) {
    let columns = vec![
        "reference",
        "name",
        "foundedOn",
        "employees",
        "industry",
        "country",
        "currency",
        "currentAssets",
        "currentLiabilities",
        "totalAssets",
        "totalLiabilities",
        "bookEquity",
        "retainedEarnings",
        "ebit",
        "netIncome",
        "revenue",
        "previousRevenue",
        "interestExpense",
        "daysBeyondTerms",
        "paymentCount",
        "legalKind",
        "legalDate",
        "termsDays",
        "expectedAnnualSales",
        "openReceivables",
        "openOrders",
    ];
    let rows = (0..customers)
        .map(|i| {
            let legal = if i % 7 == 0 {
                ("lawsuit", "2025-06-01")
            } else {
                ("", "")
            };
            [
                format!("C{i}"),
                format!("Customer {i}"),
                "2015-03-01".into(),
                (10 + i % 300).to_string(),
                "wholesale".into(),
                "CN".into(),
                "CNY".into(),
                (5_000_000 + 37 * i).to_string(),
                "4100000".into(),
                "9800000".into(),
                "6500000".into(),
                "3300000".into(),
                "1800000".into(),
                "650000".into(),
                (380_000 - (i % 50) as i64 * 20_000).to_string(),
                "21000000".into(),
                "22500000".into(),
                "160000".into(),
                (i % 60).to_string(),
                "8".into(),
                legal.0.into(),
                legal.1.into(),
                "30".into(),
                (1_000_000 + 13 * i).to_string(),
                ((i % 40) * 10_000).to_string(),
                "20000".into(),
            ]
            .join("\u{1f}")
        })
        .collect();
    (columns, rows)
}
