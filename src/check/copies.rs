//! The copies of a document: every attached document of a kind is checked against the kind's
//! `valid when` rules, and a requirement holds when at least one copy meets them all (for a
//! document required per child, one copy `matched by child` to that child). A copy that fails a
//! rule is `invalid-document` when no copy meets the requirement, and only an
//! `invalid-document-copy` warning when another one does: an applicant who brings a second,
//! unusable autobiography beside a good one has brought the autobiography.

use chrono::NaiveDate;

use super::bundle::Document;
use super::conditions::decide;
use super::eval::Env;
use super::finding::{About, Finding, Kind, Reason, ValidUntil};
use super::json::Json as Value;
use super::observe::{Observer, Site};
use super::report::Report;
use crate::codes;
use crate::compile::{CondPlan, DocumentPlan, RequirementPlan};
use crate::semantic::model::{CompareOp, DocField, TExpr};
use crate::time::TimeError;
use crate::vocab::DurationUnit;

/// One copy judged by its kind's rules.
struct Judged<'d, 'a> {
    /// The copy.
    document: &'d Document<'a>,
    /// The rules it fails, by their place in the kind's `validity`.
    failed: Vec<usize>,
    /// Whether some rule could not be decided on it.
    undecided: bool,
    /// The facts those rules lacked.
    missing: Vec<String>,
    /// Why some rule could not be computed although its facts were there.
    unresolved: Vec<TimeError>,
}

impl Judged<'_, '_> {
    /// Whether the copy meets every rule of its kind.
    fn meets(&self) -> bool {
        self.failed.is_empty() && !self.undecided
    }

    /// Whether the copy fails no rule of its kind but lacks what one needs: it may meet them.
    fn may_meet(&self) -> bool {
        self.failed.is_empty() && self.undecided
    }
}

/// Which requirement a copy serves: the one of its kind (`None`), or the one of the child
/// its `child` names.
type Requirement = Option<Option<u64>>;

/// The first copy that meets a requirement and the first that may.
type FirstCopies = (Option<usize>, Option<usize>);

/// Check the copies of one kind of document: the failures of copies of a requirement that no
/// copy meets are `invalid-document`, with what they lack in `missing`; the failures of the
/// others are warnings, and what they lack does not matter. When no copy meets it but one may
/// (it fails no rule, but lacks a field a rule needs), the requirement is undecided: what that
/// copy lacks is missing, and the failures of the others are warnings too.
pub(crate) fn check<'a, 'p, O: Observer<'p>>(
    env: &mut Env<'a, '_>,
    doc: &'p DocumentPlan,
    present: &[&Document<'a>],
    report: &mut Report,
    missing: &mut Vec<String>,
    observer: &mut O,
) {
    if doc.validity.is_empty() {
        return;
    }
    // the copies that serve one requirement: all of them, or those for one child
    let matched_by = match &doc.required {
        Some(RequirementPlan::PerItem { matched_by, .. }) => Some(*matched_by),
        _ => None,
    };
    let serves = |d: &Document<'_>| {
        matched_by.map(|field| d.value.get(field.name()).and_then(Value::as_u64))
    };
    let judged: Vec<Judged<'_, 'a>> = present
        .iter()
        .map(|d| judge(env, doc, d, observer))
        .collect();
    // for each requirement (each child's, or the one), the first copy that meets it and the
    // first that may: found in one pass, so 32,000 copies cost 32,000 looks, not a billion
    let mut best: std::collections::HashMap<Requirement, FirstCopies> =
        std::collections::HashMap::new();
    for copy in &judged {
        let entry = best.entry(serves(copy.document)).or_default();
        if copy.meets() && entry.0.is_none() {
            entry.0 = Some(copy.document.index);
        }
        if copy.may_meet() && entry.1.is_none() {
            entry.1 = Some(copy.document.index);
        }
    }
    for copy in &judged {
        let (meets, may) = best
            .get(&serves(copy.document))
            .copied()
            .unwrap_or_default();
        // a copy that fails no rule but lacks a field may meet it: then the requirement is
        // undecided, and this copy's failure is a copy's, not the requirement's
        let met_by = meets
            .map(|index| (index, false))
            .or_else(|| may.map(|index| (index, true)));
        if met_by.is_none_or(|(_, maybe)| maybe) {
            missing.extend(copy.missing.iter().cloned());
            env.unresolved.extend(copy.unresolved.iter().cloned());
        }
        for &rule in &copy.failed {
            if let Some((cond, rule)) = doc.validity.get(rule) {
                let finding = failure(doc, copy.document, cond, env.submitted_on, met_by);
                report.findings.push(finding.with_rule(rule));
            }
        }
    }
}

/// Every rule of the kind decided on one copy; what it lacks is kept aside until it is known
/// whether another copy meets the requirement.
fn judge<'d, 'a, 'p, O: Observer<'p>>(
    env: &mut Env<'a, '_>,
    doc: &'p DocumentPlan,
    document: &'d Document<'a>,
    observer: &mut O,
) -> Judged<'d, 'a> {
    let unresolved_before = env.unresolved.len();
    let mut judged = Judged {
        document,
        failed: Vec::new(),
        undecided: false,
        missing: Vec::new(),
        unresolved: Vec::new(),
    };
    for (i, (cond, _)) in doc.validity.iter().enumerate() {
        env.document = Some((document.index, document.value));
        let before = judged.missing.len();
        let valid = decide(env, &cond.expr, &mut judged.missing);
        let site = Site::Copy {
            copy: document.index,
            condition: cond,
        };
        let undecided = judged.missing.get(before..).unwrap_or_default();
        observer.decided(site, env, valid, undecided);
        env.document = None;
        match valid {
            Some(false) => judged.failed.push(i),
            None => judged.undecided = true,
            Some(true) => {}
        }
    }
    judged.unresolved = env
        .unresolved
        .split_off(unresolved_before.min(env.unresolved.len()));
    judged
}

/// A copy that fails a rule: `invalid-document` at the field the rule reads, or, when the copy
/// `met_by` meets the requirement, `invalid-document-copy` at the copy itself.
fn failure(
    doc: &DocumentPlan,
    document: &Document<'_>,
    cond: &CondPlan,
    submitted_on: NaiveDate,
    met_by: Option<(usize, bool)>,
) -> Finding {
    let field = cond
        .fields
        .iter()
        .copied()
        .find(|f| document.value.get(f.name()).is_some_and(|v| !v.is_null()));
    match met_by {
        Some((by, maybe)) => Finding::new(
            &codes::INVALID_DOCUMENT_COPY,
            Kind::Document,
            &doc.kind,
            format!("/documents/{}", document.index),
            About::InvalidDocumentCopy {
                field,
                met_by: by,
                maybe,
            },
        )
        .with_reasons(vec![Reason::CopyMeetsRequirement { index: by, maybe }]),
        None => {
            let pointer = match field {
                Some(f) => format!("/documents/{}/{}", document.index, f.name()),
                None => format!("/documents/{}", document.index),
            };
            Finding::new(
                &codes::INVALID_DOCUMENT,
                Kind::Document,
                &doc.kind,
                pointer,
                About::InvalidDocument {
                    field,
                    until: valid_until(cond, submitted_on),
                },
            )
        }
    }
}

/// For an expiry rule (`expires_on >= submitted_on + 180 calendar days`), the day the field
/// must reach: the help names it.
fn valid_until(cond: &CondPlan, submitted_on: NaiveDate) -> Option<ValidUntil> {
    if let TExpr::Compare(CompareOp::Ge, left, right) = &cond.expr
        && let TExpr::DocField(field @ (DocField::ExpiresOn | DocField::IssuedOn)) = left.as_ref()
        && let TExpr::Shift(base, d, true) = right.as_ref()
        && matches!(base.as_ref(), TExpr::SubmittedOn)
        && let Some(day) = submitted_on.checked_add_days(chrono::Days::new(u64::from(d.amount)))
        && matches!(d.unit, DurationUnit::CalendarDays)
    {
        return Some(ValidUntil {
            field: *field,
            day,
            term: *d,
            submitted_on,
        });
    }
    None
}
