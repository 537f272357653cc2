//! Overdue management (催收): the ageing of a late customer's open invoices, the dunning
//! ladder with what may be claimed on each step's date (principal + statutory or agreed
//! interest to that date + fixed compensation per invoice, via `lateInterest`), the
//! recovery routes compared by their present value, a restructuring plan (分期付款方案)
//! via `paymentSchedule`, and the key figures of each letter. Disputed invoices (争议发票)
//! are listed apart and never claimed until resolved.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{add_days, add_months, adjust, days_between, format_date, BusinessDay};
use crate::error::{code, Problem, Problems};
use crate::late::{self, LateInput};
use crate::money::{half_life_weight, ln, round_fixed, Exact, LN_2};
use crate::policy::Policy;
use crate::schedule::{self, Frequency, Method, Plan};
use crate::score::Text;
use crate::value::{object, out_of_range, Value};

pub const MAX_INVOICES: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
struct Invoice {
    number: String,
    amount: Decimal,
    invoice_date: NaiveDate,
    due_date: NaiveDate,
    disputed: bool,
    paid: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvoiceStatus {
    pub number: String,
    pub due_date: String,
    pub outstanding: Decimal,
    pub days_past_due: i64,
    /// current, 1-30, 31-60, 61-90, over90.
    pub bucket: &'static str,
    pub disputed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bucket {
    pub bucket: &'static str,
    pub amount: Decimal,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    pub principal: Decimal,
    pub interest: Decimal,
    pub compensation: Decimal,
    pub total: Decimal,
    /// The invoices claimed (due by the step's date, not disputed).
    pub invoices: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LadderStep {
    pub action: String,
    pub days: u32,
    /// The business day the step falls on (the following business day).
    pub date: String,
    /// `due` once the date has passed (an action to take now), else `upcoming`.
    pub status: &'static str,
    pub claim: Claim,
    pub letter: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteResult {
    pub route: String,
    pub expected_recovery: Decimal,
    pub cost: Decimal,
    pub months: u32,
    pub expected_date: String,
    /// (recovery − cost) discounted at the cost of capital.
    pub present_value: Decimal,
    pub rank: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OverduePlan {
    pub policy_version: String,
    pub as_of: String,
    pub currency: Option<String>,
    pub jurisdiction: &'static str,
    pub grade: Option<u32>,
    pub invoices: Vec<InvoiceStatus>,
    pub ageing: Vec<Bucket>,
    pub disputed: Vec<InvoiceStatus>,
    pub overdue_total: Decimal,
    pub outstanding_total: Decimal,
    /// Interest and compensation claimable on the as-of date.
    pub claimable_now: Claim,
    pub ladder: Vec<LadderStep>,
    pub routes: Vec<RouteResult>,
    pub best_route: String,
    pub restructuring: Option<schedule::Schedule>,
    pub legal_basis: Text,
}

fn bucket_of(days: i64) -> &'static str {
    match days {
        d if d <= 0 => "current",
        1..=30 => "1-30",
        31..=60 => "31-60",
        61..=90 => "61-90",
        _ => "over90",
    }
}

const BUCKETS: [&str; 5] = ["current", "1-30", "31-60", "61-90", "over90"];

pub fn run(value: &Value, policy: Option<&Value>) -> Result<OverduePlan, Problems> {
    let policy = crate::policy::resolve(policy)?;
    plan(value, &policy)
}

pub fn plan(value: &Value, policy: &Policy) -> Result<OverduePlan, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(
        &[
            "asOf",
            "currency",
            "jurisdiction",
            "country",
            "agreedRate",
            "referenceRate",
            "grade",
            "invoices",
            "costOfCapital",
            "plan",
            "name",
        ],
        &mut ps,
    );
    let _ = o.string("name", &mut ps);
    let as_of = o.required("asOf", &mut ps, |o, k, p| o.date(k, p));
    let currency = o.string("currency", &mut ps).map(str::to_string);
    let jurisdiction = o
        .one_of("jurisdiction", &late::JURISDICTIONS, &mut ps)
        .unwrap_or("custom");
    let country = o.string("country", &mut ps).map(str::to_string);
    let agreed = o.decimal_in("agreedRate", Decimal::ZERO, Decimal::TEN, &mut ps);
    let reference = o.decimal_in("referenceRate", Decimal::from(-1), Decimal::ONE, &mut ps);
    let grades = i64::try_from(policy.grades.len()).unwrap_or(10);
    let grade = o
        .integer_in("grade", 1, grades, &mut ps)
        .and_then(|g| u32::try_from(g).ok());
    let cost_of_capital = o
        .decimal_in("costOfCapital", Decimal::ZERO, Decimal::ONE, &mut ps)
        .unwrap_or(policy.terms.cost_of_capital);
    let limit = Decimal::from(crate::financial::MAX_STATEMENT_AMOUNT);
    let mut invoices = Vec::new();
    match o.required("invoices", &mut ps, |o, k, p| o.array(k, p)) {
        Some(items) if items.len() > MAX_INVOICES => {
            ps.push(
                Problem::new(
                    code::TOO_LONG,
                    "invoices",
                    format!("at most {MAX_INVOICES} invoices"),
                )
                .with_range(None, Some(MAX_INVOICES.to_string())),
            );
        }
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let Some(inv) = object(item, &format!("invoices[{i}]"), &mut ps) else {
                    continue;
                };
                inv.reject_unknown(
                    &[
                        "number",
                        "amount",
                        "invoiceDate",
                        "dueDate",
                        "disputed",
                        "payments",
                    ],
                    &mut ps,
                );
                let number = inv
                    .string("number", &mut ps)
                    .map_or_else(|| (i + 1).to_string(), str::to_string);
                let amount = inv.required("amount", &mut ps, |o, k, p| {
                    let a = o.decimal(k, p)?;
                    if a <= Decimal::ZERO || a > limit {
                        p.push(out_of_range(&o.path(k), Some(Decimal::ZERO), Some(limit)));
                        return None;
                    }
                    Some(a)
                });
                let invoice_date = inv.required("invoiceDate", &mut ps, |o, k, p| o.date(k, p));
                let due_date = inv.required("dueDate", &mut ps, |o, k, p| o.date(k, p));
                if let (Some(a), Some(b)) = (invoice_date, due_date) {
                    if b < a {
                        ps.push(Problem::new(
                            code::UNORDERED,
                            inv.path("dueDate"),
                            "must not be before invoiceDate",
                        ));
                    }
                }
                if let (Some(d), Some(a)) = (invoice_date, as_of) {
                    if d > a {
                        ps.push(Problem::new(
                            code::AFTER_AS_OF,
                            inv.path("invoiceDate"),
                            "must not be after asOf",
                        ));
                    }
                }
                let disputed = inv.boolean("disputed", &mut ps).unwrap_or(false);
                let mut paid = Decimal::ZERO;
                if let Some(list) = inv.array("payments", &mut ps) {
                    for (j, pay) in list.iter().enumerate().take(1000) {
                        let Some(p) =
                            object(pay, &format!("{}[{j}]", inv.path("payments")), &mut ps)
                        else {
                            continue;
                        };
                        p.reject_unknown(&["date", "amount"], &mut ps);
                        let date = p.required("date", &mut ps, |o, k, pp| o.date(k, pp));
                        if let (Some(d), Some(a)) = (date, as_of) {
                            if d > a {
                                ps.push(Problem::new(
                                    code::AFTER_AS_OF,
                                    p.path("date"),
                                    "must not be after asOf",
                                ));
                            }
                        }
                        if let Some(x) = p.required("amount", &mut ps, |o, k, pp| {
                            o.decimal_in(k, Decimal::ZERO, limit, pp)
                        }) {
                            paid = paid.plus(x).unwrap_or(limit);
                        }
                    }
                }
                if let Some(a) = amount {
                    if paid > a {
                        ps.push(
                            Problem::new(
                                code::OUT_OF_RANGE,
                                inv.path("payments"),
                                "the payments exceed the invoice",
                            )
                            .with_range(None, Some(a.to_string())),
                        );
                    }
                }
                if let (Some(amount), Some(invoice_date), Some(due_date)) =
                    (amount, invoice_date, due_date)
                {
                    invoices.push(Invoice {
                        number,
                        amount,
                        invoice_date,
                        due_date,
                        disputed,
                        paid,
                    });
                }
            }
        }
        None => {}
    }
    let plan_obj = o.object("plan", &mut ps);
    let (plan_count, plan_method, plan_rate, plan_with_interest, plan_frequency) = match &plan_obj {
        Some(p) => {
            p.reject_unknown(
                &[
                    "count",
                    "frequency",
                    "method",
                    "annualRate",
                    "includeInterest",
                ],
                &mut ps,
            );
            let count = p
                .required("count", &mut ps, |o, k, pp| {
                    o.integer_in(k, 1, schedule::MAX_INSTALMENTS, pp)
                })
                .and_then(|c| u32::try_from(c).ok());
            let method = p.one_of("method", &Method::NAMES, &mut ps);
            let rate = p
                .decimal_in("annualRate", Decimal::ZERO, Decimal::TEN, &mut ps)
                .unwrap_or_default();
            let with_interest = p.boolean("includeInterest", &mut ps).unwrap_or(false);
            let frequency = p
                .one_of("frequency", &["monthly", "weekly"], &mut ps)
                .unwrap_or("monthly");
            (count, method, rate, with_interest, frequency)
        }
        None => (None, None, Decimal::ZERO, false, "monthly"),
    };
    if jurisdiction == "custom" && agreed.is_none() && ps.is_empty() {
        ps.push(Problem::new(
            code::REQUIRED,
            "agreedRate",
            "is required without a jurisdiction (or name one: EU, UK, CN, US)",
        ));
    }
    let Some(as_of) = as_of.filter(|_| ps.is_empty()) else {
        return Err(ps);
    };

    let overflow = || vec![Problem::overflow("invoices")];
    let mode = policy.rounding.mode;
    let minor = policy.minor_units(currency.as_deref());
    let money = |d: Decimal| round_fixed(d, minor, mode);

    // Ageing.
    let mut statuses = Vec::new();
    let mut disputed = Vec::new();
    let mut buckets: Vec<Bucket> = BUCKETS
        .iter()
        .map(|b| Bucket {
            bucket: b,
            amount: Decimal::ZERO,
            count: 0,
        })
        .collect();
    let (mut overdue_total, mut outstanding_total) = (Decimal::ZERO, Decimal::ZERO);
    for inv in &invoices {
        let outstanding = inv.amount.minus(inv.paid).ok_or_else(overflow)?;
        if outstanding.is_zero() {
            continue;
        }
        let days = days_between(inv.due_date, as_of);
        let status = InvoiceStatus {
            number: inv.number.clone(),
            due_date: format_date(inv.due_date),
            outstanding: money(outstanding),
            days_past_due: days.max(0),
            bucket: bucket_of(days),
            disputed: inv.disputed,
        };
        if inv.disputed {
            disputed.push(status);
            continue;
        }
        outstanding_total = outstanding_total.plus(outstanding).ok_or_else(overflow)?;
        if days > 0 {
            overdue_total = overdue_total.plus(outstanding).ok_or_else(overflow)?;
        }
        if let Some(b) = buckets.iter_mut().find(|b| b.bucket == status.bucket) {
            b.amount = b.amount.plus(outstanding).ok_or_else(overflow)?;
            b.count += 1;
        }
        statuses.push(status);
    }
    for b in &mut buckets {
        b.amount = money(b.amount);
    }

    // What may be claimed on a date: each undisputed invoice due by then, with its interest
    // to that date and its fixed compensation, through lateInterest.
    let claim_on = |date: NaiveDate| -> Result<Claim, Problems> {
        let mut claim = Claim {
            principal: Decimal::ZERO,
            interest: Decimal::ZERO,
            compensation: Decimal::ZERO,
            total: Decimal::ZERO,
            invoices: Vec::new(),
        };
        for inv in invoices.iter().filter(|i| !i.disputed && i.due_date < date) {
            let outstanding = inv.amount.minus(inv.paid).ok_or_else(overflow)?;
            if outstanding.is_zero() {
                continue;
            }
            let li = late::compute(
                &LateInput {
                    jurisdiction,
                    amount: outstanding,
                    due_date: inv.due_date,
                    paid_date: date,
                    reference_rate: reference,
                    agreed_rate: agreed,
                    country: country.clone(),
                    currency: currency.clone(),
                    fixed_compensation: None,
                },
                policy,
            )
            .map_err(|p| vec![p.under("invoices")])?;
            claim.principal = claim.principal.plus(outstanding).ok_or_else(overflow)?;
            claim.interest = claim.interest.plus(li.interest).ok_or_else(overflow)?;
            if li.fixed_compensation_currency == currency || currency.is_none() {
                claim.compensation = claim
                    .compensation
                    .plus(li.fixed_compensation)
                    .ok_or_else(overflow)?;
            }
            claim.invoices.push(inv.number.clone());
        }
        claim.principal = money(claim.principal);
        claim.total = money(
            claim
                .principal
                .plus(claim.interest)
                .and_then(|x| x.plus(claim.compensation))
                .ok_or_else(overflow)?,
        );
        Ok(claim)
    };
    let claimable_now = claim_on(as_of)?;

    // The ladder runs from the oldest undisputed due date still open.
    let oldest = invoices
        .iter()
        .filter(|i| !i.disputed && i.paid < i.amount)
        .map(|i| i.due_date)
        .min();
    let mut ladder = Vec::new();
    if let Some(start) = oldest {
        for step in &policy.overdue.ladder {
            let date = add_days(start, step.days)
                .and_then(|d| adjust(d, BusinessDay::Following, &[]))
                .ok_or_else(|| {
                    vec![Problem::new(
                        code::OUT_OF_RANGE,
                        "invoices",
                        "a step would fall after 9999-12-31",
                    )]
                })?;
            let claim = claim_on(date)?;
            let total = claim.total.to_string();
            let letter = letter_text(
                &step.action,
                &format_date(date),
                &total,
                currency.as_deref().unwrap_or(""),
                claim.invoices.len(),
            );
            ladder.push(LadderStep {
                action: step.action.clone(),
                days: step.days,
                date: format_date(date),
                status: if date <= as_of { "due" } else { "upcoming" },
                claim,
                letter,
            });
        }
    }

    // The recovery routes, by present value at the cost of capital.
    let discounting =
        ln(Decimal::ONE.plus(cost_of_capital).ok_or_else(overflow)?).ok_or_else(overflow)?;
    let mut routes = Vec::new();
    for r in &policy.overdue.routes {
        let recovered = overdue_total.times(r.recovery).ok_or_else(overflow)?;
        let cost = recovered
            .times(r.cost_share)
            .and_then(|x| {
                x.plus(if recovered.is_zero() {
                    Decimal::ZERO
                } else {
                    r.fixed_cost
                })
            })
            .ok_or_else(overflow)?;
        let years = Decimal::from(r.months)
            .over(Decimal::from(12))
            .ok_or_else(overflow)?;
        let factor = half_life_weight(discounting.times(years).ok_or_else(overflow)?, LN_2)
            .ok_or_else(overflow)?;
        let pv = recovered
            .minus(cost)
            .and_then(|x| x.times(factor))
            .ok_or_else(overflow)?;
        routes.push(RouteResult {
            route: r.route.clone(),
            expected_recovery: money(recovered),
            cost: money(cost),
            months: r.months,
            expected_date: add_months(as_of, r.months)
                .map(format_date)
                .unwrap_or_default(),
            present_value: money(pv),
            rank: 0,
        });
    }
    let order = crate::sort::order(routes.len(), &|a, b| {
        let pa = routes.get(a).map(|r| r.present_value);
        let pb = routes.get(b).map(|r| r.present_value);
        pb.cmp(&pa)
    });
    for (rank, i) in order.iter().enumerate() {
        if let Some(r) = routes.get_mut(*i) {
            r.rank = u32::try_from(rank + 1).unwrap_or(u32::MAX);
        }
    }
    let best_route = order
        .first()
        .and_then(|i| routes.get(*i))
        .map(|r| r.route.clone())
        .unwrap_or_default();

    // The restructuring plan over the overdue total (with interest to date if asked).
    let restructuring = match plan_count {
        Some(count) if overdue_total > Decimal::ZERO => {
            let amount = if plan_with_interest {
                claimable_now
                    .principal
                    .plus(claimable_now.interest)
                    .ok_or_else(overflow)?
            } else {
                overdue_total
            };
            let method = match plan_method {
                Some("annuity") => Method::Annuity,
                Some("equalPrincipal") => Method::EqualPrincipal,
                Some(_) => Method::NoInterest,
                None if plan_rate.is_zero() => Method::NoInterest,
                None => Method::Annuity,
            };
            let p = Plan {
                amount,
                start_date: as_of,
                first_due_date: None,
                count,
                frequency: if plan_frequency == "weekly" {
                    Frequency::Weekly
                } else {
                    Frequency::Monthly
                },
                dates: Vec::new(),
                method,
                annual_rate: plan_rate,
                day_count: crate::calendar::DayCount::Act365F,
                business_day: BusinessDay::Following,
                holidays: Vec::new(),
                currency: currency.clone(),
            };
            Some(schedule::build(&p, policy).map_err(|e| vec![e.under("plan")])?)
        }
        _ => None,
    };

    let basis = late::compute(
        &LateInput {
            jurisdiction,
            amount: Decimal::ONE,
            due_date: as_of,
            paid_date: as_of,
            reference_rate: reference,
            agreed_rate: agreed,
            country,
            currency: currency.clone(),
            fixed_compensation: None,
        },
        policy,
    )
    .map(|l| l.legal_basis)
    .map_err(|p| vec![p])?;

    Ok(OverduePlan {
        policy_version: policy.version.clone(),
        as_of: format_date(as_of),
        currency,
        jurisdiction,
        grade,
        invoices: statuses,
        ageing: buckets,
        disputed,
        overdue_total: money(overdue_total),
        outstanding_total: money(outstanding_total),
        claimable_now,
        ladder,
        routes,
        best_route,
        restructuring,
        legal_basis: basis,
    })
}

fn letter_text(action: &str, date: &str, total: &str, currency: &str, count: usize) -> Text {
    let (en, zh) = match action {
        "reminder" => ("Friendly reminder", "友好提醒"),
        "formalLetter" => ("Formal payment demand", "正式催款函"),
        "finalNotice" => (
            "Final notice, claiming statutory interest and compensation",
            "最后通知（主张法定利息及补偿）",
        ),
        "stopCredit" => ("Credit stopped and deliveries held", "停止赊销并暂停发货"),
        "agencyOrLegal" => (
            "Handed to a collection agency or to court",
            "移交催收机构或提起诉讼",
        ),
        other => (other, other),
    };
    Text {
        en: format!("{en} on {date}: {total} {currency} due on {count} invoice(s)")
            .replace("  ", " "),
        zh_cn: format!("{zh}（{date}）：{count} 张发票应付 {total} {currency}").replace("  ", " "),
    }
}
