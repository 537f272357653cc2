//! The customer credit score (`../shared/domain.md` §1): every factor of the policy's
//! scorecard read from what is known of the customer, points from the factor's bands,
//! weights shared out over the factors with data (or missing ones scored neutral, as the
//! policy says), a 0–100 score, the grade by the policy's cut-offs with its 12-month PD,
//! the risk band and decision, the confidence, the reasons ranked by points lost, and the
//! smallest single change that would lift the customer one grade.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::years_between;
use crate::error::{code, Problem, Problems};
use crate::financial::{self, FinancialAnalysis, ModelChoice};
use crate::legal::{self, LegalSummary};
use crate::money::{round_fixed, round_rate, Exact};
use crate::payments::{self, PaymentIndex};
use crate::policy::{Band, Decision, Direction, FactorCode, Grade, MissingData, Policy, RiskBand};
use crate::value::{object, Obj, Value};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    pub name: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub employees: Option<u32>,
    pub industry: Option<String>,
    pub country: Option<String>,
    pub listed: Option<bool>,
    pub manufacturer: Option<bool>,
    pub bureau: Option<BureauScore>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BureauScore {
    pub score: Decimal,
    pub min: Decimal,
    pub max: Decimal,
    pub higher_is_better: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreInput {
    pub as_of: NaiveDate,
    pub profile: Option<Profile>,
    pub financials: Vec<financial::Period>,
    pub payments: Option<payments::Payments>,
    pub legal: Option<Vec<legal::LegalEvent>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorResult {
    pub code: FactorCode,
    /// `financials`, `payments`, `legal` or `profile`.
    pub group: &'static str,
    /// The figure the factor reads (a ratio, an index, years …); null when unknown.
    pub value: Option<Decimal>,
    pub available: bool,
    /// Points 0–100 from the factor's bands (the neutral points for a missing factor
    /// under the `neutral` rule).
    pub points: Option<Decimal>,
    /// The policy's weight, and the weight it carried after missing factors were shared out.
    pub weight: Decimal,
    pub effective_weight: Decimal,
    /// effectiveWeight × points / 100: its share of the score.
    pub contribution: Decimal,
    /// effectiveWeight − contribution.
    pub points_lost: Decimal,
    pub band_index: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Text {
    pub en: String,
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub code: &'static str,
    pub factor: Option<FactorCode>,
    pub value: Option<Decimal>,
    pub points_lost: Decimal,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NextGrade {
    pub factor: FactorCode,
    pub current_value: Option<Decimal>,
    /// The value to reach: at least it (`atLeast`) or under it (`below`).
    pub target_value: Decimal,
    pub comparator: &'static str,
    pub new_score: Decimal,
    pub new_grade: u32,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Confidence {
    /// Share of the scorecard's weight backed by data, 0–1.
    pub value: Decimal,
    /// `high`, `medium` or `low`.
    pub level: &'static str,
    pub missing: Vec<FactorCode>,
    /// INSUFFICIENT_PAYMENT_HISTORY, NO_DATA, PAYMENT_SUMMARY_ONLY.
    pub notes: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFacts {
    pub name: Option<String>,
    pub business_age_years: Option<Decimal>,
    pub employees: Option<u32>,
    pub industry: Option<String>,
    pub industry_risk_class: Option<u32>,
    pub country: Option<String>,
    pub oecd_category: Option<u32>,
    pub listed: Option<bool>,
    pub manufacturer: Option<bool>,
    pub bureau_score_normalized: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreResult {
    pub policy_version: String,
    pub as_of: String,
    pub score: Decimal,
    pub grade: u32,
    pub pd: Decimal,
    pub band: RiskBand,
    pub decision: Decision,
    /// INSOLVENCY_FILING when a knockout rule overrode the score's grade.
    pub knockout: Option<&'static str>,
    pub confidence: Confidence,
    pub factors: Vec<FactorResult>,
    pub reasons: Vec<Reason>,
    pub to_next_grade: Option<NextGrade>,
    pub profile: ProfileFacts,
    pub financial_analysis: Option<FinancialAnalysis>,
    pub payment_index: Option<PaymentIndex>,
    pub legal: Option<LegalSummary>,
}

const FIELDS: [&str; 6] = [
    "asOf",
    "customer",
    "profile",
    "financials",
    "payments",
    "legal",
];
const PROFILE_FIELDS: [&str; 9] = [
    "name",
    "foundedOn",
    "employees",
    "industry",
    "country",
    "listed",
    "manufacturer",
    "bureauScore",
    "reference",
];

fn read_profile(o: &Obj, as_of: Option<NaiveDate>, policy: &Policy, ps: &mut Problems) -> Profile {
    o.reject_unknown(&PROFILE_FIELDS, ps);
    let founded_on = o.date("foundedOn", ps);
    if let (Some(f), Some(a)) = (founded_on, as_of) {
        if f > a {
            ps.push(Problem::new(
                code::AFTER_AS_OF,
                o.path("foundedOn"),
                "must not be after asOf",
            ));
        }
    }
    let industries: Vec<&str> = policy.industries.iter().map(|i| i.code.as_str()).collect();
    let countries: Vec<&str> = policy.countries.iter().map(|c| c.code.as_str()).collect();
    let pick = |key: &str, list: &[&str], ps: &mut Problems| -> Option<String> {
        let text = o.string(key, ps)?;
        if list.contains(&text) {
            Some(text.to_string())
        } else {
            ps.push(
                Problem::new(
                    code::NOT_ONE_OF,
                    o.path(key),
                    format!("is not in the policy's list of {key} codes"),
                )
                .with_allowed(list),
            );
            None
        }
    };
    let industry = pick("industry", &industries, ps);
    let country = pick("country", &countries, ps);
    let bureau = o.object("bureauScore", ps).and_then(|b| {
        b.reject_unknown(&["score", "min", "max", "higherIsBetter"], ps);
        let big = Decimal::from(1_000_000_000);
        let score = b.required("score", ps, |o, k, p| o.decimal_in(k, -big, big, p));
        let min = b.required("min", ps, |o, k, p| o.decimal_in(k, -big, big, p));
        let max = b.required("max", ps, |o, k, p| o.decimal_in(k, -big, big, p));
        let higher = b.boolean("higherIsBetter", ps).unwrap_or(true);
        let (score, min, max) = (score?, min?, max?);
        if max <= min {
            ps.push(Problem::new(
                code::UNORDERED,
                b.path("max"),
                "must be above min",
            ));
            return None;
        }
        if score < min || score > max {
            ps.push(crate::value::out_of_range(
                &b.path("score"),
                Some(min),
                Some(max),
            ));
            return None;
        }
        Some(BureauScore {
            score,
            min,
            max,
            higher_is_better: higher,
        })
    });
    let _ = o.string("reference", ps);
    Profile {
        name: o.string("name", ps).map(str::to_string),
        founded_on,
        employees: o
            .integer_in("employees", 0, 100_000_000, ps)
            .map(|e| e as u32),
        industry,
        country,
        listed: o.boolean("listed", ps),
        manufacturer: o.boolean("manufacturer", ps),
        bureau,
    }
}

/// Reads and checks the whole input, reporting every bad field.
pub fn read_input(value: &Value, policy: &Policy) -> Result<ScoreInput, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(&FIELDS, &mut ps);
    let as_of = o.required("asOf", &mut ps, |o, k, p| o.date(k, p));
    let mut profile = o
        .object("profile", &mut ps)
        .map(|p| read_profile(&p, as_of, policy, &mut ps));
    if let Some(c) = o.object("customer", &mut ps) {
        // `customer: { name }` is accepted as a shorthand for `profile.name`.
        c.reject_unknown(&["name", "reference"], &mut ps);
        let name = c.string("name", &mut ps).map(str::to_string);
        let _ = c.string("reference", &mut ps);
        if name.is_some() {
            profile.get_or_insert_with(Profile::default).name = name;
        }
    }
    let financials = o
        .get("financials")
        .map(|v| financial::read_financials(v, "financials", as_of, &mut ps))
        .unwrap_or_default();
    let payments = o
        .get("payments")
        .and_then(|v| payments::read_payments(v, "payments", as_of, &mut ps));
    let legal = o
        .get("legal")
        .and_then(|v| legal::read_legal(v, "legal", as_of, policy, &mut ps));
    match (as_of, ps.is_empty()) {
        (Some(as_of), true) => Ok(ScoreInput {
            as_of,
            profile,
            financials,
            payments,
            legal,
        }),
        _ => Err(ps),
    }
}

/// A factor as read: code, policy weight, value, and (band index, points) when known.
type RawFactor = (
    FactorCode,
    Decimal,
    Option<Decimal>,
    Option<(usize, Decimal)>,
);

/// Points for `value` on `bands`, with the band's index.
fn points_for(value: Decimal, bands: &[Band]) -> Option<(usize, Decimal)> {
    bands
        .iter()
        .enumerate()
        .find(|(_, b)| b.below.is_none_or(|below| value < below))
        .map(|(i, b)| (i, b.points))
}

fn grade_for(score: Decimal, grades: &[Grade]) -> Option<&Grade> {
    grades
        .iter()
        .find(|g| score >= g.min_score)
        .or_else(|| grades.last())
}

struct Known {
    analysis: Option<FinancialAnalysis>,
    payment_index: Option<PaymentIndex>,
    legal: Option<LegalSummary>,
    facts: ProfileFacts,
}

fn factor_value(code: FactorCode, k: &Known) -> Option<Decimal> {
    let ratios = k.analysis.as_ref().map(|a| &a.ratios);
    match code {
        FactorCode::Altman => k.analysis.as_ref().and_then(|a| a.altman.zone_index()),
        FactorCode::CurrentRatio => ratios.and_then(|r| r.current_ratio.value),
        FactorCode::DebtRatio => ratios.and_then(|r| r.debt_ratio.value),
        FactorCode::NetMargin => ratios.and_then(|r| r.net_margin.value),
        FactorCode::InterestCover => ratios.and_then(|r| r.interest_cover.value),
        FactorCode::RevenueGrowth => k
            .analysis
            .as_ref()
            .and_then(|a| a.trend.as_ref())
            .and_then(|t| t.revenue_growth.value),
        FactorCode::PaymentIndex => k
            .payment_index
            .as_ref()
            .and_then(|p| p.recency_weighted_index),
        FactorCode::Legal => k.legal.as_ref().map(|l| l.weighted_severity),
        FactorCode::BusinessAge => k.facts.business_age_years,
        FactorCode::Employees => k.facts.employees.map(Decimal::from),
        FactorCode::IndustryRisk => k.facts.industry_risk_class.map(Decimal::from),
        FactorCode::CountryRisk => k.facts.oecd_category.map(Decimal::from),
        FactorCode::BureauScore => k.facts.bureau_score_normalized,
    }
}

fn profile_facts(profile: Option<&Profile>, as_of: NaiveDate, policy: &Policy) -> ProfileFacts {
    let Some(p) = profile else {
        return ProfileFacts {
            name: None,
            business_age_years: None,
            employees: None,
            industry: None,
            industry_risk_class: None,
            country: None,
            oecd_category: None,
            listed: None,
            manufacturer: None,
            bureau_score_normalized: None,
        };
    };
    let bureau = p.bureau.as_ref().and_then(|b| {
        let span = b.max.minus(b.min)?;
        let share = b.score.minus(b.min)?.over(span)?;
        let share = if b.higher_is_better {
            share
        } else {
            Decimal::ONE.minus(share)?
        };
        Some(round_fixed(
            share.times(Decimal::ONE_HUNDRED)?,
            2,
            policy.rounding.mode,
        ))
    });
    ProfileFacts {
        name: p.name.clone(),
        business_age_years: p
            .founded_on
            .map(|f| round_fixed(years_between(f, as_of), 2, policy.rounding.mode)),
        employees: p.employees,
        industry: p.industry.clone(),
        industry_risk_class: p
            .industry
            .as_ref()
            .and_then(|c| policy.industries.iter().find(|i| &i.code == c))
            .map(|i| i.risk_class),
        country: p.country.clone(),
        oecd_category: p
            .country
            .as_ref()
            .and_then(|c| policy.countries.iter().find(|x| &x.code == c))
            .map(|c| c.oecd_category),
        listed: p.listed,
        manufacturer: p.manufacturer,
        bureau_score_normalized: bureau,
    }
}

/// Scores a checked input.
pub fn score(input: &ScoreInput, policy: &Policy) -> Result<ScoreResult, Problem> {
    let card = &policy.scorecard;
    let mode = policy.rounding.mode;
    let sdp = policy.rounding.score_decimals;
    let overflow = || Problem::overflow("");
    let choice = ModelChoice {
        listed: input.profile.as_ref().and_then(|p| p.listed),
        manufacturer: input.profile.as_ref().and_then(|p| p.manufacturer),
    };
    let known = Known {
        analysis: financial::analyse(&input.financials, choice, policy),
        payment_index: input
            .payments
            .as_ref()
            .map(|p| payments::payment_index(p, input.as_of, policy))
            .transpose()?,
        legal: input
            .legal
            .as_ref()
            .map(|l| legal::summarize(l, input.as_of, policy))
            .transpose()?,
        facts: profile_facts(input.profile.as_ref(), input.as_of, policy),
    };

    // Points per factor, then the weights as the missing-data rule shares them.
    let raw: Vec<RawFactor> = card
        .factors
        .iter()
        .map(|f| {
            let value = factor_value(f.code, &known);
            (
                f.code,
                f.weight,
                value,
                value.and_then(|v| points_for(v, &f.bands)),
            )
        })
        .collect();
    let total_weight = card
        .factors
        .iter()
        .try_fold(Decimal::ZERO, |a, f| a.plus(f.weight))
        .ok_or_else(overflow)?;
    let available_weight = raw
        .iter()
        .filter(|(_, _, _, p)| p.is_some())
        .try_fold(Decimal::ZERO, |a, (_, w, _, _)| a.plus(*w))
        .ok_or_else(overflow)?;
    let scale = match card.missing_data {
        MissingData::Reweight if !available_weight.is_zero() => {
            Decimal::ONE_HUNDRED.over(available_weight)
        }
        _ if total_weight.is_zero() => Some(Decimal::ZERO),
        _ => Decimal::ONE_HUNDRED.over(total_weight),
    }
    .ok_or_else(overflow)?;
    let mut factors = Vec::with_capacity(raw.len());
    let mut effective_weights = Vec::with_capacity(raw.len());
    let mut raw_score = Decimal::ZERO;
    for (code, weight, value, pts) in &raw {
        let counted_points = match (pts, card.missing_data) {
            (Some((_, p)), _) => Some(*p),
            (None, MissingData::Neutral) => Some(card.neutral_points),
            (None, MissingData::Reweight) => None,
        };
        let effective = if counted_points.is_some() {
            weight.times(scale).ok_or_else(overflow)?
        } else {
            Decimal::ZERO
        };
        let contribution = match counted_points {
            Some(p) => effective
                .times(p)
                .and_then(|x| x.over(Decimal::ONE_HUNDRED))
                .ok_or_else(overflow)?,
            None => Decimal::ZERO,
        };
        raw_score = raw_score.plus(contribution).ok_or_else(overflow)?;
        effective_weights.push(effective);
        factors.push(FactorResult {
            code: *code,
            group: code.group(),
            value: *value,
            available: pts.is_some(),
            points: counted_points,
            weight: *weight,
            effective_weight: round_rate(effective, 4, mode),
            contribution: round_rate(contribution, 4, mode),
            points_lost: round_rate(effective.minus(contribution).ok_or_else(overflow)?, 4, mode),
            band_index: pts.map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX)),
        });
    }
    let no_data = available_weight.is_zero();
    if no_data && card.missing_data == MissingData::Reweight {
        raw_score = card.neutral_points;
    }
    let score = round_fixed(
        raw_score.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED),
        sdp,
        mode,
    );

    let knockout = known
        .legal
        .as_ref()
        .is_some_and(|l| l.insolvency_knockout)
        .then_some("INSOLVENCY_FILING");
    let by_score = grade_for(score, &policy.grades)
        .ok_or_else(|| Problem::new(code::INTERNAL, "policy.grades", "the policy has no grades"))?;
    let grade = if knockout.is_some() {
        policy.grades.last().unwrap_or(by_score)
    } else {
        by_score
    };

    // Confidence: the share of weight backed by data; thin payment history counts half.
    let mut notes = Vec::new();
    let mut backed = available_weight;
    if let Some(pi) = &known.payment_index {
        if pi.insufficient_history {
            notes.push("INSUFFICIENT_PAYMENT_HISTORY");
            if let Some(f) = card
                .factors
                .iter()
                .find(|f| f.code == FactorCode::PaymentIndex)
            {
                if pi.recency_weighted_index.is_some() {
                    backed = backed
                        .minus(f.weight.over(Decimal::TWO).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?;
                }
            }
        }
        if pi.source == "summary" {
            notes.push("PAYMENT_SUMMARY_ONLY");
        }
    }
    if no_data {
        notes.push("NO_DATA");
    }
    let confidence_value = if total_weight.is_zero() {
        Decimal::ZERO
    } else {
        round_rate(
            backed
                .over(total_weight)
                .ok_or_else(overflow)?
                .max(Decimal::ZERO),
            2,
            mode,
        )
    };
    let confidence = Confidence {
        value: confidence_value,
        level: if confidence_value >= card.high_confidence_from {
            "high"
        } else if confidence_value >= card.medium_confidence_from {
            "medium"
        } else {
            "low"
        },
        missing: raw
            .iter()
            .filter(|(_, _, _, p)| p.is_none())
            .map(|(c, _, _, _)| *c)
            .collect(),
        notes,
    };

    let reasons = reasons(&factors, knockout, &known);
    let to_next_grade = if knockout.is_some() {
        None
    } else {
        next_grade(grade, raw_score, &raw, &effective_weights, policy)
    };

    Ok(ScoreResult {
        policy_version: policy.version.clone(),
        as_of: crate::calendar::format_date(input.as_of),
        score,
        grade: grade.grade,
        pd: grade.pd,
        band: grade.band,
        decision: grade.decision,
        knockout,
        confidence,
        factors,
        reasons,
        to_next_grade,
        profile: known.facts,
        financial_analysis: known.analysis,
        payment_index: known.payment_index,
        legal: known.legal,
    })
}

fn show(d: Decimal) -> String {
    d.round_dp(2).normalize().to_string()
}

fn percent(d: Decimal) -> String {
    show(d.times(Decimal::ONE_HUNDRED).unwrap_or(d))
}

/// Reason and hint texts, English and Chinese; `{0}`, `{1}` are filled with figures.
const TEXTS: [(&str, &str, &str); 32] = [
    (
        "ALTMAN_DISTRESS",
        "Altman {0} of {1} is in the distress zone",
        "Altman {0} 值为 {1}，处于困境区",
    ),
    (
        "ALTMAN_GREY",
        "Altman {0} of {1} is in the grey zone",
        "Altman {0} 值为 {1}，处于灰色区",
    ),
    (
        "LOW_LIQUIDITY",
        "Current ratio of {0} is low",
        "流动比率为 {0}，偏低",
    ),
    (
        "HIGH_LEVERAGE",
        "Liabilities are {0}% of assets",
        "负债占资产的 {0}%",
    ),
    (
        "LOSS_MAKING",
        "Net loss: margin of {0}%",
        "净亏损：净利率为 {0}%",
    ),
    (
        "LOW_PROFITABILITY",
        "Net margin of {0}% is thin",
        "净利率为 {0}%，偏低",
    ),
    (
        "WEAK_INTEREST_COVER",
        "EBIT covers interest only {0} times",
        "息税前利润仅为利息的 {0} 倍",
    ),
    ("FALLING_REVENUE", "Revenue fell {0}%", "营业收入下降 {0}%"),
    (
        "SLOW_GROWTH",
        "Revenue grew only {0}%",
        "营业收入仅增长 {0}%",
    ),
    (
        "SLOW_PAYMENTS",
        "Pays late: payment index {0} (on average {1} days beyond terms)",
        "付款迟缓：付款指数 {0}（平均逾期 {1} 天）",
    ),
    (
        "LEGAL_EVENTS",
        "{0} legal record(s): lawsuits, judgments, liens or arrears",
        "有 {0} 条法律记录：诉讼、判决、留置或欠税",
    ),
    (
        "YOUNG_BUSINESS",
        "In business for only {0} years",
        "成立仅 {0} 年",
    ),
    (
        "SMALL_BUSINESS",
        "Small business: {0} employees",
        "规模较小：{0} 名员工",
    ),
    (
        "HIGH_RISK_INDUSTRY",
        "Industry risk class {0} of 5",
        "行业风险等级为 {0}（共 5 级）",
    ),
    (
        "HIGH_RISK_COUNTRY",
        "Country risk category {0} of 7 (OECD)",
        "国家风险类别为 {0}（经合组织，共 7 级）",
    ),
    (
        "LOW_BUREAU_SCORE",
        "Credit bureau score is low ({0} of 100)",
        "征信机构评分偏低（{0}/100）",
    ),
    (
        "INSOLVENCY_FILING",
        "An insolvency filing: no open credit",
        "已申请破产：不提供赊销",
    ),
    (
        "NEXT_altman_grey",
        "Altman score into the grey zone",
        "Altman 分值进入灰色区",
    ),
    (
        "NEXT_altman_safe",
        "Altman score into the safe zone",
        "Altman 分值进入安全区",
    ),
    (
        "NEXT_currentRatio",
        "Current ratio from {0} to {1}",
        "流动比率从 {0} 提高到 {1}",
    ),
    (
        "NEXT_debtRatio",
        "Liabilities from {0}% to below {1}% of assets",
        "负债占资产比例从 {0}% 降到 {1}% 以下",
    ),
    (
        "NEXT_netMargin",
        "Net margin from {0}% to {1}%",
        "净利率从 {0}% 提高到 {1}%",
    ),
    (
        "NEXT_interestCover",
        "Interest cover from {0} to {1} times",
        "利息保障倍数从 {0} 提高到 {1} 倍",
    ),
    (
        "NEXT_revenueGrowth",
        "Revenue growth from {0}% to {1}%",
        "营业收入增长率从 {0}% 提高到 {1}%",
    ),
    (
        "NEXT_paymentIndex_prompt",
        "No payment beyond terms (payment index from {0} to {1})",
        "不再逾期付款（付款指数从 {0} 提高到 {1}）",
    ),
    (
        "NEXT_paymentIndex",
        "Payment index from {0} to {1}",
        "付款指数从 {0} 提高到 {1}",
    ),
    (
        "NEXT_legal",
        "Fewer or older legal records (weighted severity from {0} to below {1})",
        "减少法律记录或待其过期（加权严重度从 {0} 降到 {1} 以下）",
    ),
    ("NEXT_businessAge", "{1} years in business", "经营满 {1} 年"),
    (
        "NEXT_employees",
        "{1} employees or more",
        "员工达到 {1} 人以上",
    ),
    (
        "NEXT_industryRisk",
        "An industry of risk class below {1}",
        "行业风险等级低于 {1}",
    ),
    (
        "NEXT_countryRisk",
        "A country of OECD risk category below {1}",
        "经合组织国家风险类别低于 {1}",
    ),
    (
        "NEXT_bureauScore",
        "Credit bureau score from {0} to {1} of 100",
        "征信机构评分从 {0} 提高到 {1}（满分 100）",
    ),
];

/// The text for `key` with `{0}`, `{1}` … replaced by `values`, in one pass.
fn text(key: &str, values: &[&str]) -> Text {
    let (_, en, zh) = TEXTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .copied()
        .unwrap_or(("", "", ""));
    let fill = |template: &str| {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            out.push_str(rest.get(..at).unwrap_or(""));
            let tail = rest.get(at..).unwrap_or("");
            let index = tail
                .as_bytes()
                .get(1)
                .filter(|b| b.is_ascii_digit())
                .map(|b| usize::from(b - b'0'));
            match (index, tail.as_bytes().get(2)) {
                (Some(i), Some(b'}')) => {
                    out.push_str(values.get(i).copied().unwrap_or(""));
                    rest = tail.get(3..).unwrap_or("");
                }
                _ => {
                    out.push('{');
                    rest = tail.get(1..).unwrap_or("");
                }
            }
        }
        out.push_str(rest);
        out
    };
    Text {
        en: fill(en),
        zh_cn: fill(zh),
    }
}

fn reason_for(f: &FactorResult, known: &Known) -> (&'static str, Text) {
    let v = f.value.unwrap_or_default();
    let negative = v.is_sign_negative() && !v.is_zero();
    let code = match f.code {
        FactorCode::Altman if v.is_zero() => "ALTMAN_DISTRESS",
        FactorCode::Altman => "ALTMAN_GREY",
        FactorCode::CurrentRatio => "LOW_LIQUIDITY",
        FactorCode::DebtRatio => "HIGH_LEVERAGE",
        FactorCode::NetMargin if negative => "LOSS_MAKING",
        FactorCode::NetMargin => "LOW_PROFITABILITY",
        FactorCode::InterestCover => "WEAK_INTEREST_COVER",
        FactorCode::RevenueGrowth if negative => "FALLING_REVENUE",
        FactorCode::RevenueGrowth => "SLOW_GROWTH",
        FactorCode::PaymentIndex => "SLOW_PAYMENTS",
        FactorCode::Legal => "LEGAL_EVENTS",
        FactorCode::BusinessAge => "YOUNG_BUSINESS",
        FactorCode::Employees => "SMALL_BUSINESS",
        FactorCode::IndustryRisk => "HIGH_RISK_INDUSTRY",
        FactorCode::CountryRisk => "HIGH_RISK_COUNTRY",
        FactorCode::BureauScore => "LOW_BUREAU_SCORE",
    };
    let values: Vec<String> = match f.code {
        FactorCode::Altman => {
            let a = known.analysis.as_ref().map(|a| &a.altman);
            let model = match a.map(|a| a.model) {
                Some("z") => "Z",
                Some("zPrime") => "Z'",
                _ => "Z''",
            };
            vec![
                model.to_string(),
                a.and_then(|a| a.value).map(show).unwrap_or_default(),
            ]
        }
        FactorCode::DebtRatio | FactorCode::NetMargin => vec![percent(v)],
        FactorCode::RevenueGrowth => vec![percent(v.abs())],
        FactorCode::PaymentIndex => vec![
            show(v),
            known
                .payment_index
                .as_ref()
                .and_then(|p| p.weighted_days_beyond_terms)
                .map(show)
                .unwrap_or_default(),
        ],
        FactorCode::Legal => {
            vec![known
                .legal
                .as_ref()
                .map_or(0, |l| {
                    l.events.iter().filter(|e| e.excluded.is_none()).count()
                })
                .to_string()]
        }
        _ => vec![show(v)],
    };
    let refs: Vec<&str> = values.iter().map(String::as_str).collect();
    (code, text(code, &refs))
}

/// At most four principal reasons, ranked by points lost (US Reg B §1002.9 practice); a
/// knockout comes first.
fn reasons(factors: &[FactorResult], knockout: Option<&'static str>, known: &Known) -> Vec<Reason> {
    let mut out = Vec::new();
    if let Some(k) = knockout {
        out.push(Reason {
            code: k,
            factor: Some(FactorCode::Legal),
            value: None,
            points_lost: Decimal::ZERO,
            text: text(k, &[]),
        });
    }
    let mut ranked: Vec<&FactorResult> = factors
        .iter()
        .filter(|f| f.available && f.points_lost > Decimal::ZERO)
        .collect();
    crate::sort::sort_by(&mut ranked, |a, b| b.points_lost.cmp(&a.points_lost));
    for f in ranked.into_iter().take(4usize.saturating_sub(out.len())) {
        let (code, text) = reason_for(f, known);
        out.push(Reason {
            code,
            factor: Some(f.code),
            value: f.value,
            points_lost: f.points_lost,
            text,
        });
    }
    out
}

/// The smallest single change that lifts the grade by one: for each factor with data, the
/// nearest better band that reaches the better grade's cut-off; fewest band steps win,
/// then the heavier factor. A band's new score is the old one plus the factor's effective
/// weight × the points gained / 100, so only the candidate bands are ever worked out.
fn next_grade(
    grade: &Grade,
    raw_score: Decimal,
    raw: &[RawFactor],
    effective_weights: &[Decimal],
    policy: &Policy,
) -> Option<NextGrade> {
    let target_grade = policy
        .grades
        .iter()
        .rev()
        .find(|g| g.grade + 1 == grade.grade)?;
    let target = target_grade.min_score;
    let mode = policy.rounding.mode;
    let sdp = policy.rounding.score_decimals;
    // (steps, weight, factor index, band index, new score)
    let mut best: Option<(usize, Decimal, usize, usize, Decimal)> = None;
    for (fi, ((code, weight, _, pts), eff)) in raw.iter().zip(effective_weights).enumerate() {
        let Some((index, points)) = pts else { continue };
        if eff.is_zero() {
            continue;
        }
        let Some(factor) = policy.scorecard.factors.iter().find(|f| f.code == *code) else {
            continue;
        };
        let candidates: Vec<usize> = match code.direction() {
            Direction::HigherIsBetter => (index + 1..factor.bands.len()).collect(),
            Direction::LowerIsBetter => (0..*index).rev().collect(),
        };
        for (steps, j) in candidates.into_iter().enumerate() {
            if best
                .as_ref()
                .is_some_and(|(s, w, ..)| steps > *s || (steps == *s && weight <= w))
            {
                break; // cannot beat the best found
            }
            let Some(band) = factor.bands.get(j) else {
                break;
            };
            if band.points <= *points {
                continue;
            }
            let gain = band
                .points
                .minus(*points)?
                .times(*eff)?
                .over(Decimal::ONE_HUNDRED)?;
            let new_score = round_fixed(raw_score.plus(gain)?.min(Decimal::ONE_HUNDRED), sdp, mode);
            if new_score >= target {
                best = Some((steps, *weight, fi, j, new_score));
                break;
            }
        }
    }
    let (_, _, fi, j, new_score) = best?;
    let (code, _, value, _) = raw.get(fi)?;
    let bands = &policy
        .scorecard
        .factors
        .iter()
        .find(|f| f.code == *code)?
        .bands;
    let (target_value, comparator) = match code.direction() {
        Direction::HigherIsBetter => (
            j.checked_sub(1)
                .and_then(|p| bands.get(p))
                .and_then(|b| b.below)?,
            "atLeast",
        ),
        Direction::LowerIsBetter => (bands.get(j)?.below?, "below"),
    };
    Some(NextGrade {
        factor: *code,
        current_value: *value,
        target_value,
        comparator,
        new_score,
        new_grade: grade_for(new_score, &policy.grades).map_or(target_grade.grade, |g| g.grade),
        text: next_text(*code, *value, target_value),
    })
}

fn next_text(code: FactorCode, current: Option<Decimal>, target: Decimal) -> Text {
    let as_percent = matches!(
        code,
        FactorCode::DebtRatio | FactorCode::NetMargin | FactorCode::RevenueGrowth
    );
    let fmt = |d: Decimal| if as_percent { percent(d) } else { show(d) };
    let cur = current.map(fmt).unwrap_or_default();
    let to = fmt(target);
    let key = match code {
        FactorCode::Altman if target >= Decimal::TWO => "NEXT_altman_safe".to_string(),
        FactorCode::Altman => "NEXT_altman_grey".to_string(),
        FactorCode::PaymentIndex if target >= Decimal::from(80) => {
            "NEXT_paymentIndex_prompt".to_string()
        }
        other => ["NEXT_", other.name()].concat(),
    };
    text(&key, &[&cur, &to])
}

/// The whole `scoreCustomer(input, policy?)` export.
pub fn run(input: &Value, policy: Option<&Value>) -> Result<ScoreResult, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let input = read_input(input, &policy)?;
    score(&input, &policy).map_err(|p| vec![p])
}
