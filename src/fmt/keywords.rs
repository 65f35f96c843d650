//! `fmt --keywords`: a rule file rewritten from its set of keywords into another, word for
//! word. Only keyword tokens, the directive line and the backticks of names change; comments,
//! texts, blank lines and every other byte stay as they were (the layout is the formatter's
//! business, which runs after).
//!
//! Backticks: in the rewritten file a name is written in backticks when it is spelled like a
//! keyword of the new set (so that a reader of that set does not take it for the keyword), or
//! like a reserved word of any set (the grammar needs them there); other backticks are
//! removed. Names where no keyword can stand are left as they are: a call's argument names
//! (`on:`), types (`number`), values (`one_of(…)`, `in (…)`, `has …`), the fields after
//! `personal` and the names after `kind`, `as`, `expect`, `weekend` and `counting`. A file whose backticks already follow this rule
//! in its own set translates to another set and back to the same text.

use crate::syntax::cst::{Cst, Element, Node, TokenKind};
use crate::syntax::keywords::{self, Directive, Set};
use crate::syntax::parser::Rule;

/// `cst`'s text with its keywords in `set`, its directive saying so, and its names' backticks
/// as the rule above has them.
pub(crate) fn translate(cst: &Cst<'_>, set: Set) -> String {
    let mut out = String::with_capacity(cst.text.len() + 32);
    let directive = Directive::of(cst.text);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    collect(cst, &cst.root, set, &mut edits);
    // the directive: replaced, removed (English) or added
    match (&directive, keywords::directive_line(set)) {
        (Directive::Absent, Some(line)) => edits.push((0, 0, format!("{line}\n"))),
        (Directive::Absent, None) => {}
        (Directive::Set(..) | Directive::Unknown(..), line) => {
            let bom = if cst.text.starts_with('\u{feff}') {
                3
            } else {
                0
            };
            let end = cst.text.find('\n').map_or(cst.text.len(), |i| i + 1);
            let replacement = line.map_or_else(String::new, |l| format!("{l}\n"));
            edits.push((bom, end, replacement));
        }
    }
    // an insertion at a token's start goes before the token's own edit
    edits.sort_by_key(|e| (e.0, e.1));
    let mut at = 0;
    for (start, end, text) in edits {
        if start < at {
            continue;
        }
        out.push_str(cst.text.get(at..start).unwrap_or(""));
        out.push_str(&text);
        at = end;
    }
    out.push_str(cst.text.get(at..).unwrap_or(""));
    out
}

/// Parents whose names are not where a keyword can stand: their backticks stay as written.
fn names_left_alone(parent: Rule) -> bool {
    matches!(
        parent,
        Rule::call_arg
            | Rule::call
            | Rule::type_expr
            | Rule::field_decl
            | Rule::enum_type
            | Rule::set_type
            | Rule::literal_value
            | Rule::act_kind
            | Rule::annex_kind
            | Rule::example_decl
            | Rule::weekend_clause
            | Rule::counting_clause
            | Rule::refers_clause
            | Rule::personal_clause
    )
}

fn collect(cst: &Cst<'_>, node: &Node, set: Set, edits: &mut Vec<(usize, usize, String)>) {
    for child in &node.children {
        match child {
            Element::Node(n) => collect(cst, n, set, edits),
            Element::Token(t) => {
                let TokenKind::Leaf(rule) = t.kind else {
                    continue;
                };
                let text = cst.text_of(t);
                let replacement = match rule {
                    Rule::para_ref => article(text, set),
                    Rule::ident | Rule::path if !names_left_alone(node.rule) => name(text, set),
                    _ => keywords::of_rule(rule).map(|k| k.translate(text, set).to_string()),
                };
                if let Some(r) = replacement.filter(|r| r != text) {
                    edits.push((t.start, t.end, r));
                }
            }
        }
    }
}

/// A paragraph reference with its `art.` in `set`.
fn article(text: &str, set: Set) -> Option<String> {
    let keyword = keywords::of_word("art.")?;
    let mut spellings: Vec<&str> = Set::ALL.map(|s| keyword.spellings(s)).concat();
    spellings.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let written = spellings.into_iter().find(|w| text.starts_with(*w))?;
    let rest = text.get(written.len()..)?;
    Some(format!("{}{rest}", keyword.translate(written, set)))
}

/// A name or a dotted name, its first part in backticks or not by the rule of the module.
fn name(text: &str, set: Set) -> Option<String> {
    let (first, rest) = if let Some(quoted) = text.strip_prefix('`') {
        let close = quoted.find('`')?;
        (quoted.get(..close)?, quoted.get(close + 1..)?)
    } else {
        let end = text.find('.').unwrap_or(text.len());
        (text.get(..end)?, text.get(end..)?)
    };
    let quote = keywords::is_keyword_of(first, set) || keywords::is_reserved(first);
    Some(if quote {
        format!("`{first}`{rest}")
    } else {
        format!("{first}{rest}")
    })
}
