//! The fuzz run of `npm run bench` (issue 8): a million arbitrary JSON-like inputs (one
//! million by default; the count is the first argument) through every export, as input
//! and as policy; and, with every tenth, our policy with a few leaves of any section set to
//! extreme values or removed, read as a policy and (when it reads) passed with realistic
//! inputs to every export. The release profile aborts on a panic, so one panic fails the run; every
//! error must carry a stable code, a message and a well-formed field path. Prints one JSON
//! line with the counts.

use std::time::Instant;

use credit_calculator::error::Problems;
use credit_calculator::value::Value;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

#[path = "../tests/common/arbitrary.rs"]
mod arbitrary;

fn check(outcome: Option<Problems>, errors: &mut u64) {
    for p in outcome.unwrap_or_default() {
        let well_formed = !p.code.is_empty()
            && p.code.starts_with(|c: char| c.is_ascii_uppercase())
            && p.code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
            && !p.message.is_empty()
            && !p.field.contains("..")
            && !p.field.starts_with('.');
        if !well_formed {
            eprintln!("malformed problem: {p:?}");
            std::process::exit(1);
        }
        *errors += 1;
    }
}

fn main() {
    let count: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    // A fixed seed: the same million inputs every run, so a failure can be replayed.
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = arbitrary::arbitrary_value();
    let policies = arbitrary::mutated_policy();
    let inputs: serde_json::Value =
        serde_json::from_str(include_str!("../bench/inputs.json")).unwrap_or_default();
    let real = |name: &str| -> Value {
        serde_json::from_str(&inputs[name][0].to_string()).unwrap_or(Value::Null)
    };
    let (deal, premium, overdue, terms) = (
        real("dealCheck"),
        real("estimatePremium"),
        real("overduePlan"),
        real("simulateTerms"),
    );
    let (mut near, mut near_read) = (0u64, 0u64);
    let start = Instant::now();
    let (mut calls, mut errors) = (0u64, 0u64);
    let date = Value::String("2026-11-22".into());
    for i in 0..count {
        let Ok(tree) = strategy.new_tree(&mut runner) else {
            continue;
        };
        let input = tree.current();
        // Every tenth input is also tried as a policy.
        let policy = (i % 10 == 0).then(|| input.clone());
        let p = policy.as_ref();
        check(
            credit_calculator::discount::run(&input, p).err(),
            &mut errors,
        );
        check(credit_calculator::score::run(&input, p).err(), &mut errors);
        check(
            credit_calculator::financial::run(&input, Some(&input), p).err(),
            &mut errors,
        );
        check(
            credit_calculator::payments::run(&input, &date, p).err(),
            &mut errors,
        );
        check(credit_calculator::limit::run(&input, p).err(), &mut errors);
        check(credit_calculator::terms::run(&input, p).err(), &mut errors);
        check(
            credit_calculator::schedule::run(&input, p).err(),
            &mut errors,
        );
        check(credit_calculator::late::run(&input, p).err(), &mut errors);
        check(credit_calculator::dso::run(&input, p).err(), &mut errors);
        check(
            credit_calculator::insurance::run_estimate(&input, p).err(),
            &mut errors,
        );
        check(
            credit_calculator::insurance::run_claim(&input, p).err(),
            &mut errors,
        );
        check(credit_calculator::deal::run(&input, p).err(), &mut errors);
        check(
            credit_calculator::overdue::run(&input, p).err(),
            &mut errors,
        );
        check(
            credit_calculator::policy::read_policy(&input).err(),
            &mut errors,
        );
        check(
            credit_calculator::portfolio::run(&input, p).err(),
            &mut errors,
        );
        calls += 15;
        if i % 10 == 5 {
            let Ok(tree) = policies.new_tree(&mut runner) else {
                continue;
            };
            let policy = tree.current();
            near += 1;
            calls += 1;
            let read = credit_calculator::policy::read_policy(&policy);
            if read.is_ok() {
                near_read += 1;
                let p = Some(&policy);
                check(credit_calculator::deal::run(&deal, p).err(), &mut errors);
                check(
                    credit_calculator::insurance::run_estimate(&premium, p).err(),
                    &mut errors,
                );
                check(
                    credit_calculator::overdue::run(&overdue, p).err(),
                    &mut errors,
                );
                check(credit_calculator::terms::run(&terms, p).err(), &mut errors);
                calls += 4;
            } else {
                check(read.err(), &mut errors);
            }
        }
    }
    println!(
        "{{\"inputs\":{count},\"calls\":{calls},\"errors\":{errors},\"nearPolicies\":{near},\"nearPoliciesRead\":{near_read},\"panics\":0,\"seconds\":{:.1}}}",
        start.elapsed().as_secs_f64()
    );
}
