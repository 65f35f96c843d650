//! Expressions: conditions and values.

use chrono::NaiveDate;

use super::Name;
use crate::source::{Span, Spanned};
use crate::vocab::Duration;

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// The forms of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a.b.c`: an input, a binding, a document field or an enum value.
    Path(Vec<Name>),
    /// `"…"`.
    Str(String),
    /// `42`.
    Number(i64),
    /// `true` / `false`.
    Bool(bool),
    /// `2019-05-14`.
    Date(NaiveDate),
    /// `7 calendar days`.
    Duration(Duration),
    /// `not …`.
    Not(Box<Expr>),
    /// `a OP b`.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `x in (a, b)`.
    InList(Box<Expr>, Vec<Spanned<Literal>>),
    /// `set has_any (a, b)`.
    HasAny(Box<Expr>, Vec<Spanned<Literal>>),
    /// `set has a`.
    Has(Box<Expr>, Spanned<Literal>),
    /// `has document KIND`.
    HasDocument(Name),
    /// `any x in list where …` / `all …`.
    Quantifier {
        /// `any` (true) or `all` (false).
        any: bool,
        /// The bound name.
        binding: Name,
        /// The list.
        list: Name,
        /// The condition.
        body: Box<Expr>,
    },
    /// `age(x, on: y)`.
    Call(Name, Vec<(Option<Name>, Expr)>),
}

/// A literal in a value list: an enum value (bare) or a string.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// A bare identifier.
    Ident(String),
    /// A quoted string.
    Str(String),
}

impl Literal {
    /// The text of the value.
    pub fn text(&self) -> &str {
        match self {
            Literal::Ident(s) | Literal::Str(s) => s,
        }
    }
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `and`
    And,
    /// `or`
    Or,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
}

impl BinaryOp {
    /// How it is written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
            BinaryOp::Eq => "==",
            BinaryOp::Ne => "!=",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "<=",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => ">=",
            BinaryOp::Add => "+",
            BinaryOp::Sub => "-",
        }
    }
}
