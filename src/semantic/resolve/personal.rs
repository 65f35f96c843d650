//! `personal` in a document: the fields it names resolved to the document's fields (an input
//! or a record's field is marked where it is declared, and needs no resolving).

use super::ServiceResolver;
use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::semantic::error::{SemanticError, did_you_mean};
use crate::semantic::model::DocField;
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::Name;
use crate::vocab::Wording;

impl ServiceResolver<'_> {
    /// The fields a document's `personal` clauses name, each once; a name that is no field of
    /// a document is an error (a misspelt field would leave the real one unmasked).
    pub(super) fn personal_fields(&mut self, names: &[Name]) -> Vec<DocField> {
        let mut out = Vec::new();
        for name in names {
            match DocField::from_name(&name.node) {
                Some(field) if !out.contains(&field) => out.push(field),
                Some(_) => {}
                None => self.errors.push(SemanticError::UnknownPersonalField {
                    name: name.node.clone(),
                    suggestion: suggest(&name.node, DocField::ALL.iter().map(|f| f.name()))
                        .map(String::from),
                    span: name.span,
                }),
            }
        }
        out
    }
}

/// E0209: `personal` names something that is not a field of a document.
pub(crate) fn unknown_personal_field(
    name: &str,
    suggestion: Option<&str>,
    span: Span,
) -> Diagnostic {
    let fields = DocField::ALL
        .iter()
        .map(|f| format!("`{}`", f.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let message = Wording::new(
        format!("`{name}` is not a field of a document"),
        format!("`{name}` — не поле документа"),
        format!("`{name}` — құжаттың өрісі емес"),
    );
    let label = Wording::new(
        "not a document field",
        "не поле документа",
        "құжат өрісі емес",
    );
    let help = match suggestion {
        Some(s) => did_you_mean(s),
        None => Wording::new(
            format!(
                "`personal` in a document names its fields: {fields}; mark an input's own value with `personal` after its type"
            ),
            format!(
                "`personal` в документе называет его поля: {fields}; значение факта отмечайте словом `personal` после его типа"
            ),
            format!(
                "құжаттағы `personal` оның өрістерін атайды: {fields}; фактінің мәнін түрінен кейін `personal` деп белгілеңіз"
            ),
        ),
    };
    Diagnostic::new(
        &codes::UNKNOWN_PERSONAL_FIELD,
        message,
        Label::new(span, label),
    )
    .with_help(help)
}
