//! Our default credit policy: every figure with the source it comes from. A company's own
//! policy replaces any of them (see `read.rs`).

use std::sync::OnceLock;

use rust_decimal::Decimal;

use super::*;
use crate::money::RoundingMode;

/// A decimal literal of this table. Each is checked by the tests (the default policy must
/// pass its own validation), so a typo cannot pass silently as zero.
fn dec(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap_or_default()
}

fn bands(pairs: &[(Option<&str>, &str)]) -> Vec<Band> {
    pairs
        .iter()
        .map(|(below, points)| Band {
            below: below.map(dec),
            points: dec(points),
        })
        .collect()
}

fn factor(code: FactorCode, weight: &str, pairs: &[(Option<&str>, &str)]) -> Factor {
    Factor {
        code,
        weight: dec(weight),
        bands: bands(pairs),
    }
}

fn altman(x: [&str; 5], distress_below: &str, safe_above: &str) -> AltmanModel {
    let [x1, x2, x3, x4, x5] = x.map(dec);
    AltmanModel {
        x1,
        x2,
        x3,
        x4,
        x5,
        distress_below: dec(distress_below),
        safe_above: dec(safe_above),
    }
}

/// Our default policy, built once.
pub fn default_policy() -> &'static Policy {
    static DEFAULT: OnceLock<Policy> = OnceLock::new();
    DEFAULT.get_or_init(build)
}

fn build() -> Policy {
    use FactorCode::*;
    Policy {
        version: "2026.11.1".to_string(),
        name: "Default B2B credit policy".to_string(),
        // domain.md §5: half away from zero at the currency's minor unit.
        rounding: Rounding {
            mode: RoundingMode::HalfAwayFromZero,
            money_decimals: 2,
            rate_decimals: 10,
            score_decimals: 1,
        },
        // ISO 4217 minor units of the currencies our users trade in most.
        currencies: [
            ("CNY", 2),
            ("EUR", 2),
            ("USD", 2),
            ("GBP", 2),
            ("HKD", 2),
            ("JPY", 0),
            ("KRW", 0),
            ("SGD", 2),
            ("CHF", 2),
            ("KWD", 3),
        ]
        .iter()
        .map(|(c, m)| Currency {
            code: (*c).to_string(),
            minor_units: *m,
        })
        .collect(),
        // Cost of capital 8 % a year (a typical SME weighted average cost of capital);
        // LGD 45 %, the Basel foundation-IRB figure for senior unsecured claims; a 2 % PD
        // (grade 7's) when nothing is known of the customer.
        terms: TermDefaults {
            day_basis: 365,
            max_term_days: 3650,
            cost_of_capital: dec("0.08"),
            loss_given_default: dec("0.45"),
            default_pd: dec("0.02"),
        },
        // Scorecard (domain.md §1.4): points 0–100 per factor from bands, weights adding up
        // to 100. Thresholds follow common credit-analyst practice: current ratio healthy
        // from 1.5, debt ratio worrying above 0.7 and insolvent balance sheet at 1.0,
        // interest cover under 1.5 weak; payment index bands from the D&B key (80 prompt,
        // 50 = 30 days beyond terms); Altman zones as published (distress / grey / safe).
        // Payment behaviour carries the most weight: it is the direct evidence of how the
        // customer treats its suppliers.
        scorecard: Scorecard {
            missing_data: MissingData::Reweight,
            neutral_points: dec("50"),
            min_payment_experiences: 3,
            high_confidence_from: dec("0.75"),
            medium_confidence_from: dec("0.5"),
            factors: vec![
                factor(
                    Altman,
                    "15",
                    &[(Some("1"), "10"), (Some("2"), "55"), (None, "100")],
                ),
                factor(
                    CurrentRatio,
                    "8",
                    &[
                        (Some("0.8"), "0"),
                        (Some("1"), "25"),
                        (Some("1.2"), "50"),
                        (Some("1.5"), "75"),
                        (Some("2"), "90"),
                        (None, "100"),
                    ],
                ),
                factor(
                    DebtRatio,
                    "8",
                    &[
                        (Some("0.4"), "100"),
                        (Some("0.55"), "80"),
                        (Some("0.7"), "55"),
                        (Some("0.85"), "30"),
                        (Some("1"), "10"),
                        (None, "0"),
                    ],
                ),
                factor(
                    NetMargin,
                    "8",
                    &[
                        (Some("-0.05"), "0"),
                        (Some("0"), "20"),
                        (Some("0.02"), "45"),
                        (Some("0.05"), "65"),
                        (Some("0.1"), "85"),
                        (None, "100"),
                    ],
                ),
                factor(
                    InterestCover,
                    "5",
                    &[
                        (Some("1"), "0"),
                        (Some("1.5"), "25"),
                        (Some("3"), "55"),
                        (Some("6"), "80"),
                        (None, "100"),
                    ],
                ),
                factor(
                    RevenueGrowth,
                    "4",
                    &[
                        (Some("-0.2"), "0"),
                        (Some("-0.05"), "30"),
                        (Some("0.03"), "60"),
                        (Some("0.15"), "85"),
                        (None, "100"),
                    ],
                ),
                factor(
                    PaymentIndex,
                    "20",
                    &[
                        (Some("20"), "0"),
                        (Some("40"), "15"),
                        (Some("50"), "30"),
                        (Some("60"), "50"),
                        (Some("70"), "65"),
                        (Some("80"), "80"),
                        (None, "100"),
                    ],
                ),
                factor(
                    Legal,
                    "12",
                    &[
                        (Some("0.5"), "100"),
                        (Some("10"), "80"),
                        (Some("25"), "55"),
                        (Some("50"), "30"),
                        (Some("80"), "10"),
                        (None, "0"),
                    ],
                ),
                factor(
                    BusinessAge,
                    "5",
                    &[
                        (Some("1"), "10"),
                        (Some("3"), "35"),
                        (Some("5"), "55"),
                        (Some("10"), "75"),
                        (Some("20"), "90"),
                        (None, "100"),
                    ],
                ),
                factor(
                    Employees,
                    "3",
                    &[
                        (Some("5"), "30"),
                        (Some("20"), "55"),
                        (Some("100"), "75"),
                        (Some("500"), "90"),
                        (None, "100"),
                    ],
                ),
                factor(
                    IndustryRisk,
                    "3",
                    &[
                        (Some("1.5"), "100"),
                        (Some("2.5"), "80"),
                        (Some("3.5"), "60"),
                        (Some("4.5"), "40"),
                        (None, "20"),
                    ],
                ),
                factor(
                    CountryRisk,
                    "3",
                    &[
                        (Some("0.5"), "100"),
                        (Some("1.5"), "90"),
                        (Some("2.5"), "80"),
                        (Some("3.5"), "65"),
                        (Some("4.5"), "50"),
                        (Some("5.5"), "35"),
                        (Some("6.5"), "20"),
                        (None, "5"),
                    ],
                ),
                factor(
                    BureauScore,
                    "6",
                    &[
                        (Some("20"), "0"),
                        (Some("40"), "25"),
                        (Some("60"), "50"),
                        (Some("80"), "75"),
                        (None, "100"),
                    ],
                ),
            ],
        },
        // Ten grades, 1 = exceptional … 5 = average … 7 = weak … 9–10 = at risk of failure
        // (the insurer convention, Allianz Trade; domain.md §1.4). The 12-month PDs are
        // indicative, in line with one-year corporate default rates by rating class
        // (AA ≈ 0.03 % … BBB ≈ 0.25 % … B ≈ 3–5 % … CCC ≈ 25–30 %).
        grades: [
            (1, "90", "0.0003", RiskBand::Green, Decision::Approve),
            (2, "82", "0.0006", RiskBand::Green, Decision::Approve),
            (3, "74", "0.0012", RiskBand::Green, Decision::Approve),
            (4, "66", "0.0025", RiskBand::Green, Decision::Approve),
            (5, "58", "0.005", RiskBand::Amber, Decision::Review),
            (6, "50", "0.01", RiskBand::Amber, Decision::Review),
            (7, "42", "0.02", RiskBand::Amber, Decision::Review),
            (8, "34", "0.05", RiskBand::Red, Decision::SecureOrPrepay),
            (9, "25", "0.12", RiskBand::Red, Decision::SecureOrPrepay),
            (10, "0", "0.3", RiskBand::Red, Decision::SecureOrPrepay),
        ]
        .iter()
        .map(|(grade, min, pd, band, decision)| Grade {
            grade: *grade,
            min_score: dec(min),
            pd: dec(pd),
            band: *band,
            decision: *decision,
        })
        .collect(),
        // The D&B PAYDEX key (domain.md §1.3): 100 anticipates (~30 days early), 90
        // discounts (~20 early), 80 prompt, 70 = 15 days beyond terms, 60 = 22, 50 = 30,
        // 40 = 60, 30 = 90, 20 = 120; the key gives 0–19 for over 120 days, which we
        // interpolate down to 0 at 180 days. Bands 80–100 low risk, 50–79 medium.
        payment_index: PaymentIndexPolicy {
            anchors: [
                (-30, "100", "anticipates"),
                (-20, "90", "discounts"),
                (0, "80", "prompt"),
                (15, "70", "slow15"),
                (22, "60", "slow22"),
                (30, "50", "slow30"),
                (60, "40", "slow60"),
                (90, "30", "slow90"),
                (120, "20", "slow120"),
                (180, "0", "over120"),
            ]
            .iter()
            .map(|(days, index, practice)| PaymentAnchor {
                days_beyond_terms: *days,
                index: dec(index),
                practice: (*practice).to_string(),
            })
            .collect(),
            low_risk_from: dec("80"),
            medium_risk_from: dec("50"),
            half_life_months: dec("12"),
            lookback_months: 36,
        },
        // Severity points per event before ageing (an insolvency filing alone is the worst
        // band); an event's weight halves every two years and a resolved one counts half
        // (domain.md §1.4: "legal events weigh less as they age").
        legal: LegalPolicy {
            events: [
                ("lawsuit", "15"),
                ("judgment", "30"),
                ("lien", "20"),
                ("taxArrears", "25"),
                ("insolvency", "100"),
            ]
            .iter()
            .map(|(kind, severity)| LegalEventRule {
                kind: (*kind).to_string(),
                severity: dec(severity),
            })
            .collect(),
            resolved_factor: dec("0.5"),
            half_life_months: dec("24"),
            lookback_months: 72,
            insolvency_knockout_months: 36,
        },
        // Altman (1968), Altman (2000) and Altman, Hartzell & Peck (1998) for the EM score;
        // domain.md §1.1. Z'' zones 1.10 / 2.60 (the decision line there).
        altman: AltmanPolicy {
            z: altman(["1.2", "1.4", "3.3", "0.6", "1.0"], "1.81", "2.99"),
            z_prime: altman(
                ["0.717", "0.847", "3.107", "0.420", "0.998"],
                "1.23",
                "2.90",
            ),
            z_double_prime: altman(["6.56", "3.26", "6.72", "1.05", "0"], "1.10", "2.60"),
            em_constant: dec("3.25"),
            em_ratings: [
                ("AAA", "8.15"),
                ("AA+", "7.60"),
                ("AA", "7.30"),
                ("AA-", "7.00"),
                ("A+", "6.85"),
                ("A", "6.65"),
                ("A-", "6.40"),
                ("BBB+", "6.25"),
                ("BBB", "5.85"),
                ("BBB-", "5.65"),
                ("BB+", "5.25"),
                ("BB", "4.95"),
                ("BB-", "4.75"),
                ("B+", "4.50"),
                ("B", "4.15"),
                ("B-", "3.75"),
                ("CCC+", "3.20"),
                ("CCC", "2.50"),
                ("CCC-", "1.75"),
            ]
            .iter()
            .map(|(rating, min)| EmRating {
                rating: (*rating).to_string(),
                min_score: dec(min),
            })
            .collect(),
        },
        // Risk class 1 (low) – 5 (high) per sector: indicative, after the sector risk
        // assessments trade-credit insurers publish (Allianz Trade, Coface): construction
        // and hospitality highest, utilities and pharmaceuticals lowest.
        industries: [
            (
                "agriculture",
                "Agriculture and food production",
                "农业与食品生产",
                3,
            ),
            ("automotive", "Automotive", "汽车", 3),
            ("chemicals", "Chemicals", "化工", 2),
            ("construction", "Construction", "建筑", 5),
            ("electronics", "Electronics and ICT", "电子与信息通信", 3),
            ("energy", "Energy", "能源", 3),
            ("hospitality", "Hotels and restaurants", "酒店与餐饮", 4),
            ("machinery", "Machinery and equipment", "机械设备", 2),
            ("metals", "Metals", "金属", 4),
            (
                "pharmaceuticals",
                "Pharmaceuticals and healthcare",
                "医药与医疗",
                1,
            ),
            ("retail", "Retail", "零售", 4),
            ("services", "Business services", "商务服务", 2),
            ("textiles", "Textiles and apparel", "纺织与服装", 4),
            ("transport", "Transport and logistics", "运输与物流", 3),
            ("utilities", "Utilities", "公用事业", 1),
            ("wholesale", "Wholesale trade", "批发贸易", 3),
        ]
        .iter()
        .map(|(code, en, zh, class)| Industry {
            code: (*code).to_string(),
            name_en: (*en).to_string(),
            name_zh: (*zh).to_string(),
            risk_class: *class,
        })
        .collect(),
        // OECD country-risk classification (0 = high-income OECD and euro area … 7):
        // indicative categories as published by the OECD Participants to the Arrangement
        // on Officially Supported Export Credits; they change several times a year, so a
        // company should keep its own policy's list current.
        countries: [
            ("AE", 2),
            ("AR", 7),
            ("AU", 0),
            ("BR", 5),
            ("CA", 0),
            ("CH", 0),
            ("CN", 2),
            ("DE", 0),
            ("ES", 0),
            ("FR", 0),
            ("GB", 0),
            ("HK", 2),
            ("ID", 3),
            ("IN", 3),
            ("IT", 0),
            ("JP", 0),
            ("KR", 0),
            ("MX", 4),
            ("MY", 2),
            ("NG", 6),
            ("NL", 0),
            ("PH", 3),
            ("PK", 7),
            ("PL", 0),
            ("RU", 7),
            ("SA", 2),
            ("SG", 0),
            ("TH", 3),
            ("TR", 5),
            ("TW", 1),
            ("US", 0),
            ("VN", 4),
            ("ZA", 4),
        ]
        .iter()
        .map(|(code, category)| Country {
            code: (*code).to_string(),
            oecd_category: *category,
        })
        .collect(),
        // Credit limits (domain.md §2). The shares of tangible net worth and of revenue
        // fall with the grade; grade 4 ("B" in the worked example of mydsomanager.com
        // online help, question 34) takes 35 % of TNW and 5 % of revenue. Working capital
        // 15 % (the common rule is 10–20 %); concentration 10 % of our own sales (the rule
        // of thumb); grades 9–10 get no open credit. Reviews: high risk monthly, medium
        // quarterly, low yearly.
        limit: LimitPolicy {
            rounding_step: dec("1000"),
            // About the same round sum in each currency as CNY 1,000.
            rounding_steps: [
                ("EUR", "100"),
                ("USD", "100"),
                ("GBP", "100"),
                ("CHF", "100"),
                ("SGD", "100"),
                ("HKD", "1000"),
                ("JPY", "10000"),
                ("KRW", "100000"),
            ]
            .iter()
            .map(|(c, s)| CurrencyStep {
                currency: (*c).to_string(),
                step: dec(s),
            })
            .collect(),
            cap_at_need: true,
            no_open_credit_from_grade: 9,
            by_grade: [
                (1, "0.5", "0.1", "20000000"),
                (2, "0.45", "0.08", "15000000"),
                (3, "0.4", "0.065", "10000000"),
                (4, "0.35", "0.05", "6000000"),
                (5, "0.3", "0.04", "3000000"),
                (6, "0.25", "0.03", "1500000"),
                (7, "0.2", "0.02", "600000"),
                (8, "0.1", "0.01", "200000"),
                (9, "0", "0", "0"),
                (10, "0", "0", "0"),
            ]
            .iter()
            .map(|(grade, tnw, revenue, ceiling)| GradeLimit {
                grade: *grade,
                net_worth_share: dec(tnw),
                revenue_share: dec(revenue),
                ceiling: dec(ceiling),
            })
            .collect(),
            working_capital_share: dec("0.15"),
            concentration_share: dec("0.1"),
            ceiling_currency: "CNY".to_string(),
            partial_prepayment_share: dec("0.5"),
            insurance_indemnity: dec("0.9"),
            approvers: [
                ("salesManager", Some("200000")),
                ("creditManager", Some("1000000")),
                ("financeDirector", Some("5000000")),
                ("board", None),
            ]
            .iter()
            .map(|(role, up_to)| Approver {
                role: (*role).to_string(),
                up_to: up_to.map(dec),
            })
            .collect(),
            review_months: ReviewMonths {
                green: 12,
                amber: 3,
                red: 1,
            },
        },
        // Late payment (domain.md §3.1). Reference rates: the ECB main refinancing rate,
        // the Bank of England base rate and China's 1-year loan prime rate, each entry the
        // rate in force from its date, as the central banks published them. They change:
        // a company keeps its policy's series current, and any call may pass its own
        // referenceRate.
        late_payment: LatePaymentPolicy {
            reference_rates: vec![
                series(
                    "ECB_MRO",
                    &[
                        ("2023-09-20", "0.045"),
                        ("2024-06-12", "0.0425"),
                        ("2024-09-18", "0.0365"),
                        ("2024-10-23", "0.034"),
                        ("2024-12-18", "0.0315"),
                        ("2025-02-05", "0.029"),
                        ("2025-03-12", "0.0265"),
                        ("2025-04-23", "0.024"),
                        ("2025-06-11", "0.0215"),
                    ],
                ),
                series(
                    "BOE_BASE",
                    &[
                        ("2023-08-03", "0.0525"),
                        ("2024-08-01", "0.05"),
                        ("2024-11-07", "0.0475"),
                        ("2025-02-06", "0.045"),
                        ("2025-05-08", "0.0425"),
                        ("2025-08-07", "0.04"),
                    ],
                ),
                series(
                    "LPR_1Y",
                    &[
                        ("2024-07-22", "0.0335"),
                        ("2024-10-21", "0.031"),
                        ("2025-05-20", "0.03"),
                    ],
                ),
            ],
            // Directive 2011/7/EU: reference + at least 8 points, EUR 40 per invoice;
            // Germany (§288 BGB) + 9, France (Code de commerce L441-10) + 10.
            eu: EuLateRule {
                margin: dec("0.08"),
                country_margins: [("DE", "0.09"), ("FR", "0.10")]
                    .iter()
                    .map(|(c, m)| CountryMargin {
                        country: (*c).to_string(),
                        margin: dec(m),
                    })
                    .collect(),
                fixed_compensation: dec("40"),
                currency: "EUR".to_string(),
            },
            // Late Payment of Commercial Debts (Interest) Act 1998: base + 8 %; £40 below
            // £1,000, £70 below £10,000, £100 from £10,000.
            uk: UkLateRule {
                margin: dec("0.08"),
                fixed_compensation: [(Some("1000"), "40"), (Some("10000"), "70"), (None, "100")]
                    .iter()
                    .map(|(below, amount)| FixedSum {
                        below: below.map(dec),
                        amount: dec(amount),
                    })
                    .collect(),
                currency: "GBP".to_string(),
            },
            // 保障中小企业款项支付条例 (2025): 0.05 % a day when no rate was agreed.
            cn: CnLateRule {
                daily_rate_without_agreement: dec("0.0005"),
            },
            // United States: contractual; 1.5 % a month is customary.
            us: UsLateRule {
                default_monthly_rate: dec("0.015"),
            },
        },
        // Trade-credit insurance (domain.md §4). Typical rates run 0.1–0.5 % of turnover
        // (Allianz Trade's rule of thumb ≈ 0.25 %, our risk class 3); the factors follow
        // the rate drivers insurers name: buyers' countries, terms length, buyer quality,
        // loss history, spread, indemnity and deductible. Calibrated so that the UK broker
        // examples (£2m at 0.35 % = £7,000; £20m at 0.20 % = £40,000) fall inside the
        // range; the tests check that. Premium taxes: UK IPT 12 %, Germany 19 %, France
        // 9 %, Italy 22.25 %, Spain 8 %, Netherlands 21 %; China 6 % VAT.
        insurance: InsurancePolicy {
            base_rate_by_risk_class: ["0.0012", "0.0018", "0.0025", "0.0035", "0.005"]
                .iter()
                .map(|r| dec(r))
                .collect(),
            country_factors: ["1", "1.1", "1.2", "1.35", "1.5", "1.7", "2", "2.5"]
                .iter()
                .map(|r| dec(r))
                .collect(),
            terms_factors: factor_bands(&[
                (Some("31"), "0.9"),
                (Some("61"), "1"),
                (Some("91"), "1.15"),
                (Some("121"), "1.3"),
                (None, "1.5"),
            ]),
            buyer_quality_factors: factor_bands(&[
                (Some("3.5"), "0.85"),
                (Some("5.5"), "1"),
                (Some("7.5"), "1.2"),
                (None, "1.5"),
            ]),
            loss_history_factors: factor_bands(&[
                (Some("0.0005"), "0.85"),
                (Some("0.002"), "1"),
                (Some("0.005"), "1.25"),
                (Some("0.01"), "1.6"),
                (None, "2.2"),
            ]),
            spread_factors: factor_bands(&[
                (Some("6"), "1.4"),
                (Some("21"), "1.15"),
                (Some("101"), "1"),
                (Some("501"), "0.9"),
                (None, "0.85"),
            ]),
            indemnity_factors: factor_bands(&[
                (Some("0.65"), "0.75"),
                (Some("0.75"), "0.82"),
                (Some("0.825"), "0.9"),
                (Some("0.875"), "0.95"),
                (Some("0.925"), "1"),
                (None, "1.08"),
            ]),
            first_loss_factors: factor_bands(&[
                (Some("0.001"), "1"),
                (Some("0.0025"), "0.95"),
                (Some("0.005"), "0.9"),
                (None, "0.82"),
            ]),
            range_share: dec("0.25"),
            default_indemnity: dec("0.9"),
            default_max_liability_multiple: dec("30"),
            minimum_premiums: currency_amounts(&[
                ("EUR", "1500"),
                ("GBP", "1300"),
                ("USD", "1500"),
                ("CNY", "10000"),
                ("HKD", "12000"),
                ("SGD", "2000"),
                ("CHF", "1500"),
                ("JPY", "200000"),
            ]),
            named_buyer_fees: currency_amounts(&[
                ("EUR", "100"),
                ("GBP", "90"),
                ("USD", "100"),
                ("CNY", "700"),
                ("HKD", "800"),
                ("SGD", "130"),
                ("CHF", "100"),
                ("JPY", "15000"),
            ]),
            premium_taxes: [
                ("GB", "0.12"),
                ("DE", "0.19"),
                ("FR", "0.09"),
                ("IT", "0.2225"),
                ("ES", "0.08"),
                ("NL", "0.21"),
                ("CN", "0.06"),
                ("US", "0"),
                ("SG", "0.09"),
                ("HK", "0"),
            ]
            .iter()
            .map(|(c, r)| CountryRate {
                country: (*c).to_string(),
                rate: dec(r),
            })
            .collect(),
        },
        overdue: overdue(),
    }
}

fn overdue() -> OverduePolicy {
    OverduePolicy {
        // A common B2B dunning ladder (seed texts: friendly reminder, formal letter, legal
        // action or agency): +3 reminder, +15 formal letter, +30 final notice claiming the
        // statutory interest and compensation, +45 stop further credit, +60 agency or court.
        ladder: [
            (3, "reminder"),
            (15, "formalLetter"),
            (30, "finalNotice"),
            (45, "stopCredit"),
            (60, "agencyOrLegal"),
        ]
        .iter()
        .map(|(days, action)| DunningStep {
            days: *days,
            action: (*action).to_string(),
        })
        .collect(),
        // Indicative recovery: collection agencies typically charge 15–25 % of what they
        // recover; court action takes about a year and costs fees on top; a restructuring
        // plan agreed with a customer in temporary difficulty recovers most of the debt.
        routes: [
            ("keepDunning", "0.6", 3, "0.01", "0"),
            ("restructuring", "0.85", 6, "0", "0"),
            ("agency", "0.55", 4, "0.2", "0"),
            ("legal", "0.65", 12, "0.05", "5000"),
            ("writeOff", "0", 0, "0", "0"),
        ]
        .iter()
        .map(|(route, recovery, months, share, fixed)| RecoveryRoute {
            route: (*route).to_string(),
            recovery: dec(recovery),
            months: *months,
            cost_share: dec(share),
            fixed_cost: dec(fixed),
        })
        .collect(),
    }
}

fn factor_bands(pairs: &[(Option<&str>, &str)]) -> Vec<FactorBand> {
    pairs
        .iter()
        .map(|(below, factor)| FactorBand {
            below: below.map(dec),
            factor: dec(factor),
        })
        .collect()
}

fn currency_amounts(pairs: &[(&str, &str)]) -> Vec<CurrencyAmount> {
    pairs
        .iter()
        .map(|(c, a)| CurrencyAmount {
            currency: (*c).to_string(),
            amount: dec(a),
        })
        .collect()
}

fn series(code: &str, entries: &[(&str, &str)]) -> RateSeries {
    RateSeries {
        code: code.to_string(),
        entries: entries
            .iter()
            .filter_map(|(from, rate)| {
                Some(DatedRate {
                    from: crate::calendar::parse_date(from)?,
                    rate: dec(rate),
                })
            })
            .collect(),
    }
}
