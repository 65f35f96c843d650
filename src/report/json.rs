//! JSON output: a bundle's report as one line of the report contract, and diagnostics as one
//! object per diagnostic, written one per line (on stderr by the command line, so that stdout
//! carries only reports). Places are given as the file's name, the 1-based line and column
//! (the column counted in characters), and the byte offset and length.

use serde::Serialize;

use crate::check::Report;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::SourceMap;
use crate::vocab::Lang;

/// One diagnostic as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// `E0201`.
    pub code: &'static str,
    /// `undefined-name`.
    pub name: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// One line.
    pub message: &'a str,
    /// The primary place, flattened into the object.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub place: Option<JsonPlace<'a>>,
    /// What to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    /// The law it enforces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub law: Option<&'a str>,
    /// The other places, each with its own file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<JsonPlace<'a>>,
    /// Remarks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<&'a str>,
    /// The bundle that demonstrates a finding of the logic analysis (what `--witness DIR`
    /// writes), as a JSON object following the bundle contract.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub witness: Option<serde_json::Value>,
}

/// A place in a file, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct JsonPlace<'a> {
    /// The file's name as given.
    pub file: &'a str,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// What the label says there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'a str>,
}

fn place<'a>(label: &'a Label, sources: &'a SourceMap, lang: Lang) -> Option<JsonPlace<'a>> {
    let file = sources.get(label.span.file)?;
    let (line, column) = file.line_col(label.span.start);
    Some(JsonPlace {
        file: &file.name,
        line,
        column,
        offset: label.span.start,
        length: label.span.end.saturating_sub(label.span.start),
        label: label.text.as_ref().map(|t| t.get(lang)),
    })
}

/// A diagnostic as JSON, worded in `lang`.
pub fn diagnostic<'a>(d: &'a Diagnostic, sources: &'a SourceMap, lang: Lang) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: d.code.code,
        name: d.code.name,
        severity: d.severity.as_str(),
        message: d.message.get(lang),
        place: d.primary.as_ref().and_then(|l| place(l, sources, lang)),
        help: d.help.as_ref().map(|h| h.get(lang)),
        law: d.law.as_ref().map(|l| l.get(lang)),
        labels: d
            .secondary
            .iter()
            .filter_map(|l| place(l, sources, lang))
            .collect(),
        notes: d.notes.iter().map(|n| n.get(lang)).collect(),
        witness: d
            .witness
            .as_ref()
            .and_then(|w| serde_json::from_str(&w.bundle).ok()),
    }
}

/// A diagnostic as one line of JSON (with its newline).
pub fn diagnostic_line(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> String {
    let mut line = serde_json::to_string(&diagnostic(d, sources, lang)).unwrap_or_else(|e| {
        format!(
            "{{\"code\":\"{}\",\"severity\":\"error\",\"message\":\"diagnostic not serializable: {e}\"}}",
            d.code.code
        )
    });
    line.push('\n');
    line
}

/// A bundle's report as one line of JSON (with its newline): the report contract, its findings
/// worded in the report's language.
pub fn report_line(report: &Report) -> String {
    // a report is about as long as its bundle: sized once, most lines never grow
    let mut line = String::with_capacity(2048);
    if super::compact::write(report, &mut line).is_ok() {
        line.push('\n');
        return line;
    }
    // what the writer cannot write, serde_json writes, or says why it cannot
    let mut line = serde_json::to_string(report).unwrap_or_else(|e| {
        format!(
            "{{\"id\":null,\"verdict\":\"invalid\",\"error\":\"report not serializable: {e}\"}}"
        )
    });
    line.push('\n');
    line
}
