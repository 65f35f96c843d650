//! `duplicate-citation`: the same paragraph cited twice on one element.

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::{Edit, Label};
use crate::syntax::ast::CiteTarget;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an element that cites the same paragraph of the same act twice, however the
    /// act is written: `§ 9(2)` and the service's own act and annex in full
    /// (`§ kz.example.order_1 annex 1 9(2)`) are one paragraph, as are `§ standard 4` and the
    /// standard in full.
    ///
    /// ## Why it matters
    /// A repeated citation is usually a copy that was meant to be changed: another paragraph
    /// was meant, and the element now misses its real source.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § 9(2) § 9(2) }
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
    ///   document passport { required always § 9(2) § 9(3) }
    /// }
    /// ```
    pub static DUPLICATE_CITATION = codes::DUPLICATE_CITATION, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        let mut seen = std::collections::HashMap::new();
        // the service's own act and standard key alike however they are written
        let own = el
            .service
            .and_then(|s| s.act.as_ref())
            .map(|(a, n)| (a.node.as_str(), *n));
        let standard = el
            .service
            .and_then(|s| s.standard.as_ref())
            .map(|(a, n)| (a.node.as_str(), *n));
        for c in &el.provenance.citations {
            let key = (target_key(&c.target, own, standard), c.paragraph.as_str());
            let Some(first) = seen.get(&key).copied() else {
                seen.insert(key, c.span);
                continue;
            };
            // named as the first is written: `§ standard 10(2)`, not `§ 10(2)`
            let cited = cx.source_text(cx.trimmed(first));
            let cited = cited.split_whitespace().collect::<Vec<_>>().join(" ");
            let d = cx
                .finding(
                    Wording::new(
                        format!("{cited} is cited twice"),
                        format!("{cited} указан дважды"),
                        format!("{cited} екі рет көрсетілген"),
                    ),
                    Label::new(c.span, super::words::again_here()),
                )
                .with_label(Label::new(first, super::words::first_here()))
                .with_help(Wording::new(
                    "remove the repeated citation, or cite the paragraph that was meant",
                    "удалите повторную ссылку или сошлитесь на тот пункт, который имелся в виду",
                    "қайталанған сілтемені алып тастаңыз немесе көзделген тармаққа сілтеме жасаңыз",
                ))
                .with_fix(
                    Wording::new(
                        "remove the repeated citation",
                        "удалите повторную ссылку",
                        "қайталанған сілтемені алып тастаңыз",
                    ),
                    vec![Edit {
                        // a citation alone on its line goes with its line
                        span: {
                            let alone = cx.trimmed(c.span);
                            let lines = super::fix::whole_lines(alone, &cx.model().sources);
                            if lines == alone {
                                cx.with_blank_before(c.span)
                            } else {
                                lines
                            }
                        },
                        replacement: String::new(),
                    }],
                );
            cx.emit(d);
        }
    }
}

/// The act a citation points into, as a key: `""` for the service's own act, `standard
/// None` for its standard, written in short or in full.
fn target_key(
    t: &CiteTarget,
    own: Option<(&str, Option<u32>)>,
    standard: Option<(&str, Option<u32>)>,
) -> String {
    match t {
        CiteTarget::Own => String::new(),
        CiteTarget::Act(act, annex) if own == Some((act.node.as_str(), *annex)) => String::new(),
        CiteTarget::Act(act, annex) if standard == Some((act.node.as_str(), *annex)) => {
            format!("standard {:?}", None::<u32>)
        }
        CiteTarget::Standard(Some(n)) if standard.is_some_and(|(_, m)| m == Some(*n)) => {
            format!("standard {:?}", None::<u32>)
        }
        CiteTarget::Standard(annex) => format!("standard {annex:?}"),
        CiteTarget::Act(name, annex) => format!("{} {annex:?}", name.node),
    }
}
