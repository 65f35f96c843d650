//! Human output: miette's graphical reports, with or without colour.

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

/// Render one diagnostic as a person reads it. `color` picks the terminal theme; without it the
/// output is plain Unicode (tests snapshot that form).
pub fn render(diagnostic: &dyn Diagnostic, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(80)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, diagnostic).is_err() {
        out = format!("{diagnostic}\n");
    }
    out
}

/// The closing line of a run: "2 errors, 3 warnings in 4 rule files".
pub fn summary(errors: usize, warnings: usize, what: &str) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {} in {what}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// A bundle finding as a miette diagnostic: the bundle text labelled at the finding's pointer,
/// the facts that made the rule apply as secondary labels, the law in the help.
struct BundleDiagnostic {
    message: String,
    code: &'static str,
    severity: miette::Severity,
    source: miette::NamedSource<std::sync::Arc<str>>,
    labels: Vec<miette::LabeledSpan>,
    help: Option<String>,
}

impl std::fmt::Debug for BundleDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::fmt::Display for BundleDiagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BundleDiagnostic {}

impl Diagnostic for BundleDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Render every finding of a report against the bundle text.
pub fn render_report(report: &crate::check::Report, name: &str, text: &str, color: bool) -> String {
    use crate::check::Severity;
    if report.findings.is_empty() {
        return String::new();
    }
    // every place a label points at, located in one scan of the text
    let pointers: Vec<&str> = report
        .findings
        .iter()
        .flat_map(|f| {
            let primary = f.span.is_none().then_some(f.pointer.as_str());
            primary
                .into_iter()
                .chain(f.reasons.iter().map(|r| r.pointer.as_str()))
        })
        .collect();
    let mut located = super::spans::spans_of(text, &pointers).into_iter();
    let mut next_span = || {
        located
            .next()
            .map_or(miette::SourceSpan::new(0.into(), 0), |s| {
                miette::SourceSpan::new(s.offset.into(), s.length)
            })
    };
    let source = miette::NamedSource::new(name, std::sync::Arc::<str>::from(text));
    let mut out = String::new();
    for f in &report.findings {
        let mut labels = Vec::new();
        let primary = match f.span {
            Some(s) => miette::SourceSpan::new(s.offset.into(), s.length),
            None => next_span(),
        };
        labels.push(miette::LabeledSpan::new_primary_with_span(
            Some(f.label.clone()).filter(|l| !l.is_empty()),
            primary,
        ));
        for reason in &f.reasons {
            labels.push(miette::LabeledSpan::new_with_span(
                Some(reason.label.clone()),
                next_span(),
            ));
        }
        let mut help = f.help.clone().unwrap_or_default();
        if let Some(citation) = &f.citation {
            let rule = f.rule.as_deref().unwrap_or("");
            let at = f
                .rule_location
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&crate::check::messages::law_line(
                &citation.describe(),
                rule,
                &at,
                report.lang,
            ));
        }
        let diagnostic = BundleDiagnostic {
            message: f.message.clone(),
            code: f.code,
            severity: if f.severity == Severity::Error {
                miette::Severity::Error
            } else {
                miette::Severity::Warning
            },
            source: source.clone(),
            labels,
            help: Some(help).filter(|h| !h.is_empty()),
        };
        out.push_str(&render(&diagnostic, color));
        out.push('\n');
    }
    out
}
