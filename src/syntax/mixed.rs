//! One set of keywords a file: every keyword token of a piece that parsed is checked against
//! the set the file declares (`keywords`), so a Kazakh file with an English `when` in it is
//! told so at that word, with the Kazakh spelling to write.

use pest::iterators::Pairs;

use super::error::SyntaxError;
use super::keywords::{self, Set};
use super::parser::Rule;
use crate::source::Span;

/// Push an error for every keyword of `pairs` that `set` does not spell so; `base` is where
/// the parsed piece starts in the file.
pub(crate) fn check(
    pairs: &Pairs<'_, Rule>,
    set: Set,
    file: usize,
    base: usize,
    out: &mut Vec<SyntaxError>,
) {
    for pair in pairs.clone().flatten() {
        let Some(keyword) = keywords::of_rule(pair.as_rule()) else {
            continue;
        };
        let written = pair.as_str();
        if keyword.spellings(set).contains(&written) {
            continue;
        }
        let span = pair.as_span();
        out.push(SyntaxError::MixedKeywords {
            written: written.to_string(),
            written_in: Set::ALL
                .into_iter()
                .find(|s| keyword.spellings(*s).contains(&written))
                .unwrap_or(Set::En),
            set,
            right: keyword.translate(written, set).to_string(),
            span: Span::new(file, base + span.start(), base + span.end()),
        });
    }
}
