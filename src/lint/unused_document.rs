//! `unused-document`: a document that is never required, checked or asked about.

use super::Context;
use super::registry::declare_lint;
use super::uses::uses;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds a `document` with no `required` clause, no `valid` condition and no
    /// `has document KIND` in any condition of its service.
    ///
    /// ## Why it matters
    /// A document rule exists to demand a paper, to check one, or to let another rule ask
    /// whether it was given. One that does none of these changes no verdict: either the act's
    /// requirement was left out when the paragraph was encoded, or the element is a leftover
    /// of an earlier version. Intake systems list it in the bundle's schema all the same, so
    /// applicants are asked for a paper nothing reads.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always § 9(2) }
    ///   document photo { § 9(3) }
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
    ///   document passport { required when not has document travel_document § 9(2) }
    ///   document travel_document { § 9(3) }
    /// }
    /// ```
    pub static UNUSED_DOCUMENT = codes::UNUSED_DOCUMENT, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for s in &cx.model().services {
        let asked = uses(s).asked;
        for d in &s.documents {
            if d.required.is_some() || !d.validity.is_empty() || asked.contains(&d.kind) {
                continue;
            }
            let kind = &d.kind;
            let found = cx
                .finding(
                    Wording::new(
                        format!("document `{kind}` of service `{}` is never required, checked or asked about", s.id),
                        format!("документ `{kind}` услуги `{}` нигде не требуется, не проверяется и не упоминается", s.id),
                        format!("`{}` қызметінің `{kind}` құжаты еш жерде талап етілмейді, тексерілмейді және аталмайды", s.id),
                    ),
                    Label::new(d.meta.span, Wording::new("changes no verdict", "не меняет ни одного вердикта", "ешбір шешімді өзгертпейді")),
                )
                .with_help(Wording::new(
                    "write when the act requires it (`required always`, `required when …`) or what makes it valid (`valid when …`), or remove it",
                    "напишите, когда акт его требует (`required always`, `required when …`) или что делает его действительным (`valid when …`), либо удалите его",
                    "акт оны қашан талап ететінін (`required always`, `required when …`) немесе оны не жарамды ететінін (`valid when …`) жазыңыз, не болмаса оны алып тастаңыз",
                ));
            cx.emit(found);
        }
    }
}
