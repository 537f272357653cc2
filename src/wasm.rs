//! The WebAssembly boundary: the only `#[wasm_bindgen]` exports. Stateless functions, plain
//! objects in and out, money as decimal strings; every failure is thrown as a JS `Error`
//! carrying `code`, `field` and the full `errors` list.

use js_sys::{Error as JsError, Reflect};
use serde::de::DeserializeSeed;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{code, Problem, Problems};
use crate::value::{Value, ValueSeed, TOO_DEEP_MESSAGE};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A decimal number as text ("1234.50"); inputs also accept a JS number. */
export type DecimalInput = string | number;
/** A decimal number as text, exact ("0.3724489796"). Rates are fractions: 0.0372 = 3.72 %. */
export type DecimalString = string;
/** A calendar date written YYYY-MM-DD. */
export type DateString = string;

/** One thing wrong with an input or a policy. */
export interface Problem {
  /** Stable code to translate by, e.g. "OUT_OF_RANGE", "REQUIRED". */
  code: string;
  /** Path of the field, e.g. "netDays" or "policy.rounding.moneyDecimals". */
  field: string;
  /** English explanation. */
  message: string;
  min?: string;
  max?: string;
  allowed?: string[];
}

/** What every export throws: a JS Error with the first problem's code and field, and all of them. */
export interface CreditCalculatorError extends Error {
  name: "CreditCalculatorError";
  code: string;
  field: string;
  errors: Problem[];
}

export type RoundingMode = "halfAwayFromZero" | "halfEven" | "towardZero";

/** A company's credit policy. Every field but `version` may be left out to keep ours. */
export interface Policy {
  version: string;
  name?: string;
  rounding?: { mode?: RoundingMode; moneyDecimals?: number; rateDecimals?: number };
  currencies?: { code: string; minorUnits: number }[];
  terms?: { dayBasis?: 360 | 365 | "360" | "365"; maxTermDays?: number };
}

export interface PolicyValidation {
  valid: boolean;
  errors: Problem[];
}

export interface DiscountCostInput {
  /** The discount in percent: 2 for "2/10 net 30". 0 ≤ value < 100. */
  discountPercent: DecimalInput;
  /** Days within which the discount may be taken. */
  discountDays: DecimalInput;
  /** Days until the full amount is due; more than discountDays. */
  netDays: DecimalInput;
  /** Days in a year for the simple rate; the policy's default (365) when left out. */
  dayBasis?: 360 | 365 | "360" | "365" | null;
  invoiceAmount?: DecimalInput | null;
  invoiceDate?: DateString | null;
  /** ISO 4217 code; amounts are rounded to its minor unit. */
  currency?: string | null;
}

export interface DiscountCostResult {
  policyVersion: string;
  discountPercent: DecimalString;
  /** The discount as a fraction: "0.02" for 2 %. */
  discountRate: DecimalString;
  discountDays: number;
  netDays: number;
  dayBasis: 360 | 365;
  /** netDays − discountDays. */
  extraDays: number;
  /** d / (1 − d). */
  periodRate: DecimalString;
  /** dayBasis / extraDays. */
  periodsPerYear: DecimalString;
  /** periodRate × periodsPerYear. */
  simpleAnnualRate: DecimalString;
  /** (1 + periodRate)^(365 / extraDays) − 1; null when too large to express. */
  effectiveAnnualRate: DecimalString | null;
  effectiveDayBasis: 365;
  invoice: {
    currency: string | null;
    amount: DecimalString | null;
    discountAmount: DecimalString | null;
    amountIfDiscounted: DecimalString | null;
    invoiceDate: DateString | null;
    discountDueDate: DateString | null;
    netDueDate: DateString | null;
  } | null;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// A policy object supplied by the caller (typed for TypeScript; read like any input).
    #[wasm_bindgen(typescript_type = "Policy")]
    pub type PolicyArg;
}

/// The complete default credit policy, as a plain object.
#[wasm_bindgen(js_name = defaultPolicy, unchecked_return_type = "Policy")]
pub fn default_policy() -> Result<JsValue, JsValue> {
    to_js(crate::policy::default_policy())
}

/// Every problem in a policy, with its path; never throws for a bad policy.
#[wasm_bindgen(js_name = validatePolicy, unchecked_return_type = "PolicyValidation")]
pub fn validate_policy(
    #[wasm_bindgen(unchecked_param_type = "unknown")] policy: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Validation {
        valid: bool,
        errors: Problems,
    }
    let errors = match read(policy) {
        Ok(value) => crate::policy::read_policy(&value).err().unwrap_or_default(),
        Err(problems) => problems,
    };
    to_js(&Validation {
        valid: errors.is_empty(),
        errors,
    })
}

/// The buyer's annualized cost of not taking an early-payment discount, and the invoice's
/// discount amount and due dates when an amount and date are given.
#[wasm_bindgen(js_name = discountCost, unchecked_return_type = "DiscountCostResult")]
pub fn discount_cost(
    #[wasm_bindgen(unchecked_param_type = "DiscountCostInput")] input: JsValue,
    policy: Option<PolicyArg>,
) -> Result<JsValue, JsValue> {
    let input = read(input).map_err(to_js_error)?;
    let policy = read_optional(policy).map_err(to_js_error)?;
    let result = crate::discount::run(&input, policy.as_ref()).map_err(to_js_error)?;
    to_js(&result)
}

/// The JS value as an input tree; a value that cannot be read (too deep, a BigInt beyond
/// 64 bits, a symbol) is one problem at the root.
fn read(value: JsValue) -> Result<Value, Problems> {
    ValueSeed { depth: 0 }
        .deserialize(serde_wasm_bindgen::Deserializer::from(value))
        .map_err(|e| {
            let text = e.to_string();
            let text = text.trim_start_matches("Error: ");
            let code = if text.contains(TOO_DEEP_MESSAGE) {
                code::TOO_DEEP
            } else {
                code::UNREADABLE
            };
            vec![Problem::new(code, "", text)]
        })
}

fn read_optional(value: Option<PolicyArg>) -> Result<Option<Value>, Problems> {
    match value.map(JsValue::from) {
        None => Ok(None),
        Some(v) if v.is_null() || v.is_undefined() => Ok(None),
        Some(v) => read(v)
            .map(Some)
            .map_err(|ps| ps.into_iter().map(|p| p.under("policy")).collect()),
    }
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| to_js_error(vec![Problem::new(code::INTERNAL, "", e.to_string())]))
}

/// A JS `Error` named `CreditCalculatorError` with `code`, `field` (of the first problem)
/// and `errors` (all of them).
fn to_js_error(problems: Problems) -> JsValue {
    let first = problems
        .first()
        .cloned()
        .unwrap_or_else(|| Problem::new(code::INTERNAL, "", "unknown error"));
    let mut message = if first.field.is_empty() {
        first.message.clone()
    } else {
        format!("{} {}", first.field, first.message)
    };
    if problems.len() > 1 {
        let more = problems.len() - 1;
        message.push_str(&format!(
            " (and {more} more problem{})",
            if more == 1 { "" } else { "s" }
        ));
    }
    let error = JsError::new(&message);
    error.set_name("CreditCalculatorError");
    let errors = problems
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL);
    // Setting a property on a fresh Error object cannot fail; ignore the Result all the same.
    let _ = Reflect::set(&error, &"code".into(), &first.code.into());
    let _ = Reflect::set(&error, &"field".into(), &first.field.as_str().into());
    let _ = Reflect::set(&error, &"errors".into(), &errors);
    error.into()
}
