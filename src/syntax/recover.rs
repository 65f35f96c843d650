//! Error recovery. pest stops at the first error, so when a file does not parse, it is cut
//! into pieces by a cheap scan that knows strings, comments and braces, and each piece is parsed
//! on its own: every top-level declaration, and inside a service each element. A piece that
//! does not parse is reported and leaves a hole; the names it seems to declare are remembered
//! (see [`Holes`]) so that their uses elsewhere are not reported as undefined.
//!
//! A piece starts on a line that begins with a word at the indentation of its siblings: a
//! declaration at the start of a line outside every block (or at column 0 even inside one, so
//! that a missing `}` does not swallow the rest of the file), an element of a service at the
//! indentation of the service's first element. Lines that continue an element (provenance such
//! as `§ …` or `note "…"`, an operator, deeper indentation) stay with it.

use std::ops::Range;

use super::Holes;
use super::keywords::english;
use super::scan::code;

/// Keywords that continue the element before them rather than begin one.
const CONTINUING: &[&str] = &[
    "quote",
    "source",
    "unverified",
    "note",
    "since",
    "until",
    "allow",
    "wording",
    "and",
    "or",
    "not",
    "has",
    "has_any",
    "in",
    "unless",
    "where",
    "matched",
    "message",
    "within",
    "after",
    "by",
    "parallel",
    "maps",
    "action",
    "personal",
];

/// Keywords that begin an element of a service.
pub(super) const SERVICE_ITEMS: &[&str] = &[
    "title", "act", "standard", "timezone", "calendar", "channel", "actor", "input", "let",
    "document", "refusal", "process", "view", "example",
];

/// One line as the scanner sees it.
#[derive(Debug, Clone)]
struct Line<'t> {
    /// Byte offset of the line's first byte.
    start: usize,
    /// Bytes of indentation.
    indent: usize,
    /// The first word (letters, digits, `_`, `.`), if the line starts with one.
    word: Option<&'t str>,
    /// The second word, if any.
    second: Option<&'t str>,
    /// Whether anything but spaces and a comment stands on the line.
    content: bool,
    /// Brace depth at the start of the line.
    depth: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The word at the start of `text`.
fn word_at(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !is_word_char(c)).unwrap_or(text.len());
    text.get(..end).filter(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    })
}

/// Every line of `text[range]`, with the brace depth at its start (`depth` at `range.start`),
/// reading strings (which end on their line) and comments.
fn lines(text: &str, range: Range<usize>, mut depth: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while start < range.end {
        let end = text
            .get(start..range.end)
            .and_then(|t| t.find('\n'))
            .map_or(range.end, |i| start + i + 1);
        let line = text.get(start..end).unwrap_or("");
        let trimmed = line.trim_start_matches([' ', '\t', '\r', '\u{feff}']);
        let indent = line.len() - trimmed.len();
        let word = word_at(trimmed);
        let second = word.and_then(|w| {
            let rest = trimmed.get(w.len()..)?.trim_start_matches([' ', '\t']);
            word_at(rest)
        });
        // keywords of every set read as English ones
        let (word, second) = (word.map(english), second.map(english));
        let content = !(trimmed.trim_end().is_empty() || trimmed.starts_with("//"));
        out.push(Line {
            start,
            indent,
            word,
            second,
            content,
            depth,
        });
        depth = depth_after(line, depth);
        start = end;
    }
    out
}

/// The brace depth after reading `line`, starting at `depth`.
fn depth_after(line: &str, depth: usize) -> usize {
    code(line).fold(depth, |d, (_, c)| match c {
        '{' => d + 1,
        '}' => d.saturating_sub(1),
        _ => d,
    })
}

/// Cut a file into its top-level declarations.
pub(super) fn declarations(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    for line in lines(text, 0..text.len(), 0) {
        if line.start > 0 && line.word.is_some() && (line.depth == 0 || line.indent == 0) {
            starts.push(line.start);
        }
    }
    ranges(&starts, text.len())
}

fn ranges(starts: &[usize], end: usize) -> Vec<Range<usize>> {
    starts
        .iter()
        .enumerate()
        .map(|(i, s)| *s..starts.get(i + 1).copied().unwrap_or(end))
        .collect()
}

/// A block cut into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct BlockParts {
    /// The heading, from the keyword to the `{` (not included).
    pub head: Range<usize>,
    /// The word after the keyword, and where it is written.
    pub name: Option<(String, Range<usize>)>,
    /// Each item of the body (continuation lines with the item they continue).
    pub items: Vec<Range<usize>>,
    /// What follows the block's closing `}` in the piece.
    pub tail: Range<usize>,
}

/// The parts of the block that `text[piece]` opens with `keyword … {`; `items` are the
/// keywords that begin an item of this block (used when a block inside was left open).
pub(super) fn block_parts(
    text: &str,
    piece: Range<usize>,
    keyword: &str,
    items: &[&str],
) -> Option<BlockParts> {
    let body_text = text.get(piece.clone())?;
    let lead = body_text.len() - body_text.trim_start().len();
    let head_start = piece.start + lead;
    let rest = text.get(head_start..piece.end)?;
    // the keyword in any set
    let written = word_at(rest).filter(|w| english(w) == keyword)?;
    let after_kw = rest.get(written.len()..)?;
    if !after_kw.starts_with([' ', '\t', '\n', '\r', '{']) {
        return None;
    }
    let open = head_start + written.len() + open_brace(after_kw)?;
    let name_text = after_kw.trim_start_matches([' ', '\t']);
    let name_start = head_start + written.len() + (after_kw.len() - name_text.len());
    let name = word_at(name_text)
        .filter(|_| name_start < open)
        .map(|w| (w.to_string(), name_start..name_start + w.len()));
    let body = open + 1;
    let all = lines(text, body..piece.end, 1);
    let item_indent = all
        .iter()
        .filter(|l| l.content && l.start > body)
        .map(|l| l.indent)
        .next()
        .unwrap_or(0);
    // The `}` that closes the block: by counting braces, or, when a block inside was left
    // open, the last line that holds only a `}` and is less indented than the items.
    let close = closing_brace(text, body, piece.end).or_else(|| {
        all.iter()
            .rev()
            .find(|l| {
                l.indent < item_indent
                    && text
                        .get(l.start + l.indent..)
                        .is_some_and(|t| t.starts_with('}'))
            })
            .map(|l| l.start + l.indent)
    });
    let body_end = close.unwrap_or(piece.end);
    let mut starts = vec![body];
    for line in all
        .iter()
        .filter(|l| l.start > body && l.start < body_end && l.content)
    {
        let Some(word) = line.word else { continue };
        let begins = line.indent <= item_indent
            && !CONTINUING.contains(&word)
            && (line.depth == 1 || items.contains(&word));
        if begins {
            starts.push(line.start);
        }
    }
    let items = ranges(&starts, body_end)
        .into_iter()
        .filter(|r| !is_blank(text, r.clone()))
        .collect();
    Some(BlockParts {
        head: head_start..open,
        name,
        items,
        tail: close.map_or(piece.end..piece.end, |c| c + 1..piece.end),
    })
}

/// The offset in `text` of its first `{` outside strings and comments.
fn open_brace(text: &str) -> Option<usize> {
    code(text).find(|(_, c)| *c == '{').map(|(i, _)| i)
}

/// The offset of the `}` that closes the block whose body starts at `body` (depth 1 there).
fn closing_brace(text: &str, body: usize, end: usize) -> Option<usize> {
    let mut depth = 1usize;
    for (i, c) in code(text.get(body..end)?) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(body + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Remember the names that `text[range]` seems to declare: the word after a declaring keyword
/// at the start of a line, and, more loosely, the second word of any line (a misspelled keyword
/// still declares the name after it, as in `inptu applicant.age: number`).
pub(super) fn declared_names(text: &str, range: Range<usize>, holes: &mut Holes) {
    for line in lines(text, range, 0) {
        if let Some(second) = line.second {
            holes.insert(second.trim_end_matches('.'));
        }
    }
}

/// Whether `text[range]` holds nothing but spaces and comments.
pub(super) fn is_blank(text: &str, range: Range<usize>) -> bool {
    lines(text, range, 0).iter().all(|l| !l.content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_start_at_column_zero_even_inside_an_open_block() {
        let text = "act a {\n  kind order\n\nservice s {\n  document d {\n    required always\n\nact b {\n}\n";
        let pieces: Vec<&str> = declarations(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(pieces.len(), 3);
        assert!(pieces[0].starts_with("act a"));
        assert!(pieces[1].starts_with("service s"));
        assert!(pieces[2].starts_with("act b"));
    }

    #[test]
    fn a_brace_in_a_text_or_comment_is_not_a_block() {
        let text = "act a {\n  title en \"{ not a block\" // nor this {\n}\nact b {\n}\n";
        assert_eq!(declarations(text).len(), 2);
    }

    #[test]
    fn service_elements_keep_their_provenance_lines() {
        let text = "service s {\n  actor a \"A\" § 1\n    note \"x\"\n  inptu x: date\n  document d {\n    required always\n  }\n  § 2\n}\n";
        let parts = block_parts(text, 0..text.len(), "service", SERVICE_ITEMS).expect("a heading");
        assert_eq!(parts.name.map(|n| n.0).as_deref(), Some("s"));
        let elements: Vec<&str> = parts.items.iter().map(|r| text[r.clone()].trim()).collect();
        assert_eq!(elements.len(), 3, "{elements:?}");
        assert!(elements[0].starts_with("actor a") && elements[0].ends_with("note \"x\""));
        assert!(elements[1].starts_with("inptu"));
        assert!(elements[2].starts_with("document d") && elements[2].ends_with("§ 2"));
    }

    #[test]
    fn names_after_any_first_word_are_remembered() {
        let text = "  inptu applicant.age: number\n  step filed by clerk\n";
        let mut holes = Holes::new();
        declared_names(text, 0..text.len(), &mut holes);
        assert!(holes.contains("applicant.age"));
        assert!(holes.contains("filed"));
        assert!(!holes.contains("clerk"));
    }
}

#[cfg(test)]
mod block_tests {
    use super::*;

    #[test]
    fn a_process_has_no_name_and_a_view_a_long_heading() {
        let text = "process {\n  step a by x\n  step b by y\n}\n";
        let parts =
            block_parts(text, 0..text.len(), "process", &["step", "term"]).expect("a heading");
        assert_eq!(parts.name, None);
        assert_eq!(parts.items.len(), 2);
        let text = "view t \"1-кесте\" § 10 since a {\n  step a by x\n}";
        let parts = block_parts(text, 0..text.len(), "view", &["step", "term"]).expect("a heading");
        assert_eq!(parts.name.map(|n| n.0).as_deref(), Some("t"));
        assert_eq!(
            &text[parts.head.clone()],
            "view t \"1-кесте\" § 10 since a "
        );
    }

    #[test]
    fn a_brace_in_the_heading_text_is_not_the_block() {
        let text = "view t \"a { b\" {\n  step a by x\n}";
        let parts = block_parts(text, 0..text.len(), "view", &["step"]).expect("a heading");
        assert_eq!(&text[parts.head.clone()], "view t \"a { b\" ");
    }
}
