//! The slots of a document's own message (why it is required): a document required for each
//! item of a list may name the item (`{n}`, `{nth}`) and its fields (`{child.birth_date}`);
//! any other message has no slots. A slot the message cannot fill is an error (E0208).

use super::ServiceResolver;
use crate::semantic::error::SemanticError;
use crate::semantic::model::FieldDef;
use crate::slots::{Piece, pieces};
use crate::source::Span;
use crate::suggest::suggest;
use crate::vocab::Texts;

/// The slots a message about one item can fill: its number, its ordinal, and each field of
/// the item through the requirement's binding.
pub(super) fn item_slots(binding: &str, fields: &[FieldDef]) -> Vec<String> {
    let mut out = vec![String::from("n"), String::from("nth")];
    out.extend(fields.iter().map(|f| format!("{binding}.{}", f.name)));
    out
}

/// Whether an allowed slot fills `name`: the same name, or `child.*` (the fields of an item
/// whose list is not known, excused) for any `child.…`.
fn fills(allowed: &str, name: &str) -> bool {
    match allowed.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => allowed == name,
    }
}

impl ServiceResolver<'_> {
    /// Hold every slot of `message` to `allowed`.
    pub(super) fn message_slots(&mut self, message: &Texts, allowed: &[String]) {
        for (_, text) in &message.entries {
            for piece in pieces(&text.node) {
                let (slot, range) = match piece {
                    Piece::Text(_) => continue,
                    Piece::Slot(name, _) if allowed.iter().any(|a| fills(a, name)) => continue,
                    Piece::Slot(name, range) => (Some(name.to_string()), range),
                    Piece::Stray(range) => (None, range),
                };
                let suggestion = slot
                    .as_deref()
                    .and_then(|s| suggest(s, allowed.iter().map(String::as_str)))
                    .map(String::from);
                self.errors.push(SemanticError::UnknownSlot {
                    slot,
                    allowed: allowed.to_vec(),
                    suggestion,
                    span: self.inside(text.span, &text.node, range),
                });
            }
        }
    }

    /// The span of `range` of a string literal's text, when the literal is written without
    /// escapes (its bytes are the text's); else the whole literal.
    fn inside(&self, literal: Span, text: &str, range: std::ops::Range<usize>) -> Span {
        let written = self.source.text.get(literal.start..literal.end);
        if written.is_some_and(|w| w.len() == text.len() + 2 && w.get(1..w.len() - 1) == Some(text))
        {
            Span::new(
                literal.file,
                literal.start + 1 + range.start,
                literal.start + 1 + range.end,
            )
        } else {
            literal
        }
    }
}
