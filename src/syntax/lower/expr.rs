//! Lowering of expressions, with operator precedence from pest's `PrattParser`.

use pest::iterators::Pair;

use super::super::ast::{BinaryOp, Expr, ExprKind, Literal};
use super::super::error::SyntaxError;
use super::super::parser::Rule;
use super::{DefaultName, Lower};
use crate::source::{Span, Spanned};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not))
        .op(Op::infix(Rule::op_eq, Assoc::Left)
            | Op::infix(Rule::op_ne, Assoc::Left)
            | Op::infix(Rule::op_lt, Assoc::Left)
            | Op::infix(Rule::op_le, Assoc::Left)
            | Op::infix(Rule::op_gt, Assoc::Left)
            | Op::infix(Rule::op_ge, Assoc::Left))
        .op(Op::postfix(Rule::op_in_list)
            | Op::postfix(Rule::op_has_any)
            | Op::postfix(Rule::op_has))
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
});

impl Lower {
    /// An expression, or, past the limits on nesting and on operators, an error and `true`
    /// in its place: every later phase walks the tree it makes, so its depth is bounded here.
    pub(super) fn expr(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        if self.depth >= super::NESTING_LIMIT {
            self.errors.push(SyntaxError::TooDeep {
                limit: super::NESTING_LIMIT,
                span: Span::new(span.file, span.start, span.start + 1),
            });
            return Expr {
                kind: ExprKind::Bool(true),
                span,
            };
        }
        // operands and operators alternate: a chain of N operators has about N + 1 parts
        let parts = pair.clone().into_inner().count();
        if parts > 2 * super::OPERATOR_LIMIT + 1 {
            self.errors.push(SyntaxError::TooLong {
                limit: super::OPERATOR_LIMIT,
                span,
            });
            return Expr {
                kind: ExprKind::Bool(true),
                span,
            };
        }
        self.depth += 1;
        let expr = self.expr_within(pair);
        self.depth -= 1;
        expr
    }

    fn expr_within(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let (file, base) = (self.file, self.base);
        let this = std::cell::RefCell::new(self);
        let sp = |p: &Pair<'_, Rule>| {
            let s = p.as_span();
            Span::new(file, base + s.start(), base + s.end())
        };
        PRATT
            .map_primary(|p| this.borrow_mut().primary(p))
            .map_prefix(|op, rhs| {
                let span = sp(&op).to(rhs.span);
                Expr {
                    kind: ExprKind::Not(Box::new(rhs)),
                    span,
                }
            })
            .map_postfix(|lhs, op| {
                let span = lhs.span.to(sp(&op));
                let lower = this.borrow_mut();
                let kind = match op.as_rule() {
                    Rule::op_has => {
                        let lit = op
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::literal_value)
                            .map(|x| lower.literal(&x));
                        ExprKind::Has(
                            Box::new(lhs),
                            lit.unwrap_or(Spanned::new(Literal::Str(String::new()), span)),
                        )
                    }
                    rule => {
                        let values = op
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::value_list)
                            .map(|l| l.into_inner().map(|x| lower.literal(&x)).collect())
                            .unwrap_or_default();
                        if rule == Rule::op_has_any {
                            ExprKind::HasAny(Box::new(lhs), values)
                        } else {
                            ExprKind::InList(Box::new(lhs), values)
                        }
                    }
                };
                Expr { kind, span }
            })
            .map_infix(|lhs, op, rhs| {
                let op = match op.as_rule() {
                    Rule::op_and => BinaryOp::And,
                    Rule::op_or => BinaryOp::Or,
                    Rule::op_eq => BinaryOp::Eq,
                    Rule::op_ne => BinaryOp::Ne,
                    Rule::op_lt => BinaryOp::Lt,
                    Rule::op_le => BinaryOp::Le,
                    Rule::op_gt => BinaryOp::Gt,
                    Rule::op_ge => BinaryOp::Ge,
                    Rule::op_add => BinaryOp::Add,
                    _ => BinaryOp::Sub,
                };
                let span = lhs.span.to(rhs.span);
                Expr {
                    kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                    span,
                }
            })
            .parse(pair.into_inner())
    }

    pub(super) fn literal(&self, pair: &Pair<'_, Rule>) -> Spanned<Literal> {
        let span = self.span(pair);
        match pair.clone().into_inner().next() {
            Some(p) if p.as_rule() == Rule::string => {
                Spanned::new(Literal::Str(self.string(&p).node), span)
            }
            Some(p) => Spanned::new(
                Literal::Ident(crate::syntax::keywords::bare(p.as_str())),
                span,
            ),
            None => Spanned::new(
                Literal::Ident(crate::syntax::keywords::bare(pair.as_str())),
                span,
            ),
        }
    }

    pub(super) fn primary(&mut self, pair: Pair<'_, Rule>) -> Expr {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::expr => return self.expr(pair),
            Rule::duration => ExprKind::Duration(self.duration(&pair).node),
            Rule::date => ExprKind::Date(self.date(&pair).node),
            Rule::bool_lit => ExprKind::Bool(
                pair.clone()
                    .into_inner()
                    .next()
                    .is_some_and(|k| k.as_rule() == Rule::kw_true),
            ),
            Rule::string => ExprKind::Str(self.string(&pair).node),
            Rule::number_lit => ExprKind::Number(i64::from(self.number(&pair))),
            Rule::has_document => {
                let kind = pair
                    .into_inner()
                    .find(|x| x.as_rule() == Rule::ident)
                    .map(|x| self.name(&x));
                ExprKind::HasDocument(kind.unwrap_or_default_name(span))
            }
            Rule::quantifier => {
                let mut any = true;
                let mut binding = None;
                let mut list = None;
                let mut body = None;
                for x in pair.into_inner() {
                    match x.as_rule() {
                        Rule::quantifier_kind => {
                            any = x
                                .into_inner()
                                .next()
                                .is_some_and(|k| k.as_rule() == Rule::kw_any);
                        }
                        Rule::ident => binding = Some(self.name(&x)),
                        Rule::path => list = Some(self.name(&x)),
                        Rule::expr => body = Some(self.expr(x)),
                        _ => {}
                    }
                }
                ExprKind::Quantifier {
                    any,
                    binding: binding.unwrap_or_default_name(span),
                    list: list.unwrap_or_default_name(span),
                    body: Box::new(body.unwrap_or(Expr {
                        kind: ExprKind::Bool(true),
                        span,
                    })),
                }
            }
            Rule::call => {
                let mut it = pair.into_inner();
                let name = it
                    .next()
                    .map(|x| self.name(&x))
                    .unwrap_or_default_name(span);
                let mut args = Vec::new();
                for arg in it {
                    let mut label = None;
                    let mut value = None;
                    for y in arg.into_inner() {
                        match y.as_rule() {
                            Rule::ident => label = Some(self.name(&y)),
                            Rule::expr => value = Some(self.expr(y)),
                            _ => {}
                        }
                    }
                    if let Some(value) = value {
                        args.push((label, value));
                    }
                }
                ExprKind::Call(name, args)
            }
            _ => {
                // a path: split into its segments, each with its own span
                let segments = pair
                    .into_inner()
                    .filter(|x| matches!(x.as_rule(), Rule::ident | Rule::segment))
                    .map(|x| self.name(&x))
                    .collect();
                ExprKind::Path(segments)
            }
        };
        Expr { kind, span }
    }
}
