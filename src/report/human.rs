//! Human output: diagnostics rendered by miette, with or without colour, at the width of the
//! terminal (or unwrapped when the output is not one).

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use crate::check::Report;
use crate::codes::{Family, Severity};
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, SourceMap};
use crate::vocab::{Lang, russian_plural};

use super::concise;
use super::snippet::{Excerpt, visible};

/// How human output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Terminal colours.
    pub color: bool,
    /// Wrap lines at this many columns; `None`: never wrap.
    pub width: Option<usize>,
    /// The language of ereje's own words.
    pub lang: Lang,
}

impl Style {
    /// Plain Unicode at 80 columns, in English: the form tests snapshot.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: Some(80),
            lang: Lang::En,
        }
    }

    /// The style for a stream: colour and the terminal's width (`COLUMNS` when set) on a
    /// terminal; no colour and no wrapping otherwise.
    pub fn for_stream(is_terminal: bool, lang: Lang) -> Style {
        let columns = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|c| *c >= 20);
        let width = if is_terminal {
            columns.or_else(|| {
                terminal_size::terminal_size().map(|(terminal_size::Width(w), _)| usize::from(w))
            })
        } else {
            None
        };
        Style {
            color: is_terminal,
            width,
            lang,
        }
    }
}

/// The width miette gets when nothing may wrap.
const UNWRAPPED: usize = 1 << 20;

/// Render a miette diagnostic as a person reads it.
fn render_miette(diagnostic: &dyn miette::Diagnostic, style: &Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width.unwrap_or(UNWRAPPED))
        // never at a hyphen: `2019-05-14T10:30:00+06:00` and `deadline-late` stay whole
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_links(false);
    let mut out = String::new();
    // a renderer that fails or panics on one diagnostic costs its snippet, never the report
    let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        handler.render_report(&mut out, diagnostic)
    }));
    if !matches!(rendered, Ok(Ok(()))) {
        out = format!("  × {diagnostic}\n");
    }
    out
}

/// Render one diagnostic: its message, its labels in the text of their files (labels in
/// another file than the primary one as a second snippet), the help, the `law:` line and a
/// line per note.
pub fn render(diagnostic: &Diagnostic, sources: &SourceMap, style: &Style) -> String {
    let mut out = render_miette(&Miette::of(diagnostic, sources, style.lang), style);
    // the help is ereje's line, not miette's, so that its head is in the reader's language
    // words that quote a bundle (an unknown field's name) show its control characters
    if let Some(help) = &diagnostic.help {
        out.push_str(&help_line(&visible(help.get(style.lang)), style));
    }
    if let Some(law) = &diagnostic.law {
        out.push_str(&law_line(&visible(law.get(style.lang)), style));
    }
    for note in &diagnostic.notes {
        out.push_str(&wrapped("  ", &visible(note.get(style.lang)), style));
    }
    out
}

/// `  law:  …` in the style's language, wrapped only between words so that an identifier or a
/// path is never cut.
pub fn law_line(text: &str, style: &Style) -> String {
    let head = match style.lang {
        Lang::En => "law:",
        Lang::Ru => "закон:",
        Lang::Kk => "заң:",
    };
    wrapped(&format!("  {head:<5} "), text, style)
}

/// `  help: …` in the style's language, wrapped as the `law:` line is.
pub fn help_line(text: &str, style: &Style) -> String {
    let head = match style.lang {
        Lang::En => "help:",
        Lang::Ru => "совет:",
        Lang::Kk => "кеңес:",
    };
    wrapped(&format!("  {head:<5} "), text, style)
}

/// `head` and `text` on a line, wrapped only between words at the style's width, each further
/// line indented under the text of a `law:` line.
fn wrapped(head: &str, text: &str, style: &Style) -> String {
    let indent = 8usize;
    let width = style.width.unwrap_or(UNWRAPPED).max(indent + 20);
    let mut out = head.to_string();
    let mut column = unicode_width::UnicodeWidthStr::width(out.as_str());
    let mut first = true;
    for (n, line) in text.lines().enumerate() {
        // a line break the text writes starts a line of its own, indented as the others
        if n > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            column = indent;
            first = true;
        }
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let w = unicode_width::UnicodeWidthStr::width(word);
            if !first && column + 1 + w > width {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                column = indent;
            } else if !first {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += w;
            first = false;
        }
    }
    out.push('\n');
    out
}

/// What a run looked at, for its closing line.
#[derive(Debug, Clone, Copy)]
pub enum Over<'a> {
    /// `check`: this many bundles (a line of NDJSON is one).
    Bundles(usize),
    /// The rule files, which compiled.
    RuleFiles,
    /// The rule files, which did not compile.
    RuleFilesUnchecked,
    /// `calendar`'s calendar.
    Calendar,
    /// `fmt`: a file left as it is.
    FileLeft(&'a str),
    /// `lint`: its configuration file, which stopped the run.
    Config(&'a str),
}

/// The closing line of a run, in the reader's language: "2 errors, 3 warnings in 4 bundles".
pub fn summary(errors: usize, warnings: usize, over: Over, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let count = |n: usize, word: &str| {
                if n == 1 {
                    format!("1 {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            let over = match over {
                Over::Bundles(n) => count(n, "bundle"),
                Over::RuleFiles => "the rule files".to_string(),
                Over::RuleFilesUnchecked => "the rule files; nothing was checked".to_string(),
                Over::Calendar => "the calendar".to_string(),
                Over::FileLeft(name) => format!("`{name}`; it was left as it is"),
                Over::Config(name) => format!("`{name}`; nothing was linted"),
            };
            format!(
                "{}, {} in {over}",
                count(errors, "error"),
                count(warnings, "warning")
            )
        }
        Lang::Ru => {
            let count = |n: usize, forms: [&str; 3]| {
                let n = i64::try_from(n).unwrap_or(i64::MAX);
                format!("{n} {}", russian_plural(n, forms[0], forms[1], forms[2]))
            };
            let over = match over {
                Over::Bundles(n) => {
                    let n = i64::try_from(n).unwrap_or(i64::MAX);
                    format!(
                        "в {n} {}",
                        russian_plural(n, "пакете", "пакетах", "пакетах")
                    )
                }
                Over::RuleFiles => "в файлах правил".to_string(),
                Over::RuleFilesUnchecked => "в файлах правил; ничего не проверено".to_string(),
                Over::Calendar => "в календаре".to_string(),
                Over::FileLeft(name) => format!("в `{name}`; файл оставлен как есть"),
                Over::Config(name) => format!("в `{name}`; ничего не проверено"),
            };
            format!(
                "{}, {} {over}",
                count(errors, ["ошибка", "ошибки", "ошибок"]),
                count(
                    warnings,
                    ["предупреждение", "предупреждения", "предупреждений"]
                )
            )
        }
        // Kazakh nouns keep their form after a number; the place comes first
        Lang::Kk => {
            let counts = format!("{errors} қате, {warnings} ескерту");
            match over {
                Over::Bundles(n) => format!("{n} пакетте: {counts}"),
                Over::RuleFiles => format!("ереже файлдарында: {counts}"),
                Over::RuleFilesUnchecked => {
                    format!("ереже файлдарында: {counts}; ештеңе тексерілген жоқ")
                }
                Over::Calendar => format!("күнтізбеде: {counts}"),
                Over::FileLeft(name) => format!("`{name}` файлында: {counts}; файл өзгертілмеді"),
                Over::Config(name) => {
                    format!("`{name}` файлында: {counts}; ештеңе тексерілген жоқ")
                }
            }
        }
    }
}

/// The closing line of `ereje lint`: "0 errors, 2 warnings, 30 notes in 3 rule files (41
/// suppressed)", in the reader's language; with a baseline, also how many findings it holds
/// back ("41 suppressed, 3 baselined").
pub fn lint_summary(
    (errors, warnings, infos): (usize, usize, usize),
    files: usize,
    suppressed: usize,
    baselined: Option<usize>,
    lang: Lang,
) -> String {
    let mut line = lint_counts((errors, warnings, infos), files, suppressed, lang);
    if let Some(n) = baselined {
        line.pop();
        line.push_str(&match lang {
            Lang::En => format!(", {n} baselined)"),
            Lang::Ru => format!(", в базовой линии: {n})"),
            Lang::Kk => format!(", {n} базалық тізімде)"),
        });
    }
    line
}

fn lint_counts(
    (errors, warnings, infos): (usize, usize, usize),
    files: usize,
    suppressed: usize,
    lang: Lang,
) -> String {
    match lang {
        Lang::En => {
            let count = |n: usize, word: &str| {
                if n == 1 {
                    format!("1 {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            format!(
                "{}, {}, {} in {} ({suppressed} suppressed)",
                count(errors, "error"),
                count(warnings, "warning"),
                count(infos, "note"),
                count(files, "rule file")
            )
        }
        Lang::Ru => {
            let count = |n: usize, forms: [&str; 3]| {
                let n = i64::try_from(n).unwrap_or(i64::MAX);
                format!("{n} {}", russian_plural(n, forms[0], forms[1], forms[2]))
            };
            let f = i64::try_from(files).unwrap_or(i64::MAX);
            format!(
                "{}, {}, {} в {f} {} (подавлено: {suppressed})",
                count(errors, ["ошибка", "ошибки", "ошибок"]),
                count(
                    warnings,
                    ["предупреждение", "предупреждения", "предупреждений"]
                ),
                count(infos, ["заметка", "заметки", "заметок"]),
                russian_plural(f, "файле правил", "файлах правил", "файлах правил")
            )
        }
        Lang::Kk => format!(
            "{files} ереже файлында: {errors} қате, {warnings} ескерту, {infos} ақпарат ({suppressed} басылған)"
        ),
    }
}

/// How a code heads a diagnostic: a bundle finding by its kebab-case name, which is how intake
/// systems know it (the JSON report's `code`), any other by its code (`E0201`).
fn shown_code(code: &crate::codes::Code) -> &'static str {
    if code.family() == Family::Bundle {
        code.name
    } else {
        code.code
    }
}

/// A [`Diagnostic`] as miette wants it: the text of the primary label's file, the labels that
/// point into it, and one related report per other file.
struct Miette {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    source: Option<Excerpt>,
    labels: Vec<LabeledSpan>,
    related: Vec<Miette>,
}

impl Miette {
    fn of(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> Miette {
        let file = d.primary.as_ref().map_or(usize::MAX, |l| l.span.file);
        // A rule-file error marks no label primary for miette, which then heads the snippet at
        // the label that comes first in the text, as rule-file errors have always been shown; a
        // bundle finding heads it at the place it points at, whose line a reader looks for.
        let marks_primary = d.code.family() == Family::Bundle;
        let mut here: Vec<(&crate::diagnostic::Label, bool)> =
            d.primary.iter().map(|l| (l, marks_primary)).collect();
        let mut elsewhere: Vec<(usize, Vec<(&crate::diagnostic::Label, bool)>)> = Vec::new();
        for l in &d.secondary {
            if l.span.file == file || d.primary.is_none() {
                here.push((l, false));
            } else if let Some((_, ls)) = elsewhere.iter_mut().find(|(f, _)| *f == l.span.file) {
                ls.push((l, false));
            } else {
                elsewhere.push((l.span.file, vec![(l, false)]));
            }
        }
        let (source, labels) = snippet(sources.get(file), &here, lang);
        // the help, the law line and the notes are lines of their own after it (`render`)
        let related = elsewhere
            .into_iter()
            .map(|(f, labels)| {
                let (source, labels) = snippet(sources.get(f), &labels, lang);
                Miette {
                    message: sources.get(f).map_or_else(String::new, |s| {
                        super::snippet::escaped(&s.name).into_owned()
                    }),
                    code: None,
                    severity: miette::Severity::Advice,
                    source,
                    labels,
                    related: Vec::new(),
                }
            })
            .collect();
        Miette {
            message: visible(d.message.get(lang)).into_owned(),
            code: Some(shown_code(d.code)),
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Info => miette::Severity::Advice,
            },
            source,
            labels,
            related,
        }
    }
}

/// The excerpt of `file` around `labels` and the labels placed in it, their words made
/// visible; without the file, the labels as they are (miette then shows no snippet).
fn snippet(
    file: Option<&SourceFile>,
    labels: &[(&crate::diagnostic::Label, bool)],
    lang: Lang,
) -> (Option<Excerpt>, Vec<LabeledSpan>) {
    let spans: Vec<(usize, usize)> = labels
        .iter()
        .map(|(l, _)| (l.span.start, l.span.end))
        .collect();
    let (source, placed) = match file {
        Some(file) => {
            let (excerpt, placed) = super::snippet::excerpt(file, &spans);
            (Some(excerpt), placed)
        }
        None => (None, spans),
    };
    let labels = labels
        .iter()
        .zip(placed)
        .map(|((l, primary), (start, end))| {
            let text = l.text.as_ref().map(|t| visible(t.get(lang)).into_owned());
            let span = miette::SourceSpan::new(start.into(), end - start);
            if *primary {
                LabeledSpan::new_primary_with_span(text, span)
            } else {
                LabeledSpan::new_with_span(text, span)
            }
        })
        .collect();
    (source, labels)
}

impl std::fmt::Debug for Miette {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::fmt::Display for Miette {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Miette {}

impl miette::Diagnostic for Miette {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.code
            .map(|c| Box::new(c) as Box<dyn std::fmt::Display + 'a>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

/// Render every finding of a report against the bundle text (`name` is how the bundle is
/// called in the snippets' headings), each as [`render`] shows a diagnostic, followed by a blank
/// line; past the first [`concise::FULL_PER_CODE`] of a code, the rest of that code one line
/// each. A report of a line of NDJSON (`Report::line`) numbers its snippets as the lines of
/// that file: `file.ndjson:7:31`.
pub fn render_report(report: &Report, name: &str, text: &str, style: &Style) -> String {
    if report.findings.is_empty() {
        return String::new();
    }
    let mut bundle = SourceFile::new(name, text);
    if let Some(line) = report.line {
        bundle = bundle.starting_at_line(line);
    }
    let diagnostics = super::findings::diagnostics_in(report, bundle, Some(style.lang));
    let mut out = String::new();
    // how many findings of each code were shown so far: past the first few, one line each
    let mut shown: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in &diagnostics {
        let code = shown_code(d.code);
        let count = shown.entry(code).or_default();
        *count += 1;
        if *count <= concise::FULL_PER_CODE {
            out.push_str(&render(d, &diagnostics.sources, style));
            out.push('\n');
            continue;
        }
        if *count == concise::FULL_PER_CODE + 1 {
            out.push_str(&concise::heading(code, style.lang));
        }
        out.push_str(&concise::line(d, code, &diagnostics.sources, style.lang));
    }
    out
}
