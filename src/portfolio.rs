//! Portfolio scoring (issue 8): a customer book read from a spreadsheet's rows, every
//! customer scored and limited by the same rules as `scoreCustomer` and `recommendLimit`,
//! in one call per chunk of rows, with only the figures a portfolio review needs.
//!
//! Why a path of its own: the per-customer exports build a full explanation (every factor,
//! reasons, the next grade, every limit method in two languages) that a portfolio of
//! 100,000 customers neither shows nor can afford. Here each row gives one financial
//! period, a payment summary and at most one legal record; the figures are worked out
//! exactly as `score::score` and `limit::recommend` work them (the same operations in the
//! same order, so the same digits; the tests check it on random customers), and the
//! weights the missing-data rule shares out are worked out once per set of known factors.
//! A row with a problem is reported (row, column, code) and left out; the others are scored.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::calendar::{format_date, parse_date, years_between};
use crate::error::{code, Problem, Problems};
use crate::financial::MAX_STATEMENT_AMOUNT;
use crate::legal::{self, LegalEvent};
use crate::money::{round_to, Exact, RoundingMode};
use crate::payments::index_for;
use crate::policy::{Decision, FactorCode, Grade, MissingData, Policy, RiskBand};
use crate::value::{object, out_of_range, read_decimal, Value, MAX_STRING};
use fast::{fixed, less, push_decimal, rate};

/// Rows one call reads at most: a chunk, not a whole book (the page sends 5,000 at a time).
pub const MAX_ROWS: usize = 100_000;
/// Columns a spreadsheet may have.
pub const MAX_COLUMNS: usize = 500;
/// Characters of `rows` given as one text.
pub const MAX_ROWS_TEXT: usize = 64 * 1024 * 1024;
/// Separators of `rows` given as one text: the ASCII unit and record separators, which
/// no spreadsheet cell holds.
pub const FIELD_SEPARATOR: char = '\u{1f}';
pub const ROW_SEPARATOR: char = '\u{1e}';

/// The columns a portfolio file may have: the name the engine reads, then the other names
/// (English and Simplified Chinese) accepted for it. Names are matched ignoring case,
/// spaces, `_`, `-` and `.`: "Total assets", "total_assets" and "totalAssets" are the same.
pub const COLUMNS: [(&str, &[&str]); 36] = [
    (
        "reference",
        &[
            "id",
            "customerId",
            "customerNumber",
            "客户编号",
            "编号",
            "客户代码",
        ],
    ),
    (
        "name",
        &[
            "customer",
            "customerName",
            "company",
            "客户名称",
            "名称",
            "客户",
            "公司名称",
            "企业名称",
        ],
    ),
    ("foundedOn", &["founded", "成立日期", "成立时间"]),
    ("employees", &["员工人数", "员工数", "人数"]),
    ("industry", &["行业"]),
    ("country", &["国家", "国家/地区", "国家代码"]),
    ("listed", &["是否上市", "上市"]),
    ("manufacturer", &["是否制造商", "制造商", "制造企业"]),
    ("bureauScore", &["征信评分", "信用评分"]),
    ("bureauScoreMin", &["征信评分最低分", "评分下限"]),
    ("bureauScoreMax", &["征信评分最高分", "评分上限"]),
    ("currency", &["币种", "货币"]),
    ("periodEnd", &["报表日期", "报表截止日"]),
    ("currentAssets", &["流动资产", "流动资产合计"]),
    ("currentLiabilities", &["流动负债", "流动负债合计"]),
    ("totalAssets", &["总资产", "资产总计", "资产总额"]),
    ("totalLiabilities", &["总负债", "负债合计", "负债总额"]),
    (
        "bookEquity",
        &[
            "equity",
            "所有者权益",
            "所有者权益合计",
            "股东权益",
            "净资产",
        ],
    ),
    ("retainedEarnings", &["留存收益", "未分配利润"]),
    ("ebit", &["息税前利润"]),
    ("netIncome", &["净利润"]),
    ("revenue", &["营业收入", "营业总收入", "销售收入"]),
    ("previousRevenue", &["上年营业收入", "上期营业收入"]),
    ("interestExpense", &["利息费用", "利息支出"]),
    ("intangibleAssets", &["无形资产"]),
    ("marketValueOfEquity", &["股权市值", "市值"]),
    ("daysBeyondTerms", &["平均逾期天数", "逾期天数"]),
    ("paymentCount", &["付款记录数", "付款笔数"]),
    ("legalKind", &["法律记录类型", "法律事件"]),
    ("legalDate", &["法律记录日期", "法律事件日期"]),
    ("legalResolved", &["法律记录已解决", "已结案"]),
    (
        "termsDays",
        &["terms", "账期天数", "信用期天数", "账期", "信用期"],
    ),
    (
        "expectedAnnualSales",
        &["annualSales", "预计年销售额", "年销售额"],
    ),
    (
        "openReceivables",
        &["receivables", "应收账款余额", "应收账款", "未收款"],
    ),
    ("openOrders", &["未完成订单", "在手订单"]),
    (
        "insurerApprovedLimit",
        &["insuredLimit", "保险核准限额", "保险限额"],
    ),
];

// Slots of COLUMNS, by name.
const REFERENCE: usize = 0;
const NAME: usize = 1;
const FOUNDED_ON: usize = 2;
const EMPLOYEES: usize = 3;
const INDUSTRY: usize = 4;
const COUNTRY: usize = 5;
const LISTED: usize = 6;
const MANUFACTURER: usize = 7;
const BUREAU_SCORE: usize = 8;
const BUREAU_MIN: usize = 9;
const BUREAU_MAX: usize = 10;
const CURRENCY: usize = 11;
const PERIOD_END: usize = 12;
const CURRENT_ASSETS: usize = 13;
const CURRENT_LIABILITIES: usize = 14;
const TOTAL_ASSETS: usize = 15;
const TOTAL_LIABILITIES: usize = 16;
const BOOK_EQUITY: usize = 17;
const RETAINED_EARNINGS: usize = 18;
const EBIT: usize = 19;
const NET_INCOME: usize = 20;
const REVENUE: usize = 21;
const PREVIOUS_REVENUE: usize = 22;
const INTEREST_EXPENSE: usize = 23;
const INTANGIBLE_ASSETS: usize = 24;
const MARKET_VALUE_OF_EQUITY: usize = 25;
const DAYS_BEYOND_TERMS: usize = 26;
const PAYMENT_COUNT: usize = 27;
const LEGAL_KIND: usize = 28;
const LEGAL_DATE: usize = 29;
const LEGAL_RESOLVED: usize = 30;
const TERMS_DAYS: usize = 31;
const EXPECTED_ANNUAL_SALES: usize = 32;
const OPEN_RECEIVABLES: usize = 33;
const OPEN_ORDERS: usize = 34;
const INSURER_APPROVED_LIMIT: usize = 35;
const SLOTS: usize = COLUMNS.len();

/// The legal-record kinds of our policy in Chinese, as a ledger writes them.
const LEGAL_KIND_ALIASES: [(&str, &str); 6] = [
    ("诉讼", "lawsuit"),
    ("判决", "judgment"),
    ("留置", "lien"),
    ("留置权", "lien"),
    ("欠税", "taxArrears"),
    ("破产", "insolvency"),
];

/// The fields of one result line when `output` is `packed`, in order.
pub const PACKED_FIELDS: [&str; 16] = [
    "row",
    "reference",
    "name",
    "currency",
    "score",
    "grade",
    "pd",
    "band",
    "decision",
    "recommended",
    "bindingMethod",
    "exposure",
    "headroom",
    "expectedLoss",
    "overLimit",
    "review",
];

/// A column of the file and the field it was read as (`null`: not a known column, left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnRead {
    pub column: String,
    pub field: Option<&'static str>,
}

/// One customer's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioRow<'a> {
    /// The spreadsheet row (the header is row 1).
    pub row: u32,
    pub reference: Option<&'a str>,
    pub name: Option<&'a str>,
    pub currency: Option<Cow<'a, str>>,
    pub score: Decimal,
    pub grade: u32,
    pub pd: Decimal,
    pub band: RiskBand,
    pub decision: Decision,
    pub recommended: Decimal,
    /// The limit method that set `recommended` (as `recommendLimit` names it).
    pub binding_method: &'static str,
    /// Open receivables + open orders.
    pub exposure: Decimal,
    /// recommended − exposure; negative when over the limit.
    pub headroom: Decimal,
    /// PD × LGD (the policy's) × exposure.
    pub expected_loss: Decimal,
    pub over_limit: bool,
    /// The grade's decision is not "approve", or the customer is over the limit.
    pub review: bool,
}

/// A problem of one row: the row and the column as the file has them, and what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub row: u32,
    /// The column's header as given ("" for the row as a whole).
    pub column: String,
    /// The field read from it (`totalAssets`), or the rule that failed.
    pub field: String,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
}

/// Sums of one currency (`null`: rows that name none), carried from chunk to chunk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub currency: Option<String>,
    pub customers: u32,
    pub recommended: Decimal,
    pub exposure: Decimal,
    pub expected_loss: Decimal,
    pub over_limit: u32,
    pub review: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortfolioResult<'a> {
    pub policy_version: String,
    pub as_of: String,
    pub columns: Vec<ColumnRead>,
    pub first_row: u32,
    /// Rows read, blank ones included.
    pub rows: u32,
    pub blank: u32,
    pub scored: u32,
    /// Every scored row (`output: "objects"`, the default); empty when packed.
    pub results: Vec<PortfolioRow<'a>>,
    /// `output: "packed"`: one line per scored row, fields in `packedFields` order joined
    /// by U+001F, lines by U+001E; booleans as 1/0, nothing as "".
    pub packed: Option<String>,
    pub packed_fields: Option<&'static [&'static str]>,
    pub problems: Vec<RowProblem>,
    /// By currency, the carried totals included; ordered by currency, none first.
    pub totals: Vec<Totals>,
}

const FIELDS: [&str; 7] = [
    "asOf",
    "columns",
    "rows",
    "firstRow",
    "ourAnnualSales",
    "totals",
    "output",
];

/// `name` as compared: case, spaces, `_`, `-` and `.` do not count.
fn normalized(name: &str) -> String {
    name.trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Number work of the hot path without 128-bit arithmetic, which wasm32 lacks (each i128
/// operation, and rust_decimal's `mantissa()`, is a library call there): reading a cell,
/// comparing, rounding and writing, each giving exactly what the engine's own functions
/// give (`parse_decimal`, `<`, `money::round_fixed` / `round_rate`, `Display`); the tests
/// compare them on random values.
mod fast {
    use rust_decimal::Decimal;

    use crate::money::{parse_decimal, round_fixed, round_rate, DecimalError, RoundingMode};

    /// 10^0 … 10^18.
    const POW10: [i64; 19] = {
        let mut table = [1i64; 19];
        let mut i = 1;
        while i < 19 {
            table[i] = table[i - 1] * 10;
            i += 1;
        }
        table
    };

    /// A decimal whose mantissa fits an i64: (signed mantissa, scale).
    pub type Small = (i64, u32);

    /// `d` as a [`Small`], when it is one (negative zero is left to the engine's path).
    pub fn small(d: Decimal) -> Option<Small> {
        let u = d.unpack();
        if u.hi != 0 || u.mid >= 1 << 31 || (u.negative && u.mid == 0 && u.lo == 0) {
            return None;
        }
        let m = (i64::from(u.mid) << 32) | i64::from(u.lo);
        Some((if u.negative { -m } else { m }, u.scale))
    }

    fn from_small((m, scale): Small) -> Decimal {
        let u = m.unsigned_abs();
        Decimal::from_parts(u as u32, (u >> 32) as u32, 0, m < 0, scale)
    }

    /// i64::MAX / 10^k: the largest size that 10^k can multiply within an i64.
    const FITS: [i64; 19] = {
        let mut table = [i64::MAX; 19];
        let mut i = 0;
        while i < 19 {
            table[i] = i64::MAX / POW10[i];
            i += 1;
        }
        table
    };

    /// `m` × 10^`k`, when it fits an i64.
    fn scale_up(m: i64, k: u32) -> Option<i64> {
        let k = usize::try_from(k).ok()?;
        let (p, fits) = (*POW10.get(k)?, *FITS.get(k)?);
        (m.unsigned_abs() <= fits.unsigned_abs()).then(|| m * p)
    }

    /// a < b for two small decimals, when both fit one scale.
    pub fn less_small((ma, sa): Small, (mb, sb): Small) -> Option<bool> {
        if sa >= sb {
            Some(ma < scale_up(mb, sa - sb)?)
        } else {
            Some(scale_up(ma, sb - sa)? < mb)
        }
    }

    pub fn less(a: Decimal, b: Decimal) -> bool {
        match (small(a), small(b)) {
            (Some(x), Some(y)) => less_small(x, y).unwrap_or_else(|| a < b),
            _ => a < b,
        }
    }

    /// A cell's number, and its [`Small`] form when it is plain digits with at most one
    /// point (the usual cell): read straight into the mantissa and scale `parse_decimal`
    /// gives such text. Anything else goes through `parse_decimal`.
    pub fn parse(text: &str) -> Result<(Decimal, Option<Small>), DecimalError> {
        let bytes = text.as_bytes();
        let (negative, digits) = match bytes.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, bytes),
        };
        if !digits.is_empty() && digits.len() <= 18 {
            let (mut mantissa, mut scale, mut point, mut plain) = (0i64, 0u32, false, true);
            for &b in digits {
                match b {
                    b'0'..=b'9' => {
                        mantissa = mantissa * 10 + i64::from(b - b'0');
                        scale += u32::from(point);
                    }
                    b'.' if !point => point = true,
                    _ => {
                        plain = false;
                        break;
                    }
                }
            }
            // "-0" and a lone point keep parse_decimal's reading.
            if plain && digits.len() > usize::from(point) && !(negative && mantissa == 0) {
                let m = if negative { -mantissa } else { mantissa };
                return Ok((from_small((m, scale)), Some((m, scale))));
            }
        }
        parse_decimal(text).map(|d| (d, small(d)))
    }

    /// The 96-bit mantissa (hi, mid, lo) divided by `d`: quotient and remainder.
    fn divmod([hi, mid, lo]: [u32; 3], d: u32) -> ([u32; 3], u32) {
        let d = u64::from(d.max(1));
        let (qh, r) = (u64::from(hi) / d, u64::from(hi) % d);
        let cur = (r << 32) | u64::from(mid);
        let (qm, r) = (cur / d, cur % d);
        let cur = (r << 32) | u64::from(lo);
        let (ql, r) = (cur / d, cur % d);
        ([qh as u32, qm as u32, ql as u32], r as u32)
    }

    /// `money::round_to` on the 96-bit mantissa: the digits below `decimals` dropped
    /// (nine at a time), the first dropped digit and whether any other was nonzero decide
    /// the rounding; zero comes out positive, as there.
    fn round(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
        let u = value.unpack();
        if u.scale <= decimals {
            return value;
        }
        let k = u.scale - decimals;
        if u.hi == 0 && k <= 18 {
            // One u64 division: the quotient, and the remainder against half of 10^k.
            let m = (u64::from(u.mid) << 32) | u64::from(u.lo);
            let p = POW10.get(k as usize).map_or(1, |p| p.unsigned_abs());
            let (q, r) = (m / p, m % p);
            let half = p / 2;
            let away = match mode {
                RoundingMode::TowardZero => false,
                RoundingMode::HalfAwayFromZero => r >= half,
                RoundingMode::HalfEven => r > half || (r == half && q % 2 == 1),
            };
            let q = q + u64::from(away);
            return Decimal::from_parts(
                q as u32,
                (q >> 32) as u32,
                0,
                u.negative && q != 0,
                decimals,
            );
        }
        let mut q = [u.hi, u.mid, u.lo];
        let mut sticky = false;
        let mut rest = k - 1;
        while rest > 0 {
            let c = rest.min(9);
            let (next, r) = divmod(q, POW10.get(c as usize).map_or(1, |p| *p as u32));
            q = next;
            sticky |= r != 0;
            rest -= c;
        }
        let (mut q, digit) = divmod(q, 10);
        let odd = q[2] % 2 == 1;
        let away = match mode {
            RoundingMode::TowardZero => false,
            RoundingMode::HalfAwayFromZero => digit >= 5,
            RoundingMode::HalfEven => digit > 5 || (digit == 5 && (sticky || odd)),
        };
        if away {
            // Cannot carry out of 96 bits: the quotient is a tenth of the mantissa at most.
            for part in q.iter_mut().rev() {
                let (sum, carry) = part.overflowing_add(1);
                *part = sum;
                if !carry {
                    break;
                }
            }
        }
        let [hi, mid, lo] = q;
        Decimal::from_parts(lo, mid, hi, u.negative && q != [0, 0, 0], decimals)
    }

    /// `money::round_fixed`: exactly `decimals` places.
    pub fn fixed(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
        if value.scale() >= decimals {
            return round(value, decimals, mode);
        }
        small(value)
            .and_then(|(m, s)| Some(from_small((scale_up(m, decimals - s)?, decimals))))
            .unwrap_or_else(|| round_fixed(value, decimals, mode))
    }

    /// `money::round_rate`: at most `decimals` places, trailing zeros dropped.
    pub fn rate(value: Decimal, decimals: u32, mode: RoundingMode) -> Decimal {
        let rounded = round(value, decimals, mode);
        match small(rounded) {
            Some((mut m, mut scale)) => {
                while scale > 0 && m % 10 == 0 {
                    m /= 10;
                    scale -= 1;
                }
                from_small((m, scale))
            }
            None => round_rate(value, decimals, mode),
        }
    }

    /// `d` as `Display` writes it (every decimal of its scale, a minus sign when
    /// negative), without the formatting machinery: a packed chunk writes six a row.
    pub fn push_decimal(out: &mut String, d: Decimal) {
        let u = d.unpack();
        if u.negative {
            out.push('-');
        }
        // The mantissa's digits, nine at a time from the lowest.
        let mut digits = [0u8; 40];
        let mut start = digits.len();
        let mut q = [u.hi, u.mid, u.lo];
        loop {
            let (next, mut chunk) = if q[0] == 0 {
                let m = (u64::from(q[1]) << 32) | u64::from(q[2]);
                let rest = m / 1_000_000_000;
                (
                    [0, (rest >> 32) as u32, rest as u32],
                    (m % 1_000_000_000) as u32,
                )
            } else {
                divmod(q, 1_000_000_000)
            };
            q = next;
            let last = q == [0, 0, 0];
            for _ in 0..9 {
                start = start.saturating_sub(1);
                if let Some(slot) = digits.get_mut(start) {
                    *slot = b'0' + (chunk % 10) as u8;
                }
                chunk /= 10;
                if last && chunk == 0 {
                    break;
                }
            }
            if last || start == 0 {
                break;
            }
        }
        let text = digits
            .get(start..)
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or("0");
        let scale = usize::try_from(u.scale).unwrap_or(0);
        if scale == 0 {
            out.push_str(text);
        } else if text.len() <= scale {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', scale - text.len()));
            out.push_str(text);
        } else {
            let (int, frac) = text.split_at(text.len() - scale);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        }
    }
}

/// The text without surrounding white space; a cell that starts and ends with a visible
/// ASCII character (most) is returned as it is without a Unicode scan.
fn trimmed(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    if visible(text.as_bytes().first()) && visible(text.as_bytes().last()) {
        text
    } else {
        text.trim()
    }
}

/// The slot of COLUMNS a header names.
fn slot_of(header: &str) -> Option<usize> {
    let wanted = normalized(header);
    COLUMNS.iter().position(|(name, aliases)| {
        normalized(name) == wanted || aliases.iter().any(|a| normalized(a) == wanted)
    })
}

/// The rows of the input: lists of cells, or one text split by the separators.
enum Rows<'a> {
    Lists(&'a [Value]),
    Text(&'a str),
}

struct Setup<'a> {
    as_of: NaiveDate,
    headers: Vec<&'a str>,
    slots: Vec<Option<usize>>,
    rows: Rows<'a>,
    first_row: u32,
    our_annual_sales: Option<Decimal>,
    totals: Vec<Totals>,
    packed: bool,
}

fn read_setup(value: &Value) -> Result<Setup<'_>, Problems> {
    let mut ps = Problems::new();
    let Some(o) = object(value, "", &mut ps) else {
        return Err(ps);
    };
    o.reject_unknown(&FIELDS, &mut ps);
    let as_of = o.required("asOf", &mut ps, |o, k, p| o.date(k, p));
    let mut headers = Vec::new();
    if let Some(list) = o.required("columns", &mut ps, |o, k, p| o.array(k, p)) {
        if list.len() > MAX_COLUMNS {
            ps.push(
                Problem::new(
                    code::TOO_LONG,
                    "columns",
                    format!("at most {MAX_COLUMNS} columns"),
                )
                .with_range(None, Some(MAX_COLUMNS.to_string())),
            );
        }
        for (i, c) in list.iter().take(MAX_COLUMNS).enumerate() {
            match c {
                Value::String(s) if s.chars().count() <= MAX_STRING => headers.push(s.as_str()),
                Value::String(_) => ps.push(
                    Problem::new(code::TOO_LONG, format!("columns[{i}]"), "is too long")
                        .with_range(None, Some(MAX_STRING.to_string())),
                ),
                other => ps.push(Problem::new(
                    code::NOT_A_STRING,
                    format!("columns[{i}]"),
                    format!("must be a string, not {}", other.kind()),
                )),
            }
        }
    }
    let slots: Vec<Option<usize>> = headers.iter().map(|h| slot_of(h)).collect();
    for (i, slot) in slots.iter().enumerate() {
        let Some(s) = slot else { continue };
        if slots.iter().take(i).any(|earlier| earlier == &Some(*s)) {
            let name = COLUMNS.get(*s).map_or("", |(n, _)| *n);
            ps.push(Problem::new(
                code::DUPLICATE,
                format!("columns[{i}]"),
                format!("is a second column for {name}"),
            ));
        }
    }
    if headers.len() == slots.len() && !slots.contains(&Some(TERMS_DAYS)) && ps.is_empty() {
        ps.push(Problem::new(
            code::REQUIRED,
            "columns",
            "must include termsDays (the credit period in days)",
        ));
    }
    let rows = match o.get("rows") {
        None => {
            ps.push(Problem::new(code::REQUIRED, "rows", "is required"));
            None
        }
        Some(Value::Array(items)) if items.len() > MAX_ROWS => {
            ps.push(
                Problem::new(
                    code::TOO_LONG,
                    "rows",
                    format!("at most {MAX_ROWS} rows a call"),
                )
                .with_range(None, Some(MAX_ROWS.to_string())),
            );
            None
        }
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if !matches!(item, Value::Array(_)) {
                    ps.push(Problem::new(
                        code::NOT_AN_ARRAY,
                        format!("rows[{i}]"),
                        format!("must be a list of cells, not {}", item.kind()),
                    ));
                }
            }
            Some(Rows::Lists(items))
        }
        Some(Value::String(text)) if text.len() > MAX_ROWS_TEXT => {
            ps.push(
                Problem::new(code::TOO_LONG, "rows", "is too long for one call")
                    .with_range(None, Some(MAX_ROWS_TEXT.to_string())),
            );
            None
        }
        Some(Value::String(text)) => Some(Rows::Text(text)),
        Some(other) => {
            ps.push(Problem::new(
                code::NOT_AN_ARRAY,
                "rows",
                format!("must be a list of rows or one text, not {}", other.kind()),
            ));
            None
        }
    };
    let first_row = o
        .integer_in("firstRow", 1, i64::from(u32::MAX), &mut ps)
        .map_or(2, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let limit = Decimal::from(MAX_STATEMENT_AMOUNT);
    let our_annual_sales = o.decimal_in("ourAnnualSales", Decimal::ZERO, limit, &mut ps);
    let totals = o
        .get("totals")
        .map(|v| read_totals(v, &mut ps))
        .unwrap_or_default();
    let packed = o.one_of("output", &["objects", "packed"], &mut ps) == Some("packed");
    match (as_of, rows, ps.is_empty()) {
        (Some(as_of), Some(rows), true) => Ok(Setup {
            as_of,
            headers,
            slots,
            rows,
            first_row,
            our_annual_sales,
            totals,
            packed,
        }),
        _ => Err(ps),
    }
}

/// Totals carried from the previous chunk, as this export returned them.
fn read_totals(value: &Value, ps: &mut Problems) -> Vec<Totals> {
    let Value::Array(items) = value else {
        ps.push(Problem::new(
            code::NOT_AN_ARRAY,
            "totals",
            format!("must be a list, not {}", value.kind()),
        ));
        return Vec::new();
    };
    let mut out: Vec<Totals> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(o) = object(item, &format!("totals[{i}]"), ps) else {
            continue;
        };
        o.reject_unknown(
            &[
                "currency",
                "customers",
                "recommended",
                "exposure",
                "expectedLoss",
                "overLimit",
                "review",
            ],
            ps,
        );
        let count = |key: &str, ps: &mut Problems| {
            o.integer_in(key, 0, i64::from(u32::MAX), ps)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0)
        };
        let amount = |key: &str, ps: &mut Problems| {
            o.required(key, ps, |o, k, p| {
                o.decimal_in(k, Decimal::MIN, Decimal::MAX, p)
            })
            .unwrap_or_default()
        };
        let currency = o.string("currency", ps).map(str::to_string);
        if out.iter().any(|t| t.currency == currency) {
            ps.push(Problem::new(
                code::DUPLICATE,
                o.path("currency"),
                "two totals for one currency",
            ));
        }
        out.push(Totals {
            currency,
            customers: count("customers", ps),
            recommended: amount("recommended", ps),
            exposure: amount("exposure", ps),
            expected_loss: amount("expectedLoss", ps),
            over_limit: count("overLimit", ps),
            review: count("review", ps),
        });
    }
    out
}

/// What a row says of the customer, read and checked.
struct Customer<'a> {
    reference: Option<&'a str>,
    name: Option<&'a str>,
    founded_on: Option<NaiveDate>,
    employees: Option<u32>,
    industry_class: Option<u32>,
    oecd_category: Option<u32>,
    listed: Option<bool>,
    manufacturer: Option<bool>,
    bureau: Option<(Decimal, Decimal, Decimal)>,
    currency: Option<Cow<'a, str>>,
    /// By slot of COLUMNS (only the statement amounts are filled).
    amounts: [Option<Decimal>; SLOTS],
    days_beyond_terms: Option<Decimal>,
    legal: Option<LegalEvent>,
    terms_days: u32,
    annual_sales: Option<Decimal>,
    open_receivables: Decimal,
    open_orders: Decimal,
    insurer_approved_limit: Option<Decimal>,
}

/// Statement amounts in `Customer::amounts`, with whether they may be negative.
const AMOUNT_SLOTS: [(usize, bool); 13] = [
    (CURRENT_ASSETS, false),
    (CURRENT_LIABILITIES, false),
    (TOTAL_ASSETS, false),
    (TOTAL_LIABILITIES, false),
    (BOOK_EQUITY, true),
    (RETAINED_EARNINGS, true),
    (EBIT, true),
    (NET_INCOME, true),
    (REVENUE, false),
    (PREVIOUS_REVENUE, false),
    (INTEREST_EXPENSE, false),
    (INTANGIBLE_ASSETS, false),
    (MARKET_VALUE_OF_EQUITY, false),
];

impl Customer<'_> {
    fn amount(&self, slot: usize) -> Option<Decimal> {
        self.amounts.get(slot).copied().flatten()
    }
}

/// Reads one row's cells (already placed in their slots) into a customer, or its problems.
struct RowReader<'a, 'p> {
    cells: [&'a str; SLOTS],
    headers: &'p [&'a str; SLOTS],
    row: u32,
    as_of: NaiveDate,
    policy: &'p Policy,
    problems: Vec<RowProblem>,
}

impl<'a> RowReader<'a, '_> {
    fn cell(&self, slot: usize) -> Option<&'a str> {
        self.cells.get(slot).copied().filter(|c| !c.is_empty())
    }

    fn problem(&mut self, slot: usize, p: Problem) {
        let (name, _) = COLUMNS.get(slot).copied().unwrap_or(("", &[]));
        self.problems.push(RowProblem {
            row: self.row,
            column: self.headers.get(slot).copied().unwrap_or(name).to_string(),
            field: name.to_string(),
            code: p.code,
            message: p.message,
            min: p.min,
            max: p.max,
            allowed: p.allowed,
        });
    }

    fn text(&mut self, slot: usize) -> Option<&'a str> {
        let text = self.cell(slot)?;
        if text.len() > MAX_STRING && text.chars().count() > MAX_STRING {
            self.problem(
                slot,
                Problem::new(code::TOO_LONG, "", "is too long")
                    .with_range(None, Some(MAX_STRING.to_string())),
            );
            return None;
        }
        Some(text)
    }

    /// A number within [min, max].
    fn decimal(&mut self, slot: usize, min: i64, max: i64) -> Option<Decimal> {
        let text = self.cell(slot)?;
        let (d, small) = match fast::parse(text) {
            Ok(x) => x,
            Err(_) => {
                // The same problem the JSON exports report for the same text.
                let p = read_decimal(&Value::String(text.to_string()), "")
                    .err()
                    .unwrap_or_else(|| Problem::new(code::NOT_A_NUMBER, "", "must be a number"));
                self.problem(slot, p);
                return None;
            }
        };
        let below = |bound: i64| match small {
            Some(v) => fast::less_small(v, (bound, 0)).unwrap_or_else(|| d < Decimal::from(bound)),
            None => d < Decimal::from(bound),
        };
        let above = |bound: i64| match small {
            Some(v) => fast::less_small((bound, 0), v).unwrap_or_else(|| d > Decimal::from(bound)),
            None => d > Decimal::from(bound),
        };
        if below(min) || above(max) {
            let (min, max) = (Decimal::from(min), Decimal::from(max));
            self.problem(slot, out_of_range("", Some(min), Some(max)));
            return None;
        }
        Some(d)
    }

    fn amount(&mut self, slot: usize, signed: bool) -> Option<Decimal> {
        let limit = MAX_STATEMENT_AMOUNT;
        self.decimal(slot, if signed { -limit } else { 0 }, limit)
    }

    fn integer(&mut self, slot: usize, max: i64) -> Option<u32> {
        let d = self.decimal(slot, 0, max)?;
        if !d.fract().is_zero() {
            self.problem(
                slot,
                Problem::new(code::NOT_AN_INTEGER, "", "must be a whole number"),
            );
            return None;
        }
        u32::try_from(d.trunc()).ok()
    }

    /// YYYY-MM-DD; also YYYY/M/D as spreadsheets in Chinese write it. Not after asOf.
    fn date(&mut self, slot: usize) -> Option<NaiveDate> {
        let text = self.cell(slot)?;
        let date = parse_date(text).or_else(|| {
            let mut parts = text.split('/');
            let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
            let digits = |s: &str, n: usize| {
                (1..=n).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
            };
            if parts.next().is_some()
                || y.len() != 4
                || !digits(y, 4)
                || !digits(m, 2)
                || !digits(d, 2)
            {
                return None;
            }
            parse_date(&format!("{y}-{m:0>2}-{d:0>2}"))
        });
        match date {
            None => {
                self.problem(
                    slot,
                    Problem::new(
                        code::NOT_A_DATE,
                        "",
                        "must be a date written YYYY-MM-DD, between 0001-01-01 and 9999-12-31",
                    ),
                );
                None
            }
            Some(d) if d > self.as_of => {
                self.problem(
                    slot,
                    Problem::new(code::AFTER_AS_OF, "", "must not be after asOf"),
                );
                None
            }
            Some(d) => Some(d),
        }
    }

    fn boolean(&mut self, slot: usize) -> Option<bool> {
        let text = self.cell(slot)?;
        let is = |words: &[&str]| words.iter().any(|w| w.eq_ignore_ascii_case(text));
        match () {
            () if is(&["true", "yes", "y", "1", "是", "真"]) => Some(true),
            () if is(&["false", "no", "n", "0", "否", "假"]) => Some(false),
            () => {
                self.problem(
                    slot,
                    Problem::new(
                        code::NOT_A_BOOLEAN,
                        "",
                        "must be yes or no (true/false, 1/0, 是/否)",
                    )
                    .with_allowed(&["yes", "no"]),
                );
                None
            }
        }
    }

    /// One of a list, matched ignoring case; the matching entry's index.
    fn pick(&mut self, slot: usize, names: &[Vec<&str>], allowed: &[&str]) -> Option<usize> {
        let text = self.cell(slot)?;
        let found = names
            .iter()
            .position(|ns| ns.iter().any(|n| n.eq_ignore_ascii_case(text)));
        if found.is_none() {
            self.problem(
                slot,
                Problem::new(
                    code::NOT_ONE_OF,
                    "",
                    format!(
                        "is not in the policy's list of {} codes",
                        COLUMNS.get(slot).map_or("", |c| c.0)
                    ),
                )
                .with_allowed(allowed),
            );
        }
        found
    }

    fn read(mut self, lists: &Lists) -> Result<Customer<'a>, Vec<RowProblem>> {
        let policy = self.policy;
        let mut c = Customer {
            reference: self.text(REFERENCE),
            name: self.text(NAME),
            founded_on: self.date(FOUNDED_ON),
            employees: self.integer(EMPLOYEES, 100_000_000),
            industry_class: None,
            oecd_category: None,
            listed: None,
            manufacturer: None,
            bureau: None,
            currency: None,
            amounts: [None; SLOTS],
            days_beyond_terms: None,
            legal: None,
            terms_days: 0,
            annual_sales: None,
            open_receivables: Decimal::ZERO,
            open_orders: Decimal::ZERO,
            insurer_approved_limit: None,
        };
        c.industry_class = self
            .pick(INDUSTRY, &lists.industries, &lists.industry_codes)
            .and_then(|i| policy.industries.get(i))
            .map(|i| i.risk_class);
        c.oecd_category = self
            .pick(COUNTRY, &lists.countries, &lists.country_codes)
            .and_then(|i| policy.countries.get(i))
            .map(|c| c.oecd_category);
        c.listed = self.boolean(LISTED);
        c.manufacturer = self.boolean(MANUFACTURER);
        let big = 1_000_000_000;
        if self.cell(BUREAU_SCORE).is_some() {
            let score = self.decimal(BUREAU_SCORE, -big, big);
            let min = self.required(BUREAU_MIN, "with a bureau score");
            let max = self.required(BUREAU_MAX, "with a bureau score");
            let min = min.and_then(|_| self.decimal(BUREAU_MIN, -big, big));
            let max = max.and_then(|_| self.decimal(BUREAU_MAX, -big, big));
            match (score, min, max) {
                (_, Some(lo), Some(hi)) if hi <= lo => self.problem(
                    BUREAU_MAX,
                    Problem::new(code::UNORDERED, "", "must be above bureauScoreMin"),
                ),
                (Some(s), Some(lo), Some(hi)) if s < lo || s > hi => {
                    self.problem(BUREAU_SCORE, out_of_range("", Some(lo), Some(hi)));
                }
                (Some(s), Some(lo), Some(hi)) => c.bureau = Some((s, lo, hi)),
                _ => {}
            }
        }
        c.currency = self.cell(CURRENCY).and_then(|text| {
            // RMB (renminbi) is how many Chinese ledgers write CNY; a code in capitals (most
            // rows) is taken as it is, without a copy.
            let code: Cow<'_, str> = if text.eq_ignore_ascii_case("RMB") {
                Cow::Borrowed("CNY")
            } else if text.bytes().all(|b| b.is_ascii_uppercase()) {
                Cow::Borrowed(text)
            } else {
                Cow::Owned(text.to_ascii_uppercase())
            };
            if crate::money::known_currency(&code, Some(policy)) {
                Some(code)
            } else {
                // A typo would otherwise pass as a currency of its own, outside the policy's
                // ceiling (which is in one currency) and in a totals line of its own.
                self.problem(
                    CURRENCY,
                    Problem::new(
                        code::NOT_ONE_OF,
                        "",
                        "must be an ISO 4217 currency code, such as CNY (RMB is read as CNY)",
                    ),
                );
                None
            }
        });
        let _ = self.date(PERIOD_END);
        for (slot, signed) in AMOUNT_SLOTS {
            let value = self.amount(slot, signed);
            if let Some(a) = c.amounts.get_mut(slot) {
                *a = value;
            }
        }
        c.days_beyond_terms = self.decimal(DAYS_BEYOND_TERMS, -3650, 3650);
        let payment_count = self.integer(PAYMENT_COUNT, 10_000_000);
        if payment_count.is_some() && self.cell(DAYS_BEYOND_TERMS).is_none() {
            let _ = self.required(DAYS_BEYOND_TERMS, "with a payment count");
        }
        let kind = self.pick(LEGAL_KIND, &lists.legal_kinds, &lists.legal_codes);
        let legal_date = self.date(LEGAL_DATE);
        let resolved = self.boolean(LEGAL_RESOLVED).unwrap_or(false);
        let has_legal = self.cell(LEGAL_KIND).is_some();
        if has_legal {
            let _ = self.required(LEGAL_DATE, "with a legal record");
        } else if self.cell(LEGAL_DATE).is_some() || self.cell(LEGAL_RESOLVED).is_some() {
            let _ = self.required(LEGAL_KIND, "with a legal record's date");
        }
        if let (Some(k), Some(date)) = (kind, legal_date) {
            c.legal = policy.legal.events.get(k).map(|rule| LegalEvent {
                kind: rule.kind.clone(),
                date,
                amount: None,
                resolved,
            });
        }
        let max_days = policy.terms.max_term_days;
        if self.required(TERMS_DAYS, "").is_some() {
            c.terms_days = self.integer(TERMS_DAYS, max_days).unwrap_or(0);
        }
        c.annual_sales = self.amount(EXPECTED_ANNUAL_SALES, false);
        c.open_receivables = self.amount(OPEN_RECEIVABLES, false).unwrap_or_default();
        c.open_orders = self.amount(OPEN_ORDERS, false).unwrap_or_default();
        c.insurer_approved_limit = self.amount(INSURER_APPROVED_LIMIT, false);
        if self.problems.is_empty() {
            Ok(c)
        } else {
            Err(self.problems)
        }
    }

    /// `Some(())` when the cell has a value; else a REQUIRED problem.
    fn required(&mut self, slot: usize, with: &str) -> Option<()> {
        if self.cell(slot).is_some() {
            return Some(());
        }
        let message = if with.is_empty() {
            "is required".to_string()
        } else {
            format!("is required {with}")
        };
        self.problem(slot, Problem::new(code::REQUIRED, "", message));
        None
    }
}

/// The policy's lists as a row may name them, built once a call.
struct Lists<'p> {
    industries: Vec<Vec<&'p str>>,
    industry_codes: Vec<&'p str>,
    countries: Vec<Vec<&'p str>>,
    country_codes: Vec<&'p str>,
    legal_kinds: Vec<Vec<&'p str>>,
    legal_codes: Vec<&'p str>,
}

impl<'p> Lists<'p> {
    fn new(policy: &'p Policy) -> Self {
        Lists {
            industries: policy
                .industries
                .iter()
                .map(|i| vec![i.code.as_str(), i.name_en.as_str(), i.name_zh.as_str()])
                .collect(),
            industry_codes: policy.industries.iter().map(|i| i.code.as_str()).collect(),
            countries: policy
                .countries
                .iter()
                .map(|c| vec![c.code.as_str()])
                .collect(),
            country_codes: policy.countries.iter().map(|c| c.code.as_str()).collect(),
            legal_kinds: policy
                .legal
                .events
                .iter()
                .map(|e| {
                    let mut names = vec![e.kind.as_str()];
                    names.extend(
                        LEGAL_KIND_ALIASES
                            .iter()
                            .filter(|(_, kind)| *kind == e.kind)
                            .map(|(alias, _)| *alias),
                    );
                    names
                })
                .collect(),
            legal_codes: policy
                .legal
                .events
                .iter()
                .map(|e| e.kind.as_str())
                .collect(),
        }
    }
}

/// Contributions to the score of each factor's bands for one set of factors with data
/// (bit i: the policy's factor i has data), the missing-data rule applied: worked out once
/// per set, exactly as `score::score` works them for each customer.
struct Weights {
    /// Per factor: the contribution of each band, then of the neutral points (last).
    contributions: Vec<Vec<Decimal>>,
    no_data: bool,
}

fn weights_for(mask: u32, policy: &Policy) -> Option<Weights> {
    let card = &policy.scorecard;
    let has = |i: usize| i < 32 && mask & (1 << i) != 0;
    let total_weight = card
        .factors
        .iter()
        .try_fold(Decimal::ZERO, |a, f| a.plus(f.weight))?;
    let available_weight = card
        .factors
        .iter()
        .enumerate()
        .filter(|(i, _)| has(*i))
        .try_fold(Decimal::ZERO, |a, (_, f)| a.plus(f.weight))?;
    let scale = match card.missing_data {
        MissingData::Reweight if !available_weight.is_zero() => {
            Decimal::ONE_HUNDRED.over(available_weight)
        }
        _ if total_weight.is_zero() => Some(Decimal::ZERO),
        _ => Decimal::ONE_HUNDRED.over(total_weight),
    }?;
    let mut contributions = Vec::with_capacity(card.factors.len());
    for (i, f) in card.factors.iter().enumerate() {
        let counted = has(i) || card.missing_data == MissingData::Neutral;
        let effective = if counted {
            f.weight.times(scale)?
        } else {
            Decimal::ZERO
        };
        let mut list = Vec::with_capacity(f.bands.len() + 1);
        for p in f
            .bands
            .iter()
            .map(|b| b.points)
            .chain([card.neutral_points])
        {
            list.push(if counted {
                effective.times(p)?.over(Decimal::ONE_HUNDRED)?
            } else {
                Decimal::ZERO
            });
        }
        contributions.push(list);
    }
    Some(Weights {
        contributions,
        no_data: available_weight.is_zero(),
    })
}

/// A ratio as the financial analysis gives it: num / den rounded to the rate decimals;
/// none when the denominator is zero (or not positive where only a positive one means
/// anything) or the division overflows.
fn ratio(
    num: Option<Decimal>,
    den: Option<Decimal>,
    positive: bool,
    policy: &Policy,
) -> Option<Decimal> {
    let (num, den) = (num?, den?);
    if den.is_zero() || (positive && den.is_sign_negative()) {
        return None;
    }
    num.over(den)
        .map(|v| rate(v, policy.rounding.rate_decimals, policy.rounding.mode))
}

/// The Altman zone (0 distress, 1 grey, 2 safe) of the model the profile calls for, as
/// `financial::analyse` works it.
fn altman_zone(c: &Customer, policy: &Policy) -> Option<Decimal> {
    let (m, x4_numerator) = match (c.listed, c.manufacturer) {
        (Some(true), Some(true)) => (&policy.altman.z, c.amount(MARKET_VALUE_OF_EQUITY)),
        (_, Some(true)) => (&policy.altman.z_prime, c.amount(BOOK_EQUITY)),
        _ => (&policy.altman.z_double_prime, c.amount(BOOK_EQUITY)),
    };
    let ca = c.amount(CURRENT_ASSETS)?;
    let cl = c.amount(CURRENT_LIABILITIES)?;
    let ta = c.amount(TOTAL_ASSETS)?;
    let re = c.amount(RETAINED_EARNINGS)?;
    let ebit = c.amount(EBIT)?;
    let x4n = x4_numerator?;
    let tl = c.amount(TOTAL_LIABILITIES)?;
    let revenue = c.amount(REVENUE);
    if !m.x5.is_zero() {
        revenue?;
    }
    if ta <= Decimal::ZERO || tl <= Decimal::ZERO {
        return None;
    }
    let terms = [
        (ca.minus(cl).and_then(|wc| wc.over(ta)), m.x1),
        (re.over(ta), m.x2),
        (ebit.over(ta), m.x3),
        (x4n.over(tl), m.x4),
        (revenue.unwrap_or_default().over(ta), m.x5),
    ];
    let mut total = Decimal::ZERO;
    for (i, (r, coefficient)) in terms.into_iter().enumerate() {
        if i == 4 && coefficient.is_zero() {
            continue;
        }
        total = total.plus(r?.times(coefficient)?)?;
    }
    let value = rate(total, policy.rounding.rate_decimals, policy.rounding.mode);
    Some(if value < m.distress_below {
        Decimal::ZERO
    } else if value > m.safe_above {
        Decimal::TWO
    } else {
        Decimal::ONE
    })
}

/// Years in business to 2 decimals, as the score gives them (days / 365.25, rounded), in
/// integers: days × 10000 / 36525. The quotient can never be a tie (36525 is odd), so the
/// 28-digit quotient the score rounds rounds the same way.
fn business_age(founded_on: NaiveDate, as_of: NaiveDate, mode: RoundingMode) -> Decimal {
    let days = crate::calendar::days_between(founded_on, as_of);
    match days.checked_mul(10_000) {
        Some(n) if n >= 0 => {
            let (q, r) = (n / 36_525, n % 36_525);
            let away = mode != RoundingMode::TowardZero && 2 * r > 36_525;
            let q = (q + i64::from(away)).unsigned_abs();
            Decimal::from_parts(q as u32, (q >> 32) as u32, 0, false, 2)
        }
        _ => fixed(years_between(founded_on, as_of), 2, mode),
    }
}

/// What the score gives the limit: the grade and the figures from the statements.
struct Scored<'p> {
    score: Decimal,
    grade: &'p Grade,
    tangible_net_worth: Option<Decimal>,
    working_capital: Option<Decimal>,
}

/// Scores by band key: open addressing on a power-of-two table, the key mixed by one
/// multiplication. (std's HashMap brought SipHash and its table into the wasm module for
/// this one cache: several kilobytes.)
#[derive(Default)]
struct ScoreCache {
    slots: Vec<Option<(u64, Decimal)>>,
    len: usize,
}

impl ScoreCache {
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len().saturating_sub(1);
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask
    }

    fn get(&self, key: u64) -> Option<Decimal> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.slot(key);
        loop {
            match self.slots.get(i)? {
                Some((k, v)) if *k == key => return Some(*v),
                Some(_) => i = (i + 1) % self.slots.len(),
                None => return None,
            }
        }
    }

    fn insert(&mut self, key: u64, value: Decimal) {
        if (self.len + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(64);
            let old = std::mem::replace(&mut self.slots, vec![None; size]);
            self.len = 0;
            for (k, v) in old.into_iter().flatten() {
                self.insert(k, v);
            }
        }
        let mut i = self.slot(key);
        while let Some(Some((k, _))) = self.slots.get(i) {
            if *k == key {
                break;
            }
            i = (i + 1) % self.slots.len();
        }
        if let Some(slot) = self.slots.get_mut(i) {
            if slot.is_none() {
                self.len += 1;
            }
            *slot = Some((key, value));
        }
    }
}

/// A band's `below`, with its i64 form when it has one.
type BandLimit = (Decimal, Option<fast::Small>);

struct Scorer<'p> {
    policy: &'p Policy,
    /// By set of factors with data (a book has a handful).
    weights: Vec<(u32, Weights)>,
    /// Score by the factors' bands (4 bits a factor): a book repeats the same few.
    scores: ScoreCache,
    bands: Vec<Option<usize>>,
    /// Each factor's band limits (`below`) with their i64 form, read once a call.
    limits: Vec<Vec<Option<BandLimit>>>,
}

impl Scorer<'_> {
    /// The score for the factors' bands (`None`: no data), as `score::score` sums it: the
    /// contributions in the policy's order, then rounded.
    fn score_for(&mut self, bands: &[Option<usize>]) -> Option<Decimal> {
        let policy = self.policy;
        let card = &policy.scorecard;
        let key = (bands.len() <= 15)
            .then(|| {
                bands.iter().try_fold(0u64, |k, b| match b {
                    Some(i) if *i < 15 => Some(k << 4 | *i as u64),
                    Some(_) => None,
                    None => Some(k << 4 | 15),
                })
            })
            .flatten();
        if let Some(score) = key.and_then(|k| self.scores.get(k)) {
            return Some(score);
        }
        let mask = bands
            .iter()
            .enumerate()
            .filter(|(i, b)| b.is_some() && *i < 32)
            .fold(0u32, |m, (i, _)| m | 1 << i);
        let i = match self.weights.iter().position(|(m, _)| *m == mask) {
            Some(i) => i,
            None => {
                self.weights.push((mask, weights_for(mask, policy)?));
                self.weights.len() - 1
            }
        };
        let (_, w) = self.weights.get(i)?;
        let mut raw_score = Decimal::ZERO;
        for ((f, band), contributions) in card.factors.iter().zip(bands).zip(&w.contributions) {
            if band.is_some() || card.missing_data == MissingData::Neutral {
                let add = contributions.get(band.unwrap_or(f.bands.len()))?;
                raw_score = raw_score.plus(*add)?;
            }
        }
        if w.no_data && card.missing_data == MissingData::Reweight {
            raw_score = card.neutral_points;
        }
        let score = fixed(
            raw_score.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED),
            policy.rounding.score_decimals,
            policy.rounding.mode,
        );
        if let Some(k) = key {
            self.scores.insert(k, score);
        }
        Some(score)
    }
}

impl<'p> Scorer<'p> {
    fn score(&mut self, c: &Customer, as_of: NaiveDate) -> Result<Scored<'p>, Problem> {
        let policy = self.policy;
        let mode = policy.rounding.mode;
        let overflow = || Problem::overflow("");
        let money_dp = policy.minor_units(c.currency.as_deref());
        let legal = match &c.legal {
            Some(e) => Some(legal::summarize(std::slice::from_ref(e), as_of, policy)?),
            None => None,
        };
        let value = |code: FactorCode| -> Option<Decimal> {
            match code {
                FactorCode::Altman => altman_zone(c, policy),
                FactorCode::CurrentRatio => ratio(
                    c.amount(CURRENT_ASSETS),
                    c.amount(CURRENT_LIABILITIES),
                    false,
                    policy,
                ),
                FactorCode::DebtRatio => ratio(
                    c.amount(TOTAL_LIABILITIES),
                    c.amount(TOTAL_ASSETS),
                    false,
                    policy,
                ),
                FactorCode::NetMargin => {
                    ratio(c.amount(NET_INCOME), c.amount(REVENUE), true, policy)
                }
                FactorCode::InterestCover => {
                    ratio(c.amount(EBIT), c.amount(INTEREST_EXPENSE), false, policy)
                }
                FactorCode::RevenueGrowth => {
                    let (now, before) = (c.amount(REVENUE)?, c.amount(PREVIOUS_REVENUE)?);
                    ratio(now.minus(before), Some(before), true, policy)
                }
                FactorCode::PaymentIndex => {
                    index_for(c.days_beyond_terms?, &policy.payment_index.anchors)
                        .map(|i| fixed(i, policy.rounding.score_decimals, mode))
                }
                FactorCode::Legal => legal.as_ref().map(|l| l.weighted_severity),
                FactorCode::BusinessAge => c.founded_on.map(|f| business_age(f, as_of, mode)),
                FactorCode::Employees => c.employees.map(Decimal::from),
                FactorCode::IndustryRisk => c.industry_class.map(Decimal::from),
                FactorCode::CountryRisk => c.oecd_category.map(Decimal::from),
                FactorCode::BureauScore => {
                    let (score, min, max) = c.bureau?;
                    // A spreadsheet's bureau score is taken as higher = safer.
                    let share = score.minus(min)?.over(max.minus(min)?)?;
                    Some(fixed(share.times(Decimal::ONE_HUNDRED)?, 2, mode))
                }
            }
        };
        // Band per factor (by the policy's order); the set of factors with data.
        let mut bands = std::mem::take(&mut self.bands);
        bands.clear();
        for (f, limits) in policy.scorecard.factors.iter().zip(&self.limits) {
            // The first band whose limit is above the value (the last has none).
            bands.push(value(f.code).and_then(|v| {
                let sv = fast::small(v);
                limits.iter().position(|limit| match limit {
                    None => true,
                    Some((below, Some(sb))) => sv
                        .and_then(|x| fast::less_small(x, *sb))
                        .unwrap_or_else(|| v < *below),
                    Some((below, None)) => v < *below,
                })
            }));
        }
        let score = self.score_for(&bands);
        self.bands = bands;
        let score = score.ok_or_else(overflow)?;
        let knockout = legal.as_ref().is_some_and(|l| l.insolvency_knockout);
        let by_score = policy
            .grades
            .iter()
            .find(|g| score >= g.min_score)
            .or_else(|| policy.grades.last())
            .ok_or_else(|| {
                Problem::new(code::INTERNAL, "policy.grades", "the policy has no grades")
            })?;
        let grade = if knockout {
            policy.grades.last().unwrap_or(by_score)
        } else {
            by_score
        };
        // As the financial analysis gives them: rounded to the currency's minor unit.
        let money = |v: Option<Decimal>| v.map(|v| fixed(v, money_dp, mode));
        let intangibles = c.amount(INTANGIBLE_ASSETS).unwrap_or_default();
        Ok(Scored {
            score,
            grade,
            tangible_net_worth: money(c.amount(BOOK_EQUITY).and_then(|e| e.minus(intangibles))),
            working_capital: money(
                c.amount(CURRENT_ASSETS)
                    .and_then(|a| a.minus(c.amount(CURRENT_LIABILITIES)?)),
            ),
        })
    }
}

/// The limit figures, as `limit::recommend` works them for the same customer.
struct Limited {
    recommended: Decimal,
    binding_method: &'static str,
    exposure: Decimal,
    headroom: Decimal,
    expected_loss: Decimal,
}

/// Rounded down (toward zero) to a multiple of `step`, never below zero (as the limit does).
fn round_down(value: Decimal, step: Decimal) -> Option<Decimal> {
    if value <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    let steps = value.over(step)?.trunc();
    steps
        .times(step)
        .map(|d| round_to(d, 6, RoundingMode::TowardZero).normalize())
}

fn limit(
    c: &Customer,
    s: &Scored,
    our_annual_sales: Option<Decimal>,
    policy: &Policy,
) -> Result<Limited, Problem> {
    let lp = &policy.limit;
    let overflow = || Problem::overflow("");
    let minor = policy.minor_units(c.currency.as_deref());
    let money = |d: Decimal| fixed(d, minor, policy.rounding.mode);
    let by_grade = lp
        .by_grade
        .iter()
        .find(|g| g.grade == s.grade.grade)
        .ok_or_else(|| {
            Problem::new(
                code::OUT_OF_RANGE,
                "policy.limit.byGrade",
                "has no entry for the grade",
            )
        })?;
    // Need (Atradius): sales × (terms + days beyond terms, from the payment record) / 365
    // + open orders.
    let dbt = c
        .days_beyond_terms
        .map_or(Decimal::ZERO, |d| d.max(Decimal::ZERO));
    let days = Decimal::from(c.terms_days).plus(dbt).ok_or_else(overflow)?;
    let need = match c.annual_sales {
        Some(sales) => Some(money(
            sales
                .times(days)
                .and_then(|x| x.over(Decimal::from(365)))
                .and_then(|x| x.plus(c.open_orders))
                .ok_or_else(overflow)?,
        )),
        None => None,
    };
    let share = |basis: Option<Decimal>, share: Decimal| -> Result<Option<Decimal>, Problem> {
        basis
            .map(|b| {
                b.max(Decimal::ZERO)
                    .times(share)
                    .map(money)
                    .ok_or_else(overflow)
            })
            .transpose()
    };
    // The most restrictive cap binds; the first of equal ones (the methods' order).
    let mut binding: Option<(&'static str, Decimal)> = None;
    let mut consider = |method: &'static str, cap: Option<Decimal>| {
        if let Some(v) = cap {
            if binding.is_none_or(|(_, b)| less(v, b)) {
                binding = Some((method, v));
            }
        }
    };
    if lp.cap_at_need {
        consider("need", need);
    }
    for (method, cap) in [
        (
            "netWorth",
            share(s.tangible_net_worth, by_grade.net_worth_share)?,
        ),
        ("revenue", share(c.amount(REVENUE), by_grade.revenue_share)?),
        (
            "workingCapital",
            share(s.working_capital, lp.working_capital_share)?,
        ),
        (
            "concentration",
            share(our_annual_sales, lp.concentration_share)?,
        ),
    ] {
        consider(method, cap);
    }
    // The policy ceiling in its own currency, raised by an insurer-approved limit.
    let same_currency = c
        .currency
        .as_deref()
        .is_none_or(|x| x == lp.ceiling_currency);
    let ceiling = same_currency.then_some(money(by_grade.ceiling));
    let effective_ceiling = match (ceiling, c.insurer_approved_limit) {
        (Some(ce), Some(i)) => Some(ce.max(i)),
        (ce, i) => ce.or(i),
    };
    if let Some(ce) = effective_ceiling {
        let which = if ceiling.is_some_and(|c0| c0 >= ce) || c.insurer_approved_limit.is_none() {
            "ceiling"
        } else {
            "insuredExtension"
        };
        consider(which, Some(ce));
    }
    let (binding_method, unrounded) = if s.grade.grade >= lp.no_open_credit_from_grade {
        ("gradeCutOff", Decimal::ZERO)
    } else {
        binding.unwrap_or(("none", Decimal::ZERO))
    };
    let step = match c.currency.as_deref() {
        None => lp.rounding_step,
        Some(x) if x == lp.ceiling_currency => lp.rounding_step,
        Some(x) => lp
            .rounding_steps
            .iter()
            .find(|st| st.currency == x)
            .map_or_else(|| Decimal::new(1, minor), |st| st.step),
    };
    let recommended = money(round_down(unrounded, step).ok_or_else(overflow)?);
    let exposure = c
        .open_receivables
        .plus(c.open_orders)
        .ok_or_else(overflow)?;
    let headroom = money(recommended.minus(exposure).ok_or_else(overflow)?);
    // Expected loss = PD × LGD × exposure at default (domain.md §3).
    let expected_loss = money(
        s.grade
            .pd
            .times(policy.terms.loss_given_default)
            .and_then(|x| x.times(exposure))
            .ok_or_else(overflow)?,
    );
    Ok(Limited {
        recommended,
        binding_method,
        exposure: money(exposure),
        headroom,
        expected_loss,
    })
}

/// One row's cells in their slots, the row's own problems (cells of the wrong kind, more
/// cells than columns), and whether every cell is blank.
fn place<'a>(
    cells: impl Iterator<Item = Result<&'a str, &'static str>>,
    setup: &Setup,
    row: u32,
    problems: &mut Vec<RowProblem>,
) -> ([&'a str; SLOTS], bool) {
    let mut placed = [""; SLOTS];
    let mut blank = true;
    for (i, cell) in cells.enumerate() {
        let header = setup.headers.get(i).copied();
        match cell {
            Ok(text) => {
                let text = trimmed(text);
                if text.is_empty() {
                    continue;
                }
                blank = false;
                match (header, setup.slots.get(i).copied().flatten()) {
                    (Some(_), Some(slot)) => {
                        if let Some(p) = placed.get_mut(slot) {
                            *p = text;
                        }
                    }
                    (Some(_), None) => {}
                    (None, _) => {
                        if !problems.iter().any(|p| p.row == row && p.field == "row") {
                            problems.push(RowProblem {
                                row,
                                column: String::new(),
                                field: "row".into(),
                                code: code::TOO_LONG,
                                message: format!(
                                    "has more cells than the {} columns of the header",
                                    setup.headers.len()
                                ),
                                min: None,
                                max: Some(setup.headers.len().to_string()),
                                allowed: None,
                            });
                        }
                    }
                }
            }
            Err(kind) => {
                blank = false;
                problems.push(RowProblem {
                    row,
                    column: header.unwrap_or("").to_string(),
                    field: header
                        .and(setup.slots.get(i).copied().flatten())
                        .and_then(|s| COLUMNS.get(s))
                        .map_or("", |c| c.0)
                        .to_string(),
                    code: code::NOT_A_STRING,
                    message: format!("must be text or a number, not {kind}"),
                    min: None,
                    max: None,
                    allowed: None,
                });
            }
        }
    }
    (placed, blank)
}

/// The cells of a packed row: a byte loop, cheaper than a `str` pattern search for the
/// short texts cells are.
struct Fields<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for Fields<'a> {
    type Item = Result<&'a str, &'static str>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.rest?;
        match rest.bytes().position(|b| b == 0x1f) {
            Some(i) => {
                self.rest = rest.get(i + 1..);
                Some(Ok(rest.get(..i).unwrap_or("")))
            }
            None => {
                self.rest = None;
                Some(Ok(rest))
            }
        }
    }
}

/// A cell of `rows` given as lists: text, a number by its text, null as empty.
fn cell_text(v: &Value) -> Result<&str, &'static str> {
    match v {
        Value::String(s) | Value::Number(s) => Ok(s.as_str()),
        Value::Null => Ok(""),
        other => Err(other.kind()),
    }
}

/// Text for a packed line: the separators can never be part of a cell.
fn push_clean(out: &mut String, text: &str) {
    if text.bytes().any(|b| b == 0x1e || b == 0x1f) {
        out.extend(text.chars().map(|c| {
            if c == FIELD_SEPARATOR || c == ROW_SEPARATOR {
                ' '
            } else {
                c
            }
        }));
    } else {
        out.push_str(text);
    }
}

fn push_u32(out: &mut String, n: u32) {
    let mut digits = [b'0'; 10];
    let mut start = digits.len();
    let mut n = n;
    loop {
        start = start.saturating_sub(1);
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(
        digits
            .get(start..)
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or(""),
    );
}

/// One result line of `output: "packed"` (fields in PACKED_FIELDS order).
fn pack(out: &mut String, r: &PortfolioRow) {
    if !out.is_empty() {
        out.push(ROW_SEPARATOR);
    }
    let f = FIELD_SEPARATOR;
    let flag = |b: bool| if b { "1" } else { "0" };
    push_u32(out, r.row);
    out.push(f);
    push_clean(out, r.reference.unwrap_or(""));
    out.push(f);
    push_clean(out, r.name.unwrap_or(""));
    out.push(f);
    out.push_str(r.currency.as_deref().unwrap_or(""));
    out.push(f);
    push_decimal(out, r.score);
    out.push(f);
    push_u32(out, r.grade);
    out.push(f);
    push_decimal(out, r.pd);
    out.push(f);
    out.push_str(match r.band {
        RiskBand::Green => "green",
        RiskBand::Amber => "amber",
        RiskBand::Red => "red",
    });
    out.push(f);
    out.push_str(match r.decision {
        Decision::Approve => "approve",
        Decision::Review => "review",
        Decision::SecureOrPrepay => "secureOrPrepay",
    });
    out.push(f);
    push_decimal(out, r.recommended);
    out.push(f);
    out.push_str(r.binding_method);
    for d in [r.exposure, r.headroom, r.expected_loss] {
        out.push(f);
        push_decimal(out, d);
    }
    out.push(f);
    out.push_str(flag(r.over_limit));
    out.push(f);
    out.push_str(flag(r.review));
}

/// a + b, checked. Amounts of one currency share its scale: then the mantissas are added
/// as integers (rust_decimal's addition aligns scales first, and totals add three
/// amounts a row); a sum past 96 bits is an overflow, never rounded.
fn sum(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a.scale() == b.scale() {
        Decimal::try_from_i128_with_scale(a.mantissa().checked_add(b.mantissa())?, a.scale()).ok()
    } else {
        a.plus(b)
    }
}

fn add_to_totals(totals: &mut Vec<Totals>, r: &PortfolioRow) -> Option<()> {
    let currency = r.currency.as_deref();
    let t = match totals
        .iter()
        .position(|t| t.currency.as_deref() == currency)
    {
        Some(i) => totals.get_mut(i)?,
        None => {
            totals.push(Totals {
                currency: currency.map(str::to_string),
                customers: 0,
                recommended: Decimal::ZERO,
                exposure: Decimal::ZERO,
                expected_loss: Decimal::ZERO,
                over_limit: 0,
                review: 0,
            });
            totals.last_mut()?
        }
    };
    t.customers = t.customers.checked_add(1)?;
    t.recommended = sum(t.recommended, r.recommended)?;
    t.exposure = sum(t.exposure, r.exposure)?;
    t.expected_loss = sum(t.expected_loss, r.expected_loss)?;
    t.over_limit = t.over_limit.checked_add(u32::from(r.over_limit))?;
    t.review = t.review.checked_add(u32::from(r.review))?;
    Some(())
}

/// Scores and limits every row of a checked input.
fn score_rows<'a>(setup: Setup<'a>, policy: &Policy) -> Result<PortfolioResult<'a>, Problem> {
    let lists = Lists::new(policy);
    let mut scorer = Scorer {
        policy,
        weights: Vec::new(),
        scores: ScoreCache::default(),
        bands: Vec::new(),
        limits: policy
            .scorecard
            .factors
            .iter()
            .map(|f| {
                f.bands
                    .iter()
                    .map(|b| b.below.map(|below| (below, fast::small(below))))
                    .collect()
            })
            .collect(),
    };
    let mut headers = [""; SLOTS];
    for (h, s) in setup.headers.iter().zip(&setup.slots) {
        if let Some(slot) = s.and_then(|s| headers.get_mut(s)) {
            *slot = h;
        }
    }
    let mut results = Vec::new();
    let mut packed = setup.packed.then(String::new);
    let mut problems = Vec::new();
    let mut totals = setup.totals.clone();
    let (mut rows, mut blank, mut scored) = (0u32, 0u32, 0u32);
    let mut each = |index: usize,
                    cells: &mut dyn Iterator<Item = Result<&'a str, &'static str>>|
     -> Result<(), Problem> {
        if index >= MAX_ROWS {
            return Err(Problem::new(
                code::TOO_LONG,
                "rows",
                format!("at most {MAX_ROWS} rows a call"),
            )
            .with_range(None, Some(MAX_ROWS.to_string())));
        }
        let row = u32::try_from(index)
            .ok()
            .and_then(|i| setup.first_row.checked_add(i))
            .ok_or_else(|| {
                Problem::new(
                    code::OUT_OF_RANGE,
                    "firstRow",
                    "row numbers run past 4294967295",
                )
            })?;
        rows += 1;
        let before = problems.len();
        let (cells, is_blank) = place(cells, &setup, row, &mut problems);
        if is_blank {
            blank += 1;
            return Ok(());
        }
        let reader = RowReader {
            cells,
            headers: &headers,
            row,
            as_of: setup.as_of,
            policy,
            problems: Vec::new(),
        };
        let customer = match reader.read(&lists) {
            Ok(c) if problems.len() == before => c,
            Ok(_) => return Ok(()),
            Err(ps) => {
                problems.extend(ps);
                return Ok(());
            }
        };
        let outcome = scorer
            .score(&customer, setup.as_of)
            .and_then(|s| limit(&customer, &s, setup.our_annual_sales, policy).map(|l| (s, l)));
        let (s, l) = match outcome {
            Ok(x) => x,
            Err(p) => {
                problems.push(RowProblem {
                    row,
                    column: String::new(),
                    field: p.field,
                    code: p.code,
                    message: p.message,
                    min: p.min,
                    max: p.max,
                    allowed: p.allowed,
                });
                return Ok(());
            }
        };
        let over_limit = l.headroom < Decimal::ZERO;
        let r = PortfolioRow {
            row,
            reference: customer.reference,
            name: customer.name,
            currency: customer.currency.clone(),
            score: s.score,
            grade: s.grade.grade,
            pd: s.grade.pd,
            band: s.grade.band,
            decision: s.grade.decision,
            recommended: l.recommended,
            binding_method: l.binding_method,
            exposure: l.exposure,
            headroom: l.headroom,
            expected_loss: l.expected_loss,
            over_limit,
            review: over_limit || s.grade.decision != Decision::Approve,
        };
        add_to_totals(&mut totals, &r).ok_or_else(|| Problem::overflow("totals"))?;
        scored += 1;
        match packed.as_mut() {
            Some(out) => pack(out, &r),
            None => results.push(r),
        }
        Ok(())
    };
    match setup.rows {
        Rows::Lists(items) => {
            for (i, item) in items.iter().enumerate() {
                let cells: &[Value] = match item {
                    Value::Array(cells) => cells,
                    _ => &[],
                };
                each(i, &mut cells.iter().map(cell_text))?;
            }
        }
        Rows::Text("") => {}
        Rows::Text(text) => {
            for (i, line) in text.split(ROW_SEPARATOR).enumerate() {
                each(i, &mut Fields { rest: Some(line) })?;
            }
        }
    }
    crate::sort::sort_by(&mut totals, |a, b| a.currency.cmp(&b.currency));
    Ok(PortfolioResult {
        policy_version: policy.version.clone(),
        as_of: format_date(setup.as_of),
        columns: setup
            .headers
            .iter()
            .zip(&setup.slots)
            .map(|(h, s)| ColumnRead {
                column: (*h).to_string(),
                field: s.and_then(|s| COLUMNS.get(s)).map(|c| c.0),
            })
            .collect(),
        first_row: setup.first_row,
        rows,
        blank,
        scored,
        results,
        packed_fields: packed.is_some().then_some(&PACKED_FIELDS[..]),
        packed,
        problems,
        totals,
    })
}

/// The whole `scorePortfolio(input, policy?)` export.
pub fn run<'a>(input: &'a Value, policy: Option<&Value>) -> Result<PortfolioResult<'a>, Problems> {
    let policy = crate::policy::resolve(policy)?;
    let setup = read_setup(input)?;
    score_rows(setup, &policy).map_err(|p| vec![p])
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value as Json};

    fn value(j: &Json) -> Value {
        serde_json::from_str(&j.to_string()).unwrap_or(Value::Null)
    }

    /// A random customer as (column, cell) pairs; empty cells are left out.
    fn customer() -> impl Strategy<Value = Vec<(&'static str, String)>> {
        let amount = |lo: i64, hi: i64| prop::option::weighted(0.85, lo..hi);
        let amounts = (
            (
                amount(0, 9_000_000),
                amount(0, 6_000_000),
                amount(0, 20_000_000),
                amount(0, 15_000_000),
                amount(-2_000_000, 8_000_000),
                amount(-3_000_000, 4_000_000),
                amount(-1_000_000, 2_000_000),
            ),
            (
                amount(-1_000_000, 1_500_000),
                amount(0, 40_000_000),
                amount(0, 40_000_000),
                amount(0, 600_000),
                prop::option::weighted(0.3, 0i64..500_000),
                prop::option::weighted(0.2, 0i64..30_000_000),
            ),
        );
        let profile = (
            prop::option::of(1990i32..2026),
            prop::option::of(0u32..3000),
            prop::option::of(prop::sample::select(vec![
                "wholesale",
                "construction",
                "utilities",
                "Retail",
                "机械设备",
            ])),
            prop::option::of(prop::sample::select(vec!["CN", "de", "US", "NG", "RU"])),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
            prop::option::weighted(0.2, (0i64..900, 0i64..100, 900i64..1000)),
        );
        let behaviour = (
            prop::option::of(-20i64..120),
            prop::option::of(0u32..12),
            prop::option::weighted(
                0.3,
                (
                    prop::sample::select(vec!["lawsuit", "judgment", "lien", "欠税", "insolvency"]),
                    2016i32..2026,
                    any::<bool>(),
                ),
            ),
        );
        let limit = (
            0u32..180,
            amount(0, 50_000_000),
            amount(0, 3_000_000),
            amount(0, 1_000_000),
            prop::option::weighted(0.2, 0i64..5_000_000),
            prop::option::of(prop::sample::select(vec![
                // AUD: an ISO 4217 code the policy does not list (the ceiling is skipped).
                "CNY", "EUR", "JPY", "KWD", "AUD",
            ])),
        );
        (amounts, profile, behaviour, limit).prop_map(|(amounts, profile, behaviour, limit)| {
            let mut row: Vec<(&'static str, String)> = Vec::new();
            let mut put = |k: &'static str, v: Option<String>| {
                if let Some(v) = v {
                    row.push((k, v));
                }
            };
            let ((ca, cl, ta, tl, eq, re, ebit), (ni, rev, prev, int, intan, mve)) = amounts;
            for (k, v) in [
                ("currentAssets", ca),
                ("currentLiabilities", cl),
                ("totalAssets", ta),
                ("totalLiabilities", tl),
                ("bookEquity", eq),
                ("retainedEarnings", re),
                ("ebit", ebit),
                ("netIncome", ni),
                ("revenue", rev),
                ("previousRevenue", prev),
                ("interestExpense", int),
                ("intangibleAssets", intan),
                ("marketValueOfEquity", mve),
            ] {
                put(k, v.map(|v| v.to_string()));
            }
            let (founded, employees, industry, country, listed, manufacturer, bureau) = profile;
            put("foundedOn", founded.map(|y| format!("{y}-03-15")));
            put("employees", employees.map(|e| e.to_string()));
            put("industry", industry.map(str::to_string));
            put("country", country.map(str::to_string));
            put(
                "listed",
                listed.map(|b| if b { "yes" } else { "否" }.to_string()),
            );
            put("manufacturer", manufacturer.map(|b| b.to_string()));
            if let Some((score, min, max)) = bureau {
                put("bureauScore", Some(score.clamp(min, max).to_string()));
                put("bureauScoreMin", Some(min.to_string()));
                put("bureauScoreMax", Some(max.to_string()));
            }
            let (dbt, count, legal) = behaviour;
            put("daysBeyondTerms", dbt.map(|d| d.to_string()));
            put("paymentCount", dbt.and(count).map(|c| c.to_string()));
            if let Some((kind, year, resolved)) = legal {
                put("legalKind", Some(kind.to_string()));
                put("legalDate", Some(format!("{year}/6/1")));
                put("legalResolved", Some(resolved.to_string()));
            }
            let (terms, sales, receivables, orders, insured, currency) = limit;
            put("termsDays", Some(terms.to_string()));
            put("expectedAnnualSales", sales.map(|v| v.to_string()));
            put("openReceivables", receivables.map(|v| v.to_string()));
            put("openOrders", orders.map(|v| v.to_string()));
            put("insurerApprovedLimit", insured.map(|v| v.to_string()));
            put("currency", currency.map(str::to_string));
            row
        })
    }

    /// The same customer as `scoreCustomer` and `recommendLimit` read it.
    fn per_customer(row: &[(&str, String)], policy: Option<&Value>) -> Option<(Json, Json)> {
        let get = |k: &str| row.iter().find(|(c, _)| *c == k).map(|(_, v)| v.clone());
        let mut profile = serde_json::Map::new();
        for k in ["foundedOn", "employees", "country"] {
            if let Some(v) = get(k) {
                profile.insert(k.into(), json!(v.to_uppercase()));
            }
        }
        if let Some(v) = get("industry") {
            let code = match v.as_str() {
                "Retail" => "retail",
                "机械设备" => "machinery",
                other => other,
            };
            profile.insert("industry".into(), json!(code));
        }
        for k in ["listed", "manufacturer"] {
            if let Some(v) = get(k) {
                profile.insert(k.into(), json!(v == "yes" || v == "true"));
            }
        }
        if let Some(s) = get("bureauScore") {
            profile.insert(
                "bureauScore".into(),
                json!({ "score": s, "min": get("bureauScoreMin"), "max": get("bureauScoreMax") }),
            );
        }
        let mut period = serde_json::Map::new();
        period.insert("periodEnd".into(), json!("2025-12-31"));
        let mut any_amount = false;
        for k in [
            "currentAssets",
            "currentLiabilities",
            "totalAssets",
            "totalLiabilities",
            "bookEquity",
            "retainedEarnings",
            "ebit",
            "netIncome",
            "revenue",
            "interestExpense",
            "intangibleAssets",
            "marketValueOfEquity",
        ] {
            if let Some(v) = get(k) {
                period.insert(k.into(), json!(v));
                any_amount = true;
            }
        }
        if let Some(c) = get("currency") {
            period.insert("currency".into(), json!(c));
        }
        let mut input = json!({ "asOf": "2026-11-22", "profile": profile });
        match get("previousRevenue") {
            Some(prev) => {
                input["financials"] =
                    json!([period, { "periodEnd": "2024-12-31", "revenue": prev }]);
            }
            None if any_amount => input["financials"] = json!([period]),
            None => {}
        }
        if let Some(d) = get("daysBeyondTerms") {
            let mut summary = json!({ "daysBeyondTerms": d });
            if let Some(c) = get("paymentCount") {
                summary["count"] = json!(c);
            }
            input["payments"] = json!({ "summary": summary });
        }
        if let Some(kind) = get("legalKind") {
            let kind = if kind == "欠税" {
                "taxArrears".to_string()
            } else {
                kind
            };
            let date = get("legalDate").unwrap_or_default().replace('/', "-");
            let date = format!("{}-06-01", &date[..4]);
            input["legal"] = json!([{ "kind": kind, "date": date, "resolved": get("legalResolved") == Some("true".into()) }]);
        }
        let score = crate::score::run(&value(&input), policy).ok()?;
        let score_json = serde_json::to_value(&score).ok()?;
        let mut limit =
            json!({ "asOf": "2026-11-22", "score": score_json, "termsDays": get("termsDays") });
        for k in [
            "expectedAnnualSales",
            "openReceivables",
            "openOrders",
            "insurerApprovedLimit",
            "currency",
        ] {
            if let Some(v) = get(k) {
                limit[k] = json!(v);
            }
        }
        limit["ourAnnualSales"] = json!("90000000");
        let limit = crate::limit::run(&value(&limit), policy).ok()?;
        Some((score_json, serde_json::to_value(&limit).ok()?))
    }

    fn portfolio(rows: &[Vec<(&'static str, String)>], policy: Option<&Value>) -> Json {
        let mut columns: Vec<&str> = Vec::new();
        for row in rows {
            for (k, _) in row {
                if !columns.contains(k) {
                    columns.push(k);
                }
            }
        }
        if !columns.contains(&"termsDays") {
            columns.push("termsDays");
        }
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|row| {
                columns
                    .iter()
                    .map(|c| {
                        row.iter()
                            .find(|(k, _)| k == c)
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect();
        let input = json!({ "asOf": "2026-11-22", "columns": columns, "rows": cells, "ourAnnualSales": "90000000" });
        match run(&value(&input), policy) {
            Ok(r) => serde_json::to_value(r).unwrap_or(Json::Null),
            Err(e) => panic!("refused: {e:?}"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// The portfolio path gives the very digits scoreCustomer and recommendLimit give.
        #[test]
        fn same_figures_as_the_per_customer_exports(rows in prop::collection::vec(customer(), 1..6), neutral in any::<bool>()) {
            let policy = neutral.then(|| value(&json!({ "version": "neutral", "scorecard": { "missingData": "neutral" } })));
            let result = portfolio(&rows, policy.as_ref());
            let scored = result["results"].as_array().cloned().unwrap_or_default();
            prop_assert_eq!(scored.len(), rows.len(), "every row scored: {}", result["problems"]);
            for (row, got) in rows.iter().zip(&scored) {
                let Some((score, limit)) = per_customer(row, policy.as_ref()) else {
                    return Err(TestCaseError::fail(format!("the per-customer exports refused {row:?}")));
                };
                prop_assert_eq!(&got["score"], &score["score"], "{:?}", row);
                prop_assert_eq!(&got["grade"], &score["grade"]);
                prop_assert_eq!(&got["pd"], &score["pd"]);
                prop_assert_eq!(&got["decision"], &score["decision"]);
                prop_assert_eq!(&got["recommended"], &limit["recommended"], "{:?}", row);
                prop_assert_eq!(&got["bindingMethod"], &limit["bindingMethod"]);
                prop_assert_eq!(&got["exposure"], &limit["exposure"]["total"]);
                prop_assert_eq!(&got["headroom"], &limit["headroom"]);
                prop_assert_eq!(&got["overLimit"], &limit["overLimit"]);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The i64 number work gives exactly what the engine's own functions give.
        #[test]
        fn fast_numbers_match_the_engine(
            lo in any::<u32>(), mid in any::<u32>(), hi in prop_oneof![Just(0u32), any::<u32>()],
            small_mid in 0u32..(1 << 31), negative in any::<bool>(), scale in 0u32..=28,
            other in (any::<i64>(), 0u32..=20), decimals in 0u32..=12, mode in 0usize..3,
        ) {
            let mode = [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero][mode];
            for d in [
                Decimal::from_parts(lo, mid, hi, negative, scale),
                Decimal::from_parts(lo, small_mid, 0, negative, scale),
            ] {
                let o = Decimal::from_i128_with_scale(i128::from(other.0), other.1);
                prop_assert_eq!(less(d, o), d < o);
                prop_assert_eq!(less(o, d), o < d);
                let (f, r) = (fixed(d, decimals, mode), crate::money::round_fixed(d, decimals, mode));
                prop_assert_eq!((f, f.scale(), f.is_sign_negative()), (r, r.scale(), r.is_sign_negative()));
                let (f, r) = (rate(d, decimals, mode), crate::money::round_rate(d, decimals, mode));
                prop_assert_eq!((f, f.scale(), f.is_sign_negative()), (r, r.scale(), r.is_sign_negative()));
                let mut text = String::new();
                push_decimal(&mut text, d);
                prop_assert_eq!(text, d.to_string());
                let shown = d.to_string();
                let parsed = fast::parse(&shown).map(|(x, _)| (x, x.scale()));
                let engine = crate::money::parse_decimal(&shown).map(|x| (x, x.scale()));
                prop_assert_eq!(parsed, engine);
            }
        }
    }

    #[test]
    fn fast_rounding_matches_the_engine_on_ties() {
        let modes = [
            RoundingMode::HalfAwayFromZero,
            RoundingMode::HalfEven,
            RoundingMode::TowardZero,
        ];
        for base in [
            0i128,
            1,
            2,
            3,
            7,
            12_345,
            9_999_999_999,
            123_456_789_012_345_678_901,
        ] {
            for j in 1u32..=20 {
                let Some(p) = 10i128.checked_pow(j) else {
                    continue;
                };
                for extra in [0i128, 1, -1] {
                    let Some(m) = base.checked_mul(p).map(|x| x + 5 * p / 10 + extra) else {
                        continue;
                    };
                    for negative in [false, true] {
                        for scale in j..=28 {
                            let d = Decimal::try_from_i128_with_scale(
                                if negative { -m } else { m },
                                scale,
                            );
                            let Ok(d) = d else { continue };
                            for mode in modes {
                                let decimals = scale - j;
                                assert_eq!(
                                    fixed(d, decimals, mode).to_string(),
                                    crate::money::round_fixed(d, decimals, mode).to_string(),
                                    "{d} {decimals} {mode:?}"
                                );
                                assert_eq!(
                                    rate(d, decimals, mode).to_string(),
                                    crate::money::round_rate(d, decimals, mode).to_string(),
                                    "{d} {decimals} {mode:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn business_age_matches_the_score() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        for mode in [
            RoundingMode::HalfAwayFromZero,
            RoundingMode::HalfEven,
            RoundingMode::TowardZero,
        ] {
            for days in (0..40_000).step_by(7).chain(3_600_000..3_600_400) {
                let Some(f) = as_of.checked_sub_days(chrono::Days::new(days)) else {
                    continue;
                };
                let engine = crate::money::round_fixed(years_between(f, as_of), 2, mode);
                let ours = business_age(f, as_of, mode);
                assert_eq!(
                    (ours, ours.scale()),
                    (engine, engine.scale()),
                    "{f} {mode:?}"
                );
            }
        }
    }

    #[test]
    fn chinese_headers_a_bom_and_spacing_read_as_the_documented_columns() {
        let columns = [
            "\u{feff}客户名称",
            "Total Assets",
            "total_liabilities",
            "账期",
            "营业收入",
        ];
        let read: Vec<Option<&str>> = columns
            .iter()
            .map(|c| slot_of(c).and_then(|s| COLUMNS.get(s)).map(|c| c.0))
            .collect();
        assert_eq!(
            read,
            [
                Some("name"),
                Some("totalAssets"),
                Some("totalLiabilities"),
                Some("termsDays"),
                Some("revenue")
            ]
        );
        assert_eq!(
            slot_of("总资产（万元）"),
            None,
            "a unit in the header is never guessed"
        );
    }

    #[test]
    fn a_currency_is_an_iso_code_or_the_policys_and_rmb_reads_as_cny() {
        let input = value(&json!({
            "asOf": "2026-11-22",
            "columns": ["name", "termsDays", "expectedAnnualSales", "currency"],
            "rows": [
                ["A", "30", "9000000000", "RMB"],
                ["B", "30", "9000000000", "cny"],
                ["C", "30", "9000000000", "aud"],
                ["D", "30", "9000000000", "QQQ"],
                ["E", "30", "9000000000", "XAU"],
                ["F", "30", "9000000000", "CNY"],
            ],
        }));
        let Ok(result) = run(&input, None) else {
            panic!("refused")
        };
        let currencies: Vec<Option<&str>> = result
            .results
            .iter()
            .map(|r| r.currency.as_deref())
            .collect();
        assert_eq!(
            currencies,
            [Some("CNY"), Some("CNY"), Some("AUD"), Some("CNY")]
        );
        // RMB gets CNY's ceiling, as CNY does: not the need method's 1.48 billion.
        let limits: Vec<Decimal> = result.results.iter().map(|r| r.recommended).collect();
        assert_eq!(limits[0], limits[3]);
        assert!(limits[0] < Decimal::from(100_000_000), "{limits:?}");
        let problems: Vec<(u32, &str, &str)> = result
            .problems
            .iter()
            .map(|p| (p.row, p.column.as_str(), p.code))
            .collect();
        assert_eq!(
            problems,
            [(5, "currency", "NOT_ONE_OF"), (6, "currency", "NOT_ONE_OF")]
        );
        // A code the company's policy lists is its own affair.
        let mut policy = serde_json::to_value(crate::policy::default_policy()).expect("json");
        policy["currencies"]
            .as_array_mut()
            .expect("a list")
            .push(json!({ "code": "QQQ", "minorUnits": 2 }));
        let Ok(result) = run(&input, Some(&value(&policy))) else {
            panic!("refused")
        };
        assert_eq!(result.scored, 5);
        assert_eq!(result.problems.len(), 1);
    }

    #[test]
    fn packed_rows_give_the_same_figures_as_lists() {
        let input = |rows: Json, output: &str| {
            value(
                &json!({ "asOf": "2026-11-22", "columns": ["name", "termsDays", "expectedAnnualSales", "openReceivables"], "rows": rows, "output": output }),
            )
        };
        let (lists_input, text_input) = (
            input(json!([["A", "30", "1000000", "50000"], ["", "", "", ""], ["B", "x", "", ""]]), "objects"),
            input(json!("A\u{1f}30\u{1f}1000000\u{1f}50000\u{1e}\u{1f}\u{1f}\u{1f}\u{1e}B\u{1f}x\u{1f}\u{1f}"), "packed"),
        );
        let (lists, text) = (run(&lists_input, None), run(&text_input, None));
        let (Ok(lists), Ok(text)) = (lists, text) else {
            panic!("refused")
        };
        assert_eq!((lists.rows, lists.blank, lists.scored), (3, 1, 1));
        assert_eq!((text.rows, text.blank, text.scored), (3, 1, 1));
        assert_eq!(text.problems, lists.problems);
        assert_eq!(lists.problems.len(), 1);
        let p = &lists.problems[0];
        assert_eq!(
            (p.row, p.column.as_str(), p.code),
            (4, "termsDays", "NOT_A_NUMBER")
        );
        let mut line = String::new();
        pack(&mut line, &lists.results[0]);
        assert_eq!(text.packed.as_deref(), Some(line.as_str()));
        assert_eq!(line.split(FIELD_SEPARATOR).count(), PACKED_FIELDS.len());
        assert_eq!(text.totals, lists.totals);
    }
}
