//! Map keys as serde_json writes them: a string as it is, a number or a yes/no quoted.

use std::fmt;

use serde::ser::{self, Serialize};

use super::{Unwritable, integer, string};

/// A map key: a string as it is, a number or a yes/no quoted (as serde_json writes keys);
/// anything else cannot be a key.
pub(super) struct Key<'o> {
    pub(super) out: &'o mut String,
}

impl Key<'_> {
    #[expect(
        clippy::unnecessary_wraps,
        reason = "the value of every `serialize_…` of a key"
    )]
    fn quoted(self, n: impl fmt::Display) -> Result<(), Unwritable> {
        self.out.push('"');
        integer(self.out, n);
        self.out.push('"');
        Ok(())
    }
}

fn not_a_key<T>() -> Result<T, Unwritable> {
    Err(Unwritable(String::from("key must be a string")))
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = ser::Impossible<(), Unwritable>;
    type SerializeTuple = ser::Impossible<(), Unwritable>;
    type SerializeTupleStruct = ser::Impossible<(), Unwritable>;
    type SerializeTupleVariant = ser::Impossible<(), Unwritable>;
    type SerializeMap = ser::Impossible<(), Unwritable>;
    type SerializeStruct = ser::Impossible<(), Unwritable>;
    type SerializeStructVariant = ser::Impossible<(), Unwritable>;

    fn serialize_bool(self, v: bool) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unwritable> {
        self.quoted(v)
    }
    // a float key is rare: serde_json's writing of it is left to serde_json
    fn serialize_f32(self, _v: f32) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unwritable> {
        not_a_key()
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
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Unwritable> {
        not_a_key()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        not_a_key()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unwritable> {
        not_a_key()
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unwritable> {
        not_a_key()
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        not_a_key()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        not_a_key()
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unwritable> {
        not_a_key()
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        not_a_key()
    }
}
