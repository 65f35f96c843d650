//! The lowering side of recovery (see `syntax::recover` for the cut): each piece parsed on its
//! own with its offset in the file, a service rebuilt from the elements that read.

use std::ops::Range;

use pest::Parser;
use pest::iterators::{Pair, Pairs};

use super::service::ServiceOnce;
use super::{CALL_LIMIT, Lower, Parsed};
use crate::source::{SourceFile, Span, Spanned};
use crate::syntax::ast::{Decl, Service};
use crate::syntax::error::{Piece, SyntaxError};
use crate::syntax::parser::{Rule, RuleParser};
use crate::syntax::recover;

/// Parse `piece` of the text with `rule`, under pest's work limit.
pub(super) fn parse_piece(
    rule: Rule,
    source: &SourceFile,
    file: usize,
    piece: Piece,
) -> Result<Pairs<'_, Rule>, Box<SyntaxError>> {
    let text = source.text.get(piece.base..piece.end).unwrap_or("");
    pest::set_call_limit(std::num::NonZeroUsize::new(CALL_LIMIT));
    let pairs = RuleParser::parse(rule, text);
    pest::set_call_limit(None);
    pairs.map_err(|e| Box::new(SyntaxError::from_pest(&e, source, file, piece)))
}

/// Read a file that does not parse whole, declaration by declaration, and a service that does
/// not parse whole, element by element.
pub(super) fn recover(
    lower: &mut Lower,
    source: &SourceFile,
    file: usize,
    units: &mut Vec<Range<usize>>,
) -> Parsed {
    let text: &str = &source.text;
    let mut out = Parsed::default();
    for range in recover::declarations(text) {
        if recover::is_blank(text, range.clone()) {
            continue;
        }
        let piece = Piece {
            base: range.start,
            end: range.end,
            context: range.start,
            in_block: false,
        };
        lower.base = range.start;
        match parse_piece(Rule::file, source, file, piece) {
            Ok(pairs) => {
                units.push(range.clone());
                let decls = lower.file(pairs).decls;
                out.file.decls.extend(decls);
            }
            Err(error) => match recover::service_parts(text, range.clone()) {
                Some(parts) => {
                    let before = out.errors.len();
                    units.extend(parts.elements.iter().cloned());
                    let service = recover_service(lower, source, file, &range, &parts, &mut out);
                    out.file.decls.push(Decl::Service(Box::new(service)));
                    if out.errors.len() == before {
                        // every element read: the service's own frame is what is broken
                        out.errors.push(*error);
                    }
                }
                None => {
                    units.push(range.clone());
                    recover::declared_names(text, range, &mut out.holes);
                    out.errors.push(*error);
                }
            },
        }
    }
    lower.base = 0;
    out
}

/// Read the elements of a service one by one into a service named by its heading.
fn recover_service(
    lower: &mut Lower,
    source: &SourceFile,
    file: usize,
    range: &Range<usize>,
    parts: &recover::ServiceParts,
    out: &mut Parsed,
) -> Service {
    let text: &str = &source.text;
    let (name, name_range) = &parts.name;
    let name = Spanned::new(
        name.clone(),
        Span::new(file, name_range.start, name_range.end),
    );
    let mut service = Service::new(name, Span::new(file, range.start, range.end));
    let mut seen = ServiceOnce::default();
    for element in &parts.elements {
        let piece = Piece {
            base: element.start,
            end: element.end,
            context: range.start,
            in_block: true,
        };
        lower.base = element.start;
        match parse_piece(Rule::service_items, source, file, piece) {
            Ok(mut pairs) => {
                let items = pairs.next().map(Pair::into_inner).into_iter().flatten();
                for item in items.filter(|p| p.as_rule() != Rule::EOI) {
                    lower.service_item(&mut service, &mut seen, item);
                }
            }
            Err(error) => {
                recover::declared_names(text, element.clone(), &mut out.holes);
                out.errors.push(*error);
            }
        }
    }
    if !recover::is_blank(text, parts.tail.clone()) {
        let tail = Piece {
            base: parts.tail.start,
            end: parts.tail.end,
            context: parts.tail.start,
            in_block: false,
        };
        lower.base = tail.base;
        match parse_piece(Rule::file, source, file, tail) {
            Ok(pairs) => out.file.decls.extend(lower.file(pairs).decls),
            Err(error) => out.errors.push(*error),
        }
    }
    service
}
