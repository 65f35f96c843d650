//! The text a snippet shows: only the lines around its labels, each cut to a window around
//! what is labelled, with control characters made visible. A bundle on one line of megabytes,
//! a field name of 70,000 characters or a number of 100,000 digits is shown as a few hundred
//! characters around the place, so the renderer never meets a column it cannot count, and the
//! cost of a snippet does not grow with the file. The lines keep their numbers and the header
//! its column in the whole file.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::SourceFile;

/// A line longer than this (in bytes) is cut to windows around its labels.
const LONG_LINE: usize = 400;
/// Bytes kept on each side of a label on a cut line.
const AROUND: usize = 60;
/// A label longer than this (in bytes) on a cut line shows its start and its end only.
const LONG_LABEL: usize = 120;
/// Bytes of a long label's start and end shown.
const LABEL_ENDS: usize = 48;
/// A label over more lines than this is shown on its first line only.
const MANY_LINES: usize = 40;
/// What stands for text left out.
const ELIDED: &str = "…";

/// A snippet's text: the excerpt miette renders, the number in the whole file of each of its
/// lines, and the column in the whole file of each label's start.
#[derive(Debug, Clone)]
pub(super) struct Excerpt {
    name: String,
    text: String,
    /// Line (from 0, as shown less one) of each line of `text`.
    lines: Vec<usize>,
    /// The last of the lines shown together with each line of `text` (its run's last).
    run_ends: Vec<usize>,
    /// `(offset in text, column from 0 in the file)` of each label's start.
    columns: Vec<(usize, usize)>,
}

/// The excerpt of `file` around `spans` (byte ranges in its text), and each span's range in
/// the excerpt.
pub(super) fn excerpt(
    file: &SourceFile,
    spans: &[(usize, usize)],
) -> (Excerpt, Vec<(usize, usize)>) {
    let text: &str = &file.text;
    let index = file.lines();
    let spans: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(start, end)| {
            let start = floor(text, start.min(text.len()));
            let mut end = ceil(text, end.clamp(start, text.len()));
            // a label over many lines is shown on its first one
            if index.line_of(end) > index.line_of(start) + MANY_LINES {
                end = index.line_range(index.line_of(start)).end.max(start);
            }
            (start, end)
        })
        .collect();
    // the lines to show: each label's lines with one more on either side, runs merged; the
    // empty "line" after a final line break is shown only when a label is on it
    let last_line = if text.ends_with('\n') {
        index.lines().saturating_sub(2)
    } else {
        index.lines() - 1
    };
    let mut runs: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(start, end)| {
            let first = index.line_of(start).saturating_sub(1);
            let last = (index.line_of(end) + 1)
                .min(last_line)
                .max(index.line_of(end));
            (first, last)
        })
        .collect();
    runs.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (first, last) in runs {
        match merged.last_mut() {
            // a gap of a few lines is shown rather than cut: one snippet reads better
            Some((_, end)) if first <= *end + 4 => *end = (*end).max(last),
            _ => merged.push((first, last)),
        }
    }
    let mut out = Excerpt {
        name: escaped(&file.name).into_owned(),
        text: String::new(),
        lines: Vec::new(),
        run_ends: Vec::new(),
        columns: Vec::new(),
    };
    // `(offset in file, offset in excerpt)` at every character boundary copied
    let mut map: Vec<(usize, usize)> = Vec::new();
    for (first, last) in merged {
        for line in first..=last {
            let range = index.line_range(line);
            let range = range.start..trim_cr(text, range);
            let pieces = windows(text, range.clone(), &spans);
            for &(from, to, gap_before) in &pieces {
                if gap_before {
                    out.text.push_str(ELIDED);
                }
                copy(text, from, to, &mut out.text, &mut map);
            }
            if pieces.last().is_some_and(|&(_, to, _)| to < range.end) {
                out.text.push_str(ELIDED);
            }
            out.text.push('\n');
            out.lines.push(line + file.first_line.saturating_sub(1));
            out.run_ends.push(last + file.first_line.saturating_sub(1));
        }
    }
    let at = |offset: usize| -> usize {
        match map.binary_search_by_key(&offset, |&(o, _)| o) {
            Ok(i) => map.get(i).map_or(0, |&(_, e)| e),
            // left out: the last place copied before it
            Err(i) => i
                .checked_sub(1)
                .and_then(|i| map.get(i))
                .map_or(0, |&(_, e)| e),
        }
    };
    let mapped: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(start, end)| (at(start), at(end).max(at(start))))
        .collect();
    for (&(start, _), &(excerpt_start, _)) in spans.iter().zip(&mapped) {
        let column = file.line_col(start).1.saturating_sub(1);
        out.columns.push((excerpt_start, column));
    }
    (out, mapped)
}

/// The pieces of one line to show, as `(from, to, whether text is left out before it)`: the
/// whole line when it is short, else a window around each label on it (a long label by its
/// two ends), or the line's start when no label is on it.
fn windows(
    text: &str,
    line: std::ops::Range<usize>,
    spans: &[(usize, usize)],
) -> Vec<(usize, usize, bool)> {
    if line.end - line.start <= LONG_LINE {
        return vec![(line.start, line.end, false)];
    }
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for &(start, end) in spans {
        let (start, end) = (start.max(line.start), end.min(line.end));
        if start > end || (start == end && !(line.start..=line.end).contains(&start)) {
            continue;
        }
        let before = start.saturating_sub(AROUND).max(line.start);
        let after = (end + AROUND).min(line.end);
        if end - start > LONG_LABEL {
            pieces.push((before, start + LABEL_ENDS));
            pieces.push((end - LABEL_ENDS, after));
        } else {
            pieces.push((before, after));
        }
    }
    if pieces.is_empty() {
        pieces.push((line.start, line.start + LONG_LINE / 2));
    }
    pieces.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (from, to) in pieces {
        let (from, to) = (floor(text, from), ceil(text, to));
        match merged.last_mut() {
            Some((_, end)) if from <= *end => *end = (*end).max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
        .into_iter()
        .enumerate()
        .map(|(i, (from, to))| (from, to, i > 0 || from > line.start))
        .collect()
}

/// Copy `text[from..to]` to `out` with control characters made visible, recording where each
/// character boundary went.
fn copy(text: &str, from: usize, to: usize, out: &mut String, map: &mut Vec<(usize, usize)>) {
    let Some(piece) = text.get(from..to) else {
        return;
    };
    for (i, c) in piece.char_indices() {
        map.push((from + i, out.len()));
        push_visible(out, c);
    }
    map.push((to, out.len()));
}

/// `c`, or for a control character the picture that stands for it (`␛` for ESC, `␍` for a
/// carriage return): a bundle cannot move the cursor, clear the screen or start a line of its
/// own in a report.
pub(super) fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push(c),
        // the marks that reorder or hide text: a right-to-left override can make a line read
        // `…: ok` backwards; shown by their code point
        c if hidden(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
        '\u{0}'..='\u{1f}' => {
            out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'));
        }
        '\u{7f}' => out.push('\u{2421}'),
        // C1 controls (a CSI is one of them) and the separators that end a line
        '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => out.push('\u{fffd}'),
        _ => out.push(c),
    }
}

/// Bidirectional controls (embeddings, overrides, isolates, marks) and invisible characters
/// (zero-width space and joiners, word joiner, invisible operators, byte-order mark).
fn hidden(c: char) -> bool {
    matches!(
        c,
        '\u{061c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// `text` with every control, bidirectional and invisible character shown as [`push_visible`]
/// shows it, nothing cut: a file name in a heading or on a verdict line.
pub fn escaped(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether [`push_visible`] shows `c` as something else.
fn needs_escape(c: char) -> bool {
    c != '\t' && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || hidden(c))
}

/// A word of a message longer than this (in bytes) shows its start and its end only.
const LONG_WORD: usize = 160;

/// `text` as a report may show it on a line of its own: control characters made visible
/// ([`push_visible`]), a line break too (a field name cannot start a line that looks like
/// ereje's), and a word of thousands of characters (a field name or a number the bundle
/// wrote) cut to its two ends, so a message stays a few lines long.
pub(super) fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let long = text.split(' ').any(|w| w.len() > LONG_WORD);
    if !long && !text.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(4 * LONG_WORD));
    for (j, word) in text.split(' ').enumerate() {
        if j > 0 {
            out.push(' ');
        }
        let word = if word.len() > LONG_WORD {
            let head = floor(word, LABEL_ENDS);
            let tail = ceil(word, word.len() - LABEL_ENDS / 2);
            // no count in words: the message may be in any language
            format!(
                "{}{ELIDED}{}",
                word.get(..head).unwrap_or_default(),
                word.get(tail..).unwrap_or_default()
            )
        } else {
            word.to_string()
        };
        for c in word.chars() {
            push_visible(&mut out, c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The end of a line's range without the `\r` of a CRLF ending.
fn trim_cr(text: &str, line: std::ops::Range<usize>) -> usize {
    if line.end > line.start && text.as_bytes().get(line.end - 1) == Some(&b'\r') {
        line.end - 1
    } else {
        line.end
    }
}

/// The character boundary at or before `offset`.
fn floor(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The character boundary at or after `offset`.
fn ceil(text: &str, mut offset: usize) -> usize {
    while offset < text.len() && !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset.min(text.len())
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let line = self
            .lines
            .get(inner.line())
            .copied()
            .unwrap_or(inner.line());
        // miette shows two labels in one snippet when the first one's lines reach the
        // second's: every label of a run of lines reaches to the run's end
        let reach = self
            .run_ends
            .get(inner.line())
            .map_or(inner.line_count(), |end| end + 1 - line);
        // the column in the whole file, in characters, where a label starts
        let column = match self.columns.iter().find(|(o, _)| *o == span.offset()) {
            Some(&(_, column)) if inner.column() != 0 => column,
            _ => inner.column(),
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            reach,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_far_along_a_long_line_is_shown_in_a_window_with_its_column() {
        let text = format!("{{\n\"a\": \"{}\", \"bad\": 1\n}}\n", "x".repeat(100_000));
        let file = SourceFile::new("b.json", text.as_str());
        let start = text.find("\"bad\"").unwrap_or_default();
        let (excerpt, mapped) = excerpt(&file, &[(start, start + 5)]);
        assert!(excerpt.text.len() < 1000, "{}", excerpt.text.len());
        let &(s, e) = mapped.first().unwrap_or(&(0, 0));
        assert_eq!(excerpt.text.get(s..e), Some("\"bad\""));
        assert_eq!(excerpt.lines, [0, 1, 2]);
        assert_eq!(excerpt.columns, [(s, 100_009)]);
        assert!(
            excerpt
                .text
                .contains(&format!("{ELIDED}{}", "x".repeat(10)))
        );
    }

    #[test]
    fn a_long_label_shows_its_two_ends() {
        let name = "k".repeat(70_000);
        let text = format!("{{\"{name}\": 1}}");
        let file = SourceFile::new("b.json", text.as_str());
        let (excerpt, mapped) = excerpt(&file, &[(1, 3 + name.len())]);
        assert!(excerpt.text.len() < 400, "{}", excerpt.text.len());
        let &(s, e) = mapped.first().unwrap_or(&(0, 0));
        let shown = excerpt.text.get(s..e).unwrap_or_default();
        assert!(shown.starts_with("\"kkk") && shown.ends_with("kk\"") && shown.contains(ELIDED));
    }

    #[test]
    fn control_characters_are_pictures_and_lines_far_apart_keep_their_numbers() {
        let mut text = String::from("line one \u{1b}[2J\r\n");
        for n in 2..=100 {
            text.push_str(&format!("line {n}\n"));
        }
        let file = SourceFile::new("b.json", text.as_str()).starting_at_line(7);
        let far = text.find("line 90").unwrap_or_default();
        let (excerpt, _) = excerpt(&file, &[(0, 4), (far, far + 4)]);
        assert!(!excerpt.text.contains('\u{1b}') && !excerpt.text.contains('\r'));
        assert!(excerpt.text.contains("\u{241b}[2J\n"), "{}", excerpt.text);
        // lines 1-2 and 89-91 of the text, numbered from line 7 of their file
        assert_eq!(excerpt.lines, [6, 7, 94, 95, 96]);
        assert_eq!(visible("a\u{1b}b\nc\u{9b}"), "a\u{241b}b\u{240a}c\u{fffd}");
        let word = format!("`{}`", "9".repeat(100_000));
        let message = format!("the number {word} is too long");
        let said = visible(&message);
        assert!(said.len() < 200, "{said}");
        assert!(said.starts_with("the number `999") && said.ends_with("99` is too long"));
    }
}
