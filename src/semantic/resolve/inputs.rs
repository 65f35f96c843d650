//! The declared types of inputs: named types, one-of and set values, list records.

use super::ServiceResolver;
use crate::semantic::error::SemanticError;
use crate::semantic::model::{FieldDef, Type};
use crate::source::Span;
use crate::suggest::suggest;
use crate::syntax::ast::{Name, TypeExpr};
use std::collections::HashMap;

impl ServiceResolver<'_> {
    /// The type of an input (`personal`: the input is marked, so every field of its records
    /// is too).
    pub(super) fn ty(&mut self, ty: &TypeExpr, personal: bool) -> Type {
        match ty {
            TypeExpr::Named(name) => match name.node.as_str() {
                "date" => Type::Date,
                "instant" => Type::Instant,
                "bool" => Type::Bool,
                "text" => Type::Text,
                "number" => Type::Number,
                other => {
                    let known = ["date", "instant", "bool", "text", "number"];
                    let suggestion = suggest(other, known.into_iter()).map(String::from);
                    self.errors.push(SemanticError::UnknownType {
                        name: other.to_string(),
                        suggestion,
                        span: name.span,
                    });
                    Type::Error
                }
            },
            TypeExpr::Enum(values) => Type::Enum(self.values(values)),
            TypeExpr::Set(values) => Type::Set(self.values(values)),
            TypeExpr::List(fields) => {
                let mut out: Vec<FieldDef> = Vec::new();
                let mut seen: HashMap<&str, Span> = HashMap::new();
                for f in fields {
                    if let Some(first) = seen.insert(f.name.node.as_str(), f.name.span) {
                        self.duplicate("field", &f.name, first);
                        continue;
                    }
                    let ty = self.ty(&f.ty.node, personal || f.personal);
                    out.push(FieldDef {
                        name: f.name.node.clone(),
                        ty,
                        personal: personal || f.personal,
                    });
                }
                Type::List(out)
            }
        }
    }

    pub(super) fn values(&mut self, values: &[Name]) -> Vec<String> {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        let mut out = Vec::new();
        for v in values {
            if let Some(first) = seen.insert(v.node.as_str(), v.span) {
                self.duplicate("value", v, first);
            } else {
                out.push(v.node.clone());
            }
        }
        out
    }
}
