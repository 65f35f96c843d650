//! `duplicate-citation`: the same paragraph cited twice on one element.

use super::Context;
use super::elements::elements;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::{Edit, Label};
use crate::syntax::ast::CiteTarget;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an element that cites the same paragraph of the same act twice.
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
        for c in &el.provenance.citations {
            let key = (target_key(&c.target), c.paragraph.as_str());
            let Some(first) = seen.get(&key).copied() else {
                seen.insert(key, c.span);
                continue;
            };
            let d = cx
                .finding(
                    Wording::new(
                        format!("§ {} is cited twice", c.paragraph),
                        format!("§ {} указан дважды", c.paragraph),
                        format!("§ {} екі рет көрсетілген", c.paragraph),
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

/// The act a citation points into, as a key: `""` for the service's own act.
fn target_key(t: &CiteTarget) -> String {
    match t {
        CiteTarget::Own => String::new(),
        CiteTarget::Standard(annex) => format!("standard {annex:?}"),
        CiteTarget::Act(name, annex) => format!("{} {annex:?}", name.node),
    }
}
