//! `non-canonical-citation`: a citation that names the service's own act or standard in full.

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::{Edit, Label};
use crate::syntax::ast::CiteTarget;
use crate::vocab::Wording;

declare_lint! {
    /// Finds, inside a service, a citation whose target is written out although it is the
    /// service's own act and annex (`§ kz.example.order_1 annex 1 9(2)` for `§ 9(2)`) or its
    /// standard (`§ kz.example.order_2 annex 1 4` or `§ standard annex 1 4` for
    /// `§ standard 4`). The fix writes the short form, which cites the same paragraph.
    ///
    /// ## Why it matters
    /// The short forms say what the reader needs: "this service's act" or "its standard".
    /// A target written in full reads as a reference to some other act, hides which
    /// citations move together when the service is re-based on a new order, and makes the
    /// same paragraph look like two (`duplicate-citation` compares citations as written).
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § kz.example.order_1 annex 1 9(2) }
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § 9(2) § kz.example.order_1 annex 2 4 }
    /// }
    /// ```
    pub static NON_CANONICAL_CITATION = codes::NON_CANONICAL_CITATION, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        let Some(service) = el.service else { continue };
        let own = service.act.as_ref().map(|(a, n)| (a.node.as_str(), *n));
        let standard = service
            .standard
            .as_ref()
            .map(|(a, n)| (a.node.as_str(), *n));
        for c in &el.provenance.citations {
            let short = match &c.target {
                CiteTarget::Act(act, annex) if own == Some((act.node.as_str(), *annex)) => {
                    format!("§ {}", c.paragraph)
                }
                CiteTarget::Act(act, annex) if standard == Some((act.node.as_str(), *annex)) => {
                    format!("§ standard {}", c.paragraph)
                }
                CiteTarget::Standard(Some(n)) if standard.is_some_and(|(_, m)| m == Some(*n)) => {
                    format!("§ standard {}", c.paragraph)
                }
                _ => continue,
            };
            // in the file's own keywords (`§ стандарт 4`, `§ бап 5`)
            let short = crate::syntax::keywords::code_in_set(&short, cx.keywords_of(c.span));
            let span = cx.trimmed(c.span);
            let d = cx
                .finding(
                    Wording::new(
                        format!("this citation can be written `{short}`"),
                        format!("эту ссылку можно записать как `{short}`"),
                        format!("бұл сілтемені `{short}` деп жазуға болады"),
                    ),
                    Label::new(
                        span,
                        Wording::new(
                            "target written in full",
                            "объект ссылки записан полностью",
                            "сілтеме нысаны толық жазылған",
                        ),
                    ),
                )
                .with_help(Wording::new(
                    format!("write `{short}`: it cites the same paragraph of the act the service declares"),
                    format!("напишите `{short}`: это ссылка на тот же пункт акта, указанного в услуге"),
                    format!("`{short}` деп жазыңыз: бұл қызметте көрсетілген актінің сол тармағына сілтеме"),
                ))
                .with_fix(
                    Wording::new(
                        format!("write `{short}`"),
                        format!("напишите `{short}`"),
                        format!("`{short}` деп жазыңыз"),
                    ),
                    vec![Edit {
                        span,
                        replacement: short.clone(),
                    }],
                );
            cx.emit(d);
        }
    }
}
