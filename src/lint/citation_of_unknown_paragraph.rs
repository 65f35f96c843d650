//! `citation-of-unknown-paragraph`: a citation of a paragraph the act's numbering does not have.

use std::collections::HashMap;

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use super::words::{Case, Part};
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a citation (`§ 14`, `§ 9(2)`, `§ kz.law.migration art. 49(4)`) whose paragraph
    /// is not in the `paragraphs` list recorded for the act or annex it points into. Acts
    /// and annexes with no list recorded are not checked.
    ///
    /// ## Why it matters
    /// A citation is how a finding tells the applicant which rule it applies. A paragraph
    /// the act does not have is a typo that makes the finding unverifiable, and often hides
    /// that the rule cites the wrong act or annex.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 1 paragraphs 1, 2, 3
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 4
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    ///   annex 1 paragraphs 1, 2, 3
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 3
    /// }
    /// ```
    pub static CITATION_OF_UNKNOWN_PARAGRAPH = codes::CITATION_OF_UNKNOWN_PARAGRAPH, Warn, check;
}

/// The paragraph a citation names, without its items and its `art.`: `9` of `9(2)`.
fn paragraph(cited: &str) -> &str {
    let p = cited.trim();
    let p = p
        .strip_prefix("art.")
        .or_else(|| p.strip_prefix("art"))
        .unwrap_or(p)
        .trim_start();
    p.split('(').next().unwrap_or(p).trim()
}

fn check(cx: &mut Context<'_>) {
    let mut lists: HashMap<(&str, Option<u32>), Vec<&str>> = HashMap::new();
    for (name, act) in &cx.model().acts {
        for list in &act.decl.paragraphs {
            lists
                .entry((name.as_str(), list.annex.as_ref().map(|a| a.node)))
                .or_default()
                .extend(list.entries.iter().map(|(n, _)| n.node.as_str()));
        }
    }
    if lists.is_empty() {
        return;
    }
    for el in elements(cx.files()) {
        for (act, annex, c) in el.citations() {
            let Some(known) = lists.get(&(act, annex)) else {
                continue;
            };
            let p = paragraph(&c.paragraph);
            if known.contains(&p) {
                continue;
            }
            let whose = Part {
                act,
                annex,
                of: None,
            };
            let near = crate::suggest::suggest(p, known.iter().copied());
            let mut d = cx
                .finding(
                    Wording::new(
                        format!("{} has no paragraph {p}", whose.en()),
                        format!("в {} нет пункта {p}", whose.ru(Case::Prepositional)),
                        format!("{}: {p}-тармақ жоқ", whose.kk()),
                    ),
                    Label::new(
                        c.span,
                        Wording::new("cited here", "ссылка здесь", "сілтеме осында"),
                    ),
                )
                .with_help({
                    let numbering = known.join(", ");
                    Wording::new(
                        format!("cite a paragraph the text has (its numbering: {numbering}), or the act or annex the paragraph is in"),
                        format!("сошлитесь на пункт, который в тексте есть (его нумерация: {numbering}), или на акт либо приложение, в котором этот пункт находится"),
                        format!("мәтінде бар тармаққа (оның нөмірленуі: {numbering}) немесе тармақ тұрған актіге не қосымшаға сілтеме жасаңыз"),
                    )
                });
            if let Some(n) = near {
                d = d.with_note(Wording::new(
                    format!("did you mean § {n}?"),
                    format!("возможно, имелось в виду § {n}?"),
                    format!("§ {n} деп жазғыңыз келді ме?"),
                ));
            }
            cx.emit(d);
        }
    }
}
