//! Whether two plans check alike: equal in everything a check reads and a report says, where
//! their rules are written aside. A safe fix (`ereje lint --fix`) must leave the plan so: it
//! may move what follows it to other lines, never change what is checked or said.

use std::sync::Arc;

use super::{CondPlan, Parts, Plan, RequirementPlan, RuleRef, ServicePlan};
use crate::source::Span;

impl Plan {
    /// Whether `other` checks every bundle as this plan does and reports it in the same words,
    /// the spans and `FILE:LINE` locations of their rules aside.
    pub fn checks_as(&self, other: &Plan) -> bool {
        let Plan {
            services,
            act_names,
        } = self;
        *act_names == other.act_names
            && services.len() == other.services.len()
            && services
                .iter()
                .zip(&other.services)
                .all(|(a, b)| a.unlocated() == b.unlocated())
    }
}

impl ServicePlan {
    /// This version with every span and location of its rules and conditions blanked.
    fn unlocated(&self) -> ServicePlan {
        let mut s = self.clone();
        unlocate_rule(&mut s.rule);
        for c in &mut s.channels {
            unlocate_rule(&mut c.rule);
        }
        for d in &mut s.documents {
            unlocate_rule(&mut d.rule);
            match &mut d.required {
                Some(RequirementPlan::When(c)) => unlocate(c),
                Some(RequirementPlan::PerItem { filter, unless, .. }) => {
                    filter
                        .iter_mut()
                        .chain(unless.iter_mut())
                        .for_each(unlocate);
                }
                None => {}
            }
            for (c, rule) in &mut d.validity {
                unlocate(c);
                unlocate_rule(rule);
            }
            unlocate_parts(d.exemption.as_mut());
        }
        for r in &mut s.refusals {
            unlocate(&mut r.condition);
            unlocate_rule(&mut r.rule);
            unlocate_parts(r.exemption.as_mut());
        }
        for step in &mut s.steps {
            unlocate_rule(&mut step.rule);
        }
        for t in &mut s.terms {
            unlocate_rule(&mut t.rule);
        }
        s
    }
}

/// Every field but the did-you-mean memo, which is a cache of answers over the documents'
/// kinds (compared themselves), filled as bundles are checked.
impl PartialEq for ServicePlan {
    fn eq(&self, other: &ServicePlan) -> bool {
        let ServicePlan {
            id,
            validity,
            timezone,
            calendar,
            channels,
            inputs,
            documents,
            refusals,
            steps,
            terms,
            rule,
            near_kinds: _,
        } = self;
        *id == other.id
            && *validity == other.validity
            && *timezone == other.timezone
            && *calendar == other.calendar
            && *channels == other.channels
            && *inputs == other.inputs
            && *documents == other.documents
            && *refusals == other.refusals
            && *steps == other.steps
            && *terms == other.terms
            && *rule == other.rule
    }
}

fn unlocate(c: &mut CondPlan) {
    c.span = Span::default();
}

fn unlocate_parts(parts: Option<&mut Parts>) {
    if let Some(p) = parts {
        unlocate(&mut p.when);
        unlocate(&mut p.unless);
    }
}

fn unlocate_rule(rule: &mut Arc<RuleRef>) {
    let r = Arc::make_mut(rule);
    r.location = String::new();
    r.span = Span::default();
    for texts in [&mut r.title, &mut r.message] {
        for (lang, text) in &mut texts.entries {
            lang.span = Span::default();
            text.span = Span::default();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::RuleSet;
    use crate::source::SourceFile;

    const RULES: &str = r#"act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
service kz.example.permit {
  act kz.example.order_1 annex 1
  timezone "Asia/Almaty"
  § 1
  input applicant.resident: bool
  document passport { required when not applicant.resident § 9(2) }
  refusal forged {
    when applicant.resident
    message en "MESSAGE"
    § 10
  }
}
"#;

    fn plan(text: &str) -> crate::compile::Plan {
        match RuleSet::from_sources(vec![SourceFile::new("r.ereje", text)]) {
            Ok((rules, _)) => rules.plan().clone(),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn rules_moved_to_other_lines_check_alike() {
        let moved = RULES.replace("  input", "\n\n  input");
        assert!(plan(RULES).checks_as(&plan(&moved)));
    }

    #[test]
    fn a_changed_condition_or_message_does_not_check_alike() {
        let base = plan(RULES);
        for changed in [
            RULES.replace("when not applicant", "when applicant"),
            RULES.replace("MESSAGE", "another message"),
            RULES.replace(" § 9(2)", " § 9(3)"),
        ] {
            assert!(!base.checks_as(&plan(&changed)), "{changed}");
        }
    }

    #[test]
    fn a_message_that_reads_like_a_span_is_still_compared() {
        // the `Debug` text with spans stripped could not tell these apart
        let span_like = RULES.replace("MESSAGE", "x Span { file: 0, start: 1, end: 2 }");
        let plain = RULES.replace("MESSAGE", "x ");
        assert!(!plan(&span_like).checks_as(&plan(&plain)));
    }
}
