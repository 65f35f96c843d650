//! Lowering of `service` declarations: inputs, documents, refusal grounds, processes, examples.

use pest::iterators::Pair;

use super::super::ast::{
    Actor, Channel, Document, Example, ExpectedFinding, Expr, ExprKind, Field, Input, Let,
    Provenance, Refusal, Required, RequiredWhen, Service, TypeExpr, Validity,
};
use super::super::parser::Rule;
use super::{DefaultName, Lower, once};
use crate::source::{Span, Spanned};
use crate::vocab::Texts;

/// Where each clause that a service may have once was first given.
#[derive(Debug, Default)]
pub(super) struct ServiceOnce {
    act: Option<Span>,
    standard: Option<Span>,
    timezone: Option<Span>,
    calendar: Option<Span>,
    process: Option<Span>,
}

impl Service {
    /// A service with nothing declared in it yet.
    pub(super) fn new(name: crate::syntax::ast::Name, span: Span) -> Service {
        Service {
            name,
            title: Texts::default(),
            act: None,
            standard: None,
            timezone: None,
            calendar: None,
            channels: Vec::new(),
            actors: Vec::new(),
            inputs: Vec::new(),
            lets: Vec::new(),
            documents: Vec::new(),
            refusals: Vec::new(),
            process: None,
            views: Vec::new(),
            examples: Vec::new(),
            results: Vec::new(),
            provenance: Provenance::default(),
            span,
        }
    }
}

impl Document {
    /// A declaration with nothing in it yet.
    pub(super) fn new(kind: crate::syntax::ast::Name, span: Span) -> Document {
        Document {
            kind,
            title: Texts::default(),
            required: None,
            validity: Vec::new(),
            message: Texts::default(),
            personal: Vec::new(),
            provenance: Provenance::default(),
            span,
        }
    }
}

impl Refusal {
    /// A declaration with nothing in it yet.
    pub(super) fn new(name: crate::syntax::ast::Name, span: Span) -> Refusal {
        Refusal {
            name,
            title: Texts::default(),
            when: None,
            unless: None,
            message: Texts::default(),
            provenance: Provenance::default(),
            span,
        }
    }
}

impl Lower {
    pub(super) fn service(&mut self, pair: Pair<'_, Rule>) -> Service {
        let (span, name, inner) = self.keyword_and_name(pair);
        let mut s = Service::new(name, span);
        let mut seen = ServiceOnce::default();
        for p in inner {
            self.service_item(&mut s, &mut seen, p);
        }
        s
    }

    /// Lower one element of a service into it (`seen` remembers the clauses that may appear
    /// once). Recovery calls this for the elements of a service that did not parse whole.
    pub(super) fn service_item(
        &mut self,
        s: &mut Service,
        seen: &mut ServiceOnce,
        p: Pair<'_, Rule>,
    ) {
        let ps = self.span(&p);
        match p.as_rule() {
            Rule::title_clause => self.texts(p, &mut s.title),
            Rule::service_act | Rule::service_standard => {
                let is_act = p.as_rule() == Rule::service_act;
                let mut act = None;
                let mut annex = None;
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::path => act = Some(self.name(&x)),
                        Rule::annex_ref => annex = self.annex_number(x),
                        _ => {}
                    }
                }
                if let Some(act) = act {
                    if is_act {
                        once(self, &mut s.act, &mut seen.act, "act", ps, (act, annex));
                    } else {
                        once(
                            self,
                            &mut s.standard,
                            &mut seen.standard,
                            "standard",
                            ps,
                            (act, annex),
                        );
                    }
                }
            }
            Rule::timezone_clause => {
                if let Some(x) = p.into_inner().find(|x| x.as_rule() == Rule::string) {
                    let v = self.string(&x);
                    once(self, &mut s.timezone, &mut seen.timezone, "timezone", ps, v);
                }
            }
            Rule::service_calendar => {
                if let Some(x) = p.into_inner().find(|x| x.as_rule() == Rule::ident) {
                    let v = self.name(&x);
                    once(self, &mut s.calendar, &mut seen.calendar, "calendar", ps, v);
                }
            }
            Rule::channels_clause => {
                let mut it = p.into_inner();
                it.next();
                let name = it.next().map(|x| self.name(&x)).unwrap_or_default_name(ps);
                let mut provenance = Provenance::default();
                for x in it {
                    self.provenance(&x, &mut provenance);
                }
                s.channels.push(Channel {
                    name,
                    provenance,
                    span: ps,
                });
            }
            Rule::actor_decl => s.actors.push(self.actor(p)),
            Rule::results_clause => {
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::kw_results => {}
                        Rule::ident => s.results.push(self.name(&x)),
                        _ => {
                            self.provenance(&x, &mut s.provenance);
                        }
                    }
                }
            }
            Rule::input_decl => s.inputs.push(self.input(p)),
            Rule::let_decl => {
                let mut it = p.into_inner();
                it.next();
                let name = it.next().map(|x| self.name(&x)).unwrap_or_default_name(ps);
                let mut value = None;
                let mut provenance = Provenance::default();
                for x in it {
                    if x.as_rule() == Rule::expr {
                        value = Some(self.expr(x));
                    } else {
                        self.provenance(&x, &mut provenance);
                    }
                }
                let value = value.unwrap_or(Expr {
                    kind: ExprKind::Bool(false),
                    span: ps,
                });
                s.lets.push(Let {
                    name,
                    value,
                    provenance,
                    span: ps,
                });
            }
            Rule::document_decl => s.documents.push(self.document(p)),
            Rule::refusal_decl => s.refusals.push(self.refusal(p)),
            Rule::process_decl => {
                let process = self.process(p.into_inner(), ps);
                once(
                    self,
                    &mut s.process,
                    &mut seen.process,
                    "process",
                    ps,
                    process,
                );
            }
            Rule::view_decl => s.views.push(self.view(p)),
            Rule::example_decl => s.examples.push(self.example(p)),
            _ => {
                self.provenance(&p, &mut s.provenance);
            }
        }
    }

    pub(super) fn actor(&mut self, pair: Pair<'_, Rule>) -> Actor {
        let (span, name, it) = self.keyword_and_name(pair);
        let mut label = None;
        let mut provenance = Provenance::default();
        for x in it {
            if x.as_rule() == Rule::string {
                label = Some(self.string(&x));
            } else {
                self.provenance(&x, &mut provenance);
            }
        }
        Actor {
            name,
            label,
            provenance,
            span,
        }
    }

    pub(super) fn input(&mut self, pair: Pair<'_, Rule>) -> Input {
        let span = self.span(&pair);
        let mut path = None;
        let mut ty = None;
        let mut optional = false;
        let mut personal = false;
        let mut provenance = Provenance::default();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_input => {}
                Rule::path => path = Some(self.name(&x)),
                Rule::type_expr => ty = Some(self.type_expr(x)),
                Rule::optional_mark => optional = true,
                Rule::personal_mark => personal = true,
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        let ty = ty.unwrap_or_else(|| {
            Spanned::new(TypeExpr::Named(Spanned::new(String::new(), span)), span)
        });
        Input {
            path: path.unwrap_or_default_name(span),
            ty,
            optional,
            personal,
            provenance,
            span,
        }
    }

    pub(super) fn type_expr(&mut self, pair: Pair<'_, Rule>) -> Spanned<TypeExpr> {
        let span = self.span(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(TypeExpr::Named(Spanned::new(String::new(), span)), span);
        };
        let idents = |l: &Self, p: Pair<'_, Rule>| {
            p.into_inner()
                .filter(|x| x.as_rule() == Rule::ident)
                .map(|x| l.name(&x))
                .collect()
        };
        let ty = match inner.as_rule() {
            Rule::enum_type => TypeExpr::Enum(idents(self, inner)),
            Rule::set_type => TypeExpr::Set(idents(self, inner)),
            Rule::list_type => {
                let mut fields = Vec::new();
                for f in inner
                    .into_inner()
                    .filter(|x| x.as_rule() == Rule::field_decl)
                {
                    let fspan = self.span(&f);
                    let mut name = None;
                    let mut ty = None;
                    let mut optional = false;
                    let mut personal = false;
                    for x in f.into_inner() {
                        match x.as_rule() {
                            Rule::ident => name = Some(self.name(&x)),
                            Rule::type_expr => ty = Some(self.type_expr(x)),
                            Rule::optional_mark => optional = true,
                            Rule::personal_mark => personal = true,
                            _ => {}
                        }
                    }
                    if let (Some(name), Some(ty)) = (name, ty) {
                        fields.push(Field {
                            name,
                            ty,
                            optional,
                            personal,
                            span: fspan,
                        });
                    }
                }
                TypeExpr::List(fields)
            }
            _ => TypeExpr::Named(self.name(&inner)),
        };
        Spanned::new(ty, span)
    }

    /// Lower one clause of a document into it (`first_required`: where `required` was first given).
    pub(super) fn document_item(
        &mut self,
        doc: &mut Document,
        first_required: &mut Option<Span>,
        x: Pair<'_, Rule>,
    ) {
        let xs = self.span(&x);
        match x.as_rule() {
            Rule::title_clause => self.texts(x, &mut doc.title),
            Rule::message_clause => self.texts(x, &mut doc.message),
            Rule::required_clause => {
                let r = self.required(x);
                once(self, &mut doc.required, first_required, "required", xs, r);
            }
            Rule::valid_clause => {
                let mut condition = None;
                let mut message = Texts::default();
                for y in x.into_inner() {
                    match y.as_rule() {
                        Rule::expr => condition = Some(self.expr(y)),
                        Rule::message_clause => self.texts(y, &mut message),
                        _ => {}
                    }
                }
                let condition = condition.unwrap_or(Expr {
                    kind: ExprKind::Bool(true),
                    span: xs,
                });
                doc.validity.push(Validity {
                    condition,
                    message,
                    span: xs,
                });
            }
            Rule::personal_clause => doc.personal.extend(
                x.into_inner()
                    .filter(|y| y.as_rule() == Rule::ident)
                    .map(|y| self.name(&y)),
            ),
            _ => {
                self.provenance(&x, &mut doc.provenance);
            }
        }
    }

    pub(super) fn document(&mut self, pair: Pair<'_, Rule>) -> Document {
        let (span, kind, it) = self.keyword_and_name(pair);
        let mut doc = Document::new(kind, span);
        let mut first_required = None;
        for x in it {
            self.document_item(&mut doc, &mut first_required, x);
        }
        doc
    }

    pub(super) fn required(&mut self, pair: Pair<'_, Rule>) -> Required {
        let span = self.span(&pair);
        let mut when = RequiredWhen::Always;
        let mut unless = None;
        let mut after_unless = false;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_unless => after_unless = true,
                Rule::expr if after_unless => unless = Some(self.expr(x)),
                Rule::expr => when = RequiredWhen::When(self.expr(x)),
                Rule::per_item => {
                    let mut idents = Vec::new();
                    let mut list = None;
                    let mut filter = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::ident => idents.push(self.name(&y)),
                            Rule::path => list = Some(self.name(&y)),
                            Rule::expr => filter = Some(self.expr(y)),
                            _ => {}
                        }
                    }
                    let mut idents = idents.into_iter();
                    when = RequiredWhen::PerItem {
                        binding: idents.next().unwrap_or_default_name(span),
                        list: list.unwrap_or_default_name(span),
                        filter,
                        matched_by: idents.next().unwrap_or_default_name(span),
                    };
                }
                _ => {}
            }
        }
        Required { when, unless, span }
    }

    /// Lower one clause of a refusal ground into it (`first_when`: where `when` was first given).
    pub(super) fn refusal_item(
        &mut self,
        r: &mut Refusal,
        first_when: &mut Option<Span>,
        x: Pair<'_, Rule>,
    ) {
        let xs = self.span(&x);
        match x.as_rule() {
            Rule::title_clause => self.texts(x, &mut r.title),
            Rule::message_clause => self.texts(x, &mut r.message),
            Rule::when_clause => {
                let mut exprs = x.into_inner().filter(|y| y.as_rule() == Rule::expr);
                let when = exprs.next().map(|e| self.expr(e));
                let unless = exprs.next().map(|e| self.expr(e));
                if let Some(when) = when {
                    once(self, &mut r.when, first_when, "when", xs, when);
                    if unless.is_some() {
                        r.unless = unless;
                    }
                }
            }
            _ => {
                self.provenance(&x, &mut r.provenance);
            }
        }
    }

    pub(super) fn refusal(&mut self, pair: Pair<'_, Rule>) -> Refusal {
        let (span, name, it) = self.keyword_and_name(pair);
        let mut r = Refusal::new(name, span);
        let mut first_when = None;
        for x in it {
            self.refusal_item(&mut r, &mut first_when, x);
        }
        r
    }

    pub(super) fn example(&mut self, pair: Pair<'_, Rule>) -> Example {
        let span = self.span(&pair);
        let mut strings = Vec::new();
        let mut expect = None;
        let mut findings = Vec::new();
        let mut others = None;
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::string => strings.push(self.string(&x)),
                Rule::ident => expect = Some(self.name(&x)),
                Rule::expected_finding => findings.extend(self.expected_finding(x)),
                Rule::other_findings => others = Some(self.span(&x)),
                _ => {}
            }
        }
        let mut strings = strings.into_iter();
        let empty = || Spanned::new(String::new(), span);
        Example {
            name: strings.next().unwrap_or_else(empty),
            bundle: strings.next().unwrap_or_else(empty),
            expect: expect.unwrap_or_default_name(span),
            findings,
            others,
            span,
        }
    }

    /// `finding CODE SUBJECT`; the subject is a dotted name or a quoted text.
    fn expected_finding(&mut self, pair: Pair<'_, Rule>) -> Option<ExpectedFinding> {
        let span = self.span(&pair);
        let mut code = None;
        let mut subject = None;
        for y in pair.into_inner() {
            match y.as_rule() {
                Rule::lint_name => code = Some(self.name(&y)),
                Rule::finding_subject => {
                    subject = y.into_inner().next().map(|s| match s.as_rule() {
                        Rule::string => self.string(&s),
                        _ => self.name(&s),
                    });
                }
                _ => {}
            }
        }
        Some(ExpectedFinding {
            code: code?,
            subject: subject?,
            span,
        })
    }
}
