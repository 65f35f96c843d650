//! An assignment written out as the application it describes: a bundle following the bundle
//! contract (service, submission moment, channel, the facts at their paths, the documents),
//! which `ereje check` reads as the analysis did; and the assignment in a few words, for the
//! finding's note.

use serde_json::{Map, Value, json};

use super::domain::{Domain, Var};
use super::eval::Frame;
use crate::semantic::model::InForce;
use crate::vocab::Wording;

/// The bundle of an assignment, as JSON text.
pub(crate) fn bundle(frame: &Frame<'_>, domain: &Domain, at: &[usize]) -> String {
    let mut root = Map::new();
    root.insert("service".into(), json!(frame.plan.id));
    root.insert("submitted_at".into(), json!(frame.submitted_at()));
    // a channel the conditions do not read: one open that day, so none is waited for
    let open = frame
        .plan
        .channels
        .iter()
        .find(|c| c.open.on(frame.day) == InForce::Yes);
    if let Some(c) = open {
        root.insert("channel".into(), json!(c.name));
    }
    let mut documents = Vec::new();
    for (dim, &i) in domain.dims.iter().zip(at) {
        let value = dim.values.get(i).cloned().flatten();
        match (&dim.var, value) {
            (Var::Input(n), Some(v)) => {
                if let Some(input) = frame.plan.inputs.get(*n) {
                    put(&mut root, &input.path, v);
                }
            }
            (Var::Document(_), Some(doc)) => documents.push(doc),
            (Var::Channel, Some(v)) => {
                root.insert("channel".into(), v);
            }
            (Var::Channel, None) => {
                root.remove("channel");
            }
            _ => {}
        }
    }
    root.insert("documents".into(), Value::Array(documents));
    serde_json::to_string_pretty(&Value::Object(root)).unwrap_or_default()
}

/// Set the value at a path of objects, making the objects on the way.
fn put(root: &mut Map<String, Value>, path: &[String], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = root;
    for segment in parents {
        let next = at
            .entry(segment.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        if !next.is_object() {
            *next = Value::Object(Map::new());
        }
        let Value::Object(map) = next else { return };
        at = map;
    }
    at.insert(last.clone(), value);
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
