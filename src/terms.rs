//! Credit-term simulation (`../shared/domain.md` §3): up to six term options compared by
//! their dated cash flows, expected collection dates with the customer's expected
//! lateness, amount-weighted days outstanding, the receivables they make us carry for the
//! year's sales and what carrying them costs, the expected credit loss, the cost of a
//! discount, the present value of the cash flows, and the net contribution.
//!
//! Expected loss = PD over the time at risk × LGD × the amount at risk, the 12-month PD
//! scaled to t days by a constant default intensity: PD_t = 1 − (1 − PD)^(t/365). A flow
//! collected at once (prepayment) carries no risk. Present values discount each flow by
//! (1 + cost of capital)^(−t/365).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{add_days, adjust, days_between, end_of_month, format_date, BusinessDay};
use crate::discount::{self, DiscountInput};
use crate::error::{code, Problem, Problems};
use crate::money::{half_life_weight, ln, round_fixed, round_rate, Exact, LN_2};
use crate::policy::Policy;
use crate::schedule;
use crate::score::Text;
use crate::value::{object, out_of_range, Obj, Value};

pub const MAX_OPTIONS: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Net {
        days: u32,
    },
    EndOfMonth {
        days: u32,
    },
    Discount {
        percent: Decimal,
        discount_days: u32,
        net_days: u32,
        take_up: Decimal,
    },
    Prepayment {
        share: Decimal,
        rest: Box<Kind>,
    },
    Instalments {
        plan: schedule::Plan,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermOption {
    pub label: Option<String>,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermsInput {
    pub invoice_date: NaiveDate,
    pub currency: Option<String>,
    pub invoice_amount: Decimal,
    pub annual_sales: Decimal,
    pub gross_margin: Option<Decimal>,
    pub variable_cost_share: Option<Decimal>,
    pub cost_of_capital: Decimal,
    pub pd: Decimal,
    pub lgd: Decimal,
    pub days_beyond_terms: Decimal,
    pub business_day: BusinessDay,
    pub holidays: Vec<NaiveDate>,
    pub options: Vec<TermOption>,
    pub assumptions: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashFlow {
    /// prepayment, discounted, net, instalment.
    pub kind: &'static str,
    pub contractual_date: String,
    /// The contractual date plus the expected days beyond terms.
    pub expected_date: String,
    /// The cash expected (shares such as the discount take-up already applied).
    pub amount: Decimal,
    /// The part of the invoice it settles (the discounted flow settles more than it pays;
    /// an instalment's interest settles nothing).
    pub settles: Decimal,
    pub days_outstanding: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Differences {
    pub days_outstanding: Decimal,
    pub carrying_cost: Decimal,
    pub expected_loss: Decimal,
    pub discount_cost: Decimal,
    pub net_contribution: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OptionResult {
    pub label: String,
    pub kind: &'static str,
    pub description: Text,
    pub cash_flows: Vec<CashFlow>,
    /// Amount-weighted days from the invoice date to the expected collection.
    pub days_outstanding: Decimal,
    /// Annual sales × days outstanding / 365.
    pub receivables_carried: Decimal,
    /// Receivables carried × cost of capital (× variable-cost share when given), a year.
    pub carrying_cost: Decimal,
    /// The amount-weighted PD over the time at risk.
    pub pd_over_term: Decimal,
    /// A year's sales × PD over the time at risk × LGD.
    pub expected_loss: Decimal,
    /// A year's discounts given: annual sales × take-up × discount.
    pub discount_cost: Decimal,
    /// A year's interest earned on instalment plans.
    pub interest_income: Decimal,
    /// The invoice's expected cash flows discounted at the cost of capital.
    pub present_value: Decimal,
    /// Invoice amount − present value: what waiting costs per invoice.
    pub financing_cost: Decimal,
    /// A year's gross margin − carrying cost − expected loss − discount cost + interest
    /// income; null without a gross margin.
    pub net_contribution: Option<Decimal>,
    /// Carrying cost + expected loss + discount cost − interest income, a year.
    pub total_cost: Decimal,
    pub rank: u32,
    pub difference_from_first: Differences,
    /// For discount terms: the buyer's yearly cost of skipping the discount.
    pub buyer_cost: Option<BuyerCost>,
    pub schedule: Option<schedule::Schedule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BuyerCost {
    pub simple_annual_rate: Decimal,
    pub effective_annual_rate: Option<Decimal>,
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermsResult {
    pub policy_version: String,
    pub invoice_date: String,
    pub currency: Option<String>,
    pub invoice_amount: Decimal,
    pub annual_sales: Decimal,
    pub cost_of_capital: Decimal,
    pub pd: Decimal,
    pub lgd: Decimal,
    pub days_beyond_terms: Decimal,
    pub options: Vec<OptionResult>,
    /// The label of the option ranked first.
    pub best: String,
    pub assumptions: Vec<&'static str>,
}

const FIELDS: [&str; 17] = [
    "invoiceDate",
    "asOf",
    "currency",
    "invoiceAmount",
    "annualSales",
    "grossMargin",
    "variableCostShare",
    "costOfCapital",
    "pd",
    "lgd",
    "expectedDaysBeyondTerms",
    "score",
    "businessDay",
    "holidays",
    "options",
    "dayBasis",
    "name",
];

fn read_kind(
    o: &Obj,
    kind: &str,
    invoice: Option<(NaiveDate, Decimal)>,
    currency: Option<&str>,
    policy: &Policy,
    depth: u32,
    ps: &mut Problems,
) -> Option<Kind> {
    let max = policy.terms.max_term_days;
    let days = |key: &str, ps: &mut Problems| {
        o.required(key, ps, |o, k, p| o.integer_in(k, 0, max, p))
            .and_then(|d| u32::try_from(d).ok())
    };
    match kind {
        "net" => {
            o.reject_unknown(&["kind", "label", "days"], ps);
            Some(Kind::Net {
                days: days("days", ps)?,
            })
        }
        "endOfMonth" => {
            o.reject_unknown(&["kind", "label", "days"], ps);
            Some(Kind::EndOfMonth {
                days: days("days", ps)?,
            })
        }
        "discount" => {
            o.reject_unknown(
                &[
                    "kind",
                    "label",
                    "discountPercent",
                    "discountDays",
                    "netDays",
                    "takeUp",
                ],
                ps,
            );
            let percent = o.required("discountPercent", ps, |o, k, p| {
                let d = o.decimal(k, p)?;
                if d < Decimal::ZERO || d >= Decimal::ONE_HUNDRED {
                    p.push(out_of_range(
                        &o.path(k),
                        Some(Decimal::ZERO),
                        Some(Decimal::ONE_HUNDRED),
                    ));
                    return None;
                }
                Some(d)
            });
            let dd = days("discountDays", ps);
            let nd = days("netDays", ps);
            if let (Some(a), Some(b)) = (dd, nd) {
                if b <= a {
                    ps.push(Problem::new(
                        code::NET_NOT_AFTER_DISCOUNT,
                        o.path("netDays"),
                        "must be more days than discountDays",
                    ));
                    return None;
                }
            }
            let take_up = o
                .decimal_in("takeUp", Decimal::ZERO, Decimal::ONE, ps)
                .unwrap_or(Decimal::ONE);
            Some(Kind::Discount {
                percent: percent?,
                discount_days: dd?,
                net_days: nd?,
                take_up,
            })
        }
        "prepayment" => {
            o.reject_unknown(&["kind", "label", "share", "rest"], ps);
            let share = o.required("share", ps, |o, k, p| {
                o.decimal_in(k, Decimal::ZERO, Decimal::ONE, p)
            });
            let rest = if depth > 0 {
                ps.push(Problem::new(
                    code::NOT_ONE_OF,
                    o.path("rest"),
                    "a prepayment's rest cannot itself be a prepayment",
                ));
                None
            } else {
                match (share, o.object("rest", ps)) {
                    (Some(s), None) if s == Decimal::ONE => Some(Kind::Net { days: 0 }),
                    (_, None) => {
                        ps.push(Problem::new(
                            code::REQUIRED,
                            o.path("rest"),
                            "is required unless the whole amount is prepaid",
                        ));
                        None
                    }
                    (_, Some(r)) => {
                        let k = r.required("kind", ps, |o, k, p| {
                            o.one_of(k, &["net", "endOfMonth", "discount", "instalments"], p)
                        })?;
                        read_kind(&r, k, invoice, currency, policy, depth + 1, ps)
                    }
                }
            };
            Some(Kind::Prepayment {
                share: share?,
                rest: Box::new(rest?),
            })
        }
        "instalments" => {
            o.reject_unknown(&["kind", "label", "plan"], ps);
            let p = o.required("plan", ps, |o, k, p| o.object(k, p))?;
            // The plan's amount and start are the invoice's unless it gives its own.
            let (date, amount) = invoice?;
            let mut fields: Vec<(String, Value)> = match p.source() {
                Some(Value::Object(f)) => f.clone(),
                _ => Vec::new(),
            };
            if !fields.iter().any(|(k, _)| k == "amount") {
                fields.push(("amount".into(), Value::String(amount.to_string())));
            }
            if !fields.iter().any(|(k, _)| k == "startDate") {
                fields.push(("startDate".into(), Value::String(format_date(date))));
            }
            if let (Some(c), false) = (currency, fields.iter().any(|(k, _)| k == "currency")) {
                fields.push(("currency".into(), Value::String(c.to_string())));
            }
            let merged = Value::Object(fields);
            let mut inner = Problems::new();
            let plan = object(&merged, "", &mut inner)
                .and_then(|m| schedule::read_plan(&m, policy, &mut inner));
            ps.extend(inner.into_iter().map(|q| q.under(&o.path("plan"))));
            Some(Kind::Instalments { plan: plan? })
        }
        _ => None,
    }
}

pub fn read_input(value: &Value, policy: &Policy) -> Result<TermsInput, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(&FIELDS, &mut ps);
    let _ = o.string("name", &mut ps);
    let _ = o.one_of("dayBasis", &crate::policy::DAY_BASES, &mut ps);
    let mut assumptions = Vec::new();
    let invoice_date = match (o.date("invoiceDate", &mut ps), o.date("asOf", &mut ps)) {
        (Some(d), _) | (None, Some(d)) => Some(d),
        (None, None) => {
            if o.get("invoiceDate").is_none() && o.get("asOf").is_none() {
                ps.push(Problem::new(code::REQUIRED, "invoiceDate", "is required"));
            }
            None
        }
    };
    let currency = crate::money::read_currency(&o, &mut ps, Some(policy));
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let positive = |key: &str, ps: &mut Problems| -> Option<Decimal> {
        let d = o.decimal(key, ps)?;
        if d <= Decimal::ZERO || d > limit {
            ps.push(out_of_range(&o.path(key), Some(Decimal::ZERO), Some(limit)));
            return None;
        }
        Some(d)
    };
    let invoice = positive("invoiceAmount", &mut ps);
    let annual = positive("annualSales", &mut ps);
    if invoice.is_none()
        && annual.is_none()
        && o.get("invoiceAmount").is_none()
        && o.get("annualSales").is_none()
    {
        ps.push(Problem::new(
            code::REQUIRED,
            "invoiceAmount",
            "give the invoice amount or the annual sales (or both)",
        ));
    }
    let (invoice_amount, annual_sales) = match (invoice, annual) {
        (Some(i), Some(a)) => (Some(i), Some(a)),
        (Some(i), None) => {
            assumptions.push("ANNUAL_SALES_TWELVE_INVOICES");
            (Some(i), i.times(Decimal::from(12)))
        }
        (None, Some(a)) => {
            assumptions.push("INVOICE_ONE_MONTH_OF_SALES");
            (
                a.over(Decimal::from(12)).map(|x| {
                    round_fixed(
                        x,
                        policy.minor_units(currency.as_deref()),
                        policy.rounding.mode,
                    )
                }),
                Some(a),
            )
        }
        (None, None) => (None, None),
    };
    let gross_margin = o.decimal_in("grossMargin", -Decimal::ONE, Decimal::ONE, &mut ps);
    let variable_cost_share =
        o.decimal_in("variableCostShare", Decimal::ZERO, Decimal::ONE, &mut ps);
    let cost_of_capital = o
        .decimal_in("costOfCapital", Decimal::ZERO, Decimal::ONE, &mut ps)
        .unwrap_or_else(|| {
            assumptions.push("POLICY_COST_OF_CAPITAL");
            policy.terms.cost_of_capital
        });
    let lgd = o
        .decimal_in("lgd", Decimal::ZERO, Decimal::ONE, &mut ps)
        .unwrap_or_else(|| {
            assumptions.push("POLICY_LGD");
            policy.terms.loss_given_default
        });
    // PD and lateness: given, else from a score result, else the policy's defaults.
    let mut ignore = Problems::new();
    let score = o.object("score", &mut ignore);
    let score_pd = score.as_ref().and_then(|s| s.decimal("pd", &mut ignore));
    let score_dbt = score
        .as_ref()
        .and_then(|s| s.object("paymentIndex", &mut ignore))
        .and_then(|p| p.decimal("weightedDaysBeyondTerms", &mut ignore));
    let pd = match (
        o.decimal_in("pd", Decimal::ZERO, Decimal::ONE, &mut ps),
        score_pd,
    ) {
        (Some(p), _) => p,
        (None, Some(p)) => {
            assumptions.push("PD_FROM_SCORE");
            p.max(Decimal::ZERO).min(Decimal::ONE)
        }
        (None, None) => {
            assumptions.push("POLICY_DEFAULT_PD");
            policy.terms.default_pd
        }
    };
    let max_days = Decimal::from(policy.terms.max_term_days);
    let dbt = match (
        o.decimal_in("expectedDaysBeyondTerms", Decimal::ZERO, max_days, &mut ps),
        score_dbt,
    ) {
        (Some(d), _) => d,
        (None, Some(d)) => {
            assumptions.push("DAYS_BEYOND_TERMS_FROM_PAYMENT_INDEX");
            d.max(Decimal::ZERO).min(max_days)
        }
        (None, None) => Decimal::ZERO,
    };
    let business_day = o
        .one_of("businessDay", &BusinessDay::NAMES, &mut ps)
        .and_then(BusinessDay::from_name)
        .unwrap_or(BusinessDay::None);
    let mut holidays: Vec<NaiveDate> = Vec::new();
    if let Some(items) = o.array("holidays", &mut ps) {
        for (i, item) in items.iter().enumerate().take(schedule::MAX_HOLIDAYS) {
            match item {
                Value::String(s) if crate::calendar::parse_date(s).is_some() => {
                    holidays.extend(crate::calendar::parse_date(s))
                }
                _ => ps.push(Problem::new(
                    code::NOT_A_DATE,
                    format!("holidays[{i}]"),
                    "must be a date written YYYY-MM-DD",
                )),
            }
        }
    }
    crate::sort::sort_by(&mut holidays, Ord::cmp);
    let mut options = Vec::new();
    match o.required("options", &mut ps, |o, k, p| o.array(k, p)) {
        Some(items) if items.is_empty() || items.len() > MAX_OPTIONS => {
            ps.push(
                Problem::new(
                    code::OUT_OF_RANGE,
                    "options",
                    format!("give 1 to {MAX_OPTIONS} options"),
                )
                .with_range(Some("1".into()), Some(MAX_OPTIONS.to_string())),
            );
        }
        Some(items) => {
            let invoice = invoice_date.zip(invoice_amount);
            for (i, item) in items.iter().enumerate() {
                let Some(opt) = object(item, &format!("options[{i}]"), &mut ps) else {
                    continue;
                };
                let label = opt.string("label", &mut ps).map(str::to_string);
                let Some(kind) = opt.required("kind", &mut ps, |o, k, p| {
                    o.one_of(
                        k,
                        &["net", "endOfMonth", "discount", "prepayment", "instalments"],
                        p,
                    )
                }) else {
                    continue;
                };
                if let Some(k) =
                    read_kind(&opt, kind, invoice, currency.as_deref(), policy, 0, &mut ps)
                {
                    options.push(TermOption { label, kind: k });
                }
            }
        }
        None => {}
    }
    match (invoice_date, invoice_amount, annual_sales, ps.is_empty()) {
        (Some(invoice_date), Some(invoice_amount), Some(annual_sales), true) => Ok(TermsInput {
            invoice_date,
            currency,
            invoice_amount,
            annual_sales,
            gross_margin,
            variable_cost_share,
            cost_of_capital,
            pd,
            lgd,
            days_beyond_terms: dbt,
            business_day,
            holidays,
            options,
            assumptions,
        }),
        _ => Err(ps),
    }
}

struct Flow {
    kind: &'static str,
    contractual: NaiveDate,
    expected: NaiveDate,
    amount: Decimal,
    settles: Decimal,
    /// Whether it waits for the customer (and so carries credit risk and lateness).
    at_risk: bool,
}

struct Ctx<'a> {
    input: &'a TermsInput,
    policy: &'a Policy,
}

impl Ctx<'_> {
    fn due(&self, date: NaiveDate) -> Result<NaiveDate, Problem> {
        adjust(date, self.input.business_day, &self.input.holidays).ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "holidays",
                "no business day within 30 days of a due date",
            )
        })
    }

    fn late(&self, date: NaiveDate) -> Result<NaiveDate, Problem> {
        // Whole days, rounded by the policy's rule (half away from zero by default).
        let whole =
            crate::money::round_to(self.input.days_beyond_terms, 0, self.policy.rounding.mode);
        let days = u32::try_from(whole.mantissa()).unwrap_or(0);
        add_days(date, days).ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "invoiceDate",
                "a date would fall after 9999-12-31",
            )
        })
    }

    fn after(&self, days: u32) -> Result<NaiveDate, Problem> {
        add_days(self.input.invoice_date, days).ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "invoiceDate",
                "a due date would fall after 9999-12-31",
            )
        })
    }

    /// The cash flows of `kind` for `amount`.
    fn flows(
        &self,
        kind: &Kind,
        amount: Decimal,
        out: &mut Vec<Flow>,
        schedule_out: &mut Option<schedule::Schedule>,
    ) -> Result<(), Problem> {
        let overflow = || Problem::overflow("invoiceAmount");
        match kind {
            Kind::Net { days } => {
                let due = self.due(self.after(*days)?)?;
                out.push(Flow {
                    kind: "net",
                    contractual: due,
                    expected: self.late(due)?,
                    amount,
                    settles: amount,
                    at_risk: true,
                });
            }
            Kind::EndOfMonth { days } => {
                // "N days end of month": N days after the end of the invoice month
                // (invoice 11 May, net 30 EOM → 30 June).
                let eom = end_of_month(self.input.invoice_date).ok_or_else(overflow)?;
                let due = self.due(add_days(eom, *days).ok_or_else(overflow)?)?;
                out.push(Flow {
                    kind: "net",
                    contractual: due,
                    expected: self.late(due)?,
                    amount,
                    settles: amount,
                    at_risk: true,
                });
            }
            Kind::Discount {
                percent,
                discount_days,
                net_days,
                take_up,
            } => {
                let d = percent.over(Decimal::ONE_HUNDRED).ok_or_else(overflow)?;
                let takers = amount.times(*take_up).ok_or_else(overflow)?;
                let discounted = takers
                    .times(Decimal::ONE.minus(d).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
                let rest = amount.minus(takers).ok_or_else(overflow)?;
                if !take_up.is_zero() {
                    // Those who take the discount pay on time: that is the point of it.
                    let due = self.due(self.after(*discount_days)?)?;
                    out.push(Flow {
                        kind: "discounted",
                        contractual: due,
                        expected: due,
                        amount: discounted,
                        settles: takers,
                        at_risk: true,
                    });
                }
                if !rest.is_zero() {
                    let due = self.due(self.after(*net_days)?)?;
                    out.push(Flow {
                        kind: "net",
                        contractual: due,
                        expected: self.late(due)?,
                        amount: rest,
                        settles: rest,
                        at_risk: true,
                    });
                }
            }
            Kind::Prepayment { share, rest } => {
                let pre = amount.times(*share).ok_or_else(overflow)?;
                if !pre.is_zero() {
                    let d = self.input.invoice_date;
                    out.push(Flow {
                        kind: "prepayment",
                        contractual: d,
                        expected: d,
                        amount: pre,
                        settles: pre,
                        at_risk: false,
                    });
                }
                let remaining = amount.minus(pre).ok_or_else(overflow)?;
                if !remaining.is_zero() {
                    self.flows(rest, remaining, out, schedule_out)?;
                }
            }
            Kind::Instalments { plan } => {
                let mut p = plan.clone();
                p.amount = amount;
                if p.business_day == BusinessDay::None {
                    p.business_day = self.input.business_day;
                    p.holidays = self.input.holidays.clone();
                }
                let s = schedule::build(&p, self.policy)?;
                for inst in &s.instalments {
                    let due = crate::calendar::parse_date(&inst.due_date).ok_or_else(overflow)?;
                    out.push(Flow {
                        kind: "instalment",
                        contractual: due,
                        expected: self.late(due)?,
                        amount: inst.payment,
                        settles: inst.principal,
                        at_risk: true,
                    });
                }
                *schedule_out = Some(s);
            }
        }
        Ok(())
    }
}

fn kind_name(kind: &Kind) -> &'static str {
    match kind {
        Kind::Net { .. } => "net",
        Kind::EndOfMonth { .. } => "endOfMonth",
        Kind::Discount { .. } => "discount",
        Kind::Prepayment { .. } => "prepayment",
        Kind::Instalments { .. } => "instalments",
    }
}

fn describe(kind: &Kind) -> Text {
    let show = |d: Decimal| d.normalize().to_string();
    match kind {
        Kind::Net { days } => Text {
            en: format!("Net {days} days"),
            zh_cn: format!("{days} 天净付"),
        },
        Kind::EndOfMonth { days } => Text {
            en: format!("{days} days end of month"),
            zh_cn: format!("月结 {days} 天"),
        },
        Kind::Discount {
            percent,
            discount_days,
            net_days,
            take_up,
        } => Text {
            en: format!(
                "{}/{discount_days} net {net_days}, {}% expected to take the discount",
                show(*percent),
                show(*take_up * Decimal::ONE_HUNDRED)
            ),
            zh_cn: format!(
                "{discount_days} 天内付款折扣 {}%，{net_days} 天内付全款；预计 {}% 享受折扣",
                show(*percent),
                show(*take_up * Decimal::ONE_HUNDRED)
            ),
        },
        Kind::Prepayment { share, .. } if *share == Decimal::ONE => Text {
            en: "Paid in full in advance".into(),
            zh_cn: "全额预付".into(),
        },
        Kind::Prepayment { share, rest } => {
            let r = describe(rest);
            Text {
                en: format!(
                    "{}% prepaid, the rest {}",
                    show(*share * Decimal::ONE_HUNDRED),
                    // Our own English, all ASCII: Unicode's case tables (6 KB of wasm) not needed.
                    r.en.to_ascii_lowercase()
                ),
                zh_cn: format!(
                    "预付 {}%，其余{}",
                    show(*share * Decimal::ONE_HUNDRED),
                    r.zh_cn
                ),
            }
        }
        Kind::Instalments { plan } => Text {
            en: format!("{} instalments", plan.count),
            zh_cn: format!("分 {} 期付款", plan.count),
        },
    }
}

/// e^(−x) for x ≥ 0, through the fixed-point halving series of `half_life_weight`.
fn exp_neg(x: Decimal) -> Option<Decimal> {
    half_life_weight(x, LN_2)
}

pub fn simulate(input: &TermsInput, policy: &Policy) -> Result<TermsResult, Problem> {
    let overflow = || Problem::overflow("");
    let mode = policy.rounding.mode;
    let minor = policy.minor_units(input.currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);
    let rate = |d: Decimal| round_rate(d, policy.rounding.rate_decimals, mode);
    let ctx = Ctx { input, policy };
    let year = Decimal::from(365);
    // −ln(1 − PD) and ln(1 + r), once: each flow then needs only e^(−x).
    let hazard = if input.pd >= Decimal::ONE {
        None
    } else {
        ln(Decimal::ONE.minus(input.pd).ok_or_else(overflow)?).map(|l| -l)
    };
    let discounting = ln(Decimal::ONE
        .plus(input.cost_of_capital)
        .ok_or_else(overflow)?)
    .ok_or_else(overflow)?;
    let invoices_a_year = input
        .annual_sales
        .over(input.invoice_amount)
        .ok_or_else(overflow)?;
    let cost_share = input.variable_cost_share.unwrap_or(Decimal::ONE);

    let mut results = Vec::with_capacity(input.options.len());
    for (i, option) in input.options.iter().enumerate() {
        let mut flows = Vec::new();
        let mut sched = None;
        ctx.flows(&option.kind, input.invoice_amount, &mut flows, &mut sched)?;
        let total: Decimal = flows
            .iter()
            .try_fold(Decimal::ZERO, |a, f| a.plus(f.settles))
            .ok_or_else(overflow)?;
        let (mut weighted_days, mut pd_weighted, mut pv) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut cash_flows = Vec::with_capacity(flows.len());
        for f in &flows {
            if f.contractual < input.invoice_date {
                return Err(Problem::new(
                    code::UNORDERED,
                    format!("options[{i}]"),
                    "a due date falls before the invoice date",
                ));
            }
            let days = days_between(input.invoice_date, f.expected).max(0);
            let t = Decimal::from(days).over(year).ok_or_else(overflow)?;
            weighted_days = weighted_days
                .plus(f.settles.times(Decimal::from(days)).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            if f.at_risk {
                let pd_t = match hazard {
                    None => Decimal::ONE,
                    Some(h) => Decimal::ONE
                        .minus(exp_neg(h.times(t).ok_or_else(overflow)?).ok_or_else(overflow)?)
                        .ok_or_else(overflow)?,
                };
                pd_weighted = pd_weighted
                    .plus(f.settles.times(pd_t).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
            }
            let factor =
                exp_neg(discounting.times(t).ok_or_else(overflow)?).ok_or_else(overflow)?;
            pv = pv
                .plus(f.amount.times(factor).ok_or_else(overflow)?)
                .ok_or_else(overflow)?;
            cash_flows.push(CashFlow {
                kind: f.kind,
                contractual_date: format_date(f.contractual),
                expected_date: format_date(f.expected),
                amount: money(f.amount),
                settles: money(f.settles),
                days_outstanding: days,
            });
        }
        // Days and risk are weighted by what each flow settles of the invoice.
        let share = |x: Decimal| {
            if total.is_zero() {
                Some(Decimal::ZERO)
            } else {
                x.over(total)
            }
        };
        let days_outstanding = share(weighted_days).ok_or_else(overflow)?;
        let receivables = input
            .annual_sales
            .times(days_outstanding)
            .and_then(|x| x.over(year))
            .ok_or_else(overflow)?;
        let carrying = receivables
            .times(input.cost_of_capital)
            .and_then(|x| x.times(cost_share))
            .ok_or_else(overflow)?;
        let pd_over_term = share(pd_weighted).ok_or_else(overflow)?;
        let expected_loss = input
            .annual_sales
            .times(pd_over_term)
            .and_then(|x| x.times(input.lgd))
            .ok_or_else(overflow)?;
        let discount_cost = match &option.kind {
            Kind::Discount {
                percent, take_up, ..
            } => discount_share(input.annual_sales, *percent, *take_up),
            Kind::Prepayment { share, rest } => match rest.as_ref() {
                Kind::Discount {
                    percent, take_up, ..
                } => Decimal::ONE
                    .minus(*share)
                    .and_then(|rest| input.annual_sales.times(rest))
                    .and_then(|s| discount_share(s, *percent, *take_up)),
                _ => Some(Decimal::ZERO),
            },
            _ => Some(Decimal::ZERO),
        }
        .ok_or_else(overflow)?;
        let interest_income = sched
            .as_ref()
            .map_or(Some(Decimal::ZERO), |s| {
                s.total_interest.times(invoices_a_year)
            })
            .ok_or_else(overflow)?;
        let total_cost = carrying
            .plus(expected_loss)
            .and_then(|x| x.plus(discount_cost))
            .and_then(|x| x.minus(interest_income))
            .ok_or_else(overflow)?;
        let net_contribution = match input.gross_margin {
            Some(m) => Some(
                input
                    .annual_sales
                    .times(m)
                    .and_then(|x| x.minus(total_cost))
                    .ok_or_else(overflow)?,
            ),
            None => None,
        };
        let buyer_cost = match &option.kind {
            Kind::Discount {
                percent,
                discount_days,
                net_days,
                ..
            } => {
                let d = discount::discount_cost(
                    &DiscountInput {
                        discount_percent: *percent,
                        discount_days: *discount_days,
                        net_days: *net_days,
                        day_basis: None,
                        invoice_amount: None,
                        invoice_date: None,
                        currency: None,
                    },
                    policy,
                )?;
                let pct = |x: Decimal| {
                    round_rate(x.times(Decimal::ONE_HUNDRED).unwrap_or(x), 2, mode).to_string()
                };
                let simple = pct(d.simple_annual_rate);
                Some(BuyerCost {
                    simple_annual_rate: d.simple_annual_rate,
                    effective_annual_rate: d.effective_annual_rate,
                    text: Text {
                        en: format!("Skipping the discount costs the buyer {simple}% a year: a buyer whose money costs less should take it"),
                        zh_cn: format!("放弃折扣相当于买方承担年化 {simple}% 的成本：资金成本低于此的买方应当享受折扣"),
                    },
                })
            }
            _ => None,
        };
        results.push(OptionResult {
            label: option
                .label
                .clone()
                .unwrap_or_else(|| describe(&option.kind).en),
            kind: kind_name(&option.kind),
            description: describe(&option.kind),
            cash_flows,
            days_outstanding: round_fixed(days_outstanding, 2, mode),
            receivables_carried: money(receivables),
            carrying_cost: money(carrying),
            pd_over_term: rate(pd_over_term),
            expected_loss: money(expected_loss),
            discount_cost: money(discount_cost),
            interest_income: money(interest_income),
            present_value: money(pv),
            financing_cost: money(input.invoice_amount.minus(pv).ok_or_else(overflow)?),
            net_contribution: net_contribution.map(money),
            total_cost: money(total_cost),
            rank: 0,
            difference_from_first: Differences {
                days_outstanding: Decimal::ZERO,
                carrying_cost: Decimal::ZERO,
                expected_loss: Decimal::ZERO,
                discount_cost: Decimal::ZERO,
                net_contribution: None,
            },
            buyer_cost,
            schedule: sched,
        });
    }
    // Rank: the lowest total cost (the highest contribution) first; ties keep input order.
    let order = crate::sort::order(results.len(), &|a, b| {
        let ka = results.get(a).map(|r| r.total_cost);
        let kb = results.get(b).map(|r| r.total_cost);
        ka.cmp(&kb)
    });
    for (rank, idx) in order.iter().enumerate() {
        if let Some(r) = results.get_mut(*idx) {
            r.rank = u32::try_from(rank + 1).unwrap_or(u32::MAX);
        }
    }
    if let Some(first) = results.first().cloned() {
        for r in &mut results {
            r.difference_from_first = Differences {
                days_outstanding: r
                    .days_outstanding
                    .minus(first.days_outstanding)
                    .ok_or_else(overflow)?,
                carrying_cost: r
                    .carrying_cost
                    .minus(first.carrying_cost)
                    .ok_or_else(overflow)?,
                expected_loss: r
                    .expected_loss
                    .minus(first.expected_loss)
                    .ok_or_else(overflow)?,
                discount_cost: r
                    .discount_cost
                    .minus(first.discount_cost)
                    .ok_or_else(overflow)?,
                net_contribution: match (r.net_contribution, first.net_contribution) {
                    (Some(a), Some(b)) => Some(a.minus(b).ok_or_else(overflow)?),
                    _ => None,
                },
            };
        }
    }
    let best = order
        .first()
        .and_then(|i| results.get(*i))
        .map(|r| r.label.clone())
        .unwrap_or_default();
    Ok(TermsResult {
        policy_version: policy.version.clone(),
        invoice_date: format_date(input.invoice_date),
        currency: input.currency.clone(),
        invoice_amount: money(input.invoice_amount),
        annual_sales: money(input.annual_sales),
        cost_of_capital: input.cost_of_capital,
        pd: input.pd,
        lgd: input.lgd,
        days_beyond_terms: input.days_beyond_terms,
        options: results,
        best,
        assumptions: input.assumptions.clone(),
    })
}

fn discount_share(sales: Decimal, percent: Decimal, take_up: Decimal) -> Option<Decimal> {
    sales
        .times(take_up)?
        .times(percent)?
        .over(Decimal::ONE_HUNDRED)
}

/// The whole `simulateTerms(input, policy?)` export.
pub fn run(value: &Value, policy: Option<&Value>) -> Result<TermsResult, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let input = read_input(value, &policy)?;
    simulate(&input, &policy).map_err(|p| vec![p])
}
