//! The impact written out: for people (`human`), as the JSON document of docs/impact.md
//! (`json`), and as Markdown short enough for a comment on a change of the rules
//! (`markdown`). What they share: how a sample, a group's element and a count are named.

pub mod human;
pub mod json;
pub mod markdown;
pub mod words;

use super::diff::FindingKey;
use super::model::Sample;
use crate::vocab::Lang;

/// A bundle as a sample names it for people: its `id` when it has one, else its line.
fn sample_name(sample: &Sample, lang: Lang) -> String {
    match &sample.id {
        Some(id) => crate::report::escaped(id).into_owned(),
        None => words::line(sample.line, lang),
    }
}

/// A `rules_version` shortened for people: `sha256:` and its first 12 digits.
fn short_version(version: &str) -> &str {
    version.get(..19).unwrap_or(version)
}

/// The service of a group as shown beside its subject, escaped.
fn service(key: &FindingKey) -> Option<String> {
    key.service
        .as_deref()
        .map(|s| crate::report::escaped(s).into_owned())
}
