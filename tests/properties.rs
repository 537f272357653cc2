//! Native layer: invariants that must hold for every input, and a fuzz over arbitrary
//! JSON-like values proving that no input makes the engine panic.
#![cfg(not(target_arch = "wasm32"))]

use std::str::FromStr;

use credit_calculator::discount::{self, DiscountCost};
use credit_calculator::money::parse_decimal;
use credit_calculator::policy::{self, default_policy};
use credit_calculator::value::Value;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[path = "common/arbitrary.rs"]
mod arbitrary;
use arbitrary::arbitrary_value;

fn object(fields: Vec<(&str, Value)>) -> Value {
    Value::Object(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn num(text: impl ToString) -> Value {
    Value::Number(text.to_string())
}

/// Discount in percent with up to four decimals, 0 ≤ d < 100.
fn percent() -> impl Strategy<Value = Decimal> {
    (0u32..999_999).prop_map(|n| Decimal::new(i64::from(n), 4))
}

fn run(d: Decimal, dd: u32, nd: u32, basis: u32, amount: Option<Decimal>) -> DiscountCost {
    let mut fields = vec![
        ("discountPercent", Value::String(d.to_string())),
        ("discountDays", num(dd)),
        ("netDays", num(nd)),
        ("dayBasis", num(basis)),
    ];
    if let Some(a) = amount {
        fields.push(("invoiceAmount", Value::String(a.to_string())));
    }
    match discount::run(&object(fields), None) {
        Ok(r) => r,
        Err(e) => panic!("valid input refused: {e:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Bernoulli's inequality: over a year of 365 days, compounding never costs less than
    /// simple interest when the extra days fit in a year (and never more when they do not).
    #[test]
    fn effective_and_simple_rates_order_as_compounding_says(d in percent(), dd in 0u32..400, extra in 1u32..800) {
        let r = run(d, dd, dd + extra, 365, None);
        let simple = r.simple_annual_rate;
        if let Some(effective) = r.effective_annual_rate {
            let tolerance = Decimal::new(1, 9);
            if extra <= 365 {
                prop_assert!(effective + tolerance >= simple, "{effective} < {simple}");
            } else {
                prop_assert!(effective <= simple + tolerance, "{effective} > {simple}");
            }
        }
        prop_assert!(simple >= Decimal::ZERO);
    }

    /// A bigger discount never costs the buyer less; more extra days never cost more a year.
    #[test]
    fn cost_moves_in_the_documented_directions(a in percent(), b in percent(), dd in 0u32..100, x1 in 1u32..500, x2 in 1u32..500) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(run(lo, dd, dd + x1, 360, None).simple_annual_rate <= run(hi, dd, dd + x1, 360, None).simple_annual_rate);
        let (short, long) = if x1 <= x2 { (x1, x2) } else { (x2, x1) };
        prop_assert!(run(a, dd, dd + long, 365, None).simple_annual_rate <= run(a, dd, dd + short, 365, None).simple_annual_rate);
    }

    /// The discount and the discounted amount always add back to the invoice, to the cent.
    #[test]
    fn discount_and_remainder_sum_to_the_invoice(d in percent(), units in 0i64..i64::MAX, scale in 0u32..6) {
        let typed = Decimal::new(units, scale);
        let r = run(d, 10, 30, 365, Some(typed));
        let amount = typed.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let inv = r.invoice.expect("invoice figures");
        let sum = inv.discount_amount.unwrap_or_default() + inv.amount_if_discounted.unwrap_or_default();
        prop_assert_eq!(sum, amount);
        prop_assert_eq!(inv.discount_amount.map(|x| x.scale()), Some(2));
    }

    /// Same input, same output.
    #[test]
    fn deterministic(d in percent(), dd in 0u32..100, extra in 1u32..500) {
        prop_assert_eq!(run(d, dd, dd + extra, 360, Some(Decimal::ONE_HUNDRED)), run(d, dd, dd + extra, 360, Some(Decimal::ONE_HUNDRED)));
    }

    /// Our fast rounding gives exactly rust_decimal's result, for every mode.
    #[test]
    fn fast_rounding_matches_rust_decimal(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28, dp in 0u32..=28) {
        use credit_calculator::money::{round_to, RoundingMode};
        let d = Decimal::from_parts(lo, mid, hi, neg, scale);
        for mode in [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero] {
            let ours = round_to(d, dp, mode);
            let theirs = d.round_dp_with_strategy(dp, mode.strategy());
            prop_assert_eq!(ours, theirs, "{} to {} places, {:?}", d, dp, mode);
        }
    }

    /// Halves are the hard case: x.5 at every scale, both signs.
    #[test]
    fn fast_rounding_of_exact_halves(units in 0i64..1_000_000_000, scale in 1u32..=20, neg in any::<bool>()) {
        use credit_calculator::money::{round_to, RoundingMode};
        let mut d = Decimal::new(units * 10 + 5, scale);
        d.set_sign_negative(neg);
        for mode in [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero] {
            prop_assert_eq!(round_to(d, scale - 1, mode), d.round_dp_with_strategy(scale - 1, mode.strategy()));
        }
    }

    /// Any decimal's own text reads back as exactly that decimal.
    #[test]
    fn decimal_text_round_trips(lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(), neg in any::<bool>(), scale in 0u32..=28) {
        let d = Decimal::from_parts(lo, mid, hi, neg, scale);
        prop_assert_eq!(parse_decimal(&d.to_string()), Ok(d));
    }

    /// Fuzz: arbitrary values as input and as policy never panic, and every error names a
    /// stable code, a field path and a message.
    #[test]
    fn no_input_panics(input in arbitrary_value(), policy in prop::option::of(arbitrary_value())) {
        for outcome in [discount::run(&input, policy.as_ref()).err(), policy::read_policy(&input).err()] {
            for p in outcome.unwrap_or_default() {
                prop_assert!(stable_code(p.code), "{}", p.code);
                prop_assert!(!p.message.is_empty());
                prop_assert!(!p.field.contains(".."), "{}", p.field);
            }
        }
    }

    /// Fuzz the real shape: right names, random values.
    #[test]
    fn no_discount_input_panics(fields in prop::collection::vec((prop::sample::select(vec![
        "discountPercent", "discountDays", "netDays", "dayBasis", "invoiceAmount", "invoiceDate", "currency",
    ]), arbitrary_value()), 0..8)) {
        let input = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        let _ = discount::run(&input, None);
    }
}

#[test]
fn huge_valid_amounts_round_trip_or_fail_cleanly() {
    let max = Decimal::MAX;
    let r = run(
        Decimal::from_str("99.9999").unwrap_or_default(),
        0,
        1,
        360,
        Some(max),
    );
    assert!(r.invoice.is_some());
    assert_eq!(default_policy().version, "2026.11.1");
}

mod score_properties {
    use super::*;
    use credit_calculator::score;

    fn customer(
        current_ratio_assets: i64,
        days_late: i64,
        revenue: i64,
        legal_events: usize,
    ) -> Value {
        let payments: Vec<Value> = (0..4)
            .map(|i| {
                object(vec![
                    ("amount", Value::String("1000".into())),
                    ("dueDate", Value::String(format!("2026-0{}-01", i + 3))),
                    (
                        "paidDate",
                        Value::String(format!("2026-0{}-{:02}", i + 3, 1 + days_late.clamp(0, 27))),
                    ),
                ])
            })
            .collect();
        let legal: Vec<Value> = (0..legal_events)
            .map(|_| {
                object(vec![
                    ("kind", Value::String("lawsuit".into())),
                    ("date", Value::String("2025-06-01".into())),
                ])
            })
            .collect();
        object(vec![
            ("asOf", Value::String("2026-11-22".into())),
            (
                "financials",
                object(vec![
                    ("currentAssets", num(current_ratio_assets)),
                    ("currentLiabilities", num(1000)),
                    ("totalAssets", num(5000)),
                    ("totalLiabilities", num(3000)),
                    ("bookEquity", num(2000)),
                    ("retainedEarnings", num(800)),
                    ("ebit", num(400)),
                    ("netIncome", num(250)),
                    ("revenue", num(revenue)),
                ]),
            ),
            ("payments", Value::Array(payments)),
            ("legal", Value::Array(legal)),
            (
                "profile",
                object(vec![
                    ("industry", Value::String("machinery".into())),
                    ("country", Value::String("DE".into())),
                ]),
            ),
        ])
    }

    fn scored(v: &Value) -> score::ScoreResult {
        match score::run(v, None) {
            Ok(r) => r,
            Err(e) => panic!("valid input refused: {e:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// The score stays within 0–100 and the grade is the one the cut-offs give.
        #[test]
        fn score_in_range_and_grade_from_cut_offs(ca in 0i64..10_000, late in 0i64..60, rev in 1i64..100_000, legal in 0usize..6) {
            let r = scored(&customer(ca, late, rev, legal));
            prop_assert!(r.score >= Decimal::ZERO && r.score <= Decimal::ONE_HUNDRED);
            let expected = default_policy().grades.iter().find(|g| r.score >= g.min_score).map(|g| g.grade);
            prop_assert_eq!(Some(r.grade), expected);
            prop_assert!(r.reasons.len() <= 4);
            let pd = default_policy().grades.iter().find(|g| g.grade == r.grade).map(|g| g.pd);
            prop_assert_eq!(Some(r.pd), pd);
        }

        /// A better current ratio never lowers the score.
        #[test]
        fn better_liquidity_never_lowers_the_score(a in 0i64..10_000, b in 0i64..10_000, late in 0i64..60) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(scored(&customer(lo, late, 20_000, 1)).score <= scored(&customer(hi, late, 20_000, 1)).score);
        }

        /// More days beyond terms never raises the score.
        #[test]
        fn later_payment_never_raises_the_score(a in 0i64..60, b in 0i64..60, ca in 0i64..5000) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(scored(&customer(ca, hi, 20_000, 0)).score <= scored(&customer(ca, lo, 20_000, 0)).score);
        }

        /// More legal events never raise the score.
        #[test]
        fn more_legal_events_never_raise_the_score(a in 0usize..8, b in 0usize..8) {
            let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(scored(&customer(1500, 5, 20_000, hi)).score <= scored(&customer(1500, 5, 20_000, lo)).score);
        }

        /// Same input, same output.
        #[test]
        fn score_is_deterministic(ca in 0i64..10_000, late in 0i64..60) {
            prop_assert_eq!(scored(&customer(ca, late, 5000, 1)), scored(&customer(ca, late, 5000, 1)));
        }

        /// When a next grade is offered, making that one change really reaches it.
        #[test]
        fn to_next_grade_is_true(ca in 0i64..3000, late in 0i64..60) {
            let r = scored(&customer(ca, late, 20_000, 0));
            if let Some(next) = &r.to_next_grade {
                prop_assert!(next.new_grade < r.grade);
                if next.factor == credit_calculator::policy::FactorCode::CurrentRatio {
                    let needed = (next.target_value * Decimal::from(1000)).ceil();
                    let better = scored(&customer(i64::try_from(needed).unwrap_or(0), late, 20_000, 0));
                    prop_assert!(better.grade <= next.new_grade, "{} → {}", r.grade, better.grade);
                }
            }
        }

        /// Fuzz: arbitrary values in every part of the input never panic.
        #[test]
        fn no_score_input_panics(fields in prop::collection::vec((prop::sample::select(vec![
            "asOf", "profile", "financials", "payments", "legal", "customer",
        ]), arbitrary_value()), 0..7)) {
            let input = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
            for p in score::run(&input, None).err().unwrap_or_default() {
                prop_assert!(!p.code.is_empty() && !p.message.is_empty());
            }
            let _ = credit_calculator::financial::run(&input, Some(&input), None);
            let _ = credit_calculator::payments::run(&input, &Value::String("2026-11-22".into()), None);
        }
    }
}

mod limit_properties {
    use super::*;
    use credit_calculator::limit;

    #[allow(clippy::too_many_arguments)]
    fn input(
        grade: u32,
        sales: i64,
        terms: u32,
        tnw: Option<i64>,
        revenue: Option<i64>,
        exposure: i64,
        ours: Option<i64>,
        insured: Option<i64>,
    ) -> Value {
        let mut fields = vec![
            ("asOf", Value::String("2026-11-22".into())),
            ("currency", Value::String("CNY".into())),
            ("score", object(vec![("grade", num(grade))])),
            ("expectedAnnualSales", num(sales)),
            ("termsDays", num(terms)),
            ("openReceivables", num(exposure)),
            ("requestedAmount", num(100_000)),
        ];
        for (k, v) in [
            ("tangibleNetWorth", tnw),
            ("customerRevenue", revenue),
            ("ourAnnualSales", ours),
            ("insurerApprovedLimit", insured),
        ] {
            if let Some(v) = v {
                fields.push((k, num(v)));
            }
        }
        object(fields)
    }

    fn run(v: &Value) -> limit::LimitResult {
        match limit::run(v, None) {
            Ok(r) => r,
            Err(e) => panic!("valid input refused: {e:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Never negative, never above any applicable cap, a whole number of steps.
        #[test]
        fn within_every_cap(grade in 1u32..=10, sales in 0i64..100_000_000, terms in 0u32..365, tnw in prop::option::of(-1_000_000i64..50_000_000), rev in prop::option::of(0i64..500_000_000), exposure in 0i64..5_000_000, ours in prop::option::of(0i64..1_000_000_000), insured in prop::option::of(0i64..30_000_000)) {
            let r = run(&input(grade, sales, terms, tnw, rev, exposure, ours, insured));
            prop_assert!(r.recommended >= Decimal::ZERO);
            let ceiling = r.methods.iter().find(|m| m.method == "ceiling").and_then(|m| m.value);
            let insured_cap = r.methods.iter().find(|m| m.method == "insuredExtension").and_then(|m| m.value);
            for m in &r.methods {
                match (m.method, m.value) {
                    ("ceiling" | "insuredExtension", _) | (_, None) => {}
                    (_, Some(cap)) => prop_assert!(r.recommended <= cap, "{} above {} {}", r.recommended, m.method, cap),
                }
            }
            if let Some(c) = ceiling {
                prop_assert!(r.recommended <= c.max(insured_cap.unwrap_or(Decimal::ZERO)));
            }
            prop_assert!((r.recommended / r.rounding_step).fract().is_zero());
            prop_assert_eq!(r.headroom, r.recommended - r.exposure.total);
        }

        /// A better grade never lowers the limit; more tangible net worth never lowers it;
        /// more exposure never raises the headroom.
        #[test]
        fn moves_in_the_documented_directions(grade in 2u32..=10, sales in 0i64..100_000_000, tnw in 0i64..50_000_000, more in 0i64..10_000_000, exposure in 0i64..5_000_000, extra in 0i64..5_000_000) {
            let worse = run(&input(grade, sales, 60, Some(tnw), Some(sales), exposure, None, None));
            let better = run(&input(grade - 1, sales, 60, Some(tnw), Some(sales), exposure, None, None));
            prop_assert!(better.recommended >= worse.recommended);
            let richer = run(&input(grade, sales, 60, Some(tnw + more), Some(sales), exposure, None, None));
            prop_assert!(richer.recommended >= worse.recommended);
            let exposed = run(&input(grade, sales, 60, Some(tnw), Some(sales), exposure + extra, None, None));
            prop_assert!(exposed.headroom <= worse.headroom);
        }

        /// Fuzz: arbitrary values in every field never panic.
        #[test]
        fn no_limit_input_panics(fields in prop::collection::vec((prop::sample::select(vec![
            "asOf", "currency", "score", "customer", "expectedAnnualSales", "expectedMonthlySales", "termsDays",
            "expectedDaysBeyondTerms", "openReceivables", "openOrders", "requestedAmount", "ourAnnualSales",
            "tangibleNetWorth", "workingCapital", "customerRevenue", "insurerApprovedLimit",
        ]), arbitrary_value()), 0..10)) {
            let input = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
            for p in limit::run(&input, None).err().unwrap_or_default() {
                prop_assert!(!p.code.is_empty() && !p.message.is_empty());
            }
        }
    }
}

mod terms_properties {
    use super::*;
    use credit_calculator::{schedule, terms};

    fn plan(amount: Decimal, count: u32, method: &str, rate: Decimal, frequency: &str) -> Value {
        object(vec![
            ("amount", Value::String(amount.to_string())),
            ("startDate", Value::String("2024-01-31".into())),
            ("count", num(count)),
            ("method", Value::String(method.into())),
            ("annualRate", Value::String(rate.to_string())),
            ("frequency", Value::String(frequency.into())),
            ("everyDays", num(17)),
            ("businessDay", Value::String("modifiedFollowing".into())),
        ])
    }

    fn simulate(days: u32, late: u32, pd: Decimal) -> terms::TermsResult {
        let input = object(vec![
            ("invoiceDate", Value::String("2026-03-15".into())),
            ("invoiceAmount", Value::String("25000".into())),
            ("annualSales", Value::String("300000".into())),
            ("pd", Value::String(pd.to_string())),
            ("expectedDaysBeyondTerms", num(late)),
            (
                "options",
                Value::Array(vec![object(vec![
                    ("kind", Value::String("net".into())),
                    ("days", num(days)),
                ])]),
            ),
        ]);
        match terms::run(&input, None) {
            Ok(r) => r,
            Err(e) => panic!("valid input refused: {e:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Every schedule's principal sums exactly to the amount; payments = principal +
        /// interest; no due date before the start; the balance ends at zero.
        #[test]
        fn schedules_sum_exactly(cents in 1i64..10_000_000_000, count in 1u32..=120, m in 0usize..3, rate in 0u32..3000, f in 0usize..3) {
            let amount = Decimal::new(cents, 2);
            let method = ["annuity", "equalPrincipal", "noInterest"][m];
            let frequency = ["monthly", "weekly", "days"][f];
            let s = match schedule::run(&plan(amount, count, method, Decimal::new(i64::from(rate), 4), frequency), None) {
                Ok(s) => s,
                Err(e) => panic!("valid plan refused: {e:?}"),
            };
            prop_assert_eq!(s.instalments.len(), count as usize);
            let principal: Decimal = s.instalments.iter().map(|i| i.principal).sum();
            prop_assert_eq!(principal, amount);
            for i in &s.instalments {
                prop_assert_eq!(i.payment, i.principal + i.interest);
                prop_assert!(i.due_date.as_str() >= "2024-01-31");
                prop_assert!(i.principal >= Decimal::ZERO);
            }
            prop_assert_eq!(s.instalments.last().map(|i| i.balance_after), Some(Decimal::ZERO));
        }

        /// Longer terms never lower the carrying cost; more lateness never lowers the
        /// expected loss.
        #[test]
        fn longer_and_later_never_cheaper(a in 0u32..400, b in 0u32..400, late in 0u32..200, more in 0u32..200, pd in 0u32..5000) {
            let pd = Decimal::new(i64::from(pd), 4);
            let (short, long) = if a <= b { (a, b) } else { (b, a) };
            prop_assert!(simulate(short, late, pd).options[0].carrying_cost <= simulate(long, late, pd).options[0].carrying_cost);
            prop_assert!(simulate(a, late, pd).options[0].expected_loss <= simulate(a, late + more, pd).options[0].expected_loss);
        }

        /// Fuzz every terms export.
        #[test]
        fn no_terms_input_panics(input in arbitrary_value()) {
            for outcome in [
                terms::run(&input, None).err(),
                schedule::run(&input, None).err(),
                credit_calculator::late::run(&input, None).err(),
                credit_calculator::dso::run(&input, None).err(),
            ] {
                for p in outcome.unwrap_or_default() {
                    prop_assert!(!p.code.is_empty() && !p.message.is_empty());
                }
            }
        }
    }
}

mod insurance_properties {
    use super::*;
    use credit_calculator::insurance;

    fn premium(
        turnover: i64,
        category: u32,
        losses: i64,
        buyers: u32,
        terms: u32,
        class_code: &str,
    ) -> insurance::PremiumEstimate {
        let input = object(vec![
            ("insuredTurnover", num(turnover)),
            ("currency", Value::String("EUR".into())),
            ("sector", Value::String(class_code.into())),
            (
                "buyerCountries",
                Value::Array(vec![object(vec![
                    ("oecdCategory", num(category)),
                    ("share", num(1)),
                ])]),
            ),
            ("numberOfBuyers", num(buyers)),
            ("typicalTermsDays", num(terms)),
            ("badDebtLosses", Value::Array(vec![num(losses)])),
        ]);
        match insurance::run_estimate(&input, None) {
            Ok(r) => r,
            Err(e) => panic!("valid input refused: {e:?}"),
        }
    }

    const SECTORS: [&str; 5] = [
        "utilities",
        "machinery",
        "wholesale",
        "retail",
        "construction",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Never below the minimum; never decreasing in turnover (at the same loss ratio: a
        /// bigger book with the same losses is a better risk), country risk or losses.
        #[test]
        fn premium_moves_in_the_documented_directions(units in 1i64..10_000, more_units in 0i64..5_000, cat in 0u32..7, loss_bp in 0i64..300, extra in 0i64..1_000_000, buyers in 1u32..1000, terms in 0u32..200, s in 0usize..5) {
            // Turnover in whole 10,000s, so that the loss ratio is exactly loss_bp basis points.
            let (t, more) = (units * 10_000, more_units * 10_000);
            let sector = SECTORS[s];
            let losses = t * loss_bp / 10_000;
            let p = premium(t, cat, losses, buyers, terms, sector);
            prop_assert!(p.premium >= Decimal::from(1500));
            prop_assert!(p.premium_low <= p.premium && p.premium <= p.premium_high);
            prop_assert!(premium(t + more, cat, (t + more) * loss_bp / 10_000, buyers, terms, sector).premium >= p.premium);
            prop_assert!(premium(t, cat + 1, losses, buyers, terms, sector).premium >= p.premium);
            prop_assert!(premium(t, cat, losses + extra, buyers, terms, sector).premium >= p.premium);
        }

        /// Typical SME cases land inside the public 0.1–0.5 % of turnover: sectors of class
        /// 2–4, buyers in OECD-0 countries, terms up to 60 days, 21–500 buyers, losses
        /// below 0.2 % of turnover, turnover from €2m (where the minimum premium no longer
        /// binds) to €50m.
        #[test]
        fn typical_sme_cases_within_public_ranges(t in 2_000_000i64..50_000_000, s in 1usize..4, terms in 15u32..=60, buyers in 21u32..=500, loss_bp in 0i64..20) {
            let losses = t * loss_bp / 10_000;
            let p = premium(t, 0, losses, buyers, terms, SECTORS[s]);
            prop_assert!(p.effective_rate >= Decimal::new(1, 3) && p.effective_rate <= Decimal::new(5, 3), "{}", p.effective_rate);
        }

        /// The payout is never above the insured loss × indemnity, nor the maximum liability,
        /// nor negative; what is kept and paid add up to the loss net of recoveries.
        #[test]
        fn payout_within_cover(unpaid in 1i64..10_000_000, rec in 0i64..10_000_000, ind in 50u32..=100, excess in 0i64..100_000, retention in 0i64..100_000, max in prop::option::of(0i64..5_000_000), order in any::<bool>()) {
            let recovered = rec.min(unpaid);
            let mut fields = vec![
                ("unpaidAmount", num(unpaid)),
                ("recovered", num(recovered)),
                ("indemnity", Value::String(Decimal::new(i64::from(ind), 2).to_string())),
                ("excess", num(excess)),
                ("fixedRetention", num(retention)),
                ("order", Value::String(if order { "indemnityThenExcess" } else { "excessThenIndemnity" }.into())),
            ];
            if let Some(m) = max {
                fields.push(("maxLiabilityRemaining", num(m)));
            }
            let c = match insurance::run_claim(&object(fields), None) {
                Ok(c) => c,
                Err(e) => panic!("valid claim refused: {e:?}"),
            };
            prop_assert!(c.payout >= Decimal::ZERO);
            prop_assert!(c.payout <= c.insured_loss * Decimal::new(i64::from(ind), 2));
            if let Some(m) = max {
                prop_assert!(c.payout <= Decimal::from(m));
            }
            prop_assert_eq!(c.payout + c.kept, Decimal::from(unpaid - recovered));
        }

        #[test]
        fn no_insurance_input_panics(input in arbitrary_value()) {
            for outcome in [insurance::run_estimate(&input, None).err(), insurance::run_claim(&input, None).map(|_| ()).err()] {
                for p in outcome.unwrap_or_default() {
                    prop_assert!(!p.code.is_empty() && !p.message.is_empty());
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Fuzz the portfolio: arbitrary parts, and the real header with arbitrary cells, never
    /// panic; every problem, of the call or of a row, has a code and a message.
    #[test]
    fn no_portfolio_input_panics(
        fields in prop::collection::vec((prop::sample::select(vec![
            "asOf", "columns", "rows", "firstRow", "ourAnnualSales", "totals", "output",
        ]), arbitrary_value()), 0..8),
        cells in prop::collection::vec(prop::collection::vec(arbitrary_value(), 0..40), 0..6),
    ) {
        let input = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        for p in credit_calculator::portfolio::run(&input, None).err().unwrap_or_default() {
            prop_assert!(!p.code.is_empty() && !p.message.is_empty());
        }
        let columns = credit_calculator::portfolio::COLUMNS.iter().map(|(name, _)| Value::String((*name).to_string())).collect();
        let rows = cells.into_iter().map(Value::Array).collect();
        let input = object(vec![("asOf", Value::String("2026-11-22".into())), ("columns", Value::Array(columns)), ("rows", Value::Array(rows))]);
        match credit_calculator::portfolio::run(&input, None) {
            Ok(r) => for p in r.problems {
                prop_assert!(!p.code.is_empty() && !p.message.is_empty() && p.row >= 2);
            },
            Err(ps) => for p in ps {
                prop_assert!(!p.code.is_empty() && !p.message.is_empty());
            },
        }
    }

    /// Fuzz the deal check: arbitrary parts never panic; part problems carry their part's path.
    #[test]
    fn no_deal_input_panics(fields in prop::collection::vec((prop::sample::select(vec![
        "asOf", "currency", "customer", "limit", "terms", "insurance",
    ]), arbitrary_value()), 0..7)) {
        let mut input = Value::Object(fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect());
        if let Value::Object(f) = &mut input {
            f.push(("asOf".into(), Value::String("2026-11-22".into())));
        }
        if let Ok(r) = credit_calculator::deal::run(&input, None) {
            for p in r.errors {
                prop_assert!(["customer", "limit", "terms", "insurance"].iter().any(|part| p.field.starts_with(part)), "{}", p.field);
            }
        }
    }
}

mod overdue_properties {
    use super::*;
    use credit_calculator::overdue;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// The claimable amount never decreases along the ladder; a disputed invoice never
        /// appears in a claim; the plan sums exactly to the overdue total.
        #[test]
        fn ladder_claims_grow_and_skip_disputes(invoices in prop::collection::vec((1i64..1_000_000, 0u32..200, any::<bool>(), 0i64..100), 1..12), count in 1u32..24, j in 0usize..4) {
            let jurisdiction = ["EU", "UK", "CN", "US"][j];
            let list: Vec<Value> = invoices.iter().enumerate().map(|(i, (cents, back, disputed, paid_pct))| {
                let due = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).and_then(|d| d.checked_sub_days(chrono::Days::new(u64::from(*back)))).unwrap_or_default();
                let amount = Decimal::new(*cents, 2);
                let paid = (amount * Decimal::from(*paid_pct) / Decimal::ONE_HUNDRED).round_dp(2);
                object(vec![
                    ("number", Value::String(format!("N{i}"))),
                    ("amount", Value::String(amount.to_string())),
                    ("invoiceDate", Value::String("2024-12-01".into())),
                    ("dueDate", Value::String(due.format("%Y-%m-%d").to_string())),
                    ("disputed", Value::Bool(*disputed)),
                    ("payments", Value::Array(vec![object(vec![("date", Value::String("2025-06-01".into())), ("amount", Value::String(paid.to_string()))])])),
                ])
            }).collect();
            let input = object(vec![
                ("asOf", Value::String("2025-06-30".into())),
                ("jurisdiction", Value::String(jurisdiction.into())),
                ("invoices", Value::Array(list)),
                ("plan", object(vec![("count", num(count))])),
            ]);
            let r = match overdue::run(&input, None) { Ok(r) => r, Err(e) => panic!("valid input refused: {e:?}") };
            let disputed: Vec<String> = invoices.iter().enumerate().filter(|(_, x)| x.2).map(|(i, _)| format!("N{i}")).collect();
            let mut previous = Decimal::ZERO;
            for step in &r.ladder {
                prop_assert!(step.claim.total >= previous, "{} < {}", step.claim.total, previous);
                previous = step.claim.total;
                for n in &step.claim.invoices {
                    prop_assert!(!disputed.contains(n), "disputed {} claimed", n);
                }
            }
            if let Some(plan) = &r.restructuring {
                let sum: Decimal = plan.instalments.iter().map(|i| i.principal).sum();
                prop_assert_eq!(sum, r.overdue_total);
            }
        }

        #[test]
        fn no_overdue_input_panics(input in arbitrary_value()) {
            for p in overdue::run(&input, None).err().unwrap_or_default() {
                prop_assert!(!p.code.is_empty() && !p.message.is_empty());
            }
        }
    }
}

/// A stable code: capitals, digits and `_`, starting with a capital (`WEIGHTS_NOT_100`).
fn stable_code(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_uppercase())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// Each export's input in the benchmark (bench/inputs.json), as the engine reads it.
fn bench_input(name: &str) -> Value {
    let inputs: serde_json::Value =
        serde_json::from_str(include_str!("../bench/inputs.json")).unwrap_or_default();
    serde_json::from_str(&inputs[name][0].to_string()).unwrap_or(Value::Null)
}

fn well_formed(problems: Option<credit_calculator::error::Problems>) -> Result<(), TestCaseError> {
    for p in problems.unwrap_or_default() {
        prop_assert!(stable_code(p.code), "{:?}", p);
        prop_assert!(!p.message.is_empty(), "{:?}", p);
        prop_assert!(
            !p.field.contains("..") && !p.field.starts_with('.'),
            "{:?}",
            p
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Fuzz: our policy with a few leaves of any section set to extreme values or removed.
    /// `validatePolicy` lists every problem with its path (under `policy.` when passed with a
    /// call), never panics; a policy it accepts then works for every export.
    #[test]
    fn a_policy_near_ours_is_refused_clearly_or_works(policy in arbitrary::mutated_policy()) {
        let read = policy::read_policy(&policy);
        match read {
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                well_formed(Some(problems))?;
            }
            Ok(_) => {
                let p = Some(&policy);
                well_formed(credit_calculator::deal::run(&bench_input("dealCheck"), p).err())?;
                well_formed(credit_calculator::score::run(&bench_input("scoreCustomer"), p).err())?;
                well_formed(credit_calculator::limit::run(&bench_input("recommendLimit"), p).err())?;
                well_formed(credit_calculator::terms::run(&bench_input("simulateTerms"), p).err())?;
                well_formed(credit_calculator::insurance::run_estimate(&bench_input("estimatePremium"), p).err())?;
                well_formed(credit_calculator::overdue::run(&bench_input("overduePlan"), p).err())?;
                well_formed(credit_calculator::discount::run(&bench_input("discountCost"), p).err())?;
                let rows = object(vec![
                    ("asOf", Value::String("2026-11-22".into())),
                    ("columns", Value::Array(["name", "termsDays", "expectedAnnualSales", "openReceivables", "totalAssets", "totalLiabilities", "industry", "country", "currency"].iter().map(|c| Value::String((*c).into())).collect())),
                    ("rows", Value::Array(vec![Value::Array(["A", "30", "1000000", "50000", "9000000", "6000000", "wholesale", "CN", "CNY"].iter().map(|c| Value::String((*c).into())).collect())])),
                ]);
                well_formed(credit_calculator::portfolio::run(&rows, p).err())?;
            }
        }
    }
}
