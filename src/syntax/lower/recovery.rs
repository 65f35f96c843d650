//! The lowering side of recovery (see `syntax::recover` for the cut): each piece parsed on its
//! own with its offset in the file, a service rebuilt from the elements that read.

use std::ops::Range;

use pest::Parser;
use pest::iterators::{Pair, Pairs};

use super::service::ServiceOnce;
use super::{Lower, Parsed, call_limit};
use crate::source::{SourceFile, Span, Spanned};
use crate::syntax::ast::{Act, Calendar, Decl, Document, Process, Refusal, Service, View};
use crate::syntax::error::{Piece, SyntaxError};
use crate::syntax::keywords::Directive;
use crate::syntax::parser::{Rule, RuleParser};
use crate::syntax::recover;

/// Parse `piece` of the text with `rule`, under pest's work limit.
pub(super) fn parse_piece<'s>(
    rule: Rule,
    source: &'s SourceFile,
    file: usize,
    piece: Piece,
    errors: &mut Vec<SyntaxError>,
) -> Result<Pairs<'s, Rule>, Box<SyntaxError>> {
    let text = source.text.get(piece.base..piece.end).unwrap_or("");
    pest::set_call_limit(std::num::NonZeroUsize::new(call_limit(text.len())));
    let pairs = RuleParser::parse(rule, text);
    pest::set_call_limit(None);
    let pairs = pairs.map_err(|e| Box::new(SyntaxError::from_pest(&e, source, file, piece)))?;
    if let Some(set) = Directive::of(&source.text).set() {
        crate::syntax::mixed::check(&pairs, set, file, piece.base, errors);
    }
    Ok(pairs)
}

/// Read a file that does not parse whole, declaration by declaration; a declaration that does
/// not parse whole, item by item (and a service's block elements, clause by clause).
pub(super) fn recover(
    lower: &mut Lower,
    source: &SourceFile,
    file: usize,
    units: &mut Vec<Range<usize>>,
) -> Parsed {
    let text: &str = &source.text;
    let mut reader = Reader {
        lower,
        source,
        file,
        units,
        out: Parsed::default(),
    };
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
        reader.lower.base = range.start;
        match parse_piece(Rule::file, source, file, piece, &mut reader.lower.errors) {
            Ok(pairs) => {
                reader.units.push(range.clone());
                let decls = reader.lower.file(pairs).decls;
                reader.out.file.decls.extend(decls);
            }
            Err(error) => {
                let block = first_word(text, &range).and_then(Block::top_level);
                match block.and_then(|b| reader.block(b, &range, range.start, *error.clone())) {
                    Some((found, tail)) => {
                        let decl = match found {
                            Found::Service(s) => Decl::Service(Box::new(s)),
                            Found::Act(a) => Decl::Act(Box::new(a)),
                            Found::Calendar(c) => Decl::Calendar(Box::new(c)),
                            _ => continue,
                        };
                        reader.out.file.decls.push(decl);
                        reader.tail(Rule::file, &tail, |lower, pair, out| {
                            out.file.decls.extend(lower.file_decl(pair));
                        });
                    }
                    None => reader.hole(range, *error),
                }
            }
        }
    }
    reader.lower.base = 0;
    reader.out
}

/// The blocks recovery reads item by item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Service,
    Act,
    Calendar,
    Document,
    Refusal,
    Process,
    View,
}

impl Block {
    /// A declaration's block, from its first word.
    fn top_level(word: &str) -> Option<Block> {
        Some(match word {
            "service" => Block::Service,
            "act" => Block::Act,
            "calendar" => Block::Calendar,
            _ => return None,
        })
    }

    /// A service element's block, from its first word.
    fn element(word: &str) -> Option<Block> {
        Some(match word {
            "document" => Block::Document,
            "refusal" => Block::Refusal,
            "process" => Block::Process,
            "view" => Block::View,
            _ => return None,
        })
    }

    fn keyword(self) -> &'static str {
        match self {
            Block::Service => "service",
            Block::Act => "act",
            Block::Calendar => "calendar",
            Block::Document => "document",
            Block::Refusal => "refusal",
            Block::Process => "process",
            Block::View => "view",
        }
    }

    /// The rule that reads the block's items on their own.
    fn items(self) -> Rule {
        match self {
            Block::Service => Rule::service_items,
            Block::Act => Rule::act_items,
            Block::Calendar => Rule::calendar_items,
            Block::Document => Rule::document_items,
            Block::Refusal => Rule::refusal_items,
            Block::Process | Block::View => Rule::process_items,
        }
    }

    /// The keywords that begin one of its items.
    fn item_words(self) -> &'static [&'static str] {
        match self {
            Block::Service => recover::SERVICE_ITEMS,
            Block::Act => &[
                "title",
                "kind",
                "issued",
                "issuer",
                "registered",
                "published",
                "in_force",
                "amended",
                "repealed",
                "annex",
            ],
            Block::Calendar => &[
                "title", "timezone", "weekend", "years", "counting", "holiday", "observed",
                "fixed", "working", "transfer",
            ],
            Block::Document => &["title", "required", "valid", "message", "personal"],
            Block::Refusal => &["title", "when", "message"],
            Block::Process | Block::View => &["step", "term"],
        }
    }
}

/// A block read item by item.
enum Found {
    Service(Service),
    Act(Act),
    Calendar(Calendar),
    Document(Document),
    Refusal(Refusal),
    Process(Process),
    View(View),
}

/// The once-only clauses seen so far in the block being read.
#[derive(Default)]
struct Seen {
    service: ServiceOnce,
    act: [Option<Span>; 7],
    calendar: [Option<Span>; 2],
    clause: Option<Span>,
}

/// What recovery carries along.
struct Reader<'a, 's> {
    lower: &'a mut Lower,
    source: &'s SourceFile,
    file: usize,
    units: &'a mut Vec<Range<usize>>,
    out: Parsed,
}

impl Reader<'_, '_> {
    /// A piece that could not be read: its error, and its names as a hole.
    fn hole(&mut self, range: Range<usize>, error: SyntaxError) {
        self.units.push(range.clone());
        recover::declared_names(&self.source.text, range, &mut self.out.holes);
        self.out.errors.push(error);
    }

    /// Read `range`, which opens `block`, item by item. `error` is the whole block's error,
    /// reported if every item reads (the block's frame is what is broken). Returns the block
    /// and what follows its `}` in the range; `None` if its heading cannot be read.
    fn block(
        &mut self,
        block: Block,
        range: &Range<usize>,
        context: usize,
        error: SyntaxError,
    ) -> Option<(Found, Range<usize>)> {
        let text: &str = &self.source.text;
        let parts = recover::block_parts(text, range.clone(), block.keyword(), block.item_words())?;
        let file = self.file;
        let span = Span::new(file, range.start, range.end);
        let name = parts
            .name
            .as_ref()
            .map(|(n, r)| Spanned::new(n.clone(), Span::new(file, r.start, r.end)));
        let mut found = match (block, name) {
            (Block::Service, Some(n)) => Found::Service(Service::new(n, span)),
            (Block::Act, Some(n)) => Found::Act(Act::new(n, span)),
            (Block::Calendar, Some(n)) => Found::Calendar(Calendar::new(n, span)),
            (Block::Document, Some(n)) => Found::Document(Document::new(n, span)),
            (Block::Refusal, Some(n)) => Found::Refusal(Refusal::new(n, span)),
            (Block::Process, _) => Found::Process(Process::new(span)),
            (Block::View, Some(_)) => Found::View(self.view_head(&parts.head, span)?),
            _ => return None,
        };
        let before = self.out.errors.len();
        let mut seen = Seen::default();
        for item in &parts.items {
            let piece = Piece {
                base: item.start,
                end: item.end,
                context,
                in_block: true,
            };
            self.lower.base = item.start;
            match parse_piece(
                block.items(),
                self.source,
                file,
                piece,
                &mut self.lower.errors,
            ) {
                Ok(mut pairs) => {
                    self.units.push(item.clone());
                    let pairs = pairs.next().map(Pair::into_inner).into_iter().flatten();
                    for pair in pairs.filter(|p| p.as_rule() != Rule::EOI) {
                        self.item(&mut found, &mut seen, pair);
                    }
                }
                Err(e) => self.element(&mut found, item, context, *e),
            }
        }
        if self.out.errors.len() == before {
            self.out.errors.push(error);
        }
        Some((found, parts.tail))
    }

    /// An item of a service that did not read: a block element is read clause by clause, with
    /// what follows its `}` read as the service's; anything else is a hole.
    fn element(
        &mut self,
        found: &mut Found,
        item: &Range<usize>,
        context: usize,
        error: SyntaxError,
    ) {
        let text: &str = &self.source.text;
        let Found::Service(service) = found else {
            return self.hole(item.clone(), error);
        };
        let Some(block) = first_word(text, item).and_then(Block::element) else {
            return self.hole(item.clone(), error);
        };
        let Some((inner, tail)) = self.block(block, item, context, error.clone()) else {
            return self.hole(item.clone(), error);
        };
        match inner {
            Found::Document(d) => service.documents.push(d),
            Found::Refusal(r) => service.refusals.push(r),
            Found::Process(p) if service.process.is_none() => service.process = Some(p),
            Found::View(v) => service.views.push(v),
            _ => {}
        }
        let mut seen = ServiceOnce::default();
        self.tail(Rule::service_items, &tail, |lower, pair, _| {
            lower.service_item(service, &mut seen, pair);
        });
    }

    /// Lower one item that read into the block it belongs to.
    fn item(&mut self, found: &mut Found, seen: &mut Seen, pair: Pair<'_, Rule>) {
        let lower = &mut *self.lower;
        match found {
            Found::Service(s) => lower.service_item(s, &mut seen.service, pair),
            Found::Act(a) => lower.act_item(a, &mut seen.act, pair),
            Found::Calendar(c) => lower.calendar_item(c, &mut seen.calendar, pair),
            Found::Document(d) => lower.document_item(d, &mut seen.clause, pair),
            Found::Refusal(r) => lower.refusal_item(r, &mut seen.clause, pair),
            Found::Process(p) => lower.process_item(p, pair),
            Found::View(v) => lower.view_item(v, pair),
        }
    }

    /// The heading of a view, read on its own.
    fn view_head(&mut self, head: &Range<usize>, span: Span) -> Option<View> {
        let piece = Piece {
            base: head.start,
            end: head.end,
            context: head.start,
            in_block: false,
        };
        self.lower.base = head.start;
        let mut pairs = parse_piece(
            Rule::view_head,
            self.source,
            self.file,
            piece,
            &mut self.lower.errors,
        )
        .ok()?;
        let mut parts = pairs.next()?.into_inner();
        parts.next(); // `view`
        let name = parts.next().map(|n| self.lower.name(&n))?;
        let mut view = View::new(name, span);
        for pair in parts.filter(|p| p.as_rule() != Rule::EOI) {
            self.lower.view_item(&mut view, pair);
        }
        Some(view)
    }

    /// What follows a block's `}` in its piece, read with `rule` and lowered by `into`.
    fn tail(
        &mut self,
        rule: Rule,
        tail: &Range<usize>,
        mut into: impl FnMut(&mut Lower, Pair<'_, Rule>, &mut Parsed),
    ) {
        if recover::is_blank(&self.source.text, tail.clone()) {
            return;
        }
        let piece = Piece {
            base: tail.start,
            end: tail.end,
            context: tail.start,
            in_block: rule != Rule::file,
        };
        self.lower.base = tail.start;
        match parse_piece(rule, self.source, self.file, piece, &mut self.lower.errors) {
            Ok(mut pairs) => {
                self.units.push(tail.clone());
                let pairs = pairs.next().map(Pair::into_inner).into_iter().flatten();
                for pair in pairs.filter(|p| p.as_rule() != Rule::EOI) {
                    into(self.lower, pair, &mut self.out);
                }
            }
            Err(e) => self.hole(tail.clone(), *e),
        }
    }
}

/// The first word of `text[range]`.
fn first_word<'t>(text: &'t str, range: &Range<usize>) -> Option<&'t str> {
    let t = text.get(range.clone())?.trim_start();
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(t.len());
    t.get(..end)
        .filter(|w| !w.is_empty())
        .map(crate::syntax::keywords::english)
}
