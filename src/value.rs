//! The input tree every engine reads: a plain JSON-like value whose numbers keep the exact
//! decimal text they were given, and a reader that walks it by field path and collects
//! every problem instead of stopping at the first.
//!
//! Inputs arrive either as JS values (read with js_sys in `wasm.rs`, numbers by JS's own
//! `String(n)`) or, in native tests and tools, as JSON through serde_json with
//! `arbitrary_precision`, which keeps every number's exact text: no binary float anywhere.

use core::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::Deserializer;

use crate::calendar::parse_date;
use crate::error::{code, join_path, Problem, Problems};
use crate::money::{parse_decimal, DecimalError};

/// Nesting deeper than this is refused: no input of ours needs it, and unbounded recursion
/// (or a cyclic JS object) would overflow the wasm stack and kill the module.
pub const MAX_DEPTH: usize = 32;
/// Longest string accepted anywhere; longer text is refused, never truncated silently.
pub const MAX_STRING: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as its shortest decimal text, e.g. `"0.1"`, never as a binary float.
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Deserializes a [`Value`], refusing nesting beyond [`MAX_DEPTH`].
pub struct ValueSeed {
    pub depth: usize,
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(TOO_DEEP_MESSAGE));
        }
        deserializer.deserialize_any(ValueVisitor { depth: self.depth })
    }
}

pub const TOO_DEEP_MESSAGE: &str = "the input is nested too deeply";

/// How serde_json (feature `arbitrary_precision`) marks a number's exact text.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        ValueSeed { depth: 0 }.deserialize(deserializer)
    }
}

struct ValueVisitor {
    depth: usize,
}

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON-like value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        ValueSeed { depth: self.depth }.deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ValueSeed {
            depth: self.depth + 1,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            // serde_json with `arbitrary_precision` (the native tests) hands a number over as
            // a one-entry map under this token, holding its exact text.
            if key == JSON_NUMBER_TOKEN && fields.is_empty() {
                let text: String = map.next_value()?;
                return Ok(Value::Number(text));
            }
            let value = map.next_value_seed(ValueSeed {
                depth: self.depth + 1,
            })?;
            fields.push((key, value));
        }
        Ok(Value::Object(fields))
    }
}

/// A JSON object being read, with its path for error messages.
pub struct Obj<'a> {
    source: &'a Value,
    fields: &'a [(String, Value)],
    path: String,
}

/// Reads `value` at `path` as an object; records a problem and returns `None` otherwise.
pub fn object<'a>(value: &'a Value, path: &str, problems: &mut Problems) -> Option<Obj<'a>> {
    match value {
        Value::Object(fields) => Some(Obj {
            source: value,
            fields,
            path: path.to_string(),
        }),
        other => {
            problems.push(Problem::new(
                code::NOT_AN_OBJECT,
                path,
                format!("must be an object, not {}", other.kind()),
            ));
            None
        }
    }
}

impl<'a> Obj<'a> {
    /// The object value itself.
    pub fn source(&self) -> Option<&'a Value> {
        Some(self.source)
    }

    pub fn path(&self, key: &str) -> String {
        join_path(&self.path, key)
    }

    /// The field's value; `null` and absent are the same (a form's empty field).
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Value::Null))
    }

    /// Records every field not in `known` (a typo such as `discountPercnt` must not pass
    /// silently as if the field were empty).
    pub fn reject_unknown(&self, known: &[&str], problems: &mut Problems) {
        for (key, _) in self.fields {
            if !known.contains(&key.as_str()) {
                problems.push(
                    Problem::new(code::UNKNOWN_FIELD, self.path(key), "is not a known field")
                        .with_allowed(known),
                );
            }
        }
    }

    pub fn required<T>(
        &self,
        key: &str,
        problems: &mut Problems,
        read: impl FnOnce(&Self, &str, &mut Problems) -> Option<T>,
    ) -> Option<T> {
        if self.get(key).is_none() {
            problems.push(Problem::new(code::REQUIRED, self.path(key), "is required"));
            return None;
        }
        read(self, key, problems)
    }

    pub fn decimal(&self, key: &str, problems: &mut Problems) -> Option<Decimal> {
        let value = self.get(key)?;
        match read_decimal(value, "") {
            Ok(d) => Some(d),
            Err(mut p) => {
                // The path is built only for a problem: reading stays allocation-free.
                p.field = self.path(key);
                problems.push(p);
                None
            }
        }
    }

    /// A decimal within `[min, max]`; out-of-range values are recorded and dropped.
    pub fn decimal_in(
        &self,
        key: &str,
        min: Decimal,
        max: Decimal,
        problems: &mut Problems,
    ) -> Option<Decimal> {
        let d = self.decimal(key, problems)?;
        if d < min || d > max {
            problems.push(out_of_range(&self.path(key), Some(min), Some(max)));
            return None;
        }
        Some(d)
    }

    /// A whole number within `[min, max]` (e.g. days); `"30"`, `30` and `30.0` are all 30.
    pub fn integer_in(
        &self,
        key: &str,
        min: i64,
        max: i64,
        problems: &mut Problems,
    ) -> Option<i64> {
        let d = self.decimal(key, problems)?;
        if !d.fract().is_zero() {
            problems.push(Problem::new(
                code::NOT_AN_INTEGER,
                self.path(key),
                "must be a whole number",
            ));
            return None;
        }
        let lo = Decimal::from(min);
        let hi = Decimal::from(max);
        // In range of two i64 bounds, the conversion cannot fail; stay total anyway.
        let n = if d < lo || d > hi {
            None
        } else {
            i64::try_from(d.trunc()).ok()
        };
        if n.is_none() {
            problems.push(out_of_range(&self.path(key), Some(lo), Some(hi)));
        }
        n
    }

    pub fn string(&self, key: &str, problems: &mut Problems) -> Option<&'a str> {
        let value = self.get(key)?;
        match value {
            Value::String(s) if s.chars().count() > MAX_STRING => {
                problems.push(
                    Problem::new(code::TOO_LONG, self.path(key), "is too long")
                        .with_range(None, Some(MAX_STRING.to_string())),
                );
                None
            }
            Value::String(s) => Some(s.as_str()),
            other => {
                problems.push(Problem::new(
                    code::NOT_A_STRING,
                    self.path(key),
                    format!("must be a string, not {}", other.kind()),
                ));
                None
            }
        }
    }

    /// One of a fixed set of strings (numbers are read by their text, so `360` matches `"360"`).
    pub fn one_of(
        &self,
        key: &str,
        allowed: &[&'static str],
        problems: &mut Problems,
    ) -> Option<&'static str> {
        let value = self.get(key)?;
        let text = match value {
            Value::String(s) | Value::Number(s) => s.as_str(),
            _ => "",
        };
        let found = allowed.iter().find(|a| **a == text).copied();
        if found.is_none() {
            problems.push(
                Problem::new(
                    code::NOT_ONE_OF,
                    self.path(key),
                    format!("must be one of: {}", allowed.join(", ")),
                )
                .with_allowed(allowed),
            );
        }
        found
    }

    pub fn date(&self, key: &str, problems: &mut Problems) -> Option<NaiveDate> {
        let value = self.get(key)?;
        let parsed = match value {
            Value::String(s) => parse_date(s),
            _ => None,
        };
        if parsed.is_none() {
            problems.push(Problem::new(
                code::NOT_A_DATE,
                self.path(key),
                "must be a date written YYYY-MM-DD, between 0001-01-01 and 9999-12-31",
            ));
        }
        parsed
    }

    pub fn boolean(&self, key: &str, problems: &mut Problems) -> Option<bool> {
        match self.get(key)? {
            Value::Bool(b) => Some(*b),
            other => {
                problems.push(Problem::new(
                    code::NOT_A_BOOLEAN,
                    self.path(key),
                    format!("must be true or false, not {}", other.kind()),
                ));
                None
            }
        }
    }

    pub fn object(&self, key: &str, problems: &mut Problems) -> Option<Obj<'a>> {
        let value = self.get(key)?;
        object(value, &self.path(key), problems)
    }

    pub fn array(&self, key: &str, problems: &mut Problems) -> Option<&'a [Value]> {
        match self.get(key)? {
            Value::Array(items) => Some(items.as_slice()),
            other => {
                problems.push(Problem::new(
                    code::NOT_AN_ARRAY,
                    self.path(key),
                    format!("must be a list, not {}", other.kind()),
                ));
                None
            }
        }
    }
}

pub fn out_of_range(field: &str, min: Option<Decimal>, max: Option<Decimal>) -> Problem {
    let message = match (min, max) {
        (Some(lo), Some(hi)) => format!("must be between {lo} and {hi}"),
        (Some(lo), None) => format!("must be at least {lo}"),
        (None, Some(hi)) => format!("must be at most {hi}"),
        (None, None) => "is out of range".to_string(),
    };
    Problem::new(code::OUT_OF_RANGE, field, message)
        .with_range(min.map(|d| d.to_string()), max.map(|d| d.to_string()))
}

/// A number given as a JSON number or as a decimal string (`"1234.50"`, `"-0.5"`, `"1e3"`).
pub fn read_decimal(value: &Value, field: &str) -> Result<Decimal, Problem> {
    let text = match value {
        Value::Number(s) | Value::String(s) => s.as_str(),
        other => {
            return Err(Problem::new(
                code::NOT_A_NUMBER,
                field,
                format!("must be a number, not {}", other.kind()),
            ))
        }
    };
    parse_decimal(text).map_err(|e| match e {
        DecimalError::NotANumber => Problem::new(code::NOT_A_NUMBER, field, "must be a number"),
        DecimalError::TooLarge => {
            Problem::new(code::OUT_OF_RANGE, field, "is too large to calculate with")
        }
        DecimalError::TooPrecise => Problem::new(
            code::TOO_PRECISE,
            field,
            "has more decimal places than can be kept exactly (28 at most)",
        ),
    })
}
