//! An input's way in from JS in two crossings: `encodeInput` in `src/tape.js` walks the JS
//! value and writes it as `u32` words and one text, which [`read`] turns into a [`Value`].
//!
//! Why: read with js_sys, one call into JS for every object's entries, key, string and
//! number, our policy (14 KB as compact JSON) took about 0.6 ms in Node on every call that
//! passed it, more than any calculation; a deal check's input about 16 µs of its 175. JS
//! walks the policy in about 90 µs, the deal check's input in 2.
//!
//! The words, depth first; each string (a key, a string, a number's text) is its length in
//! UTF-16 code units (JS's), its characters the next ones of the text:
//! - `NULL` (also `undefined`), `TRUE`, `FALSE`;
//! - `STRING length`;
//! - `NUMBER length`: the text JS writes for the number (`String(n)`), or a BigInt's
//!   digits, so no amount passes through a binary float in Rust;
//! - `ARRAY count`, then the items;
//! - `OBJECT count`, then for each own enumerable entry its key (`length`) and value;
//! - where the walk stopped: `TOO_DEEP` (nested past [`MAX_DEPTH`], such as a cyclic
//!   object), `UNREADABLE` (a symbol or a function), `TOO_LONG` (an array longer than
//!   [`MAX_ITEMS`]) or `THREW length` (a getter or proxy threw; its message). `THREW` as
//!   the only word says the encoder failed on the whole input (a text past JS's longest
//!   string), with JS's message.
//!
//! A lone surrogate is U+FFFD before the strings are joined (one code unit, as it was: so
//! two halves of different strings cannot pair up), as wasm-bindgen's passing of a single
//! string had it. Nothing is trusted: words that end early or are left over, a length past
//! the text's end or inside a character give an `INTERNAL` problem, never a panic.

use crate::error::{code, Problem};
use crate::value::{Value, MAX_DEPTH, TOO_DEEP_MESSAGE};

pub const NULL: u32 = 0;
pub const TRUE: u32 = 1;
pub const FALSE: u32 = 2;
pub const STRING: u32 = 3;
pub const NUMBER: u32 = 5;
pub const ARRAY: u32 = 6;
pub const OBJECT: u32 = 7;
pub const TOO_DEEP: u32 = 8;
pub const UNREADABLE: u32 = 9;
pub const TOO_LONG: u32 = 10;
pub const THREW: u32 = 11;

/// The longest array read. No input needs more; a sparse array's `length` can claim four
/// billion items, which would exhaust the wasm's memory.
pub const MAX_ITEMS: usize = 1_000_000;

/// The most items or entries room is made for before they are read.
const ROOM: usize = 1024;

/// The value the words describe, or the problem where the walk stopped, with its path
/// (`customer.financials.revenue`, `invoices[3].amount`).
pub fn read(words: &[u32], text: &str) -> Result<Value, Problem> {
    let mut reader = Reader { words, at: 0, text };
    let value = reader.value(0)?;
    // A whole value uses every word and all of the text, or the two sides disagree.
    if reader.at != words.len() || !reader.text.is_empty() {
        return Err(broken());
    }
    Ok(value)
}

struct Reader<'a> {
    words: &'a [u32],
    at: usize,
    /// What is left of the text.
    text: &'a str,
}

fn broken() -> Problem {
    Problem::new(
        code::INTERNAL,
        "",
        "the input could not be passed to the engine",
    )
}

impl Reader<'_> {
    fn word(&mut self) -> Result<u32, Problem> {
        let word = self.words.get(self.at).copied().ok_or_else(broken)?;
        self.at += 1;
        Ok(word)
    }

    /// How many items or entries follow, and how many to make room for at once: no more than
    /// there are words left (each takes one at least; a walk that stopped early leaves fewer
    /// than its count) nor than [`ROOM`], since nested collections would each reserve
    /// against the same words left. Longer ones grow as they are read.
    fn count(&mut self) -> Result<(usize, usize), Problem> {
        let n = self.word()? as usize;
        Ok((n, n.min(self.words.len().saturating_sub(self.at)).min(ROOM)))
    }

    fn text(&mut self) -> Result<String, Problem> {
        let units = self.word()? as usize;
        // ASCII, the usual case: a code unit is a byte, sliced without walking characters.
        let bytes = match self.text.as_bytes().get(..units) {
            Some(head) if head.is_ascii() => units,
            _ => {
                let mut counted = 0;
                let mut bytes = 0;
                for c in self.text.chars() {
                    if counted >= units {
                        break;
                    }
                    counted += c.len_utf16();
                    bytes += c.len_utf8();
                }
                if counted != units {
                    return Err(broken());
                }
                bytes
            }
        };
        let (this, rest) = self.text.split_at_checked(bytes).ok_or_else(broken)?;
        self.text = rest;
        Ok(this.to_string())
    }

    fn value(&mut self, depth: usize) -> Result<Value, Problem> {
        if depth > MAX_DEPTH {
            return Err(Problem::new(code::TOO_DEEP, "", TOO_DEEP_MESSAGE));
        }
        Ok(match self.word()? {
            NULL => Value::Null,
            TRUE => Value::Bool(true),
            FALSE => Value::Bool(false),
            STRING => Value::String(self.text()?),
            NUMBER => Value::Number(self.text()?),
            ARRAY => {
                let (n, room) = self.count()?;
                let mut items = Vec::with_capacity(room);
                for i in 0..n {
                    items.push(self.value(depth + 1).map_err(|p| p.under_index(i))?);
                }
                Value::Array(items)
            }
            OBJECT => {
                let (n, room) = self.count()?;
                let mut fields = Vec::with_capacity(room);
                for _ in 0..n {
                    let key = self.text()?;
                    let value = self.value(depth + 1).map_err(|p| p.under(&key))?;
                    fields.push((key, value));
                }
                Value::Object(fields)
            }
            TOO_DEEP => return Err(Problem::new(code::TOO_DEEP, "", TOO_DEEP_MESSAGE)),
            UNREADABLE => {
                return Err(Problem::new(
                    code::UNREADABLE,
                    "",
                    "is not plain data (a symbol or a function)",
                ))
            }
            TOO_LONG => {
                return Err(Problem::new(
                    code::TOO_LONG,
                    "",
                    format!("has more than {MAX_ITEMS} items"),
                ))
            }
            THREW => {
                let message = self.text()?;
                return Err(Problem::new(
                    code::UNREADABLE,
                    "",
                    format!("could not be read: {message}"),
                ));
            }
            _ => return Err(broken()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words and text as encodeInput writes them, from a little language: a string item
    /// `"…"` is its length (and its text), anything else a word.
    enum W<'a> {
        W(u32),
        S(&'a str),
    }
    use W::{S, W as N};

    fn tape(items: &[W]) -> (Vec<u32>, String) {
        let mut words = Vec::new();
        let mut text = String::new();
        for item in items {
            match item {
                N(w) => words.push(*w),
                S(s) => {
                    words.push(s.encode_utf16().count() as u32);
                    text.push_str(s);
                }
            }
        }
        (words, text)
    }

    fn read_tape(items: &[W]) -> Result<Value, Problem> {
        let (words, text) = tape(items);
        read(&words, &text)
    }

    #[test]
    fn reads_every_kind_of_value() {
        for name in ["a", "名称"] {
            let items = [
                N(OBJECT),
                N(3),
                S(name),
                N(ARRAY),
                N(4),
                N(NULL),
                N(TRUE),
                N(FALSE),
                N(NUMBER),
                S("0.1"),
                S("b"),
                N(STRING),
                S("𝔘 ok"),
                S("e"),
                N(OBJECT),
                N(0),
            ];
            assert_eq!(
                read_tape(&items),
                Ok(Value::Object(vec![
                    (
                        name.into(),
                        Value::Array(vec![
                            Value::Null,
                            Value::Bool(true),
                            Value::Bool(false),
                            Value::Number("0.1".into()),
                        ])
                    ),
                    ("b".into(), Value::String("𝔘 ok".into())),
                    ("e".into(), Value::Object(vec![])),
                ]))
            );
        }
    }

    #[test]
    fn lengths_count_utf16_units_whatever_the_text() {
        // "𝔘" is two units; U+FFFD (a lone surrogate, after crossing) is one.
        assert_eq!(
            read(&[ARRAY, 3, STRING, 2, STRING, 3, STRING, 1], "𝔘a\u{FFFD}bc"),
            Ok(Value::Array(vec![
                Value::String("𝔘".into()),
                Value::String("a\u{FFFD}b".into()),
                Value::String("c".into()),
            ]))
        );
    }

    #[test]
    fn where_the_walk_stopped_is_reported_with_its_path() {
        let p = read_tape(&[
            N(OBJECT),
            N(1),
            S("invoices"),
            N(ARRAY),
            N(2),
            N(NULL),
            N(OBJECT),
            N(1),
            S("amount"),
            N(THREW),
            S("no"),
        ])
        .unwrap_err();
        assert_eq!(
            (p.code, p.field.as_str(), p.message.as_str()),
            (
                code::UNREADABLE,
                "invoices[1].amount",
                "could not be read: no"
            )
        );
        for (stop, want) in [
            (TOO_DEEP, code::TOO_DEEP),
            (UNREADABLE, code::UNREADABLE),
            (TOO_LONG, code::TOO_LONG),
        ] {
            let p = read_tape(&[N(OBJECT), N(1), S("x"), N(stop)]).unwrap_err();
            assert_eq!((p.code, p.field.as_str()), (want, "x"));
        }
    }

    #[test]
    fn a_walk_stopped_early_leaves_fewer_words_than_its_counts() {
        // `[() => 1, 2, 3]`: the walk stops at the function, before the later items.
        let p = read(&[ARRAY, 3, UNREADABLE], "").unwrap_err();
        assert_eq!((p.code, p.field.as_str()), (code::UNREADABLE, "[0]"));
        // A cyclic object with four keys, stopped at the first key's depth limit.
        let mut items = Vec::new();
        for _ in 0..=MAX_DEPTH {
            items.extend([N(OBJECT), N(4), S("p")]);
        }
        items.push(N(TOO_DEEP));
        let p = read_tape(&items).unwrap_err();
        assert_eq!(p.code, code::TOO_DEEP);
        assert!(p.field.starts_with("p.p.p."), "{}", p.field);
    }

    #[test]
    fn nesting_past_the_limit_is_refused_even_if_the_words_go_on() {
        let mut words = Vec::new();
        for _ in 0..=MAX_DEPTH {
            words.extend([ARRAY, 1]);
        }
        words.push(NULL);
        assert_eq!(read(&words, "").unwrap_err().code, code::TOO_DEEP);
        assert!(read(&words[2..], "").is_ok());
    }

    #[test]
    fn broken_words_are_an_internal_problem_never_a_panic() {
        for (words, text) in [
            (&[][..], ""),
            (&[ARRAY, u32::MAX][..], ""),
            (&[OBJECT, 2, 1][..], "a"),
            (&[STRING, 5][..], "abc"),
            (&[STRING, 1][..], "𝔘"),
            (&[STRING, 2][..], "a"),
            (&[STRING, u32::MAX][..], "é"),
            (&[42][..], ""),
            (&[NUMBER][..], ""),
            // Left over: words, text.
            (&[NULL, NULL][..], ""),
            (&[NULL][..], "a"),
            (&[ARRAY, 1, NULL, NULL][..], ""),
        ] {
            assert_eq!(
                read(words, text).unwrap_err().code,
                code::INTERNAL,
                "{words:?} {text:?}"
            );
        }
    }
}
