//! Lowering of processes and views: steps with their actors, deadline, parallel and mapped
//! steps, and the service term.

use pest::iterators::{Pair, Pairs};

use super::super::ast::{Deadline, Process, Provenance, Step, Term, View};
use super::super::parser::Rule;
use super::{DefaultName, Lower, once};
use crate::source::{Span, Spanned};
use crate::vocab::{Duration, DurationUnit};

impl Process {
    /// A process with no steps yet.
    pub(super) fn new(span: Span) -> Process {
        Process {
            steps: Vec::new(),
            terms: Vec::new(),
            span,
        }
    }
}

impl View {
    /// A view with nothing in it yet.
    pub(super) fn new(name: crate::syntax::ast::Name, span: Span) -> View {
        View {
            name,
            label: None,
            provenance: Provenance::default(),
            process: Process::new(span),
            span,
        }
    }
}

impl Lower {
    pub(super) fn process(&mut self, pairs: Pairs<'_, Rule>, span: Span) -> Process {
        let mut process = Process::new(span);
        for x in pairs {
            self.process_item(&mut process, x);
        }
        process
    }

    /// Lower a step or a term into a process (anything else is the block's keyword).
    pub(super) fn process_item(&mut self, process: &mut Process, x: Pair<'_, Rule>) {
        match x.as_rule() {
            Rule::step_decl => process.steps.push(self.step(x)),
            Rule::term_decl => process.terms.push(self.term(x)),
            _ => {}
        }
    }

    pub(super) fn step(&mut self, pair: Pair<'_, Rule>) -> Step {
        let (span, name, it) = self.keyword_and_name(pair);
        let mut step = Step {
            name,
            actors: Vec::new(),
            deadline: None,
            parallel_with: Vec::new(),
            maps_to: Vec::new(),
            action: None,
            written: None,
            addressee: None,
            produces: Vec::new(),
            names: Vec::new(),
            provenance: Provenance::default(),
            span,
        };
        let mut firsts: [Option<Span>; 5] = [None; 5];
        for x in it {
            let xs = self.span(&x);
            match x.as_rule() {
                Rule::step_actor => {
                    let v: Vec<_> = x
                        .into_inner()
                        .filter(|y| y.as_rule() == Rule::ident)
                        .map(|y| self.name(&y))
                        .collect();
                    let mut slot = None;
                    once(self, &mut slot, &mut firsts[0], "by", xs, v);
                    if let Some(v) = slot {
                        step.actors = v;
                    }
                }
                Rule::step_deadline => {
                    let mut within = None;
                    let mut after = None;
                    for y in x.into_inner() {
                        match y.as_rule() {
                            Rule::duration => within = Some(self.duration(&y)),
                            Rule::ident => after = Some(self.name(&y)),
                            _ => {}
                        }
                    }
                    if let Some(after) = after {
                        once(
                            self,
                            &mut step.deadline,
                            &mut firsts[1],
                            "after",
                            xs,
                            Deadline {
                                within,
                                after,
                                span: xs,
                            },
                        );
                    }
                }
                Rule::step_parallel => {
                    step.parallel_with.extend(
                        x.into_inner()
                            .filter(|y| y.as_rule() == Rule::ident)
                            .map(|y| self.name(&y)),
                    );
                }
                Rule::step_maps => {
                    step.maps_to.extend(
                        x.into_inner()
                            .filter(|y| y.as_rule() == Rule::ident)
                            .map(|y| self.name(&y)),
                    );
                }
                Rule::step_action => {
                    if let Some(s) = x.into_inner().find(|y| y.as_rule() == Rule::string) {
                        let v = self.string(&s);
                        once(self, &mut step.action, &mut firsts[2], "action", xs, v);
                    }
                }
                Rule::written_clause => {
                    if let Some(d) = x.into_inner().find(|y| y.as_rule() == Rule::duration) {
                        let v = self.duration(&d);
                        once(self, &mut step.written, &mut firsts[3], "written", xs, v);
                    }
                }
                Rule::step_produces => step.produces.extend(
                    x.into_inner()
                        .filter(|y| y.as_rule() == Rule::ident)
                        .map(|y| self.name(&y)),
                ),
                Rule::step_names => {
                    for y in x.into_inner().filter(|y| y.as_rule() == Rule::string) {
                        let v = self.string(&y);
                        step.names.push(v);
                    }
                }
                Rule::step_addressee => {
                    if let Some(n) = x.into_inner().find(|y| y.as_rule() == Rule::ident) {
                        let v = self.name(&n);
                        once(
                            self,
                            &mut step.addressee,
                            &mut firsts[4],
                            "addressed to",
                            xs,
                            v,
                        );
                    }
                }
                _ => {
                    self.provenance(&x, &mut step.provenance);
                }
            }
        }
        step
    }

    pub(super) fn term(&mut self, pair: Pair<'_, Rule>) -> Term {
        let span = self.span(&pair);
        let mut duration = Spanned::new(
            Duration {
                amount: 0,
                unit: DurationUnit::CalendarDays,
            },
            span,
        );
        let mut after = None;
        let mut written = None;
        let mut first_written = None;
        let mut provenance = Provenance::default();
        for x in pair.into_inner() {
            match x.as_rule() {
                Rule::kw_term | Rule::kw_after => {}
                Rule::duration => duration = self.duration(&x),
                Rule::ident => after = Some(self.name(&x)),
                Rule::written_clause => {
                    let xs = self.span(&x);
                    if let Some(d) = x.into_inner().find(|y| y.as_rule() == Rule::duration) {
                        let v = self.duration(&d);
                        once(self, &mut written, &mut first_written, "written", xs, v);
                    }
                }
                _ => {
                    self.provenance(&x, &mut provenance);
                }
            }
        }
        Term {
            duration,
            after: after.unwrap_or_default_name(span),
            written,
            provenance,
            span,
        }
    }

    pub(super) fn view(&mut self, pair: Pair<'_, Rule>) -> View {
        let (span, name, it) = self.keyword_and_name(pair);
        let mut view = View::new(name, span);
        for x in it {
            self.view_item(&mut view, x);
        }
        view
    }

    /// Lower a part of a view into it: its label, its provenance, a step or a term.
    pub(super) fn view_item(&mut self, view: &mut View, x: Pair<'_, Rule>) {
        match x.as_rule() {
            Rule::string => view.label = Some(self.string(&x)),
            Rule::step_decl | Rule::term_decl => self.process_item(&mut view.process, x),
            _ => {
                self.provenance(&x, &mut view.provenance);
            }
        }
    }
}
