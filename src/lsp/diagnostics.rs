//! The one diagnostic type as the protocol shows it: the fourth converter beside human, JSON
//! and SARIF. The primary place is the range, the other places are related information, and
//! the help, the law and the notes follow the message on their own lines, as `ereje lint`
//! prints them.

use std::collections::BTreeMap;

use lsp_types::{
    Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
    Range, Url,
};

use super::server::Speech;
use super::workspace::Snapshot;
use crate::codes::Severity;
use crate::diagnostic::Diagnostic;
use crate::vocab::Lang;

/// Every problem of the snapshot, by the address of the file it is in; every rule file has
/// an entry, so that a file whose problems are gone is cleared.
pub fn by_file(snapshot: &Snapshot, speech: Speech) -> BTreeMap<Url, Vec<LspDiagnostic>> {
    let mut out: BTreeMap<Url, Vec<LspDiagnostic>> = snapshot
        .uris
        .iter()
        .flatten()
        .map(|u| (u.clone(), Vec::new()))
        .collect();
    let all = snapshot
        .analysis
        .diagnostics
        .iter()
        .chain(&snapshot.linted.diagnostics)
        .chain(&snapshot.examples);
    for d in all {
        let Some(primary) = &d.primary else { continue };
        let (Some(Some(uri)), Some(range)) = (
            snapshot.uris.get(primary.span.file),
            snapshot.range(primary.span),
        ) else {
            continue;
        };
        let lang = speech.of(snapshot.text(primary.span.file));
        out.entry(uri.clone())
            .or_default()
            .push(convert(d, range, snapshot, lang));
    }
    if let Some(config) = &snapshot.config
        && let Ok(uri) = Url::from_file_path(&config.path)
    {
        let text = &config.text;
        let lines = super::position::Lines::new(text);
        let list = config
            .problems
            .iter()
            .map(|d| {
                let range = d.primary.as_ref().map_or_else(Range::default, |p| {
                    lines.range(text, p.span.start, p.span.end)
                });
                convert(d, range, snapshot, speech.otherwise)
            })
            .collect();
        out.insert(uri, list);
    }
    for uri in &snapshot.oversized {
        let most = crate::source::MAX_RULE_FILE_BYTES >> 20;
        let (message, help) = match speech.otherwise {
            Lang::En => (
                format!(
                    "the file is larger than {most} MiB, the most a rule file may be; it is not analysed"
                ),
                "split it into several rule files",
            ),
            Lang::Ru => (
                format!(
                    "файл больше {most} МиБ — наибольшего размера файла правил; он не анализируется"
                ),
                "разделите его на несколько файлов правил",
            ),
            Lang::Kk => (
                format!(
                    "файл {most} МиБ-тан үлкен — ереже файлының ең үлкен өлшемі; ол талданбайды"
                ),
                "оны бірнеше ереже файлына бөліңіз",
            ),
        };
        out.insert(
            uri.clone(),
            vec![LspDiagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                code: Some(NumberOrString::String(
                    crate::codes::UNREADABLE_RULE_FILES.code.to_string(),
                )),
                source: Some(format!(
                    "ereje {}",
                    crate::codes::UNREADABLE_RULE_FILES.name
                )),
                message: format!("{message}\nhelp: {help}"),
                ..LspDiagnostic::default()
            }],
        );
    }
    out
}

/// One diagnostic at `range`.
pub fn convert(d: &Diagnostic, range: Range, snapshot: &Snapshot, lang: Lang) -> LspDiagnostic {
    let mut message = d.message.get(lang).to_string();
    if let Some(text) = d.primary.as_ref().and_then(|p| p.text.as_ref()) {
        message.push_str(&format!("\n{}", text.get(lang)));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {}", help.get(lang)));
    }
    if let Some(law) = &d.law {
        message.push_str(&format!("\nlaw: {}", law.get(lang)));
    }
    for note in &d.notes {
        message.push_str(&format!("\nnote: {}", note.get(lang)));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: snapshot.location(l.span)?,
                message: l
                    .text
                    .as_ref()
                    .map_or_else(|| d.message.get(lang).to_string(), |t| t.get(lang).into()),
            })
        })
        .collect();
    LspDiagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.code.to_string())),
        code_description: None,
        source: Some(format!("ereje {}", d.code.name)),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
