//! The credit policy: every rate, threshold and table the engines use, as one versioned
//! document. `default_policy()` is ours; a company supplies its own as JSON. A supplied
//! policy may leave out any field: the default's value is used there, and every field it
//! does give is checked, with every problem reported by path.

use std::sync::OnceLock;

use serde::{Serialize, Serializer};

use crate::error::{code, Problem, Problems};
use crate::money::RoundingMode;
use crate::value::{object, Obj, Value};

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
}

fn mode_name<S: Serializer>(mode: &RoundingMode, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(mode.name())
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

/// Our default policy. Sources for each figure are in `../shared/domain.md` and the README.
pub fn default_policy() -> &'static Policy {
    static DEFAULT: OnceLock<Policy> = OnceLock::new();
    DEFAULT.get_or_init(|| Policy {
        version: "2026.11.1".to_string(),
        name: "Default B2B credit policy".to_string(),
        // domain.md §5: half away from zero at the currency's minor unit.
        rounding: Rounding {
            mode: RoundingMode::HalfAwayFromZero,
            money_decimals: 2,
            rate_decimals: 10,
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
        terms: TermDefaults {
            day_basis: 365,
            max_term_days: 3650,
        },
    })
}

/// Reads a supplied policy over the default: absent fields keep the default, present ones
/// are checked. Returns every problem, with paths relative to the policy's root.
pub fn read_policy(value: &Value) -> Result<Policy, Problems> {
    let mut problems = Problems::new();
    let base = default_policy();
    let Some(root) = object(value, "", &mut problems) else {
        return Err(problems);
    };
    root.reject_unknown(
        &["version", "name", "rounding", "currencies", "terms"],
        &mut problems,
    );
    let version = root.required("version", &mut problems, |o, k, p| o.string(k, p));
    if let Some(v) = version {
        if v.trim().is_empty() || v.chars().count() > 100 {
            problems.push(Problem::new(
                code::OUT_OF_RANGE,
                "version",
                "must name the policy's revision in 1 to 100 characters",
            ));
        }
    }
    let mut policy = base.clone();
    policy.version = version.unwrap_or_default().to_string();
    if let Some(name) = root.string("name", &mut problems) {
        policy.name = name.to_string();
    }
    if let Some(r) = root.object("rounding", &mut problems) {
        read_rounding(&r, &mut policy.rounding, &mut problems);
    }
    if let Some(items) = root.array("currencies", &mut problems) {
        policy.currencies = read_currencies(items, &mut problems);
    }
    if let Some(t) = root.object("terms", &mut problems) {
        t.reject_unknown(&["dayBasis", "maxTermDays"], &mut problems);
        if let Some(b) = t.one_of("dayBasis", &DAY_BASES, &mut problems) {
            policy.terms.day_basis = if b == "360" { 360 } else { 365 };
        }
        if let Some(m) = t.integer_in("maxTermDays", 1, 36_500, &mut problems) {
            policy.terms.max_term_days = m;
        }
    }
    if problems.is_empty() {
        Ok(policy)
    } else {
        Err(problems)
    }
}

fn read_rounding(r: &Obj, rounding: &mut Rounding, problems: &mut Problems) {
    r.reject_unknown(&["mode", "moneyDecimals", "rateDecimals"], problems);
    if let Some(name) = r.one_of("mode", &RoundingMode::NAMES, problems) {
        if let Some(mode) = RoundingMode::from_name(name) {
            rounding.mode = mode;
        }
    }
    if let Some(d) = r.integer_in("moneyDecimals", 0, 6, problems) {
        rounding.money_decimals = d as u32;
    }
    if let Some(d) = r.integer_in("rateDecimals", 4, 20, problems) {
        rounding.rate_decimals = d as u32;
    }
}

fn read_currencies(items: &[Value], problems: &mut Problems) -> Vec<Currency> {
    let mut out: Vec<Currency> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("currencies[{i}]");
        let Some(c) = object(item, &path, problems) else {
            continue;
        };
        c.reject_unknown(&["code", "minorUnits"], problems);
        let code_text = c.required("code", problems, |o, k, p| o.string(k, p));
        let minor = c.required("minorUnits", problems, |o, k, p| o.integer_in(k, 0, 4, p));
        let Some(code_text) = code_text else { continue };
        if code_text.len() != 3 || !code_text.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.push(Problem::new(
                code::NOT_ONE_OF,
                c.path("code"),
                "must be a three-letter ISO 4217 code in capitals, such as CNY",
            ));
            continue;
        }
        if out.iter().any(|x| x.code == code_text) {
            problems.push(Problem::new(
                code::NOT_ONE_OF,
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

/// A calculation's policy: ours when none is given, else the supplied one checked, its
/// problems reported under `policy.`.
pub fn resolve(value: Option<&Value>) -> Result<std::borrow::Cow<'static, Policy>, Problems> {
    match value {
        None | Some(Value::Null) => Ok(std::borrow::Cow::Borrowed(default_policy())),
        Some(v) => read_policy(v)
            .map(std::borrow::Cow::Owned)
            .map_err(|ps| ps.into_iter().map(|p| p.under("policy")).collect()),
    }
}
