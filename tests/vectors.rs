//! Native layer: the golden vectors through the engine, and the published figures checked
//! against the exact results.

mod common;

use std::str::FromStr;

use credit_calculator::value::Value;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value as Json;

fn to_value(json: &Json) -> Value {
    serde_json::from_str(&json.to_string()).expect("vector input deserializes")
}

#[test]
fn discount_cost_vectors() {
    let cases = common::cases(common::DISCOUNT_COST);
    let mut ran = 0;
    let mut published_checked = 0;
    for case in &cases {
        let input = to_value(&case.input);
        let policy = case.policy.as_ref().map(to_value);
        let outcome = credit_calculator::discount::run(&input, policy.as_ref());
        match (&case.expect, &case.errors, outcome) {
            (Some(expect), None, Ok(result)) => {
                let actual = serde_json::to_value(&result).expect("result serializes");
                common::check_partial(expect, &actual, "")
                    .unwrap_or_else(|e| panic!("{}: {e}", case.name));
                for p in &case.published {
                    let field = p["field"].as_str().expect("published field");
                    let percent =
                        Decimal::from_str(p["percent"].as_str().expect("published percent"))
                            .expect("decimal");
                    let exact =
                        Decimal::from_str(actual[field].as_str().expect("rate is a string"))
                            .expect("decimal");
                    let shown = (exact * Decimal::ONE_HUNDRED).round_dp_with_strategy(
                        percent.scale(),
                        RoundingStrategy::MidpointAwayFromZero,
                    );
                    assert_eq!(
                        shown, percent,
                        "{}: {field} does not round to the published {percent} %",
                        case.name
                    );
                    published_checked += 1;
                }
            }
            (None, Some(errors), Err(problems)) => {
                let actual = serde_json::to_value(&problems).expect("problems serialize");
                common::check_errors(errors, &actual)
                    .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            }
            (_, _, outcome) => panic!("{}: unexpected outcome {outcome:?}", case.name),
        }
        ran += 1;
    }
    assert_eq!(ran, 25, "every discountCost vector ran");
    assert_eq!(published_checked, 5, "every published figure was checked");
}

#[test]
fn validate_policy_vectors() {
    let cases = common::cases(common::VALIDATE_POLICY);
    let mut ran = 0;
    for case in &cases {
        let policy = to_value(&case.input);
        let problems = credit_calculator::policy::read_policy(&policy)
            .err()
            .unwrap_or_default();
        let actual = serde_json::to_value(&problems).expect("problems serialize");
        let expected = case.errors.clone().unwrap_or_default();
        common::check_errors(&expected, &actual).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        ran += 1;
    }
    assert_eq!(ran, cases.len());
    assert!(ran >= 6, "validatePolicy vectors ran: {ran}");
}

#[test]
fn default_policy_is_valid_and_round_trips() {
    let json =
        serde_json::to_value(credit_calculator::policy::default_policy()).expect("serializes");
    let read = credit_calculator::policy::read_policy(&to_value(&json))
        .expect("the default policy is valid");
    assert_eq!(&read, credit_calculator::policy::default_policy());
}

fn json_of<T: serde::Serialize>(
    outcome: Result<T, credit_calculator::error::Problems>,
) -> Result<Json, Json> {
    outcome
        .map(|r| serde_json::to_value(r).expect("result serializes"))
        .map_err(|p| serde_json::to_value(p).expect("problems serialize"))
}

#[test]
fn financial_analysis_vectors() {
    let mut published = 0;
    let ran = common::run_cases(common::FINANCIAL_ANALYSIS, |case| {
        let financials = to_value(&case.input["financials"]);
        let profile = case.input.get("profile").map(to_value);
        let outcome = json_of(credit_calculator::financial::run(
            &financials,
            profile.as_ref(),
            None,
        ));
        if let (Ok(result), Some(list)) = (
            &outcome,
            case.raw.get("published").and_then(|p| p.as_array()),
        ) {
            for p in list {
                let field = p["field"].as_str().expect("published field");
                let want = Decimal::from_str(p["value"].as_str().expect("published value"))
                    .expect("decimal");
                let exact = Decimal::from_str(
                    common::at(result, field)
                        .as_str()
                        .expect("a decimal string"),
                )
                .expect("decimal");
                let shown = exact
                    .round_dp_with_strategy(want.scale(), RoundingStrategy::MidpointAwayFromZero);
                assert_eq!(
                    shown, want,
                    "{}: {field} does not round to the published {want}",
                    case.name
                );
                published += 1;
            }
        }
        outcome
    });
    assert_eq!(ran, 11, "every financialAnalysis vector ran");
    assert_eq!(published, 1);
}

#[test]
fn payment_index_vectors() {
    let ran = common::run_cases(common::PAYMENT_INDEX, |case| {
        let as_of = to_value(&case.raw["asOf"]);
        json_of(credit_calculator::payments::run(
            &to_value(&case.input),
            &as_of,
            None,
        ))
    });
    assert_eq!(ran, 18, "every paymentIndex vector ran");
}

#[test]
fn score_customer_vectors() {
    let ran = common::run_cases(common::SCORE_CUSTOMER, |case| {
        let policy = case.policy.as_ref().map(to_value);
        json_of(credit_calculator::score::run(
            &to_value(&case.input),
            policy.as_ref(),
        ))
    });
    assert_eq!(ran, 12, "every scoreCustomer vector ran");
}

#[test]
fn recommend_limit_vectors() {
    let ran = common::run_cases(common::RECOMMEND_LIMIT, |case| {
        let policy = case.policy.as_ref().map(to_value);
        json_of(credit_calculator::limit::run(
            &to_value(&case.input),
            policy.as_ref(),
        ))
    });
    assert_eq!(ran, 17, "every recommendLimit vector ran");
}

#[test]
fn payment_schedule_vectors() {
    let ran = common::run_cases(common::PAYMENT_SCHEDULE, |case| {
        json_of(credit_calculator::schedule::run(
            &to_value(&case.input),
            None,
        ))
    });
    assert_eq!(ran, 12, "every paymentSchedule vector ran");
}

#[test]
fn late_interest_vectors() {
    let ran = common::run_cases(common::LATE_INTEREST, |case| {
        json_of(credit_calculator::late::run(&to_value(&case.input), None))
    });
    assert_eq!(ran, 16, "every lateInterest vector ran");
}

#[test]
fn dso_vectors() {
    let ran = common::run_cases(common::DSO, |case| {
        json_of(credit_calculator::dso::run(&to_value(&case.input), None))
    });
    assert_eq!(ran, 6, "every dso vector ran");
}

#[test]
fn simulate_terms_vectors() {
    let ran = common::run_cases(common::SIMULATE_TERMS, |case| {
        json_of(credit_calculator::terms::run(&to_value(&case.input), None))
    });
    assert_eq!(ran, 6, "every simulateTerms vector ran");
}

#[test]
fn estimate_premium_vectors() {
    let mut published = 0;
    let ran = common::run_cases(common::ESTIMATE_PREMIUM, |case| {
        let outcome = json_of(credit_calculator::insurance::run_estimate(
            &to_value(&case.input),
            None,
        ));
        if let (Ok(r), Some(p)) = (&outcome, case.raw.get("published")) {
            let amount = Decimal::from_str(p["amount"].as_str().expect("published amount"))
                .expect("decimal");
            let low = Decimal::from_str(r["premiumLow"].as_str().expect("low")).expect("decimal");
            let high =
                Decimal::from_str(r["premiumHigh"].as_str().expect("high")).expect("decimal");
            assert!(
                low <= amount && amount <= high,
                "{}: the published {amount} is outside {low}–{high}",
                case.name
            );
            published += 1;
        }
        outcome
    });
    assert_eq!(ran, 8, "every estimatePremium vector ran");
    assert_eq!(published, 2, "both published broker examples checked");
}

#[test]
fn claim_payout_vectors() {
    let ran = common::run_cases(common::CLAIM_PAYOUT, |case| {
        json_of(credit_calculator::insurance::run_claim(
            &to_value(&case.input),
            None,
        ))
    });
    assert_eq!(ran, 7, "every claimPayout vector ran");
}

#[test]
fn deal_check_vectors() {
    let ran = common::run_cases(common::DEAL_CHECK, |case| {
        json_of(credit_calculator::deal::run(&to_value(&case.input), None))
    });
    assert_eq!(ran, 3, "every dealCheck vector ran");
}

#[test]
fn overdue_plan_vectors() {
    let ran = common::run_cases(common::OVERDUE_PLAN, |case| {
        json_of(credit_calculator::overdue::run(
            &to_value(&case.input),
            None,
        ))
    });
    assert_eq!(ran, 3, "every overduePlan vector ran");
}

const PORTFOLIO: &str = include_str!("vectors/portfolio.json");

/// The figures of a portfolio row that scoreCustomer and recommendLimit give for the same
/// customer: (portfolio field, where in the score or limit result).
const CROSS_CHECKED: [(&str, &str); 7] = [
    ("score", "score.score"),
    ("grade", "score.grade"),
    ("pd", "score.pd"),
    ("recommended", "limit.recommended"),
    ("bindingMethod", "limit.bindingMethod"),
    ("exposure", "limit.exposure.total"),
    ("headroom", "limit.headroom"),
];

#[test]
fn portfolio_vectors_and_the_per_customer_exports_agree() {
    let mut crossed = 0;
    let ran = common::run_cases(PORTFOLIO, |case| {
        let policy = case.policy.as_ref().map(to_value);
        let outcome = json_of(credit_calculator::portfolio::run(
            &to_value(&case.input),
            policy.as_ref(),
        ));
        for check in case.raw["crossCheck"].as_array().into_iter().flatten() {
            let score =
                credit_calculator::score::run(&to_value(&check["scoreCustomer"]), policy.as_ref())
                    .map(|s| serde_json::to_value(s).expect("serializes"))
                    .unwrap_or_else(|e| panic!("{}: scoreCustomer refused: {e:?}", case.name));
            let mut limit_input = check["recommendLimit"].clone();
            limit_input["score"] = score.clone();
            let limit = credit_calculator::limit::run(&to_value(&limit_input), policy.as_ref())
                .map(|l| serde_json::to_value(l).expect("serializes"))
                .unwrap_or_else(|e| panic!("{}: recommendLimit refused: {e:?}", case.name));
            let both = serde_json::json!({ "score": score, "limit": limit });
            let result = outcome.as_ref().expect("a cross-checked case is scored");
            let row = result["results"]
                .as_array()
                .and_then(|rows| rows.iter().find(|r| r["row"] == check["row"]))
                .unwrap_or_else(|| panic!("{}: no row {}", case.name, check["row"]));
            for (field, path) in CROSS_CHECKED {
                assert_eq!(
                    row[field],
                    *common::at(&both, path),
                    "{}: row {} {field}",
                    case.name,
                    check["row"]
                );
            }
            crossed += 1;
        }
        outcome
    });
    assert_eq!(ran, 11, "every scorePortfolio vector ran");
    assert_eq!(crossed, 6, "every cross-checked customer was checked");
}
