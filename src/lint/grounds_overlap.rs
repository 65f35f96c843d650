//! `grounds-overlap`: two refusal grounds that can hold on one application.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds two refusal grounds of a service, in force on a common day, that hold together
    /// on some application (neither holding only where the other does: that is
    /// `ground-subsumed`). A witness shows such an application. Allowed by default: grounds
    /// may coexist, and a refusal then cites both; a team that wants its grounds exclusive
    /// raises it (`-W grounds-overlap`). The finding is at the ground declared first, with
    /// the other as a label; an `allow grounds-overlap` on either ground suppresses it.
    ///
    /// ## Why it matters
    /// Where the law means its grounds as alternatives (one decision, one reason), two that
    /// can hold at once leave the refusal letter to cite either, and the intake system to
    /// choose. Seeing the pairs lets the legal staff confirm that each overlap is intended.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.records.illegal_entry: bool?
    ///   input applicant.records.prosecuted_abroad: bool?
    ///   refusal illegal_entry { when applicant.records.illegal_entry § 2 }
    ///   refusal prosecuted_abroad { when applicant.records.prosecuted_abroad § 3 }
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
    ///   input checks.solvency: one_of(confirmed, not_confirmed)?
    ///   refusal foreigner_insolvent {
    ///     when checks.solvency == not_confirmed and applicant.category == foreigner
    ///     § 2
    ///   }
    ///   refusal stateless_insolvent {
    ///     when checks.solvency == not_confirmed and applicant.category == stateless
    ///     § 3
    ///   }
    /// }
    /// ```
    pub static GROUNDS_OVERLAP = codes::GROUNDS_OVERLAP, Allow, check;
}

fn check(cx: &mut Context<'_>) {
    for f in cx.logic().answers(Question::Overlap) {
        let Some(other) = &f.other else { continue };
        let (id, o) = (&f.element.id, &other.id);
        let message = Wording::new(
            format!("refusal grounds `{id}` and `{o}` can hold on one application"),
            format!("основания для отказа `{id}` и `{o}` могут выполняться для одного заявления"),
            format!("`{id}` және `{o}` бас тарту негіздері бір өтінішке бірге орындалуы мүмкін"),
        );
        let label = Wording::new(
            "can hold together with the other ground",
            "может выполняться вместе с другим основанием",
            "басқа негізбен бірге орындалуы мүмкін",
        );
        let d = cx
            .finding(message, Label::new(f.span, label))
            .with_help(Wording::new(
                "if the grounds are meant as alternatives, make their conditions exclusive; if not, `allow grounds-overlap` with the reason",
                "если основания задуманы как взаимоисключающие, сделайте их условия несовместимыми; если нет, укажите причину в `allow grounds-overlap`",
                "негіздер бірін-бірі жоққа шығаратындай ойластырылса, шарттарын үйлеспейтін етіңіз; олай болмаса, себебін көрсетіп, `allow grounds-overlap` жазыңыз",
            ));
        // an `allow` on either ground of the pair suppresses it
        let also = vec![other.condition];
        cx.emit_allowed_at(finish(d, f), also);
    }
}
