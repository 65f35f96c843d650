//! Go to definition, find references and rename, over every rule file of the workspace.
//!
//! Rename refuses, saying why, to rename an identifier of the public catalogue (a service, an
//! input, a document, a refusal ground, a step): bundles and reports spell those names, so a
//! new name in the rules would break every intake system that sends or reads the old one. A
//! new name spelled like a keyword of the file's set must come in backticks, and each file
//! gets the name as its own set needs it (in backticks where it is a keyword there).

use std::collections::HashMap;

use lsp_server::ErrorCode;
use lsp_types::{
    GotoDefinitionParams, GotoDefinitionResponse, Location, PrepareRenameResponse, ReferenceParams,
    RenameParams, TextDocumentPositionParams, TextEdit, Url, WorkspaceEdit,
};

use super::index::Kind;
use super::workspace::Snapshot;
use crate::syntax::keywords::{self, Set};

/// The symbol at a position.
fn symbol_at(s: &Snapshot, at: &TextDocumentPositionParams) -> Option<usize> {
    let file = s.file_of(&at.text_document.uri)?;
    s.index.symbol_at(file, s.offset(file, at.position))
}

/// Where the name under the cursor is declared.
pub fn definition(s: &Snapshot, params: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let n = symbol_at(s, &params.text_document_position_params)?;
    let symbol = s.index.symbols.get(n)?;
    Some(GotoDefinitionResponse::Scalar(s.location(symbol.span)?))
}

/// Every place the name under the cursor is written (its declaration if asked).
pub fn references(s: &Snapshot, params: &ReferenceParams) -> Option<Vec<Location>> {
    let n = symbol_at(s, &params.text_document_position)?;
    let mut spans = s.index.occurrences(n);
    if !params.context.include_declaration {
        spans.remove(0);
    }
    Some(spans.into_iter().filter_map(|sp| s.location(sp)).collect())
}

/// Why a rename is refused.
type Refusal = (ErrorCode, String);

/// The range of the name to rename, or why it cannot be renamed.
pub fn prepare_rename(
    s: &Snapshot,
    at: &TextDocumentPositionParams,
) -> Result<PrepareRenameResponse, Refusal> {
    let n = symbol_at(s, at).ok_or_else(nothing_here)?;
    refuse_catalogue(s, n)?;
    let file = s.file_of(&at.text_document.uri).ok_or_else(nothing_here)?;
    let offset = s.offset(file, at.position);
    let span = s
        .index
        .occurrences(n)
        .into_iter()
        .find(|sp| sp.file == file && sp.start <= offset && offset <= sp.end)
        .ok_or_else(nothing_here)?;
    let range = s.range(span).ok_or_else(nothing_here)?;
    Ok(PrepareRenameResponse::Range(range))
}

/// The edits that rename the name under the cursor everywhere it is written.
pub fn rename(s: &Snapshot, params: RenameParams) -> Result<WorkspaceEdit, Refusal> {
    let n = symbol_at(s, &params.text_document_position).ok_or_else(nothing_here)?;
    refuse_catalogue(s, n)?;
    let asked = params.new_name;
    let bare = crate::syntax::keywords::bare(&asked);
    let Some(symbol) = s.index.symbols.get(n) else {
        return Err(nothing_here());
    };
    // only an act's id is dotted (`kz.mia.order_495`); a dot elsewhere reads as a path
    let dotted = symbol.kind == Kind::Act;
    if !is_name(&bare) || (asked != bare && !is_quoted(&asked)) || (!dotted && bare.contains('.')) {
        let how = if dotted {
            "letters, digits and `_`, not starting with a digit, parts joined by `.`"
        } else {
            "letters, digits and `_`, not starting with a digit"
        };
        return Err((
            ErrorCode::InvalidParams,
            format!(
                "`{asked}` is not a name of {} {}: {how}",
                article(symbol.kind),
                what(symbol.kind)
            ),
        ));
    }
    // two elements of one kind and scope with one name would be a duplicate (E0202)
    if let Some(other) = s
        .index
        .symbols
        .iter()
        .find(|o| o.kind == symbol.kind && o.scope == symbol.scope && o.name == bare)
    {
        if other.span == symbol.span {
            return Ok(WorkspaceEdit::new(HashMap::new()));
        }
        return Err((
            ErrorCode::RequestFailed,
            format!(
                "`{bare}` is already the name of another {} here; renaming `{}` to it would define it twice",
                what(other.kind),
                symbol.name
            ),
        ));
    }
    // a keyword of the file's set is a name only in backticks
    let head = bare.split('.').next().unwrap_or_default();
    let at = &params.text_document_position.text_document.uri;
    let set = s
        .file_of(at)
        .map_or(Set::En, |f| keywords::set_of(s.text(f)));
    let collides = keywords::is_keyword_of(head, set) || keywords::is_reserved(head);
    if collides && asked == bare {
        return Err((
            ErrorCode::InvalidParams,
            format!(
                "`{bare}` is a keyword of this file's set ({}): a name spelled so is written in backticks; rename to `` `{head}`{} `` to use it",
                set.tag(),
                bare.get(head.len()..).unwrap_or_default()
            ),
        ));
    }
    let mut changes: HashMap<Url, Vec<TextEdit>> = HashMap::new();
    for span in s.index.occurrences(n) {
        if let (Some(Some(uri)), Some(range)) = (s.uris.get(span.file), s.range(span)) {
            // each file writes the name as its own set needs
            let set = keywords::set_of(s.text(span.file));
            let quote = keywords::is_keyword_of(head, set) || keywords::is_reserved(head);
            let written = if quote {
                format!("`{head}`{}", bare.get(head.len()..).unwrap_or_default())
            } else {
                bare.clone()
            };
            changes
                .entry(uri.clone())
                .or_default()
                .push(TextEdit::new(range, written));
        }
    }
    Ok(WorkspaceEdit::new(changes))
}

fn refuse_catalogue(s: &Snapshot, n: usize) -> Result<(), Refusal> {
    let Some(symbol) = s.index.symbols.get(n) else {
        return Err(nothing_here());
    };
    if symbol.kind.is_catalogue() {
        return Err((
            ErrorCode::RequestFailed,
            format!(
                "`{}` is {} {} of the public catalogue: bundles and reports spell it, so renaming it in the rules would break every intake system that sends or reads it; it is not renamed",
                symbol.name,
                article(symbol.kind),
                what(symbol.kind)
            ),
        ));
    }
    Ok(())
}

/// `a` or `an` before [`what`] the kind is.
fn article(kind: Kind) -> &'static str {
    if what(kind).starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn what(kind: Kind) -> &'static str {
    match kind {
        Kind::Service => "service",
        Kind::Input => "input",
        Kind::Document => "document kind",
        Kind::Refusal => "refusal ground",
        Kind::Step => "step",
        Kind::Act => "act",
        Kind::Actor => "actor",
        Kind::Let => "`let`",
        Kind::Calendar => "calendar",
        Kind::Channel => "channel",
        Kind::Result => "result",
        Kind::View => "view",
        Kind::Binding => "name",
    }
}

fn nothing_here() -> Refusal {
    (
        ErrorCode::RequestFailed,
        "there is no name here to rename".to_string(),
    )
}

/// Whether `name` is a name whose first part is in backticks: `` `срок` ``, `` `срок`.x ``.
fn is_quoted(name: &str) -> bool {
    name.strip_prefix('`')
        .and_then(|rest| rest.split_once('`'))
        .is_some_and(|(_, after)| {
            !after.contains('`') && (after.is_empty() || after.starts_with('.'))
        })
}

/// Whether `name` can stand as a name (dotted for an act: `kz.mia.order_495`).
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || c == '_')
        })
}
