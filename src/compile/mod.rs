//! Compile: checked model → checker plan. `let`s are inlined, constants folded, bundle field
//! paths turned into pointers once, and each rule's citation and facts gathered, so checking a
//! bundle walks plain data and never the AST.

mod condition;
mod same;

use std::sync::Arc;

pub use condition::fold;
pub(crate) use condition::{collect_reads, inline};
use condition::{inline_lets, walk};

use crate::semantic::model::{
    ActInfo, Anchor, Cite, Condition, DocField, InputDef, Interval, Model, Requirement,
    ServiceModel, TExpr, Type,
};
use crate::source::{SourceMap, Span};
use crate::time::Calendar;
use crate::vocab::{ActName, Duration, Place, Texts};

/// The compiled rule set.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Every service version.
    pub services: Vec<ServicePlan>,
    /// Every act as it is cited ("order 799"), by id.
    pub act_names: std::collections::BTreeMap<String, ActName>,
}

impl Plan {
    /// The version of `id` in force on `day`, or why there is none.
    pub fn service(
        &self,
        id: &str,
        day: chrono::NaiveDate,
    ) -> Result<&ServicePlan, ServiceLookup<'_>> {
        // the common case finds the version in force without collecting anything
        if let Some(version) = self
            .services
            .iter()
            .find(|s| s.id == id && s.validity.contains(day))
        {
            return Ok(version);
        }
        let all: Vec<&ServicePlan> = self.services.iter().filter(|s| s.id == id).collect();
        if all.is_empty() {
            Err(ServiceLookup::Unknown)
        } else {
            Err(ServiceLookup::NotInForce(all))
        }
    }

    /// The ids of every service, sorted, without repeats.
    pub fn service_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.services.iter().map(|s| s.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Why no version of a service applies.
#[derive(Debug)]
pub enum ServiceLookup<'a> {
    /// No service has this id.
    Unknown,
    /// The service exists, but no version is in force that day.
    NotInForce(Vec<&'a ServicePlan>),
}

/// A citation ready to print.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    /// The act's id.
    pub act: String,
    /// "annex 1 § 9(2)".
    #[serde(rename = "ref")]
    pub reference: String,
    /// How a person names the act: "order 315".
    #[serde(skip)]
    pub act_name: ActName,
    /// The annex and paragraph that `reference` writes, for words in other languages.
    #[serde(skip)]
    pub place: Place,
}

/// Where a rule is written and how it is cited.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleRef {
    /// `kz.mvd.permanent_residence/passport`.
    pub id: String,
    /// Its citations (first is the main one).
    pub citations: Vec<Citation>,
    /// `rules/…/permanent-residence.ereje:41`.
    pub location: String,
    /// Its span in the rule files.
    pub span: Span,
    /// Titles.
    pub title: Texts,
    /// Its own words for a finding, by language (a validity rule's are its condition's).
    pub message: Texts,
    /// Why what it rests on is not verified: the element's own `unverified "…"` reason first,
    /// then that of each act it cites, as `act: reason` (each reason once); empty when nothing
    /// it rests on is marked unverified.
    pub unverified: Vec<String>,
}

impl RuleRef {
    /// Its unverified reasons joined with `; `, as a report gives them; none when it rests on
    /// nothing unverified.
    pub fn unverified_reason(&self) -> Option<String> {
        (!self.unverified.is_empty()).then(|| self.unverified.join("; "))
    }
}

/// A compiled input.
#[derive(Debug, Clone, PartialEq)]
pub struct InputPlan {
    /// Path segments.
    pub path: Vec<String>,
    /// `/applicant/birth_date`.
    pub pointer: String,
    /// `applicant.birth_date`.
    pub name: String,
    /// Its type (a record's fields say whether each is personal).
    pub ty: Type,
    /// For a list of records: the records' field names.
    pub fields: Vec<String>,
    /// Marked `personal`: its value tells who the applicant is (masked with `--mask`).
    pub personal: bool,
}

/// A compiled condition with the inputs it reads.
#[derive(Debug, Clone, PartialEq)]
pub struct CondPlan {
    /// The folded expression.
    pub expr: TExpr,
    /// Inputs it reads (for "why" labels).
    pub reads: Vec<usize>,
    /// Document fields it reads.
    pub fields: Vec<DocField>,
    /// Where it was written.
    pub span: Span,
}

/// A compiled document requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentPlan {
    /// The kind.
    pub kind: String,
    /// When required.
    pub required: Option<RequirementPlan>,
    /// Validity conditions, each with its rule (whose message is the condition's own).
    pub validity: Vec<(CondPlan, Arc<RuleRef>)>,
    /// In force.
    pub in_force: Interval,
    /// The rule.
    pub rule: Arc<RuleRef>,
    /// A requirement `when … unless …` as written, its two parts apart (the checker decides
    /// them folded into `required`; a trace says which part decided).
    pub exemption: Option<Parts>,
    /// Its fields marked `personal` (masked with `--mask`).
    pub personal: Vec<DocField>,
}

/// A condition and its exemption (`when A unless B`), each compiled alone: a trace shows them
/// beside the folded condition the checker decides, never instead of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parts {
    /// The condition before `unless`.
    pub when: CondPlan,
    /// The exemption after `unless`.
    pub unless: CondPlan,
}

/// When a document is required.
#[derive(Debug, Clone, PartialEq)]
pub enum RequirementPlan {
    /// Under a condition (already combined with its exemption).
    When(CondPlan),
    /// Per item of a list.
    PerItem {
        /// The list input.
        list: usize,
        /// Which items need one.
        filter: Option<CondPlan>,
        /// Exemption for the whole requirement.
        unless: Option<CondPlan>,
        /// The document field that holds the index.
        matched_by: DocField,
        /// The fields of an item the filter reads (its "why"), each once, in order.
        item_reads: Vec<usize>,
    },
}

/// A compiled refusal ground.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusalPlan {
    /// Its id.
    pub id: String,
    /// When it holds (exemption folded in).
    pub condition: CondPlan,
    /// In force.
    pub in_force: Interval,
    /// The rule.
    pub rule: Arc<RuleRef>,
    /// Its `when` and `unless` apart, when it has an exemption (for a trace).
    pub exemption: Option<Parts>,
}

/// A compiled step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPlan {
    /// Its id.
    pub id: String,
    /// Its actor: the first one written when the step names several (`by a, b`), since a
    /// deadline of the report names one actor.
    pub actor: Option<String>,
    /// How the act names that actor ("көрсетілетін қызметті беруші").
    pub actor_label: Option<String>,
    /// Its deadline.
    pub within: Option<Duration>,
    /// What it counts from.
    pub after: Option<Anchor>,
    /// The amending act that gave the step its words (its actor and deadline), when one did:
    /// before it entered into force, the earlier wording is not known and no deadline is judged.
    pub wording: Option<Amended>,
    /// The rule.
    pub rule: Arc<RuleRef>,
}

/// Words an amending act gave an element.
#[derive(Debug, Clone, PartialEq)]
pub struct Amended {
    /// The act, as it is cited ("order 136").
    pub act: ActName,
    /// When the words are in force.
    pub since: Interval,
}

/// A compiled service term.
#[derive(Debug, Clone, PartialEq)]
pub struct TermPlan {
    /// Its length.
    pub duration: Duration,
    /// What it counts from.
    pub after: Anchor,
    /// The rule.
    pub rule: Arc<RuleRef>,
}

/// An intake channel of a service.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelPlan {
    /// `provider`, `state_corporation`.
    pub name: String,
    /// When it is open.
    pub open: Interval,
    /// The channel as a rule: its citations (the paragraph that opens it).
    pub rule: Arc<RuleRef>,
}

/// One service version, ready to check bundles.
#[derive(Debug, Clone)]
pub struct ServicePlan {
    /// The service id.
    pub id: String,
    /// When this version is in force.
    pub validity: Interval,
    /// Its timezone.
    pub timezone: chrono_tz::Tz,
    /// Its working-day calendar.
    pub calendar: Option<Arc<Calendar>>,
    /// Channels, when each is open, and the rule that opens it.
    pub channels: Vec<ChannelPlan>,
    /// Inputs.
    pub inputs: Vec<InputPlan>,
    /// Document requirements.
    pub documents: Vec<DocumentPlan>,
    /// Refusal grounds.
    pub refusals: Vec<RefusalPlan>,
    /// Steps of the authoritative process.
    pub steps: Vec<StepPlan>,
    /// Terms.
    pub terms: Vec<TermPlan>,
    /// The service's own rule reference.
    pub rule: Arc<RuleRef>,
    /// Did-you-mean answers for unknown document kinds, against `documents`' kinds.
    pub near_kinds: Arc<crate::suggest::Memo>,
}

/// Compile a checked model (its calendars and rule files included) into a checker plan.
pub fn compile(model: &Model) -> Plan {
    Plan {
        services: model
            .services
            .iter()
            .map(|s| service(model, s, &model.sources, &model.calendars))
            .collect(),
        act_names: model
            .acts
            .iter()
            .map(|(id, act)| (id.clone(), act.short_name()))
            .collect(),
    }
}

/// The amending act that gave an element its words, if one did.
fn amended(model: &Model, meta: &crate::semantic::model::Meta) -> Option<Amended> {
    let act = meta.wording_act.as_ref()?;
    Some(Amended {
        act: model
            .acts
            .get(act)
            .map_or_else(|| unnamed(act), ActInfo::short_name),
        since: meta.wording.clone(),
    })
}

/// The citations of an element, each once (a repeated one is a slip of the record, which
/// `duplicate-citation` reports; a report names each paragraph once).
fn citations(model: &Model, cites: &[Cite]) -> Vec<Citation> {
    let mut seen = std::collections::HashSet::new();
    cites
        .iter()
        .filter(|c| seen.insert((&c.act, &c.reference)))
        .map(|c| Citation {
            act: c.act.clone(),
            reference: c.reference.clone(),
            act_name: model
                .acts
                .get(&c.act)
                .map_or_else(|| unnamed(&c.act), ActInfo::short_name),
            place: c.place.clone(),
        })
        .collect()
}

/// An act the model does not hold, named by its id.
fn unnamed(id: &str) -> ActName {
    ActName {
        id: id.to_string(),
        ..ActName::default()
    }
}

/// Why an element is not verified: its own reason, then each cited act's (`act: reason`), each
/// once.
fn unverified(model: &Model, meta: &crate::semantic::model::Meta) -> Vec<String> {
    let mut reasons: Vec<String> = meta.unverified.iter().cloned().collect();
    for cite in &meta.cites {
        let act = model
            .acts
            .get(&cite.act)
            .and_then(|a| a.decl.provenance.unverified.as_ref());
        if let Some(reason) = act {
            let reason = format!("{}: {}", cite.act, reason.node);
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    }
    reasons
}

fn service(
    model: &Model,
    s: &ServiceModel,
    sources: &SourceMap,
    calendars: &[Arc<Calendar>],
) -> ServicePlan {
    // shared by the plan and every finding about the rule
    let rule = |id: String, meta: &crate::semantic::model::Meta| RuleRef {
        id,
        citations: citations(model, &meta.cites),
        location: sources.location(meta.span),
        span: meta.span,
        title: meta.title.clone(),
        message: meta.message.clone(),
        unverified: unverified(model, meta),
    };
    let inline = |c: &Condition| {
        let expr = fold(inline_lets(&c.expr, &s.lets));
        let mut reads = Vec::new();
        let mut fields = Vec::new();
        collect_reads(&expr, &mut reads, &mut fields);
        CondPlan {
            expr,
            reads,
            fields,
            span: c.span,
        }
    };
    let combine = |when: &Condition, unless: Option<&Condition>| {
        let w = inline(when);
        match unless {
            None => w,
            Some(u) => {
                let u = inline(u);
                let mut reads = w.reads.clone();
                reads.extend(u.reads.iter().copied().filter(|r| !w.reads.contains(r)));
                CondPlan {
                    expr: fold(TExpr::And(
                        Box::new(w.expr),
                        Box::new(TExpr::Not(Box::new(u.expr))),
                    )),
                    reads,
                    fields: w.fields,
                    span: w.span,
                }
            }
        }
    };
    let documents = s
        .documents
        .iter()
        .map(|d| DocumentPlan {
            kind: d.kind.clone(),
            required: d.required.as_ref().map(|r| match r {
                Requirement::When { when, unless } => {
                    RequirementPlan::When(combine(when, unless.as_ref()))
                }
                Requirement::PerItem {
                    list,
                    filter,
                    unless,
                    matched_by,
                } => {
                    let filter = filter.as_ref().map(inline);
                    let mut item_reads = Vec::new();
                    if let Some(f) = &filter {
                        walk(&f.expr, &mut |e| match e {
                            TExpr::ItemField(i) if !item_reads.contains(i) => item_reads.push(*i),
                            _ => {}
                        });
                    }
                    RequirementPlan::PerItem {
                        list: *list,
                        filter,
                        unless: unless.as_ref().map(inline),
                        matched_by: *matched_by,
                        item_reads,
                    }
                }
            }),
            validity: d
                .validity
                .iter()
                .map(|(c, message)| {
                    let mut r = rule(format!("{}/{}", s.id, d.kind), &d.meta);
                    r.span = c.span;
                    r.location = sources.location(c.span);
                    r.message = message.clone();
                    (inline(c), Arc::new(r))
                })
                .collect(),
            in_force: d.meta.validity.clone(),
            rule: Arc::new(rule(format!("{}/{}", s.id, d.kind), &d.meta)),
            exemption: match &d.required {
                Some(Requirement::When {
                    when,
                    unless: Some(unless),
                }) => Some(Parts {
                    when: inline(when),
                    unless: inline(unless),
                }),
                _ => None,
            },
            personal: d.personal.clone(),
        })
        .collect();
    let refusals = s
        .refusals
        .iter()
        .map(|r| RefusalPlan {
            id: r.id.clone(),
            condition: combine(&r.when, r.unless.as_ref()),
            in_force: r.meta.validity.clone(),
            rule: Arc::new(rule(format!("{}/{}", s.id, r.id), &r.meta)),
            exemption: r.unless.as_ref().map(|unless| Parts {
                when: inline(&r.when),
                unless: inline(unless),
            }),
        })
        .collect();
    let steps = s
        .process
        .steps
        .iter()
        .map(|st| StepPlan {
            id: st.id.clone(),
            actor: st.actors.first().cloned(),
            actor_label: st.actors.first().and_then(|a| {
                s.actors
                    .iter()
                    .find(|(id, _, _)| id == a)
                    .and_then(|(_, label, _)| label.clone())
            }),
            within: st.within,
            after: st.after.clone(),
            wording: amended(model, &st.meta),
            rule: Arc::new(rule(format!("{}/{}", s.id, st.id), &st.meta)),
        })
        .collect();
    let terms = s
        .process
        .terms
        .iter()
        .map(|t| TermPlan {
            duration: t.duration,
            after: t.after.clone(),
            rule: Arc::new(rule(format!("{}/term", s.id), &t.meta)),
        })
        .collect();
    ServicePlan {
        near_kinds: Arc::default(),
        id: s.id.clone(),
        validity: s.meta.validity.clone(),
        timezone: s.timezone,
        calendar: s
            .calendar
            .as_ref()
            .and_then(|name| calendars.iter().find(|c| c.name() == name).cloned()),
        channels: s
            .channels
            .iter()
            .map(|c| ChannelPlan {
                name: c.name.clone(),
                open: c.meta.validity.clone(),
                rule: Arc::new(rule(format!("{}/{}", s.id, c.name), &c.meta)),
            })
            .collect(),
        inputs: s
            .inputs
            .iter()
            .map(|i: &InputDef| InputPlan {
                path: i.path.clone(),
                pointer: i.pointer(),
                name: i.path.join("."),
                ty: i.ty.clone(),
                fields: match &i.ty {
                    Type::List(fields) => fields.iter().map(|f| f.name.clone()).collect(),
                    _ => Vec::new(),
                },
                personal: i.personal,
            })
            .collect(),
        documents,
        refusals,
        steps,
        terms,
        rule: Arc::new(rule(s.id.clone(), &s.meta)),
    }
}
