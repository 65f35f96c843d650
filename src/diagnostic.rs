//! The one diagnostic type, as data: what every phase reports about rule files (and, later,
//! lints), rendered late by converters in `report/` (human via miette, JSON; SARIF and the
//! language server will be two more). Phase errors keep their own typed enums and convert into
//! this type (`impl From<SyntaxError> for Diagnostic`); nothing here knows how it is shown.

use crate::codes::{Code, Severity};
use crate::source::{SourceFile, SourceMap, Span};
use crate::vocab::Wording;

/// A place in a source file, with what to say there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Where: a file of the diagnostics' source map and a byte range in it.
    pub span: Span,
    /// What to say there (nothing: the place is underlined without words).
    pub text: Option<Wording>,
}

impl Label {
    /// A label with words.
    pub fn new(span: Span, text: impl Into<Wording>) -> Label {
        Label {
            span,
            text: Some(text.into()),
        }
    }

    /// A label without words.
    pub fn bare(span: Span) -> Label {
        Label { span, text: None }
    }
}

/// A change to a source file: replace the text at `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What to replace (an empty span inserts).
    pub span: Span,
    /// The new text (empty: a deletion).
    pub replacement: String,
}

/// A safe, mechanical correction of what a diagnostic finds: applying it changes no rule's
/// meaning (the checked model stays the same) and resolves no defect of the law.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What it does, as an instruction: "remove the `allow`" (in each language).
    pub title: Wording,
    /// The edits, in any order, none overlapping another.
    pub edits: Vec<Edit>,
}

/// An application that demonstrates a finding of the logic analysis: checking the bundle
/// finds what the finding says (`ereje lint --witness DIR` writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witness {
    /// The file name it is written under, without its number and `.json`: the lint's code and
    /// the element (`L075-kz.example.permit.entry_ban`).
    pub name: String,
    /// The bundle, as JSON text following the bundle contract.
    pub bundle: String,
    /// What checking it finds: each finding's code name and subject
    /// (`refusal-ground`, `entry_ban`).
    pub shows: Vec<(String, String)>,
}

/// One diagnostic: a code from the table, a severity decided at run time, the message, the
/// places it points at (the first is the primary one; the others may be in other files), what
/// to do, the law it enforces, and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The code.
    pub code: &'static Code,
    /// Error or warning.
    pub severity: Severity,
    /// One line: what is wrong.
    pub message: Wording,
    /// The primary place (none for a problem with no place, like a folder that cannot be read).
    pub primary: Option<Label>,
    /// Places that say why it matters (any file of the source map).
    pub secondary: Vec<Label>,
    /// What to do, as an instruction.
    pub help: Option<Wording>,
    /// The law it enforces, shown on a `law:` line after the help.
    pub law: Option<Wording>,
    /// Further remarks.
    pub notes: Vec<Wording>,
    /// A safe correction, where one exists.
    pub fix: Option<Fix>,
    /// The application that demonstrates it, for a finding of the logic analysis.
    pub witness: Option<Box<Witness>>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity and nothing but its message and place.
    pub fn new(code: &'static Code, message: impl Into<Wording>, primary: Label) -> Diagnostic {
        Diagnostic {
            primary: Some(primary),
            ..Diagnostic::nowhere(code, message)
        }
    }

    /// A diagnostic about no place in any file.
    pub fn nowhere(code: &'static Code, message: impl Into<Wording>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity,
            message: message.into(),
            primary: None,
            secondary: Vec::new(),
            help: None,
            law: None,
            notes: Vec::new(),
            fix: None,
            witness: None,
        }
    }

    /// A further place.
    #[must_use]
    pub fn with_label(mut self, label: Label) -> Diagnostic {
        self.secondary.push(label);
        self
    }

    /// Further places (none, for an empty iterator or `None`).
    #[must_use]
    pub fn with_labels(mut self, labels: impl IntoIterator<Item = Label>) -> Diagnostic {
        self.secondary.extend(labels);
        self
    }

    /// What to do.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Wording>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// A remark.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<Wording>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// A safe correction.
    #[must_use]
    pub fn with_fix(mut self, title: impl Into<Wording>, edits: Vec<Edit>) -> Diagnostic {
        self.fix = Some(Fix {
            title: title.into(),
            edits,
        });
        self
    }

    /// The application that demonstrates it.
    #[must_use]
    pub fn with_witness(mut self, witness: Witness) -> Diagnostic {
        self.witness = Some(Box::new(witness));
        self
    }

    /// Every label, the primary first.
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.primary.iter().chain(&self.secondary)
    }
}

/// Diagnostics of one run, with the files their labels point into.
#[derive(Clone, Default)]
pub struct Diagnostics {
    /// The files.
    pub sources: SourceMap,
    /// The diagnostics, in the order they were found.
    pub list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No diagnostics yet, about these files.
    pub fn new(sources: SourceMap) -> Diagnostics {
        Diagnostics {
            sources,
            list: Vec::new(),
        }
    }

    /// Diagnostics about no file at all (a folder that cannot be read).
    pub fn without_sources(list: Vec<Diagnostic>) -> Diagnostics {
        Diagnostics {
            sources: SourceMap::new(),
            list,
        }
    }

    /// Add one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.list.push(diagnostic);
    }

    /// Add many.
    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.list.extend(diagnostics);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|d| d.severity == Severity::Error)
    }

    /// How many errors.
    pub fn errors(&self) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// How many warnings.
    pub fn warnings(&self) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The file a label points into.
    pub fn file(&self, span: Span) -> Option<&SourceFile> {
        self.sources.get(span.file)
    }

    /// Every diagnostic.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.list.iter()
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl std::fmt::Debug for Diagnostics {
    /// As [`Display`](std::fmt::Display): the files' texts would drown the messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::fmt::Display for Diagnostics {
    /// One line per diagnostic, in English: `E0201 act `x` is not defined`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for d in &self.list {
            writeln!(f, "{} {}", d.code, d.message.get(crate::vocab::Lang::En))?;
        }
        Ok(())
    }
}
