//! What a change of the rules does to one bundle: its report under the base rules beside its
//! report under the new ones, compared by verdict and by finding. A finding is identified by
//! its code and the element of the law it concerns (the service and the subject: a document
//! requirement, a refusal ground, a step; and the rule that fired), never by its words, its
//! pointer or its position in the report, which may move without anything flipping.

use std::collections::BTreeMap;

use crate::check::{About, Kind, Problem, Report, Severity, Verdict};
use crate::codes;

/// Texts a bundle writes (its `id`, a field's name, an unknown service id) are kept to this many
/// bytes: an archive cannot make the tally hold megabytes per sample or per group.
pub const MAX_TEXT_BYTES: usize = 200;

/// What a finding is about, as the impact groups it: the code and the element of the law.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FindingKey {
    /// The finding's code, as reports name it (`missing-document`).
    pub code: &'static str,
    /// Its kind (fixed by the code).
    pub kind: Kind,
    /// Its severity (fixed by the code).
    pub severity: Severity,
    /// The service: the one the rule belongs to, else the bundle's `service` as given.
    pub service: Option<String>,
    /// The element concerned: a document kind, a ground id, a step id (or `term`), a field,
    /// a channel or a service id.
    pub subject: String,
    /// The rule that fired (`service/element`), if any.
    pub rule: Option<String>,
}

impl FindingKey {
    /// The order groups are listed in when their counts tie: by code, then service, subject
    /// and rule.
    pub fn sort_key(&self) -> (&str, Option<&str>, &str, Option<&str>) {
        (
            self.code,
            self.service.as_deref(),
            &self.subject,
            self.rule.as_deref(),
        )
    }
}

/// One bundle under both rule sets: its line, its `id`, both verdicts, and the findings the
/// new rules add and remove (each key with how many findings of it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The line of the archive, from 1.
    pub line: usize,
    /// The bundle's `id`, if it has one (cut to [`MAX_TEXT_BYTES`]).
    pub id: Option<String>,
    /// The verdict under the base rules.
    pub base: Verdict,
    /// The verdict under the new rules.
    pub new: Verdict,
    /// Whether the line cannot be read as a JSON bundle at all (empty, not UTF-8, not JSON,
    /// too large): no rules decide that, so it is `invalid` under both.
    pub unreadable: bool,
    /// Findings the new rules give and the base rules do not, with their number.
    pub added: Vec<(FindingKey, usize)>,
    /// Findings the base rules give and the new rules do not, with their number.
    pub removed: Vec<(FindingKey, usize)>,
}

impl Change {
    /// Compare the reports of the bundle on line `line` under the base and the new rules.
    pub fn compare(line: usize, base: &Report, new: &Report) -> Change {
        let (added, removed) = if same_findings(base, new) {
            (Vec::new(), Vec::new())
        } else {
            // each key counted on both sides: a finding that is there twice under the base
            // rules and once under the new ones has one removed
            let mut counts: BTreeMap<Ordered, (usize, usize)> = BTreeMap::new();
            for key in keys(base) {
                counts.entry(Ordered(key)).or_default().0 += 1;
            }
            for key in keys(new) {
                counts.entry(Ordered(key)).or_default().1 += 1;
            }
            let mut added = Vec::new();
            let mut removed = Vec::new();
            for (Ordered(key), (before, after)) in counts {
                if after > before {
                    added.push((key, after - before));
                } else if before > after {
                    removed.push((key, before - after));
                }
            }
            (added, removed)
        };
        Change {
            line,
            id: new.id.as_deref().or(base.id.as_deref()).map(cut),
            base: base.verdict,
            new: new.verdict,
            unreadable: unreadable(base) || unreadable(new),
            added,
            removed,
        }
    }

    /// Whether anything flips for this bundle: its verdict, or a finding added or removed.
    pub fn flips(&self) -> bool {
        self.base != self.new || !self.added.is_empty() || !self.removed.is_empty()
    }
}

/// A key ordered as [`FindingKey::sort_key`] says, so a bundle's changes come in one order.
#[derive(PartialEq, Eq)]
struct Ordered(FindingKey);

impl PartialOrd for Ordered {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ordered {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.sort_key().cmp(&other.0.sort_key())
    }
}

/// Whether both reports have the same findings in the same order, by code, subject and rule:
/// the common case (most bundles do not change), answered without building a key.
fn same_findings(base: &Report, new: &Report) -> bool {
    base.service == new.service
        && base.findings.len() == new.findings.len()
        && base.findings.iter().zip(&new.findings).all(|(b, n)| {
            b.code.name == n.code.name && b.subject == n.subject && b.rule_id() == n.rule_id()
        })
}

/// The key of every finding of a report.
fn keys(report: &Report) -> impl Iterator<Item = FindingKey> + '_ {
    report.findings.iter().map(|f| {
        let rule = f.rule_id();
        let service = rule
            .and_then(|r| r.split_once('/').map(|(service, _)| service))
            .or(report.service.as_deref());
        FindingKey {
            code: f.code.name,
            kind: f.kind,
            severity: f.severity,
            service: service.map(cut),
            subject: cut(&f.subject),
            rule: rule.map(cut),
        }
    })
}

/// Whether the report says its text cannot be read as a JSON bundle (an `invalid-input`
/// about the text itself; a failure of ereje, `internal-error`, is not the line's doing).
fn unreadable(report: &Report) -> bool {
    report.findings.iter().any(|f| {
        f.code.name == codes::INVALID_INPUT.name
            && matches!(
                &f.about,
                About::Unreadable(p) if !matches!(p, Problem::Internal { .. } | Problem::Request(_))
            )
    })
}

/// `text` cut to at most [`MAX_TEXT_BYTES`] bytes, on a character boundary, with `…` when cut.
pub fn cut(text: &str) -> String {
    if text.len() <= MAX_TEXT_BYTES {
        return text.to_string();
    }
    let mut end = MAX_TEXT_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text.get(..end).unwrap_or_default())
}
