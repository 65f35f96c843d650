//! `condition-never-holds`: a refusal ground that refuses no application, or a document that
//! no application needs, whatever its facts.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a refusal ground or a document requirement whose condition is false, or
    /// undecided, for every application: every value of every fact it reads (an optional
    /// fact absent too), every date class, tried with the checker's own evaluator. The
    /// finding says how many assignments were tried: there is no application to show.
    ///
    /// ## Why it matters
    /// A ground that never holds refuses no one, and a document that is never required is
    /// never asked for: the paragraph they record has no effect. Usually the condition
    /// contradicts itself (a value compared with two others at once, an `and` that should be
    /// an `or`); if the law is written so, `allow` it with the reason.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   refusal stateless_foreigner {
    ///     when applicant.category == foreigner and applicant.category == stateless
    ///     § 2
    ///   }
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
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   refusal stateless_applicant {
    ///     when applicant.category == stateless
    ///     § 2
    ///   }
    /// }
    /// ```
    pub static CONDITION_NEVER_HOLDS = codes::CONDITION_NEVER_HOLDS, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for f in cx.logic().answers(Question::NeverHolds) {
        let id = &f.element.id;
        let message = if f.element.ground {
            Wording::new(
                format!("refusal ground `{id}` never holds"),
                format!("основание для отказа `{id}` никогда не выполняется"),
                format!("`{id}` бас тарту негізі ешқашан орындалмайды"),
            )
        } else {
            Wording::new(
                format!("document `{id}` is never required"),
                format!("документ `{id}` никогда не требуется"),
                format!("`{id}` құжаты ешқашан талап етілмейді"),
            )
        };
        let label = Wording::new(
            "false for every application",
            "ложно для любого заявления",
            "кез келген өтініш үшін жалған",
        );
        let d = cx
            .finding(message, Label::new(f.span, label))
            .with_help(Wording::new(
                "correct the condition; if the law is written so, `allow condition-never-holds` with the reason",
                "исправьте условие; если так написано в законе, укажите причину в `allow condition-never-holds`",
                "шартты түзетіңіз; заңда солай жазылса, себебін көрсетіп, `allow condition-never-holds` жазыңыз",
            ));
        cx.emit(finish(d, f));
    }
}
