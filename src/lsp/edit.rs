//! Changes to the text: the editor's edits applied to an open file (incremental sync), and
//! the changes the server proposes: the whole file in its canonical layout (`ereje fmt`) and
//! the linter's safe fixes as code actions.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, DocumentFormattingParams,
    TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
};

use super::position::Lines;
use super::workspace::Snapshot;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use crate::vocab::Lang;

/// Apply the editor's changes to `text`, in order: a change with a range replaces it, one
/// without replaces the whole text. A range past the end is clamped, as the protocol says.
pub fn apply(text: &mut String, changes: &[TextDocumentContentChangeEvent]) {
    for change in changes {
        match change.range {
            None => text.clone_from(&change.text),
            Some(range) => {
                let lines = Lines::new(text);
                let start = lines.offset(text, range.start);
                let end = lines.offset(text, range.end).max(start);
                text.replace_range(start..end, &change.text);
            }
        }
    }
}

/// The whole file in its canonical layout: one edit, or none when it is already so or does
/// not parse (a file with syntax errors is left as the author has it).
pub fn format(s: &Snapshot, params: &DocumentFormattingParams) -> Option<Vec<TextEdit>> {
    let file = s.file_of(&params.text_document.uri)?;
    let source = s.analysis.model.sources.get(file)?;
    let formatted =
        crate::fmt::format_source(&SourceFile::new(source.name.clone(), source.text.clone()))
            .ok()?;
    if formatted == *source.text {
        return Some(Vec::new());
    }
    let whole = s.range(crate::source::Span::new(file, 0, source.text.len()))?;
    Some(vec![TextEdit::new(whole, formatted)])
}

/// The safe fixes of the findings in the range asked about, each a quick fix, and all of the
/// file's fixes at once as `source.fixAll`.
pub fn code_actions(
    s: &Snapshot,
    lang: Lang,
    params: &CodeActionParams,
) -> Option<Vec<CodeActionOrCommand>> {
    let uri = &params.text_document.uri;
    let file = s.file_of(uri)?;
    let from = s.offset(file, params.range.start);
    let to = s.offset(file, params.range.end);
    let with_fix: Vec<&Diagnostic> = s
        .linted
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some())
        .filter(|d| d.primary.as_ref().is_some_and(|p| p.span.file == file))
        .collect();
    let mut actions = Vec::new();
    for d in &with_fix {
        let (Some(fix), Some(primary)) = (&d.fix, &d.primary) else {
            continue;
        };
        if primary.span.end < from || primary.span.start > to {
            continue;
        }
        let Some(edit) = workspace_edit(s, &fix.edits) else {
            continue;
        };
        let shown = s
            .range(primary.span)
            .map(|r| super::diagnostics::convert(d, r, s, lang));
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: fix.title.get(lang).to_string(),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: shown.map(|d| vec![d]),
            edit: Some(edit),
            is_preferred: Some(true),
            ..CodeAction::default()
        }));
    }
    let owned: Vec<Diagnostic> = with_fix.into_iter().cloned().collect();
    let (edits, applied) = crate::lint::fix::edits_by_file(&owned);
    // offered for one fix too: an editor's "fix all on save" asks for this kind only
    if applied > 0
        && let Some(edit) = edits.get(&file).and_then(|e| workspace_edit(s, e))
    {
        let title = match lang {
            Lang::En if applied == 1 => "Apply the safe fix of this file".to_string(),
            Lang::En => format!("Apply the {applied} safe fixes of this file"),
            Lang::Ru => format!("Применить безопасные исправления файла ({applied})"),
            Lang::Kk => format!("Файлдың қауіпсіз түзетулерін қолдану ({applied})"),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(edit),
            ..CodeAction::default()
        }));
    }
    Some(actions)
}

/// Edits of rule files as the protocol's workspace edit.
fn workspace_edit(s: &Snapshot, edits: &[crate::diagnostic::Edit]) -> Option<WorkspaceEdit> {
    let mut changes: HashMap<lsp_types::Url, Vec<TextEdit>> = HashMap::new();
    for e in edits {
        let uri = s.uris.get(e.span.file)?.clone()?;
        changes
            .entry(uri)
            .or_default()
            .push(TextEdit::new(s.range(e.span)?, e.replacement.clone()));
    }
    Some(WorkspaceEdit::new(changes))
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;

    fn change(range: Option<Range>, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_string(),
        }
    }

    #[test]
    fn edits_apply_in_order_in_utf16_columns() {
        let mut text = "title kk \"Қазақ\"\nend".to_string();
        let r = |a: (u32, u32), b: (u32, u32)| {
            Some(Range::new(Position::new(a.0, a.1), Position::new(b.0, b.1)))
        };
        // replace «Қазақ» (columns 10 to 15) and then add to the second line
        apply(
            &mut text,
            &[
                change(r((0, 10), (0, 15)), "Ресей"),
                change(r((1, 3), (1, 3)), "!"),
            ],
        );
        assert_eq!(text, "title kk \"Ресей\"\nend!");
        // a range past the end is clamped; a change without one replaces everything
        apply(&mut text, &[change(r((9, 0), (9, 9)), " x")]);
        assert_eq!(text, "title kk \"Ресей\"\nend! x");
        apply(&mut text, &[change(None, "new")]);
        assert_eq!(text, "new");
        // an end before the start deletes nothing
        apply(&mut text, &[change(r((0, 2), (0, 1)), "w")]);
        assert_eq!(text, "neww");
    }
}
