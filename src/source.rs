//! Source files and spans: every later phase points back into the text it came from.

mod lines;
mod read;

pub use lines::LineIndex;
pub use read::{MAX_RULE_FILE_BYTES, Unfit, read_bounded, read_text_bounded};

use std::sync::{Arc, OnceLock};

use miette::SourceSpan;

/// A rule file or a bundle, with its display name and full text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics (usually a path).
    pub name: String,
    /// The whole text.
    pub text: Arc<str>,
    /// The number human output gives the text's first line: 1, except for a bundle read from a
    /// line of an NDJSON file, whose snippets are numbered as the lines of that file. Places in
    /// JSON (`line_col`) count within the text.
    pub first_line: usize,
    /// Its lines, indexed on first use and shared by the clones.
    lines: Arc<OnceLock<LineIndex>>,
}

impl SourceFile {
    /// A source from a name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
            first_line: 1,
            lines: Arc::default(),
        }
    }

    /// The same source, its first line shown as line `line` (from 1).
    #[must_use]
    pub fn starting_at_line(mut self, line: usize) -> Self {
        self.first_line = line.max(1);
        self
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines().line_col(&self.text, offset)
    }

    /// Its lines, indexed once.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }
}

/// 1-based line and column (in characters) of a byte offset in `text`, for one offset: to
/// place many, index the text once with [`LineIndex`] (or use [`SourceFile::line_col`]).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Index of the file in its [`SourceMap`].
    pub file: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span of `file` from `start` to `end`.
    pub fn new(file: usize, start: usize, end: usize) -> Self {
        Self { file, start, end }
    }

    /// The span as miette's `SourceSpan`.
    pub fn source_span(self) -> SourceSpan {
        SourceSpan::new(self.start.into(), self.end.saturating_sub(self.start))
    }

    /// The smallest span that covers both.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub node: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Wrap `node` with `span`.
    pub fn new(node: T, span: Span) -> Self {
        Self { node, span }
    }
}

/// All rule files of one rule set; spans refer to them by index.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a file and return its index.
    pub fn add(&mut self, file: SourceFile) -> usize {
        self.files.push(file);
        self.files.len() - 1
    }

    /// The file a span points into.
    pub fn get(&self, index: usize) -> Option<&SourceFile> {
        self.files.get(index)
    }

    /// Every file, in the order they were added.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// `name:line` of a span, for citing a rule.
    pub fn location(&self, span: Span) -> String {
        match self.get(span.file) {
            Some(f) => format!("{}:{}", f.name, f.line_col(span.start).0),
            None => String::from("<unknown>"),
        }
    }
}
