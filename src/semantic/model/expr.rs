//! Typed, resolved expressions: the conditions of requirements, grounds and validity rules,
//! and the document fields they may read.

use chrono::NaiveDate;

use super::Type;
use crate::source::Span;
use crate::vocab::Duration;

/// A document field that `valid when` conditions may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocField {
    /// `number`
    Number,
    /// `issued_on`
    IssuedOn,
    /// `expires_on`
    ExpiresOn,
    /// `language`
    Language,
    /// `signed`
    Signed,
    /// `child`
    Child,
}

impl DocField {
    /// Every field, in the catalogue's order.
    pub const ALL: [DocField; 6] = [
        DocField::Number,
        DocField::IssuedOn,
        DocField::ExpiresOn,
        DocField::Language,
        DocField::Signed,
        DocField::Child,
    ];

    /// The field's JSON name.
    pub fn name(self) -> &'static str {
        match self {
            DocField::Number => "number",
            DocField::IssuedOn => "issued_on",
            DocField::ExpiresOn => "expires_on",
            DocField::Language => "language",
            DocField::Signed => "signed",
            DocField::Child => "child",
        }
    }

    /// Its type.
    pub fn ty(self) -> Type {
        match self {
            DocField::Number | DocField::Language => Type::Text,
            DocField::IssuedOn | DocField::ExpiresOn => Type::Date,
            DocField::Signed => Type::Bool,
            DocField::Child => Type::Number,
        }
    }

    /// The field of this name.
    pub fn from_name(name: &str) -> Option<DocField> {
        DocField::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// A typed, resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub enum TExpr {
    /// A constant.
    Const(Const),
    /// A service input, by index.
    Input(usize),
    /// A field of the item bound by the innermost `for each`/`any`/`all`.
    ItemField(usize),
    /// The index of the bound item in its list.
    ItemIndex,
    /// A field of the document being checked (`valid when`).
    DocField(DocField),
    /// `submitted_at`.
    SubmittedAt,
    /// `submitted_on`: the local date of `submitted_at`.
    SubmittedOn,
    /// `channel`.
    Channel,
    /// A `let`, by index.
    Let(usize),
    /// `not`.
    Not(Box<TExpr>),
    /// `and`.
    And(Box<TExpr>, Box<TExpr>),
    /// `or`.
    Or(Box<TExpr>, Box<TExpr>),
    /// A comparison.
    Compare(CompareOp, Box<TExpr>, Box<TExpr>),
    /// A date or instant plus or minus a duration.
    Shift(Box<TExpr>, Duration, bool),
    /// `x in (a, b)`.
    InList(Box<TExpr>, Vec<String>),
    /// `set has_any (a, b)` (`has a` is the one-element case).
    HasAny(Box<TExpr>, Vec<String>),
    /// `has document KIND`.
    HasDocument(String),
    /// `any`/`all` over a list input.
    Quantifier {
        /// `any` (true) or `all` (false).
        any: bool,
        /// The list input.
        list: usize,
        /// The condition on each item.
        body: Box<TExpr>,
    },
    /// `age(birth, on: day)` in whole years.
    Age(Box<TExpr>, Box<TExpr>),
}

/// A constant value.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    /// Yes/no.
    Bool(bool),
    /// Text or enum value.
    Text(String),
    /// A number.
    Number(i64),
    /// A date.
    Date(NaiveDate),
    /// A duration.
    Duration(Duration),
}

/// How two values compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
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
}

impl CompareOp {
    /// Whether the comparison holds for two values that compare as `ord`.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        match self {
            CompareOp::Eq => ord.is_eq(),
            CompareOp::Ne => ord.is_ne(),
            CompareOp::Lt => ord.is_lt(),
            CompareOp::Le => ord.is_le(),
            CompareOp::Gt => ord.is_gt(),
            CompareOp::Ge => ord.is_ge(),
        }
    }
}

/// A condition with the source it came from.
#[derive(Debug, Clone)]
pub struct Condition {
    /// The typed expression.
    pub expr: TExpr,
    /// Where it was written.
    pub span: Span,
}
