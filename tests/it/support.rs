//! Helpers the test modules share: finding rule files, and rendering phase errors as users
//! see them.

use std::path::{Path, PathBuf};

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

/// Every `.ereje` file under `dir`, recursively, sorted.
pub fn ereje_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "ereje") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A file as a source named by its path relative to the crate, so snapshots are portable.
pub fn load(path: &Path) -> SourceFile {
    let text = std::fs::read_to_string(path).expect("a readable rule file");
    let root = env!("CARGO_MANIFEST_DIR");
    let name = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    SourceFile::new(name, text)
}

/// What of `d` a reader of Russian or Kazakh would still read in English: its message, labels,
/// help, notes and fix title, each as `ru help: …` (names in backticks, numbers and signs
/// alone may read the same in every language).
pub fn english_left(d: &Diagnostic) -> Vec<String> {
    use ereje::vocab::Lang;
    let only_names = |text: &str| {
        text.split('`')
            .step_by(2)
            .all(|outside| !outside.chars().any(char::is_alphabetic))
    };
    let mut parts = vec![("message", &d.message)];
    parts.extend(
        d.labels()
            .filter_map(|l| l.text.as_ref())
            .map(|t| ("label", t)),
    );
    parts.extend(d.help.iter().map(|h| ("help", h)));
    parts.extend(d.notes.iter().map(|n| ("note", n)));
    parts.extend(d.fix.iter().map(|f| ("fix", &f.title)));
    let mut left = Vec::new();
    for (what, words) in parts {
        let en = words.get(Lang::En);
        for lang in [Lang::Ru, Lang::Kk] {
            if !words.is_translated(lang) || (words.get(lang) == en && !only_names(en)) {
                left.push(format!("{} {} {what}: {en}", d.code, lang.tag()));
            }
        }
    }
    left
}
