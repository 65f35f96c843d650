//! Safe fixes: applying the edits of the findings that carry one ([`crate::diagnostic::Fix`])
//! to the rule files' texts. The command line verifies the result before it writes it (the
//! files must still compile to the same checker).

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Edit};
use crate::source::{SourceMap, Span};

/// `span` grown to the whole lines it is on, when nothing but blanks shares them: deleting
/// it then deletes those lines and their line break.
pub fn whole_lines(span: Span, sources: &SourceMap) -> Span {
    let Some(text) = sources.get(span.file).map(|f| &f.text) else {
        return span;
    };
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return span;
    };
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line_end = after.find('\n').map_or(text.len(), |i| span.end + i + 1);
    let alone = before[line_start..].trim().is_empty()
        && text
            .get(span.end..line_end)
            .is_some_and(|rest| rest.trim().is_empty());
    if alone {
        Span::new(span.file, line_start, line_end)
    } else {
        span
    }
}

/// The edits of every fix among `diagnostics`, by file; a fix whose edits overlap another
/// fix's is left out (it is applied by the next run, once the first is in).
pub fn edits_by_file(diagnostics: &[Diagnostic]) -> (BTreeMap<usize, Vec<Edit>>, usize) {
    let mut out: BTreeMap<usize, Vec<Edit>> = BTreeMap::new();
    let mut applied = 0;
    for fix in diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let overlaps = fix.edits.iter().any(|e| {
            out.get(&e.span.file).is_some_and(|taken| {
                taken
                    .iter()
                    .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
            })
        });
        if overlaps || fix.edits.is_empty() {
            continue;
        }
        for e in &fix.edits {
            out.entry(e.span.file).or_default().push(e.clone());
        }
        applied += 1;
    }
    (out, applied)
}

/// `text` with `edits` applied (none overlapping); `None` if an edit falls outside it or
/// inside a character.
pub fn apply(text: &str, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        out.push_str(text.get(at..e.span.start)?);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{apply, whole_lines};
    use crate::diagnostic::Edit;
    use crate::source::{SourceFile, SourceMap, Span};

    fn map(text: &str) -> SourceMap {
        let mut sources = SourceMap::new();
        sources.add(SourceFile::new("f", text));
        sources
    }

    #[test]
    fn a_clause_alone_on_its_lines_takes_them_with_it() {
        let text = "a {\n  allow x because \"y\"\n}\n";
        let start = text.find("allow").unwrap_or(0);
        let end = text.find("\"\n").map_or(0, |i| i + 1);
        let grown = whole_lines(Span::new(0, start, end), &map(text));
        assert_eq!(&text[grown.start..grown.end], "  allow x because \"y\"\n");
    }

    #[test]
    fn a_clause_sharing_its_line_takes_only_itself() {
        let text = "a { allow x because \"y\" }\n";
        let start = text.find("allow").unwrap_or(0);
        let span = Span::new(0, start, start + 5);
        assert_eq!(whole_lines(span, &map(text)), span);
    }

    #[test]
    fn edits_apply_in_place_order_and_outside_ones_are_refused() {
        let edit = |start, end, text: &str| Edit {
            span: Span::new(0, start, end),
            replacement: text.to_string(),
        };
        let text = "abcdef";
        assert_eq!(
            apply(text, &[edit(4, 5, "E"), edit(0, 1, ""), edit(2, 2, "+")]).as_deref(),
            Some("b+cdEf")
        );
        assert_eq!(apply(text, &[edit(3, 9, "")]), None);
        assert_eq!(apply("жы", &[edit(1, 2, "")]), None);
    }
}
