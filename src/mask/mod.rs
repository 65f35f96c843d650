//! Mask: personal values hidden in what ereje says about a bundle (`--mask`,
//! `check::Options::mask`; docs/personal-data.md). After `check`, beside `report`: it reads
//! the plan (which facts and document fields the rules mark `personal`) and the report's
//! findings, and rewrites the values they quote; the bundle's text shown in snippets is
//! rewritten in place, character for character, so every pointer, byte span, line and column
//! stays exactly what it is without the mask. `report` and `check` never import it; `RuleSet`,
//! `batch` and `trace` apply it.
//!
//! What is hidden: every value at a place marked `personal`, and all free text (a `text` fact
//! of no code list, a document's `number`, any field no rule declares, a value that is not
//! what its place holds). What is shown: names of things (`id`, `service`, `channel`, a
//! document's `kind`, an event's `step`, every key), values of closed types that are values of
//! them (an enum's value, a real date, a moment, a code of a standard list, a number), and
//! `true`, `false`, `null`.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod findings;
mod places;
pub mod policy;
mod text;

use crate::check::Report;
use crate::compile::Plan;
use places::{Place, Places};
use policy::Shape;
use text::Scalar;

/// Masks the values of one bundle of one service.
pub struct Masker<'p> {
    places: Places<'p>,
}

impl<'p> Masker<'p> {
    /// A masker for a bundle (its text) of the service `service` (every version of it in
    /// `plan`; none, when the service is unknown: then every fact is free text).
    pub fn new(plan: &'p Plan, service: Option<&str>, text: &str) -> Masker<'p> {
        // the kind of each document, for the fields its kind marks; and the service as the
        // text names it, for a text that cannot be read whole (its report names none)
        let mut kinds: Vec<Option<String>> = Vec::new();
        let mut named = None;
        let _ = text::walk(text, |path, _, value| {
            if let ([key], Scalar::Text(id)) = (path, value)
                && key == "service"
            {
                named = Some(id.clone());
            }
            if let ([documents, index, kind], Scalar::Text(k)) = (path, value)
                && documents == "documents"
                && kind == "kind"
                && let Ok(i) = index.parse::<usize>()
                && i < 1_000_000
            {
                if kinds.len() <= i {
                    kinds.resize(i + 1, None);
                }
                if let Some(slot) = kinds.get_mut(i) {
                    *slot = Some(k.clone());
                }
            }
        });
        let service = service.or(named.as_deref());
        let versions = service
            .map(|id| plan.services.iter().filter(|s| s.id == id).collect())
            .unwrap_or_default();
        Masker {
            places: Places { versions, kinds },
        }
    }

    /// A masker for a report of `text`: of the report's service.
    pub fn for_report(plan: &'p Plan, report: &Report, text: &str) -> Masker<'p> {
        Masker::new(plan, report.service.as_deref(), text)
    }

    /// Every personal value the report's findings quote, masked (their words are written
    /// from the findings, so messages and help come out masked; pointers and spans stay).
    pub fn report(&self, report: &mut Report) {
        for finding in &mut report.findings {
            findings::mask(self, finding);
        }
    }

    /// The bundle's text with every personal value masked in place: the same length in bytes
    /// and in characters, line breaks where they were, so spans found in the text as given
    /// point at the same places of the masked text. Past the place where the text stops being
    /// JSON every letter and digit is hidden (nothing there can be told apart).
    pub fn text(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        let mut replace = |range: std::ops::Range<usize>, with: String| {
            out.push_str(text.get(copied..range.start).unwrap_or_default());
            out.push_str(&with);
            copied = range.end;
        };
        let end = text::walk(text, |path, range, value| {
            let raw = text.get(range.clone()).unwrap_or_default();
            let shape = match value {
                Scalar::Text(decoded) => self.text_shape(path, decoded),
                Scalar::Number => self.number_shape(path, raw),
                Scalar::Literal => None,
            };
            if let Some(shape) = shape {
                replace(range, masked_token(raw, shape));
            }
        });
        if let Err(at) = end {
            let rest = text.get(at..).unwrap_or_default();
            replace(at..text.len(), policy::letters_in_place(rest));
        }
        out.push_str(text.get(copied..).unwrap_or_default());
        out
    }

    /// A JSON value read at `pointer` (a trace's fact), masked where it is personal: a masked
    /// value becomes a string.
    pub fn json(&self, pointer: &str, value: &mut serde_json::Value) {
        let path = tokens(pointer);
        match value {
            serde_json::Value::String(s) => {
                if let Some(shape) = self.text_shape(&path, s) {
                    *s = policy::words(s, shape);
                }
            }
            serde_json::Value::Number(n) => {
                let raw = n.to_string();
                if let Some(shape) = self.number_shape(&path, &raw) {
                    *value = serde_json::Value::String(policy::words(&raw, shape));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    self.json(&format!("{pointer}/{i}"), item);
                }
            }
            _ => {}
        }
    }

    /// How a text at `path` is masked; `None`: it is shown.
    pub(crate) fn text_shape(&self, path: &[String], text: &str) -> Option<Shape> {
        match self.places.of(path) {
            Place::Name => None,
            Place::Personal(base) => Some(base.shape(text)),
            Place::Closed(closed) if closed.holds_text(text) => None,
            Place::Closed(_) | Place::Free => Some(Shape::of_text(text)),
        }
    }

    /// How a number (as JSON writes it) at `path` is masked; `None`: it is shown.
    pub(crate) fn number_shape(&self, path: &[String], raw: &str) -> Option<Shape> {
        match self.places.of(path) {
            Place::Name | Place::Closed(places::Closed::Number) => None,
            Place::Personal(base) => Some(base.shape(raw)),
            Place::Closed(_) | Place::Free => Some(Shape::Identifier),
        }
    }

    /// The place's mask of a text at `pointer`, in words; `None`: it is shown as it is.
    pub(crate) fn words_at(&self, pointer: &str, text: &str) -> Option<String> {
        self.text_shape(&tokens(pointer), text)
            .map(|shape| policy::words(text, shape))
    }
}

/// A string or number token of the text, masked in place. A string written with escapes is
/// hidden whole: its raw characters are not the value's.
fn masked_token(raw: &str, shape: Shape) -> String {
    match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) if inner.contains('\\') => {
            format!("\"{}\"", policy::in_place(inner, Shape::Code))
        }
        Some(inner) => format!("\"{}\"", policy::in_place(inner, shape)),
        None => policy::in_place(raw, shape),
    }
}

/// The tokens of a JSON pointer, unescaped (`~1` is `/`, `~0` is `~`).
pub(crate) fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}
