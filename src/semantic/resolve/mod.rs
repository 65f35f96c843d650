//! Resolution: every name in a service (acts, actors, inputs, documents, steps) bound to its
//! definition, duplicates and step cycles found, and the service lowered to the checked model.

use std::collections::BTreeMap;

use super::error::SemanticError;
use super::model::ActInfo;
use crate::source::{SourceFile, Span};
use crate::suggest::suggest;
use crate::syntax::ast::Name;
use crate::vocab::Wording;

mod elements;
mod examples;
mod inputs;
mod personal;
pub(super) use personal::unknown_personal_field;
mod provenance;
mod service;
mod slots;
mod weight;

/// The most parts and levels a `let` may have once the lets it names are put in.
pub(super) const LET_LIMITS: (usize, usize) = (weight::LET_PARTS, weight::LET_DEPTH);

/// How to define an act that is not defined.
pub(super) fn declare_act() -> Wording {
    Wording::new(
        "declare it with `act NAME { … }` in a rule file of this rule set",
        "объявите его через `act NAME { … }` в одном из файлов правил этого набора",
        "оны осы жиынның ереже файлдарының бірінде `act NAME { … }` арқылы жариялаңыз",
    )
}

/// Lower one service to the model.
pub(crate) struct ServiceResolver<'a> {
    pub acts: &'a BTreeMap<String, ActInfo>,
    pub calendars: &'a [String],
    pub source: &'a SourceFile,
    pub errors: &'a mut Vec<SemanticError>,
}

impl ServiceResolver<'_> {
    pub(super) fn undefined(
        &mut self,
        what: &'static str,
        name: &Name,
        candidates: &[&str],
        how: Wording,
    ) {
        self.errors.push(SemanticError::Undefined {
            what,
            name: name.node.clone(),
            suggestion: suggest(&name.node, candidates.iter().copied()).map(String::from),
            how,
            repeats: 0,
            span: name.span,
        });
    }

    pub(super) fn duplicate(&mut self, what: &'static str, name: &Name, first: Span) {
        self.errors.push(SemanticError::Duplicate {
            what,
            name: name.node.clone(),
            span: name.span,
            first,
        });
    }

    pub(super) fn act_ref(&mut self, name: &Name) {
        if !self.acts.contains_key(&name.node) {
            let names: Vec<&str> = self.acts.keys().map(String::as_str).collect();
            self.undefined("act", name, &names, declare_act());
        }
    }
}
