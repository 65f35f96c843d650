//! The one-line form of a finding, for the findings of a code past the first few of a report:
//! a person reads a handful of snippets of one kind of problem, then wants the rest as a list
//! (60,000 unknown documents are 60,000 lines, not 420,000), and the list costs a tenth of the
//! snippets to write. Every finding keeps its line; `--format json` has each in full.

use crate::codes::Severity;
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::vocab::Lang;

use super::snippet::visible;

/// The findings of one code a report shows as snippets before it lists the rest.
pub const FULL_PER_CODE: usize = 10;

/// `  ⚠ b.json:12:7 unknown-document: unknown document kind `letter_11``.
pub fn line(d: &Diagnostic, code: &str, sources: &SourceMap, lang: Lang) -> String {
    let mark = match d.severity {
        Severity::Error => '×',
        Severity::Warning => '⚠',
        Severity::Info => 'ℹ',
    };
    let place = d.primary.as_ref().and_then(|l| {
        let file = sources.get(l.span.file)?;
        let (line, column) = file.line_col(l.span.start);
        Some(format!(
            "{}:{}:{column} ",
            visible(&file.name),
            file.first_line + line - 1
        ))
    });
    format!(
        "  {mark} {}{code}: {}\n",
        place.unwrap_or_default(),
        visible(d.message.get(lang))
    )
}

/// The line before the first finding of `code` listed one a line.
pub fn heading(code: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "… the other `{code}` findings, one line each (`--format json` gives each in full):\n"
        ),
        Lang::Ru => format!(
            "… остальные находки `{code}`, по строке на каждую (`--format json` даёт каждую полностью):\n"
        ),
        Lang::Kk => format!(
            "… қалған `{code}` табылымдары, әрқайсысы бір жолда (`--format json` әрқайсысын толық береді):\n"
        ),
    }
}
