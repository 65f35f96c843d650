//! The names of a rule set, where each is declared and where each is used: what go to
//! definition, find references, rename, hover, the outline and completion read.
//!
//! Built from the syntax trees, not the checked model, so that a file with errors mid-edit
//! still has its names: the trees come from the recovering parser, which keeps every element
//! that parses.

use std::collections::HashMap;

use crate::source::Span;
use crate::syntax::ast::{self, CiteTarget, Expr, ExprKind, Provenance, TimePoint};
use crate::vocab::Duration;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `act …`
    Act,
    /// `service …`
    Service,
    /// `calendar …`
    Calendar,
    /// `channel …`
    Channel,
    /// `actor …`
    Actor,
    /// `input …`
    Input,
    /// `let …`
    Let,
    /// `document …`
    Document,
    /// `refusal …`
    Refusal,
    /// `step …` of the process or of a view
    Step,
    /// `view …`
    View,
    /// `results …`
    Result,
    /// `for each X in …`, `any X in …`
    Binding,
}

impl Kind {
    /// Whether its names are identifiers of the public catalogue: bundles and reports spell
    /// them, so renaming one breaks every intake system that sends or reads them.
    pub fn is_catalogue(self) -> bool {
        matches!(
            self,
            Kind::Service | Kind::Input | Kind::Document | Kind::Refusal | Kind::Step
        )
    }

    /// The keyword that declares it.
    pub fn keyword(self) -> &'static str {
        match self {
            Kind::Act => "act",
            Kind::Service => "service",
            Kind::Calendar => "calendar",
            Kind::Channel => "channel",
            Kind::Actor => "actor",
            Kind::Input => "input",
            Kind::Let => "let",
            Kind::Document => "document",
            Kind::Refusal => "refusal",
            Kind::Step => "step",
            Kind::View => "view",
            Kind::Result => "result",
            Kind::Binding => "binding",
        }
    }
}

/// Where a declared name lives: the whole rule set, a service, or a process of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Acts, services, calendars.
    Global,
    /// The elements of service `n` (its index among the symbols).
    Service(usize),
    /// The steps of the process (`None`) or of a view of service `n`.
    Process(usize, Option<usize>),
    /// A bound name: visible inside the span.
    Local(Span),
}

/// A declared name.
#[derive(Debug, Clone)]
pub struct Symbol {
    /// What it names.
    pub kind: Kind,
    /// The name as written.
    pub name: String,
    /// Where the name is written.
    pub span: Span,
    /// The whole declaration.
    pub full: Span,
    /// Where it is visible.
    pub scope: Scope,
    /// The service it belongs to (its symbol), for the elements of a service.
    pub service: Option<usize>,
}

/// A use of a declared name.
#[derive(Debug, Clone, Copy)]
pub struct Use {
    /// The symbol used.
    pub symbol: usize,
    /// Where the use is written.
    pub span: Span,
}

/// What is under the cursor.
#[derive(Debug, Clone, Copy)]
pub enum Hit<'a> {
    /// A declaration's name.
    Declared(usize),
    /// A use of a name.
    Used(usize, Span),
    /// A lint named in `allow`.
    Lint(&'a str, Span),
    /// A duration.
    Duration(Duration, Span),
}

/// The names of a rule set.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Every declaration, in file order.
    pub symbols: Vec<Symbol>,
    /// Every use that could be resolved.
    pub uses: Vec<Use>,
    /// The lints named in `allow`s.
    pub lints: Vec<(String, Span)>,
    /// The durations written.
    pub durations: Vec<(Duration, Span)>,
    /// Symbols by scope and name.
    by_name: HashMap<(Scope, Kind, String), usize>,
}

impl Index {
    /// Index the syntax trees of a rule set (`files[i]` is source `i`).
    pub fn build(files: &[ast::File]) -> Index {
        let mut index = Index::default();
        // declarations first, so that a use anywhere finds a declaration made later
        for file in files {
            for decl in &file.decls {
                index.declare_all(decl);
            }
        }
        let mut services = index
            .symbols
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == Kind::Service)
            .map(|(i, s)| (s.full, i))
            .collect::<Vec<_>>()
            .into_iter();
        for file in files {
            for decl in &file.decls {
                match decl {
                    ast::Decl::Act(act) => index.act_uses(act),
                    ast::Decl::Calendar(c) => index.provenance(&c.provenance),
                    ast::Decl::Service(s) => {
                        if let Some((_, n)) = services.find(|(full, _)| *full == s.span) {
                            index.service_uses(s, n);
                        }
                    }
                }
            }
        }
        index.uses.sort_by_key(|u| (u.span.file, u.span.start));
        index
    }

    /// What is at byte `offset` of file `file`: the innermost thing whose span holds it.
    pub fn at(&self, file: usize, offset: usize) -> Option<Hit<'_>> {
        let holds = |s: &Span| s.file == file && s.start <= offset && offset <= s.end;
        if let Some(u) = self.uses.iter().find(|u| holds(&u.span)) {
            return Some(Hit::Used(u.symbol, u.span));
        }
        if let Some(n) = self.symbols.iter().position(|s| holds(&s.span)) {
            return Some(Hit::Declared(n));
        }
        if let Some((name, span)) = self.lints.iter().find(|(_, s)| holds(s)) {
            return Some(Hit::Lint(name, *span));
        }
        self.durations
            .iter()
            .find(|(_, s)| holds(s))
            .map(|(d, s)| Hit::Duration(*d, *s))
    }

    /// The symbol a hit is about, if it is about one.
    pub fn symbol_at(&self, file: usize, offset: usize) -> Option<usize> {
        match self.at(file, offset)? {
            Hit::Declared(n) | Hit::Used(n, _) => Some(n),
            Hit::Lint(..) | Hit::Duration(..) => None,
        }
    }

    /// Every place the symbol is written: its declaration, then its uses.
    pub fn occurrences(&self, symbol: usize) -> Vec<Span> {
        let mut all = Vec::new();
        if let Some(s) = self.symbols.get(symbol) {
            all.push(s.span);
        }
        all.extend(
            self.uses
                .iter()
                .filter(|u| u.symbol == symbol)
                .map(|u| u.span),
        );
        all
    }

    /// The symbols visible from a service (its elements and the global ones) of a kind.
    pub fn visible(&self, kind: Kind, service: Option<usize>) -> impl Iterator<Item = &Symbol> {
        self.symbols.iter().filter(move |s| {
            s.kind == kind
                && match s.scope {
                    Scope::Global => true,
                    Scope::Service(n) | Scope::Process(n, _) => Some(n) == service,
                    Scope::Local(_) => false,
                }
        })
    }

    /// The service whose declaration holds byte `offset` of `file`.
    pub fn service_at(&self, file: usize, offset: usize) -> Option<usize> {
        self.symbols.iter().position(|s| {
            s.kind == Kind::Service
                && s.full.file == file
                && s.full.start <= offset
                && offset <= s.full.end
        })
    }

    fn declare(
        &mut self,
        kind: Kind,
        name: &ast::Name,
        full: Span,
        scope: Scope,
        service: Option<usize>,
    ) -> usize {
        let n = self.symbols.len();
        self.symbols.push(Symbol {
            kind,
            name: name.node.clone(),
            span: name.span,
            full,
            scope,
            service,
        });
        // the first declaration wins: a duplicate is the analysis's error to report
        self.by_name
            .entry((scope, kind, name.node.clone()))
            .or_insert(n);
        n
    }

    fn declare_all(&mut self, decl: &ast::Decl) {
        match decl {
            ast::Decl::Act(a) => {
                self.declare(Kind::Act, &a.name, a.span, Scope::Global, None);
            }
            ast::Decl::Calendar(c) => {
                self.declare(Kind::Calendar, &c.name, c.span, Scope::Global, None);
            }
            ast::Decl::Service(s) => {
                let n = self.declare(Kind::Service, &s.name, s.span, Scope::Global, None);
                let inside = Scope::Service(n);
                let mut items: Vec<(Kind, &ast::Name, Span)> = Vec::new();
                items.extend(s.channels.iter().map(|c| (Kind::Channel, &c.name, c.span)));
                items.extend(s.actors.iter().map(|a| (Kind::Actor, &a.name, a.span)));
                items.extend(s.inputs.iter().map(|i| (Kind::Input, &i.path, i.span)));
                items.extend(s.lets.iter().map(|l| (Kind::Let, &l.name, l.span)));
                items.extend(
                    s.documents
                        .iter()
                        .map(|d| (Kind::Document, &d.kind, d.span)),
                );
                items.extend(s.refusals.iter().map(|r| (Kind::Refusal, &r.name, r.span)));
                items.extend(s.results.iter().map(|r| (Kind::Result, r, r.span)));
                items.extend(s.views.iter().map(|v| (Kind::View, &v.name, v.span)));
                for (kind, name, full) in items {
                    self.declare(kind, name, full, inside, Some(n));
                }
                if let Some(p) = &s.process {
                    for step in &p.steps {
                        let scope = Scope::Process(n, None);
                        self.declare(Kind::Step, &step.name, step.span, scope, Some(n));
                    }
                }
                for (v, view) in s.views.iter().enumerate() {
                    for step in &view.process.steps {
                        let scope = Scope::Process(n, Some(v));
                        self.declare(Kind::Step, &step.name, step.span, scope, Some(n));
                    }
                }
            }
        }
    }

    fn find(&self, scope: Scope, kind: Kind, name: &str) -> Option<usize> {
        self.by_name.get(&(scope, kind, name.to_string())).copied()
    }

    fn link(&mut self, scope: Scope, kind: Kind, name: &ast::Name) {
        if let Some(symbol) = self.find(scope, kind, &name.node) {
            self.uses.push(Use {
                symbol,
                span: name.span,
            });
        }
    }

    fn act_uses(&mut self, act: &ast::Act) {
        let global = Scope::Global;
        for a in &act.amendments {
            self.link(global, Kind::Act, &a.by);
        }
        if let Some(r) = &act.repealed {
            self.link(global, Kind::Act, &r.by);
        }
        for annex in &act.annexes {
            if let Some(r) = &annex.excluded {
                self.link(global, Kind::Act, &r.by);
            }
        }
        for r in &act.references {
            self.link(global, Kind::Act, &r.to);
        }
        for p in &act.paragraphs {
            for (_, by) in &p.entries {
                if let Some(by) = by {
                    self.link(global, Kind::Act, by);
                }
            }
        }
        if let Some(f) = &act.in_force
            && let ast::InForce::AfterPublication(d) = &f.node
        {
            self.durations.push((*d, f.span));
        }
        self.provenance(&act.provenance);
    }

    fn provenance(&mut self, p: &Provenance) {
        for c in &p.citations {
            if let CiteTarget::Act(name, _) = &c.target {
                self.link(Scope::Global, Kind::Act, name);
            }
        }
        for t in [&p.since, &p.until].into_iter().flatten() {
            if let TimePoint::Act(name) = &t.node {
                self.link(Scope::Global, Kind::Act, name);
            }
        }
        if let Some(w) = &p.wording {
            self.link(Scope::Global, Kind::Act, w);
        }
        for a in &p.allows {
            self.lints.push((a.lint.node.clone(), a.lint.span));
        }
    }

    fn service_uses(&mut self, s: &ast::Service, n: usize) {
        let global = Scope::Global;
        let inside = Scope::Service(n);
        if let Some((act, _)) = &s.act {
            self.link(global, Kind::Act, act);
        }
        if let Some((act, _)) = &s.standard {
            self.link(global, Kind::Act, act);
        }
        if let Some(c) = &s.calendar {
            self.link(global, Kind::Calendar, c);
        }
        self.provenance(&s.provenance);
        for c in &s.channels {
            self.provenance(&c.provenance);
        }
        for a in &s.actors {
            self.provenance(&a.provenance);
        }
        for i in &s.inputs {
            self.provenance(&i.provenance);
        }
        for l in &s.lets {
            self.expr(&l.value, n, &[]);
            self.provenance(&l.provenance);
        }
        for d in &s.documents {
            if let Some(r) = &d.required {
                match &r.when {
                    ast::RequiredWhen::Always => {}
                    ast::RequiredWhen::When(e) => self.expr(e, n, &[]),
                    ast::RequiredWhen::PerItem {
                        binding,
                        list,
                        filter,
                        ..
                    } => {
                        self.link(inside, Kind::Input, list);
                        let b = self.bind(binding, r.span, n);
                        if let Some(f) = filter {
                            self.expr(f, n, &[b]);
                        }
                    }
                }
                if let Some(u) = &r.unless {
                    self.expr(u, n, &[]);
                }
            }
            for v in &d.validity {
                self.expr(&v.condition, n, &[]);
            }
            self.provenance(&d.provenance);
        }
        for r in &s.refusals {
            for e in [&r.when, &r.unless].into_iter().flatten() {
                self.expr(e, n, &[]);
            }
            self.provenance(&r.provenance);
        }
        if let Some(p) = &s.process {
            self.process(p, n, None);
        }
        for (v, view) in s.views.iter().enumerate() {
            self.provenance(&view.provenance);
            self.process(&view.process, n, Some(v));
        }
        for e in &s.examples {
            for f in &e.findings {
                let subject = ast::Name::new(f.subject.node.clone(), f.subject.span);
                for (kind, scope) in [
                    (Kind::Document, inside),
                    (Kind::Refusal, inside),
                    (Kind::Step, Scope::Process(n, None)),
                    (Kind::Input, inside),
                    // `in-force-unknown kz.mia.order_799`, `not-in-force kz.mvd.…`
                    (Kind::Act, Scope::Global),
                    (Kind::Service, Scope::Global),
                ] {
                    if self.find(scope, kind, &subject.node).is_some() {
                        self.link(scope, kind, &subject);
                        break;
                    }
                }
            }
        }
    }

    fn process(&mut self, p: &ast::Process, n: usize, view: Option<usize>) {
        let steps = Scope::Process(n, view);
        let inside = Scope::Service(n);
        for step in &p.steps {
            for a in &step.actors {
                self.link(inside, Kind::Actor, a);
            }
            if let Some(a) = &step.addressee {
                self.link(inside, Kind::Actor, a);
            }
            if let Some(d) = &step.deadline {
                self.link(steps, Kind::Step, &d.after);
                if let Some(w) = &d.within {
                    self.durations.push((w.node, w.span));
                }
            }
            if let Some(w) = &step.written {
                self.durations.push((w.node, w.span));
            }
            for other in &step.parallel_with {
                self.link(steps, Kind::Step, other);
            }
            for m in &step.maps_to {
                self.link(Scope::Process(n, None), Kind::Step, m);
            }
            for r in &step.produces {
                self.link(inside, Kind::Result, r);
            }
            self.provenance(&step.provenance);
        }
        for t in &p.terms {
            self.link(steps, Kind::Step, &t.after);
            self.durations.push((t.duration.node, t.duration.span));
            if let Some(w) = &t.written {
                self.durations.push((w.node, w.span));
            }
            self.provenance(&t.provenance);
        }
    }

    fn bind(&mut self, binding: &ast::Name, visible: Span, service: usize) -> usize {
        self.declare(
            Kind::Binding,
            binding,
            visible,
            Scope::Local(visible),
            Some(service),
        )
    }

    /// The uses in an expression of service `n`, with the bindings in scope (innermost last).
    fn expr(&mut self, e: &Expr, n: usize, bound: &[usize]) {
        match &e.kind {
            ExprKind::Path(segments) => self.path(segments, n, bound),
            ExprKind::Not(a) => self.expr(a, n, bound),
            ExprKind::Binary(_, a, b) => {
                self.expr(a, n, bound);
                self.expr(b, n, bound);
            }
            ExprKind::InList(a, _) | ExprKind::HasAny(a, _) | ExprKind::Has(a, _) => {
                self.expr(a, n, bound);
            }
            ExprKind::HasDocument(kind) => self.link(Scope::Service(n), Kind::Document, kind),
            ExprKind::Quantifier {
                binding,
                list,
                body,
                ..
            } => {
                self.link(Scope::Service(n), Kind::Input, list);
                let b = self.bind(binding, e.span, n);
                let mut inner = bound.to_vec();
                inner.push(b);
                self.expr(body, n, &inner);
            }
            ExprKind::Call(_, args) => {
                for (_, a) in args {
                    self.expr(a, n, bound);
                }
            }
            ExprKind::Duration(d) => self.durations.push((*d, e.span)),
            ExprKind::Str(_) | ExprKind::Number(_) | ExprKind::Bool(_) | ExprKind::Date(_) => {}
        }
    }

    /// A dotted path: a bound name (and its record's fields), the longest input it starts
    /// with, or a named condition.
    fn path(&mut self, segments: &[ast::Name], n: usize, bound: &[usize]) {
        let Some(first) = segments.first() else {
            return;
        };
        if let Some(&b) = bound
            .iter()
            .rev()
            .find(|&&b| self.symbols[b].name == first.node)
        {
            self.uses.push(Use {
                symbol: b,
                span: first.span,
            });
            return;
        }
        for take in (1..=segments.len()).rev() {
            let joined = segments[..take]
                .iter()
                .map(|s| s.node.as_str())
                .collect::<Vec<_>>()
                .join(".");
            if let Some(symbol) = self.find(Scope::Service(n), Kind::Input, &joined) {
                let span = first.span.to(segments[take - 1].span);
                self.uses.push(Use { symbol, span });
                return;
            }
        }
        if segments.len() == 1 {
            self.link(Scope::Service(n), Kind::Let, first);
        }
    }
}
