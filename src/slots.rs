//! The `{…}` slots of a document's message: `"the {nth} child (born {child.birth_date}) is
//! under 16"`. The rule files write them, `semantic` holds each to what the message can show,
//! and the report fills them in, so they live on the ground floor. `{{` and `}}` are braces.

use std::ops::Range;

/// One piece of a message: text as written, or a slot to fill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text shown as it is (`{{`/`}}` already read as braces).
    Text(&'t str),
    /// A slot: its name (`nth`, `child.birth_date`) and its byte range in the message,
    /// braces included.
    Slot(&'t str, Range<usize>),
    /// A `{` that no `}` closes, or a `}` that no `{` opened: its byte range.
    Stray(Range<usize>),
}

/// The pieces of `message`, in order.
#[must_use]
pub fn pieces(message: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut i = 0;
    let bytes = message.as_bytes();
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'{', Some(b'{')) | (b'}', Some(b'}')) => {
                // the first brace is text, the second is skipped
                out.push(Piece::Text(&message[text_from..=i]));
                i += 2;
                text_from = i;
            }
            (b'{', _) => {
                if text_from < i {
                    out.push(Piece::Text(&message[text_from..i]));
                }
                match message[i + 1..].find(['{', '}']) {
                    Some(len) if bytes[i + 1 + len] == b'}' => {
                        let end = i + 1 + len;
                        out.push(Piece::Slot(message[i + 1..end].trim(), i..end + 1));
                        i = end + 1;
                    }
                    _ => {
                        out.push(Piece::Stray(i..i + 1));
                        i += 1;
                    }
                }
                text_from = i;
            }
            (b'}', _) => {
                if text_from < i {
                    out.push(Piece::Text(&message[text_from..i]));
                }
                out.push(Piece::Stray(i..i + 1));
                i += 1;
                text_from = i;
            }
            _ => i += 1,
        }
    }
    if text_from < message.len() {
        out.push(Piece::Text(&message[text_from..]));
    }
    out
}

/// `message` with each slot replaced by what `fill` gives for its name; a slot `fill` does
/// not know, and a stray brace, stay as written.
pub fn fill(message: &str, fill: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(message.len());
    for piece in pieces(message) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Slot(name, range) => match fill(name) {
                Some(value) => out.push_str(&value),
                None => out.push_str(&message[range]),
            },
            Piece::Stray(range) => out.push_str(&message[range]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_text_and_braces() {
        assert_eq!(
            pieces("the {nth} child (born { child.birth_date })"),
            vec![
                Piece::Text("the "),
                Piece::Slot("nth", 4..9),
                Piece::Text(" child (born "),
                Piece::Slot("child.birth_date", 22..42),
                Piece::Text(")"),
            ]
        );
        assert_eq!(
            fill("{{n}} is {n}", |s| (s == "n").then(|| String::from("2"))),
            "{n} is 2"
        );
    }

    #[test]
    fn stray_braces_and_unknown_slots_stay() {
        assert_eq!(
            pieces("a { b } c }"),
            vec![
                Piece::Text("a "),
                Piece::Slot("b", 2..7),
                Piece::Text(" c "),
                Piece::Stray(10..11),
            ]
        );
        assert_eq!(pieces("{ a { b }")[0], Piece::Stray(0..1));
        assert_eq!(fill("{x} and {", |_| None), "{x} and {");
        assert_eq!(fill("«{ы}»", |_| Some(String::from("ok"))), "«ok»");
    }
}
