//! A result's way out to JS in one crossing: serialized into a tape of `u32` words and one
//! string of text, which `src/tape.js` turns into plain objects. (Inputs come in the other
//! way on a tape of their own: [`input`].)
//!
//! Why not serde-wasm-bindgen (used before): it builds the result from inside the wasm, one
//! call into JS for every object, key and string. A deal check's result has 80 objects,
//! 441 keys and 312 strings; built that way it took longer than calculating it (149 µs of
//! 236 in Node). Now writing the tape takes 49 µs and building the object from it 35: 84 µs
//! in all (as JSON text, `JSON.parse` alone took 46). `npm run bench`: `dealCheck` went
//! from 1.24 to 0.92 times native in Chromium (174 → 130 µs), the other exports by 9–27 %
//! (less where the result is small), and each build of the wasm got up to 5 KB gzipped
//! smaller.
//!
//! Unlike serde-wasm-bindgen, 128-bit integers come out as numbers (or an error past 2⁵³),
//! not BigInts; the engine sends none.
//!
//! The words, after a header word (1: forget the keys of earlier calls, 0: keep them):
//! - `NULL`, `TRUE`, `FALSE`;
//! - `STRING offset length`: a slice of the text, counted in UTF-16 code units (JS's);
//! - `INT n`: a whole number from 0 to 2³²−1;
//! - `NUMBER offset length`: any other number, as its text (`Number(text)` in JS);
//! - `ARRAY count`, then the items;
//! - `OBJECT count`, then for each entry a key and a value. A key is an id the decoder
//!   already knows, `KEY_NEW id offset length` (a struct's field name, met for the first
//!   time: kept on both sides for later calls) or `KEY_TEXT offset length` (a map's key).
//!
//! Field names are `&'static str`, so the same name is the same address each time: each is
//! sent once per engine instance, and later calls send its id. JS makes a property name into
//! a key of its own on first use, which is most of what building an object costs; a known
//! key skips that. The ids live in this instance's memory and, in JS, with its wasm memory.

pub mod input;

use std::cell::RefCell;
use std::fmt::Display;

use serde::ser::{self, Serialize};

pub const NULL: u32 = 0;
pub const TRUE: u32 = 1;
pub const FALSE: u32 = 2;
pub const STRING: u32 = 3;
pub const INT: u32 = 4;
pub const NUMBER: u32 = 5;
pub const ARRAY: u32 = 6;
pub const OBJECT: u32 = 7;
pub const KEY_NEW: u32 = u32::MAX;
pub const KEY_TEXT: u32 = u32::MAX - 1;

/// The largest whole number a JS number holds exactly (2⁵³ − 1).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

#[derive(Debug)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub text: String,
    /// The text's length in UTF-16 code units.
    units: u32,
}

impl Tape {
    fn push_text(&mut self, s: &str) -> Result<(), Error> {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        let units = u32::try_from(units).map_err(|_| Error::too_long())?;
        let end = self.units.checked_add(units).ok_or_else(Error::too_long)?;
        self.ops.push(self.units);
        self.ops.push(units);
        self.text.push_str(s);
        self.units = end;
        Ok(())
    }
}

/// A field name by its address and length; (0, 0) marks an empty slot.
type Name = (usize, usize);

/// Field names sent to this instance's decoder: (name, id), found by open addressing on a
/// power-of-two table (a binary search was a third of the tape's time).
#[derive(Default)]
struct Keys {
    slots: Vec<(Name, u32)>,
    len: u32,
}

impl Keys {
    /// The slot holding `address`, or the empty one where it would go.
    fn slot(&self, address: Name) -> usize {
        let mask = self.slots.len().wrapping_sub(1);
        let mut i = ((address.0 as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while let Some((a, _)) = self.slots.get(i) {
            if *a == address || *a == (0, 0) {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, address: Name) -> Option<u32> {
        match self.slots.get(self.slot(address)) {
            Some((a, id)) if *a == address => Some(*id),
            _ => None,
        }
    }

    fn insert(&mut self, address: Name) -> u32 {
        if (self.len as usize + 1) * 2 > self.slots.len() {
            let size = (self.slots.len() * 2).max(512);
            let old = std::mem::replace(&mut self.slots, vec![((0, 0), 0); size]);
            for (a, id) in old.into_iter().filter(|(a, _)| *a != (0, 0)) {
                let i = self.slot(a);
                if let Some(slot) = self.slots.get_mut(i) {
                    *slot = (a, id);
                }
            }
        }
        let id = self.len;
        let i = self.slot(address);
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = (address, id);
            self.len += 1;
        }
        id
    }
}

thread_local! {
    static KEYS: RefCell<Keys> = RefCell::new(Keys::default());
}

/// After the decoder failed: it may not hold every key sent, so the next call starts over.
pub fn forget_keys() {
    KEYS.with(|k| *k.borrow_mut() = Keys::default());
}

#[derive(Debug)]
pub struct Error(String);

impl Error {
    fn too_long() -> Self {
        Error("the result is too long to send".into())
    }
}

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `value` as a tape. The field names it introduces are kept for the next call only if it
/// succeeds.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
    let mut keys = KEYS.with(|k| std::mem::take(&mut *k.borrow_mut()));
    let before = keys.len;
    let mut writer = Writer {
        // A deal check's result takes about 2,500 words and 6 KB of text: no regrowing.
        tape: Tape {
            ops: Vec::with_capacity(4096),
            text: String::with_capacity(8192),
            units: 0,
        },
        keys: &mut keys,
    };
    writer.tape.ops.push(u32::from(before == 0));
    let result = value.serialize(&mut writer).map(|()| writer.tape);
    if result.is_err() {
        // It may have named fields no decoder was sent: the next call starts over.
        keys = Keys::default();
    }
    KEYS.with(|k| *k.borrow_mut() = keys);
    result
}

pub struct Writer<'k> {
    tape: Tape,
    keys: &'k mut Keys,
}

impl<'k> Writer<'k> {
    fn number_text(&mut self, text: &str) -> Result<(), Error> {
        self.tape.ops.push(NUMBER);
        self.tape.push_text(text)
    }

    fn whole(&mut self, negative: bool, magnitude: u128) -> Result<(), Error> {
        match u32::try_from(magnitude) {
            Ok(n) if !negative => {
                self.tape.ops.extend([INT, n]);
                Ok(())
            }
            _ if magnitude <= u128::from(MAX_SAFE_INTEGER) => {
                let sign = if negative { "-" } else { "" };
                self.number_text(&format!("{sign}{magnitude}"))
            }
            _ => Err(Error(format!(
                "{}{magnitude} can't be represented as a JavaScript number",
                if negative { "-" } else { "" }
            ))),
        }
    }

    /// Opens an array or object: its count is written when it closes.
    fn open(&mut self, tag: u32) -> Compound<'_, 'k> {
        self.tape.ops.extend([tag, 0]);
        let at = self.tape.ops.len() - 1;
        Compound {
            writer: self,
            at,
            count: 0,
        }
    }

    /// Infallible, unlike `push_text`: a name is in the program, and no text in wasm memory
    /// has 2³² UTF-16 units (a unit takes at least a byte). An error here would have cost a
    /// branch in every field's serializer: 1.7 KB gzipped.
    fn field_name(&mut self, name: &'static str) {
        // Never (0, 0), the empty slot: a name is at a non-zero address.
        let address = (name.as_ptr() as usize, name.len());
        match self.keys.get(address) {
            Some(id) => self.tape.ops.push(id),
            None => {
                let id = self.keys.insert(address);
                self.tape.ops.extend([KEY_NEW, id]);
                let _ = self.tape.push_text(name);
            }
        }
    }

    /// `{ name: …`: an enum variant's wrapper, around the content written next.
    fn variant_name(&mut self, name: &'static str) {
        self.tape.ops.extend([OBJECT, 1]);
        self.field_name(name);
    }
}

/// An array or object being written; `at` is its count's word.
pub struct Compound<'w, 'k> {
    writer: &'w mut Writer<'k>,
    at: usize,
    count: u32,
}

impl Compound<'_, '_> {
    fn close(self) -> Result<(), Error> {
        if let Some(word) = self.writer.tape.ops.get_mut(self.at) {
            *word = self.count;
        }
        Ok(())
    }

    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.writer)
    }
}

impl<'a, 'k> ser::Serializer for &'a mut Writer<'k> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'k>;
    type SerializeTuple = Compound<'a, 'k>;
    type SerializeTupleStruct = Compound<'a, 'k>;
    type SerializeTupleVariant = Compound<'a, 'k>;
    type SerializeMap = Compound<'a, 'k>;
    type SerializeStruct = Compound<'a, 'k>;
    type SerializeStructVariant = Compound<'a, 'k>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tape.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i128(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i128(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i128(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.serialize_i128(v.into())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.whole(v < 0, v.unsigned_abs())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u128(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u128(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u128(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_u128(v.into())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.whole(false, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // Rust writes a finite number in a form `Number()` reads back exactly.
        let text = if v.is_nan() {
            "NaN".to_string()
        } else if v.is_infinite() {
            (if v > 0.0 { "Infinity" } else { "-Infinity" }).to_string()
        } else {
            v.to_string()
        };
        self.number_text(&text)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.tape.ops.push(STRING);
        self.tape.push_text(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut array = self.open(ARRAY);
        for b in v {
            array.item(b)?;
        }
        array.close()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tape.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_name(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a, 'k>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a, 'k>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'k>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'k>, Error> {
        self.variant_name(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a, 'k>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a, 'k>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a, 'k>, Error> {
        self.variant_name(variant);
        Ok(self.open(OBJECT))
    }
}

/// The sequences serde names four ways (a Vec, a tuple, a tuple struct, a tuple variant):
/// each an array of its items.
macro_rules! sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    /// A map's key: text, or a whole number from 0 to 2³²−1 written out (the same text in Rust
    /// and JS). Anything else is refused, as serde-wasm-bindgen refused every key not text:
    /// Rust and JS write some numbers differently (1e21, −0).
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.count += 1;
        let at = self.writer.tape.ops.len();
        key.serialize(&mut *self.writer)?;
        let tape = &mut self.writer.tape;
        let written: Vec<u32> = tape.ops.drain(at..).collect();
        let text = match written[..] {
            [STRING, offset, length] => {
                tape.ops.extend([KEY_TEXT, offset, length]);
                return Ok(());
            }
            [INT, n] => n.to_string(),
            _ => return Err(Error("a map key must be text or a whole number".into())),
        };
        tape.ops.push(KEY_TEXT);
        tape.push_text(&text)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.count += 1;
        self.writer.field_name(key);
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}
