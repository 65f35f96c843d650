//! The JSON report contract (docs/report.md): a [`Report`] serialises as one JSON object, its
//! findings worded in the report's language by the catalogue of that language (`words`), so
//! that `serde_json::to_string(&report)` is the report an intake system reads.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::words;
use crate::check::{Finding, Report};
use crate::vocab::Lang;

/// The version of the report contract every report names in `report_version`: its minor
/// number grows with each additive change (a new field, a new code), its major number with a
/// change that breaks a reader (a field renamed, removed or retyped). `1.0` was the contract
/// before the field existed.
pub const REPORT_VERSION: &str = "1.1";

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("Report", 11)?;
        report.serialize_field("report_version", REPORT_VERSION)?;
        match self.line {
            Some(line) => report.serialize_field("line", &line)?,
            None => report.skip_field("line")?,
        }
        report.serialize_field("id", &self.id)?;
        report.serialize_field("service", &self.service)?;
        report.serialize_field("submitted_at", &self.submitted_at)?;
        report.serialize_field("as_of", &self.as_of)?;
        report.serialize_field("rules_version", &self.rules_version)?;
        report.serialize_field("verdict", &self.verdict)?;
        report.serialize_field(
            "findings",
            &Findings {
                findings: &self.findings,
                lang: self.lang,
            },
        )?;
        report.serialize_field("deadlines", &self.deadlines)?;
        report.serialize_field("missing_facts", &self.missing_facts)?;
        if self.waiting.is_empty() {
            report.skip_field("waiting")?;
        } else {
            report.serialize_field("waiting", &self.waiting)?;
        }
        match self.assumptions {
            Some(assume) => report.serialize_field("assumptions", &Assumptions(assume))?,
            None => report.skip_field("assumptions")?,
        }
        report.end()
    }
}

/// `{"in_force": "earliest"}`: how the report decided days in an act's window.
struct Assumptions(crate::semantic::model::Assume);

impl Serialize for Assumptions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use crate::semantic::model::Assume;
        let mut out = serializer.serialize_struct("Assumptions", 1)?;
        out.serialize_field(
            "in_force",
            match self.0 {
                Assume::Earliest => "earliest",
                Assume::Latest => "latest",
            },
        )?;
        out.end()
    }
}

/// The findings of a report, each worded in its language.
struct Findings<'a> {
    findings: &'a [Finding],
    lang: Lang,
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.findings.iter().map(|finding| Worded {
            finding,
            lang: self.lang,
        }))
    }
}

/// One finding as the contract writes it.
struct Worded<'a> {
    finding: &'a Finding,
    lang: Lang,
}

impl Serialize for Worded<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let f = self.finding;
        let mut out = serializer.serialize_struct("Finding", 12)?;
        out.serialize_field("code", f.code.name)?;
        out.serialize_field("kind", &f.kind)?;
        out.serialize_field("severity", &f.severity)?;
        out.serialize_field("subject", &f.subject)?;
        match f.rule_id() {
            Some(rule) => out.serialize_field("rule", rule)?,
            None => out.skip_field("rule")?,
        }
        out.serialize_field("message", &words::message(f, self.lang))?;
        // what to do about it, who must act: the human report's `help:` line
        match words::help(f, self.lang) {
            Some(help) => out.serialize_field("help", &help)?,
            None => out.skip_field("help")?,
        }
        out.serialize_field("pointer", &f.pointer)?;
        match f.citation() {
            Some(citation) => out.serialize_field("citation", citation)?,
            None => out.skip_field("citation")?,
        }
        match f.citations() {
            [] => out.skip_field("citations")?,
            citations => out.serialize_field("citations", citations)?,
        }
        match f.unverified() {
            Some(reason) => out.serialize_field("unverified", &reason)?,
            None => out.skip_field("unverified")?,
        }
        match &f.span {
            Some(span) => out.serialize_field("span", span)?,
            None => out.skip_field("span")?,
        }
        out.end()
    }
}
