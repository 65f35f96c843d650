//! Types and units: every expression resolved against its scope and given a type.
//!
//! Paths resolve, in order, to: a field of the bound list item, a document field (inside
//! `valid when`), a service input, a `let`, a built-in (`submitted_at`, `submitted_on`,
//! `channel`), and — compared with a one-of input — a value of that input.

use std::collections::HashMap;

use super::error::SemanticError;
use super::model::{Const, FieldDef, InputDef, TExpr, Type, UnitFamily};
use crate::source::{SourceFile, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{Expr, ExprKind};
use crate::vocab::DurationUnit;

mod call;
mod names;
mod operators;
use crate::vocab::Wording;

/// What names an expression can see.
pub(crate) struct Scope<'a> {
    /// The service's inputs.
    pub inputs: &'a [InputDef],
    /// `let`s defined so far, with their types.
    pub lets: &'a [(String, Type)],
    /// Where each input path and `let` name is, so a lookup costs the same in a service of
    /// ten names as in one of ten thousand.
    pub index: &'a NameIndex,
    /// Document kinds the service declares.
    pub documents: &'a [String],
    /// The bound item: its name and its record's fields.
    pub binding: Option<(&'a str, &'a [FieldDef])>,
    /// Inside `valid when`: document fields are visible.
    pub document_fields: bool,
}

/// Input paths (`a.b`) and `let` names to their positions in [`Scope::inputs`] and
/// [`Scope::lets`].
#[derive(Default)]
pub(crate) struct NameIndex {
    pub inputs: HashMap<String, usize>,
    pub lets: HashMap<String, usize>,
}

impl<'a> Scope<'a> {
    /// The input with this dotted path.
    pub fn input(&self, path: &str) -> Option<(usize, &'a InputDef)> {
        let &i = self.index.inputs.get(path)?;
        Some((i, self.inputs.get(i)?))
    }

    /// The `let` of this name, if it is defined before the expression being typed.
    pub fn let_named(&self, name: &str) -> Option<(usize, &'a Type)> {
        let &i = self.index.lets.get(name)?;
        self.lets.get(i).map(|(_, ty)| (i, ty))
    }
}

/// Types expressions of one file, collecting errors.
pub(crate) struct Typer<'a> {
    pub source: &'a SourceFile,
    pub errors: &'a mut Vec<SemanticError>,
    /// The other side of the comparison being typed, as written.
    pub compared: Option<String>,
}

/// The text of an expression as written, for messages.
pub(super) fn written(source: &SourceFile, expr: &Expr) -> String {
    source
        .text
        .get(expr.span.start..expr.span.end)
        .unwrap_or("")
        .to_string()
}

impl Typer<'_> {
    /// Type a condition: it must be yes/no.
    pub fn condition(&mut self, expr: &Expr, scope: &Scope<'_>) -> TExpr {
        let (t, ty) = self.expr(expr, scope, None);
        if ty != Type::Bool && ty != Type::Error {
            self.errors.push(SemanticError::NotACondition {
                found: ty.describe_words(),
                span: expr.span,
            });
        }
        t
    }

    /// Two values of kinds that do not go together, each side labelled with its kind.
    pub(super) fn mismatch(
        &mut self,
        message: Wording,
        help: Wording,
        left: (&Expr, &Type),
        right: (&Expr, &Type),
    ) {
        self.errors.push(SemanticError::TypeMismatch {
            message,
            help,
            left: left.0.span,
            left_label: left.1.describe_words(),
            right: right.0.span,
            right_label: right.1.describe_words(),
        });
    }

    pub(super) fn wrong(&mut self, message: Wording, help: Wording, span: Span, label: Wording) {
        self.errors.push(SemanticError::WrongType {
            message,
            help,
            span,
            label,
        });
    }

    /// Type an expression; `hint` is the type of the other side of a comparison.
    pub fn expr(&mut self, expr: &Expr, scope: &Scope<'_>, hint: Option<&Type>) -> (TExpr, Type) {
        match &expr.kind {
            ExprKind::Bool(b) => (TExpr::Const(Const::Bool(*b)), Type::Bool),
            ExprKind::Str(s) => (TExpr::Const(Const::Text(s.clone())), Type::Text),
            ExprKind::Number(n) => (TExpr::Const(Const::Number(*n)), Type::Number),
            ExprKind::Date(d) => (TExpr::Const(Const::Date(*d)), Type::Date),
            ExprKind::Duration(d) => {
                if d.unit == DurationUnit::CalendarWorkingDays {
                    self.errors
                        .push(SemanticError::MixedDayKind { span: expr.span });
                    return (TExpr::Const(Const::Duration(*d)), Type::Error);
                }
                (
                    TExpr::Const(Const::Duration(*d)),
                    Type::Duration(UnitFamily::of(d.unit)),
                )
            }
            ExprKind::Path(segments) => self.path(expr, segments, scope, hint),
            ExprKind::Not(inner) => (
                TExpr::Not(Box::new(self.condition(inner, scope))),
                Type::Bool,
            ),
            ExprKind::Binary(op, l, r) => self.binary(*op, l, r, scope),
            ExprKind::InList(value, options) => {
                let (t, ty) = self.expr(value, scope, None);
                let values = self.literals(options, &ty, value);
                (TExpr::InList(Box::new(t), values), Type::Bool)
            }
            ExprKind::HasAny(set, options) => self.has(set, options, scope),
            ExprKind::Has(set, option) => self.has(set, std::slice::from_ref(option), scope),
            ExprKind::HasDocument(kind) => {
                if !scope.documents.contains(&kind.node) {
                    self.errors.push(SemanticError::Undefined {
                        what: "document",
                        name: kind.node.clone(),
                        suggestion: suggest(&kind.node, scope.documents.iter().map(String::as_str))
                            .map(String::from),
                        how: Wording::new(
                            "declare it with `document …` in this service",
                            "объявите его через `document …` в этой услуге",
                            "оны осы қызметте `document …` арқылы жариялаңыз",
                        ),
                        repeats: 0,
                        span: kind.span,
                    });
                }
                (TExpr::HasDocument(kind.node.clone()), Type::Bool)
            }
            ExprKind::Quantifier {
                any,
                binding,
                list,
                body,
            } => {
                let Some((index, fields)) = self.list_input(list, scope) else {
                    return (TExpr::Const(Const::Bool(false)), Type::Error);
                };
                let inner = Scope {
                    binding: Some((binding.node.as_str(), fields)),
                    ..*scope
                };
                let body = self.condition(body, &inner);
                (
                    TExpr::Quantifier {
                        any: *any,
                        list: index,
                        body: Box::new(body),
                    },
                    Type::Bool,
                )
            }
            ExprKind::Call(name, args) => self.call(expr, name, args, scope),
        }
    }
}
