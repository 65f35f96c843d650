//! The bundle's text walked value by value, each scalar with its place (a pointer's tokens),
//! on the report's JSON scanner (`report::spans`): iterative, so a hostile bundle cannot
//! overflow the stack; reading stops where the text stops being JSON.

use std::ops::Range;

use crate::report::spans::MAX_DEPTH;
use crate::report::spans::lexer::Scanner;

/// A scalar of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scalar {
    /// A string, decoded.
    Text(String),
    /// A number, as written.
    Number,
    /// `true`, `false` or `null`.
    Literal,
}

/// One open container.
struct Open {
    object: bool,
    items: usize,
}

/// Visit every scalar of `text` (a byte-order mark before it skipped) with its place and its
/// bytes. `Err(at)`: the text is not JSON from byte `at` on (the start of the token that could
/// not be read), or nests deeper than a bundle may; what follows it was not visited.
pub(crate) fn walk(
    text: &str,
    mut visit: impl FnMut(&[String], Range<usize>, &Scalar),
) -> Result<(), usize> {
    let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut s = Scanner::at(text, start);
    let mut stack: Vec<Open> = Vec::new();
    let mut path: Vec<String> = Vec::new();
    loop {
        // a value at `pos`
        s.skip_ws();
        let at = s.pos;
        match s.peek() {
            Some(open @ (b'{' | b'[')) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(at);
                }
                s.pos += 1;
                stack.push(Open {
                    object: open == b'{',
                    items: 0,
                });
                s.skip_ws();
                let close = if open == b'{' { b'}' } else { b']' };
                if s.peek() == Some(close) {
                    s.pos += 1;
                    stack.pop();
                } else {
                    next_item(&mut s, &mut stack, &mut path)?;
                    continue;
                }
            }
            Some(b'"') => {
                let value = s.string(true).map_err(|_| at)?.unwrap_or_default();
                visit(&path, at..s.pos, &Scalar::Text(value));
            }
            Some(b'-' | b'0'..=b'9') => {
                s.number().map_err(|_| at)?;
                visit(&path, at..s.pos, &Scalar::Number);
            }
            Some(b't') => literal(&mut s, b"true", at, &path, &mut visit)?,
            Some(b'f') => literal(&mut s, b"false", at, &path, &mut visit)?,
            Some(b'n') => literal(&mut s, b"null", at, &path, &mut visit)?,
            _ => return Err(at),
        }
        // after a value: the next item of its container, or the containers it closes
        loop {
            let Some(top) = stack.last() else {
                s.skip_ws();
                return if s.pos >= text.len() {
                    Ok(())
                } else {
                    Err(s.pos)
                };
            };
            s.skip_ws();
            let close = if top.object { b'}' } else { b']' };
            match s.peek() {
                Some(b',') => {
                    s.pos += 1;
                    path.pop();
                    next_item(&mut s, &mut stack, &mut path)?;
                    break;
                }
                Some(b) if b == close => {
                    s.pos += 1;
                    path.pop();
                    stack.pop();
                }
                _ => return Err(s.pos),
            }
        }
    }
}

/// `true`, `false` or `null` at `at`.
fn literal(
    s: &mut Scanner<'_>,
    word: &[u8],
    at: usize,
    path: &[String],
    visit: &mut impl FnMut(&[String], Range<usize>, &Scalar),
) -> Result<(), usize> {
    s.literal(word).map_err(|_| at)?;
    visit(path, at..s.pos, &Scalar::Literal);
    Ok(())
}

/// Enter the next item of the innermost container: its key (for an object) or index joins
/// the path.
fn next_item(s: &mut Scanner<'_>, stack: &mut [Open], path: &mut Vec<String>) -> Result<(), usize> {
    let Some(top) = stack.last_mut() else {
        return Err(s.pos);
    };
    if top.object {
        s.skip_ws();
        let at = s.pos;
        if s.peek() != Some(b'"') {
            return Err(at);
        }
        let key = s.string(true).map_err(|_| at)?.unwrap_or_default();
        s.colon().map_err(|_| s.pos)?;
        path.push(key);
    } else {
        path.push(top.items.to_string());
    }
    top.items += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalars(text: &str) -> (Vec<(String, String)>, Result<(), usize>) {
        let mut out = Vec::new();
        let end = walk(text, |path, range, _| {
            out.push((path.join("/"), text[range].to_string()));
        });
        (out, end)
    }

    #[test]
    fn every_scalar_with_its_place() {
        let (found, end) = scalars(r#"{"a": [1, {"b": "x\"y"}, []], "c": {}, "d": null}"#);
        assert_eq!(end, Ok(()));
        assert_eq!(
            found,
            [
                (String::from("a/0"), String::from("1")),
                (String::from("a/1/b"), String::from(r#""x\"y""#)),
                (String::from("d"), String::from("null")),
            ]
        );
    }

    #[test]
    fn reading_stops_at_the_token_that_cannot_be_read() {
        let text = r#"{"a": "ok", "b": "cut"#;
        let (found, end) = scalars(text);
        assert_eq!(found.len(), 1);
        assert_eq!(end, Err(text.find("\"cut").unwrap_or(0)));
        let deep = "[".repeat(200);
        assert!(scalars(&deep).1.is_err());
    }
}
