//! Helpers the test modules share: rendering phase errors as users see them.

use ereje::Diagnostic;
use ereje::report::human::{Style, render};
use ereje::source::{SourceFile, SourceMap};

/// The errors of one source file, each rendered as `ereje` prints it (plain, 80 columns).
pub fn render_errors<E>(errors: &[E], source: &SourceFile) -> String
where
    for<'a> &'a E: Into<Diagnostic>,
{
    let mut sources = SourceMap::new();
    sources.add(source.clone());
    errors
        .iter()
        .map(|e| render(&e.into(), &sources, &Style::plain()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One error of one source file, rendered.
pub fn render_error<E>(error: &E, source: &SourceFile) -> String
where
    for<'a> &'a E: Into<Diagnostic>,
{
    render_errors(std::slice::from_ref(error), source)
}

/// Every diagnostic of a run, rendered, separated by blank lines.
pub fn render_diagnostics(diagnostics: &ereje::Diagnostics) -> String {
    diagnostics
        .iter()
        .map(|d| render(d, &diagnostics.sources, &Style::plain()))
        .collect::<Vec<_>>()
        .join("\n")
}
