//! `unless-never-applies`: an exemption that exempts no one.

use super::Context;
use super::logic::{Question, finding::finish};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds the `unless` of a refusal ground or document requirement that holds on no
    /// application the `when` applies to: either it never holds at all, or only where the
    /// rule does not apply anyway. The finding says how many assignments were tried.
    ///
    /// ## Why it matters
    /// An exemption is the law's promise that some applicants are spared a refusal or a
    /// document. One that can never apply spares no one: the applicants it names are refused
    /// or asked for the document all the same. Usually it names the wrong value or fact.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   input applicant.category: one_of(foreigner, stateless)
    ///   document exit_consent {
    ///     required when applicant.category == foreigner unless applicant.category == stateless
    ///     § 9(4)
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
    ///   input applicant.grounds: set(refugee, asylee)
    ///   document exit_consent {
    ///     required when applicant.category == foreigner unless applicant.grounds has_any (refugee, asylee)
    ///     § 9(4)
    ///   }
    /// }
    /// ```
    pub static UNLESS_NEVER_APPLIES = codes::UNLESS_NEVER_APPLIES, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for f in cx.logic().answers(Question::UnlessNever) {
        let named = f.element.named();
        let message = Wording::new(
            format!(
                "the exemption of {} never applies where the rule does",
                named.get(crate::vocab::Lang::En)
            ),
            format!(
                "исключение из правила ({}) не применяется ни там, где применяется правило",
                named.get(crate::vocab::Lang::Ru)
            ),
            format!(
                "ереже ({}) қолданылатын жерде одан босату ешқашан қолданылмайды",
                named.get(crate::vocab::Lang::Kk)
            ),
        );
        let label = Wording::new(
            "exempts no application the rule applies to",
            "не освобождает ни одного заявления, к которому применяется правило",
            "ереже қолданылатын бірде-бір өтінішті босатпайды",
        );
        let d = cx
            .finding(message, Label::new(f.span, label))
            .with_help(Wording::new(
                "correct the exemption, or remove it; if the law is written so, `allow unless-never-applies` with the reason",
                "исправьте исключение или удалите его; если так написано в законе, укажите причину в `allow unless-never-applies`",
                "босатуды түзетіңіз немесе алып тастаңыз; заңда солай жазылса, себебін көрсетіп, `allow unless-never-applies` жазыңыз",
            ));
        cx.emit(finish(d, f));
    }
}
