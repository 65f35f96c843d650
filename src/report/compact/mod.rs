//! Compact JSON written straight into a `String`, byte for byte what `serde_json::to_string`
//! writes, for any `Serialize` value: the report line's writer. It is faster because strings
//! are escaped eight bytes at a time (a report is mostly plain text: runs without a quote, a
//! backslash or a control character are copied in one go), and keys and small values are
//! pushed without going through `io::Write`. Floats, and anything this writer does not know,
//! are left to serde_json itself, so the bytes stay serde_json's.

use std::fmt;

use serde::ser::{self, Serialize};

use crate::check::json::plain_until;

mod key;
use key::Key;

/// Why a value could not be written (a map key that is not a string or a number, or a value's
/// own `Serialize` error): the caller then writes it with serde_json, which says why.
#[derive(Debug)]
pub(crate) struct Unwritable(String);

impl fmt::Display for Unwritable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unwritable(msg.to_string())
    }
}

/// Append `value` as compact JSON to `out`; on an error `out` holds a part of it.
pub(crate) fn write<T: Serialize + ?Sized>(value: &T, out: &mut String) -> Result<(), Unwritable> {
    value.serialize(Writer { out })
}

/// `text` as a JSON string, quoted and escaped as serde_json escapes it: `"` and `\` with a
/// backslash, the control characters `\b \t \n \f \r` by their letter and the others as
/// `\u00xx`; everything else, non-ASCII included, as it is.
pub(crate) fn string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    loop {
        let i = plain_until(bytes, start);
        let Some(&byte) = bytes.get(i) else { break };
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x09 => "\\t",
            0x0A => "\\n",
            0x0C => "\\f",
            0x0D => "\\r",
            _ => "",
        };
        // escapes are ASCII, so `start..i` falls on character boundaries
        out.push_str(text.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(
                HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(byte & 0xF)).copied().unwrap_or(b'0'),
            ));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
    out.push('"');
}

/// A number as serde_json writes it (`itoa`'s digits are `Display`'s).
fn integer(out: &mut String, n: impl fmt::Display) {
    use fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// A whole number's digits, without the formatting machinery (the common case: offsets,
/// lengths, line numbers).
fn unsigned(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        if let Some(d) = digits.get_mut(at) {
            // `n % 10` is below 10
            *d = b'0' + u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits.get(at..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// A value serde_json writes its own way (floats): written by serde_json, appended.
fn by_serde_json<T: Serialize + ?Sized>(out: &mut String, value: &T) -> Result<(), Unwritable> {
    let text = serde_json::to_string(value).map_err(|e| Unwritable(e.to_string()))?;
    out.push_str(&text);
    Ok(())
}

/// The serializer: compact JSON appended to `out`.
struct Writer<'o> {
    out: &'o mut String,
}

/// An array, an object or a struct being written: whether a member was written yet.
pub(crate) struct Compound<'o> {
    out: &'o mut String,
    first: bool,
    /// The brackets still to close (`]`, `}`, or `}}` of a variant).
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.out.push(',');
        }
    }

    fn key(&mut self, key: &str) {
        self.comma();
        string(self.out, key);
        self.out.push(':');
    }
}

impl<'o> Writer<'o> {
    fn open(self, open: &str, close: &'static str) -> Compound<'o> {
        self.out.push_str(open);
        Compound {
            out: self.out,
            first: true,
            close,
        }
    }

    /// `{"variant":` before a variant's value.
    fn variant(&mut self, variant: &str) {
        self.out.push('{');
        string(self.out, variant);
        self.out.push(':');
    }
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Compound<'o>;
    type SerializeTupleVariant = Compound<'o>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = Compound<'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Unwritable> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Unwritable> {
        if v < 0 {
            self.out.push('-');
        }
        unsigned(self.out, v.unsigned_abs());
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Unwritable> {
        unsigned(self.out, v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Unwritable> {
        integer(self.out, v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Unwritable> {
        by_serde_json(self.out, &v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Unwritable> {
        by_serde_json(self.out, &v)
    }

    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        string(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unwritable> {
        by_serde_json(self.out, v)
    }

    fn serialize_none(self) -> Result<(), Unwritable> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.out.push_str("null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unwritable> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        string(self.out, variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.variant(variant);
        value.serialize(Writer {
            out: &mut *self.out,
        })?;
        self.out.push('}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("[", "]"))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'o>, Unwritable> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        self.variant(variant);
        Ok(self.open("[", "]}"))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("{", "}"))
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("{", "}"))
    }

    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        self.variant(variant);
        Ok(self.open("{", "}}"))
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.comma();
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn close(self) {
        self.out.push_str(self.close);
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.element(value)
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.comma();
        key.serialize(Key {
            out: &mut *self.out,
        })?;
        self.out.push(':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.key(key);
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        self.key(key);
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn end(self) -> Result<(), Unwritable> {
        self.close();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
        let mut out = String::new();
        write(value, &mut out).expect("writable");
        assert_eq!(
            out,
            serde_json::to_string(value).expect("serde_json writes it")
        );
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_byte: String = (0u8..=0x7F).map(char::from).collect();
        same_as_serde_json(&every_byte);
        for text in [
            "",
            "plain",
            "exactly8",
            "seventeen bytes!!",
            "a \"quoted\" word and a \\ backslash",
            "Казахстан: «вид на жительство»\n\tтаб",
            "\u{0}\u{1f}\u{7f}\u{80}\u{FEFF}",
            "long run of plain text that goes on for many words before an escape\"",
        ] {
            same_as_serde_json(text);
        }
    }

    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        #[derive(serde::Serialize)]
        enum Variant {
            Unit,
            New(u8),
            Tuple(u8, i64),
            Struct { a: Option<String> },
        }
        #[derive(serde::Serialize)]
        struct All {
            b: bool,
            n: i64,
            u: u64,
            f: f64,
            nan: f64,
            c: char,
            none: Option<u8>,
            some: Option<&'static str>,
            list: Vec<Variant>,
            map: std::collections::BTreeMap<u32, bool>,
            strings: std::collections::BTreeMap<String, u8>,
            bytes: &'static [u8],
            unit: (),
        }
        same_as_serde_json(&All {
            b: true,
            n: i64::MIN,
            u: u64::MAX,
            f: 1.5e300,
            nan: f64::NAN,
            c: '"',
            none: None,
            some: Some("x"),
            list: vec![
                Variant::Unit,
                Variant::New(3),
                Variant::Tuple(1, -2),
                Variant::Struct { a: None },
            ],
            map: [(1, true), (20, false)].into_iter().collect(),
            strings: [(String::from("k\n"), 0)].into_iter().collect(),
            bytes: b"ab",
            unit: (),
        });
        same_as_serde_json(&Vec::<u8>::new());
        same_as_serde_json(&serde_json::json!({"a": [1, 2.5, null, {"b": {}}]}));
    }

    /// The report of every example bundle and of every line of the benches' data, written
    /// here, is byte for byte the one serde_json writes (the report contract's bytes).
    #[test]
    fn every_shipped_bundle_reports_as_serde_json_writes_it() {
        let rules = crate::RuleSet::shipped().expect("the shipped rules compile");
        let batch = crate::batch::Batch::new(&rules);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut bundles: Vec<Vec<u8>> = Vec::new();
        for dir in ["examples/bundles", "benches/data"] {
            let entries = std::fs::read_dir(format!("{root}/{dir}")).expect("the folder is there");
            for entry in entries.flatten() {
                let Ok(bytes) = std::fs::read(entry.path()) else {
                    continue;
                };
                if entry.path().extension().is_some_and(|e| e == "ndjson") {
                    bundles.extend(bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec));
                } else {
                    bundles.push(bytes);
                }
            }
        }
        assert!(bundles.len() > 1_000, "{} bundles", bundles.len());
        for bundle in &bundles {
            let checked = batch.check(bundle);
            same_as_serde_json(&checked.report);
        }
    }
}
