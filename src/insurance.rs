//! Trade-credit insurance (`../shared/domain.md` §4): an indicative premium from insured
//! turnover × a rate built from the policy's base rate and rate drivers, with a range, the
//! fees, the premium tax and the cover's figures; and the payout of a claim.
//!
//! Rate = base rate (sector risk class) × country factor (buyers' countries, weighted by
//! turnover share) × terms × buyer quality × loss history × spread × indemnity × first
//! loss. Premium = max(turnover × rate, minimum premium), ± the policy's range share.
//! Claim payout: the insured loss (unpaid − recovered, capped at the approved limit) ×
//! indemnity − excess (Coface), or (loss − excess) × indemnity, as the policy of the
//! insured states; the insured keeps at least max(fixed retention, uninsured share).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{code, Problem, Problems};
use crate::money::{round_fixed, round_rate, Exact};
use crate::policy::{FactorBand, Policy};
use crate::score::Text;
use crate::value::{object, out_of_range, Obj, Value};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RateFactor {
    /// sector, country, terms, buyerQuality, lossHistory, spread, indemnity, firstLoss.
    pub driver: &'static str,
    /// The figure the factor was read from (risk class, weighted OECD category, days …);
    /// null when the input did not give it and the neutral factor 1 applies.
    pub input: Option<Decimal>,
    pub factor: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PremiumEstimate {
    pub policy_version: String,
    pub currency: Option<String>,
    pub insured_turnover: Decimal,
    pub base_rate: Decimal,
    pub factors: Vec<RateFactor>,
    /// The rate after every factor, before the minimum premium.
    pub rate: Decimal,
    pub premium: Decimal,
    pub premium_low: Decimal,
    pub premium_high: Decimal,
    pub minimum_premium: Option<Decimal>,
    pub minimum_applies: bool,
    /// premium / insured turnover.
    pub effective_rate: Decimal,
    pub monitoring_fees: Decimal,
    pub premium_tax_rate: Decimal,
    pub premium_tax: Decimal,
    /// premium + fees + tax, a year.
    pub total_annual_cost: Decimal,
    pub indemnity: Decimal,
    pub max_liability: Decimal,
    pub aggregate_first_loss: Decimal,
    pub excess_per_claim: Decimal,
    /// Expected yearly bad debt without cover: the average of the losses given, else the
    /// receivables at the typical terms × PD × LGD.
    pub expected_annual_loss: Decimal,
    /// What the insured would still bear of it with cover.
    pub expected_loss_kept: Decimal,
    /// The yearly loss at which the cover pays back its whole cost.
    pub break_even_loss: Decimal,
    pub loss_ratio: Option<Decimal>,
    pub summary: Text,
    pub assumptions: Vec<&'static str>,
}

struct Country {
    category: Decimal,
    share: Decimal,
}

fn band_factor(value: Decimal, bands: &[FactorBand]) -> Decimal {
    bands
        .iter()
        .find(|b| b.below.is_none_or(|below| value < below))
        .map_or(Decimal::ONE, |b| b.factor)
}

fn money_field(o: &Obj, key: &str, ps: &mut Problems) -> Option<Decimal> {
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let d = o.decimal(key, ps)?;
    if d < Decimal::ZERO || d > limit {
        ps.push(out_of_range(&o.path(key), Some(Decimal::ZERO), Some(limit)));
        return None;
    }
    Some(d)
}

const FIELDS: [&str; 16] = [
    "insuredTurnover",
    "currency",
    "domesticShare",
    "sector",
    "buyerCountries",
    "numberOfBuyers",
    "buyerGradeMix",
    "typicalTermsDays",
    "maxTermsDays",
    "badDebtLosses",
    "dso",
    "cover",
    "policyholderCountry",
    "premiumTaxRate",
    "name",
    "pd",
];

pub fn estimate(value: &Value, policy: &Policy) -> Result<PremiumEstimate, Problems> {
    let ins = &policy.insurance;
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(&FIELDS, &mut ps);
    let _ = o.string("name", &mut ps);
    let mut assumptions = Vec::new();
    let turnover = o.required("insuredTurnover", &mut ps, |o, k, p| {
        let v = money_field(o, k, p)?;
        if v.is_zero() {
            p.push(
                Problem::new(code::OUT_OF_RANGE, o.path(k), "must be more than 0")
                    .with_range(Some("0".into()), None),
            );
            return None;
        }
        Some(v)
    });
    let currency = o.string("currency", &mut ps).map(str::to_string);
    let _ = o.decimal_in("domesticShare", Decimal::ZERO, Decimal::ONE, &mut ps);
    let industries: Vec<&str> = policy.industries.iter().map(|i| i.code.as_str()).collect();
    let sector_class = o.string("sector", &mut ps).and_then(|s| {
        match policy.industries.iter().find(|i| i.code == s) {
            Some(i) => Some(i.risk_class),
            None => {
                ps.push(
                    Problem::new(
                        code::NOT_ONE_OF,
                        "sector",
                        "is not in the policy's list of industries",
                    )
                    .with_allowed(&industries),
                );
                None
            }
        }
    });
    // Buyers' countries with their shares of turnover (adding up to 1).
    let mut countries: Vec<Country> = Vec::new();
    if let Some(items) = o.array("buyerCountries", &mut ps) {
        let codes: Vec<&str> = policy.countries.iter().map(|c| c.code.as_str()).collect();
        for (i, item) in items.iter().enumerate().take(300) {
            let Some(c) = object(item, &format!("buyerCountries[{i}]"), &mut ps) else {
                continue;
            };
            c.reject_unknown(&["country", "share", "oecdCategory"], &mut ps);
            let share = c.required("share", &mut ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            // A country outside the policy's list may still be given with its category.
            let given = c
                .integer_in("oecdCategory", 0, 7, &mut ps)
                .map(Decimal::from);
            let listed = match c.string("country", &mut ps) {
                Some(code_text) => match policy.countries.iter().find(|x| x.code == code_text) {
                    Some(x) => Some(Decimal::from(x.oecd_category)),
                    None if given.is_some() => None,
                    None => {
                        ps.push(
                            Problem::new(
                                code::NOT_ONE_OF,
                                c.path("country"),
                                "is not in the policy's list; give its oecdCategory",
                            )
                            .with_allowed(&codes),
                        );
                        None
                    }
                },
                None if given.is_none() => {
                    ps.push(Problem::new(
                        code::REQUIRED,
                        c.path("country"),
                        "is required (or oecdCategory)",
                    ));
                    None
                }
                None => None,
            };
            if let (Some(category), Some(share)) = (given.or(listed), share) {
                countries.push(Country { category, share });
            }
        }
        let total: Decimal = countries.iter().map(|c| c.share).sum();
        if !countries.is_empty()
            && (total - Decimal::ONE).abs() > Decimal::new(1, 4)
            && ps.is_empty()
        {
            ps.push(Problem::new(
                code::WEIGHTS_NOT_100,
                "buyerCountries",
                format!("the shares add up to {total}, not 1"),
            ));
        }
    }
    let buyers = o
        .integer_in("numberOfBuyers", 1, 10_000_000, &mut ps)
        .map(Decimal::from);
    let mut grade_mix: Vec<(Decimal, Decimal)> = Vec::new();
    if let Some(items) = o.array("buyerGradeMix", &mut ps) {
        let grades = i64::try_from(policy.grades.len()).unwrap_or(10);
        for (i, item) in items.iter().enumerate().take(100) {
            let Some(g) = object(item, &format!("buyerGradeMix[{i}]"), &mut ps) else {
                continue;
            };
            g.reject_unknown(&["grade", "share"], &mut ps);
            let grade = g.required("grade", &mut ps, |o, k, p| o.integer_in(k, 1, grades, p));
            let share = g.required("share", &mut ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            if let (Some(grade), Some(share)) = (grade, share) {
                grade_mix.push((Decimal::from(grade), share));
            }
        }
        let total: Decimal = grade_mix.iter().map(|(_, s)| *s).sum();
        if !grade_mix.is_empty()
            && (total - Decimal::ONE).abs() > Decimal::new(1, 4)
            && ps.is_empty()
        {
            ps.push(Problem::new(
                code::WEIGHTS_NOT_100,
                "buyerGradeMix",
                format!("the shares add up to {total}, not 1"),
            ));
        }
    }
    let max_days = policy.terms.max_term_days;
    let terms = o
        .integer_in("typicalTermsDays", 0, max_days, &mut ps)
        .map(Decimal::from);
    let max_terms = o
        .integer_in("maxTermsDays", 0, max_days, &mut ps)
        .map(Decimal::from);
    if let (Some(t), Some(m)) = (terms, max_terms) {
        if m < t {
            ps.push(Problem::new(
                code::UNORDERED,
                "maxTermsDays",
                "must not be below typicalTermsDays",
            ));
        }
    }
    let mut losses: Vec<Decimal> = Vec::new();
    if let Some(items) = o.array("badDebtLosses", &mut ps) {
        if items.len() > 10 {
            ps.push(
                Problem::new(code::TOO_LONG, "badDebtLosses", "at most 10 years")
                    .with_range(None, Some("10".into())),
            );
        }
        for (i, item) in items.iter().enumerate().take(10) {
            match crate::value::read_decimal(item, &format!("badDebtLosses[{i}]")) {
                Ok(d) if d >= Decimal::ZERO => losses.push(d),
                Ok(_) => ps.push(out_of_range(
                    &format!("badDebtLosses[{i}]"),
                    Some(Decimal::ZERO),
                    None,
                )),
                Err(p) => ps.push(p),
            }
        }
    }
    let _ = o.decimal_in("dso", Decimal::ZERO, Decimal::from(max_days), &mut ps);
    let pd_given = o.decimal_in("pd", Decimal::ZERO, Decimal::ONE, &mut ps);
    let (mut indemnity, mut first_loss, mut excess, mut multiple, mut named) = (
        ins.default_indemnity,
        Decimal::ZERO,
        Decimal::ZERO,
        ins.default_max_liability_multiple,
        Decimal::ZERO,
    );
    if let Some(c) = o.object("cover", &mut ps) {
        c.reject_unknown(
            &[
                "indemnity",
                "aggregateFirstLoss",
                "excessPerClaim",
                "maxLiabilityMultiple",
                "namedBuyers",
            ],
            &mut ps,
        );
        if let Some(v) = c.decimal_in("indemnity", Decimal::new(5, 1), Decimal::ONE, &mut ps) {
            indemnity = v;
        }
        if let Some(v) = money_field(&c, "aggregateFirstLoss", &mut ps) {
            first_loss = v;
        }
        if let Some(v) = money_field(&c, "excessPerClaim", &mut ps) {
            excess = v;
        }
        if let Some(v) = c.decimal_in(
            "maxLiabilityMultiple",
            Decimal::ONE,
            Decimal::from(1000),
            &mut ps,
        ) {
            multiple = v;
        }
        if let Some(v) = c.integer_in("namedBuyers", 0, 100_000, &mut ps) {
            named = Decimal::from(v);
        }
    }
    let holder = o.string("policyholderCountry", &mut ps).map(str::to_string);
    let tax_given = o.decimal_in("premiumTaxRate", Decimal::ZERO, Decimal::ONE, &mut ps);
    let Some(turnover) = turnover.filter(|_| ps.is_empty()) else {
        return Err(ps);
    };

    let overflow = || vec![Problem::overflow("insuredTurnover")];
    let mode = policy.rounding.mode;
    let minor = policy.minor_units(currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);
    let rate_r = |d: Decimal| round_rate(d, policy.rounding.rate_decimals, mode);

    // Base rate by the sector's class (class 3, the average, when not given).
    let class = sector_class.unwrap_or_else(|| {
        assumptions.push("SECTOR_AVERAGE");
        3
    });
    let base = ins
        .base_rate_by_risk_class
        .get(class.saturating_sub(1) as usize)
        .copied()
        .unwrap_or(Decimal::ONE);
    let mut factors = Vec::new();
    factors.push(RateFactor {
        driver: "sector",
        input: sector_class.map(Decimal::from),
        factor: Decimal::ONE,
    });
    // Country: the turnover-weighted average of the categories' factors.
    let country_factor = if countries.is_empty() {
        assumptions.push("BUYERS_COUNTRIES_NOT_GIVEN");
        None
    } else {
        let mut f = Decimal::ZERO;
        let mut category = Decimal::ZERO;
        for c in &countries {
            let idx = usize::try_from(c.category.mantissa()).unwrap_or(0);
            let cf = ins
                .country_factors
                .get(idx)
                .copied()
                .unwrap_or(Decimal::ONE);
            f = f
                .plus(cf.times(c.share).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            category = category
                .plus(c.category.times(c.share).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
        }
        Some((category, f))
    };
    factors.push(RateFactor {
        driver: "country",
        input: country_factor.map(|(c, _)| rate_r(c)),
        factor: country_factor.map_or(Decimal::ONE, |(_, f)| rate_r(f)),
    });
    factors.push(RateFactor {
        driver: "terms",
        input: terms,
        factor: terms.map_or(Decimal::ONE, |t| band_factor(t, &ins.terms_factors)),
    });
    let avg_grade = if grade_mix.is_empty() {
        None
    } else {
        grade_mix
            .iter()
            .try_fold(Decimal::ZERO, |a, (g, s)| a.plus(g.times(*s)?))
    };
    // A buyer past the grade at which we give no open credit is one an insurer would
    // most likely refuse to cover: the figure is shown, with the warning.
    if avg_grade.is_some_and(|g| g >= Decimal::from(policy.limit.no_open_credit_from_grade)) {
        assumptions.push("INSURER_LIKELY_TO_DECLINE");
    }
    factors.push(RateFactor {
        driver: "buyerQuality",
        input: avg_grade.map(rate_r),
        factor: avg_grade.map_or(Decimal::ONE, |g| band_factor(g, &ins.buyer_quality_factors)),
    });
    let avg_loss = if losses.is_empty() {
        None
    } else {
        let sum = losses
            .iter()
            .try_fold(Decimal::ZERO, |a, l| a.plus(*l))
            .ok_or_else(overflow)?;
        Some(
            sum.over(Decimal::from(losses.len() as u64))
                .ok_or_else(overflow)?,
        )
    };
    let loss_ratio = avg_loss.and_then(|l| l.over(turnover));
    factors.push(RateFactor {
        driver: "lossHistory",
        input: loss_ratio.map(rate_r),
        factor: loss_ratio.map_or(Decimal::ONE, |r| band_factor(r, &ins.loss_history_factors)),
    });
    factors.push(RateFactor {
        driver: "spread",
        input: buyers,
        factor: buyers.map_or(Decimal::ONE, |b| band_factor(b, &ins.spread_factors)),
    });
    factors.push(RateFactor {
        driver: "indemnity",
        input: Some(indemnity),
        factor: band_factor(indemnity, &ins.indemnity_factors),
    });
    let afl_share = first_loss.over(turnover).ok_or_else(overflow)?;
    factors.push(RateFactor {
        driver: "firstLoss",
        input: Some(rate_r(afl_share)),
        factor: band_factor(afl_share, &ins.first_loss_factors),
    });
    if excess > Decimal::ZERO {
        assumptions.push("EXCESS_PER_CLAIM_NOT_PRICED");
    }
    let rate = factors
        .iter()
        .try_fold(base, |r, f| r.times(f.factor))
        .ok_or_else(overflow)?;
    let raw_premium = turnover.times(rate).ok_or_else(overflow)?;
    let minimum = currency
        .as_deref()
        .and_then(|c| ins.minimum_premiums.iter().find(|m| m.currency == c))
        .map(|m| m.amount);
    let minimum_applies = minimum.is_some_and(|m| raw_premium < m);
    let premium = money(if minimum_applies {
        minimum.unwrap_or(raw_premium)
    } else {
        raw_premium
    });
    let low = money(
        premium
            .times(Decimal::ONE.minus(ins.range_share).ok_or_else(overflow)?)
            .ok_or_else(overflow)?
            .max(minimum.unwrap_or(Decimal::ZERO)),
    );
    let high = money(
        premium
            .times(Decimal::ONE.plus(ins.range_share).ok_or_else(overflow)?)
            .ok_or_else(overflow)?,
    );
    let fee = currency
        .as_deref()
        .and_then(|c| ins.named_buyer_fees.iter().find(|m| m.currency == c))
        .map(|m| m.amount);
    if named > Decimal::ZERO && fee.is_none() {
        assumptions.push("NO_FEE_FOR_CURRENCY");
    }
    let fees = money(named.times(fee.unwrap_or_default()).ok_or_else(overflow)?);
    let tax_rate = match (tax_given, holder.as_deref()) {
        (Some(t), _) => t,
        (None, Some(c)) => match ins.premium_taxes.iter().find(|t| t.country == c) {
            Some(t) => t.rate,
            None => {
                assumptions.push("PREMIUM_TAX_UNKNOWN");
                Decimal::ZERO
            }
        },
        (None, None) => {
            assumptions.push("PREMIUM_TAX_NOT_GIVEN");
            Decimal::ZERO
        }
    };
    let tax = money(
        premium
            .plus(fees)
            .and_then(|x| x.times(tax_rate))
            .ok_or_else(overflow)?,
    );
    let total = money(
        premium
            .plus(fees)
            .and_then(|x| x.plus(tax))
            .ok_or_else(overflow)?,
    );
    // Expected yearly bad debt without cover.
    let expected_loss = match avg_loss {
        Some(l) => l,
        None => {
            assumptions.push("EXPECTED_LOSS_FROM_PD");
            let pd = match (pd_given, avg_grade) {
                (Some(p), _) => p,
                (None, Some(g)) => {
                    let grade = u32::try_from(g.round().mantissa()).unwrap_or(5);
                    policy
                        .grades
                        .iter()
                        .find(|x| x.grade == grade)
                        .map_or(policy.terms.default_pd, |x| x.pd)
                }
                (None, None) => policy.terms.default_pd,
            };
            let days = terms.unwrap_or(Decimal::from(60));
            turnover
                .times(days)
                .and_then(|x| x.over(Decimal::from(365)))
                .and_then(|x| x.times(pd))
                .and_then(|x| x.times(policy.terms.loss_given_default))
                .ok_or_else(overflow)?
        }
    };
    let first_part = expected_loss.min(first_loss);
    let kept = first_part
        .plus(
            expected_loss
                .minus(first_part)
                .and_then(|x| x.times(Decimal::ONE.minus(indemnity)?))
                .ok_or_else(overflow)?,
        )
        .ok_or_else(overflow)?;
    let break_even = total
        .over(indemnity)
        .and_then(|x| x.plus(first_loss))
        .ok_or_else(overflow)?;
    let max_liability = money(premium.times(multiple).ok_or_else(overflow)?);
    let pct =
        |d: Decimal| round_rate(d.times(Decimal::ONE_HUNDRED).unwrap_or(d), 2, mode).to_string();
    let unit = currency
        .as_deref()
        .map(|c| [" ", c].concat())
        .unwrap_or_default();
    let show = |d: Decimal| [money(d).to_string(), unit.clone()].concat();
    // Each figure written once for both languages: formatting was a tenth of this call.
    let [s_premium, s_low, s_high, s_total, s_max, s_loss, s_kept, s_even] = [
        premium,
        low,
        high,
        total,
        max_liability,
        expected_loss,
        kept,
        break_even,
    ]
    .map(show);
    let [p_share, p_indemnity] = [premium.over(turnover).unwrap_or_default(), indemnity].map(pct);
    let s_first = (!first_loss.is_zero()).then(|| show(first_loss));
    let summary = Text {
        en: format!(
            "The premium is about {s_premium} a year ({p_share}% of turnover; indicative range {s_low} to {s_high}), {s_total} with fees and tax. It pays {p_indemnity}% of insured losses{}, up to {s_max} a year. Expected bad debt is about {s_loss} a year, of which you would still bear {s_kept}; the cover pays back its cost once losses exceed {s_even} a year.",
            s_first.as_deref().map(|f| [" beyond the first ", f].concat()).unwrap_or_default(),
        ),
        zh_cn: format!(
            "保费每年约 {s_premium}（占营业额的 {p_share}%；参考区间 {s_low} 至 {s_high}），含费用和税共 {s_total}。{}承保损失赔付 {p_indemnity}%，每年最高 {s_max}。预计每年坏账约 {s_loss}，投保后自担 {s_kept}；当年损失超过 {s_even} 时保险费用即可收回。",
            s_first.as_deref().map(|f| ["超过自担额 ", f, " 的"].concat()).unwrap_or_default(),
        ),
    };
    Ok(PremiumEstimate {
        policy_version: policy.version.clone(),
        currency,
        insured_turnover: money(turnover),
        base_rate: base,
        factors,
        rate: rate_r(rate),
        premium,
        premium_low: low,
        premium_high: high,
        minimum_premium: minimum,
        minimum_applies,
        effective_rate: rate_r(premium.over(turnover).ok_or_else(overflow)?),
        monitoring_fees: fees,
        premium_tax_rate: tax_rate,
        premium_tax: tax,
        total_annual_cost: total,
        indemnity,
        max_liability,
        aggregate_first_loss: money(first_loss),
        excess_per_claim: money(excess),
        expected_annual_loss: money(expected_loss),
        expected_loss_kept: money(kept),
        break_even_loss: money(break_even),
        loss_ratio: loss_ratio.map(rate_r),
        summary,
        assumptions,
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimPayout {
    pub policy_version: String,
    pub currency: Option<String>,
    pub unpaid: Decimal,
    pub recovered: Decimal,
    /// unpaid − recovered, capped at the approved limit.
    pub insured_loss: Decimal,
    /// `indemnityThenExcess` (loss × indemnity − excess) or `excessThenIndemnity`.
    pub order: &'static str,
    pub indemnity: Decimal,
    pub excess: Decimal,
    pub payout_before_retention: Decimal,
    /// max(fixed retention, the uninsured share): the least the insured keeps.
    pub minimum_retention: Decimal,
    pub payout: Decimal,
    /// What the insured bears in the end: unpaid − recovered − payout.
    pub kept: Decimal,
    pub capped_by: Option<&'static str>,
}

pub fn claim(value: &Value, policy: &Policy) -> Result<ClaimPayout, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(
        &[
            "unpaidAmount",
            "recovered",
            "approvedLimit",
            "indemnity",
            "excess",
            "order",
            "fixedRetention",
            "maxLiabilityRemaining",
            "currency",
        ],
        &mut ps,
    );
    let unpaid = o.required("unpaidAmount", &mut ps, |o, k, p| money_field(o, k, p));
    let recovered = money_field(&o, "recovered", &mut ps).unwrap_or_default();
    let limit = money_field(&o, "approvedLimit", &mut ps);
    let indemnity = o
        .decimal_in("indemnity", Decimal::ZERO, Decimal::ONE, &mut ps)
        .unwrap_or(policy.insurance.default_indemnity);
    let excess = money_field(&o, "excess", &mut ps).unwrap_or_default();
    let order = o
        .one_of(
            "order",
            &["indemnityThenExcess", "excessThenIndemnity"],
            &mut ps,
        )
        .unwrap_or("indemnityThenExcess");
    let retention = money_field(&o, "fixedRetention", &mut ps).unwrap_or_default();
    let remaining = money_field(&o, "maxLiabilityRemaining", &mut ps);
    let currency = o.string("currency", &mut ps).map(str::to_string);
    if unpaid.is_some_and(|u| recovered > u) {
        ps.push(Problem::new(
            code::OUT_OF_RANGE,
            "recovered",
            "must not exceed the unpaid amount",
        ));
    }
    let Some(unpaid) = unpaid.filter(|_| ps.is_empty()) else {
        return Err(ps);
    };
    let overflow = || vec![Problem::overflow("unpaidAmount")];
    let minor = policy.minor_units(currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, policy.rounding.mode);
    let net = unpaid.minus(recovered).ok_or_else(overflow)?;
    let mut capped_by = None;
    let loss = match limit {
        Some(l) if l < net => {
            capped_by = Some("APPROVED_LIMIT");
            l
        }
        _ => net,
    };
    let before = match order {
        "excessThenIndemnity" => loss.minus(excess).and_then(|x| x.times(indemnity)),
        _ => loss.times(indemnity).and_then(|x| x.minus(excess)),
    }
    .ok_or_else(overflow)?
    .max(Decimal::ZERO);
    let uninsured = loss
        .times(Decimal::ONE.minus(indemnity).ok_or_else(overflow)?)
        .ok_or_else(overflow)?;
    let min_kept = retention.max(uninsured);
    let mut payout = before.min(
        loss.minus(min_kept)
            .ok_or_else(overflow)?
            .max(Decimal::ZERO),
    );
    if payout < before {
        capped_by = Some("MINIMUM_RETENTION");
    }
    if let Some(r) = remaining {
        if r < payout {
            payout = r;
            capped_by = Some("MAXIMUM_LIABILITY");
        }
    }
    Ok(ClaimPayout {
        policy_version: policy.version.clone(),
        currency,
        unpaid: money(unpaid),
        recovered: money(recovered),
        insured_loss: money(loss),
        order,
        indemnity,
        excess: money(excess),
        payout_before_retention: money(before),
        minimum_retention: money(min_kept),
        payout: money(payout),
        kept: money(net.minus(payout).ok_or_else(overflow)?),
        capped_by,
    })
}

/// The whole `estimatePremium(input, policy?)` export.
pub fn run_estimate(value: &Value, policy: Option<&Value>) -> Result<PremiumEstimate, Problems> {
    let policy = crate::policy::resolve(policy)?;
    estimate(value, &policy)
}

/// The whole `claimPayout(input, policy?)` export.
pub fn run_claim(value: &Value, policy: Option<&Value>) -> Result<ClaimPayout, Problems> {
    let policy = crate::policy::resolve(policy)?;
    claim(value, &policy)
}
