//! Credit-limit recommendation (`../shared/domain.md` §2): every method computed and
//! explained, the most restrictive applicable one binding, rounded down to the policy's
//! step; no open credit past the policy's grade cut-off, with the mitigations that would
//! still allow the business; headroom against the current exposure, the decision on a
//! requested amount by the authority ladder, and the next review date.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{add_months, format_date};
use crate::error::{code, Problem, Problems};
use crate::money::{round_fixed, round_to, Exact, RoundingMode};
use crate::policy::{Policy, RiskBand};
use crate::score::{self, Text};
use crate::value::{object, out_of_range, Obj, Value};

/// What the limit needs to know of the customer's score.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreFacts {
    pub grade: u32,
    pub tangible_net_worth: Option<Decimal>,
    pub working_capital: Option<Decimal>,
    pub revenue: Option<Decimal>,
    pub days_beyond_terms: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LimitInput {
    pub as_of: NaiveDate,
    pub currency: Option<String>,
    pub score: ScoreFacts,
    pub annual_sales: Option<Decimal>,
    pub terms_days: u32,
    pub days_beyond_terms: Option<Decimal>,
    pub open_receivables: Decimal,
    pub open_orders: Decimal,
    pub requested_amount: Option<Decimal>,
    pub our_annual_sales: Option<Decimal>,
    pub tangible_net_worth: Option<Decimal>,
    pub working_capital: Option<Decimal>,
    pub customer_revenue: Option<Decimal>,
    pub insurer_approved_limit: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Method {
    /// need, netWorth, revenue, workingCapital, concentration, ceiling, insuredExtension.
    pub method: &'static str,
    /// The cap this method sets; null when it does not apply.
    pub value: Option<Decimal>,
    pub applicable: bool,
    /// Why it does not apply: NO_DATA, CURRENCY_MISMATCH, NOT_INSURED.
    pub skipped: Option<&'static str>,
    /// The figure it starts from (sales, TNW, revenue …) and the share taken of it.
    pub basis: Option<Decimal>,
    pub share: Option<Decimal>,
    pub explanation: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Mitigation {
    /// prepayment, partialPrepayment, bankGuarantee, letterOfCredit, creditInsurance.
    pub kind: &'static str,
    /// Share of the amount it secures.
    pub share: Decimal,
    /// The amount it secures, and what stays at risk with it.
    pub covers: Decimal,
    pub retained: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestDecision {
    pub amount: Decimal,
    /// approve, approveInPart, refer, decline.
    pub decision: &'static str,
    pub approved_amount: Decimal,
    /// The approver whose authority covers the exposure with the request (for `refer`).
    pub refer_to: Option<String>,
    pub reason: &'static str,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exposure {
    pub open_receivables: Decimal,
    pub open_orders: Decimal,
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitResult {
    pub policy_version: String,
    pub as_of: String,
    pub currency: Option<String>,
    pub grade: u32,
    pub band: RiskBand,
    pub methods: Vec<Method>,
    pub recommended: Decimal,
    /// The method that set the recommendation (`gradeCutOff` past the cut-off grade).
    pub binding_method: &'static str,
    /// The binding cap before rounding down to `roundingStep`.
    pub unrounded: Decimal,
    pub rounding_step: Decimal,
    pub no_open_credit: bool,
    /// The amount the mitigations are worked out for: what is wanted beyond the headroom.
    pub uncovered: Decimal,
    pub mitigations: Vec<Mitigation>,
    pub exposure: Exposure,
    /// recommended − exposure; negative when the customer is over the limit.
    pub headroom: Decimal,
    pub over_limit: bool,
    pub request: Option<RequestDecision>,
    pub review_months: u32,
    pub next_review: String,
    pub assumptions: Vec<&'static str>,
}

const FIELDS: [&str; 17] = [
    "asOf",
    "currency",
    "score",
    "customer",
    "expectedAnnualSales",
    "expectedMonthlySales",
    "termsDays",
    "expectedDaysBeyondTerms",
    "openReceivables",
    "openOrders",
    "requestedAmount",
    "ourAnnualSales",
    "tangibleNetWorth",
    "workingCapital",
    "customerRevenue",
    "insurerApprovedLimit",
    "name",
];

fn amount(o: &Obj, key: &str, signed: bool, ps: &mut Problems) -> Option<Decimal> {
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let lo = if signed { -limit } else { Decimal::ZERO };
    let d = o.decimal(key, ps)?;
    if d < lo || d > limit {
        ps.push(out_of_range(&o.path(key), Some(lo), Some(limit)));
        return None;
    }
    Some(d)
}

/// A score result as `scoreCustomer` returns it: only the grade is required; the rest
/// gives defaults for the financial caps and the expected lateness.
fn read_score_facts(o: &Obj, policy: &Policy, ps: &mut Problems) -> Option<ScoreFacts> {
    let grades = i64::try_from(policy.grades.len()).unwrap_or(i64::MAX);
    let grade = o.required("grade", ps, |o, k, p| o.integer_in(k, 1, grades, p))?;
    let mut ignore = Problems::new(); // the rest of a result is read leniently
    let analysis = o.object("financialAnalysis", &mut ignore);
    let ratio = |name: &str| -> Option<Decimal> {
        let mut sink = Problems::new();
        analysis
            .as_ref()?
            .object("ratios", &mut sink)?
            .object(name, &mut sink)?
            .decimal("value", &mut sink)
    };
    let revenue = analysis
        .as_ref()
        .and_then(|a| a.decimal("revenue", &mut ignore));
    let dbt = o
        .object("paymentIndex", &mut ignore)
        .and_then(|p| p.decimal("weightedDaysBeyondTerms", &mut ignore));
    Some(ScoreFacts {
        grade: u32::try_from(grade).unwrap_or(u32::MAX),
        tangible_net_worth: ratio("tangibleNetWorth"),
        working_capital: ratio("workingCapital"),
        revenue,
        days_beyond_terms: dbt,
    })
}

impl ScoreFacts {
    pub fn from_result(r: &score::ScoreResult) -> Self {
        ScoreFacts {
            grade: r.grade,
            tangible_net_worth: r
                .financial_analysis
                .as_ref()
                .and_then(|a| a.ratios.tangible_net_worth.value),
            working_capital: r
                .financial_analysis
                .as_ref()
                .and_then(|a| a.ratios.working_capital.value),
            revenue: r.financial_analysis.as_ref().and_then(|a| a.revenue),
            days_beyond_terms: r
                .payment_index
                .as_ref()
                .and_then(|p| p.weighted_days_beyond_terms),
        }
    }
}

pub fn read_input(value: &Value, policy: &Policy) -> Result<LimitInput, Problems> {
    read_input_given(value, policy, None)
}

/// Reads the input; `given` replaces the `score` / `customer` fields (the deal check has
/// scored the customer already).
pub fn read_input_given(
    value: &Value,
    policy: &Policy,
    given: Option<ScoreFacts>,
) -> Result<LimitInput, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(&FIELDS, &mut ps);
    let _ = o.string("name", &mut ps);
    let as_of = o.required("asOf", &mut ps, |o, k, p| o.date(k, p));
    let currency = crate::money::read_currency(&o, &mut ps, Some(policy));
    // The score: a result passed back, or the customer scored on the way.
    let facts = match (given, o.object("score", &mut ps), o.get("customer")) {
        (Some(g), _, _) => Some(g),
        (None, s, c) => match (s, c) {
            (Some(s), _) => read_score_facts(&s, policy, &mut ps),
            // Scored under this call's policy, exactly as scoreCustomer would.
            (None, Some(customer)) => match score::read_input(customer, policy) {
                Ok(input) => match score::score(&input, policy) {
                    Ok(r) => Some(ScoreFacts {
                        grade: r.grade,
                        tangible_net_worth: r
                            .financial_analysis
                            .as_ref()
                            .and_then(|a| a.ratios.tangible_net_worth.value),
                        working_capital: r
                            .financial_analysis
                            .as_ref()
                            .and_then(|a| a.ratios.working_capital.value),
                        revenue: r.financial_analysis.as_ref().and_then(|a| a.revenue),
                        days_beyond_terms: r
                            .payment_index
                            .as_ref()
                            .and_then(|p| p.weighted_days_beyond_terms),
                    }),
                    Err(p) => {
                        ps.push(p.under("customer"));
                        None
                    }
                },
                Err(problems) => {
                    ps.extend(problems.into_iter().map(|p| p.under("customer")));
                    None
                }
            },
            (None, None) => {
                if o.get("score").is_none() {
                    ps.push(Problem::new(
                        code::REQUIRED,
                        "score",
                        "a score result (or the customer to score) is required",
                    ));
                }
                None
            }
        },
    };
    let annual = amount(&o, "expectedAnnualSales", false, &mut ps);
    let monthly = amount(&o, "expectedMonthlySales", false, &mut ps);
    if annual.is_some() && monthly.is_some() {
        ps.push(Problem::new(
            code::UNKNOWN_FIELD,
            o.path("expectedMonthlySales"),
            "give annual or monthly sales, not both",
        ));
    }
    let annual_sales = annual.or_else(|| monthly.and_then(|m| m.times(Decimal::from(12))));
    let max_days = policy.terms.max_term_days;
    let terms_days = o.required("termsDays", &mut ps, |o, k, p| {
        o.integer_in(k, 0, max_days, p)
    });
    let dbt = o.decimal_in(
        "expectedDaysBeyondTerms",
        Decimal::ZERO,
        Decimal::from(max_days),
        &mut ps,
    );
    let open_receivables = amount(&o, "openReceivables", false, &mut ps);
    let open_orders = amount(&o, "openOrders", false, &mut ps);
    let requested = amount(&o, "requestedAmount", false, &mut ps);
    let ours = amount(&o, "ourAnnualSales", false, &mut ps);
    let tnw = amount(&o, "tangibleNetWorth", true, &mut ps);
    let wc = amount(&o, "workingCapital", true, &mut ps);
    let revenue = amount(&o, "customerRevenue", false, &mut ps);
    let insured = amount(&o, "insurerApprovedLimit", false, &mut ps);
    match (as_of, facts, terms_days, ps.is_empty()) {
        (Some(as_of), Some(score), Some(terms), true) => Ok(LimitInput {
            as_of,
            currency,
            score,
            annual_sales,
            terms_days: u32::try_from(terms).unwrap_or(0),
            days_beyond_terms: dbt,
            open_receivables: open_receivables.unwrap_or_default(),
            open_orders: open_orders.unwrap_or_default(),
            requested_amount: requested,
            our_annual_sales: ours,
            tangible_net_worth: tnw,
            working_capital: wc,
            customer_revenue: revenue,
            insurer_approved_limit: insured,
        }),
        _ => Err(ps),
    }
}

fn show(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
}

fn pct(d: Decimal) -> String {
    show(d.times(Decimal::ONE_HUNDRED).unwrap_or(d))
}

fn text(en: String, zh: String) -> Text {
    Text { en, zh_cn: zh }
}

/// Rounded down (toward zero) to a multiple of `step`, never below zero.
fn round_down(value: Decimal, step: Decimal) -> Option<Decimal> {
    if value <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    let steps = value.over(step)?.trunc();
    steps
        .times(step)
        .map(|d| round_to(d, 6, RoundingMode::TowardZero).normalize())
}

pub fn recommend(input: &LimitInput, policy: &Policy) -> Result<LimitResult, Problem> {
    let lp = &policy.limit;
    let overflow = || Problem::overflow("");
    let mode = policy.rounding.mode;
    let minor = policy.minor_units(input.currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);
    let grade = policy
        .grades
        .iter()
        .find(|g| g.grade == input.score.grade)
        .ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "score.grade",
                "is not a grade of the policy",
            )
        })?;
    let by_grade = lp
        .by_grade
        .iter()
        .find(|g| g.grade == grade.grade)
        .ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "policy.limit.byGrade",
                "has no entry for the grade",
            )
        })?;
    let mut assumptions = Vec::new();

    // Need (proportionality, Atradius): sales × (terms + days beyond terms) / 365 + open orders.
    let dbt = match (input.days_beyond_terms, input.score.days_beyond_terms) {
        (Some(d), _) => d,
        (None, Some(d)) => {
            assumptions.push("DAYS_BEYOND_TERMS_FROM_PAYMENT_INDEX");
            d.max(Decimal::ZERO)
        }
        (None, None) => {
            assumptions.push("NO_DAYS_BEYOND_TERMS");
            Decimal::ZERO
        }
    };
    let days = Decimal::from(input.terms_days)
        .plus(dbt)
        .ok_or_else(overflow)?;
    let need = match input.annual_sales {
        Some(sales) => Some(money(
            sales
                .times(days)
                .and_then(|x| x.over(Decimal::from(365)))
                .and_then(|x| x.plus(input.open_orders))
                .ok_or_else(overflow)?,
        )),
        None => None,
    };
    let mut methods = vec![Method {
        method: "need",
        value: need,
        applicable: need.is_some(),
        skipped: need.is_none().then_some("NO_DATA"),
        basis: input.annual_sales,
        share: None,
        explanation: match input.annual_sales {
            Some(s) => text(
                format!("Sales of {} a year × ({} days of terms + {} days late) / 365 + {} of open orders", show(s), input.terms_days, show(dbt), show(input.open_orders)),
                format!("年销售额 {} ×（信用期 {} 天 + 逾期 {} 天）/ 365 + 未完成订单 {}", show(s), input.terms_days, show(dbt), show(input.open_orders)),
            ),
            None => text("No expected sales given".into(), "未提供预计销售额".into()),
        },
    }];

    let share_of = |method: &'static str,
                    basis: Option<Decimal>,
                    share: Decimal,
                    en: &str,
                    en_missing: &str,
                    zh: &str|
     -> Result<Method, Problem> {
        Ok(match basis {
            Some(b) => {
                let v = money(b.max(Decimal::ZERO).times(share).ok_or_else(overflow)?);
                Method {
                    method,
                    value: Some(v),
                    applicable: true,
                    skipped: None,
                    basis: Some(b),
                    share: Some(share),
                    explanation: text(
                        format!("{}% of {en} {}", pct(share), show(b)),
                        format!("{zh} {} 的 {}%", show(b), pct(share)),
                    ),
                }
            }
            None => Method {
                method,
                value: None,
                applicable: false,
                skipped: Some("NO_DATA"),
                basis: None,
                share: Some(share),
                explanation: text(en_missing.to_string(), format!("{zh}未知")),
            },
        })
    };
    let tnw = input.tangible_net_worth.or(input.score.tangible_net_worth);
    let wc = input.working_capital.or(input.score.working_capital);
    let revenue = input.customer_revenue.or(input.score.revenue);
    methods.push(share_of(
        "netWorth",
        tnw,
        by_grade.net_worth_share,
        "tangible net worth",
        "Tangible net worth not known",
        "有形净资产",
    )?);
    methods.push(share_of(
        "revenue",
        revenue,
        by_grade.revenue_share,
        "the customer's revenue",
        "The customer's revenue not known",
        "客户营业收入",
    )?);
    methods.push(share_of(
        "workingCapital",
        wc,
        lp.working_capital_share,
        "working capital",
        "Working capital not known",
        "营运资金",
    )?);
    methods.push(share_of(
        "concentration",
        input.our_annual_sales,
        lp.concentration_share,
        "our own annual sales",
        "Our own annual sales not given",
        "我方年销售额",
    )?);

    // The policy ceiling, in the policy's currency; an insurer-approved limit extends it.
    let same_currency = input
        .currency
        .as_deref()
        .is_none_or(|c| c == lp.ceiling_currency);
    let ceiling = same_currency.then_some(money(by_grade.ceiling));
    methods.push(Method {
        method: "ceiling",
        value: ceiling,
        applicable: ceiling.is_some(),
        skipped: (!same_currency).then_some("CURRENCY_MISMATCH"),
        basis: Some(by_grade.ceiling),
        share: None,
        explanation: text(
            format!(
                "The policy's ceiling for grade {} is {} {}",
                grade.grade,
                show(by_grade.ceiling),
                lp.ceiling_currency
            ),
            format!(
                "政策对 {} 级客户的上限为 {} {}",
                grade.grade,
                show(by_grade.ceiling),
                lp.ceiling_currency
            ),
        ),
    });
    methods.push(Method {
        method: "insuredExtension",
        value: input.insurer_approved_limit.map(money),
        applicable: input.insurer_approved_limit.is_some(),
        skipped: input
            .insurer_approved_limit
            .is_none()
            .then_some("NOT_INSURED"),
        basis: input.insurer_approved_limit,
        share: None,
        explanation: match input.insurer_approved_limit {
            Some(l) => text(
                format!("The insurer approved {}: the ceiling rises to it", show(l)),
                format!("保险公司核准限额 {}：上限可提高至该金额", show(l)),
            ),
            None => text(
                "No insurer-approved limit".into(),
                "无保险公司核准限额".into(),
            ),
        },
    });

    // The most restrictive applicable cap binds; the ceiling counts as raised by the
    // insured limit; the need caps it unless the policy says otherwise.
    let effective_ceiling = match (ceiling, input.insurer_approved_limit) {
        (Some(c), Some(i)) => Some(c.max(i)),
        (c, i) => c.or(i),
    };
    let mut caps: Vec<(&'static str, Decimal)> = Vec::new();
    for m in &methods {
        let counts = match m.method {
            "ceiling" | "insuredExtension" => false,
            "need" => lp.cap_at_need,
            _ => true,
        };
        if let (true, Some(v)) = (counts, m.value) {
            caps.push((m.method, v));
        }
    }
    if let Some(c) = effective_ceiling {
        let which = if ceiling.is_some_and(|c0| c0 >= c) || input.insurer_approved_limit.is_none() {
            "ceiling"
        } else {
            "insuredExtension"
        };
        caps.push((which, c));
    }
    let no_open_credit = grade.grade >= lp.no_open_credit_from_grade;
    let (binding, unrounded) = if no_open_credit {
        ("gradeCutOff", Decimal::ZERO)
    } else {
        caps.iter()
            .min_by_key(|(_, v)| *v)
            .map_or(("none", Decimal::ZERO), |(m, v)| (*m, *v))
    };
    if binding == "none" {
        assumptions.push("NO_CAP_APPLIES");
    }
    // The step of the currency: the policy's ceiling currency (or none given), a listed
    // one, else the minor unit.
    let step = match input.currency.as_deref() {
        None => lp.rounding_step,
        Some(c) if c == lp.ceiling_currency => lp.rounding_step,
        Some(c) => lp
            .rounding_steps
            .iter()
            .find(|s| s.currency == c)
            .map_or_else(|| Decimal::new(1, minor), |s| s.step),
    };
    if !same_currency && input.requested_amount.is_some() {
        assumptions.push("APPROVERS_IN_ANOTHER_CURRENCY");
    }
    let recommended = money(round_down(unrounded, step).ok_or_else(overflow)?);

    let total_exposure = input
        .open_receivables
        .plus(input.open_orders)
        .ok_or_else(overflow)?;
    let headroom = money(recommended.minus(total_exposure).ok_or_else(overflow)?);

    // What is wanted beyond the headroom: the request, else the need beyond exposure.
    let wanted = input
        .requested_amount
        .or_else(|| {
            need.and_then(|n| n.minus(total_exposure))
                .map(|x| x.max(Decimal::ZERO))
        })
        .unwrap_or_default();
    let uncovered = money(
        wanted
            .minus(headroom.max(Decimal::ZERO))
            .ok_or_else(overflow)?
            .max(Decimal::ZERO),
    );
    let mitigations = if uncovered > Decimal::ZERO {
        let share = |s: Decimal| -> Result<Mitigation, Problem> {
            let covers = money(uncovered.times(s).ok_or_else(overflow)?);
            Ok(Mitigation {
                kind: "",
                share: s,
                covers,
                retained: money(uncovered.minus(covers).ok_or_else(overflow)?),
            })
        };
        let mut list = Vec::new();
        for (kind, s) in [
            ("prepayment", Decimal::ONE),
            ("partialPrepayment", lp.partial_prepayment_share),
            ("bankGuarantee", Decimal::ONE),
            ("letterOfCredit", Decimal::ONE),
            ("creditInsurance", lp.insurance_indemnity),
        ] {
            let mut m = share(s)?;
            m.kind = kind;
            list.push(m);
        }
        list
    } else {
        Vec::new()
    };

    let request = match input.requested_amount {
        None => None,
        Some(amount) => Some(
            decide(
                amount,
                headroom,
                total_exposure,
                no_open_credit,
                input,
                policy,
            )
            .ok_or_else(overflow)?,
        ),
    };
    let review_months = match grade.band {
        RiskBand::Green => lp.review_months.green,
        RiskBand::Amber => lp.review_months.amber,
        RiskBand::Red => lp.review_months.red,
    };
    let next_review = add_months(input.as_of, review_months)
        .map(format_date)
        .ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "asOf",
                "the review date would fall after 9999-12-31",
            )
        })?;

    Ok(LimitResult {
        policy_version: policy.version.clone(),
        as_of: format_date(input.as_of),
        currency: input.currency.clone(),
        grade: grade.grade,
        band: grade.band,
        methods,
        recommended,
        binding_method: binding,
        unrounded: money(unrounded),
        rounding_step: step,
        no_open_credit,
        uncovered,
        mitigations,
        exposure: Exposure {
            open_receivables: money(input.open_receivables),
            open_orders: money(input.open_orders),
            total: money(total_exposure),
        },
        headroom,
        over_limit: headroom < Decimal::ZERO,
        request,
        review_months,
        next_review,
        assumptions,
    })
}

/// Approve within the headroom; beyond it, refer to the approver whose authority covers
/// the whole exposure with the request (approving the headroom meanwhile); past the
/// grade cut-off, decline.
fn decide(
    amount: Decimal,
    headroom: Decimal,
    exposure: Decimal,
    no_open_credit: bool,
    input: &LimitInput,
    policy: &Policy,
) -> Option<RequestDecision> {
    let lp = &policy.limit;
    let minor = policy.minor_units(input.currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, policy.rounding.mode);
    let same_currency = input
        .currency
        .as_deref()
        .is_none_or(|c| c == lp.ceiling_currency);
    let total = exposure.plus(amount)?;
    let approver = if same_currency {
        lp.approvers
            .iter()
            .find(|a| a.up_to.is_none_or(|u| total <= u))
    } else {
        lp.approvers.last()
    };
    let part = headroom.max(Decimal::ZERO).min(amount);
    let (decision, approved, refer_to, reason, t) = if no_open_credit {
        ("decline", Decimal::ZERO, None, "GRADE_CUT_OFF", text(
            "Decline open credit: the grade is past the policy's cut-off; offer the mitigations".into(),
            "拒绝赊销：客户等级低于政策下限，可提供风险缓释方案".into(),
        ))
    } else if amount <= headroom {
        (
            "approve",
            amount,
            None,
            "WITHIN_LIMIT",
            text(
                format!(
                    "Approve: {} is within the headroom of {}",
                    show(amount),
                    show(headroom)
                ),
                format!("批准：{} 在可用额度 {} 之内", show(amount), show(headroom)),
            ),
        )
    } else if let Some(a) = approver {
        let (en, zh) = role_names(&a.role);
        (
            "refer",
            part,
            Some(a.role.clone()),
            "ABOVE_LIMIT",
            text(
                format!(
                    "Approve {} now and refer the rest to the {en} (total exposure would be {})",
                    show(part),
                    show(total)
                ),
                format!(
                    "先批准 {}，其余提交{zh}审批（总敞口将为 {}）",
                    show(part),
                    show(total)
                ),
            ),
        )
    } else if part > Decimal::ZERO {
        (
            "approveInPart",
            part,
            None,
            "ABOVE_LIMIT",
            text(
                format!(
                    "Approve {} of {}; decline the rest",
                    show(part),
                    show(amount)
                ),
                format!("批准 {}（申请 {}），其余拒绝", show(part), show(amount)),
            ),
        )
    } else {
        (
            "decline",
            Decimal::ZERO,
            None,
            "NO_HEADROOM",
            text(
                "Decline: no headroom left".into(),
                "拒绝：已无可用额度".into(),
            ),
        )
    };
    Some(RequestDecision {
        amount: money(amount),
        decision,
        approved_amount: money(approved),
        refer_to,
        reason,
        text: t,
    })
}

/// The roles of our default approval ladder in words; a company's own roles as given.
fn role_names(role: &str) -> (String, String) {
    let (en, zh) = match role {
        "salesManager" => ("sales manager", "销售经理"),
        "creditManager" => ("credit manager", "信用经理"),
        "financeDirector" => ("finance director", "财务总监"),
        "board" => ("board", "董事会"),
        other => (other, other),
    };
    (en.to_string(), zh.to_string())
}

/// The whole `recommendLimit(input, policy?)` export.
pub fn run(input: &Value, policy: Option<&Value>) -> Result<LimitResult, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let input = read_input(input, &policy)?;
    recommend(&input, &policy).map_err(|p| vec![p])
}
