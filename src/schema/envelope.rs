//! The envelope of a bundle schema (docs/contracts.md § 1.1) and the service's facts under it:
//! `service` and `submitted_at` are required, every other field may be absent or `null`;
//! objects on the way to a fact (`applicant`, `applicant.records`, `checks`) are objects or
//! `null`; a fact is typed as its input is declared. No fact is `required`: an absent fact is
//! unknown, and the bundle `pending`, never `invalid`. Fields that no input declares are the
//! reader's `unknown-field` warnings, so the schema lets them be.

use serde_json::{Map, Value, json};

use super::values;
use super::words::{self, Say};
use crate::check::CodeList;
use crate::compile::{InputPlan, ServicePlan};
use crate::semantic::model::ServiceModel;
use crate::vocab::Lang;

/// The `properties` of the bundle.
pub(super) fn properties(
    plan: &ServicePlan,
    model: Option<&ServiceModel>,
    lang: Lang,
) -> Map<String, Value> {
    let mut properties = Map::new();
    let mut id = json!({ "type": ["string", "null"] });
    words::title(&mut id, Say::Id, lang);
    properties.insert("id".into(), id);
    let mut service = json!({ "const": plan.id });
    words::title(&mut service, Say::Service, lang);
    properties.insert("service".into(), service);
    let mut submitted_at = json!({ "$ref": "#/$defs/instant" });
    words::title(&mut submitted_at, Say::SubmittedAt, lang);
    words::put(&mut submitted_at, "x-timezone", json!(plan.timezone.name()));
    properties.insert("submitted_at".into(), submitted_at);
    properties.insert("channel".into(), channel(plan, lang));
    // the reader holds `applicant` and `checks` to be objects whether or not a fact is there
    let mut tree = Node::default();
    tree.child("applicant");
    tree.child("checks");
    for input in &plan.inputs {
        let optional = model
            .and_then(|m| m.inputs.iter().find(|i| i.path == input.path))
            .is_some_and(|i| i.optional);
        let mut node = &mut tree;
        for segment in &input.path {
            node = node.child(segment);
        }
        node.fact = Some(fact(input, optional, lang));
    }
    for (key, node) in tree.children {
        let mut schema = node.schema();
        match key.as_str() {
            "applicant" => words::title(&mut schema, Say::Applicant, lang),
            "checks" => words::title(&mut schema, Say::Checks, lang),
            _ => {}
        }
        properties.insert(key, schema);
    }
    let mut documents = json!({
        "type": ["array", "null"],
        "items": { "$ref": "#/$defs/document" },
    });
    words::title(&mut documents, Say::Documents, lang);
    properties.insert("documents".into(), documents);
    let mut events = json!({
        "type": ["array", "null"],
        "items": { "$ref": "#/$defs/event" },
    });
    words::title(&mut events, Say::Events, lang);
    properties.insert("events".into(), events);
    properties
}

/// `channel`: a channel the service declares (any text when it declares none), or `null`.
fn channel(plan: &ServicePlan, lang: Lang) -> Value {
    let mut schema = if plan.channels.is_empty() {
        json!({ "type": ["string", "null"] })
    } else {
        let mut branches: Vec<Value> = plan
            .channels
            .iter()
            .map(|c| {
                let mut branch = json!({ "const": c.name });
                words::citations(&mut branch, &c.rule.citations);
                if let Some(open) = super::in_force(&c.open) {
                    words::put(&mut branch, "x-in-force", open);
                }
                branch
            })
            .collect();
        branches.push(json!({ "type": "null" }));
        json!({ "anyOf": branches })
    };
    words::title(&mut schema, Say::Channel, lang);
    schema
}

/// A fact: its type's schema, with its name, its type in words and whether the rule file
/// marks it optional (`?`).
fn fact(input: &InputPlan, optional: bool, lang: Lang) -> Value {
    let mut schema = values::fact(&input.ty, CodeList::of_input(&input.name), lang);
    let words = input.ty.describe_words();
    let said = |l: Lang| format!("{}; {}", words.get(l), Say::Fact.get(l));
    words::put(&mut schema, "description", json!(said(lang)));
    words::put(
        &mut schema,
        "x-descriptions",
        json!({ "kk": said(Lang::Kk), "ru": said(Lang::Ru), "en": said(Lang::En) }),
    );
    words::put(&mut schema, "x-fact", json!(input.name));
    words::put(&mut schema, "x-optional", json!(optional));
    if input.personal {
        // an intake form keeps it out of logs and masks it on screen, as `--mask` does
        words::put(&mut schema, "x-personal", json!(true));
    }
    schema
}

/// The objects on the way to the facts, and the facts at their ends.
#[derive(Default)]
struct Node {
    /// The fact at this path, when an input is declared here.
    fact: Option<Value>,
    /// The members, in the order first met.
    children: Vec<(String, Node)>,
}

impl Node {
    /// The member of this name, added if new.
    fn child(&mut self, key: &str) -> &mut Node {
        let at = match self.children.iter().position(|(k, _)| k == key) {
            Some(at) => at,
            None => {
                self.children.push((key.to_string(), Node::default()));
                self.children.len() - 1
            }
        };
        &mut self.children[at].1
    }

    /// The schema of the value at this path.
    fn schema(self) -> Value {
        let object = (self.fact.is_none() || !self.children.is_empty()).then(|| {
            let properties: Map<String, Value> = self
                .children
                .into_iter()
                .map(|(k, n)| (k, n.schema()))
                .collect();
            json!({ "type": ["object", "null"], "properties": properties })
        });
        match (self.fact, object) {
            (Some(fact), None) => fact,
            (None, Some(object)) => object,
            // a fact that other facts are read from too: both hold
            (Some(fact), Some(object)) => json!({ "allOf": [fact, object] }),
            (None, None) => json!(true),
        }
    }
}

/// `$defs/event`: a step and when it happened; a step the service does not have is the
/// reader's `unknown-step` warning.
pub(super) fn event(plan: &ServicePlan, lang: Lang) -> Value {
    let ids: Vec<&str> = plan.steps.iter().map(|s| s.id.as_str()).collect();
    let mut branches: Vec<Value> = plan
        .steps
        .iter()
        .map(|s| {
            let mut branch = json!({ "const": s.id });
            if let Some(actor) = &s.actor {
                words::put(&mut branch, "x-actor", json!(actor));
            }
            words::citations(&mut branch, &s.rule.citations);
            branch
        })
        .collect();
    let mut other = json!({ "not": { "enum": ids } });
    words::title(&mut other, Say::OtherStep, lang);
    branches.push(other);
    let mut step = json!({ "type": "string", "anyOf": branches });
    words::title(&mut step, Say::Step, lang);
    let mut at = json!({ "$ref": "#/$defs/instant" });
    words::title(&mut at, Say::At, lang);
    let mut event = json!({
        "type": "object",
        "required": ["step", "at"],
        "properties": { "step": step, "at": at },
    });
    words::title(&mut event, Say::Event, lang);
    event
}
