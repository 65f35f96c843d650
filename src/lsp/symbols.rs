//! The outline of a rule file (its declarations and, inside a service, its elements) and the
//! names of the whole workspace, for "go to symbol".

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolInformation, SymbolKind,
    WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use super::element::{self, Element};
use super::index::{Kind, Scope, Symbol};
use super::workspace::Snapshot;
use crate::vocab::Lang;

/// The outline of one file: acts, services and calendars, a service's elements inside it,
/// the steps of a view inside the view.
pub fn document(
    s: &Snapshot,
    lang: Lang,
    params: &DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let file = s.file_of(&params.text_document.uri)?;
    let in_file: Vec<(usize, &Symbol)> = s
        .index
        .symbols
        .iter()
        .enumerate()
        .filter(|(_, sym)| sym.span.file == file && sym.kind != Kind::Binding)
        .collect();
    let mut top = Vec::new();
    for (n, sym) in &in_file {
        if sym.scope != Scope::Global {
            continue;
        }
        let mut outer = node(s, sym, lang)?;
        if sym.kind == Kind::Service {
            let mut children = Vec::new();
            for (m, inner) in &in_file {
                let direct = matches!(inner.scope, Scope::Service(x) if x == *n)
                    || inner.scope == Scope::Process(*n, None);
                if !direct {
                    continue;
                }
                let Some(mut child) = node(s, inner, lang) else {
                    continue;
                };
                if inner.kind == Kind::View {
                    let view = view_number(s, *n, *m);
                    let steps: Vec<DocumentSymbol> = in_file
                        .iter()
                        .filter(|(_, st)| view.is_some() && st.scope == Scope::Process(*n, view))
                        .filter_map(|(_, st)| node(s, st, lang))
                        .collect();
                    child.children = (!steps.is_empty()).then_some(steps);
                }
                children.push(child);
            }
            children.extend(examples(s, sym));
            outer.children = Some(children);
        }
        top.push(outer);
    }
    Some(DocumentSymbolResponse::Nested(top))
}

/// The `example` blocks of a service, in the outline after its elements: an author runs
/// through them as through a list of test cases.
#[allow(
    deprecated,
    reason = "`deprecated` is a required field of the protocol's type"
)]
fn examples(s: &Snapshot, service: &Symbol) -> Vec<DocumentSymbol> {
    let declared = s
        .analysis
        .files
        .iter()
        .flat_map(|f| &f.decls)
        .find_map(|d| match d {
            crate::syntax::ast::Decl::Service(sv) if sv.span == service.full => Some(sv),
            _ => None,
        });
    declared
        .into_iter()
        .flat_map(|sv| &sv.examples)
        .filter_map(|e| {
            Some(DocumentSymbol {
                name: e.name.node.clone(),
                detail: Some(format!("example · expect {}", e.expect.node)),
                kind: SymbolKind::FUNCTION,
                tags: None,
                deprecated: None,
                range: s.range(e.span)?,
                selection_range: s.range(e.name.span)?,
                children: None,
            })
        })
        .collect()
}

/// Which view of service `service` the symbol `view` is (its place among the views).
fn view_number(s: &Snapshot, service: usize, view: usize) -> Option<usize> {
    s.index
        .symbols
        .iter()
        .enumerate()
        .filter(|(_, sym)| sym.kind == Kind::View && sym.scope == Scope::Service(service))
        .position(|(i, _)| i == view)
}

#[allow(
    deprecated,
    reason = "`deprecated` is a required field of the protocol's type"
)]
fn node(s: &Snapshot, sym: &Symbol, lang: Lang) -> Option<DocumentSymbol> {
    let detail = element::of(&s.analysis.files, sym)
        .as_ref()
        .and_then(Element::title)
        .and_then(|t| t.get(lang))
        .map(str::to_string);
    Some(DocumentSymbol {
        name: sym.name.clone(),
        detail: detail.or_else(|| Some(sym.kind.keyword().to_string())),
        kind: symbol_kind(sym.kind),
        tags: None,
        deprecated: None,
        range: s.range(sym.full)?,
        selection_range: s.range(sym.span)?,
        children: None,
    })
}

/// Every declared name of the workspace whose name holds the query (any case).
#[allow(
    deprecated,
    reason = "`deprecated` is a required field of the protocol's type"
)]
pub fn workspace(s: &Snapshot, params: &WorkspaceSymbolParams) -> WorkspaceSymbolResponse {
    let query = params.query.to_lowercase();
    let found = s
        .index
        .symbols
        .iter()
        .filter(|sym| sym.kind != Kind::Binding && sym.name.to_lowercase().contains(&query))
        .filter_map(|sym| {
            Some(SymbolInformation {
                name: sym.name.clone(),
                kind: symbol_kind(sym.kind),
                tags: None,
                deprecated: None,
                location: s.location(sym.span)?,
                container_name: sym
                    .service
                    .and_then(|n| s.index.symbols.get(n))
                    .map(|svc| svc.name.clone()),
            })
        })
        .collect();
    WorkspaceSymbolResponse::Flat(found)
}

/// The protocol's kind of symbol closest to each kind of element.
pub fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Act => SymbolKind::MODULE,
        Kind::Service => SymbolKind::CLASS,
        Kind::Calendar => SymbolKind::NAMESPACE,
        Kind::Channel | Kind::View => SymbolKind::INTERFACE,
        Kind::Actor => SymbolKind::OBJECT,
        Kind::Input => SymbolKind::FIELD,
        Kind::Let | Kind::Binding => SymbolKind::VARIABLE,
        Kind::Document => SymbolKind::STRUCT,
        Kind::Refusal => SymbolKind::EVENT,
        Kind::Step => SymbolKind::METHOD,
        Kind::Result => SymbolKind::CONSTANT,
    }
}
