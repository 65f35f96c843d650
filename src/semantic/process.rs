//! Processes: the steps of the authoritative process and of second views, their actors (each
//! one of a step's `by a, b` defined in the service) and deadlines resolved, and circles
//! between deadlines found.

use std::collections::HashMap;

use super::error::SemanticError;
use super::model::{Anchor, Interval, ProcessView, StepDef, TermDef};
use super::resolve::ServiceResolver;
use crate::source::Span;
use crate::syntax::ast::{self, Name, Provenance};
use crate::vocab::{DurationUnit, Wording};

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
        // each name's first step, found once: a view of 10,000 steps is read in linear time
        let mut first_of: HashMap<&str, (usize, Span)> = HashMap::new();
        for (i, st) in p.steps.iter().enumerate() {
            first_of
                .entry(st.name.node.as_str())
                .or_insert((i, st.name.span));
        }
        let actor_refs: Vec<&str> = actors.iter().map(String::as_str).collect();
        for st in &p.steps {
            if let Some(&(_, first)) = first_of.get(st.name.node.as_str())
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
                        Wording::new(
                            "declare it with `actor NAME \"abbreviation\" § …` in this service",
                            "объявите его в этой услуге через `actor NAME \"abbreviation\" § …`",
                            "оны осы қызметте `actor NAME \"abbreviation\" § …` арқылы жариялаңыз",
                        ),
                    );
                }
            }
            let anchor = st
                .deadline
                .as_ref()
                .map(|d| self.anchor(&d.after, &names, &first_of));
            let within = st.deadline.as_ref().and_then(|d| d.within.as_ref());
            if let Some(w) = within
                && w.node.unit == DurationUnit::CalendarWorkingDays
            {
                self.errors
                    .push(SemanticError::MixedDayKind { span: w.span });
            }
            if let Some(to) = &st.addressee
                && to.node != "applicant"
                && !actors.contains(&to.node)
            {
                let mut candidates = actor_refs.clone();
                candidates.push("applicant");
                self.undefined(
                    "actor",
                    to,
                    &candidates,
                    Wording::new(
                        "name an actor of this service, or `applicant` for the recipient of the service",
                        "укажите участника этой услуги или `applicant` для получателя услуги",
                        "осы қызметтің қатысушысын немесе қызметті алушы үшін `applicant` көрсетіңіз",
                    ),
                );
            }
            for other in &st.parallel_with {
                if !first_of.contains_key(other.node.as_str()) {
                    self.undefined(
                        "step",
                        other,
                        &names,
                        Wording::new(
                            "name a step of the same view",
                            "укажите шаг того же представления",
                            "сол көріністің қадамын көрсетіңіз",
                        ),
                    );
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
                            Wording::new(
                                "name a step of the service's `process`",
                                "укажите шаг из `process` этой услуги",
                                "қызметтің `process` ішіндегі қадамды көрсетіңіз",
                            ),
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
                addressee: st.addressee.as_ref().map(|n| n.node.clone()),
                meta,
            });
        }
        self.cycles(&steps);
        let terms = p
            .terms
            .iter()
            .map(|t| {
                if t.duration.node.unit == DurationUnit::CalendarWorkingDays {
                    self.errors.push(SemanticError::MixedDayKind {
                        span: t.duration.span,
                    });
                }
                let after = self
                    .anchor(&t.after, &names, &first_of)
                    .unwrap_or(Anchor::Submitted);
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

    fn anchor(
        &mut self,
        after: &Name,
        names: &[&str],
        first_of: &HashMap<&str, (usize, Span)>,
    ) -> Option<Anchor> {
        if after.node == "submitted_at" {
            return Some(Anchor::Submitted);
        }
        if let Some(&(i, _)) = first_of.get(after.node.as_str()) {
            return Some(Anchor::Step(i));
        }
        let mut candidates = names.to_vec();
        candidates.push("submitted_at");
        self.undefined(
            "step",
            after,
            &candidates,
            Wording::new(
                "a deadline counts from `submitted_at` or from a step of the same process",
                "срок отсчитывается от `submitted_at` или от шага того же процесса",
                "мерзім `submitted_at` немесе сол процестің қадамынан бастап есептеледі",
            ),
        );
        None
    }

    /// Report each circle of deadlines once, at its first step in written order. Each step
    /// counts from at most one other, so one walk along the chains finds every circle in
    /// time linear in the steps (10,000 chained steps are checked at once, not squared).
    fn cycles(&mut self, steps: &[StepDef]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Seen {
            No,
            OnWalk,
            Done,
        }
        let mut seen = vec![Seen::No; steps.len()];
        for start in 0..steps.len() {
            let mut walk: Vec<usize> = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match seen.get(i).copied() {
                    Some(Seen::No) => {
                        if let Some(s) = seen.get_mut(i) {
                            *s = Seen::OnWalk;
                        }
                        walk.push(i);
                        at = match steps.get(i).and_then(|s| s.after.as_ref()) {
                            Some(Anchor::Step(next)) => Some(*next),
                            _ => None,
                        };
                    }
                    Some(Seen::OnWalk) => {
                        // the walk came back to a step of its own: the circle is from there on
                        let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                        let circle = walk.get(from..).unwrap_or_default();
                        let first = circle.iter().copied().min().unwrap_or(i);
                        let from_first = circle.iter().position(|&w| w == first).unwrap_or(0);
                        let order = circle.iter().cycle().skip(from_first).take(circle.len());
                        let cycle = order
                            .filter_map(|&k| steps.get(k))
                            .map(|s| format!("`{}`", s.id))
                            .collect::<Vec<_>>()
                            .join(" → ");
                        if let Some(step) = steps.get(first) {
                            self.errors.push(SemanticError::StepCycle {
                                cycle,
                                span: step.meta.span,
                            });
                        }
                        at = None;
                    }
                    _ => at = None,
                }
            }
            for w in walk {
                if let Some(s) = seen.get_mut(w) {
                    *s = Seen::Done;
                }
            }
        }
    }
}
