//! Resolution: every name in a service (acts, actors, inputs, documents, steps) bound to its
//! definition, duplicates and step cycles found, and the service lowered to the checked model.

use std::collections::{BTreeMap, HashMap};

use super::error::SemanticError;
use super::model::{
    ActInfo, Cite, Condition, Const, DocField, DocumentRule, FieldDef, InputDef, Interval, Meta,
    ProcessView, RefusalRule, Requirement, ServiceModel, TExpr, Type,
};
use super::types::{Scope, Typer};
use super::validity;
use crate::source::{SourceFile, Span};
use crate::suggest::suggest;
use crate::syntax::ast::{self, CiteTarget, Name, Provenance, TypeExpr};
use crate::vocab::Wording;

/// How to define an act that is not defined.
pub(super) fn declare_act() -> Wording {
    Wording::new(
        "declare it with `act NAME { … }` in a rule file of this rule set",
        "объявите его через `act NAME { … }` в одном из файлов правил этого набора",
        "оны осы жиынның ереже файлдарының бірінде `act NAME { … }` арқылы жариялаңыз",
    )
}

/// Lower one service to the model.
pub(crate) struct ServiceResolver<'a> {
    pub acts: &'a BTreeMap<String, ActInfo>,
    pub calendars: &'a [String],
    pub source: &'a SourceFile,
    pub errors: &'a mut Vec<SemanticError>,
}

impl ServiceResolver<'_> {
    pub(super) fn undefined(
        &mut self,
        what: &'static str,
        name: &Name,
        candidates: &[&str],
        how: impl Into<Wording>,
    ) {
        self.errors.push(SemanticError::Undefined {
            what,
            name: name.node.clone(),
            suggestion: suggest(&name.node, candidates.iter().copied()).map(String::from),
            how: how.into(),
            repeats: 0,
            span: name.span,
        });
    }

    pub(super) fn duplicate(&mut self, what: &'static str, name: &Name, first: Span) {
        self.errors.push(SemanticError::Duplicate {
            what,
            name: name.node.clone(),
            span: name.span,
            first,
        });
    }

    fn act_ref(&mut self, name: &Name) {
        if !self.acts.contains_key(&name.node) {
            let names: Vec<&str> = self.acts.keys().map(String::as_str).collect();
            self.undefined("act", name, &names, declare_act());
        }
    }

    /// Resolve citations, validity and suppressions of an element.
    pub(super) fn meta(
        &mut self,
        service: &ast::Service,
        prov: &Provenance,
        outer: Interval,
        span: Span,
    ) -> Meta {
        let mut cites = Vec::new();
        for c in &prov.citations {
            let (act, annex) = match &c.target {
                CiteTarget::Own => service
                    .act
                    .as_ref()
                    .map(|(a, n)| (a.node.clone(), *n))
                    .unwrap_or_default(),
                CiteTarget::Standard(annex) => {
                    let (a, n) = service
                        .standard
                        .as_ref()
                        .map(|(a, n)| (a.node.clone(), *n))
                        .unwrap_or_default();
                    (a, annex.or(n))
                }
                CiteTarget::Act(name, annex) => {
                    self.act_ref(name);
                    (name.node.clone(), *annex)
                }
            };
            let mut reference = String::new();
            if let Some(n) = annex {
                reference.push_str(&format!("annex {n} "));
            }
            if !c.paragraph.starts_with("art.") {
                reference.push_str("§ ");
            }
            reference.push_str(&c.paragraph);
            cites.push(Cite {
                act,
                reference,
                span: c.span,
            });
        }
        for point in [&prov.since, &prov.until].into_iter().flatten() {
            if let ast::TimePoint::Act(name) = &point.node {
                self.act_ref(name);
            }
        }
        let mut allows = Vec::new();
        for allow in &prov.allows {
            match &allow.reason {
                Some(reason) if !reason.node.trim().is_empty() => {
                    allows.push((allow.lint.node.clone(), reason.node.clone(), allow.span))
                }
                _ => self.errors.push(SemanticError::AllowWithoutReason {
                    lint: allow.lint.node.clone(),
                    span: allow.span,
                }),
            }
        }
        Meta {
            title: crate::vocab::Texts::default(),
            message: crate::vocab::Texts::default(),
            cites,
            validity: validity::interval(
                prov.since.as_ref(),
                prov.until.as_ref(),
                outer,
                self.acts,
            ),
            unverified: prov.unverified.as_ref().map(|u| u.node.clone()),
            allows,
            span,
        }
    }

    /// The provenance, titles and messages of a service element, checked to be in force only
    /// while its service is.
    fn element_meta(
        &mut self,
        s: &ast::Service,
        what: &str,
        prov: &Provenance,
        outer: Interval,
        span: Span,
        (title, message): (&crate::vocab::Texts, &crate::vocab::Texts),
    ) -> Meta {
        let mut meta = self.meta(s, prov, outer, span);
        self.inside_service(s, what, meta.validity, outer, span);
        meta.title = title.clone();
        meta.message = message.clone();
        meta
    }

    /// An element of a service must be in force only while the service is.
    fn inside_service(
        &mut self,
        s: &ast::Service,
        what: &str,
        inner: Interval,
        service: Interval,
        span: Span,
    ) {
        validity::check_inside(
            what,
            inner,
            &format!("service `{}`", s.name.node),
            service,
            span,
            self.errors,
        );
    }

    fn ty(&mut self, ty: &TypeExpr) -> Type {
        match ty {
            TypeExpr::Named(name) => match name.node.as_str() {
                "date" => Type::Date,
                "instant" => Type::Instant,
                "bool" => Type::Bool,
                "text" => Type::Text,
                "number" => Type::Number,
                other => {
                    let known = ["date", "instant", "bool", "text", "number"];
                    let suggestion = suggest(other, known.into_iter())
                        .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
                    self.errors.push(SemanticError::UnknownType {
                        name: other.to_string(),
                        suggestion,
                        span: name.span,
                    });
                    Type::Error
                }
            },
            TypeExpr::Enum(values) => Type::Enum(self.values(values)),
            TypeExpr::Set(values) => Type::Set(self.values(values)),
            TypeExpr::List(fields) => {
                let mut out: Vec<FieldDef> = Vec::new();
                let mut seen: HashMap<&str, Span> = HashMap::new();
                for f in fields {
                    if let Some(first) = seen.insert(f.name.node.as_str(), f.name.span) {
                        self.duplicate("field", &f.name, first);
                        continue;
                    }
                    let ty = self.ty(&f.ty.node);
                    out.push(FieldDef {
                        name: f.name.node.clone(),
                        ty,
                    });
                }
                Type::List(out)
            }
        }
    }

    fn values(&mut self, values: &[Name]) -> Vec<String> {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        let mut out = Vec::new();
        for v in values {
            if let Some(first) = seen.insert(v.node.as_str(), v.span) {
                self.duplicate("value", v, first);
            } else {
                out.push(v.node.clone());
            }
        }
        out
    }

    /// Lower a whole service.
    pub fn service(&mut self, s: &ast::Service) -> ServiceModel {
        // the act and its interval
        let mut act_interval = Interval::default();
        for (name, _) in s.act.iter().chain(s.standard.iter()) {
            self.act_ref(name);
        }
        if let Some((name, _)) = &s.act
            && let Some(act) = self.acts.get(&name.node)
        {
            act_interval = validity::act_interval(act);
        }
        let mut meta = self.meta(s, &s.provenance, act_interval, s.span);
        meta.title = s.title.clone();
        if let Some((name, _)) = &s.act {
            validity::check_inside(
                &format!("service `{}`", s.name.node),
                meta.validity,
                &format!("act `{}`", name.node),
                act_interval,
                s.name.span,
                self.errors,
            );
        }
        let timezone = match &s.timezone {
            Some(tz) => tz.node.parse::<chrono_tz::Tz>().unwrap_or_else(|_| {
                self.errors.push(SemanticError::UnknownTimezone {
                    name: tz.node.clone(),
                    span: tz.span,
                });
                chrono_tz::UTC
            }),
            None => chrono_tz::UTC,
        };
        if let Some(cal) = &s.calendar
            && !self.calendars.contains(&cal.node)
        {
            let names: Vec<&str> = self.calendars.iter().map(String::as_str).collect();
            self.undefined(
                "calendar",
                cal,
                &names,
                "declare it with `calendar NAME { … }` in a rule file of this rule set",
            );
        }
        let channels = s
            .channels
            .iter()
            .map(|c| {
                let m = self.meta(s, &c.provenance, meta.validity, c.name.span);
                self.inside_service(
                    s,
                    &format!("channel `{}`", c.name.node),
                    m.validity,
                    meta.validity,
                    c.name.span,
                );
                (c.name.node.clone(), m.validity)
            })
            .collect();

        // actors
        let mut actors: Vec<(String, Option<String>, Span)> = Vec::new();
        for a in &s.actors {
            if let Some((_, _, first)) = actors.iter().find(|(n, _, _)| *n == a.name.node) {
                let first = *first;
                self.duplicate("actor", &a.name, first);
                continue;
            }
            self.meta(s, &a.provenance, meta.validity, a.name.span);
            actors.push((
                a.name.node.clone(),
                a.label.as_ref().map(|l| l.node.clone()),
                a.name.span,
            ));
        }

        // inputs
        let mut inputs: Vec<InputDef> = Vec::new();
        for i in &s.inputs {
            if let Some(first) = inputs
                .iter()
                .find(|x| x.path.join(".") == i.path.node)
                .map(|x| x.span)
            {
                self.duplicate("input", &i.path, first);
                continue;
            }
            if let Some(prefix) = inputs.iter().find(|x| {
                let a = x.path.join(".");
                i.path.node.starts_with(&format!("{a}."))
                    || a.starts_with(&format!("{}.", i.path.node))
            }) {
                let first = prefix.span;
                self.duplicate("input", &i.path, first);
                continue;
            }
            self.meta(s, &i.provenance, meta.validity, i.path.span);
            let ty = self.ty(&i.ty.node);
            inputs.push(InputDef {
                path: i.path.node.split('.').map(String::from).collect(),
                ty,
                optional: i.optional,
                span: i.path.span,
            });
        }
        let document_kinds: Vec<String> = s.documents.iter().map(|d| d.kind.node.clone()).collect();

        // lets, in order: each sees the ones before it
        let mut let_types: Vec<(String, Type)> = Vec::new();
        let mut lets = Vec::new();
        for l in &s.lets {
            if let Some(first) = s
                .lets
                .iter()
                .find(|x| x.name.node == l.name.node)
                .map(|x| x.name.span)
                && first != l.name.span
            {
                self.duplicate("let", &l.name, first);
                continue;
            }
            self.meta(s, &l.provenance, meta.validity, l.name.span);
            let scope = Scope {
                inputs: &inputs,
                lets: &let_types,
                documents: &document_kinds,
                binding: None,
                document_fields: false,
            };
            let mut typer = Typer {
                source: self.source,
                errors: self.errors,
                compared: None,
            };
            let (expr, ty) = typer.expr(&l.value, &scope, None);
            let_types.push((l.name.node.clone(), ty));
            lets.push((
                l.name.node.clone(),
                Condition {
                    expr,
                    span: l.value.span,
                },
            ));
        }
        let base_scope = Scope {
            inputs: &inputs,
            lets: &let_types,
            documents: &document_kinds,
            binding: None,
            document_fields: false,
        };

        let documents = self.documents(s, &base_scope, meta.validity);
        let refusals = self.refusals(s, &base_scope, meta.validity);

        let actor_names: Vec<String> = actors.iter().map(|(n, _, _)| n.clone()).collect();
        let process = match &s.process {
            Some(p) => self.view(
                s,
                "process",
                p,
                &Provenance::default(),
                meta.validity,
                &actor_names,
                None,
            ),
            None => ProcessView::default(),
        };
        let main_steps: Vec<String> = process.steps.iter().map(|st| st.id.clone()).collect();
        let views = s
            .views
            .iter()
            .map(|v| {
                self.view(
                    s,
                    &v.name.node,
                    &v.process,
                    &v.provenance,
                    meta.validity,
                    &actor_names,
                    Some(&main_steps),
                )
            })
            .collect();

        ServiceModel {
            id: s.name.node.clone(),
            act: s.act.as_ref().map(|(a, n)| (a.node.clone(), *n)),
            standard: s.standard.as_ref().map(|(a, n)| (a.node.clone(), *n)),
            timezone,
            calendar: s.calendar.as_ref().map(|c| c.node.clone()),
            channels,
            actors,
            inputs,
            lets,
            documents,
            refusals,
            process,
            views,
            examples: s.examples.clone(),
            meta,
        }
    }

    fn documents(
        &mut self,
        s: &ast::Service,
        scope: &Scope<'_>,
        outer: Interval,
    ) -> Vec<DocumentRule> {
        let mut out: Vec<DocumentRule> = Vec::new();
        for d in &s.documents {
            if let Some(first) = out
                .iter()
                .find(|x| x.kind == d.kind.node)
                .map(|x| x.meta.span)
            {
                self.duplicate("document", &d.kind, first);
                continue;
            }
            let what = format!("document `{}`", d.kind.node);
            let texts = (&d.title, &d.message);
            let meta = self.element_meta(s, &what, &d.provenance, outer, d.kind.span, texts);
            let required = d.required.as_ref().map(|r| self.requirement(r, scope));
            let doc_scope = Scope {
                document_fields: true,
                ..*scope
            };
            let validity = d
                .validity
                .iter()
                .map(|v| {
                    let mut typer = Typer {
                        source: self.source,
                        errors: self.errors,
                        compared: None,
                    };
                    let expr = typer.condition(&v.condition, &doc_scope);
                    (
                        Condition {
                            expr,
                            span: v.condition.span,
                        },
                        v.message.clone(),
                    )
                })
                .collect();
            out.push(DocumentRule {
                kind: d.kind.node.clone(),
                required,
                validity,
                meta,
            });
        }
        out
    }

    fn requirement(&mut self, r: &ast::Required, scope: &Scope<'_>) -> Requirement {
        let mut typer = Typer {
            source: self.source,
            errors: self.errors,
            compared: None,
        };
        let unless = r.unless.as_ref().map(|u| Condition {
            expr: typer.condition(u, scope),
            span: u.span,
        });
        match &r.when {
            ast::RequiredWhen::Always => Requirement::When {
                when: Condition {
                    expr: TExpr::Const(Const::Bool(true)),
                    span: r.span,
                },
                unless,
            },
            ast::RequiredWhen::When(e) => Requirement::When {
                when: Condition {
                    expr: typer.condition(e, scope),
                    span: e.span,
                },
                unless,
            },
            ast::RequiredWhen::PerItem {
                binding,
                list,
                filter,
                matched_by,
            } => {
                let Some((index, fields)) = typer.list_input(list, scope) else {
                    return Requirement::When {
                        when: Condition {
                            expr: TExpr::Const(Const::Bool(false)),
                            span: r.span,
                        },
                        unless,
                    };
                };
                let inner = Scope {
                    binding: Some((binding.node.as_str(), fields)),
                    ..*scope
                };
                let filter = filter.as_ref().map(|f| Condition {
                    expr: typer.condition(f, &inner),
                    span: f.span,
                });
                let matched = match DocField::from_name(&matched_by.node) {
                    Some(DocField::Child) => DocField::Child,
                    _ => {
                        self.errors.push(SemanticError::WrongType {
                            message: format!("documents are matched to list items by their `child` field, not `{}`", matched_by.node).into(),
                            help: Wording::en("write `matched by child`"),
                            span: matched_by.span,
                            label: Wording::en("not an index field of a document"),
                        });
                        DocField::Child
                    }
                };
                Requirement::PerItem {
                    list: index,
                    filter,
                    unless,
                    matched_by: matched,
                }
            }
        }
    }

    fn refusals(
        &mut self,
        s: &ast::Service,
        scope: &Scope<'_>,
        outer: Interval,
    ) -> Vec<RefusalRule> {
        let mut out: Vec<RefusalRule> = Vec::new();
        for r in &s.refusals {
            if let Some(first) = out
                .iter()
                .find(|x| x.id == r.name.node)
                .map(|x| x.meta.span)
            {
                self.duplicate("refusal ground", &r.name, first);
                continue;
            }
            let what = format!("refusal ground `{}`", r.name.node);
            let texts = (&r.title, &r.message);
            let meta = self.element_meta(s, &what, &r.provenance, outer, r.name.span, texts);
            let mut typer = Typer {
                source: self.source,
                errors: self.errors,
                compared: None,
            };
            let when = match &r.when {
                Some(w) => Condition {
                    expr: typer.condition(w, scope),
                    span: w.span,
                },
                None => {
                    typer.errors.push(SemanticError::WrongType {
                        message: format!("refusal ground `{}` has no condition", r.name.node)
                            .into(),
                        help: Wording::en("say when the ground holds: `when …`"),
                        span: r.name.span,
                        label: Wording::en("no `when`"),
                    });
                    Condition {
                        expr: TExpr::Const(Const::Bool(false)),
                        span: r.span,
                    }
                }
            };
            let unless = r.unless.as_ref().map(|u| Condition {
                expr: typer.condition(u, scope),
                span: u.span,
            });
            out.push(RefusalRule {
                id: r.name.node.clone(),
                when,
                unless,
                meta,
            });
        }
        out
    }
}
