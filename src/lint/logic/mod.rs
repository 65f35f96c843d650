//! The logic analysis: what the conditions of refusal grounds and document requirements can
//! and cannot do, decided over the finite domain of the facts they read ([`domain`]) by the
//! checker's own evaluator ([`eval`]), within a budget ([`search`]). Each answer is proved:
//! a claim that something can happen by a witness, the bundle of an application where it does
//! ([`witness`]); a claim that something never happens by the exhausted domain and its size.
//! A question past the budget, or outside what the domain represents exactly, is "not
//! decided", never guessed.
//!
//! The analysis runs once per lint run ([`Context::logic`](super::Context::logic)); each of
//! its lints reports the answers of one kind.

pub(crate) mod dates;
pub(crate) mod domain;
pub(crate) mod eval;
pub(crate) mod finding;
pub(crate) mod search;
pub(crate) mod witness;

use crate::compile::{Plan, RequirementPlan, ServicePlan};
use crate::semantic::Model;
use crate::semantic::model::{Const, Interval, Requirement, ServiceModel, TExpr};
use crate::source::Span;
use crate::vocab::Wording;
use domain::{Domain, Undecided};
use eval::{Frame, Scene};
use search::{Bound, Budget, Search, search};

/// What the analysis found, for every lint of it.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The answers worth reporting, in the order found.
    pub found: Vec<Found>,
}

impl Outcome {
    /// The answers to one kind of question, in the order found.
    pub(crate) fn answers(&self, question: Question) -> impl Iterator<Item = &Found> {
        self.found.iter().filter(move |f| f.question == question)
    }
}

/// The kind of an answer: which lint reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Question {
    /// A ground or requirement whose condition holds for no assignment.
    NeverHolds,
    /// A ground or requirement whose condition is false for no assignment.
    AlwaysHolds,
    /// An `unless` that holds on no application its rule's `when` applies to.
    UnlessNever,
    /// A document no copy of which can meet its validity rules.
    NeverMet,
    /// A ground that holds only where another holds (`equal`: and the other only where it).
    Subsumed {
        /// The two hold on exactly the same applications.
        equal: bool,
    },
    /// Two grounds that can hold on one application.
    Overlap,
    /// A question the analysis could not decide.
    Undecided(Undecided),
}

/// A refusal ground or document requirement.
#[derive(Debug, Clone)]
pub(crate) struct Element {
    /// The service's id.
    pub service: String,
    /// The ground's id or the document's kind.
    pub id: String,
    /// A refusal ground (else a document requirement).
    pub ground: bool,
    /// Its condition, as written.
    pub condition: Span,
}

impl Element {
    /// "refusal ground `x`" / "document `x`", in each language.
    pub(crate) fn named(&self) -> Wording {
        let id = &self.id;
        if self.ground {
            Wording::new(
                format!("refusal ground `{id}`"),
                format!("основание для отказа `{id}`"),
                format!("`{id}` бас тарту негізі"),
            )
        } else {
            Wording::new(
                format!("document `{id}`"),
                format!("документ `{id}`"),
                format!("`{id}` құжаты"),
            )
        }
    }
}

/// One answer.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Its kind.
    pub question: Question,
    /// The element it is about.
    pub element: Element,
    /// The other ground of a pair.
    pub other: Option<Element>,
    /// Where it points: the condition (or `unless`) it is about.
    pub span: Span,
    /// How many assignments were tried, when the proof is that every one was.
    pub exhausted: Option<u64>,
    /// The application that demonstrates it.
    pub example: Option<Example>,
    /// For a document whose validity rules cannot all hold: the rules, beyond the one at
    /// `span`, of a smallest set that already cannot (dropping any one lets the rest hold).
    pub conflicting: Vec<Span>,
}

/// A witness: an application, as a bundle, and what checking it shows.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    /// The bundle's JSON text.
    pub bundle: String,
    /// The assignment in words.
    pub summary: Wording,
    /// What the checker finds on it: (code name, subject).
    pub shows: Vec<(String, String)>,
}

/// The analysis of every service of a model.
pub(crate) fn analyse(model: &Model, plan: &Plan, budget: Budget) -> Outcome {
    let mut out = Outcome::default();
    for (s, p) in model.services.iter().zip(&plan.services) {
        Service {
            model: s,
            plan: p,
            budget,
            out: &mut out,
        }
        .run();
    }
    out
}

/// One question's conditions, ready to decide: its cases (a submission day and the dates
/// fixed on it, [`dates`]), each with its domain. An assignment found is the case's index
/// followed by the index of each variable's value.
struct Asked<'p> {
    cases: Vec<(Frame<'p>, Domain)>,
}

impl Asked<'_> {
    /// The first assignment where `wanted` holds of the conditions' values, each decided as
    /// the checker does; the budget is shared by the cases.
    fn find(
        &self,
        budget: Budget,
        exprs: &[&TExpr],
        wanted: impl Fn(&[Option<bool>]) -> bool,
    ) -> Search {
        let started = std::time::Instant::now();
        let total = self
            .cases
            .iter()
            .map(|(_, d)| search::size(&d.sizes()))
            .fold(0u64, u64::saturating_add);
        let mut tried = 0u64;
        for (n, (frame, domain)) in self.cases.iter().enumerate() {
            let left = Budget {
                assignments: budget.assignments.saturating_sub(tried),
                time: budget.time.saturating_sub(started.elapsed()),
            };
            let inputs = frame.plan.inputs.len();
            let found = search(&domain.sizes(), left, |at| {
                let document = domain.document(at);
                let mut scene: Scene<'_> = domain.scene(at, inputs);
                scene.document = document.as_ref();
                let values: Vec<Option<bool>> =
                    exprs.iter().map(|e| frame.decide(&scene, e)).collect();
                wanted(&values)
            });
            match found {
                Search::Found(mut at) => {
                    at.insert(0, n);
                    return Search::Found(at);
                }
                Search::Exhausted(k) => tried = tried.saturating_add(k),
                Search::Bounded(b) => {
                    return Search::Bounded(Bound {
                        tried: tried.saturating_add(b.tried),
                        total,
                        by_time: b.by_time,
                    });
                }
            }
        }
        Search::Exhausted(tried)
    }

    fn example(&self, at: &[usize], shows: Vec<(String, String)>) -> Example {
        let (case, at) = at.split_first().map_or((0, at), |(c, rest)| (*c, rest));
        match self.cases.get(case) {
            Some((frame, domain)) => Example {
                bundle: witness::bundle(frame, domain, at),
                summary: witness::summary(frame, domain, at),
                shows,
            },
            None => Example {
                bundle: String::new(),
                summary: Wording::new("", "", ""),
                shows,
            },
        }
    }
}

/// A ground's conditions: the whole (exemption folded in, as the checker runs it), the
/// `when` and the `unless`.
struct Rule {
    element: Element,
    validity: Interval,
    whole: TExpr,
    when: TExpr,
    unless: Option<(TExpr, Span)>,
    /// The `when` is `always` as written: being always needed is its point.
    always_by_design: bool,
}

/// What the single analysis learnt of a ground, for the pairs.
struct Learnt {
    can_hold: bool,
    always: bool,
}

struct Service<'a> {
    model: &'a ServiceModel,
    plan: &'a ServicePlan,
    budget: Budget,
    out: &'a mut Outcome,
}

impl<'a> Service<'a> {
    fn run(&mut self) {
        let grounds: Vec<Rule> = self.grounds();
        let learnt: Vec<Option<Learnt>> = grounds.iter().map(|r| self.rule(r)).collect();
        for r in self.requirements() {
            self.rule(&r);
        }
        self.validity();
        for (i, a) in grounds.iter().enumerate() {
            for (j, b) in grounds.iter().enumerate().skip(i + 1) {
                let usable =
                    |l: &Option<Learnt>| l.as_ref().is_some_and(|l| l.can_hold && !l.always);
                if usable(&learnt[i]) && usable(&learnt[j]) {
                    self.pair(a, b);
                }
            }
        }
    }

    fn element(&self, id: &str, ground: bool, condition: Span) -> Element {
        Element {
            service: self.model.id.clone(),
            id: id.to_string(),
            ground,
            condition,
        }
    }

    fn inline(&self, e: &TExpr) -> TExpr {
        crate::compile::inline(e, &self.model.lets)
    }

    fn grounds(&self) -> Vec<Rule> {
        self.model
            .refusals
            .iter()
            .zip(&self.plan.refusals)
            .map(|(r, p)| Rule {
                element: self.element(&r.id, true, r.when.span),
                validity: r.meta.validity.clone(),
                whole: p.condition.expr.clone(),
                when: self.inline(&r.when.expr),
                unless: r.unless.as_ref().map(|u| (self.inline(&u.expr), u.span)),
                always_by_design: false,
            })
            .collect()
    }

    fn requirements(&self) -> Vec<Rule> {
        let mut rules = Vec::new();
        for (d, p) in self.model.documents.iter().zip(&self.plan.documents) {
            let element = |span| self.element(&d.kind, false, span);
            match (&d.required, &p.required) {
                (Some(Requirement::When { when, unless }), Some(RequirementPlan::When(c))) => {
                    let always_by_design = when.expr == TExpr::Const(Const::Bool(true));
                    if always_by_design && unless.is_none() {
                        continue;
                    }
                    rules.push(Rule {
                        element: element(when.span),
                        validity: d.meta.validity.clone(),
                        whole: c.expr.clone(),
                        when: self.inline(&when.expr),
                        unless: unless.as_ref().map(|u| (self.inline(&u.expr), u.span)),
                        always_by_design,
                    });
                }
                (
                    Some(Requirement::PerItem {
                        list,
                        filter,
                        unless,
                        ..
                    }),
                    _,
                ) => {
                    // some item needs one: the requirement applies to the application
                    let body = filter
                        .as_ref()
                        .map_or(TExpr::Const(Const::Bool(true)), |f| self.inline(&f.expr));
                    let when = TExpr::Quantifier {
                        any: true,
                        list: *list,
                        body: Box::new(body),
                    };
                    let unless = unless.as_ref().map(|u| (self.inline(&u.expr), u.span));
                    let whole = match &unless {
                        Some((u, _)) => TExpr::And(
                            Box::new(when.clone()),
                            Box::new(TExpr::Not(Box::new(u.clone()))),
                        ),
                        None => when.clone(),
                    };
                    rules.push(Rule {
                        element: element(filter.as_ref().map_or(d.meta.span, |f| f.span)),
                        validity: d.meta.validity.clone(),
                        whole,
                        when,
                        unless,
                        // an empty list needs none: it can never be always
                        always_by_design: true,
                    });
                }
                _ => {}
            }
        }
        rules
    }

    /// The frame and domain of conditions in force on a day with `validity`; an undecided
    /// domain is reported.
    fn ask(
        &mut self,
        validity: &[&Interval],
        exprs: &[&TExpr],
        about: (&Element, Option<&Element>),
    ) -> Option<Asked<'a>> {
        let mut all = vec![&self.model.meta.validity];
        all.extend_from_slice(validity);
        let (first, last) = dates::in_force(&all)?;
        let frame = Frame::new(self.plan, self.model, first)?;
        match Domain::cases(&frame, last, exprs) {
            Ok(cases) => Some(Asked { cases }),
            Err(why) => {
                self.undecided(why, about.0, about.1, about.0.condition);
                None
            }
        }
    }

    fn undecided(
        &mut self,
        why: Undecided,
        element: &Element,
        other: Option<&Element>,
        span: Span,
    ) {
        let question = Question::Undecided(why);
        let known = self.out.found.iter().any(|f| {
            f.question == question
                && f.element.id == element.id
                && f.element.service == element.service
                && f.other.as_ref().map(|o| &o.id) == other.map(|o| &o.id)
        });
        if !known {
            self.push(question, element, other, span, None, None);
        }
    }

    fn push(
        &mut self,
        question: Question,
        element: &Element,
        other: Option<&Element>,
        span: Span,
        exhausted: Option<u64>,
        example: Option<Example>,
    ) {
        self.out.found.push(Found {
            question,
            element: element.clone(),
            other: other.cloned(),
            span,
            exhausted,
            example,
            conflicting: Vec::new(),
        });
    }

    /// Never, always, and the exemption of one ground or requirement.
    fn rule(&mut self, r: &Rule) -> Option<Learnt> {
        let mut exprs = vec![&r.whole, &r.when];
        exprs.extend(r.unless.as_ref().map(|(u, _)| u));
        let budget = self.budget;
        let asked = self.ask(&[&r.validity], &exprs, (&r.element, None))?;
        let holds_at = match asked.find(budget, &[&r.whole], |v| v[0] == Some(true)) {
            Search::Found(at) => at,
            Search::Exhausted(n) => {
                self.push(
                    Question::NeverHolds,
                    &r.element,
                    None,
                    r.element.condition,
                    Some(n),
                    None,
                );
                return Some(Learnt {
                    can_hold: false,
                    always: false,
                });
            }
            Search::Bounded(b) => {
                self.undecided(Undecided::Bound(b), &r.element, None, r.element.condition);
                return None;
            }
        };
        let mut always = false;
        let mut found = Vec::new();
        if !r.always_by_design {
            match asked.find(budget, &[&r.whole], |v| v[0] == Some(false)) {
                Search::Exhausted(n) => {
                    always = true;
                    let shows = vec![shown(&r.element)];
                    found.push((
                        Question::AlwaysHolds,
                        r.element.condition,
                        Some(n),
                        Some(asked.example(&holds_at, shows)),
                    ));
                }
                Search::Found(_) => {}
                Search::Bounded(b) => found.push((
                    Question::Undecided(Undecided::Bound(b)),
                    r.element.condition,
                    None,
                    None,
                )),
            }
        }
        if let Some((u, span)) = &r.unless {
            match asked.find(budget, &[&r.when, u], |v| {
                v[0] == Some(true) && v[1] == Some(true)
            }) {
                Search::Exhausted(n) => found.push((Question::UnlessNever, *span, Some(n), None)),
                Search::Found(_) => {}
                Search::Bounded(b) => {
                    found.push((Question::Undecided(Undecided::Bound(b)), *span, None, None))
                }
            }
        }
        for (q, span, n, example) in found {
            match q {
                Question::Undecided(why) => self.undecided(why, &r.element, None, span),
                _ => self.push(q, &r.element, None, span, n, example),
            }
        }
        Some(Learnt {
            can_hold: true,
            always,
        })
    }

    /// Whether some copy of each document can meet all its validity rules.
    fn validity(&mut self) {
        for (d, p) in self.model.documents.iter().zip(&self.plan.documents) {
            let Some(((first, _), rest)) = p.validity.split_first() else {
                continue;
            };
            let all = rest.iter().fold(first.expr.clone(), |acc, (c, _)| {
                TExpr::And(Box::new(acc), Box::new(c.expr.clone()))
            });
            let span = d.validity.first().map_or(d.meta.span, |(c, _)| c.span);
            let element = self.element(&d.kind, false, span);
            let budget = self.budget;
            let Some(asked) = self.ask(&[&d.meta.validity], &[&all], (&element, None)) else {
                continue;
            };
            let found = asked.find(budget, &[&all], |v| v[0] == Some(true));
            match found {
                Search::Exhausted(n) => {
                    let spans: Vec<Span> = d.validity.iter().map(|(c, _)| c.span).collect();
                    let parts: Vec<&TExpr> = p.validity.iter().map(|(c, _)| &c.expr).collect();
                    let rules = self
                        .ask(&[&d.meta.validity], &parts, (&element, None))
                        .map(|asked| contradiction(&asked, budget, &parts))
                        .unwrap_or_default();
                    let mut at = rules.iter().filter_map(|&i| spans.get(i).copied());
                    let span = at.next().unwrap_or(span);
                    self.push(Question::NeverMet, &element, None, span, Some(n), None);
                    if let Some(f) = self.out.found.last_mut() {
                        f.conflicting = at.collect();
                    }
                }
                Search::Found(_) => {}
                Search::Bounded(b) => self.undecided(Undecided::Bound(b), &element, None, span),
            }
        }
    }

    /// Whether one ground of a pair holds only where the other does, and whether both can
    /// hold at once.
    fn pair(&mut self, a: &Rule, b: &Rule) {
        let budget = self.budget;
        let exprs = [&a.whole, &b.whole];
        let Some(asked) = self.ask(
            &[&a.validity, &b.validity],
            &exprs,
            (&b.element, Some(&a.element)),
        ) else {
            return;
        };
        let both = asked.find(budget, &exprs, |v| v == [Some(true), Some(true)]);
        let only = |first: usize| {
            asked.find(budget, &exprs, |v| {
                v[first] == Some(true) && v[1 - first] != Some(true)
            })
        };
        let (b_alone, a_alone) = match &both {
            Search::Found(_) => (only(1), only(0)),
            _ => (Search::Found(Vec::new()), Search::Found(Vec::new())),
        };
        let shows = vec![shown(&a.element), shown(&b.element)];
        let example = match &both {
            Search::Found(at) => Some(asked.example(at, shows)),
            _ => None,
        };
        let mut bound = None;
        for s in [&both, &b_alone, &a_alone] {
            if let Search::Bounded(x) = s {
                bound = Some(*x);
            }
        }
        if let Some(x) = bound {
            self.undecided(
                Undecided::Bound(x),
                &b.element,
                Some(&a.element),
                b.element.condition,
            );
            return;
        }
        match (&b_alone, &a_alone) {
            (Search::Exhausted(n), Search::Exhausted(_)) => self.push(
                Question::Subsumed { equal: true },
                &b.element,
                Some(&a.element),
                b.element.condition,
                Some(*n),
                example,
            ),
            (Search::Exhausted(n), _) => self.push(
                Question::Subsumed { equal: false },
                &b.element,
                Some(&a.element),
                b.element.condition,
                Some(*n),
                example,
            ),
            (_, Search::Exhausted(n)) => self.push(
                Question::Subsumed { equal: false },
                &a.element,
                Some(&b.element),
                a.element.condition,
                Some(*n),
                example,
            ),
            _ if example.is_some() => self.push(
                Question::Overlap,
                &a.element,
                Some(&b.element),
                a.element.condition,
                None,
                example,
            ),
            _ => {}
        }
    }
}

/// What the checker finds on an application where the element holds.
fn shown(e: &Element) -> (String, String) {
    let code = if e.ground {
        "refusal-ground"
    } else {
        "missing-document"
    };
    (code.to_string(), e.id.clone())
}

/// A smallest set of `parts` that cannot all hold, by index, when all of them cannot: each
/// part in turn is left out for good if the rest still cannot hold without it. (Empty if the
/// budget ran out on the way: the finding then keeps its first place only.)
fn contradiction(asked: &Asked<'_>, budget: Budget, parts: &[&TExpr]) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..parts.len()).collect();
    for i in 0..parts.len() {
        let without: Vec<usize> = kept.iter().copied().filter(|&j| j != i).collect();
        match asked.find(budget, parts, |v| {
            without.iter().all(|&j| v.get(j) == Some(&Some(true)))
        }) {
            Search::Exhausted(_) => kept = without,
            Search::Found(_) => {}
            Search::Bounded(_) => return Vec::new(),
        }
    }
    kept
}
