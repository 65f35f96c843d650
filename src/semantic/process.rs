//! Processes: the steps of the authoritative process and of second views, their actors (each
//! one of a step's `by a, b` defined in the service) and deadlines resolved, and circles
//! between deadlines found.

use super::error::SemanticError;
use super::model::{Anchor, Interval, ProcessView, StepDef, TermDef};
use super::resolve::ServiceResolver;
use crate::syntax::ast::{self, Name, Provenance};
use crate::vocab::DurationUnit;

impl ServiceResolver<'_> {
    #[expect(
        clippy::too_many_arguments,
        reason = "one call site per kind of view; a struct would only rename them"
    )]
    pub(super) fn view(
        &mut self,
        s: &ast::Service,
        id: &str,
        p: &ast::Process,
        prov: &Provenance,
        outer: &Interval,
        actors: &[String],
        main_steps: Option<&[String]>,
    ) -> ProcessView {
        let view_meta = self.meta(s, prov, outer, p.span);
        let mut steps: Vec<StepDef> = Vec::new();
        let names: Vec<&str> = p.steps.iter().map(|st| st.name.node.as_str()).collect();
        let actor_refs: Vec<&str> = actors.iter().map(String::as_str).collect();
        for st in &p.steps {
            if let Some(first) = p
                .steps
                .iter()
                .find(|x| x.name.node == st.name.node)
                .map(|x| x.name.span)
                && first != st.name.span
            {
                self.duplicate("step", &st.name, first);
                continue;
            }
            for actor in &st.actors {
                if !actors.contains(&actor.node) {
                    self.undefined(
                        "actor",
                        actor,
                        &actor_refs,
                        "declare it with `actor NAME \"abbreviation\" § …` in this service",
                    );
                }
            }
            let anchor = st.deadline.as_ref().map(|d| self.anchor(&d.after, &names));
            let within = st.deadline.as_ref().and_then(|d| d.within.as_ref());
            if let Some(w) = within
                && w.node.unit == DurationUnit::CalendarWorkingDays
            {
                self.errors
                    .push(SemanticError::MixedDayKind { span: w.span });
            }
            for other in &st.parallel_with {
                if !names.contains(&other.node.as_str()) {
                    self.undefined("step", other, &names, "name a step of the same view");
                }
            }
            if let Some(main) = main_steps {
                let main_refs: Vec<&str> = main.iter().map(String::as_str).collect();
                for m in &st.maps_to {
                    if !main.contains(&m.node) {
                        self.undefined(
                            "step",
                            m,
                            &main_refs,
                            "name a step of the service's `process`",
                        );
                    }
                }
            }
            let meta = self.meta(s, &st.provenance, &view_meta.validity, st.name.span);
            steps.push(StepDef {
                id: st.name.node.clone(),
                actors: st.actors.iter().map(|a| a.node.clone()).collect(),
                within: within.map(|w| w.node),
                after: anchor.flatten(),
                parallel_with: st.parallel_with.iter().map(|n| n.node.clone()).collect(),
                maps_to: st.maps_to.iter().map(|n| n.node.clone()).collect(),
                meta,
            });
        }
        self.cycles(&steps, p);
        let terms = p
            .terms
            .iter()
            .map(|t| {
                if t.duration.node.unit == DurationUnit::CalendarWorkingDays {
                    self.errors.push(SemanticError::MixedDayKind {
                        span: t.duration.span,
                    });
                }
                let after = self.anchor(&t.after, &names).unwrap_or(Anchor::Submitted);
                TermDef {
                    duration: t.duration.node,
                    after,
                    meta: self.meta(s, &t.provenance, &view_meta.validity, t.span),
                }
            })
            .collect();
        ProcessView {
            id: id.to_string(),
            steps,
            terms,
            meta: view_meta,
        }
    }

    fn anchor(&mut self, after: &Name, names: &[&str]) -> Option<Anchor> {
        if after.node == "submitted_at" {
            return Some(Anchor::Submitted);
        }
        if let Some(i) = names.iter().position(|n| *n == after.node) {
            return Some(Anchor::Step(i));
        }
        let mut candidates = names.to_vec();
        candidates.push("submitted_at");
        self.undefined(
            "step",
            after,
            &candidates,
            "a deadline counts from `submitted_at` or from a step of the same process",
        );
        None
    }

    fn cycles(&mut self, steps: &[StepDef], p: &ast::Process) {
        for (start, step) in steps.iter().enumerate() {
            let mut seen = vec![start];
            let mut current = step.after.clone();
            while let Some(Anchor::Step(next)) = current {
                if next == start {
                    let cycle = seen
                        .iter()
                        .filter_map(|i| steps.get(*i))
                        .map(|s| format!("`{}`", s.id))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    // report each circle once, at its first step in written order
                    if seen.iter().min() == Some(&start)
                        && let Some(decl) = p.steps.iter().find(|x| x.name.node == step.id)
                    {
                        self.errors.push(SemanticError::StepCycle {
                            cycle,
                            span: decl.name.span,
                        });
                    }
                    break;
                }
                if seen.contains(&next) || seen.len() > steps.len() {
                    break;
                }
                seen.push(next);
                current = steps.get(next).and_then(|s| s.after.clone());
            }
        }
    }
}
