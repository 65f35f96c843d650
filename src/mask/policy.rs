//! The mask of one value: which characters of it stay, per shape of value, and what stands for
//! the others. In words (a message, a trace's fact) a hidden character is `•`; in the bundle's
//! own text (the snippets of human output) it is a character of the same width in bytes, so
//! that every byte offset, line and column of the text stays what it was.

/// What a masked value is, which decides what of it may stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A number or code that names a person or a paper (an IIN, a passport number): its last
    /// characters stay, enough to tell two papers apart, too few to find the person.
    Identifier,
    /// A name or other free text: its first letter stays.
    Name,
    /// A date: its digits go, its separators stay (so a date written the wrong way still
    /// shows how it was written).
    Date,
    /// A code of a closed list (a citizenship): nothing of it stays, its length shows.
    Code,
}

impl Shape {
    /// The shape of a text the rules say nothing more about: one word with a digit in it is an
    /// identifier, anything else is read as a name.
    pub fn of_text(text: &str) -> Shape {
        let digit = text.chars().any(char::is_numeric);
        let space = text.chars().any(char::is_whitespace);
        // digits and date separators alone: a date, wherever it stands
        let dated = text.contains(['-', '.', '/'])
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'));
        if digit && dated {
            Shape::Date
        } else if digit && !space {
            Shape::Identifier
        } else {
            Shape::Name
        }
    }

    /// Whether the character at `index` of a value of `count` characters stays.
    fn keeps(self, index: usize, count: usize, c: char) -> bool {
        match self {
            Shape::Identifier => index + kept_tail(count) >= count,
            Shape::Name => index == 0 && c.is_alphabetic(),
            Shape::Date => !c.is_alphanumeric(),
            Shape::Code => false,
        }
    }
}

/// How many last characters of an identifier of `count` characters stay: none of a short
/// one, two of a passport-length one, three of a twelve-digit IIN.
fn kept_tail(count: usize) -> usize {
    match count {
        0..=5 => 0,
        6..=9 => 2,
        _ => 3,
    }
}

/// What stands for a hidden character in words.
pub const HIDDEN: char = '•';

/// The masked value as words show it. A name keeps its first letter and three `•`, whatever
/// its length, so that not even the length of a name shows.
pub fn words(value: &str, shape: Shape) -> String {
    let count = value.chars().count();
    if shape == Shape::Name {
        let first = value.chars().next().filter(|c| c.is_alphabetic());
        return match (first, count) {
            (_, 0) => String::new(),
            (Some(c), _) => format!("{c}{HIDDEN}{HIDDEN}{HIDDEN}"),
            (None, _) => String::from("•••"),
        };
    }
    value
        .chars()
        .enumerate()
        .map(|(i, c)| if shape.keeps(i, count, c) { c } else { HIDDEN })
        .collect()
}

/// The masked value as the bundle's text shows it: each hidden character replaced by one of
/// the same width in bytes, so the text keeps its every offset, line and column.
pub fn in_place(raw: &str, shape: Shape) -> String {
    let count = raw.chars().count();
    raw.chars()
        .enumerate()
        .map(|(i, c)| {
            if shape.keeps(i, count, c) {
                c
            } else {
                same_width(c)
            }
        })
        .collect()
}

/// Every letter and digit of `raw` hidden in place, the rest kept (the text after the place
/// where a bundle stops being JSON: nothing there can be read for what it is).
pub fn letters_in_place(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                same_width(c)
            } else {
                c
            }
        })
        .collect()
}

/// A mask character as wide in UTF-8 as `c`.
fn same_width(c: char) -> char {
    match c.len_utf8() {
        1 => '*',
        2 => '\u{B7}',
        3 => HIDDEN,
        _ => '\u{1F784}',
    }
}

/// `n` hidden characters as a `'static` text (for the codes a finding names by the standard's
/// own `'static` spelling).
pub fn hidden_static(n: usize) -> &'static str {
    const ALL: &str = "••••••••";
    let bytes = HIDDEN.len_utf8() * n.min(ALL.chars().count());
    ALL.get(..bytes).unwrap_or(ALL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iin_keeps_its_last_three_digits() {
        assert_eq!(words("880101300123", Shape::Identifier), "•••••••••123");
        assert_eq!(words("N12345678", Shape::Identifier), "•••••••78");
        assert_eq!(words("1234", Shape::Identifier), "••••");
    }

    #[test]
    fn a_name_keeps_its_first_letter_and_hides_its_length() {
        assert_eq!(words("Айгерим Нурланова", Shape::Name), "А•••");
        assert_eq!(words("Li", Shape::Name), "L•••");
        assert_eq!(words("", Shape::Name), "");
    }

    #[test]
    fn a_date_keeps_its_separators() {
        assert_eq!(words("1985-03-02", Shape::Date), "••••-••-••");
        assert_eq!(words("02.03.1985", Shape::Date), "••.••.••••");
    }

    #[test]
    fn a_code_keeps_nothing() {
        assert_eq!(words("UZ", Shape::Code), "••");
        assert_eq!(hidden_static(2), "••");
    }

    #[test]
    fn in_place_every_character_keeps_its_width() {
        for (raw, shape) in [
            ("Айгерим Нурланова", Shape::Name),
            ("880101300123", Shape::Identifier),
            ("1985-03-02", Shape::Date),
            ("日本 😀 x", Shape::Code),
        ] {
            let masked = in_place(raw, shape);
            assert_eq!(masked.len(), raw.len(), "{raw}");
            assert_eq!(masked.chars().count(), raw.chars().count(), "{raw}");
            assert_ne!(masked, raw);
        }
        assert_eq!(in_place("Айгерим", Shape::Name), "А······");
        assert_eq!(shape_of("Иванов Иван"), Shape::Name);
        assert_eq!(shape_of("FA1234567"), Shape::Identifier);
        assert_eq!(shape_of("880101300123"), Shape::Identifier);
        assert_eq!(shape_of("1985-03-02"), Shape::Date);
        assert_eq!(shape_of("KZ-BANK-5512"), Shape::Identifier);
    }

    fn shape_of(text: &str) -> Shape {
        Shape::of_text(text)
    }
}
