//! `citation-of-unknown-annex`: a citation of an annex that the act's record does not have.

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::source::Span;
use crate::syntax::ast::{CiteTarget, Decl};
use crate::vocab::Wording;

declare_lint! {
    /// Finds a citation (or a service's `act … annex N`, `standard … annex N`) of an annex
    /// that the cited act's record does not list, when the record lists its annexes.
    ///
    /// ## Why it matters
    /// An act's annexes are its regulations and standards: citing an annex it does not have
    /// points the reader at nothing, and is most often a wrong number, which silently
    /// attaches a rule to another regulation.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   annex 1 "the regulation"
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 2
    ///   timezone "Asia/Almaty"
    ///   § 1
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
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    /// }
    /// ```
    pub static CITATION_OF_UNKNOWN_ANNEX = codes::CITATION_OF_UNKNOWN_ANNEX, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    let mut cited: Vec<(&str, u32, Span)> = Vec::new();
    for file in cx.files() {
        for decl in &file.decls {
            if let Decl::Service(s) = decl {
                for (act, annex) in s.act.iter().chain(&s.standard) {
                    if let Some(n) = annex {
                        cited.push((&act.node, *n, act.span));
                    }
                }
            }
        }
    }
    for el in elements(cx.files()) {
        for (act, annex, c) in el.citations() {
            // a citation without an annex of its own takes the service's, reported there
            let own = match &c.target {
                CiteTarget::Own | CiteTarget::Standard(None) => true,
                CiteTarget::Standard(Some(_)) | CiteTarget::Act(..) => false,
            };
            if let Some(n) = annex
                && !own
            {
                cited.push((act, n, c.span));
            }
        }
    }
    for (act, n, span) in cited {
        let Some(info) = cx.model().acts.get(act) else {
            continue;
        };
        // an annex's own annexes (`annex 2 of annex 1`) are not the act's
        let annexes: Vec<_> = info
            .decl
            .annexes
            .iter()
            .filter(|a| a.of.is_none())
            .collect();
        if annexes.is_empty() || annexes.iter().any(|a| a.number.node == n) {
            continue;
        }
        let listed: Vec<String> = annexes.iter().map(|a| a.number.node.to_string()).collect();
        let d = cx
            .finding(
                Wording::new(
                    format!("act `{act}` has no annex {n}"),
                    format!("в акте `{act}` нет приложения {n}"),
                    format!("`{act}` актісінде {n}-қосымша жоқ"),
                ),
                Label::new(
                    span,
                    Wording::new(
                        format!("annex {n} cited"),
                        format!("ссылка на приложение {n}"),
                        format!("{n}-қосымшаға сілтеме"),
                    ),
                ),
            )
            .with_label(Label::new(info.decl.name.span, {
                let listed = listed.join(", ");
                Wording::new(
                    format!("its record lists annexes {listed}"),
                    format!("в его записи приложения {listed}"),
                    format!("оның жазбасында {listed}-қосымшалар бар"),
                )
            }))
            .with_help(Wording::new(
                "cite an annex the act has, or add the annex to the act's record (`annex N \"title\"`)",
                "сошлитесь на приложение, которое в акте есть, или добавьте приложение в запись акта (`annex N \"title\"`)",
                "актіде бар қосымшаға сілтеме жасаңыз немесе қосымшаны актінің жазбасына қосыңыз (`annex N \"title\"`)",
            ));
        cx.emit(d);
    }
}
