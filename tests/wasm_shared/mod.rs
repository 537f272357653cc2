//! The wasm layer's tests, run twice: under Node (`wasm_node.rs`) and in headless Chromium
//! (`wasm_browser.rs`). They call the exported functions with JS values parsed from the same
//! golden vectors as the native layer, so they prove that the boundary keeps every digit.

use credit_calculator::wasm;
use js_sys::{Reflect, JSON};
use serde_json::Value as Json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

#[path = "../common/mod.rs"]
mod common;

fn js(json: &Json) -> JsValue {
    JSON::parse(&json.to_string()).expect("vector JSON parses in JS")
}

fn json(value: &JsValue) -> Json {
    let text: String = JSON::stringify(value).expect("result stringifies").into();
    serde_json::from_str(&text).expect("result is JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Checks a thrown value: an Error named CreditCalculatorError whose code and field are the
/// first problem's, carrying every problem in `errors`.
fn check_thrown(name: &str, thrown: &JsValue, expected: &[Json]) {
    assert!(
        thrown.is_instance_of::<js_sys::Error>(),
        "{name}: not an Error"
    );
    assert_eq!(
        get(thrown, "name").as_string().as_deref(),
        Some("CreditCalculatorError"),
        "{name}"
    );
    let errors = json(&get(thrown, "errors"));
    common::check_errors(expected, &errors).unwrap_or_else(|e| panic!("{name}: {e}"));
    let first = &expected[0];
    assert_eq!(
        get(thrown, "code").as_string().as_deref(),
        first["code"].as_str(),
        "{name}: code"
    );
    assert_eq!(
        get(thrown, "field").as_string().as_deref(),
        first["field"].as_str(),
        "{name}: field"
    );
    assert!(
        get(thrown, "message")
            .as_string()
            .is_some_and(|m| !m.is_empty()),
        "{name}: message"
    );
}

#[wasm_bindgen_test]
fn discount_cost_vectors() {
    let ran = run_js_cases(common::DISCOUNT_COST, |case| {
        let policy = case
            .policy
            .as_ref()
            .map(|p| js(p).unchecked_into::<wasm::PolicyArg>());
        wasm::discount_cost(js(&case.input), policy)
    });
    assert_eq!(ran, 25, "every discountCost vector ran");
}

#[wasm_bindgen_test]
fn validate_policy_vectors() {
    let cases = common::cases(common::VALIDATE_POLICY);
    let mut ran = 0;
    for case in &cases {
        let result = wasm::validate_policy(js(&case.input))
            .unwrap_or_else(|_| panic!("{}: threw", case.name));
        let result = json(&result);
        let expected = case.errors.clone().unwrap_or_default();
        assert_eq!(
            result["valid"],
            Json::Bool(expected.is_empty()),
            "{}",
            case.name
        );
        common::check_errors(&expected, &result["errors"])
            .unwrap_or_else(|e| panic!("{}: {e}", case.name));
        ran += 1;
    }
    assert!(ran >= 6, "validatePolicy vectors ran: {ran}");
}

#[wasm_bindgen_test]
fn default_policy_is_a_plain_versioned_object() {
    let policy = wasm::default_policy().unwrap_or(JsValue::NULL);
    let value = json(&policy);
    assert_eq!(value["version"], "2026.11.1");
    // JSON-compatible: objects, not Maps; its own validation passes.
    assert!(value["rounding"].is_object());
    let checked = json(&wasm::validate_policy(policy).unwrap_or(JsValue::NULL));
    assert_eq!(checked["valid"], true);
}

#[wasm_bindgen_test]
fn values_no_json_has_are_refused_cleanly() {
    // A cyclic object, a BigInt, a symbol, undefined: an error each, and the module lives on.
    let cyclic = js_sys::Object::new();
    let _ = Reflect::set(&cyclic, &"self".into(), &cyclic);
    for (value, code) in [
        (JsValue::from(cyclic), "TOO_DEEP"),
        (JsValue::from(js_sys::BigInt::from(7u8)), "NOT_AN_OBJECT"),
        (JsValue::symbol(None), "UNREADABLE"),
        (
            js_sys::Function::new_no_args("return 1").into(),
            "UNREADABLE",
        ),
        (JsValue::UNDEFINED, "NOT_AN_OBJECT"),
    ] {
        let thrown = wasm::discount_cost(value, None).expect_err("refused");
        assert_eq!(get(&thrown, "code").as_string().as_deref(), Some(code));
    }
    let ok = wasm::discount_cost(
        js(&serde_json::json!({"discountPercent": 2, "discountDays": 10, "netDays": 30})),
        None,
    );
    assert!(
        ok.is_ok(),
        "the module still works after refusing bad values"
    );
}

/// The named text properties of a thrown error ("" where one is missing).
fn said<const N: usize>(thrown: &JsValue, keys: [&str; N]) -> [String; N] {
    keys.map(|k| get(thrown, k).as_string().unwrap_or_default())
}

#[wasm_bindgen_test]
fn what_cannot_be_read_is_refused_with_its_path() {
    // A getter that throws, deep in the input: its message, under its path.
    let input = JSON::parse(r#"{"invoiceDate": "2026-11-22", "discountPercent": 2, "discountDays": 10, "netDays": 30, "amount": {}}"#)
        .unwrap_or(JsValue::NULL);
    let amount =
        js_sys::Function::new_no_args("return { get value() { throw new Error('locked'); } }")
            .call0(&JsValue::NULL)
            .unwrap_or(JsValue::NULL);
    let _ = Reflect::set(&input, &"amount".into(), &amount);
    let thrown = wasm::discount_cost(input, None).expect_err("refused");
    assert_eq!(
        said(&thrown, ["code", "field", "message"]),
        [
            "UNREADABLE",
            "amount.value",
            "amount.value could not be read: locked"
        ]
    );
    // A sparse array claiming four billion items: refused, not allocated.
    let huge = js_sys::Array::new();
    let _ = Reflect::set(&huge, &"length".into(), &JsValue::from(4_294_967_295u32));
    let input = JSON::parse("{}").unwrap_or(JsValue::NULL);
    let _ = Reflect::set(&input, &"invoices".into(), &huge);
    let thrown = wasm::overdue_plan(input, None).expect_err("refused");
    assert_eq!(said(&thrown, ["code", "field"]), ["TOO_LONG", "invoices"]);
    // Stopped early, short of the count of fields still to come: a function first of four,
    // a cyclic object with more keys after the cycle.
    let input = js_sys::Function::new_no_args(
        "const c = { discountPercent: 2, discountDays: 10, netDays: 30 }; c.self = c;
         return [{ discountPercent: () => 2, discountDays: 10, netDays: 30, currency: 'EUR' },
                 { self: c, discountPercent: 2, discountDays: 10, netDays: 30 }];",
    )
    .call0(&JsValue::NULL)
    .unwrap_or(JsValue::NULL);
    let thrown = wasm::discount_cost(get(&input, "0"), None).expect_err("refused");
    assert_eq!(
        said(&thrown, ["code", "field"]),
        ["UNREADABLE", "discountPercent"]
    );
    let thrown = wasm::discount_cost(get(&input, "1"), None).expect_err("refused");
    let [code, field] = said(&thrown, ["code", "field"]);
    assert_eq!(code, "TOO_DEEP");
    assert!(field.starts_with("self.self.self."), "{field}");
    // A lone surrogate arrives as U+FFFD (as js_sys read it before), and the module lives on.
    let input =
        JSON::parse(r#"{"discountPercent": 2, "discountDays": 10, "netDays": 30, "\ud800x": 1}"#)
            .unwrap_or(JsValue::NULL);
    let thrown = wasm::discount_cost(input, None).expect_err("refused");
    assert_eq!(said(&thrown, ["field"]), ["\u{FFFD}x"]);
    // Two halves of different strings do not pair up: a key ending in a high surrogate
    // whose value starts with a low one.
    let input = JSON::parse(
        r#"{"discountPercent": 2, "discountDays": 10, "netDays": 30, "x\ud835": "\udd18"}"#,
    )
    .unwrap_or(JsValue::NULL);
    let thrown = wasm::discount_cost(input, None).expect_err("refused");
    assert_eq!(
        said(&thrown, ["code", "field"]),
        ["UNKNOWN_FIELD", "x\u{FFFD}"]
    );
}

#[wasm_bindgen_test]
fn a_company_policy_passed_again_is_read_again_when_it_changed() {
    // The engine keeps the policy it read last; an object changed in place since must
    // never get the old reading.
    let input = || {
        js(
            &serde_json::json!({"insuredTurnover": "2000000", "currency": "GBP", "sector": "wholesale",
            "buyerCountries": [{"country": "GB", "share": "1"}], "numberOfBuyers": 40, "typicalTermsDays": 60}),
        )
    };
    let premium = |policy: &JsValue| {
        let result =
            wasm::estimate_premium(input(), Some(policy.clone().unchecked_into())).expect("priced");
        json(&get(&result, "premium"))
    };
    let policy = wasm::default_policy().unwrap_or(JsValue::NULL);
    let before = premium(&policy);
    assert_eq!(
        premium(&policy),
        before,
        "the same policy, the same premium"
    );
    let rates = get(&get(&policy, "insurance"), "baseRateByRiskClass");
    let rates: &js_sys::Array = rates.unchecked_ref();
    for i in 0..rates.length() {
        rates.set(i, JsValue::from_str("0.01"));
    }
    let after = premium(&policy);
    assert_ne!(after, before, "the changed rates are used");
    let fresh = wasm::default_policy().unwrap_or(JsValue::NULL);
    assert_eq!(premium(&fresh), before, "and the default's again");
    assert_eq!(
        json(&get(
            &wasm::estimate_premium(input(), None).expect("priced"),
            "premium"
        )),
        before
    );
    // A policy made invalid in place is refused, not answered from the last reading.
    let _ = Reflect::set(
        &get(&policy, "insurance"),
        &"baseRateByRiskClass".into(),
        &JsValue::from_str("x"),
    );
    let thrown =
        wasm::estimate_premium(input(), Some(policy.unchecked_into())).expect_err("refused");
    assert!(get(&thrown, "field")
        .as_string()
        .unwrap_or_default()
        .starts_with("policy.insurance.baseRateByRiskClass"));
}

/// Runs a vector file through an export called with JS values; thrown errors are checked
/// as CreditCalculatorError objects.
fn run_js_cases(file: &str, call: impl Fn(&common::Case) -> Result<JsValue, JsValue>) -> usize {
    let cases = common::cases(file);
    for case in &cases {
        match (&case.expect, &case.errors, call(case)) {
            (Some(expect), None, Ok(result)) => {
                common::check_partial(expect, &json(&result), "")
                    .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            }
            (None, Some(errors), Err(thrown)) => check_thrown(&case.name, &thrown, errors),
            (_, _, Ok(r)) => panic!("{}: unexpected result {:?}", case.name, json(&r)),
            (_, _, Err(e)) => panic!(
                "{}: unexpected error {:?}",
                case.name,
                json(&get(&e, "errors"))
            ),
        }
    }
    cases.len()
}

#[wasm_bindgen_test]
fn financial_analysis_vectors() {
    let ran = run_js_cases(common::FINANCIAL_ANALYSIS, |case| {
        let profile = case
            .input
            .get("profile")
            .map(js)
            .unwrap_or(JsValue::UNDEFINED);
        wasm::financial_analysis(js(&case.input["financials"]), profile, None)
    });
    assert_eq!(ran, 11);
}

#[wasm_bindgen_test]
fn payment_index_vectors() {
    let ran = run_js_cases(common::PAYMENT_INDEX, |case| {
        wasm::payment_index(js(&case.input), js(&case.raw["asOf"]), None)
    });
    assert_eq!(ran, 18);
}

#[wasm_bindgen_test]
fn score_customer_vectors() {
    let ran = run_js_cases(common::SCORE_CUSTOMER, |case| {
        let policy = case
            .policy
            .as_ref()
            .map(|p| js(p).unchecked_into::<wasm::PolicyArg>());
        wasm::score_customer(js(&case.input), policy)
    });
    assert_eq!(ran, 12);
}

#[wasm_bindgen_test]
fn bigint_amounts_keep_every_digit() {
    let input = js(
        &serde_json::json!({ "discountPercent": 2, "discountDays": 10, "netDays": 30, "currency": "EUR" }),
    );
    let _ = Reflect::set(
        &input,
        &"invoiceAmount".into(),
        &js_sys::BigInt::from(12_345_678_901_234_567_890u128).into(),
    );
    let result = json(&wasm::discount_cost(input, None).unwrap_or(JsValue::NULL));
    assert_eq!(result["invoice"]["amount"], "12345678901234567890.00");
}

#[wasm_bindgen_test]
fn recommend_limit_vectors() {
    let ran = run_js_cases(common::RECOMMEND_LIMIT, |case| {
        let policy = case
            .policy
            .as_ref()
            .map(|p| js(p).unchecked_into::<wasm::PolicyArg>());
        wasm::recommend_limit(js(&case.input), policy)
    });
    assert_eq!(ran, 17);
}

#[wasm_bindgen_test]
fn terms_engines_vectors() {
    assert_eq!(
        run_js_cases(common::SIMULATE_TERMS, |c| wasm::simulate_terms(
            js(&c.input),
            None
        )),
        6
    );
    assert_eq!(
        run_js_cases(common::PAYMENT_SCHEDULE, |c| wasm::payment_schedule(
            js(&c.input),
            None
        )),
        12
    );
    assert_eq!(
        run_js_cases(common::LATE_INTEREST, |c| wasm::late_interest(
            js(&c.input),
            None
        )),
        16
    );
    assert_eq!(
        run_js_cases(common::DSO, |c| wasm::dso(js(&c.input), None)),
        6
    );
}

#[wasm_bindgen_test]
fn insurance_vectors() {
    assert_eq!(
        run_js_cases(common::ESTIMATE_PREMIUM, |c| wasm::estimate_premium(
            js(&c.input),
            None
        )),
        8
    );
    assert_eq!(
        run_js_cases(common::CLAIM_PAYOUT, |c| wasm::claim_payout(
            js(&c.input),
            None
        )),
        7
    );
}

#[wasm_bindgen_test]
fn deal_check_vectors() {
    assert_eq!(
        run_js_cases(common::DEAL_CHECK, |c| wasm::deal_check(js(&c.input), None)),
        3
    );
}

#[wasm_bindgen_test]
fn overdue_plan_vectors() {
    assert_eq!(
        run_js_cases(common::OVERDUE_PLAN, |c| wasm::overdue_plan(
            js(&c.input),
            None
        )),
        3
    );
}

const PORTFOLIO: &str = include_str!("../vectors/portfolio.json");

#[wasm_bindgen_test]
fn portfolio_vectors_and_the_per_customer_exports_agree() {
    let crossed = std::cell::Cell::new(0);
    let ran = run_js_cases(PORTFOLIO, |case| {
        let policy = || {
            case.policy
                .as_ref()
                .map(|p| js(p).unchecked_into::<wasm::PolicyArg>())
        };
        let outcome = wasm::score_portfolio(js(&case.input), policy());
        for check in case.raw["crossCheck"].as_array().into_iter().flatten() {
            let score = wasm::score_customer(js(&check["scoreCustomer"]), policy())
                .unwrap_or_else(|_| panic!("{}: scoreCustomer threw", case.name));
            let limit_input = js(&check["recommendLimit"]);
            let _ = Reflect::set(&limit_input, &"score".into(), &score);
            let limit = json(
                &wasm::recommend_limit(limit_input, policy())
                    .unwrap_or_else(|_| panic!("{}: recommendLimit threw", case.name)),
            );
            let score = json(&score);
            let result = json(outcome.as_ref().unwrap_or(&JsValue::NULL));
            let row = result["results"]
                .as_array()
                .and_then(|rows| rows.iter().find(|r| r["row"] == check["row"]))
                .unwrap_or_else(|| panic!("{}: no row {}", case.name, check["row"]));
            for (field, want) in [
                ("score", &score["score"]),
                ("grade", &score["grade"]),
                ("pd", &score["pd"]),
                ("recommended", &limit["recommended"]),
                ("bindingMethod", &limit["bindingMethod"]),
                ("exposure", &limit["exposure"]["total"]),
                ("headroom", &limit["headroom"]),
            ] {
                assert_eq!(
                    &row[field], want,
                    "{}: row {} {field}",
                    case.name, check["row"]
                );
            }
            crossed.set(crossed.get() + 1);
        }
        outcome
    });
    assert_eq!(ran, 11, "every scorePortfolio vector ran");
    assert_eq!(crossed.get(), 6, "every cross-checked customer was checked");
}
