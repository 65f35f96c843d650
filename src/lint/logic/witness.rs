//! An assignment written out as the application it describes: a bundle following the bundle
//! contract (service, submission moment, channel, the facts at their paths, the documents),
//! which `ereje check` reads as the analysis did; and the assignment in a few words, for the
//! finding's note.

use serde_json::{Value, json};

use super::domain::{Domain, Var};
use super::eval::Frame;
use crate::semantic::model::InForce;
use crate::vocab::Wording;

/// The bundle of an assignment, as JSON text, its members in the order of the bundle
/// contract (`service`, `submitted_at`, `channel`, the facts in the order the rules declare
/// them, `documents`), as a person writes a bundle and reads one.
pub(crate) fn bundle(frame: &Frame<'_>, domain: &Domain, at: &[usize]) -> String {
    let mut root = Tree::default();
    root.put(&["service".into()], json!(frame.plan.id));
    root.put(&["submitted_at".into()], json!(frame.submitted_at()));
    // a channel the conditions do not read: one open that day, so none is waited for
    let open = frame
        .plan
        .channels
        .iter()
        .find(|c| c.open.on(frame.day) == InForce::Yes);
    let mut channel = open.map(|c| json!(c.name));
    let mut facts = Tree::default();
    let mut documents = Vec::new();
    for (dim, &i) in domain.dims.iter().zip(at) {
        let value = dim.values.get(i).cloned().flatten();
        match (&dim.var, value) {
            (Var::Input(n), Some(v)) => {
                if let Some(input) = frame.plan.inputs.get(*n) {
                    facts.put(&input.path, v);
                }
            }
            (Var::Document(_), Some(doc)) => documents.push(doc),
            (Var::Channel, value) => channel = value,
            _ => {}
        }
    }
    if let Some(c) = channel {
        root.put(&["channel".into()], c);
    }
    // the facts in the order the rules declare their inputs
    let mut ordered = Tree::default();
    for input in &frame.plan.inputs {
        if let Some(v) = facts.take(&input.path) {
            ordered.put(&input.path, v);
        }
    }
    root.members.extend(ordered.members);
    root.put(&["documents".into()], Value::Array(documents));
    serde_json::to_string_pretty(&root.value()).unwrap_or_default()
}

/// A JSON object whose members keep the order they were put in (`serde_json::Map` sorts
/// them).
#[derive(Default)]
struct Tree {
    members: Vec<(String, Member)>,
}

enum Member {
    Value(Value),
    Object(Tree),
}

impl Tree {
    /// Set the value at a path of objects, making the objects on the way.
    fn put(&mut self, path: &[String], value: Value) {
        let Some((first, rest)) = path.split_first() else {
            return;
        };
        let at = match self.members.iter().position(|(k, _)| k == first) {
            Some(i) => i,
            None => {
                self.members
                    .push((first.clone(), Member::Object(Tree::default())));
                self.members.len() - 1
            }
        };
        let Some((_, member)) = self.members.get_mut(at) else {
            return;
        };
        if rest.is_empty() {
            *member = Member::Value(value);
            return;
        }
        if !matches!(member, Member::Object(_)) {
            *member = Member::Object(Tree::default());
        }
        if let Member::Object(tree) = member {
            tree.put(rest, value);
        }
    }

    /// Take the value at a path out.
    fn take(&mut self, path: &[String]) -> Option<Value> {
        let (first, rest) = path.split_first()?;
        let (_, member) = self.members.iter_mut().find(|(k, _)| k == first)?;
        match member {
            Member::Value(v) if rest.is_empty() => Some(std::mem::take(v)),
            Member::Object(tree) if !rest.is_empty() => tree.take(rest),
            _ => None,
        }
    }

    /// The tree as a value whose object members are in order.
    fn value(&self) -> Ordered<'_> {
        Ordered(self)
    }
}

/// Serialises a [`Tree`] in its members' order.
struct Ordered<'a>(&'a Tree);

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.members.len()))?;
        for (key, member) in &self.0.members {
            match member {
                Member::Value(v) => map.serialize_entry(key, v)?,
                Member::Object(tree) => map.serialize_entry(key, &Ordered(tree))?,
            }
        }
        map.end()
    }
}

/// The assignment in a few words: "`checks.solvency` = "not_confirmed", `applicant.grounds`
/// = []", in each language.
pub(crate) fn summary(frame: &Frame<'_>, domain: &Domain, at: &[usize]) -> Wording {
    let mut parts: [Vec<String>; 3] = Default::default();
    for (dim, &i) in domain.dims.iter().zip(at) {
        let value = dim.values.get(i).cloned().flatten();
        let words: [String; 3] = match (&dim.var, value) {
            (Var::Input(n), v) => {
                let name = frame
                    .plan
                    .inputs
                    .get(*n)
                    .map_or_else(String::new, |p| p.name.clone());
                shown(&name, v.as_ref())
            }
            (Var::Channel, v) => shown("channel", v.as_ref()),
            (Var::Document(kind), Some(_)) => [
                format!("a `{kind}` attached"),
                format!("приложен `{kind}`"),
                format!("`{kind}` тіркелген"),
            ],
            (Var::Document(kind), None) => [
                format!("no `{kind}`"),
                format!("нет `{kind}`"),
                format!("`{kind}` жоқ"),
            ],
            (Var::Field(f), v) => shown(f.name(), v.as_ref()),
        };
        for (part, w) in parts.iter_mut().zip(words) {
            part.push(w);
        }
    }
    let day = frame.day;
    let [en, ru, kk] = parts.map(|p| p.join(", "));
    let sep = |s: &str| {
        if s.is_empty() {
            String::new()
        } else {
            format!(", {s}")
        }
    };
    Wording::new(
        format!("submitted {day}{}", sep(&en)),
        format!("подано {day}{}", sep(&ru)),
        format!("{day} берілген{}", sep(&kk)),
    )
}

fn shown(name: &str, value: Option<&Value>) -> [String; 3] {
    match value {
        Some(v) => {
            let v = v.to_string();
            [
                format!("`{name}` = {v}"),
                format!("`{name}` = {v}"),
                format!("`{name}` = {v}"),
            ]
        }
        None => [
            format!("`{name}` absent"),
            format!("`{name}` отсутствует"),
            format!("`{name}` жоқ"),
        ],
    }
}
