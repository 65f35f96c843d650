//! The impact as the JSON document of docs/impact.md (schema docs/impact.schema.json,
//! [`crate::impact::SCHEMA`]): the contract CI scripts read. Every field is always there
//! (`null` when unknown); groups and flips come in the order the model keeps them.

use serde::Serialize;

use crate::check::Verdict;
use crate::impact::IMPACT_VERSION;
use crate::impact::model::{Counted, Findings, Impact, Sample, Side};

/// The document, indented, ending with a line break.
pub fn render(impact: &Impact) -> String {
    let doc = Document::of(impact);
    // plain data of strings and numbers: serialising it cannot fail
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Serialize)]
struct Document<'a> {
    impact_version: &'static str,
    base: SideDoc<'a>,
    new: SideDoc<'a>,
    as_of: Option<String>,
    now: Option<String>,
    samples: usize,
    bundles: usize,
    changed: CountedDoc<'a>,
    unreadable: CountedDoc<'a>,
    verdicts: Verdicts,
    flips: Vec<FlipDoc<'a>>,
    added: FindingsDoc<'a>,
    removed: FindingsDoc<'a>,
}

#[derive(Serialize)]
struct SideDoc<'a> {
    rules: &'a str,
    rules_version: &'a str,
}

#[derive(Serialize)]
struct SampleDoc<'a> {
    line: usize,
    id: Option<&'a str>,
}

#[derive(Serialize)]
struct CountedDoc<'a> {
    bundles: usize,
    samples: Vec<SampleDoc<'a>>,
}

/// Bundles of each verdict under each rule set, every verdict named.
#[derive(Serialize)]
struct Verdicts {
    base: serde_json::Map<String, serde_json::Value>,
    new: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct FlipDoc<'a> {
    from: Verdict,
    to: Verdict,
    bundles: usize,
    samples: Vec<SampleDoc<'a>>,
}

#[derive(Serialize)]
struct FindingsDoc<'a> {
    bundles: usize,
    findings: usize,
    groups: Vec<GroupDoc<'a>>,
    left_out: LeftOutDoc,
}

#[derive(Serialize)]
struct GroupDoc<'a> {
    code: &'static str,
    kind: crate::check::Kind,
    severity: crate::check::Severity,
    service: Option<&'a str>,
    subject: &'a str,
    rule: Option<&'a str>,
    bundles: usize,
    findings: usize,
    samples: Vec<SampleDoc<'a>>,
}

#[derive(Serialize)]
struct LeftOutDoc {
    findings: usize,
    bundles: usize,
}

impl<'a> Document<'a> {
    fn of(impact: &'a Impact) -> Document<'a> {
        let per_verdict = |counts: &[usize; 6]| {
            Verdict::ALL
                .iter()
                .zip(counts)
                .map(|(v, n)| (v.as_str().to_string(), serde_json::Value::from(*n)))
                .collect()
        };
        Document {
            impact_version: IMPACT_VERSION,
            base: side(&impact.base),
            new: side(&impact.new),
            as_of: impact.as_of.map(|d| d.to_string()),
            now: impact
                .now
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            samples: impact.samples,
            bundles: impact.bundles,
            changed: counted(&impact.changed),
            unreadable: counted(&impact.unreadable),
            verdicts: Verdicts {
                base: per_verdict(&impact.base_verdicts),
                new: per_verdict(&impact.new_verdicts),
            },
            flips: impact
                .flips
                .iter()
                .map(|f| FlipDoc {
                    from: f.from,
                    to: f.to,
                    bundles: f.bundles.bundles,
                    samples: samples(&f.bundles.samples),
                })
                .collect(),
            added: findings(&impact.added),
            removed: findings(&impact.removed),
        }
    }
}

fn side(side: &Side) -> SideDoc<'_> {
    SideDoc {
        rules: &side.rules,
        rules_version: &side.rules_version,
    }
}

fn samples(samples: &[Sample]) -> Vec<SampleDoc<'_>> {
    samples
        .iter()
        .map(|s| SampleDoc {
            line: s.line,
            id: s.id.as_deref(),
        })
        .collect()
}

fn counted(counted: &Counted) -> CountedDoc<'_> {
    CountedDoc {
        bundles: counted.bundles,
        samples: samples(&counted.samples),
    }
}

fn findings(findings: &Findings) -> FindingsDoc<'_> {
    FindingsDoc {
        bundles: findings.bundles,
        findings: findings.findings,
        groups: findings
            .groups
            .iter()
            .map(|g| GroupDoc {
                code: g.key.code,
                kind: g.key.kind,
                severity: g.key.severity,
                service: g.key.service.as_deref(),
                subject: &g.key.subject,
                rule: g.key.rule.as_deref(),
                bundles: g.bundles.bundles,
                findings: g.findings,
                samples: samples(&g.bundles.samples),
            })
            .collect(),
        left_out: LeftOutDoc {
            findings: findings.left_out.findings,
            bundles: findings.left_out.bundles,
        },
    }
}
