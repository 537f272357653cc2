//! Errors the engine returns instead of panicking: a stable `code`, the `field` path of the
//! input that caused it (`financials[0].totalAssets`), and an English `message`.
//! The front end translates by `code`; `min`, `max` and `allowed` carry the figures a
//! translated message needs.

use serde::Serialize;

/// One thing wrong with an input or a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub code: &'static str,
    pub field: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<Vec<String>>,
}

/// Stable error codes. They are part of the public API: never rename one.
pub mod code {
    pub const NOT_AN_OBJECT: &str = "NOT_AN_OBJECT";
    pub const NOT_AN_ARRAY: &str = "NOT_AN_ARRAY";
    pub const REQUIRED: &str = "REQUIRED";
    pub const NOT_A_NUMBER: &str = "NOT_A_NUMBER";
    pub const NOT_AN_INTEGER: &str = "NOT_AN_INTEGER";
    pub const NOT_A_STRING: &str = "NOT_A_STRING";
    pub const NOT_A_BOOLEAN: &str = "NOT_A_BOOLEAN";
    pub const NOT_A_DATE: &str = "NOT_A_DATE";
    pub const TOO_PRECISE: &str = "TOO_PRECISE";
    pub const OUT_OF_RANGE: &str = "OUT_OF_RANGE";
    pub const NOT_ONE_OF: &str = "NOT_ONE_OF";
    pub const UNKNOWN_FIELD: &str = "UNKNOWN_FIELD";
    pub const TOO_DEEP: &str = "TOO_DEEP";
    /// A JS value that is not plain data (a BigInt beyond 64 bits, a symbol, a function).
    pub const UNREADABLE: &str = "UNREADABLE";
    pub const TOO_LONG: &str = "TOO_LONG";
    pub const OVERFLOW: &str = "OVERFLOW";
    pub const NET_NOT_AFTER_DISCOUNT: &str = "NET_NOT_AFTER_DISCOUNT";
    pub const NOT_INCREASING: &str = "NOT_INCREASING";
    /// Thresholds, bands or dates not in the order they must be.
    pub const UNORDERED: &str = "UNORDERED";
    /// Band points that reward a worse value.
    pub const NOT_MONOTONE: &str = "NOT_MONOTONE";
    pub const WEIGHTS_NOT_100: &str = "WEIGHTS_NOT_100";
    pub const DUPLICATE: &str = "DUPLICATE";
    /// A date after the as-of date where only the past makes sense.
    pub const AFTER_AS_OF: &str = "AFTER_AS_OF";
    pub const INTERNAL: &str = "INTERNAL";
    /// A company policy given to a build of the engine that calculates with the default
    /// policy alone (the deal check page's): the complete engine reads it.
    pub const POLICY_NOT_IN_BUILD: &str = "POLICY_NOT_IN_BUILD";
}

impl Problem {
    pub fn new(code: &'static str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            code,
            field: field.into(),
            message: message.into(),
            min: None,
            max: None,
            allowed: None,
        }
    }

    pub fn with_range(mut self, min: Option<String>, max: Option<String>) -> Self {
        self.min = min;
        self.max = max;
        self
    }

    pub fn with_allowed(mut self, allowed: &[&str]) -> Self {
        self.allowed = Some(allowed.iter().map(|s| (*s).to_string()).collect());
        self
    }

    /// The result of a checked operation that overflowed Decimal's range (about ±7.9·10^28).
    pub fn overflow(field: impl Into<String>) -> Self {
        Problem::new(
            code::OVERFLOW,
            field,
            "the calculation overflowed: an amount or rate is too large",
        )
    }

    /// The same problem, reported under element `index` of a list (`[3].amount`).
    pub fn under_index(self, index: usize) -> Self {
        self.under(&format!("[{index}]"))
    }

    /// The same problem, reported under a parent path (`rounding.moneyDecimals` →
    /// `policy.rounding.moneyDecimals`).
    pub fn under(mut self, parent: &str) -> Self {
        self.field = join_path(parent, &self.field);
        self
    }
}

/// `a` + `b` as a field path: `a.b`, or `a[0]` when `b` is an index.
pub fn join_path(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else if child.is_empty() {
        parent.to_string()
    } else if child.starts_with('[') {
        format!("{parent}{child}")
    } else {
        format!("{parent}.{child}")
    }
}

/// Every problem found, in the order found. Engines collect them all before giving up,
/// so that a form can mark every bad field at once.
pub type Problems = Vec<Problem>;
