//! Places as the protocol counts them: a line from 0 and a column in UTF-16 code units, which
//! is what LSP requires by default. Kazakh and Russian letters are two bytes in UTF-8 and one
//! unit in UTF-16, so byte offsets are never sent as they are.

use lsp_types::{Position, Range};

/// The line starts of one text, to turn byte offsets into positions and back.
#[derive(Debug, Clone)]
pub struct Lines {
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
}

impl Lines {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `position`: past the end of a line is its end (before the line
    /// break), past the last line is the end of the text, as the protocol asks.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).map_or(text.len(), |&next| {
            let mut e = next - 1;
            if e > start && text.as_bytes()[e - 1] == b'\r' {
                e -= 1;
            }
            e
        });
        let mut units = position.character as usize;
        let mut offset = start;
        for c in text[start..end].chars() {
            let width = c.len_utf16();
            if units < width {
                break;
            }
            units -= width;
            offset += c.len_utf8();
        }
        offset
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_counts_one_unit_a_letter() {
        let text = "act x\n  title kk \"Қазақстан\" // 𝔸\nend";
        let lines = Lines::new(text);
        let q = text.find('Қ').unwrap();
        assert_eq!(lines.position(text, q), Position::new(1, 12));
        let after = text.find("\" //").unwrap();
        assert_eq!(lines.position(text, after), Position::new(1, 21));
        // a letter outside the basic plane is two units
        let end_of_line = text.find("\nend").unwrap();
        assert_eq!(lines.position(text, end_of_line), Position::new(1, 28));
        for offset in [0, q, after, end_of_line, text.len()] {
            assert_eq!(lines.offset(text, lines.position(text, offset)), offset);
        }
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 99)), 2);
        assert_eq!(lines.offset(text, Position::new(7, 0)), text.len());
        // the middle of a surrogate pair falls back to the character's start
        let text = "𝔸b";
        assert_eq!(Lines::new(text).offset(text, Position::new(0, 1)), 0);
        // an offset inside a character is moved to its start
        let text = "Қ";
        assert_eq!(Lines::new(text).position(text, 1), Position::new(0, 0));
    }
}
