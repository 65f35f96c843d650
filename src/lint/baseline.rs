//! Baselines: the findings a project has accepted for now, recorded in a file so that a run
//! reports only the new ones. A finding is known by its [fingerprint](super::fingerprint)
//! (code, file, the text it points at, message), never by its line, so edits elsewhere in a
//! file keep it matched; identical findings are counted, so a second copy of a baselined
//! defect is new. A baselined finding that has since been fixed is simply not there.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::fingerprint;
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::vocab::Lang;

/// The version of the baseline file's shape.
pub const VERSION: u32 = 1;

/// A baseline file as written.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    /// [`VERSION`].
    version: u32,
    /// One entry per fingerprint.
    findings: Vec<Entry>,
}

/// The findings of one fingerprint.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// `L020`, for people reading the file.
    code: String,
    /// The file, as the run named it.
    file: String,
    /// The message in English, for people reading the file.
    #[serde(default)]
    message: String,
    /// The fingerprint.
    fingerprint: String,
    /// How many findings have it.
    count: usize,
}

/// A baseline read from its file: how many findings of each fingerprint it accepts.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: BTreeMap<String, usize>,
}

impl Baseline {
    /// Read a baseline file's text; the error says what is wrong, and where.
    pub fn parse(text: &str) -> Result<Baseline, String> {
        let record: Record = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if record.version != VERSION {
            return Err(format!(
                "it is version {} of the baseline, this ereje reads version {VERSION}",
                record.version
            ));
        }
        let mut counts = BTreeMap::new();
        for e in record.findings {
            *counts.entry(e.fingerprint).or_insert(0) += e.count;
        }
        Ok(Baseline { counts })
    }

    /// The baseline of these findings, as the text of its file (JSON, sorted by file, code
    /// and fingerprint, so that it diffs well under version control).
    pub fn record(findings: &[Diagnostic], sources: &SourceMap) -> String {
        let mut entries: BTreeMap<(String, &str, String), Entry> = BTreeMap::new();
        for d in findings {
            let print = fingerprint::of(d, sources);
            let file = d
                .primary
                .as_ref()
                .and_then(|l| sources.get(l.span.file))
                .map(|f| fingerprint::file_key(&f.name))
                .unwrap_or_default();
            entries
                .entry((file.clone(), d.code.code, print.clone()))
                .or_insert_with(|| Entry {
                    code: d.code.code.to_string(),
                    file,
                    message: d.message.get(Lang::En).to_string(),
                    fingerprint: print,
                    count: 0,
                })
                .count += 1;
        }
        let record = Record {
            version: VERSION,
            findings: entries.into_values().collect(),
        };
        let mut text = serde_json::to_string_pretty(&record).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Split findings into the new ones and those the baseline accepts, each list in the
    /// order given; each entry of the baseline accepts as many findings as it counts.
    pub fn split(
        &self,
        findings: Vec<Diagnostic>,
        sources: &SourceMap,
    ) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut left = self.counts.clone();
        let mut new = Vec::new();
        let mut known = Vec::new();
        for d in findings {
            match left.get_mut(&fingerprint::of(&d, sources)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    known.push(d);
                }
                _ => new.push(d),
            }
        }
        (new, known)
    }

    /// How many findings it accepts.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    /// Whether it accepts none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;
    use crate::source::{SourceFile, Span};

    fn found(n: usize) -> (Vec<Diagnostic>, SourceMap) {
        let mut sources = SourceMap::new();
        let file = sources.add(SourceFile::new("a.ereje", "x x x"));
        let d = Diagnostic::new(
            &crate::codes::UNREADABLE_RULE_FILES,
            "same",
            Label::bare(Span::new(file, 0, 1)),
        );
        (vec![d; n], sources)
    }

    #[test]
    fn a_baseline_accepts_as_many_copies_as_it_counts() {
        let (two, sources) = found(2);
        let baseline = Baseline::parse(&Baseline::record(&two, &sources)).expect("valid");
        assert_eq!(baseline.len(), 2);
        let (three, _) = found(3);
        let (new, known) = baseline.split(three, &sources);
        assert_eq!((new.len(), known.len()), (1, 2));
        let (one, _) = found(1);
        let (new, known) = baseline.split(one, &sources);
        assert_eq!((new.len(), known.len()), (0, 1), "a fixed copy is no error");
    }

    #[test]
    fn a_baseline_of_another_shape_is_refused() {
        assert!(Baseline::parse("{\"version\":2,\"findings\":[]}").is_err());
        assert!(Baseline::parse("{\"version\":1,\"findings\":[],\"x\":1}").is_err());
        assert!(Baseline::parse("[").is_err());
    }
}
