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
