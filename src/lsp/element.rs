//! From a declared name back to the element of the syntax tree that declares it, for the
//! answers that show what an element says (hover, the outline).

use super::index::{Kind, Symbol};
use crate::syntax::ast;

/// An element of a rule file.
#[derive(Debug, Clone, Copy)]
pub enum Element<'a> {
    /// `act …`
    Act(&'a ast::Act),
    /// `service …`
    Service(&'a ast::Service),
    /// `calendar …`
    Calendar(&'a ast::Calendar),
    /// `channel …`
    Channel(&'a ast::Channel),
    /// `actor …`
    Actor(&'a ast::Actor),
    /// `input …`
    Input(&'a ast::Input),
    /// `let …`
    Let(&'a ast::Let),
    /// `document …`
    Document(&'a ast::Document),
    /// `refusal …`
    Refusal(&'a ast::Refusal),
    /// `step …`
    Step(&'a ast::Step),
    /// `view …`
    View(&'a ast::View),
}

impl Element<'_> {
    /// Its citations, sources, validity and suppressions.
    pub fn provenance(&self) -> &ast::Provenance {
        match self {
            Element::Act(a) => &a.provenance,
            Element::Service(s) => &s.provenance,
            Element::Calendar(c) => &c.provenance,
            Element::Channel(c) => &c.provenance,
            Element::Actor(a) => &a.provenance,
            Element::Input(i) => &i.provenance,
            Element::Let(l) => &l.provenance,
            Element::Document(d) => &d.provenance,
            Element::Refusal(r) => &r.provenance,
            Element::Step(s) => &s.provenance,
            Element::View(v) => &v.provenance,
        }
    }

    /// Its titles, where it has them.
    pub fn title(&self) -> Option<&crate::vocab::Texts> {
        match self {
            Element::Act(a) => Some(&a.title),
            Element::Service(s) => Some(&s.title),
            Element::Calendar(c) => Some(&c.title),
            Element::Document(d) => Some(&d.title),
            Element::Refusal(r) => Some(&r.title),
            _ => None,
        }
    }
}

/// The element that declares `symbol` (none for a bound name or a result).
pub fn of<'a>(files: &'a [ast::File], symbol: &Symbol) -> Option<Element<'a>> {
    let file = files.get(symbol.full.file)?;
    let same = |span: crate::source::Span| span == symbol.full;
    for decl in &file.decls {
        match decl {
            ast::Decl::Act(a) if symbol.kind == Kind::Act && same(a.span) => {
                return Some(Element::Act(a));
            }
            ast::Decl::Calendar(c) if symbol.kind == Kind::Calendar && same(c.span) => {
                return Some(Element::Calendar(c));
            }
            ast::Decl::Service(s)
                if s.span.start <= symbol.full.start && symbol.full.end <= s.span.end =>
            {
                if let Some(e) = in_service(s, symbol) {
                    return Some(e);
                }
            }
            _ => {}
        }
    }
    None
}

fn in_service<'a>(s: &'a ast::Service, symbol: &Symbol) -> Option<Element<'a>> {
    let same = |span: crate::source::Span| span == symbol.full;
    match symbol.kind {
        Kind::Service => same(s.span).then_some(Element::Service(s)),
        Kind::Channel => s
            .channels
            .iter()
            .find(|c| same(c.span))
            .map(Element::Channel),
        Kind::Actor => s.actors.iter().find(|a| same(a.span)).map(Element::Actor),
        Kind::Input => s.inputs.iter().find(|i| same(i.span)).map(Element::Input),
        Kind::Let => s.lets.iter().find(|l| same(l.span)).map(Element::Let),
        Kind::Document => s
            .documents
            .iter()
            .find(|d| same(d.span))
            .map(Element::Document),
        Kind::Refusal => s
            .refusals
            .iter()
            .find(|r| same(r.span))
            .map(Element::Refusal),
        Kind::View => s.views.iter().find(|v| same(v.span)).map(Element::View),
        Kind::Step => s
            .process
            .iter()
            .chain(s.views.iter().map(|v| &v.process))
            .flat_map(|p| &p.steps)
            .find(|st| same(st.span))
            .map(Element::Step),
        Kind::Act | Kind::Calendar | Kind::Result | Kind::Binding => None,
    }
}
