//! The service's documents on one bundle: every document required (under a condition, or for
//! each item of a list) must be attached (`missing-document`), and some attached copy of it
//! must meet its validity rules (`copies`: `invalid-document`, `invalid-document-copy`).

use super::bundle::Document;
use super::conditions::Waiting;
use super::conditions::{decide, deciding, reasons};
use super::eval::Env;
use super::finding::{About, FactValue, Finding, Kind, Reason};
use super::in_force::InForceJudge;
use super::json::Json as Value;
use super::observe::{Element, Observer, Site};
use super::report::Report;
use crate::codes;
use crate::compile::{CondPlan, DocumentPlan, RequirementPlan, ServicePlan};
use crate::semantic::model::DocField;

/// Check every document requirement in force on `as_of`, telling `observer` what is decided.
pub(crate) fn check<'a, 'p, O: Observer<'p>>(
    service: &'p ServicePlan,
    env: &mut Env<'a, '_>,
    judge: &mut InForceJudge,
    report: &mut Report,
    missing: &mut Waiting,
    observer: &mut O,
) {
    let documents = env.documents;
    for doc in &service.documents {
        // an undecided element is not checked (the judge records it); an observer hears why
        let in_force = judge.in_force(&doc.in_force, &doc.kind, false);
        if in_force != Some(true) {
            observer.element(Element::Document(doc, 0), in_force);
            continue;
        }
        let missing = &mut missing.on(&doc.rule.id);
        let present: Vec<&Document<'a>> = documents.iter().filter(|d| d.kind == doc.kind).collect();
        observer.element(Element::Document(doc, present.len()), in_force);
        let start = report.findings.len();
        match &doc.required {
            Some(RequirementPlan::When(cond)) if present.is_empty() => {
                let before = missing.len();
                let required = decide(env, &cond.expr, missing);
                let undecided = missing.get(before..).unwrap_or_default();
                observer.decided(Site::Required(doc, cond), env, required, undecided);
                if required != Some(true) {
                    continue;
                }
                report.findings.push(
                    Finding::new(
                        &codes::MISSING_DOCUMENT,
                        Kind::Document,
                        &doc.kind,
                        "/documents",
                        About::MissingDocument {
                            documents: documents.len(),
                            always: cond.reads.is_empty(),
                        },
                    )
                    .with_rule(&doc.rule)
                    .with_reasons({
                        let reads = deciding(env, &cond.expr, &cond.reads);
                        reasons(service, env, &reads)
                    }),
                );
                observer.concluded(start..report.findings.len());
                continue;
            }
            None | Some(RequirementPlan::When(_)) => {}
            Some(RequirementPlan::PerItem {
                list,
                filter,
                unless,
                matched_by,
                item_reads,
            }) => per_item(
                service,
                env,
                doc,
                &present,
                (
                    *list,
                    filter.as_ref(),
                    unless.as_ref(),
                    *matched_by,
                    item_reads,
                ),
                report,
                missing,
                observer,
            ),
        }
        super::copies::check(env, doc, &present, report, missing, observer);
        observer.concluded(start..report.findings.len());
    }
}

/// A requirement for each item of a list: the list input, which items need a document, the
/// exemption for the whole requirement, the document field that names the item, and the
/// item's fields that decide whether it needs one.
type PerItem<'p> = (
    usize,
    Option<&'p CondPlan>,
    Option<&'p CondPlan>,
    DocField,
    &'p [usize],
);

/// A document required for each item of a list: every item that needs one must have a
/// document naming it.
#[expect(
    clippy::too_many_arguments,
    reason = "one requirement: its service, plan, copies and list, and what it tells"
)]
fn per_item<'a, 'p, O: Observer<'p>>(
    service: &ServicePlan,
    env: &mut Env<'a, '_>,
    doc: &'p DocumentPlan,
    present: &[&Document<'a>],
    (list, filter, unless, matched_by, item_reads): PerItem<'p>,
    report: &mut Report,
    missing: &mut Vec<String>,
    observer: &mut O,
) {
    let exempt = match unless {
        Some(u) => {
            let before = missing.len();
            let exempt = decide(env, &u.expr, missing);
            let undecided = missing.get(before..).unwrap_or_default();
            observer.decided(Site::Exemption(u), env, exempt, undecided);
            exempt
        }
        None => Some(false),
    };
    let input = service.inputs.get(list);
    let list_pointer = input.map_or_else(String::new, |i| i.pointer.clone());
    let fields: &[String] = input.map_or(&[], |i| &i.fields);
    let list_value = env.facts.get(list).copied().flatten();
    if list_value.is_none() && exempt != Some(true) {
        // an absent list is unknown, not empty: the requirement cannot be decided, even when
        // some documents are there (they do not say how many items need one)
        missing.push(list_pointer.clone());
    }
    let items: &[Value] = if exempt == Some(true) {
        &[]
    } else {
        list_value.and_then(Value::as_array).unwrap_or(&[])
    };
    // the items a document names, found once: 20,000 children and their certificates are
    // matched in linear time, not each child against every certificate
    let covered: std::collections::HashSet<u64> = present
        .iter()
        .filter_map(|d| d.value.get(matched_by.name()).and_then(Value::as_u64))
        .collect();
    for (i, item) in items.iter().enumerate() {
        if u64::try_from(i).is_ok_and(|i| covered.contains(&i)) {
            continue;
        }
        env.item = Some((list, i, item));
        let needed = match filter {
            Some(f) => {
                let before = missing.len();
                let needed = decide(env, &f.expr, missing);
                let undecided = missing.get(before..).unwrap_or_default();
                observer.decided(Site::Item(i, f), env, needed, undecided);
                needed
            }
            None => Some(true),
        };
        env.item = None;
        if needed == Some(true) && exempt == Some(false) {
            let value = |name: &str| item.get(name).map(FactValue::of);
            let mut why = vec![Reason::NoItemDocument { index: i }];
            why.extend(item_reads.iter().filter_map(|&f| {
                let name = fields.get(f)?;
                Some(Reason::Fact {
                    pointer: format!("{list_pointer}/{i}/{name}"),
                    name: name.clone(),
                    value: value(name)?,
                })
            }));
            report.findings.push(
                Finding::new(
                    &codes::MISSING_DOCUMENT,
                    Kind::Document,
                    &doc.kind,
                    format!("{list_pointer}/{i}"),
                    About::MissingItemDocument {
                        index: i,
                        field: matched_by,
                        list: input.map_or_else(String::new, |i| i.name.clone()),
                        item: fields
                            .iter()
                            .filter_map(|name| Some((name.clone(), value(name)?)))
                            .collect(),
                    },
                )
                .with_rule(&doc.rule)
                .with_reasons(why),
            );
        }
    }
}
