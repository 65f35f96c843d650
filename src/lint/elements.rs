//! Every element of the rule files that can carry provenance (citations, `unverified`,
//! `allow`s), with its extent, as lints that look at provenance and suppressions walk them.

use crate::source::Span;
use crate::syntax::ast::{self, CiteTarget, Decl, Provenance};
use crate::vocab::Wording;

/// What kind of element it is, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementKind {
    /// `act`.
    Act,
    /// `service`.
    Service,
    /// `channel`.
    Channel,
    /// `actor`.
    Actor,
    /// `input`.
    Input,
    /// `let`.
    Let,
    /// `document`.
    Document,
    /// `refusal`.
    Refusal,
    /// `view`.
    View,
    /// `step`.
    Step,
    /// `term`.
    Term,
}

impl ElementKind {
    /// The keyword that declares it.
    pub fn keyword(self) -> &'static str {
        match self {
            ElementKind::Act => "act",
            ElementKind::Service => "service",
            ElementKind::Channel => "channel",
            ElementKind::Actor => "actor",
            ElementKind::Input => "input",
            ElementKind::Let => "let",
            ElementKind::Document => "document",
            ElementKind::Refusal => "refusal",
            ElementKind::View => "view",
            ElementKind::Step => "step",
            ElementKind::Term => "term",
        }
    }
}

/// One element.
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    /// What it is.
    pub kind: ElementKind,
    /// Its name (`term` for a term).
    pub name: &'a str,
    /// Where its name is written (a term's duration).
    pub name_span: Span,
    /// The whole declaration, its clauses included.
    pub span: Span,
    /// Its provenance clauses.
    pub provenance: &'a Provenance,
    /// Whether an element around it (a view around its steps) cites a paragraph.
    pub outer_cites: bool,
    /// The service it belongs to (the service itself, for a service; none for an act).
    pub service: Option<&'a ast::Service>,
}

impl<'a> Element<'a> {
    /// How messages name it: `step send_file`, `the term`.
    pub fn describe(&self) -> String {
        if self.kind == ElementKind::Term {
            String::from("the term")
        } else {
            format!("{} `{}`", self.kind.keyword(), self.name)
        }
    }

    /// How messages name it in each language: «шаг `send_file`», «`send_file` қадамы», «срок»;
    /// with `genitive`, «шага `send_file`», «`send_file` қадамының».
    pub fn describe_words(&self, genitive: bool) -> Wording {
        let (ru, ru_genitive, kk) = match self.kind {
            ElementKind::Act => ("акт", "акта", "актісі"),
            ElementKind::Service => ("услуга", "услуги", "қызметі"),
            ElementKind::Channel => ("канал приёма", "канала приёма", "қабылдау арнасы"),
            ElementKind::Actor => ("участник", "участника", "қатысушысы"),
            ElementKind::Input => ("факт", "факта", "фактісі"),
            ElementKind::Let => ("определение", "определения", "анықтамасы"),
            ElementKind::Document => ("документ", "документа", "құжаты"),
            ElementKind::Refusal => (
                "основание для отказа",
                "основания для отказа",
                "бас тарту негізі",
            ),
            ElementKind::View => ("представление", "представления", "көрінісі"),
            ElementKind::Step => ("шаг", "шага", "қадамы"),
            ElementKind::Term => {
                return if genitive {
                    Wording::new(self.describe(), "срока", "мерзімнің")
                } else {
                    Wording::new(self.describe(), "срок", "мерзім")
                };
            }
        };
        let ru = if genitive { ru_genitive } else { ru };
        // the possessive ends in -ы or -і; its genitive adds -ның or -нің
        let kk_ending = match (genitive, kk.ends_with('і')) {
            (false, _) => "",
            (true, true) => "нің",
            (true, false) => "ның",
        };
        Wording::new(
            self.describe(),
            format!("{ru} `{}`", self.name),
            format!("`{}` {kk}{kk_ending}", self.name),
        )
    }

    /// Its citations, each with the act (and annex) it points into: a citation without an
    /// act points into the service's act, `§ standard …` into its standard.
    pub fn citations(&self) -> Vec<(&'a str, Option<u32>, &'a ast::Citation)> {
        let own = |of: Option<&'a (ast::Name, Option<u32>)>| of.map(|(a, n)| (a.node.as_str(), *n));
        self.provenance
            .citations
            .iter()
            .filter_map(|c| {
                let (act, annex) = match &c.target {
                    // an act's own `§ 5` is a paragraph of the act itself
                    CiteTarget::Own if self.kind == ElementKind::Act => (self.name, None),
                    CiteTarget::Own => own(self.service.and_then(|s| s.act.as_ref()))?,
                    CiteTarget::Standard(annex) => {
                        let (a, n) = own(self.service.and_then(|s| s.standard.as_ref()))?;
                        (a, annex.or(n))
                    }
                    CiteTarget::Act(name, annex) => (name.node.as_str(), *annex),
                };
                Some((act, annex, c))
            })
            .collect()
    }
}

/// The syntax tree of a service of the model.
pub fn service_ast<'a>(
    files: &'a [ast::File],
    service: &crate::semantic::model::ServiceModel,
) -> Option<&'a ast::Service> {
    files.iter().flat_map(|f| &f.decls).find_map(|d| match d {
        Decl::Service(s) if s.span == service.meta.span => Some(s.as_ref()),
        _ => None,
    })
}

/// Every element of the files, each before the elements inside it.
pub fn elements(files: &[ast::File]) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    for file in files {
        for decl in &file.decls {
            match decl {
                Decl::Act(a) => out.push(Element {
                    kind: ElementKind::Act,
                    name: &a.name.node,
                    name_span: a.name.span,
                    span: a.span,
                    provenance: &a.provenance,
                    outer_cites: false,
                    service: None,
                }),
                Decl::Service(s) => service(s, &mut out),
                Decl::Calendar(_) => {}
            }
        }
    }
    out
}

fn service<'a>(s: &'a ast::Service, out: &mut Vec<Element<'a>>) {
    let el = |kind, name: &'a ast::Name, span, provenance| Element {
        kind,
        name: &name.node,
        name_span: name.span,
        span,
        provenance,
        outer_cites: false,
        service: Some(s),
    };
    out.push(el(ElementKind::Service, &s.name, s.span, &s.provenance));
    for c in &s.channels {
        out.push(el(ElementKind::Channel, &c.name, c.span, &c.provenance));
    }
    for a in &s.actors {
        out.push(el(ElementKind::Actor, &a.name, a.span, &a.provenance));
    }
    for i in &s.inputs {
        out.push(el(ElementKind::Input, &i.path, i.span, &i.provenance));
    }
    for l in &s.lets {
        out.push(el(ElementKind::Let, &l.name, l.span, &l.provenance));
    }
    for d in &s.documents {
        out.push(el(ElementKind::Document, &d.kind, d.span, &d.provenance));
    }
    for r in &s.refusals {
        out.push(el(ElementKind::Refusal, &r.name, r.span, &r.provenance));
    }
    if let Some(p) = &s.process {
        process(s, p, false, out);
    }
    for v in &s.views {
        out.push(el(ElementKind::View, &v.name, v.span, &v.provenance));
        // a view's citation (a table) is the source of each of its steps
        process(s, &v.process, !v.provenance.citations.is_empty(), out);
    }
}

fn process<'a>(
    s: &'a ast::Service,
    p: &'a ast::Process,
    outer_cites: bool,
    out: &mut Vec<Element<'a>>,
) {
    for st in &p.steps {
        out.push(Element {
            kind: ElementKind::Step,
            name: &st.name.node,
            name_span: st.name.span,
            span: st.span,
            provenance: &st.provenance,
            outer_cites,
            service: Some(s),
        });
    }
    for t in &p.terms {
        out.push(Element {
            kind: ElementKind::Term,
            name: "term",
            name_span: t.duration.span,
            span: t.span,
            provenance: &t.provenance,
            outer_cites,
            service: Some(s),
        });
    }
}
