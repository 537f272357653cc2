//! Native layer: the golden vectors through the engine, and the published figures checked
//! against the exact results.

mod common;

use std::str::FromStr;

use credit_calculator::value::Value;
use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value as Json;

fn to_value(json: &Json) -> Value {
    serde_json::from_value(json.clone()).expect("vector input deserializes")
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
