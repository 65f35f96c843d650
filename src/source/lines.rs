//! Lines and columns of a text, found in logarithmic time: a text is indexed once, in one pass,
//! so that placing every finding of a 16 MiB bundle costs as much as reading it once, not once
//! per finding. Columns count characters, as people and editors do; a line of megabytes (a
//! bundle on one line) keeps a mark every few hundred bytes, so a column is counted from the mark
//! before it, never from the start of the line.

/// Bytes between two marks of a long line.
const MARK_EVERY: usize = 256;

/// Where each line of a text starts, and marks inside long lines.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line; the first is 0.
    starts: Vec<usize>,
    /// `(offset, column)`: a character boundary inside a long line and the characters of its
    /// line before it, in the order of the text.
    marks: Vec<(usize, usize)>,
    /// The text's length.
    len: usize,
}

impl LineIndex {
    /// Index `text` in one pass: the line ends found with `memchr` (`str::find`), a long
    /// line's characters counted a mark's stretch at a time (`chars().count()`, which counts
    /// many bytes at once), so a bundle costs a few instructions per hundred bytes, not per byte.
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        let mut marks = Vec::new();
        let mut start = 0;
        loop {
            let end = text
                .get(start..)
                .and_then(|rest| rest.find('\n'))
                .map_or(text.len(), |at| start + at);
            // a mark every MARK_EVERY bytes of a long line, at the character boundary there
            let mut from = start;
            let mut column = 0;
            while end - from > MARK_EVERY {
                let mut at = from + MARK_EVERY;
                while !text.is_char_boundary(at) {
                    at += 1;
                }
                if at >= end {
                    break;
                }
                column += text.get(from..at).map_or(0, |s| s.chars().count());
                marks.push((at, column));
                from = at;
            }
            if end >= text.len() {
                break;
            }
            start = end + 1;
            starts.push(start);
        }
        LineIndex {
            starts,
            marks,
            len: text.len(),
        }
    }

    /// How many lines the text has (an empty text has one, empty).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }

    /// The line (from 0) that holds byte `offset`; past the end, the last line.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte range of line `line` (from 0), without its `\n`; an empty range past the end.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.len..self.len;
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.len, |next| next.saturating_sub(1));
        start..end.max(start)
    }

    /// 1-based line and column (in characters) of byte `offset` of `text`, the text this index
    /// was built from. An offset inside a character is placed after it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.len);
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0);
        // the last mark of this line at or before the offset, else the line's start
        let at = self.marks.partition_point(|&(o, _)| o <= offset);
        let (from, column) = match at.checked_sub(1).and_then(|i| self.marks.get(i)) {
            Some(&(o, c)) if o >= start => (o, c),
            _ => (start, 0),
        };
        let counted = text.as_bytes().get(from..offset).map_or(0, |bytes| {
            bytes.iter().filter(|b| **b & 0xC0 != 0x80).count()
        });
        (line + 1, column + counted + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index agrees with counting from the start on every offset of a text with long and
    /// short lines, Cyrillic, and a line ending at the end.
    #[test]
    fn every_offset_is_placed_as_counting_from_the_start_places_it() {
        let long: String = "қ".repeat(5000) + "x" + &"a".repeat(9000);
        let text = format!("ab\n{long}\n\nп§z\n");
        let index = LineIndex::new(&text);
        assert_eq!(index.lines(), 5);
        for offset in 0..=text.len() {
            let before = &text.as_bytes()[..offset];
            let line = before.split(|b| *b == b'\n').count();
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            let column = before[line_start..]
                .iter()
                .filter(|b| **b & 0xC0 != 0x80)
                .count()
                + 1;
            assert_eq!(index.line_col(&text, offset), (line, column), "at {offset}");
        }
        assert_eq!(index.line_range(1), 3..3 + long.len());
        assert_eq!(index.line_range(4), text.len()..text.len());
        assert_eq!(index.line_range(9), text.len()..text.len());
    }
}
