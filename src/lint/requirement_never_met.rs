//! `requirement-never-met`: a document whose validity rules no copy can meet.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a document whose `valid when` rules cannot all hold of one copy: every value of
    /// the fields they read (dates in classes, languages, signatures), with every fact of the
    /// application they read, was tried. The finding says how many assignments were tried,
    /// and points at the rules that conflict: a smallest set of them that cannot all hold
    /// (leave any one out and the rest can), the first as its place, the others as labels.
    ///
    /// ## Why it matters
    /// A document that no copy can make valid makes every application that needs it
    /// incomplete, however carefully the applicant prepares it: the requirement cannot be
    /// met. The rules contradict each other (a date that must be both before and after a
    /// day) or one of them is mistyped.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport {
    ///     required always
    ///     valid when expires_on >= submitted_on + 180 calendar days
    ///     valid when expires_on < submitted_on
    ///     § 9(2)
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
    ///   document passport {
    ///     required always
    ///     valid when expires_on >= submitted_on + 180 calendar days
    ///     valid when issued_on < submitted_on
    ///     § 9(2)
    ///   }
    /// }
    /// ```
    pub static REQUIREMENT_NEVER_MET = codes::REQUIREMENT_NEVER_MET, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for f in cx.logic().answers(Question::NeverMet) {
        let id = &f.element.id;
        let message = Wording::new(
            format!("no copy of document `{id}` can meet its validity rules"),
            format!("ни один экземпляр документа `{id}` не может соответствовать его требованиям"),
            format!("`{id}` құжатының бірде-бір данасы оның талаптарына сай бола алмайды"),
        );
        let label = Wording::new(
            "these rules cannot all hold of one copy",
            "эти требования не могут выполняться для одного экземпляра",
            "бұл талаптар бір данаға бірге орындала алмайды",
        );
        let mut d = cx.finding(message, Label::new(f.span, label));
        // the other rules of the contradiction
        for &span in &f.conflicting {
            d = d.with_label(Label::new(
                span,
                Wording::new("with this one", "вместе с этим", "осымен бірге"),
            ));
        }
        let d = d
            .with_help(Wording::new(
                "correct the rule that contradicts the others; if the law is written so, `allow requirement-never-met` with the reason",
                "исправьте правило, противоречащее остальным; если так написано в законе, укажите причину в `allow requirement-never-met`",
                "басқаларына қайшы келетін ережені түзетіңіз; заңда солай жазылса, себебін көрсетіп, `allow requirement-never-met` жазыңыз",
            ));
        cx.emit(finish(d, f));
    }
}
