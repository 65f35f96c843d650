//! The provenance of an element: its citations resolved to acts, its validity in time inside
//! its service, its suppressions with their reasons.

use super::ServiceResolver;
use crate::semantic::error::{SemanticError, Subject};
use crate::semantic::model::{Cite, Interval, Meta};
use crate::semantic::validity;
use crate::source::Span;
use crate::syntax::ast::{self, CiteTarget, Provenance};

impl ServiceResolver<'_> {
    /// Resolve citations, validity and suppressions of an element.
    pub(in crate::semantic) fn meta(
        &mut self,
        service: &ast::Service,
        prov: &Provenance,
        outer: &Interval,
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
            let place = crate::vocab::Place {
                annex,
                paragraph: c.paragraph.clone(),
            };
            cites.push(Cite {
                act,
                reference: place.to_string(),
                place,
                span: c.span,
            });
        }
        for point in [&prov.since, &prov.until].into_iter().flatten() {
            if let ast::TimePoint::Act(name) = &point.node {
                self.act_ref(name);
            }
        }
        let wording = match &prov.wording {
            Some(act) => {
                self.act_ref(act);
                let since = crate::source::Spanned::new(ast::TimePoint::Act(act.clone()), act.span);
                validity::interval(Some(&since), None, &Interval::default(), self.acts)
            }
            None => Interval::default(),
        };
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
            wording,
            wording_act: prov.wording.as_ref().map(|a| a.node.clone()),
            unverified: prov.unverified.as_ref().map(|u| u.node.clone()),
            allows,
            span,
        }
    }

    /// The provenance, titles and messages of a service element, checked to be in force only
    /// while its service is.
    pub(super) fn element_meta(
        &mut self,
        s: &ast::Service,
        what: Subject,
        prov: &Provenance,
        outer: &Interval,
        span: Span,
        (title, message): (&crate::vocab::Texts, &crate::vocab::Texts),
    ) -> Meta {
        let mut meta = self.meta(s, prov, outer, span);
        self.inside_service(s, what, &meta.validity, outer, span);
        meta.title = title.clone();
        meta.message = message.clone();
        meta
    }

    /// An element of a service must be in force only while the service is.
    pub(super) fn inside_service(
        &mut self,
        s: &ast::Service,
        what: Subject,
        inner: &Interval,
        service: &Interval,
        span: Span,
    ) {
        validity::check_inside(
            what,
            inner,
            Subject {
                kind: "service",
                name: s.name.node.clone(),
            },
            service,
            span,
            self.errors,
        );
    }
}
