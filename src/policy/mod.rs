//! The credit policy: every rate, threshold and table the engines use, as one versioned
//! document. [`default_policy`] is ours (its figures and their sources are in
//! `defaults.rs`); a company supplies its own as JSON. A supplied policy may leave out any
//! field: the default's value is used there; every field it gives is checked, with every
//! problem reported by path (`read.rs`).

mod defaults;
mod read;

#[cfg(feature = "company-policy")]
use std::cell::RefCell;
use std::ops::Deref;
use std::rc::Rc;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::error::Problems;
#[cfg(not(feature = "company-policy"))]
use crate::error::{code, Problem};
use crate::money::RoundingMode;
use crate::value::Value;

pub use defaults::default_policy;
pub use read::read_policy;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Policy {
    /// Which revision of the policy produced a result; every result repeats it.
    pub version: String,
    pub name: String,
    pub rounding: Rounding,
    /// Minor units per ISO 4217 currency; amounts are rounded to them.
    pub currencies: Vec<Currency>,
    pub terms: TermDefaults,
    pub scorecard: Scorecard,
    /// Score cut-offs, 12-month PD, risk band and decision per grade, best grade first.
    pub grades: Vec<Grade>,
    pub payment_index: PaymentIndexPolicy,
    pub legal: LegalPolicy,
    pub altman: AltmanPolicy,
    pub industries: Vec<Industry>,
    pub countries: Vec<Country>,
    pub limit: LimitPolicy,
    pub late_payment: LatePaymentPolicy,
    pub insurance: InsurancePolicy,
    pub overdue: OverduePolicy,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rounding {
    #[serde(serialize_with = "mode_name")]
    pub mode: RoundingMode,
    /// Decimals for an amount whose currency is not in `currencies`.
    pub money_decimals: u32,
    /// Decimals kept for a rate given as a fraction (0.3724489796 = 37.24489796 %).
    pub rate_decimals: u32,
    /// Decimals of a score (0–100) and of factor points.
    pub score_decimals: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    pub code: String,
    pub minor_units: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermDefaults {
    /// Days in a year for annualizing a rate when the input names none (360 or 365).
    pub day_basis: u32,
    /// Longest credit period, in days, the engines accept anywhere.
    pub max_term_days: i64,
    /// Our yearly cost of capital, for carrying costs and present values.
    pub cost_of_capital: Decimal,
    /// Loss given default, when the caller gives none.
    pub loss_given_default: Decimal,
    /// 12-month probability of default when neither a PD nor a score is given.
    pub default_pd: Decimal,
}

/// What happens to a factor the customer has no data for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingData {
    /// Its weight is shared out among the factors that have data.
    Reweight,
    /// It scores `neutralPoints` with its own weight.
    Neutral,
}

impl MissingData {
    pub const NAMES: [&'static str; 2] = ["reweight", "neutral"];
    pub fn name(self) -> &'static str {
        match self {
            MissingData::Reweight => "reweight",
            MissingData::Neutral => "neutral",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    #[serde(serialize_with = "missing_name")]
    pub missing_data: MissingData,
    pub neutral_points: Decimal,
    /// Fewer payment experiences than this: "insufficient history", lower confidence.
    pub min_payment_experiences: u32,
    /// Confidence at or above which it is "high", and "medium"; below, "low".
    pub high_confidence_from: Decimal,
    pub medium_confidence_from: Decimal,
    pub factors: Vec<Factor>,
}

/// The scorecard's factors. Each reads one figure of the customer and has a fixed
/// direction: a better figure never earns fewer points (the policy check enforces it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum FactorCode {
    /// Altman zone of the model the profile calls for: 0 distress, 1 grey, 2 safe.
    Altman,
    CurrentRatio,
    /// Total liabilities / total assets.
    DebtRatio,
    NetMargin,
    InterestCover,
    /// Revenue growth over the previous period (needs two periods).
    RevenueGrowth,
    /// The recency-weighted payment index, 0–100.
    PaymentIndex,
    /// Recency-weighted severity of legal events.
    Legal,
    /// Years since founding.
    BusinessAge,
    Employees,
    /// The industry's risk class, 1 (low) to 5 (high).
    IndustryRisk,
    /// The country's OECD country-risk category, 0 to 7.
    CountryRisk,
    /// A third-party bureau score, rescaled to 0–100 (higher = safer).
    BureauScore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

impl FactorCode {
    pub const ALL: [FactorCode; 13] = [
        FactorCode::Altman,
        FactorCode::CurrentRatio,
        FactorCode::DebtRatio,
        FactorCode::NetMargin,
        FactorCode::InterestCover,
        FactorCode::RevenueGrowth,
        FactorCode::PaymentIndex,
        FactorCode::Legal,
        FactorCode::BusinessAge,
        FactorCode::Employees,
        FactorCode::IndustryRisk,
        FactorCode::CountryRisk,
        FactorCode::BureauScore,
    ];
    pub const NAMES: [&'static str; 13] = [
        "altman",
        "currentRatio",
        "debtRatio",
        "netMargin",
        "interestCover",
        "revenueGrowth",
        "paymentIndex",
        "legal",
        "businessAge",
        "employees",
        "industryRisk",
        "countryRisk",
        "bureauScore",
    ];

    pub fn name(self) -> &'static str {
        let i = FactorCode::ALL.iter().position(|c| *c == self).unwrap_or(0);
        FactorCode::NAMES.get(i).copied().unwrap_or("altman")
    }

    pub fn from_name(name: &str) -> Option<Self> {
        let i = FactorCode::NAMES.iter().position(|n| *n == name)?;
        FactorCode::ALL.get(i).copied()
    }

    pub fn direction(self) -> Direction {
        match self {
            FactorCode::DebtRatio
            | FactorCode::Legal
            | FactorCode::IndustryRisk
            | FactorCode::CountryRisk => Direction::LowerIsBetter,
            _ => Direction::HigherIsBetter,
        }
    }

    /// Which group of the analyst's form the factor belongs to.
    pub fn group(self) -> &'static str {
        match self {
            FactorCode::PaymentIndex => "payments",
            FactorCode::Legal => "legal",
            FactorCode::BusinessAge
            | FactorCode::Employees
            | FactorCode::IndustryRisk
            | FactorCode::CountryRisk
            | FactorCode::BureauScore => "profile",
            _ => "financials",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Factor {
    pub code: FactorCode,
    /// Share of the score, in points out of 100; all weights add up to 100.
    pub weight: Decimal,
    /// Points 0–100 by value: the first band whose `below` exceeds the value; the last
    /// band has `below: null` and takes every larger value.
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub below: Option<Decimal>,
    pub points: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RiskBand {
    Green,
    Amber,
    Red,
}

impl RiskBand {
    pub const NAMES: [&'static str; 3] = ["green", "amber", "red"];
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "green" => Some(RiskBand::Green),
            "amber" => Some(RiskBand::Amber),
            "red" => Some(RiskBand::Red),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    Approve,
    Review,
    /// Secure the credit (guarantee, letter of credit, insurance) or ask cash in advance.
    SecureOrPrepay,
}

impl Decision {
    pub const NAMES: [&'static str; 3] = ["approve", "review", "secureOrPrepay"];
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "approve" => Some(Decision::Approve),
            "review" => Some(Decision::Review),
            "secureOrPrepay" => Some(Decision::SecureOrPrepay),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grade {
    pub grade: u32,
    /// The lowest score of the grade; grades run from the best (highest cut-off) down,
    /// and the last grade's cut-off is 0.
    pub min_score: Decimal,
    /// 12-month probability of default, as a fraction.
    pub pd: Decimal,
    pub band: RiskBand,
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentIndexPolicy {
    /// Index value by days beyond terms, interpolated linearly between anchors.
    pub anchors: Vec<PaymentAnchor>,
    pub low_risk_from: Decimal,
    pub medium_risk_from: Decimal,
    /// For the score: an experience's weight halves every this many months of age.
    pub half_life_months: Decimal,
    /// Experiences older than this (by due date) are left out.
    pub lookback_months: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PaymentAnchor {
    pub days_beyond_terms: i32,
    pub index: Decimal,
    /// Stable code of the payment practice at this anchor (`prompt`, `slow30`, …).
    pub practice: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalPolicy {
    pub events: Vec<LegalEventRule>,
    /// A resolved event counts this share of its severity.
    pub resolved_factor: Decimal,
    pub half_life_months: Decimal,
    pub lookback_months: u32,
    /// An unresolved insolvency filing this recent puts the customer in the worst grade.
    pub insolvency_knockout_months: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LegalEventRule {
    pub kind: String,
    pub severity: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AltmanPolicy {
    /// Z (1968): listed manufacturers; X4 = market value of equity / total liabilities.
    pub z: AltmanModel,
    /// Z': private manufacturers; X4 = book equity / total liabilities.
    pub z_prime: AltmanModel,
    /// Z'': non-manufacturers and emerging markets; no X5.
    pub z_double_prime: AltmanModel,
    /// EM score = Z'' + this constant.
    pub em_constant: Decimal,
    /// Indicative bond-rating equivalents of the EM score, best first.
    pub em_ratings: Vec<EmRating>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AltmanModel {
    pub x1: Decimal,
    pub x2: Decimal,
    pub x3: Decimal,
    pub x4: Decimal,
    pub x5: Decimal,
    pub distress_below: Decimal,
    pub safe_above: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmRating {
    pub rating: String,
    pub min_score: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Industry {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    /// 1 (low risk) to 5 (high risk).
    pub risk_class: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// OECD country-risk category, 0 (lowest) to 7.
    pub oecd_category: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitPolicy {
    /// The recommendation is rounded down to a multiple of this, in the ceiling currency…
    pub rounding_step: Decimal,
    /// …and of these in other currencies (others: to the minor unit).
    pub rounding_steps: Vec<CurrencyStep>,
    /// Never recommend more than the customer needs (proportionality).
    pub cap_at_need: bool,
    /// From this grade on: no open credit, only mitigations.
    pub no_open_credit_from_grade: u32,
    /// Shares of tangible net worth and of the customer's revenue, and the ceiling, per grade.
    pub by_grade: Vec<GradeLimit>,
    pub working_capital_share: Decimal,
    /// No customer above this share of our own annual sales.
    pub concentration_share: Decimal,
    /// The currency of the ceilings and of the approvers' authority.
    pub ceiling_currency: String,
    pub partial_prepayment_share: Decimal,
    /// Share of an insured loss the insurer pays (for the credit-insurance mitigation).
    pub insurance_indemnity: Decimal,
    /// Who may approve exposure up to what, lowest first; the last without a bound.
    pub approvers: Vec<Approver>,
    pub review_months: ReviewMonths,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyStep {
    pub currency: String,
    pub step: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GradeLimit {
    pub grade: u32,
    pub net_worth_share: Decimal,
    pub revenue_share: Decimal,
    pub ceiling: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Approver {
    pub role: String,
    pub up_to: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewMonths {
    pub green: u32,
    pub amber: u32,
    pub red: u32,
}

/// Statutory late-payment interest and compensation (domain.md §3.1); the reference rates
/// are dated data, each entry the rate in force from its date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LatePaymentPolicy {
    pub reference_rates: Vec<RateSeries>,
    pub eu: EuLateRule,
    pub uk: UkLateRule,
    pub cn: CnLateRule,
    pub us: UsLateRule,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateSeries {
    /// ECB_MRO, BOE_BASE, LPR_1Y.
    pub code: String,
    pub entries: Vec<DatedRate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DatedRate {
    #[serde(serialize_with = "date_text")]
    pub from: chrono::NaiveDate,
    pub rate: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryMargin {
    pub country: String,
    pub margin: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EuLateRule {
    pub margin: Decimal,
    pub country_margins: Vec<CountryMargin>,
    pub fixed_compensation: Decimal,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FixedSum {
    pub below: Option<Decimal>,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UkLateRule {
    pub margin: Decimal,
    pub fixed_compensation: Vec<FixedSum>,
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CnLateRule {
    /// Per day, when no rate was agreed.
    pub daily_rate_without_agreement: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsLateRule {
    /// The customary contractual rate, per month, when none is given.
    pub default_monthly_rate: Decimal,
}

/// Trade-credit-insurance rate model (domain.md §4): a base rate by the sector's risk
/// class, multiplied by one factor per rate driver, each read from bands like the
/// scorecard's (`below` → factor).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InsurancePolicy {
    /// Base rate of insured turnover by sector risk class 1–5.
    pub base_rate_by_risk_class: Vec<Decimal>,
    /// Factor by OECD country-risk category 0–7, averaged over the buyers' countries.
    pub country_factors: Vec<Decimal>,
    pub terms_factors: Vec<FactorBand>,
    /// By the buyers' average grade.
    pub buyer_quality_factors: Vec<FactorBand>,
    /// By the loss ratio: average yearly bad debt / insured turnover.
    pub loss_history_factors: Vec<FactorBand>,
    /// By the number of buyers.
    pub spread_factors: Vec<FactorBand>,
    /// By the indemnity percentage.
    pub indemnity_factors: Vec<FactorBand>,
    /// By the aggregate first loss as a share of turnover.
    pub first_loss_factors: Vec<FactorBand>,
    /// Premium range: the point estimate ± this share.
    pub range_share: Decimal,
    pub default_indemnity: Decimal,
    pub default_max_liability_multiple: Decimal,
    /// Minimum premium and fee per named buyer, per currency.
    pub minimum_premiums: Vec<CurrencyAmount>,
    pub named_buyer_fees: Vec<CurrencyAmount>,
    /// Insurance premium tax by the policyholder's country.
    pub premium_taxes: Vec<CountryRate>,
}

/// Collections (催收): the dunning ladder and the recovery routes compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverduePolicy {
    pub ladder: Vec<DunningStep>,
    pub routes: Vec<RecoveryRoute>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DunningStep {
    /// Days after the oldest undisputed due date.
    pub days: u32,
    /// reminder, formalLetter, finalNotice, stopCredit, agencyOrLegal, or a company's own.
    pub action: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RecoveryRoute {
    /// keepDunning, restructuring, agency, legal, writeOff.
    pub route: String,
    /// Share of the overdue amount expected back.
    pub recovery: Decimal,
    /// Months until the money comes in (on average).
    pub months: u32,
    /// Cost as a share of what is recovered (an agency's fee) …
    pub cost_share: Decimal,
    /// … plus a fixed cost (court and lawyers' fees).
    pub fixed_cost: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorBand {
    pub below: Option<Decimal>,
    pub factor: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CurrencyAmount {
    pub currency: String,
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CountryRate {
    pub country: String,
    pub rate: Decimal,
}

fn date_text<S: Serializer>(d: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::calendar::format_date(*d))
}

fn mode_name<S: Serializer>(mode: &RoundingMode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(mode.name())
}

fn missing_name<S: Serializer>(m: &MissingData, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(m.name())
}

pub const DAY_BASES: [&str; 2] = ["360", "365"];

impl Policy {
    /// Decimals for amounts in `currency` (the policy's table, else `rounding.moneyDecimals`).
    pub fn minor_units(&self, currency: Option<&str>) -> u32 {
        currency
            .and_then(|c| self.currencies.iter().find(|x| x.code == c))
            .map_or(self.rounding.money_decimals, |c| c.minor_units)
    }
}

/// The policy a calculation runs on: ours, or a company's as read from its value.
pub enum PolicyRef {
    Default(&'static Policy),
    Company(Rc<Policy>),
}

impl Deref for PolicyRef {
    type Target = Policy;
    fn deref(&self) -> &Policy {
        match self {
            PolicyRef::Default(p) => p,
            PolicyRef::Company(p) => p,
        }
    }
}

#[cfg(feature = "company-policy")]
thread_local! {
    /// The company policy read last, with the value it was read from. A page that uses its
    /// own policy passes it with every call, and reading it (about 0.3 ms in Node for ours)
    /// cost more than most calculations. Reading is a function of the value alone, so an
    /// equal value gets the same policy; comparing takes about 20 µs.
    static LAST_READ: RefCell<Option<(Value, Rc<Policy>)>> = const { RefCell::new(None) };
}

/// A calculation's policy: ours when none is given, else the supplied one checked, its
/// problems reported under `policy.`.
pub fn resolve(value: Option<&Value>) -> Result<PolicyRef, Problems> {
    let v = match value {
        None | Some(Value::Null) => return Ok(PolicyRef::Default(default_policy())),
        Some(v) => v,
    };
    company(v)
}

/// A company policy, from the value it was read from last time or read now.
#[cfg(feature = "company-policy")]
fn company(v: &Value) -> Result<PolicyRef, Problems> {
    let seen = LAST_READ.with(|last| {
        let last = last.try_borrow().ok()?;
        let (value, policy) = last.as_ref()?;
        (value == v).then(|| Rc::clone(policy))
    });
    if let Some(policy) = seen {
        return Ok(PolicyRef::Company(policy));
    }
    let policy = Rc::new(read_policy(v).map_err(|ps| {
        ps.into_iter()
            .map(|p| p.under("policy"))
            .collect::<Problems>()
    })?);
    LAST_READ.with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = Some((v.clone(), Rc::clone(&policy)));
        }
    });
    Ok(PolicyRef::Company(policy))
}

/// A build without the policy reader (the deal check page's, to download less): a company
/// policy is refused, and the page's loader then asks the complete engine.
#[cfg(not(feature = "company-policy"))]
fn company(_: &Value) -> Result<PolicyRef, Problems> {
    Err(vec![Problem::new(
        code::POLICY_NOT_IN_BUILD,
        "policy",
        "This build of the engine calculates with its default policy only; the complete engine (pkg/credit_calculator_bg.wasm) reads a company policy.",
    )])
}

#[cfg(all(test, feature = "company-policy"))]
mod tests {
    use super::*;

    fn company(version: &str) -> Value {
        Value::Object(vec![("version".into(), Value::String(version.into()))])
    }

    fn read(value: &Value) -> Rc<Policy> {
        match resolve(Some(value)) {
            Ok(PolicyRef::Company(p)) => p,
            _ => panic!("a company policy"),
        }
    }

    #[test]
    fn the_policy_read_last_is_kept_while_the_value_is_equal() {
        let first = read(&company("acme-1"));
        assert_eq!(first.version, "acme-1");
        // An equal value (not the same one): the policy already read.
        assert!(Rc::ptr_eq(&first, &read(&company("acme-1"))));
        // Another value is read, and the first one again after it.
        assert_eq!(read(&company("acme-2")).version, "acme-2");
        let again = read(&company("acme-1"));
        assert_eq!(again.version, "acme-1");
        assert!(!Rc::ptr_eq(&first, &again));
        // A policy with problems is refused every time and leaves the kept one alone.
        let bad = Value::Object(vec![("version".into(), Value::Number("5".into()))]);
        for _ in 0..2 {
            let problems = resolve(Some(&bad)).err().unwrap_or_default();
            assert_eq!(
                problems.first().map(|p| p.field.as_str()),
                Some("policy.version")
            );
        }
        assert!(Rc::ptr_eq(&again, &read(&company("acme-1"))));
        assert!(matches!(resolve(None), Ok(PolicyRef::Default(_))));
    }
}
