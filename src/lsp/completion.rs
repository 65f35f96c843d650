//! Completion: what may be written where the cursor is. The context is read from the text
//! before the cursor (the words that open the clause), because mid-edit the clause itself does
//! not parse yet: act ids after `§` and the clauses that name an act, actors after a step's
//! `by`, steps after `after`, document kinds after `has document`, the enum values of the
//! input compared, document fields inside a `document`, lint names after `allow`; otherwise
//! keywords and the names in scope.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
    MarkupContent, MarkupKind,
};

use super::element::{self, Element};
use super::index::{Kind, Scope};
use super::workspace::Snapshot;
use crate::semantic::model::DocField;
use crate::syntax::ast::{self, TypeExpr};
use crate::syntax::keywords::Set;
use crate::vocab::Lang;

/// What may be written at the cursor.
pub fn complete(s: &Snapshot, lang: Lang, params: &CompletionParams) -> Option<CompletionResponse> {
    let at = &params.text_document_position;
    let file = s.file_of(&at.text_document.uri)?;
    let offset = s.offset(file, at.position);
    let text = s.text(file);
    let before = text.get(..offset)?;
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    // the word being typed, and the words before it
    let typed_from = line
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '.' || *c == '-')
        .last()
        .map_or(line.len(), |(i, _)| i);
    let head = line[..typed_from].trim_end();
    let service = s.index.service_at(file, offset);
    // keywords of every set read as English ones
    let words: Vec<&str> = head
        .split_whitespace()
        .map(crate::syntax::keywords::english)
        .collect();
    let last = words.last().copied().unwrap_or("");
    let previous = words
        .len()
        .checked_sub(2)
        .and_then(|i| words.get(i))
        .copied();
    let items = if last == "allow" {
        lints()
    } else if last == "§"
        || matches!(last, "to" if previous == Some("refers"))
        || matches!(last, "by" if matches!(previous, Some("amended" | "repealed" | "excluded")))
        || matches!(last, "from" if previous == Some("wording"))
        || matches!(last, "since" | "until" | "act" | "standard")
            && !words.is_empty()
            && words[0] != "act"
    {
        let mut acts = names(s, Kind::Act, None, lang);
        if last == "§" && service.is_some() {
            acts.push(plain(
                "standard",
                CompletionItemKind::KEYWORD,
                "a paragraph of the standard the service implements",
            ));
        }
        acts
    } else if last == "by" || (last.ends_with(',') && words.contains(&"by")) {
        names(s, Kind::Actor, service, lang)
    } else if last == "after"
        || (last == "with" && previous == Some("parallel"))
        || (last == "to" && previous == Some("maps"))
    {
        let mut steps = names(s, Kind::Step, service, lang);
        steps.push(plain(
            "submitted_at",
            CompletionItemKind::EVENT,
            "the application's submission",
        ));
        steps
    } else if last == "document" && previous == Some("has") {
        names(s, Kind::Document, service, lang)
    } else if last == "calendar" && service.is_some() {
        names(s, Kind::Calendar, None, lang)
    } else if last == "produces" {
        names(s, Kind::Result, service, lang)
    } else if let Some(values) = compared_values(s, service, head) {
        values
    } else {
        let mut all = keywords(crate::syntax::keywords::set_of(text));
        if let Some(n) = service {
            for kind in [Kind::Input, Kind::Let] {
                all.extend(names(s, kind, Some(n), lang));
            }
            if in_document(s, file, offset) {
                all.extend(DocField::ALL.iter().map(|f| {
                    plain(
                        f.name(),
                        CompletionItemKind::FIELD,
                        "a field of the document",
                    )
                }));
                all.push(plain(
                    "submitted_on",
                    CompletionItemKind::FIELD,
                    "the day of submission",
                ));
            }
        }
        all
    };
    // each item replaces the word typed so far, dots included: an editor that breaks words
    // at `.` would otherwise insert `kz.mia.` again before `kz.mia.order_495`
    let typed = crate::source::Span::new(file, before.len() - line.len() + typed_from, offset);
    let items = match s.range(typed) {
        Some(range) => items
            .into_iter()
            .map(|mut item| {
                let text = item
                    .insert_text
                    .take()
                    .unwrap_or_else(|| item.label.clone());
                item.text_edit = Some(lsp_types::CompletionTextEdit::Edit(
                    lsp_types::TextEdit::new(range, text),
                ));
                item
            })
            .collect(),
        None => items,
    };
    Some(CompletionResponse::Array(items))
}

fn plain(label: &str, kind: CompletionItemKind, detail: &str) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail.to_string()),
        ..CompletionItem::default()
    }
}

/// The names of a kind visible from a service, with their titles.
fn names(s: &Snapshot, kind: Kind, service: Option<usize>, lang: Lang) -> Vec<CompletionItem> {
    let mut seen = std::collections::BTreeSet::new();
    s.index
        .visible(kind, service)
        .filter(|sym| {
            // a view's steps are named inside the view; the process's are the ones to offer
            !matches!(sym.scope, Scope::Process(_, Some(_))) && seen.insert(sym.name.clone())
        })
        .map(|sym| {
            let title = element::of(&s.analysis.files, sym)
                .as_ref()
                .and_then(Element::title)
                .and_then(|t| t.get(lang))
                .map(str::to_string);
            CompletionItem {
                label: sym.name.clone(),
                kind: Some(item_kind(kind)),
                detail: Some(title.unwrap_or_else(|| kind.keyword().to_string())),
                ..CompletionItem::default()
            }
        })
        .collect()
}

fn item_kind(kind: Kind) -> CompletionItemKind {
    match kind {
        Kind::Act | Kind::Calendar => CompletionItemKind::MODULE,
        Kind::Service => CompletionItemKind::CLASS,
        Kind::Actor => CompletionItemKind::VALUE,
        Kind::Input | Kind::Channel => CompletionItemKind::FIELD,
        Kind::Let | Kind::Binding => CompletionItemKind::VARIABLE,
        Kind::Document => CompletionItemKind::STRUCT,
        Kind::Refusal => CompletionItemKind::EVENT,
        Kind::Step => CompletionItemKind::METHOD,
        Kind::View => CompletionItemKind::INTERFACE,
        Kind::Result => CompletionItemKind::CONSTANT,
    }
}

/// Every lint, with its page.
fn lints() -> Vec<CompletionItem> {
    crate::lint::LINTS
        .iter()
        .map(|l| CompletionItem {
            label: l.code.name.to_string(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: Some(format!("{} · {}", l.code.code, l.code.summary)),
            documentation: Some(Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: crate::lint::docs::page(l),
            })),
            ..CompletionItem::default()
        })
        .collect()
}

/// The keywords of `sets`, from the keyword table (which a test holds to the grammar's `kw_*`
/// rules): words only, without the `art.` that ends in a dot.
pub fn keyword_words(sets: &[Set]) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = crate::syntax::keywords::TABLE
        .iter()
        .flat_map(|k| sets.iter().flat_map(|s| k.spellings(*s).iter().copied()))
        .filter(|w| w.chars().all(|c| c.is_alphabetic() || c == '_'))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The keywords of the file's set, with their gloss.
fn keywords(set: Set) -> Vec<CompletionItem> {
    keyword_words(&[set])
        .into_iter()
        .map(|w| {
            let gloss = crate::syntax::keywords::of_word(w).map_or("keyword", |k| k.gloss);
            plain(w, CompletionItemKind::KEYWORD, gloss)
        })
        .collect()
}

/// Whether the cursor is inside a `document` block.
fn in_document(s: &Snapshot, file: usize, offset: usize) -> bool {
    s.index.symbols.iter().any(|sym| {
        sym.kind == Kind::Document
            && sym.full.file == file
            && sym.full.start <= offset
            && offset <= sym.full.end
    })
}

/// The values of the enum or set compared just before the cursor: `PATH ==`, `PATH !=`,
/// `PATH in (…`, `PATH has_any (…`, `PATH has`.
fn compared_values(
    s: &Snapshot,
    service: Option<usize>,
    head: &str,
) -> Option<Vec<CompletionItem>> {
    let service = service?;
    let head = head.trim_end_matches(|c: char| c == ',' || c == '(' || c.is_whitespace());
    // in a list, step back over the values written already
    let head = match head.rfind(['(']) {
        Some(open) if !head[open..].contains(')') => head[..open].trim_end(),
        _ => head,
    };
    let mut words = head.rsplitn(2, char::is_whitespace);
    let op = words.next()?;
    if !matches!(op, "==" | "!=" | "in" | "has_any" | "has") {
        return None;
    }
    let path = words.next()?.split_whitespace().last()?;
    let ty = input_type(s, service, path)?;
    let (TypeExpr::Enum(values) | TypeExpr::Set(values)) = ty else {
        return None;
    };
    Some(
        values
            .iter()
            .map(|v| plain(&v.node, CompletionItemKind::ENUM_MEMBER, path))
            .collect(),
    )
}

/// The type of an input of the service, or of a field of a list input (`child.citizenship`
/// through the bound name, `applicant.children.citizenship` through the list).
fn input_type<'a>(s: &'a Snapshot, service: usize, path: &str) -> Option<&'a TypeExpr> {
    let inputs: Vec<&ast::Input> = s
        .index
        .visible(Kind::Input, Some(service))
        .filter_map(|sym| match element::of(&s.analysis.files, sym)? {
            Element::Input(i) => Some(i),
            _ => None,
        })
        .collect();
    if let Some(i) = inputs.iter().find(|i| i.path.node == path) {
        return Some(&i.ty.node);
    }
    let (head, field) = path.rsplit_once('.')?;
    let list = inputs
        .iter()
        .find(|i| i.path.node == head)
        .copied()
        .or_else(|| {
            // a bound name: the list it ranges over
            let b = s.index.symbols.iter().find(|sym| {
                sym.kind == Kind::Binding && sym.name == head && sym.service == Some(service)
            })?;
            let over = s
                .index
                .uses
                .iter()
                .filter(|u| {
                    u.span.file == b.full.file
                        && b.full.start <= u.span.start
                        && u.span.end <= b.full.end
                })
                .find_map(|u| {
                    let sym = s.index.symbols.get(u.symbol)?;
                    (sym.kind == Kind::Input).then_some(sym)
                })?;
            inputs.iter().find(|i| i.path.node == over.name).copied()
        })?;
    match &list.ty.node {
        TypeExpr::List(fields) => fields
            .iter()
            .find(|f| f.name.node == field)
            .map(|f| &f.ty.node),
        _ => None,
    }
}
