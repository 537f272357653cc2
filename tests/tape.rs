//! The tape a result crosses to JS on (src/tape.rs), read back by a decoder written from the
//! format's description (the same steps as src/tape.js), must give exactly what serde_json
//! gives for the same value: every golden vector's result and problems, the default policy,
//! and the shapes serde can produce that the engine does not use today; and, for arbitrary
//! inputs, whatever the engine answers.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/arbitrary.rs"]
mod arbitrary;
mod common;

use std::collections::BTreeMap;

use credit_calculator::tape::{
    self, Tape, ARRAY, FALSE, INT, KEY_NEW, KEY_TEXT, NULL, NUMBER, OBJECT, STRING, TRUE,
};
use credit_calculator::value::Value;
use serde::Serialize;
use serde_json::{Map, Value as Json};

/// The JS decoder's steps, with its table of field names kept from call to call.
#[derive(Default)]
struct Decoder {
    names: Vec<Option<String>>,
    /// How many names the last tape introduced.
    introduced: usize,
}

impl Decoder {
    fn decode(&mut self, tape: &Tape) -> Json {
        let units: Vec<u16> = tape.text.encode_utf16().collect();
        let mut words = tape.ops.iter().copied();
        match words.next() {
            Some(1) => self.names.clear(),
            Some(0) => {}
            other => panic!("bad header {other:?}"),
        }
        self.introduced = 0;
        let value = self.read(&mut words, &units);
        assert!(words.next().is_none(), "words left over");
        value
    }

    fn slice(words: &mut impl Iterator<Item = u32>, units: &[u16]) -> String {
        let start = words.next().expect("offset") as usize;
        let len = words.next().expect("length") as usize;
        String::from_utf16(&units[start..start + len]).expect("whole characters")
    }

    fn read(&mut self, words: &mut impl Iterator<Item = u32>, units: &[u16]) -> Json {
        match words.next().expect("a value") {
            NULL => Json::Null,
            TRUE => Json::Bool(true),
            FALSE => Json::Bool(false),
            STRING => Json::String(Self::slice(words, units)),
            INT => Json::from(u64::from(words.next().expect("int"))),
            NUMBER => {
                let text = Self::slice(words, units);
                serde_json::from_str(&text).unwrap_or_else(|_| panic!("number text {text}"))
            }
            ARRAY => {
                let n = words.next().expect("count");
                Json::Array((0..n).map(|_| self.read(words, units)).collect())
            }
            OBJECT => {
                let n = words.next().expect("count");
                let mut map = Map::new();
                for _ in 0..n {
                    let key = match words.next().expect("key") {
                        KEY_NEW => {
                            let id = words.next().expect("id") as usize;
                            let name = Self::slice(words, units);
                            if self.names.len() <= id {
                                self.names.resize(id + 1, None);
                            }
                            self.names[id] = Some(name.clone());
                            self.introduced += 1;
                            name
                        }
                        KEY_TEXT => Self::slice(words, units),
                        id => self.names[id as usize].clone().expect("a known field name"),
                    };
                    let value = self.read(words, units);
                    assert!(map.insert(key, value).is_none(), "a key twice");
                }
                Json::Object(map)
            }
            other => panic!("unknown word {other}"),
        }
    }
}

fn same<T: Serialize>(decoder: &mut Decoder, value: &T, what: &str) {
    let tape = tape::encode(value).unwrap_or_else(|e| panic!("{what}: {e}"));
    let expected = serde_json::to_value(value).expect("serde_json serializes it");
    assert_eq!(decoder.decode(&tape), expected, "{what}");
}

fn to_value(json: &Json) -> Value {
    serde_json::from_str(&json.to_string()).expect("vector input deserializes")
}

fn check_file<T: Serialize>(
    decoder: &mut Decoder,
    file: &str,
    run: impl Fn(&Value, Option<&Value>) -> Result<T, credit_calculator::error::Problems>,
) -> usize {
    let cases = common::cases(file);
    for case in &cases {
        let input = to_value(&case.input);
        let policy = case.policy.as_ref().map(to_value);
        match run(&input, policy.as_ref()) {
            Ok(result) => same(decoder, &result, &case.name),
            Err(problems) => same(decoder, &problems, &case.name),
        }
    }
    cases.len()
}

#[test]
fn every_vector_result_reads_back_as_serde_json_has_it() {
    tape::forget_keys();
    let mut d = Decoder::default();
    // One call per vector file; each engine's result is a type of its own.
    macro_rules! check_files {
        ($($file:ident => $run:path),* $(,)?) => { 0 $(+ check_file(&mut d, common::$file, $run))* };
    }
    let ran = check_files!(
        DISCOUNT_COST => credit_calculator::discount::run,
        SCORE_CUSTOMER => credit_calculator::score::run,
        RECOMMEND_LIMIT => credit_calculator::limit::run,
        PAYMENT_SCHEDULE => credit_calculator::schedule::run,
        LATE_INTEREST => credit_calculator::late::run,
        DSO => credit_calculator::dso::run,
        SIMULATE_TERMS => credit_calculator::terms::run,
        ESTIMATE_PREMIUM => credit_calculator::insurance::run_estimate,
        CLAIM_PAYOUT => credit_calculator::insurance::run_claim,
        DEAL_CHECK => credit_calculator::deal::run,
        OVERDUE_PLAN => credit_calculator::overdue::run,
    );
    assert!(ran >= 115, "vector cases through the tape: {ran}");
    same(
        &mut d,
        credit_calculator::policy::default_policy(),
        "the default policy",
    );
}

#[test]
fn field_names_are_sent_once_per_instance() {
    tape::forget_keys();
    let mut d = Decoder::default();
    let input = to_value(&serde_json::json!({
        "asOf": "2026-11-22",
        "customer": { "profile": { "foundedOn": "2020-05-01", "employees": 45 } },
        "limit": { "expectedAnnualSales": "1825000", "termsDays": 30 },
    }));
    let result = credit_calculator::deal::run(&input, None).expect("a deal check");
    let expected = serde_json::to_value(&result).expect("serializes");
    let first = tape::encode(&result).expect("encodes");
    assert_eq!(
        first.ops.first(),
        Some(&1),
        "the first call tells the decoder to start over"
    );
    assert_eq!(d.decode(&first), expected);
    assert!(
        d.introduced > 50,
        "the first call names its fields: {}",
        d.introduced
    );
    let second = tape::encode(&result).expect("encodes");
    assert_eq!(second.ops.first(), Some(&0));
    assert_eq!(d.decode(&second), expected);
    assert_eq!(d.introduced, 0, "the second call sends ids only");
    assert!(
        second.ops.len() < first.ops.len(),
        "ids are shorter than names"
    );
    assert!(second.text.len() < first.text.len());
    // After a decoder failure the instance forgets, and the next tape names everything again.
    tape::forget_keys();
    let again = tape::encode(&result).expect("encodes");
    assert_eq!(again.ops, first.ops);
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i32, String),
    Struct {
        first_field: Option<bool>,
        second: (),
    },
}

#[derive(Serialize)]
struct Wrapper(u64);

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Everything {
    shapes: Vec<Shape>,
    by_number: BTreeMap<u32, &'static str>,
    by_text: BTreeMap<String, i64>,
    wrapper: Wrapper,
    tuple: (char, f64, bool),
    numbers: Vec<i64>,
    big: u64,
    text: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    empty: Vec<u8>,
    nothing: Option<u8>,
}

#[test]
fn every_shape_serde_makes_reads_back() {
    tape::forget_keys();
    let mut d = Decoder::default();
    let value = Everything {
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-3, "三".into()),
            Shape::Struct {
                first_field: Some(false),
                second: (),
            },
        ],
        by_number: [(1, "one"), (20, "twenty")].into_iter().collect(),
        by_text: [
            ("__proto__".to_string(), -1),
            ("中文 😀 key".to_string(), 2),
        ]
        .into_iter()
        .collect(),
        wrapper: Wrapper(u64::from(u32::MAX)),
        tuple: ('😀', 1.5, true),
        numbers: vec![
            0,
            -1,
            i64::from(u32::MAX) + 1,
            (1 << 53) - 1,
            -((1 << 53) - 1),
        ],
        big: 1 << 40,
        // Characters outside the BMP take two UTF-16 units: later offsets must still be right.
        text: "信用 😀 credit: 赊销",
        skipped: None,
        empty: vec![],
        nothing: None,
    };
    same(&mut d, &value, "every shape");
    same(&mut d, &value, "every shape, names known");
}

#[test]
fn a_number_js_cannot_hold_is_an_error_and_forgets_the_names_it_introduced() {
    tape::forget_keys();
    #[derive(Serialize)]
    struct TooBig {
        fine: u8,
        big: u64,
    }
    let error = tape::encode(&TooBig {
        fine: 1,
        big: 1 << 53,
    })
    .expect_err("2^53 is not exact in JS");
    assert!(error.to_string().contains("9007199254740992"), "{error}");
    assert!(tape::encode(&(-(1i64 << 53))).is_err());
    // Map keys JS would write otherwise than Rust are refused, as serde-wasm-bindgen did.
    let float_key: BTreeMap<String, BTreeMap<i8, u8>> =
        [("a".to_string(), [(-1, 1)].into_iter().collect())]
            .into_iter()
            .collect();
    assert!(tape::encode(&float_key).is_err());
    // The failed call sent nothing: the next one starts over and names its fields.
    let next = tape::encode(&TooBig { fine: 1, big: 2 }).expect("encodes");
    assert_eq!(next.ops.first(), Some(&1));
    let mut d = Decoder::default();
    assert_eq!(d.decode(&next), serde_json::json!({ "fine": 1, "big": 2 }));
}

proptest::proptest! {
    #[test]
    fn whatever_the_engine_answers_reads_back(
        customer in arbitrary::arbitrary_value(),
        limit in arbitrary::arbitrary_value(),
        terms in arbitrary::arbitrary_value(),
        insurance in arbitrary::arbitrary_value(),
    ) {
        tape::forget_keys();
        let mut d = Decoder::default();
        let input = Value::Object(vec![
            ("asOf".into(), Value::String("2026-11-22".into())),
            ("customer".into(), customer.clone()),
            ("limit".into(), limit),
            ("terms".into(), terms.clone()),
            ("insurance".into(), insurance),
        ]);
        match credit_calculator::deal::run(&input, None) {
            Ok(result) => same(&mut d, &result, "deal check"),
            Err(problems) => same(&mut d, &problems, "deal check's problems"),
        }
        match credit_calculator::overdue::run(&terms, None) {
            Ok(result) => same(&mut d, &result, "overdue plan"),
            Err(problems) => same(&mut d, &problems, "overdue plan's problems"),
        }
        match credit_calculator::policy::read_policy(&customer) {
            Ok(policy) => same(&mut d, &policy, "policy"),
            Err(problems) => same(&mut d, &problems, "policy's problems"),
        }
    }
}
