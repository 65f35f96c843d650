//! The bundle's text read in one pass into the borrowed tree (`check::json`), noting on the
//! way whether an object repeats a key, so that the walk that finds repeated keys runs only
//! on the rare bundle that has one. It reads valid JSON only, and gives the tree serde_json
//! gives: on anything else (a syntax error, a number serde_json would read as a float, a
//! `\u` escape of a surrogate, nesting deeper than serde_json reads at once) it gives up and
//! the bundle is read by serde_json instead, which says where and why it cannot be read. So
//! what a bundle is read as, and every error about it, stays serde_json's.

use std::borrow::Cow;

use crate::check::json::{Json, Members, plain_until};

/// Levels read here at most; deeper text is left to serde_json (and its depth limit).
const DEPTH: usize = 100;

/// An object with more members than this is checked for repeated keys with a set.
const FEW: usize = 16;

/// The tree of `text`, and whether any object in it repeats a key; `None` when the text is
/// not read here (serde_json then reads it).
pub(super) fn read(text: &str) -> Option<(Json<'_>, bool)> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        repeats: false,
        members: Vec::new(),
        items: Vec::new(),
    };
    reader.blank();
    let root = reader.value(0)?;
    reader.blank();
    (reader.at == reader.bytes.len()).then_some((root, reader.repeats))
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    repeats: bool,
    /// The members of the objects being read, innermost last: each object takes its own
    /// when it closes, in a vector of the right size.
    members: Vec<(Cow<'t, str>, Json<'t>)>,
    /// The same for the elements of arrays.
    items: Vec<Json<'t>>,
}

impl<'t> Reader<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn blank(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json<'t>) -> Option<Json<'t>> {
        if self.bytes.get(self.at..)?.starts_with(word.as_bytes()) {
            self.at += word.len();
            Some(value)
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json<'t>> {
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Json::String),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'n' => self.literal("null", Json::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json<'t>> {
        if depth > DEPTH {
            return None;
        }
        self.at += 1;
        let start = self.members.len();
        self.blank();
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(Json::Object(Members(Vec::new())));
        }
        loop {
            self.blank();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.blank();
            if self.peek()? != b':' {
                return None;
            }
            self.at += 1;
            self.blank();
            let value = self.value(depth)?;
            self.members.push((key, value));
            self.blank();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    break;
                }
                _ => return None,
            }
        }
        let members: Vec<_> = self.members.drain(start..).collect();
        if !self.repeats {
            self.repeats = repeats_a_key(&members);
        }
        Some(Json::Object(Members(members)))
    }

    fn array(&mut self, depth: usize) -> Option<Json<'t>> {
        if depth > DEPTH {
            return None;
        }
        self.at += 1;
        let start = self.items.len();
        self.blank();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(Json::Array(Vec::new()));
        }
        loop {
            self.blank();
            let value = self.value(depth)?;
            self.items.push(value);
            self.blank();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    break;
                }
                _ => return None,
            }
        }
        Some(Json::Array(self.items.drain(start..).collect()))
    }

    /// A string, the reader on its opening quote: borrowed from the text when it has no
    /// escape, as serde_json borrows it.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        self.at += 1;
        let start = self.at;
        self.at = plain_until(self.bytes, self.at);
        match self.peek()? {
            b'"' => {
                let text = self.text.get(start..self.at)?;
                self.at += 1;
                return Some(Cow::Borrowed(text));
            }
            b'\\' => {}
            _ => return None,
        }
        // an escape: the string is written out, as serde_json writes it
        let mut owned = String::from(self.text.get(start..self.at)?);
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(Cow::Owned(owned));
                }
                b'\\' => {
                    self.at += 1;
                    owned.push(self.escape()?);
                }
                _ => return None,
            }
            let run = self.at;
            self.at = plain_until(self.bytes, self.at);
            owned.push_str(self.text.get(run..self.at)?);
        }
    }

    /// The character of an escape, the reader past its backslash.
    fn escape(&mut self) -> Option<char> {
        let letter = self.peek()?;
        self.at += 1;
        if let Some(c) = crate::check::json::short_escape(letter) {
            return Some(c);
        }
        Some(match letter {
            b'u' => {
                let hex = self.text.get(self.at..self.at + 4)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                self.at += 4;
                // a surrogate (half of a pair, or alone) is left to serde_json
                char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
            }
            _ => return None,
        })
    }

    /// A number: a whole number that fits in 64 bits is read here, as serde_json reads it;
    /// any other (a fraction, an exponent, `-0`, a larger one) is read by serde_json itself.
    fn number(&mut self) -> Option<Json<'t>> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let digits = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        let whole = self.text.get(digits..self.at)?;
        if whole.is_empty() || (whole.len() > 1 && whole.starts_with('0')) {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            self.at += 1;
            while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            return self.by_serde_json(start);
        }
        let magnitude: u64 = match whole.parse() {
            Ok(n) => n,
            Err(_) => return self.by_serde_json(start),
        };
        if !negative {
            return Some(Json::Number(magnitude.into()));
        }
        match 0i64.checked_sub_unsigned(magnitude) {
            Some(n) if n != 0 => Some(Json::Number(n.into())),
            _ => self.by_serde_json(start),
        }
    }

    /// The number written from `start` to here, read by serde_json.
    fn by_serde_json(&self, start: usize) -> Option<Json<'t>> {
        let text = self.text.get(start..self.at)?;
        serde_json::from_str::<serde_json::Number>(text)
            .ok()
            .map(Json::Number)
    }
}

/// Whether a later member of the object has the key of an earlier one.
fn repeats_a_key(members: &[(Cow<'_, str>, Json<'_>)]) -> bool {
    if members.len() <= FEW {
        return members
            .iter()
            .enumerate()
            .any(|(i, (key, _))| members.iter().skip(i + 1).any(|(later, _)| later == key));
    }
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    !members.iter().all(|(key, _)| seen.insert(key.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_serde_json(text: &str) -> Option<Json<'_>> {
        serde_json::from_str(text).ok()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#,
            r" [ -1 , 18446744073709551615, -9223372036854775808, 0 ] ",
            r#"{"s": "esc \" \\ \/ \b \f \n \r \t \u0041 \u0416 \u20ac", "k\u0041": 1}"#,
            r#"{"rus": "Казахстан", "mixed": "a\tКаз\"x"}"#,
            r#"{"f": 1.5, "e": 1e3, "neg0": -0, "big": 18446744073709551616, "nbig": -9223372036854775809}"#,
            "{}",
            "[]",
            r#"{"a": {}, "b": []}"#,
        ] {
            let (tree, _) = read(text).unwrap_or_else(|| panic!("read: {text}"));
            assert_eq!(Some(tree), by_serde_json(text), "{text}");
        }
    }

    #[test]
    fn leaves_to_serde_json_what_it_does_not_read() {
        for text in [
            "",
            "{",
            r#"{"a": 1,}"#,
            "[1,]",
            r#"{"a" 1}"#,
            "01",
            "-",
            "1.",
            "tru",
            r#""\ud800""#,
            r#""\ud83d\ude00""#,
            "\"a\u{1}b\"",
            r#""\x""#,
            "{} {}",
            "1e400",
        ] {
            if let Some((tree, _)) = read(text) {
                // what is read here is read the same by serde_json
                assert_eq!(Some(tree), by_serde_json(text), "{text}");
            }
        }
        assert!(read(&"[".repeat(200)).is_none());
    }

    #[test]
    fn notes_a_repeated_key() {
        assert_eq!(read(r#"{"a": 1, "b": {"c": 1}}"#).map(|r| r.1), Some(false));
        assert_eq!(
            read(r#"{"a": 1, "b": {"c": 1, "c": 2}}"#).map(|r| r.1),
            Some(true)
        );
        assert_eq!(
            read(r#"[{"a": 1}, {"a": 2, "a": 3}]"#).map(|r| r.1),
            Some(true)
        );
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}}}", many.join(","));
        assert_eq!(read(&text).map(|r| r.1), Some(false));
        let text = format!("{{{}, \"k3\": 0}}", many.join(","));
        assert_eq!(read(&text).map(|r| r.1), Some(true));
    }

    /// Every example bundle and every line of the benches' data reads as serde_json reads it.
    #[test]
    fn reads_every_shipped_bundle_as_serde_json_does() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut texts = Vec::new();
        for dir in ["examples/bundles", "benches/data"] {
            let entries =
                std::fs::read_dir(format!("{root}/{dir}")).unwrap_or_else(|e| panic!("{dir}: {e}"));
            for entry in entries.flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                if entry.path().extension().is_some_and(|e| e == "ndjson") {
                    texts.extend(text.lines().map(String::from));
                } else {
                    texts.push(text);
                }
            }
        }
        assert!(texts.len() > 1_000, "{} bundles", texts.len());
        for text in &texts {
            match (read(text), by_serde_json(text)) {
                (Some((tree, _)), theirs) => assert_eq!(Some(tree), theirs, "{text}"),
                (None, theirs) => assert!(theirs.is_none(), "not read here: {text}"),
            }
        }
    }

    proptest::proptest! {
        /// A bundle changed at one place, valid or not: what is read here, serde_json reads
        /// the same; what serde_json cannot read, is not read here.
        #[test]
        fn a_changed_bundle_reads_as_serde_json_reads_it(
            at in 0usize..400,
            insert in proptest::bool::ANY,
            with in proptest::sample::select(vec![
                "\"", "\\", "{", "}", "[", "]", ",", ":", "0", "-", ".", "e", "E", "+", "u",
                " ", "\n", "a", "\u{1}", "\u{7f}", "é", "Ж", "\\u00", "\\ud83d", "1e999",
                "tr", "null", "-0", "18446744073709551616", "\\\"",
            ]),
        ) {
            let base = r#"{"id": "pr-1", "n": -12, "f": 1.5, "t": true, "z": null, "s": "a\"b\\c\u0416", "list": [1, {"k": "v", "k2": []}, "x"], "o": {}}"#;
            let chars: Vec<char> = base.chars().collect();
            let at = at % chars.len();
            let mut text: String = chars.iter().take(at).collect();
            text.push_str(with);
            text.extend(chars.iter().skip(if insert { at } else { at + 1 }));
            if let Some((tree, _)) = read(&text) {
                proptest::prop_assert_eq!(Some(tree), by_serde_json(&text));
            }
            if by_serde_json(&text).is_none() {
                proptest::prop_assert!(read(&text).is_none());
            }
        }
    }
}
