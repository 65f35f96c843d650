//! The recording observer: told by the checker what it decides, element by element, it keeps
//! each condition's value, the facts it read and what they left missing, and asks the same
//! evaluator, in the same environment, for the parts of a condition the plan folds together
//! (`when` and `unless`), so a trace shows which one decided.

use std::ops::Range;

use crate::check::FactValue;
use crate::check::eval::Env;
use crate::check::json::Json;
use crate::check::observe::{Element, Observer, Site};
use crate::compile::{CondPlan, Parts, RuleRef, ServicePlan};
use crate::source::SourceMap;
use crate::vocab::Lang;

use super::model::{Cited, Condition, Copy, Fact, Ground, Item, Requirement, Rule, Truth};

/// What the recorder keeps of one element, with the findings it concluded (ranges of the
/// report's findings, turned into conclusions once the report is complete).
pub(crate) enum Recorded {
    /// A document requirement.
    Requirement(Requirement, Vec<Range<usize>>),
    /// A ground for refusal.
    Ground(Ground, Vec<Range<usize>>),
}

/// The observer a trace checks with.
pub(crate) struct Recorder<'p> {
    sources: &'p SourceMap,
    lang: Lang,
    /// The version of the service applied, once the checker has found it.
    pub(crate) service: Option<&'p ServicePlan>,
    /// Every element told, in the checker's order.
    pub(crate) elements: Vec<Recorded>,
}

impl<'p> Recorder<'p> {
    /// A recorder that quotes conditions from `sources` and words citations in `lang`.
    pub(crate) fn new(sources: &'p SourceMap, lang: Lang) -> Recorder<'p> {
        Recorder {
            sources,
            lang,
            service: None,
            elements: Vec::new(),
        }
    }

    /// A condition as written in the rule files (`required always` is written `always`: its
    /// span is the whole requirement's).
    fn written(&self, cond: &CondPlan) -> String {
        use crate::semantic::model::{Const, TExpr};
        if matches!(cond.expr, TExpr::Const(Const::Bool(true))) {
            return String::from("always");
        }
        self.sources
            .get(cond.span.file)
            .and_then(|f| f.text.get(cond.span.start..cond.span.end))
            .map_or_else(String::new, |t| {
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            })
    }

    /// A condition decided to `value`, with the facts it reads as `env` has them.
    fn condition(
        &self,
        cond: &CondPlan,
        env: &Env<'_, '_>,
        value: Option<bool>,
        missing: &[String],
    ) -> Condition {
        Condition {
            written: self.written(cond),
            location: self.sources.location(cond.span),
            value: Truth::from(value),
            facts: facts(cond, env),
            missing: missing.to_vec(),
        }
    }

    /// A part of a folded condition, decided by the checker's evaluator in the environment
    /// the whole was decided in; what it reads and cannot compute is put back as it was.
    fn part(&self, cond: &CondPlan, env: &mut Env<'_, '_>) -> Condition {
        let saved = std::mem::take(&mut env.missing);
        let unresolved = env.unresolved.len();
        let value = env.condition(&cond.expr);
        let missing = std::mem::replace(&mut env.missing, saved);
        env.unresolved.truncate(unresolved);
        let missing = if value.is_none() { missing } else { Vec::new() };
        self.condition(cond, env, value, &missing)
    }

    /// Both parts of a folded condition, when it has an exemption.
    fn parts(
        &self,
        parts: Option<&Parts>,
        env: &mut Env<'_, '_>,
    ) -> (Option<Condition>, Option<Condition>) {
        match parts {
            Some(p) => (
                Some(self.part(&p.when, env)),
                Some(self.part(&p.unless, env)),
            ),
            None => (None, None),
        }
    }

    /// A rule with its citations worded in the recorder's language.
    pub(crate) fn rule(&self, rule: &RuleRef) -> Rule {
        rule_of(rule, self.lang)
    }

    fn last_requirement(&mut self) -> Option<&mut Requirement> {
        match self.elements.last_mut() {
            Some(Recorded::Requirement(r, _)) => Some(r),
            _ => None,
        }
    }

    fn last_ground(&mut self) -> Option<&mut Ground> {
        match self.elements.last_mut() {
            Some(Recorded::Ground(g, _)) => Some(g),
            _ => None,
        }
    }
}

/// A folded condition written as the rule file writes its parts: `A unless B`.
fn unless(whole: &mut Condition, when: Option<&Condition>, exemption: Option<&Condition>) {
    if let (Some(when), Some(exemption)) = (when, exemption) {
        whole.written = format!("{} unless {}", when.written, exemption.written);
    }
}

/// A rule with its citations worded in `lang`.
pub(crate) fn rule_of(rule: &RuleRef, lang: Lang) -> Rule {
    let words = crate::report::words::catalogue(lang);
    Rule {
        id: rule.id.clone(),
        citations: rule
            .citations
            .iter()
            .map(|c| Cited {
                act: c.act.clone(),
                reference: c.reference.clone(),
                text: words.citation(c),
            })
            .collect(),
        location: rule.location.clone(),
        unverified: rule.unverified_reason(),
    }
}

/// The facts a condition reads, as `env` has them: the service's inputs, the bound item's
/// fields, the bound document's fields.
fn facts(cond: &CondPlan, env: &Env<'_, '_>) -> Vec<Fact> {
    let mut out: Vec<Fact> = cond
        .reads
        .iter()
        .filter_map(|&i| {
            let input = env.inputs.get(i)?;
            let value = env.facts.get(i).copied().flatten();
            Some(fact(input.pointer.clone(), input.name.clone(), value))
        })
        .collect();
    if let Some((list, index, item)) = env.item
        && let Some(input) = env.inputs.get(list)
    {
        let mut fields = Vec::new();
        item_fields(&cond.expr, &mut fields);
        for f in fields {
            if let Some(name) = input.fields.get(f) {
                let value = item.get(name).filter(|v| !v.is_null());
                let pointer = format!("{}/{index}/{name}", input.pointer);
                out.push(fact(pointer, name.clone(), value));
            }
        }
    }
    if let Some((index, document)) = env.document {
        for field in &cond.fields {
            let name = field.name();
            let value = document.get(name).filter(|v| !v.is_null());
            out.push(fact(
                format!("/documents/{index}/{name}"),
                name.to_string(),
                value,
            ));
        }
    }
    out
}

/// The fields of the bound item a condition reads, each once, in order.
fn item_fields(expr: &crate::semantic::model::TExpr, out: &mut Vec<usize>) {
    use crate::semantic::model::TExpr;
    match expr {
        TExpr::ItemField(i) if !out.contains(i) => out.push(*i),
        TExpr::Not(a) | TExpr::Shift(a, _, _) | TExpr::InList(a, _) | TExpr::HasAny(a, _) => {
            item_fields(a, out);
        }
        TExpr::And(a, b) | TExpr::Or(a, b) | TExpr::Compare(_, a, b) | TExpr::Age(a, b) => {
            item_fields(a, out);
            item_fields(b, out);
        }
        TExpr::Quantifier { body, .. } => item_fields(body, out),
        _ => {}
    }
}

/// A fact with its value as the trace shows it.
fn fact(pointer: String, name: String, value: Option<&Json<'_>>) -> Fact {
    let (value, size) = match value.map(FactValue::of) {
        None | Some(FactValue::Null) => (None, None),
        Some(FactValue::Bool(b)) => (Some(serde_json::Value::Bool(b)), None),
        Some(FactValue::Number(n)) => (Some(serde_json::Value::Number(n)), None),
        Some(FactValue::Text(t)) => (Some(serde_json::Value::String(t)), None),
        Some(FactValue::Members(m)) => (
            Some(serde_json::Value::Array(
                m.into_iter().map(serde_json::Value::String).collect(),
            )),
            None,
        ),
        Some(FactValue::List(n) | FactValue::Object(n)) => (None, Some(n)),
    };
    let present = value.is_some() || size.is_some();
    Fact {
        pointer,
        name,
        value,
        size,
        present,
    }
}

impl<'p> Observer<'p> for Recorder<'p> {
    fn service(&mut self, service: &'p ServicePlan) {
        self.service = Some(service);
    }

    fn element(&mut self, element: Element<'p>, in_force: Option<bool>) {
        let recorded = match element {
            Element::Document(doc, attached) => Recorded::Requirement(
                Requirement {
                    document: doc.kind.clone(),
                    rule: self.rule(&doc.rule),
                    in_force: Truth::from(in_force),
                    period: super::period(&doc.in_force),
                    attached,
                    required: None,
                    when: None,
                    exemption: None,
                    items: Vec::new(),
                    copies: Vec::new(),
                    findings: Vec::new(),
                },
                Vec::new(),
            ),
            Element::Ground(ground) => Recorded::Ground(
                Ground {
                    ground: ground.id.clone(),
                    rule: self.rule(&ground.rule),
                    in_force: Truth::from(in_force),
                    period: super::period(&ground.in_force),
                    holds: None,
                    when: None,
                    exemption: None,
                    findings: Vec::new(),
                },
                Vec::new(),
            ),
        };
        self.elements.push(recorded);
    }

    fn decided(
        &mut self,
        site: Site<'p>,
        env: &mut Env<'_, '_>,
        value: Option<bool>,
        missing: &[String],
    ) {
        match site {
            Site::Required(doc, cond) => {
                let mut required = self.condition(cond, env, value, missing);
                let (when, exemption) = self.parts(doc.exemption.as_ref(), env);
                unless(&mut required, when.as_ref(), exemption.as_ref());
                if let Some(r) = self.last_requirement() {
                    r.required = Some(required);
                    r.when = when;
                    r.exemption = exemption;
                }
            }
            Site::Exemption(cond) => {
                let exemption = self.condition(cond, env, value, missing);
                if let Some(r) = self.last_requirement() {
                    r.exemption = Some(exemption);
                }
            }
            Site::Item(index, cond) => {
                let needs = self.condition(cond, env, value, missing);
                if let Some(r) = self.last_requirement() {
                    r.items.push(Item { index, needs });
                }
            }
            Site::Copy { copy, condition } => {
                let rule = self.condition(condition, env, value, missing);
                if let Some(r) = self.last_requirement() {
                    match r.copies.last_mut() {
                        Some(c) if c.document == copy => c.rules.push(rule),
                        _ => r.copies.push(Copy {
                            document: copy,
                            rules: vec![rule],
                        }),
                    }
                }
            }
            Site::Ground(ground) => {
                let mut holds = self.condition(&ground.condition, env, value, missing);
                let (when, exemption) = self.parts(ground.exemption.as_ref(), env);
                unless(&mut holds, when.as_ref(), exemption.as_ref());
                if let Some(g) = self.last_ground() {
                    g.holds = Some(holds);
                    g.when = when;
                    g.exemption = exemption;
                }
            }
        }
    }

    fn concluded(&mut self, findings: Range<usize>) {
        if findings.is_empty() {
            return;
        }
        match self.elements.last_mut() {
            Some(Recorded::Requirement(_, ranges) | Recorded::Ground(_, ranges)) => {
                ranges.push(findings);
            }
            None => {}
        }
    }
}
