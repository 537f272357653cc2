//! Financial analysis of a customer's statements: the ratios a credit analyst reads
//! (`../shared/domain.md` §1.2), the Altman model the profile calls for with its zone, the
//! EM score with its indicative rating, and the trend between two periods. A ratio whose
//! inputs are missing, or whose denominator is zero or not meaningful, is "not available"
//! with the reason, never infinity and never a crash.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::format_date;
use crate::error::{code, Problem, Problems};
use crate::money::{round_fixed, round_rate, Exact};
use crate::policy::{AltmanModel, Policy};
use crate::value::{object, out_of_range, Obj, Value};

/// Largest amount accepted in a statement: far above any company's, small enough that no
/// ratio or score built from it can overflow Decimal.
pub const MAX_STATEMENT_AMOUNT: i64 = 1_000_000_000_000_000_000; // 10^18
const MAX_PERIODS: usize = 20;

/// One period's statement figures; every figure is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Period {
    pub period_end: Option<NaiveDate>,
    pub currency: Option<String>,
    pub period_months: Option<u32>,
    pub current_assets: Option<Decimal>,
    pub current_liabilities: Option<Decimal>,
    pub total_assets: Option<Decimal>,
    pub total_liabilities: Option<Decimal>,
    pub book_equity: Option<Decimal>,
    pub retained_earnings: Option<Decimal>,
    pub ebit: Option<Decimal>,
    pub net_income: Option<Decimal>,
    pub revenue: Option<Decimal>,
    pub cost_of_goods_sold: Option<Decimal>,
    pub cash: Option<Decimal>,
    pub inventory: Option<Decimal>,
    pub receivables: Option<Decimal>,
    pub payables: Option<Decimal>,
    pub intangible_assets: Option<Decimal>,
    pub interest_expense: Option<Decimal>,
    pub operating_cash_flow: Option<Decimal>,
    pub market_value_of_equity: Option<Decimal>,
}

/// Amount fields: (name, may be negative).
const AMOUNTS: [(&str, bool); 18] = [
    ("currentAssets", false),
    ("currentLiabilities", false),
    ("totalAssets", false),
    ("totalLiabilities", false),
    ("bookEquity", true),
    ("retainedEarnings", true),
    ("ebit", true),
    ("netIncome", true),
    ("revenue", false),
    ("costOfGoodsSold", false),
    ("cash", false),
    ("inventory", false),
    ("receivables", false),
    ("payables", false),
    ("intangibleAssets", false),
    ("interestExpense", false),
    ("operatingCashFlow", true),
    ("marketValueOfEquity", false),
];

/// The profile facts the analysis needs to choose an Altman model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ModelChoice {
    pub listed: Option<bool>,
    pub manufacturer: Option<bool>,
}

fn read_period(o: &Obj, ps: &mut Problems) -> Period {
    let mut known: Vec<&str> = vec!["periodEnd", "currency", "periodMonths"];
    known.extend(AMOUNTS.iter().map(|(n, _)| *n));
    o.reject_unknown(&known, ps);
    let limit = Decimal::from(MAX_STATEMENT_AMOUNT);
    let mut amount = |name: &str, signed: bool| -> Option<Decimal> {
        let lo = if signed { -limit } else { Decimal::ZERO };
        let d = o.decimal(name, ps)?;
        if d < lo || d > limit {
            ps.push(out_of_range(&o.path(name), Some(lo), Some(limit)));
            return None;
        }
        Some(d)
    };
    let mut p = Period::default();
    let slots: [&mut Option<Decimal>; 18] = [
        &mut p.current_assets,
        &mut p.current_liabilities,
        &mut p.total_assets,
        &mut p.total_liabilities,
        &mut p.book_equity,
        &mut p.retained_earnings,
        &mut p.ebit,
        &mut p.net_income,
        &mut p.revenue,
        &mut p.cost_of_goods_sold,
        &mut p.cash,
        &mut p.inventory,
        &mut p.receivables,
        &mut p.payables,
        &mut p.intangible_assets,
        &mut p.interest_expense,
        &mut p.operating_cash_flow,
        &mut p.market_value_of_equity,
    ];
    for ((name, signed), slot) in AMOUNTS.iter().zip(slots) {
        *slot = amount(name, *signed);
    }
    p.period_end = o.date("periodEnd", ps);
    p.currency = crate::money::read_currency(o, ps, None);
    p.period_months = o.integer_in("periodMonths", 1, 24, ps).map(|m| m as u32);
    p
}

/// Reads one period (an object) or several (an array), newest first after sorting by
/// period end; `as_of`, when given, must not be before any period end.
pub fn read_financials(
    value: &Value,
    path: &str,
    as_of: Option<NaiveDate>,
    ps: &mut Problems,
) -> Vec<Period> {
    let mut periods: Vec<(usize, Period)> = Vec::new();
    match value {
        Value::Array(items) => {
            if items.len() > MAX_PERIODS {
                ps.push(
                    Problem::new(
                        code::TOO_LONG,
                        path,
                        format!("at most {MAX_PERIODS} periods"),
                    )
                    .with_range(None, Some(MAX_PERIODS.to_string())),
                );
                return Vec::new();
            }
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                if let Some(o) = object(item, &item_path, ps) {
                    let before = ps.len();
                    let p = read_period(&o, ps);
                    if items.len() > 1 && p.period_end.is_none() && ps.len() == before {
                        ps.push(Problem::new(
                            code::REQUIRED,
                            o.path("periodEnd"),
                            "is required when there are several periods",
                        ));
                    }
                    periods.push((i, p));
                }
            }
        }
        other => {
            if let Some(o) = object(other, path, ps) {
                periods.push((0, read_period(&o, ps)));
            }
        }
    }
    for (i, p) in &periods {
        let field = if matches!(value, Value::Array(_)) {
            format!("{path}[{i}].periodEnd")
        } else {
            format!("{path}.periodEnd")
        };
        if let (Some(end), Some(as_of)) = (p.period_end, as_of) {
            if end > as_of {
                ps.push(Problem::new(
                    code::AFTER_AS_OF,
                    field.clone(),
                    "must not be after asOf",
                ));
            }
        }
        if p.period_end.is_some()
            && periods
                .iter()
                .filter(|(_, q)| q.period_end == p.period_end)
                .count()
                > 1
        {
            ps.push(Problem::new(
                code::DUPLICATE,
                field,
                "two periods end on the same date",
            ));
        }
    }
    let mut out: Vec<Period> = periods.into_iter().map(|(_, p)| p).collect();
    crate::sort::sort_by(&mut out, |a, b| b.period_end.cmp(&a.period_end));
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    pub value: Option<Decimal>,
    /// Why there is no value: MISSING_INPUT, ZERO_DENOMINATOR, NEGATIVE_DENOMINATOR, OVERFLOW.
    pub unavailable: Option<&'static str>,
    /// The statement fields that were missing.
    pub missing: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ratios {
    pub current_ratio: Ratio,
    pub quick_ratio: Ratio,
    pub cash_ratio: Ratio,
    pub debt_ratio: Ratio,
    pub debt_to_equity: Ratio,
    pub net_margin: Ratio,
    pub gross_margin: Ratio,
    pub return_on_assets: Ratio,
    pub return_on_equity: Ratio,
    pub interest_cover: Ratio,
    pub operating_cash_flow_ratio: Ratio,
    pub working_capital: Ratio,
    pub tangible_net_worth: Ratio,
    pub days_sales_outstanding: Ratio,
    pub days_inventory_outstanding: Ratio,
    pub days_payables_outstanding: Ratio,
    pub cash_conversion_cycle: Ratio,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AltmanComponent {
    pub name: &'static str,
    pub ratio: Decimal,
    pub coefficient: Decimal,
    pub contribution: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AltmanResult {
    /// `z`, `zPrime` or `zDoublePrime`.
    pub model: &'static str,
    /// Why this model: LISTED_MANUFACTURER, PRIVATE_MANUFACTURER, NON_MANUFACTURER,
    /// or PROFILE_MISSING (then Z'', the model for any firm, is used).
    pub model_reason: &'static str,
    pub value: Option<Decimal>,
    /// `distress`, `grey` or `safe`.
    pub zone: Option<&'static str>,
    pub distress_below: Decimal,
    pub safe_above: Decimal,
    pub components: Vec<AltmanComponent>,
    pub unavailable: Option<&'static str>,
    pub missing: Vec<&'static str>,
}

impl AltmanResult {
    /// 0 distress, 1 grey, 2 safe: the scorecard's Altman factor value.
    pub fn zone_index(&self) -> Option<Decimal> {
        self.zone.map(|z| match z {
            "distress" => Decimal::ZERO,
            "grey" => Decimal::ONE,
            _ => Decimal::TWO,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmScore {
    pub value: Decimal,
    /// Indicative bond-rating equivalent (policy table); `D` below the lowest class.
    pub rating: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Trend {
    pub previous_period_end: Option<String>,
    pub revenue_growth: Ratio,
    pub net_margin_change: Ratio,
    /// Both periods show a net loss.
    pub second_loss_year: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FinancialAnalysis {
    pub period_end: Option<String>,
    pub currency: Option<String>,
    pub period_count: u32,
    /// The newest period's revenue, as given (the limit's revenue cap reads it).
    pub revenue: Option<Decimal>,
    pub ratios: Ratios,
    pub altman: AltmanResult,
    pub em_score: Option<EmScore>,
    pub trend: Option<Trend>,
    /// What was assumed, e.g. INTANGIBLES_TAKEN_AS_ZERO, TWELVE_MONTH_PERIOD.
    pub assumptions: Vec<&'static str>,
}

/// Ratio arithmetic with the reasons a ratio can be unavailable.
struct Calc<'a> {
    period: &'a Period,
    rate_dp: u32,
    mode: crate::money::RoundingMode,
}

fn need(pairs: &[(&'static str, Option<Decimal>)]) -> Result<Vec<Decimal>, Vec<&'static str>> {
    let missing: Vec<&'static str> = pairs
        .iter()
        .filter(|(_, v)| v.is_none())
        .map(|(n, _)| *n)
        .collect();
    if missing.is_empty() {
        Ok(pairs.iter().filter_map(|(_, v)| *v).collect())
    } else {
        Err(missing)
    }
}

fn unavailable(reason: &'static str, missing: Vec<&'static str>) -> Ratio {
    Ratio {
        value: None,
        unavailable: Some(reason),
        missing,
    }
}

impl Calc<'_> {
    fn finish(&self, value: Option<Decimal>) -> Ratio {
        match value {
            Some(v) => Ratio {
                value: Some(round_rate(v, self.rate_dp, self.mode)),
                unavailable: None,
                missing: Vec::new(),
            },
            None => unavailable("OVERFLOW", Vec::new()),
        }
    }

    /// numerator / denominator; a zero denominator, or a non-positive one where only a
    /// positive one is meaningful (equity, revenue), makes the ratio unavailable.
    fn ratio(
        &self,
        num: Result<Decimal, Vec<&'static str>>,
        den: (&'static str, Option<Decimal>),
        positive: bool,
    ) -> Ratio {
        let (den_name, den) = den;
        let (num, den) = match (num, den) {
            (Ok(n), Some(d)) => (n, d),
            (Err(mut m), d) => {
                if d.is_none() {
                    m.push(den_name);
                }
                return unavailable("MISSING_INPUT", m);
            }
            (Ok(_), None) => return unavailable("MISSING_INPUT", vec![den_name]),
        };
        if den.is_zero() {
            return unavailable("ZERO_DENOMINATOR", Vec::new());
        }
        if positive && den.is_sign_negative() {
            return unavailable("NEGATIVE_DENOMINATOR", Vec::new());
        }
        self.finish(num.over(den))
    }

    fn field(&self, name: &'static str, v: Option<Decimal>) -> Result<Decimal, Vec<&'static str>> {
        v.ok_or_else(|| vec![name])
    }

    fn days(&self, ratio: Ratio) -> Ratio {
        let days = Decimal::from(self.period.period_months.unwrap_or(12))
            .times(Decimal::from(365))
            .and_then(|d| d.over(Decimal::from(12)));
        match (ratio.value, days) {
            (Some(r), Some(d)) => Ratio {
                value: r.times(d).map(|v| round_fixed(v, 2, self.mode)),
                unavailable: None,
                missing: Vec::new(),
            },
            _ => ratio,
        }
    }
}

fn ratios(p: &Period, policy: &Policy, assumptions: &mut Vec<&'static str>) -> Ratios {
    let c = Calc {
        period: p,
        rate_dp: policy.rounding.rate_decimals,
        mode: policy.rounding.mode,
    };
    let money_dp = policy.minor_units(p.currency.as_deref());
    let amount = |r: Result<Option<Decimal>, Vec<&'static str>>| match r {
        Ok(Some(v)) => Ratio {
            value: Some(round_fixed(v, money_dp, c.mode)),
            unavailable: None,
            missing: Vec::new(),
        },
        Ok(None) => unavailable("OVERFLOW", Vec::new()),
        Err(m) => unavailable("MISSING_INPUT", m),
    };
    let ca = ("currentAssets", p.current_assets);
    let cl = ("currentLiabilities", p.current_liabilities);
    let ta = ("totalAssets", p.total_assets);
    let tl = ("totalLiabilities", p.total_liabilities);
    let eq = ("bookEquity", p.book_equity);
    let rev = ("revenue", p.revenue);
    let cogs = ("costOfGoodsSold", p.cost_of_goods_sold);
    // Both operands are statement amounts within ±10^18: their difference cannot overflow.
    let difference = |v: Vec<Decimal>| {
        v.first()
            .copied()
            .unwrap_or_default()
            .minus(v.get(1).copied().unwrap_or_default())
            .unwrap_or_default()
    };
    let quick_num = need(&[ca, ("inventory", p.inventory)]).map(difference);
    let gross = need(&[rev, cogs]).map(difference);
    let intangibles = match p.intangible_assets {
        Some(i) => i,
        None => {
            if p.book_equity.is_some() {
                assumptions.push("INTANGIBLES_TAKEN_AS_ZERO");
            }
            Decimal::ZERO
        }
    };
    if p.period_months.is_none() {
        assumptions.push("TWELVE_MONTH_PERIOD");
    }
    let dso = c.days(c.ratio(c.field("receivables", p.receivables), rev, true));
    let dio = c.days(c.ratio(c.field("inventory", p.inventory), cogs, true));
    let dpo = c.days(c.ratio(c.field("payables", p.payables), cogs, true));
    let ccc = match (dio.value, dso.value, dpo.value) {
        (Some(i), Some(s), Some(pay)) => Ratio {
            value: i.plus(s).and_then(|x| x.minus(pay)),
            unavailable: None,
            missing: Vec::new(),
        },
        _ => {
            let mut missing: Vec<&'static str> = [&dio, &dso, &dpo]
                .iter()
                .flat_map(|r| r.missing.clone())
                .collect();
            missing.dedup();
            unavailable("MISSING_INPUT", missing)
        }
    };
    Ratios {
        current_ratio: c.ratio(c.field(ca.0, ca.1), cl, false),
        quick_ratio: c.ratio(quick_num, cl, false),
        cash_ratio: c.ratio(c.field("cash", p.cash), cl, false),
        debt_ratio: c.ratio(c.field(tl.0, tl.1), ta, false),
        debt_to_equity: c.ratio(c.field(tl.0, tl.1), eq, true),
        net_margin: c.ratio(c.field("netIncome", p.net_income), rev, true),
        gross_margin: c.ratio(gross, rev, true),
        return_on_assets: c.ratio(c.field("netIncome", p.net_income), ta, false),
        return_on_equity: c.ratio(c.field("netIncome", p.net_income), eq, true),
        interest_cover: c.ratio(
            c.field("ebit", p.ebit),
            ("interestExpense", p.interest_expense),
            false,
        ),
        operating_cash_flow_ratio: c.ratio(
            c.field("operatingCashFlow", p.operating_cash_flow),
            cl,
            false,
        ),
        working_capital: amount(need(&[ca, cl]).map(|v| {
            v.first()
                .copied()
                .unwrap_or_default()
                .minus(v.get(1).copied().unwrap_or_default())
        })),
        tangible_net_worth: amount(
            need(&[eq]).map(|v| v.first().copied().unwrap_or_default().minus(intangibles)),
        ),
        days_sales_outstanding: dso,
        days_inventory_outstanding: dio,
        days_payables_outstanding: dpo,
        cash_conversion_cycle: ccc,
    }
}

/// Z for listed manufacturers, Z' for private manufacturers, Z'' for everyone else (and
/// when the profile does not say): Altman (2000), domain.md §1.1.
fn choose_model(choice: ModelChoice) -> (&'static str, &'static str) {
    match (choice.listed, choice.manufacturer) {
        (Some(true), Some(true)) => ("z", "LISTED_MANUFACTURER"),
        (_, Some(true)) => ("zPrime", "PRIVATE_MANUFACTURER"),
        (_, Some(false)) => ("zDoublePrime", "NON_MANUFACTURER"),
        (_, None) => ("zDoublePrime", "PROFILE_MISSING"),
    }
}

fn altman_value(
    p: &Period,
    model_name: &'static str,
    reason: &'static str,
    m: &AltmanModel,
    policy: &Policy,
) -> AltmanResult {
    let x4_numerator = if model_name == "z" {
        ("marketValueOfEquity", p.market_value_of_equity)
    } else {
        ("bookEquity", p.book_equity)
    };
    let mut inputs = vec![
        ("currentAssets", p.current_assets),
        ("currentLiabilities", p.current_liabilities),
        ("totalAssets", p.total_assets),
        ("retainedEarnings", p.retained_earnings),
        ("ebit", p.ebit),
        x4_numerator,
        ("totalLiabilities", p.total_liabilities),
    ];
    if !m.x5.is_zero() {
        inputs.push(("revenue", p.revenue));
    }
    let mut result = AltmanResult {
        model: model_name,
        model_reason: reason,
        value: None,
        zone: None,
        distress_below: m.distress_below,
        safe_above: m.safe_above,
        components: Vec::new(),
        unavailable: None,
        missing: Vec::new(),
    };
    let v = match need(&inputs) {
        Ok(v) => v,
        Err(missing) => {
            result.unavailable = Some("MISSING_INPUT");
            result.missing = missing;
            return result;
        }
    };
    let get = |i: usize| v.get(i).copied().unwrap_or_default();
    let (ca, cl, ta, re, ebit, x4n, tl) = (get(0), get(1), get(2), get(3), get(4), get(5), get(6));
    if ta <= Decimal::ZERO || tl <= Decimal::ZERO {
        result.unavailable = Some("ZERO_DENOMINATOR");
        return result;
    }
    let dp = policy.rounding.rate_decimals;
    let mode = policy.rounding.mode;
    let ratios = [
        ("x1", ca.minus(cl).and_then(|wc| wc.over(ta)), m.x1),
        ("x2", re.over(ta), m.x2),
        ("x3", ebit.over(ta), m.x3),
        ("x4", x4n.over(tl), m.x4),
        ("x5", p.revenue.unwrap_or_default().over(ta), m.x5),
    ];
    let mut total = Decimal::ZERO;
    for (name, ratio, coefficient) in ratios {
        if name == "x5" && coefficient.is_zero() {
            continue;
        }
        let Some(contribution) = ratio.and_then(|r| r.times(coefficient)) else {
            result.unavailable = Some("OVERFLOW");
            result.components.clear();
            return result;
        };
        let Some(t) = total.plus(contribution) else {
            result.unavailable = Some("OVERFLOW");
            result.components.clear();
            return result;
        };
        total = t;
        result.components.push(AltmanComponent {
            name,
            ratio: round_rate(ratio.unwrap_or_default(), dp, mode),
            coefficient,
            contribution: round_rate(contribution, dp, mode),
        });
    }
    let value = round_rate(total, dp, mode);
    result.zone = Some(if value < m.distress_below {
        "distress"
    } else if value > m.safe_above {
        "safe"
    } else {
        "grey"
    });
    result.value = Some(value);
    result
}

fn em_score(p: &Period, policy: &Policy) -> Option<EmScore> {
    let z2 = altman_value(
        p,
        "zDoublePrime",
        "NON_MANUFACTURER",
        &policy.altman.z_double_prime,
        policy,
    );
    let value = z2.value?.plus(policy.altman.em_constant)?;
    let rating = policy
        .altman
        .em_ratings
        .iter()
        .find(|r| value >= r.min_score)
        .map_or_else(|| "D".to_string(), |r| r.rating.clone());
    Some(EmScore { value, rating })
}

fn trend(latest: &Period, previous: &Period, policy: &Policy) -> Trend {
    let c = Calc {
        period: latest,
        rate_dp: policy.rounding.rate_decimals,
        mode: policy.rounding.mode,
    };
    let growth = match (latest.revenue, previous.revenue) {
        (Some(now), Some(before)) => c.ratio(
            now.minus(before).ok_or_else(Vec::new),
            ("previous.revenue", Some(before)),
            true,
        ),
        (now, before) => {
            let mut missing = Vec::new();
            if now.is_none() {
                missing.push("revenue");
            }
            if before.is_none() {
                missing.push("previous.revenue");
            }
            unavailable("MISSING_INPUT", missing)
        }
    };
    let margin = |p: &Period| match (p.net_income, p.revenue) {
        (Some(ni), Some(rev)) if rev > Decimal::ZERO => ni.over(rev),
        _ => None,
    };
    let margin_change = match (margin(latest), margin(previous)) {
        (Some(a), Some(b)) => c.finish(a.minus(b)),
        _ => unavailable("MISSING_INPUT", vec!["netIncome", "revenue"]),
    };
    Trend {
        previous_period_end: previous.period_end.map(format_date),
        revenue_growth: growth,
        net_margin_change: margin_change,
        second_loss_year: match (latest.net_income, previous.net_income) {
            (Some(a), Some(b)) => {
                Some(a.is_sign_negative() && !a.is_zero() && b.is_sign_negative() && !b.is_zero())
            }
            _ => None,
        },
    }
}

/// The analysis of the newest period (and the trend from the one before, if given).
pub fn analyse(
    periods: &[Period],
    choice: ModelChoice,
    policy: &Policy,
) -> Option<FinancialAnalysis> {
    let latest = periods.first()?;
    let mut assumptions = Vec::new();
    let ratios = ratios(latest, policy, &mut assumptions);
    let (model, reason) = choose_model(choice);
    let m = match model {
        "z" => &policy.altman.z,
        "zPrime" => &policy.altman.z_prime,
        _ => &policy.altman.z_double_prime,
    };
    Some(FinancialAnalysis {
        period_end: latest.period_end.map(format_date),
        currency: latest.currency.clone(),
        period_count: u32::try_from(periods.len()).unwrap_or(u32::MAX),
        revenue: latest.revenue,
        ratios,
        altman: altman_value(latest, model, reason, m, policy),
        em_score: em_score(latest, policy),
        trend: periods.get(1).map(|prev| trend(latest, prev, policy)),
        assumptions,
    })
}

/// Reads the `profile` facts that choose the model (`listed`, `manufacturer`), ignoring
/// the rest of the profile (the scorecard reads it).
pub fn read_model_choice(profile: Option<&Obj>, ps: &mut Problems) -> ModelChoice {
    match profile {
        None => ModelChoice::default(),
        Some(p) => ModelChoice {
            listed: p.boolean("listed", ps),
            manufacturer: p.boolean("manufacturer", ps),
        },
    }
}

/// The whole `financialAnalysis(financials, profile?, policy?)` export.
pub fn run(
    financials: &Value,
    profile: Option<&Value>,
    policy: Option<&Value>,
) -> Result<FinancialAnalysis, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let mut ps = Problems::new();
    let periods = read_financials(financials, "financials", None, &mut ps);
    let profile_obj = match profile {
        None | Some(Value::Null) => None,
        Some(v) => object(v, "profile", &mut ps),
    };
    let choice = read_model_choice(profile_obj.as_ref(), &mut ps);
    if !ps.is_empty() {
        return Err(ps);
    }
    analyse(&periods, choice, &policy).ok_or_else(|| {
        vec![Problem::new(
            code::REQUIRED,
            "financials",
            "at least one period is required",
        )]
    })
}
