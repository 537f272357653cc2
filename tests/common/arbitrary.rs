#![allow(dead_code)] // each test file that includes this uses a part of it
//! Arbitrary JSON-like values for the fuzz tests (tests/properties.rs, bounded) and the
//! fuzz run of `npm run bench` (examples/fuzz.rs, a million inputs).

use credit_calculator::value::Value;
use proptest::prelude::*;

/// Arbitrary JSON-like values, biased towards the shapes and names engines read.
pub fn arbitrary_value() -> impl Strategy<Value = Value> {
    let names = prop::sample::select(vec![
        "discountPercent",
        "discountDays",
        "netDays",
        "dayBasis",
        "invoiceAmount",
        "invoiceDate",
        "currency",
        "version",
        "rounding",
        "mode",
        "moneyDecimals",
        "rateDecimals",
        "currencies",
        "code",
        "minorUnits",
        "terms",
        "maxTermDays",
        "x",
        "",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.to_string())),
        any::<f64>().prop_map(|f| Value::Number(format!("{f}"))),
        prop::sample::select(vec![
            "0",
            "-0",
            "1e28",
            "1e-28",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "2",
            "30",
            "360",
            "365",
            "9999-12-31",
            "0001-01-01",
            "2024-02-29",
            "EUR",
            "JPY",
            "halfEven",
            "",
            " ",
        ])
        .prop_map(|s| Value::String(s.to_string())),
        "\\PC{0,12}".prop_map(Value::String),
        (0u32..40_000).prop_map(|n| Value::Number(n.to_string())),
    ];
    leaf.prop_recursive(4, 48, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((names.clone().prop_map(str::to_string), inner), 0..8)
                .prop_map(Value::Object),
        ]
    })
}

/// A place in a value: the position of each step, in an object's entries or an array's items.
type Path = Vec<usize>;

fn leaf_paths(v: &Value, path: &mut Path, out: &mut Vec<Path>) {
    let children: Vec<&Value> = match v {
        Value::Object(entries) => entries.iter().map(|(_, v)| v).collect(),
        Value::Array(items) => items.iter().collect(),
        _ => {
            out.push(path.clone());
            return;
        }
    };
    if children.is_empty() {
        out.push(path.clone());
    }
    for (i, child) in children.into_iter().enumerate() {
        path.push(i);
        leaf_paths(child, path, out);
        path.pop();
    }
}

/// What becomes of a leaf: a new value, a number scaled by a power of ten (a figure of the
/// right kind but far from ours), or the entry removed.
#[derive(Clone, Debug)]
enum Change {
    Set(Value),
    Scale(i32),
    Remove,
}

/// A number (or a number's text) times 10^k, in the same form; anything else as it was.
fn scaled(v: &Value, k: i32) -> Value {
    use std::str::FromStr;
    let text = match v {
        Value::Number(t) | Value::String(t) => t,
        _ => return v.clone(),
    };
    let Ok(d) = rust_decimal::Decimal::from_str(text) else {
        return v.clone();
    };
    let factor = rust_decimal::Decimal::from(10i64.pow(k.unsigned_abs()));
    let new = if k >= 0 {
        d.checked_mul(factor)
    } else {
        d.checked_div(factor)
    };
    match (new, v) {
        (Some(n), Value::Number(_)) => Value::Number(n.normalize().to_string()),
        (Some(n), _) => Value::String(n.normalize().to_string()),
        (None, _) => v.clone(),
    }
}

impl Change {
    /// The leaf's new value; `None`: the leaf is removed.
    fn of(&self, old: &Value) -> Option<Value> {
        match self {
            Change::Set(new) => Some(new.clone()),
            Change::Scale(k) => Some(scaled(old, *k)),
            Change::Remove => None,
        }
    }
}

fn apply(v: &mut Value, path: &[usize], change: &Change) {
    let Some((&last, first)) = path.split_last() else {
        if let Some(new) = change.of(v) {
            *v = new;
        }
        return;
    };
    let mut at = v;
    for &i in first {
        at = match at {
            Value::Object(entries) => match entries.get_mut(i) {
                Some((_, child)) => child,
                None => return,
            },
            Value::Array(items) => match items.get_mut(i) {
                Some(child) => child,
                None => return,
            },
            _ => return,
        };
    }
    match at {
        Value::Object(entries) => {
            let Some((_, old)) = entries.get_mut(last) else {
                return;
            };
            match change.of(old) {
                Some(new) => *old = new,
                None => {
                    entries.remove(last);
                }
            }
        }
        Value::Array(items) => {
            let Some(old) = items.get_mut(last) else {
                return;
            };
            match change.of(old) {
                Some(new) => *old = new,
                None => {
                    items.remove(last);
                }
            }
        }
        _ => {}
    }
}

/// Our default policy with one to three of its leaves, in any section, set to an extreme or
/// arbitrary value or removed: policies near a real one, which get past the first checks and
/// reach those of every section (scorecard, grades, limit, terms, insurance, overdue …),
/// where an arbitrary object rarely gets.
pub fn mutated_policy() -> impl Strategy<Value = Value> {
    let base: Value = serde_json::to_string(credit_calculator::policy::default_policy())
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    let mut paths = Vec::new();
    leaf_paths(&base, &mut Vec::new(), &mut paths);
    let extreme = prop::sample::select(vec![
        Value::Null,
        Value::Bool(true),
        Value::Number("0".into()),
        Value::Number("-1".into()),
        Value::Number("1e28".into()),
        Value::Number("-79228162514264337593543950335".into()),
        Value::Number("0.0000000000000000000000000001".into()),
        Value::Number("4294967296".into()),
        Value::String("".into()),
        Value::String("0".into()),
        Value::String("-0.5".into()),
        Value::String("1.5".into()),
        Value::String("99999999999999999999999999999".into()),
        Value::String("0001-01-01".into()),
        Value::String("9999-12-31".into()),
        Value::Array(Vec::new()),
        Value::Object(Vec::new()),
    ]);
    let change = prop_oneof![
        4 => (-4i32..=4).prop_map(Change::Scale),
        4 => extreme.prop_map(Change::Set),
        1 => arbitrary_value().prop_map(Change::Set),
        1 => Just(Change::Remove),
    ];
    let count = paths.len().max(1);
    prop::collection::vec((0..count, change), 1..4).prop_map(move |changes| {
        let mut policy = base.clone();
        for (i, change) in changes {
            if let Some(path) = paths.get(i) {
                apply(&mut policy, path, &change);
            }
        }
        policy
    })
}
