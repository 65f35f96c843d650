//! A whole service lowered to the model: its act and interval, timezone, calendar, channels,
//! actors, inputs, lets, documents, refusal grounds, process and views.

use std::collections::HashMap;

use super::ServiceResolver;
use crate::semantic::error::{SemanticError, Subject};
use crate::semantic::model::{
    ChannelDef, Condition, InputDef, Interval, ProcessView, ServiceModel, Type,
};
use crate::semantic::types::{NameIndex, Scope, Typer};
use crate::semantic::validity;
use crate::source::Span;
use crate::syntax::ast::{self, Provenance};
use crate::vocab::Wording;

impl ServiceResolver<'_> {
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
        let mut meta = self.meta(s, &s.provenance, &act_interval, s.span);
        meta.title = s.title.clone();
        if let Some((name, _)) = &s.act {
            validity::check_inside(
                Subject {
                    kind: "service",
                    name: s.name.node.clone(),
                },
                &meta.validity,
                Subject {
                    kind: "act",
                    name: name.node.clone(),
                },
                &act_interval,
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
                Wording::new(
                    "declare it with `calendar NAME { … }` in a rule file of this rule set",
                    "объявите его через `calendar NAME { … }` в одном из файлов правил этого набора",
                    "оны осы ереже жинағының бір ереже файлында `calendar NAME { … }` арқылы жариялаңыз",
                ),
            );
        }
        let channels = s
            .channels
            .iter()
            .map(|c| {
                let m = self.meta(s, &c.provenance, &meta.validity, c.name.span);
                self.inside_service(
                    s,
                    Subject {
                        kind: "channel",
                        name: c.name.node.clone(),
                    },
                    &m.validity,
                    &meta.validity,
                    c.name.span,
                );
                ChannelDef {
                    name: c.name.node.clone(),
                    meta: m,
                }
            })
            .collect();

        // actors
        let mut actors: Vec<(String, Option<String>, Span)> = Vec::new();
        let mut actor_spans: HashMap<&str, Span> = HashMap::new();
        for a in &s.actors {
            if let Some(&first) = actor_spans.get(a.name.node.as_str()) {
                self.duplicate("actor", &a.name, first);
                continue;
            }
            actor_spans.insert(&a.name.node, a.name.span);
            self.meta(s, &a.provenance, &meta.validity, a.name.span);
            actors.push((
                a.name.node.clone(),
                a.label.as_ref().map(|l| l.node.clone()),
                a.name.span,
            ));
        }

        // inputs: a path may not repeat, nor be a part of another (`a` and `a.b`)
        let mut inputs: Vec<InputDef> = Vec::new();
        let mut index = NameIndex::default();
        // each proper prefix of a declared path (`a` of `a.b.c`) to the first input under it
        let mut parents: HashMap<String, usize> = HashMap::new();
        for i in &s.inputs {
            let path = i.path.node.as_str();
            let under = path
                .match_indices('.')
                .filter_map(|(at, _)| index.inputs.get(path.get(..at)?).copied())
                .min();
            let clash = [index.inputs.get(path), parents.get(path), under.as_ref()]
                .into_iter()
                .flatten()
                .min()
                .and_then(|&first| inputs.get(first));
            if let Some(first) = clash {
                let first = first.span;
                self.duplicate("input", &i.path, first);
                continue;
            }
            self.meta(s, &i.provenance, &meta.validity, i.path.span);
            let ty = self.ty(&i.ty.node, i.personal);
            for (at, _) in path.match_indices('.') {
                if let Some(parent) = path.get(..at) {
                    parents.entry(parent.to_string()).or_insert(inputs.len());
                }
            }
            index.inputs.insert(path.to_string(), inputs.len());
            inputs.push(InputDef {
                path: path.split('.').map(String::from).collect(),
                ty,
                optional: i.optional,
                personal: i.personal,
                span: i.path.span,
            });
        }
        let document_kinds: Vec<String> = s.documents.iter().map(|d| d.kind.node.clone()).collect();

        // lets, in order: each sees the ones before it
        let mut let_types: Vec<(String, Type)> = Vec::new();
        let mut lets = Vec::new();
        // each let's parts and depth once the lets it names are put in (`weight`)
        let mut weights: Vec<(usize, usize)> = Vec::new();
        let mut let_spans: HashMap<&str, Span> = HashMap::new();
        for l in &s.lets {
            if let Some(&first) = let_spans.get(l.name.node.as_str()) {
                self.duplicate("let", &l.name, first);
                continue;
            }
            let_spans.insert(&l.name.node, l.name.span);
            self.meta(s, &l.provenance, &meta.validity, l.name.span);
            let scope = Scope {
                inputs: &inputs,
                lets: &let_types,
                index: &index,
                documents: &document_kinds,
                binding: None,
                document_fields: false,
            };
            let mut typer = Typer {
                source: self.source,
                errors: self.errors,
                compared: None,
            };
            let (mut expr, ty) = typer.expr(&l.value, &scope, None);
            let (parts, depth) = super::weight::weight(&expr, &weights);
            if parts > super::weight::LET_PARTS || depth > super::weight::LET_DEPTH {
                self.errors.push(SemanticError::LetTooLarge {
                    name: l.name.node.clone(),
                    parts,
                    span: l.name.span,
                });
                expr =
                    crate::semantic::model::TExpr::Const(crate::semantic::model::Const::Bool(true));
                weights.push((1, 1));
            } else {
                weights.push((parts, depth));
            }
            index.lets.insert(l.name.node.clone(), let_types.len());
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
            index: &index,
            documents: &document_kinds,
            binding: None,
            document_fields: false,
        };

        let documents = self.documents(s, &base_scope, &meta.validity);
        let refusals = self.refusals(s, &base_scope, &meta.validity);

        let actor_names: Vec<String> = actors.iter().map(|(n, _, _)| n.clone()).collect();
        let process = match &s.process {
            Some(p) => self.view(
                s,
                "process",
                p,
                &Provenance::default(),
                &meta.validity,
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
                    &meta.validity,
                    &actor_names,
                    Some(&main_steps),
                )
            })
            .collect();

        self.examples(&s.examples);

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
}
