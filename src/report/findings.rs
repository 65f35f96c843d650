//! Bundle findings as diagnostics: each finding becomes the one [`Diagnostic`] type, its labels
//! pointing into the bundle (the one file of a small source map, at spans the one span scanner
//! finds), its words in every language, so that `human::render` shows a finding as it shows a
//! rule-file error: message, the place and why it matters, help, and the `law:` line.

use crate::check::{Finding, Report};
use crate::diagnostic::{Diagnostic, Diagnostics, Label};
use crate::source::{SourceFile, SourceMap, Span};
use crate::vocab::{Lang, Wording};

use super::{spans, words};

/// The findings of a report as diagnostics about its bundle (file 0 of their sources), worded
/// in every language.
pub fn diagnostics(report: &Report, bundle: SourceFile) -> Diagnostics {
    diagnostics_in(report, bundle, None)
}

/// As [`diagnostics`], worded in `lang` only when one is given (a rendering for one reader
/// words 120,000 findings once, not three times).
pub fn diagnostics_in(report: &Report, bundle: SourceFile, lang: Option<Lang>) -> Diagnostics {
    let words_in = Words(lang);
    let mut sources = SourceMap::new();
    let text = std::sync::Arc::clone(&bundle.text);
    let file = sources.add(bundle);
    let mut out = Diagnostics::new(sources);
    if report.findings.is_empty() {
        return out;
    }
    // every place a label points at, located in one scan of the text
    let pointers: Vec<std::borrow::Cow<'_, str>> = report
        .findings
        .iter()
        .flat_map(|f| {
            let primary = f
                .span
                .is_none()
                .then_some(std::borrow::Cow::Borrowed(f.pointer.as_str()));
            primary
                .into_iter()
                .chain(f.reasons.iter().map(|r| r.pointer()))
        })
        .collect();
    let pointers: Vec<&str> = pointers.iter().map(AsRef::as_ref).collect();
    let mut located = spans::spans_of(&text, &pointers).into_iter();
    let mut next_span = || {
        located.next().map_or(Span::new(file, 0, 0), |s| {
            Span::new(file, s.offset, s.offset + s.length)
        })
    };
    for f in &report.findings {
        let primary = match f.span {
            Some(s) => Span::new(file, s.offset, s.offset + s.length),
            None => next_span(),
        };
        let reasons: Vec<Label> = f
            .reasons
            .iter()
            .map(|r| Label::new(next_span(), words_in.worded(|l| words::reason(f, r, l))))
            .collect();
        out.push(diagnostic(f, primary, reasons, words_in));
    }
    out
}

/// One finding as a diagnostic, its primary label at `primary`.
fn diagnostic(f: &Finding, primary: Span, reasons: Vec<Label>, words_in: Words) -> Diagnostic {
    let first = words_in.first();
    let label = match words::label(f, first) {
        // a finding has a label in every language or in none
        Some(_) => Label::new(
            primary,
            words_in.worded(|l| words::label(f, l).unwrap_or_default()),
        ),
        None => Label::bare(primary),
    };
    let mut d = Diagnostic::new(f.code, words_in.worded(|l| words::message(f, l)), label)
        .with_labels(reasons);
    d.severity = f.severity;
    if words::help(f, first).is_some() {
        d.help = Some(words_in.worded(|l| words::help(f, l).unwrap_or_default()));
    }
    // the law stands on its own line after the help, never wrapped inside a rule's id or path
    if words::law(f, first).is_some() {
        d.law = Some(words_in.worded(|l| words::law(f, l).unwrap_or_default()));
    }
    // a rule that rests on what no source confirmed says so, as the JSON report's `unverified`
    if words::unverified(f, first).is_some() {
        d.notes
            .push(words_in.worded(|l| words::unverified(f, l).unwrap_or_default()));
    }
    d
}

/// The languages to word a diagnostic in: one, or (`None`) English, Russian and Kazakh.
#[derive(Clone, Copy)]
struct Words(Option<Lang>);

impl Words {
    /// The language worded first (whether a part exists is asked in it).
    fn first(self) -> Lang {
        self.0.unwrap_or(Lang::En)
    }

    fn worded(self, words: impl Fn(Lang) -> String) -> Wording {
        match self.0 {
            Some(lang) => Wording::chosen(words(lang)),
            None => Wording::new(words(Lang::En), words(Lang::Ru), words(Lang::Kk)),
        }
    }
}
