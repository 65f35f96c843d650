//! `condition-always-holds`: a refusal ground that refuses every application, or a
//! conditional requirement whose condition is no condition.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a refusal ground, or a document required `when …`, whose condition is false for
    /// no application: every assignment of the facts it reads makes it true, or leaves it
    /// undecided for want of a fact. The finding says how many assignments were tried and
    /// shows one application where it holds (the witness).
    ///
    /// ## Why it matters
    /// A ground that always holds refuses every application that can be decided: the
    /// service can never be given. A requirement whose condition always holds is a
    /// requirement `always` written as if it depended on something, which misleads whoever
    /// reads it. Either way the condition is not what the law means, or the law says
    /// something impossible, which the rules then record with an `allow` and its reason.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   refusal any_applicant {
    ///     when applicant.category == foreigner or applicant.category == stateless
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
    ///   refusal foreign_applicant {
    ///     when applicant.category == foreigner
    ///     § 2
    ///   }
    /// }
    /// ```
    pub static CONDITION_ALWAYS_HOLDS = codes::CONDITION_ALWAYS_HOLDS, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for f in cx.logic().answers(Question::AlwaysHolds) {
        let id = &f.element.id;
        let (message, help) = if f.element.ground {
            (
                Wording::new(
                    format!("refusal ground `{id}` holds on every application"),
                    format!("основание для отказа `{id}` выполняется для любого заявления"),
                    format!("`{id}` бас тарту негізі кез келген өтінішке орындалады"),
                ),
                Wording::new(
                    "correct the condition: as written, every application whose facts are known is refused",
                    "исправьте условие: в этой записи отказ получает любое заявление с известными фактами",
                    "шартты түзетіңіз: осылай жазылса, фактілері белгілі кез келген өтінішке бас тартылады",
                ),
            )
        } else {
            (
                Wording::new(
                    format!("document `{id}` is required on every application"),
                    format!("документ `{id}` требуется для любого заявления"),
                    format!("`{id}` құжаты кез келген өтінішке талап етіледі"),
                ),
                Wording::new(
                    "write `required always`, or correct the condition",
                    "напишите `required always` или исправьте условие",
                    "`required always` деп жазыңыз немесе шартты түзетіңіз",
                ),
            )
        };
        let label = Wording::new(
            "true for every application whose facts are known",
            "истинно для любого заявления с известными фактами",
            "фактілері белгілі кез келген өтініш үшін ақиқат",
        );
        let d = cx
            .finding(message, Label::new(f.span, label))
            .with_help(help);
        cx.emit(finish(d, f));
    }
}
