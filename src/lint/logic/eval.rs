//! A condition decided under one assignment by the checker's own evaluator
//! ([`Env`](crate::check::eval::Env)), on the compiled expressions the checker runs: the
//! analysis's truth is the checker's, by construction. An assignment is laid out as the
//! checker would read it from a bundle (facts by input, documents with their kinds, the
//! channel, the submission day); the witness of an assignment is that bundle written out.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::check::bundle::Document;
use crate::check::eval::Env;
use crate::check::json::Json;
use crate::compile::ServicePlan;
use crate::semantic::model::{ServiceModel, TExpr};

/// What every assignment of one question shares: the service and the submission day.
pub(crate) struct Frame<'p> {
    /// The compiled service.
    pub plan: &'p ServicePlan,
    /// The submission day, in the service's timezone.
    pub day: NaiveDate,
    /// The submission moment: noon of that day, with the zone's offset.
    pub at: DateTime<FixedOffset>,
    /// Whether each input is optional (`?`): only those range over "absent".
    pub optional: Vec<bool>,
}

impl<'p> Frame<'p> {
    /// The frame of a submission on `day`.
    pub(crate) fn new(
        plan: &'p ServicePlan,
        service: &ServiceModel,
        day: NaiveDate,
    ) -> Option<Frame<'p>> {
        let noon = day.and_hms_opt(12, 0, 0)?;
        let at = plan
            .timezone
            .from_local_datetime(&noon)
            .earliest()?
            .fixed_offset();
        let optional = service.inputs.iter().map(|i| i.optional).collect();
        Some(Frame {
            plan,
            day,
            at,
            optional,
        })
    }

    /// The same service's frame of a submission on another day.
    pub(crate) fn on(&self, day: NaiveDate) -> Option<Frame<'p>> {
        let noon = day.and_hms_opt(12, 0, 0)?;
        let at = self
            .plan
            .timezone
            .from_local_datetime(&noon)
            .earliest()?
            .fixed_offset();
        Some(Frame {
            plan: self.plan,
            day,
            at,
            optional: self.optional.clone(),
        })
    }

    /// `submitted_at` as a bundle writes it.
    pub(crate) fn submitted_at(&self) -> String {
        self.at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }

    /// The value of `expr` on `scene`, as the checker decides it (`None`: undecided).
    pub(crate) fn decide(&self, scene: &Scene<'_>, expr: &TExpr) -> Option<bool> {
        let mut env = Env {
            facts: &scene.facts,
            inputs: &self.plan.inputs,
            submitted_at: self.at,
            submitted_on: self.day,
            channel: scene.channel,
            documents: &scene.documents,
            item: scene.item.map(|(list, item)| (list, 0, item)),
            document: scene.document.map(|d| (0, d)),
            calendar: self.plan.calendar.as_deref(),
            missing: Vec::new(),
            unresolved: Vec::new(),
        };
        let value = env.condition(expr);
        // a value the calendar could not compute leaves the checker undecided
        if env.unresolved.is_empty() {
            value
        } else {
            None
        }
    }
}

/// One application as the checker reads it.
#[derive(Default)]
pub(crate) struct Scene<'v> {
    /// Each input's value (`None`: absent).
    pub facts: Vec<Option<&'v Json<'v>>>,
    /// The attached documents.
    pub documents: Vec<Document<'v>>,
    /// The channel.
    pub channel: Option<&'v str>,
    /// The document whose fields a validity rule reads.
    pub document: Option<&'v Json<'v>>,
    /// The list item a quantifier's body reads: the list input and the item.
    pub item: Option<(usize, &'v Json<'v>)>,
}

impl<'v> Scene<'v> {
    /// No facts at all, for a service with `inputs` inputs.
    pub(crate) fn empty(inputs: usize) -> Scene<'v> {
        Scene {
            facts: vec![None; inputs],
            ..Scene::default()
        }
    }
}

/// A value of the bundle's JSON as the checker's reader holds it.
pub(crate) fn to_json(value: &serde_json::Value) -> Json<'static> {
    use std::borrow::Cow;
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Number(n.clone()),
        serde_json::Value::String(s) => Json::String(Cow::Owned(s.clone())),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        serde_json::Value::Object(members) => Json::Object(crate::check::json::Members(
            members
                .iter()
                .map(|(k, v)| (Cow::Owned(k.clone()), to_json(v)))
                .collect(),
        )),
    }
}
