//! Reading a supplied policy over the default. Absent fields keep the default; a table that
//! is given (factors, grades, anchors, lists) replaces the default's table whole. Every
//! problem is reported with its path relative to the policy's root.

use rust_decimal::Decimal;

use super::*;
use crate::error::{code, Problem};
use crate::value::{object, Obj};

const TOP: [&str; 16] = [
    "version",
    "name",
    "rounding",
    "currencies",
    "terms",
    "scorecard",
    "grades",
    "paymentIndex",
    "legal",
    "altman",
    "industries",
    "countries",
    "limit",
    "latePayment",
    "insurance",
    "overdue",
];

/// Reads a supplied policy over the default: absent fields keep the default, present ones
/// are checked. Returns every problem, with paths relative to the policy's root.
pub fn read_policy(value: &Value) -> Result<Policy, Problems> {
    let mut problems = Problems::new();
    let Some(root) = object(value, "", &mut problems) else {
        return Err(problems);
    };
    let ps = &mut problems;
    root.reject_unknown(&TOP, ps);
    let mut policy = default_policy().clone();
    let version = root.required("version", ps, |o, k, p| o.string(k, p));
    if let Some(v) = version {
        if v.trim().is_empty() || v.chars().count() > 100 {
            ps.push(Problem::new(
                code::OUT_OF_RANGE,
                "version",
                "must name the policy's revision in 1 to 100 characters",
            ));
        }
    }
    policy.version = version.unwrap_or_default().to_string();
    if let Some(name) = root.string("name", ps) {
        policy.name = name.to_string();
    }
    if let Some(r) = root.object("rounding", ps) {
        read_rounding(&r, &mut policy.rounding, ps);
    }
    if let Some(items) = root.array("currencies", ps) {
        policy.currencies = read_currencies(items, ps);
    }
    if let Some(t) = root.object("terms", ps) {
        t.reject_unknown(
            &[
                "dayBasis",
                "maxTermDays",
                "costOfCapital",
                "lossGivenDefault",
                "defaultPd",
            ],
            ps,
        );
        for (key, slot) in [
            ("costOfCapital", &mut policy.terms.cost_of_capital),
            ("lossGivenDefault", &mut policy.terms.loss_given_default),
            ("defaultPd", &mut policy.terms.default_pd),
        ] {
            if let Some(v) = t.decimal_in(key, Decimal::ZERO, Decimal::ONE, ps) {
                *slot = v;
            }
        }
        if let Some(b) = t.one_of("dayBasis", &DAY_BASES, ps) {
            policy.terms.day_basis = if b == "360" { 360 } else { 365 };
        }
        if let Some(m) = t.integer_in("maxTermDays", 1, 36_500, ps) {
            policy.terms.max_term_days = m;
        }
    }
    if let Some(s) = root.object("scorecard", ps) {
        read_scorecard(&s, &mut policy.scorecard, ps);
    }
    if let Some(items) = root.array("grades", ps) {
        policy.grades = read_grades(items, ps);
    }
    if let Some(o) = root.object("paymentIndex", ps) {
        read_payment_index(&o, &mut policy.payment_index, ps);
    }
    if let Some(o) = root.object("legal", ps) {
        read_legal(&o, &mut policy.legal, ps);
    }
    if let Some(o) = root.object("altman", ps) {
        read_altman(&o, &mut policy.altman, ps);
    }
    if let Some(items) = root.array("industries", ps) {
        policy.industries = read_industries(items, ps);
    }
    if let Some(items) = root.array("countries", ps) {
        policy.countries = read_countries(items, ps);
    }
    if let Some(o) = root.object("limit", ps) {
        read_limit(&o, &mut policy.limit, ps);
    }
    if let Some(o) = root.object("latePayment", ps) {
        read_late(&o, &mut policy.late_payment, ps);
    }
    if let Some(o) = root.object("insurance", ps) {
        read_insurance(&o, &mut policy.insurance, ps);
    }
    if let Some(o) = root.object("overdue", ps) {
        read_overdue(&o, &mut policy.overdue, ps);
    }
    let grades = u32::try_from(policy.grades.len()).unwrap_or(u32::MAX);
    if policy.limit.by_grade.len() != policy.grades.len() {
        ps.push(Problem::new(
            code::OUT_OF_RANGE,
            "limit.byGrade",
            format!("must have one entry per grade ({grades})"),
        ));
    }
    if policy.limit.no_open_credit_from_grade > grades.saturating_add(1) {
        ps.push(Problem::new(
            code::OUT_OF_RANGE,
            "limit.noOpenCreditFromGrade",
            "must be a grade of the policy (or one past the last)",
        ));
    }
    if problems.is_empty() {
        Ok(policy)
    } else {
        Err(problems)
    }
}

/// Each element of a policy table as an object with its path (`grades[3]`), or the
/// problem that it is not one; the caller reports it in document order.
fn each<'a>(items: &'a [Value], path: &str) -> Vec<Result<Obj<'a>, Problem>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut problems = Problems::new();
            object(item, &format!("{path}[{i}]"), &mut problems).ok_or_else(|| {
                problems
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| Problem::new(code::NOT_AN_OBJECT, path, "must be an object"))
            })
        })
        .collect()
}

/// Unwraps an element of [`each`], reporting a non-object and skipping it.
macro_rules! or_skip {
    ($item:expr, $ps:expr) => {
        match $item {
            Ok(obj) => obj,
            Err(problem) => {
                $ps.push(problem);
                continue;
            }
        }
    };
}

fn non_empty(items: &[Value], path: &str, ps: &mut Problems) -> bool {
    if items.is_empty() {
        ps.push(Problem::new(code::REQUIRED, path, "must not be empty"));
        return false;
    }
    true
}

fn read_rounding(r: &Obj, rounding: &mut Rounding, ps: &mut Problems) {
    r.reject_unknown(
        &["mode", "moneyDecimals", "rateDecimals", "scoreDecimals"],
        ps,
    );
    if let Some(name) = r.one_of("mode", &RoundingMode::NAMES, ps) {
        if let Some(mode) = RoundingMode::from_name(name) {
            rounding.mode = mode;
        }
    }
    if let Some(d) = r.integer_in("moneyDecimals", 0, 6, ps) {
        rounding.money_decimals = d as u32;
    }
    if let Some(d) = r.integer_in("rateDecimals", 4, 20, ps) {
        rounding.rate_decimals = d as u32;
    }
    if let Some(d) = r.integer_in("scoreDecimals", 0, 4, ps) {
        rounding.score_decimals = d as u32;
    }
}

fn read_currencies(items: &[Value], ps: &mut Problems) -> Vec<Currency> {
    let mut out: Vec<Currency> = Vec::new();
    for item in each(items, "currencies") {
        let c = or_skip!(item, ps);
        c.reject_unknown(&["code", "minorUnits"], ps);
        let code_text = c.required("code", ps, |o, k, p| o.string(k, p));
        let minor = c.required("minorUnits", ps, |o, k, p| o.integer_in(k, 0, 4, p));
        let Some(code_text) = code_text else { continue };
        if code_text.len() != 3 || !code_text.bytes().all(|b| b.is_ascii_uppercase()) {
            ps.push(Problem::new(
                code::NOT_ONE_OF,
                c.path("code"),
                "must be a three-letter ISO 4217 code in capitals, such as CNY",
            ));
            continue;
        }
        if out.iter().any(|x| x.code == code_text) {
            ps.push(Problem::new(
                code::DUPLICATE,
                c.path("code"),
                format!("{code_text} is listed twice"),
            ));
            continue;
        }
        if let Some(m) = minor {
            out.push(Currency {
                code: code_text.to_string(),
                minor_units: m as u32,
            });
        }
    }
    out
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

fn read_scorecard(s: &Obj, card: &mut Scorecard, ps: &mut Problems) {
    s.reject_unknown(
        &[
            "missingData",
            "neutralPoints",
            "minPaymentExperiences",
            "highConfidenceFrom",
            "mediumConfidenceFrom",
            "factors",
        ],
        ps,
    );
    if let Some(m) = s.one_of("missingData", &MissingData::NAMES, ps) {
        card.missing_data = if m == "neutral" {
            MissingData::Neutral
        } else {
            MissingData::Reweight
        };
    }
    if let Some(n) = s.decimal_in("neutralPoints", Decimal::ZERO, hundred(), ps) {
        card.neutral_points = n;
    }
    if let Some(n) = s.integer_in("minPaymentExperiences", 0, 1000, ps) {
        card.min_payment_experiences = n as u32;
    }
    if let Some(h) = s.decimal_in("highConfidenceFrom", Decimal::ZERO, Decimal::ONE, ps) {
        card.high_confidence_from = h;
    }
    if let Some(m) = s.decimal_in("mediumConfidenceFrom", Decimal::ZERO, Decimal::ONE, ps) {
        card.medium_confidence_from = m;
    }
    if card.medium_confidence_from > card.high_confidence_from {
        ps.push(Problem::new(
            code::UNORDERED,
            s.path("mediumConfidenceFrom"),
            "must not be above highConfidenceFrom",
        ));
    }
    let Some(items) = s.array("factors", ps) else {
        return;
    };
    let path = s.path("factors");
    if !non_empty(items, &path, ps) {
        return;
    }
    let mut factors: Vec<Factor> = Vec::new();
    let mut all_read = true;
    for item in each(items, &path) {
        let f = or_skip!(item, ps);
        f.reject_unknown(&["code", "weight", "bands"], ps);
        let code_name = f.required("code", ps, |o, k, p| o.one_of(k, &FactorCode::NAMES, p));
        let weight = f.required("weight", ps, |o, k, p| {
            o.decimal_in(k, Decimal::ZERO, hundred(), p)
        });
        let factor_code = code_name.and_then(FactorCode::from_name);
        let bands = f
            .required("bands", ps, |o, k, p| o.array(k, p))
            .and_then(|items| {
                read_bands(
                    items,
                    &f.path("bands"),
                    factor_code.map(FactorCode::direction),
                    ps,
                )
            });
        if let Some(fc) = factor_code {
            if factors.iter().any(|x| x.code == fc) {
                ps.push(Problem::new(
                    code::DUPLICATE,
                    f.path("code"),
                    format!("{} is listed twice", fc.name()),
                ));
                all_read = false;
                continue;
            }
        }
        match (factor_code, weight, bands) {
            (Some(code), Some(weight), Some(bands)) => factors.push(Factor {
                code,
                weight,
                bands,
            }),
            _ => all_read = false,
        }
    }
    if all_read && factors.len() == items.len() {
        let total = factors
            .iter()
            .fold(Decimal::ZERO, |a, f| a.saturating_add(f.weight));
        if total != hundred() {
            ps.push(Problem::new(
                code::WEIGHTS_NOT_100,
                path,
                format!("the factors' weights add up to {total}, not 100"),
            ));
        }
        card.factors = factors;
    }
}

/// Bands: `below` strictly increasing, only the last one open (`null`), points 0–100
/// moving in the factor's direction (a better value never earns fewer points).
fn read_bands(
    items: &[Value],
    path: &str,
    direction: Option<Direction>,
    ps: &mut Problems,
) -> Option<Vec<Band>> {
    if !non_empty(items, path, ps) {
        return None;
    }
    let before = ps.len();
    let mut out: Vec<Band> = Vec::new();
    let last = items.len().saturating_sub(1);
    for (i, item) in each(items, path).into_iter().enumerate() {
        let b = or_skip!(item, ps);
        b.reject_unknown(&["below", "points"], ps);
        let below = b.decimal("below", ps);
        let points = b.required("points", ps, |o, k, p| {
            o.decimal_in(k, Decimal::ZERO, hundred(), p)
        });
        if i == last && below.is_some() {
            ps.push(Problem::new(
                code::UNORDERED,
                b.path("below"),
                "the last band must have no upper bound (below: null)",
            ));
        }
        if i < last && below.is_none() && b.get("below").is_none() {
            ps.push(Problem::new(
                code::REQUIRED,
                b.path("below"),
                "only the last band may be open",
            ));
        }
        if let (Some(prev), Some(cur)) = (out.last().and_then(|x: &Band| x.below), below) {
            if cur <= prev {
                ps.push(Problem::new(
                    code::UNORDERED,
                    b.path("below"),
                    "bands must be in increasing order of below",
                ));
            }
        }
        if let (Some(prev), Some(cur), Some(dir)) =
            (out.last().map(|x: &Band| x.points), points, direction)
        {
            let wrong = match dir {
                Direction::HigherIsBetter => cur < prev,
                Direction::LowerIsBetter => cur > prev,
            };
            if wrong {
                ps.push(Problem::new(
                    code::NOT_MONOTONE,
                    b.path("points"),
                    match dir {
                        Direction::HigherIsBetter => {
                            "must not be fewer than the band before (a higher value is better)"
                        }
                        Direction::LowerIsBetter => {
                            "must not be more than the band before (a lower value is better)"
                        }
                    },
                ));
            }
        }
        if let Some(points) = points {
            out.push(Band { below, points });
        }
    }
    (ps.len() == before && out.len() == items.len()).then_some(out)
}

fn read_grades(items: &[Value], ps: &mut Problems) -> Vec<Grade> {
    let mut out: Vec<Grade> = Vec::new();
    if !non_empty(items, "grades", ps) {
        return out;
    }
    let max_grades = i64::try_from(items.len()).unwrap_or(i64::MAX);
    for (i, item) in each(items, "grades").into_iter().enumerate() {
        let g = or_skip!(item, ps);
        g.reject_unknown(&["grade", "minScore", "pd", "band", "decision"], ps);
        let grade = g.required("grade", ps, |o, k, p| o.integer_in(k, 1, max_grades, p));
        let min_score = g.required("minScore", ps, |o, k, p| {
            o.decimal_in(k, Decimal::ZERO, hundred(), p)
        });
        let pd = g.required("pd", ps, |o, k, p| {
            o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
        });
        let band = g
            .required("band", ps, |o, k, p| o.one_of(k, &RiskBand::NAMES, p))
            .and_then(RiskBand::from_name);
        let decision = g
            .required("decision", ps, |o, k, p| o.one_of(k, &Decision::NAMES, p))
            .and_then(Decision::from_name);
        if let Some(n) = grade {
            if n != i as i64 + 1 {
                ps.push(Problem::new(
                    code::UNORDERED,
                    g.path("grade"),
                    format!("must be {}: grades run 1, 2, 3 … best first", i + 1),
                ));
            }
        }
        if let (Some(prev), Some(cur)) = (out.last().map(|x: &Grade| x.min_score), min_score) {
            if cur >= prev {
                ps.push(Problem::new(
                    code::UNORDERED,
                    g.path("minScore"),
                    "must be below the better grade's minScore",
                ));
            }
        }
        if let (Some(prev), Some(cur)) = (out.last().map(|x: &Grade| x.pd), pd) {
            if cur <= prev {
                ps.push(Problem::new(
                    code::NOT_INCREASING,
                    g.path("pd"),
                    "must be higher than the better grade's pd",
                ));
            }
        }
        if let (Some(grade), Some(min_score), Some(pd), Some(band), Some(decision)) =
            (grade, min_score, pd, band, decision)
        {
            out.push(Grade {
                grade: grade as u32,
                min_score,
                pd,
                band,
                decision,
            });
        }
    }
    if let Some(last) = out.last() {
        if !last.min_score.is_zero() && out.len() == items.len() {
            ps.push(Problem::new(
                code::OUT_OF_RANGE,
                format!("grades[{}].minScore", out.len() - 1),
                "the last grade must start at 0 so that every score has a grade",
            ));
        }
    }
    out
}

fn read_payment_index(o: &Obj, pi: &mut PaymentIndexPolicy, ps: &mut Problems) {
    o.reject_unknown(
        &[
            "anchors",
            "lowRiskFrom",
            "mediumRiskFrom",
            "halfLifeMonths",
            "lookbackMonths",
        ],
        ps,
    );
    if let Some(items) = o.array("anchors", ps) {
        let path = o.path("anchors");
        if non_empty(items, &path, ps) {
            let mut out: Vec<PaymentAnchor> = Vec::new();
            for item in each(items, &path) {
                let a = or_skip!(item, ps);
                a.reject_unknown(&["daysBeyondTerms", "index", "practice"], ps);
                let days = a.required("daysBeyondTerms", ps, |o, k, p| {
                    o.integer_in(k, -3650, 3650, p)
                });
                let index = a.required("index", ps, |o, k, p| {
                    o.decimal_in(k, Decimal::ZERO, hundred(), p)
                });
                let practice = a.required("practice", ps, |o, k, p| o.string(k, p));
                if let (Some(prev), Some(cur)) = (out.last(), days) {
                    if i64::from(prev.days_beyond_terms) >= cur {
                        ps.push(Problem::new(
                            code::UNORDERED,
                            a.path("daysBeyondTerms"),
                            "anchors must be in increasing order of days",
                        ));
                    }
                }
                if let (Some(prev), Some(cur)) = (out.last(), index) {
                    if prev.index <= cur {
                        ps.push(Problem::new(
                            code::NOT_MONOTONE,
                            a.path("index"),
                            "must be lower than the anchor before (later payment, lower index)",
                        ));
                    }
                }
                if let (Some(days), Some(index), Some(practice)) = (days, index, practice) {
                    out.push(PaymentAnchor {
                        days_beyond_terms: days as i32,
                        index,
                        practice: practice.to_string(),
                    });
                }
            }
            pi.anchors = out;
        }
    }
    if let Some(v) = o.decimal_in("lowRiskFrom", Decimal::ZERO, hundred(), ps) {
        pi.low_risk_from = v;
    }
    if let Some(v) = o.decimal_in("mediumRiskFrom", Decimal::ZERO, hundred(), ps) {
        pi.medium_risk_from = v;
    }
    if pi.medium_risk_from > pi.low_risk_from {
        ps.push(Problem::new(
            code::UNORDERED,
            o.path("mediumRiskFrom"),
            "must not be above lowRiskFrom",
        ));
    }
    if let Some(v) = o.decimal_in("halfLifeMonths", Decimal::ONE, Decimal::from(1200), ps) {
        pi.half_life_months = v;
    }
    if let Some(v) = o.integer_in("lookbackMonths", 1, 1200, ps) {
        pi.lookback_months = v as u32;
    }
}

fn read_legal(o: &Obj, legal: &mut LegalPolicy, ps: &mut Problems) {
    o.reject_unknown(
        &[
            "events",
            "resolvedFactor",
            "halfLifeMonths",
            "lookbackMonths",
            "insolvencyKnockoutMonths",
        ],
        ps,
    );
    if let Some(items) = o.array("events", ps) {
        let path = o.path("events");
        if non_empty(items, &path, ps) {
            let mut out: Vec<LegalEventRule> = Vec::new();
            for item in each(items, &path) {
                let e = or_skip!(item, ps);
                e.reject_unknown(&["kind", "severity"], ps);
                let kind = e.required("kind", ps, |o, k, p| o.string(k, p));
                let severity = e.required("severity", ps, |o, k, p| {
                    o.decimal_in(k, Decimal::ZERO, Decimal::from(1000), p)
                });
                if let Some(k) = kind {
                    if k.is_empty() || out.iter().any(|x| x.kind == k) {
                        ps.push(Problem::new(
                            code::DUPLICATE,
                            e.path("kind"),
                            "must be a non-empty kind listed once",
                        ));
                        continue;
                    }
                }
                if let (Some(kind), Some(severity)) = (kind, severity) {
                    out.push(LegalEventRule {
                        kind: kind.to_string(),
                        severity,
                    });
                }
            }
            legal.events = out;
        }
    }
    if let Some(v) = o.decimal_in("resolvedFactor", Decimal::ZERO, Decimal::ONE, ps) {
        legal.resolved_factor = v;
    }
    if let Some(v) = o.decimal_in("halfLifeMonths", Decimal::ONE, Decimal::from(1200), ps) {
        legal.half_life_months = v;
    }
    if let Some(v) = o.integer_in("lookbackMonths", 1, 1200, ps) {
        legal.lookback_months = v as u32;
    }
    if let Some(v) = o.integer_in("insolvencyKnockoutMonths", 0, 1200, ps) {
        legal.insolvency_knockout_months = v as u32;
    }
}

fn read_altman(o: &Obj, altman: &mut AltmanPolicy, ps: &mut Problems) {
    o.reject_unknown(
        &["z", "zPrime", "zDoublePrime", "emConstant", "emRatings"],
        ps,
    );
    for (key, model) in [
        ("z", &mut altman.z),
        ("zPrime", &mut altman.z_prime),
        ("zDoublePrime", &mut altman.z_double_prime),
    ] {
        let Some(m) = o.object(key, ps) else { continue };
        m.reject_unknown(
            &["x1", "x2", "x3", "x4", "x5", "distressBelow", "safeAbove"],
            ps,
        );
        let limit = Decimal::from(1000);
        for (k, slot) in [
            ("x1", &mut model.x1),
            ("x2", &mut model.x2),
            ("x3", &mut model.x3),
            ("x4", &mut model.x4),
            ("x5", &mut model.x5),
        ] {
            if let Some(v) = m.decimal_in(k, -limit, limit, ps) {
                *slot = v;
            }
        }
        if let Some(v) = m.decimal_in("distressBelow", -limit, limit, ps) {
            model.distress_below = v;
        }
        if let Some(v) = m.decimal_in("safeAbove", -limit, limit, ps) {
            model.safe_above = v;
        }
        if model.distress_below > model.safe_above {
            ps.push(Problem::new(
                code::UNORDERED,
                m.path("distressBelow"),
                "must not be above safeAbove",
            ));
        }
    }
    if let Some(v) = o.decimal_in("emConstant", Decimal::from(-100), Decimal::from(100), ps) {
        altman.em_constant = v;
    }
    if let Some(items) = o.array("emRatings", ps) {
        let path = o.path("emRatings");
        let mut out: Vec<EmRating> = Vec::new();
        for item in each(items, &path) {
            let r = or_skip!(item, ps);
            r.reject_unknown(&["rating", "minScore"], ps);
            let rating = r.required("rating", ps, |o, k, p| o.string(k, p));
            let min = r.required("minScore", ps, |o, k, p| {
                o.decimal_in(k, Decimal::from(-100), Decimal::from(100), p)
            });
            if let (Some(prev), Some(cur)) = (out.last(), min) {
                if cur >= prev.min_score {
                    ps.push(Problem::new(
                        code::UNORDERED,
                        r.path("minScore"),
                        "must be below the better rating's minScore",
                    ));
                }
            }
            if let (Some(rating), Some(min_score)) = (rating, min) {
                out.push(EmRating {
                    rating: rating.to_string(),
                    min_score,
                });
            }
        }
        altman.em_ratings = out;
    }
}

fn read_industries(items: &[Value], ps: &mut Problems) -> Vec<Industry> {
    let mut out: Vec<Industry> = Vec::new();
    for item in each(items, "industries") {
        let i = or_skip!(item, ps);
        i.reject_unknown(&["code", "nameEn", "nameZh", "riskClass"], ps);
        let code_text = i.required("code", ps, |o, k, p| o.string(k, p));
        let name_en = i.string("nameEn", ps);
        let name_zh = i.string("nameZh", ps);
        let class = i.required("riskClass", ps, |o, k, p| o.integer_in(k, 1, 5, p));
        if let Some(c) = code_text {
            if c.is_empty() || out.iter().any(|x| x.code == c) {
                ps.push(Problem::new(
                    code::DUPLICATE,
                    i.path("code"),
                    "must be a non-empty code listed once",
                ));
                continue;
            }
        }
        if let (Some(c), Some(class)) = (code_text, class) {
            out.push(Industry {
                code: c.to_string(),
                name_en: name_en.unwrap_or(c).to_string(),
                name_zh: name_zh.or(name_en).unwrap_or(c).to_string(),
                risk_class: class as u32,
            });
        }
    }
    out
}

fn read_countries(items: &[Value], ps: &mut Problems) -> Vec<Country> {
    let mut out: Vec<Country> = Vec::new();
    for item in each(items, "countries") {
        let c = or_skip!(item, ps);
        c.reject_unknown(&["code", "oecdCategory"], ps);
        let code_text = c.required("code", ps, |o, k, p| o.string(k, p));
        let category = c.required("oecdCategory", ps, |o, k, p| o.integer_in(k, 0, 7, p));
        if let Some(t) = code_text {
            if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_uppercase()) {
                ps.push(Problem::new(
                    code::NOT_ONE_OF,
                    c.path("code"),
                    "must be an ISO 3166 two-letter code in capitals, such as CN",
                ));
                continue;
            }
            if out.iter().any(|x| x.code == t) {
                ps.push(Problem::new(
                    code::DUPLICATE,
                    c.path("code"),
                    format!("{t} is listed twice"),
                ));
                continue;
            }
        }
        if let (Some(t), Some(category)) = (code_text, category) {
            out.push(Country {
                code: t.to_string(),
                oecd_category: category as u32,
            });
        }
    }
    out
}

fn read_limit(o: &Obj, limit: &mut LimitPolicy, ps: &mut Problems) {
    o.reject_unknown(
        &[
            "roundingStep",
            "roundingSteps",
            "capAtNeed",
            "noOpenCreditFromGrade",
            "byGrade",
            "workingCapitalShare",
            "concentrationShare",
            "ceilingCurrency",
            "partialPrepaymentShare",
            "insuranceIndemnity",
            "approvers",
            "reviewMonths",
        ],
        ps,
    );
    let big = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    if let Some(v) = o.decimal_in("roundingStep", Decimal::new(1, 2), big, ps) {
        limit.rounding_step = v;
    }
    if let Some(items) = o.array("roundingSteps", ps) {
        let mut out: Vec<CurrencyStep> = Vec::new();
        for item in each(items, &o.path("roundingSteps")) {
            let c = or_skip!(item, ps);
            c.reject_unknown(&["currency", "step"], ps);
            let currency = c.required("currency", ps, |o, k, p| o.string(k, p));
            let step = c.required("step", ps, |o, k, p| {
                o.decimal_in(k, Decimal::new(1, 2), big, p)
            });
            if let (Some(currency), Some(step)) = (currency, step) {
                out.push(CurrencyStep {
                    currency: currency.to_string(),
                    step,
                });
            }
        }
        limit.rounding_steps = out;
    }
    if let Some(v) = o.boolean("capAtNeed", ps) {
        limit.cap_at_need = v;
    }
    if let Some(v) = o.integer_in("noOpenCreditFromGrade", 1, 100, ps) {
        limit.no_open_credit_from_grade = v as u32;
    }
    for (key, slot) in [
        ("workingCapitalShare", &mut limit.working_capital_share),
        ("concentrationShare", &mut limit.concentration_share),
        (
            "partialPrepaymentShare",
            &mut limit.partial_prepayment_share,
        ),
        ("insuranceIndemnity", &mut limit.insurance_indemnity),
    ] {
        if let Some(v) = o.decimal_in(key, Decimal::ZERO, Decimal::ONE, ps) {
            *slot = v;
        }
    }
    if let Some(c) = o.string("ceilingCurrency", ps) {
        if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
            limit.ceiling_currency = c.to_string();
        } else {
            ps.push(Problem::new(
                code::NOT_ONE_OF,
                o.path("ceilingCurrency"),
                "must be a three-letter ISO 4217 code in capitals, such as CNY",
            ));
        }
    }
    if let Some(items) = o.array("byGrade", ps) {
        let path = o.path("byGrade");
        let mut out: Vec<GradeLimit> = Vec::new();
        for (i, item) in each(items, &path).into_iter().enumerate() {
            let g = or_skip!(item, ps);
            g.reject_unknown(&["grade", "netWorthShare", "revenueShare", "ceiling"], ps);
            let grade = g.required("grade", ps, |o, k, p| o.integer_in(k, 1, 100, p));
            let tnw = g.required("netWorthShare", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            let rev = g.required("revenueShare", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            let ceiling = g.required("ceiling", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, big, p)
            });
            if let Some(n) = grade {
                if n != i as i64 + 1 {
                    ps.push(Problem::new(
                        code::UNORDERED,
                        g.path("grade"),
                        format!("must be {}: one entry per grade, best first", i + 1),
                    ));
                }
            }
            // A worse grade never gets more: the limit must never fall as the grade improves.
            if let Some(prev) = out.last() {
                for (key, cur, before) in [
                    ("netWorthShare", tnw, prev.net_worth_share),
                    ("revenueShare", rev, prev.revenue_share),
                    ("ceiling", ceiling, prev.ceiling),
                ] {
                    if cur.is_some_and(|c| c > before) {
                        ps.push(Problem::new(
                            code::NOT_MONOTONE,
                            g.path(key),
                            "must not be more than the better grade's",
                        ));
                    }
                }
            }
            if let (Some(grade), Some(net_worth_share), Some(revenue_share), Some(ceiling)) =
                (grade, tnw, rev, ceiling)
            {
                out.push(GradeLimit {
                    grade: grade as u32,
                    net_worth_share,
                    revenue_share,
                    ceiling,
                });
            }
        }
        limit.by_grade = out;
    }
    if let Some(items) = o.array("approvers", ps) {
        let path = o.path("approvers");
        if non_empty(items, &path, ps) {
            let mut out: Vec<Approver> = Vec::new();
            let last = items.len().saturating_sub(1);
            for (i, item) in each(items, &path).into_iter().enumerate() {
                let a = or_skip!(item, ps);
                a.reject_unknown(&["role", "upTo"], ps);
                let role = a.required("role", ps, |o, k, p| o.string(k, p));
                let up_to = a.decimal_in("upTo", Decimal::ZERO, big, ps);
                if i == last && up_to.is_some() {
                    ps.push(Problem::new(
                        code::UNORDERED,
                        a.path("upTo"),
                        "the last approver must have no bound (upTo: null)",
                    ));
                }
                if i < last && up_to.is_none() && a.get("upTo").is_none() {
                    ps.push(Problem::new(
                        code::REQUIRED,
                        a.path("upTo"),
                        "only the last approver may be unbounded",
                    ));
                }
                if let (Some(prev), Some(cur)) =
                    (out.last().and_then(|x: &Approver| x.up_to), up_to)
                {
                    if cur <= prev {
                        ps.push(Problem::new(
                            code::UNORDERED,
                            a.path("upTo"),
                            "approvers must be in increasing order of authority",
                        ));
                    }
                }
                if let Some(role) = role {
                    out.push(Approver {
                        role: role.to_string(),
                        up_to,
                    });
                }
            }
            limit.approvers = out;
        }
    }
    if let Some(r) = o.object("reviewMonths", ps) {
        r.reject_unknown(&["green", "amber", "red"], ps);
        for (key, slot) in [
            ("green", &mut limit.review_months.green),
            ("amber", &mut limit.review_months.amber),
            ("red", &mut limit.review_months.red),
        ] {
            if let Some(v) = r.integer_in(key, 1, 120, ps) {
                *slot = v as u32;
            }
        }
    }
}

fn read_late(o: &Obj, late: &mut LatePaymentPolicy, ps: &mut Problems) {
    o.reject_unknown(&["referenceRates", "eu", "uk", "cn", "us"], ps);
    let rate_max = Decimal::ONE;
    if let Some(items) = o.array("referenceRates", ps) {
        let path = o.path("referenceRates");
        let mut out: Vec<RateSeries> = Vec::new();
        for item in each(items, &path) {
            let s = or_skip!(item, ps);
            s.reject_unknown(&["code", "entries"], ps);
            let code_text = s.required("code", ps, |o, k, p| o.string(k, p));
            let mut entries: Vec<DatedRate> = Vec::new();
            if let Some(list) = s.required("entries", ps, |o, k, p| o.array(k, p)) {
                for e in each(list, &s.path("entries")) {
                    let e = or_skip!(e, ps);
                    e.reject_unknown(&["from", "rate"], ps);
                    let from = e.required("from", ps, |o, k, p| o.date(k, p));
                    let rate = e.required("rate", ps, |o, k, p| {
                        o.decimal_in(k, -rate_max, rate_max, p)
                    });
                    if let (Some(prev), Some(cur)) = (entries.last(), from) {
                        if cur <= prev.from {
                            ps.push(Problem::new(
                                code::UNORDERED,
                                e.path("from"),
                                "entries must be in increasing order of date",
                            ));
                        }
                    }
                    if let (Some(from), Some(rate)) = (from, rate) {
                        entries.push(DatedRate { from, rate });
                    }
                }
            }
            if let Some(c) = code_text {
                if out.iter().any(|x| x.code == c) {
                    ps.push(Problem::new(
                        code::DUPLICATE,
                        s.path("code"),
                        format!("{c} is listed twice"),
                    ));
                    continue;
                }
                out.push(RateSeries {
                    code: c.to_string(),
                    entries,
                });
            }
        }
        late.reference_rates = out;
    }
    if let Some(eu) = o.object("eu", ps) {
        eu.reject_unknown(
            &["margin", "countryMargins", "fixedCompensation", "currency"],
            ps,
        );
        if let Some(m) = eu.decimal_in("margin", Decimal::ZERO, rate_max, ps) {
            late.eu.margin = m;
        }
        if let Some(f) = eu.decimal_in(
            "fixedCompensation",
            Decimal::ZERO,
            Decimal::from(1_000_000),
            ps,
        ) {
            late.eu.fixed_compensation = f;
        }
        if let Some(c) = eu.string("currency", ps) {
            late.eu.currency = c.to_string();
        }
        if let Some(items) = eu.array("countryMargins", ps) {
            let mut out = Vec::new();
            for item in each(items, &eu.path("countryMargins")) {
                let c = or_skip!(item, ps);
                c.reject_unknown(&["country", "margin"], ps);
                let country = c.required("country", ps, |o, k, p| o.string(k, p));
                let margin = c.required("margin", ps, |o, k, p| {
                    o.decimal_in(k, Decimal::ZERO, rate_max, p)
                });
                if let (Some(country), Some(margin)) = (country, margin) {
                    out.push(CountryMargin {
                        country: country.to_string(),
                        margin,
                    });
                }
            }
            late.eu.country_margins = out;
        }
    }
    if let Some(uk) = o.object("uk", ps) {
        uk.reject_unknown(&["margin", "fixedCompensation", "currency"], ps);
        if let Some(m) = uk.decimal_in("margin", Decimal::ZERO, rate_max, ps) {
            late.uk.margin = m;
        }
        if let Some(c) = uk.string("currency", ps) {
            late.uk.currency = c.to_string();
        }
        if let Some(items) = uk.array("fixedCompensation", ps) {
            let path = uk.path("fixedCompensation");
            if non_empty(items, &path, ps) {
                let mut out: Vec<FixedSum> = Vec::new();
                let last = items.len().saturating_sub(1);
                for (i, item) in each(items, &path).into_iter().enumerate() {
                    let f = or_skip!(item, ps);
                    f.reject_unknown(&["below", "amount"], ps);
                    let below = f.decimal_in(
                        "below",
                        Decimal::ZERO,
                        Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT),
                        ps,
                    );
                    let amount = f.required("amount", ps, |o, k, p| {
                        o.decimal_in(k, Decimal::ZERO, Decimal::from(1_000_000), p)
                    });
                    if (i == last) == below.is_some() {
                        ps.push(Problem::new(
                            code::UNORDERED,
                            f.path("below"),
                            "only the last sum has no upper bound",
                        ));
                    }
                    if let (Some(prev), Some(cur)) =
                        (out.last().and_then(|x: &FixedSum| x.below), below)
                    {
                        if cur <= prev {
                            ps.push(Problem::new(
                                code::UNORDERED,
                                f.path("below"),
                                "must be in increasing order",
                            ));
                        }
                    }
                    if let Some(amount) = amount {
                        out.push(FixedSum { below, amount });
                    }
                }
                late.uk.fixed_compensation = out;
            }
        }
    }
    if let Some(cn) = o.object("cn", ps) {
        cn.reject_unknown(&["dailyRateWithoutAgreement"], ps);
        if let Some(r) = cn.decimal_in(
            "dailyRateWithoutAgreement",
            Decimal::ZERO,
            Decimal::new(1, 2),
            ps,
        ) {
            late.cn.daily_rate_without_agreement = r;
        }
    }
    if let Some(us) = o.object("us", ps) {
        us.reject_unknown(&["defaultMonthlyRate"], ps);
        if let Some(r) = us.decimal_in("defaultMonthlyRate", Decimal::ZERO, Decimal::new(1, 1), ps)
        {
            late.us.default_monthly_rate = r;
        }
    }
}

fn read_factor_list(o: &Obj, key: &str, len: usize, ps: &mut Problems) -> Option<Vec<Decimal>> {
    let items = o.array(key, ps)?;
    if items.len() != len {
        ps.push(Problem::new(
            code::OUT_OF_RANGE,
            o.path(key),
            format!("must have exactly {len} entries"),
        ));
        return None;
    }
    let before = ps.len();
    let out: Vec<Decimal> = items
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            match crate::value::read_decimal(v, &format!("{}[{i}]", o.path(key))) {
                Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => Some(d),
                Ok(_) => {
                    ps.push(crate::value::out_of_range(
                        &format!("{}[{i}]", o.path(key)),
                        Some(Decimal::ZERO),
                        Some(Decimal::ONE_HUNDRED),
                    ));
                    None
                }
                Err(p) => {
                    ps.push(p);
                    None
                }
            }
        })
        .collect();
    if out.windows(2).any(|w| matches!(w, [a, b] if b < a)) {
        ps.push(Problem::new(
            code::NOT_MONOTONE,
            o.path(key),
            "a higher risk must not cost less",
        ));
    }
    (ps.len() == before).then_some(out)
}

/// Factor bands: `below` increasing, only the last open; factors 0–100.
fn read_factor_bands(
    o: &Obj,
    key: &str,
    increasing: Option<bool>,
    ps: &mut Problems,
) -> Option<Vec<FactorBand>> {
    let items = o.array(key, ps)?;
    let path = o.path(key);
    if !non_empty(items, &path, ps) {
        return None;
    }
    let before = ps.len();
    let last = items.len().saturating_sub(1);
    let mut out: Vec<FactorBand> = Vec::new();
    for (i, item) in each(items, &path).into_iter().enumerate() {
        let b = or_skip!(item, ps);
        b.reject_unknown(&["below", "factor"], ps);
        let below = b.decimal("below", ps);
        let factor = b.required("factor", ps, |o, k, p| {
            o.decimal_in(k, Decimal::ZERO, Decimal::ONE_HUNDRED, p)
        });
        if (i == last) == below.is_some() {
            ps.push(Problem::new(
                code::UNORDERED,
                b.path("below"),
                "only the last band has no upper bound",
            ));
        }
        if let (Some(prev), Some(cur)) = (out.last().and_then(|x: &FactorBand| x.below), below) {
            if cur <= prev {
                ps.push(Problem::new(
                    code::UNORDERED,
                    b.path("below"),
                    "bands must be in increasing order of below",
                ));
            }
        }
        if let (Some(prev), Some(cur), Some(up)) = (
            out.last().map(|x: &FactorBand| x.factor),
            factor,
            increasing,
        ) {
            if (up && cur < prev) || (!up && cur > prev) {
                ps.push(Problem::new(
                    code::NOT_MONOTONE,
                    b.path("factor"),
                    "a higher risk must not cost less",
                ));
            }
        }
        if let Some(factor) = factor {
            out.push(FactorBand { below, factor });
        }
    }
    (ps.len() == before).then_some(out)
}

fn read_currency_amounts(o: &Obj, key: &str, ps: &mut Problems) -> Option<Vec<CurrencyAmount>> {
    let items = o.array(key, ps)?;
    let mut out = Vec::new();
    for item in each(items, &o.path(key)) {
        let c = or_skip!(item, ps);
        c.reject_unknown(&["currency", "amount"], ps);
        let currency = c.required("currency", ps, |o, k, p| o.string(k, p));
        let amount = c.required("amount", ps, |o, k, p| {
            o.decimal_in(
                k,
                Decimal::ZERO,
                Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT),
                p,
            )
        });
        if let (Some(currency), Some(amount)) = (currency, amount) {
            out.push(CurrencyAmount {
                currency: currency.to_string(),
                amount,
            });
        }
    }
    Some(out)
}

fn read_insurance(o: &Obj, ins: &mut InsurancePolicy, ps: &mut Problems) {
    o.reject_unknown(
        &[
            "baseRateByRiskClass",
            "countryFactors",
            "termsFactors",
            "buyerQualityFactors",
            "lossHistoryFactors",
            "spreadFactors",
            "indemnityFactors",
            "firstLossFactors",
            "rangeShare",
            "defaultIndemnity",
            "defaultMaxLiabilityMultiple",
            "minimumPremiums",
            "namedBuyerFees",
            "premiumTaxes",
        ],
        ps,
    );
    if let Some(v) = read_factor_list(o, "baseRateByRiskClass", 5, ps) {
        ins.base_rate_by_risk_class = v;
    }
    if let Some(v) = read_factor_list(o, "countryFactors", 8, ps) {
        ins.country_factors = v;
    }
    // Direction of each driver: a riskier value must not make cover cheaper.
    for (key, slot, up) in [
        ("termsFactors", &mut ins.terms_factors, Some(true)),
        (
            "buyerQualityFactors",
            &mut ins.buyer_quality_factors,
            Some(true),
        ),
        (
            "lossHistoryFactors",
            &mut ins.loss_history_factors,
            Some(true),
        ),
        ("spreadFactors", &mut ins.spread_factors, Some(false)),
        ("indemnityFactors", &mut ins.indemnity_factors, Some(true)),
        ("firstLossFactors", &mut ins.first_loss_factors, Some(false)),
    ] {
        if let Some(v) = read_factor_bands(o, key, up, ps) {
            *slot = v;
        }
    }
    if let Some(v) = o.decimal_in("rangeShare", Decimal::ZERO, Decimal::ONE, ps) {
        ins.range_share = v;
    }
    if let Some(v) = o.decimal_in("defaultIndemnity", Decimal::ZERO, Decimal::ONE, ps) {
        ins.default_indemnity = v;
    }
    if let Some(v) = o.decimal_in(
        "defaultMaxLiabilityMultiple",
        Decimal::ONE,
        Decimal::from(1000),
        ps,
    ) {
        ins.default_max_liability_multiple = v;
    }
    if let Some(v) = read_currency_amounts(o, "minimumPremiums", ps) {
        ins.minimum_premiums = v;
    }
    if let Some(v) = read_currency_amounts(o, "namedBuyerFees", ps) {
        ins.named_buyer_fees = v;
    }
    if let Some(items) = o.array("premiumTaxes", ps) {
        let mut out = Vec::new();
        for item in each(items, &o.path("premiumTaxes")) {
            let c = or_skip!(item, ps);
            c.reject_unknown(&["country", "rate"], ps);
            let country = c.required("country", ps, |o, k, p| o.string(k, p));
            let rate = c.required("rate", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            if let (Some(country), Some(rate)) = (country, rate) {
                out.push(CountryRate {
                    country: country.to_string(),
                    rate,
                });
            }
        }
        ins.premium_taxes = out;
    }
}

fn read_overdue(o: &Obj, od: &mut OverduePolicy, ps: &mut Problems) {
    o.reject_unknown(&["ladder", "routes"], ps);
    if let Some(items) = o.array("ladder", ps) {
        let path = o.path("ladder");
        if non_empty(items, &path, ps) {
            let mut out: Vec<DunningStep> = Vec::new();
            for item in each(items, &path) {
                let s = or_skip!(item, ps);
                s.reject_unknown(&["days", "action"], ps);
                let days = s.required("days", ps, |o, k, p| o.integer_in(k, 0, 3650, p));
                let action = s.required("action", ps, |o, k, p| o.string(k, p));
                if let (Some(prev), Some(cur)) = (out.last(), days) {
                    if i64::from(prev.days) >= cur {
                        ps.push(Problem::new(
                            code::UNORDERED,
                            s.path("days"),
                            "steps must be in increasing order of days",
                        ));
                    }
                }
                if let (Some(days), Some(action)) = (days, action) {
                    out.push(DunningStep {
                        days: days as u32,
                        action: action.to_string(),
                    });
                }
            }
            od.ladder = out;
        }
    }
    if let Some(items) = o.array("routes", ps) {
        let mut out: Vec<RecoveryRoute> = Vec::new();
        for item in each(items, &o.path("routes")) {
            let r = or_skip!(item, ps);
            r.reject_unknown(
                &["route", "recovery", "months", "costShare", "fixedCost"],
                ps,
            );
            let route = r.required("route", ps, |o, k, p| o.string(k, p));
            let recovery = r.required("recovery", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            let months = r.required("months", ps, |o, k, p| o.integer_in(k, 0, 600, p));
            let cost_share = r
                .decimal_in("costShare", Decimal::ZERO, Decimal::ONE, ps)
                .unwrap_or_default();
            let fixed = r
                .decimal_in(
                    "fixedCost",
                    Decimal::ZERO,
                    Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT),
                    ps,
                )
                .unwrap_or_default();
            if let (Some(route), Some(recovery), Some(months)) = (route, recovery, months) {
                out.push(RecoveryRoute {
                    route: route.to_string(),
                    recovery,
                    months: months as u32,
                    cost_share,
                    fixed_cost: fixed,
                });
            }
        }
        od.routes = out;
    }
}
