//! A finding's identity that survives edits elsewhere in its file: a hash of its code, its
//! file, the text under its primary place and its message, never of its line or column. A
//! baseline matches findings by it, and SARIF gives it to code scanning, so that a finding
//! stays the same finding when lines above it are added or removed.

use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::vocab::Lang;

/// The fingerprint of a finding: 32 hexadecimal digits. Blanks inside the text under the
/// primary place count as one space, so re-indenting an element keeps its findings; the
/// message is taken in English, so the language of a run does not change it.
pub fn of(d: &Diagnostic, sources: &SourceMap) -> String {
    let mut hasher = Sha256::new();
    hasher.update(d.code.code.as_bytes());
    hasher.update([0]);
    let primary = d
        .primary
        .as_ref()
        .and_then(|l| Some((sources.get(l.span.file)?, l.span)));
    if let Some((file, span)) = primary {
        hasher.update(file_key(&file.name).as_bytes());
        hasher.update([0]);
        let text = file.text.get(span.start..span.end).unwrap_or("");
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
    }
    hasher.update([0]);
    hasher.update(d.message.get(Lang::En).as_bytes());
    let digest = hasher.finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// A file's name as fingerprints and baselines record it: forward slashes, without a leading
/// `./`, so that `./rules\a.ereje` and `rules/a.ereje` are one file.
pub fn file_key(name: &str) -> String {
    let name = name.replace('\\', "/");
    let mut rest = name.as_str();
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;
    use crate::source::{SourceFile, Span};

    fn finding(text: &str, start: usize, end: usize) -> (Diagnostic, SourceMap) {
        let mut sources = SourceMap::new();
        let file = sources.add(SourceFile::new("./rules/a.ereje", text));
        let d = Diagnostic::new(
            &crate::codes::UNREADABLE_RULE_FILES,
            "something",
            Label::bare(Span::new(file, start, end)),
        );
        (d, sources)
    }

    #[test]
    fn lines_above_and_indentation_do_not_change_a_fingerprint() {
        let (a, sa) = finding("step x {\n  within 5 days\n}", 11, 24);
        let (b, sb) = finding("\n\n\nstep x {\n      within   5 days\n}", 18, 35);
        assert_eq!(&sa.files()[0].text[11..24], "within 5 days");
        assert_eq!(&sb.files()[0].text[18..35], "within   5 days\n}");
        let (c, sc) = finding("\n\n\nstep x {\n      within   5 days\n}", 18, 33);
        assert_eq!(of(&a, &sa), of(&c, &sc));
        assert_ne!(of(&a, &sa), of(&b, &sb), "other text, other finding");
        assert_eq!(of(&a, &sa).len(), 32);
    }

    #[test]
    fn a_file_is_one_file_however_its_name_is_written() {
        assert_eq!(file_key("./rules\\kz/a.ereje"), "rules/kz/a.ereje");
        assert_eq!(file_key("rules/a.ereje"), "rules/a.ereje");
    }
}
