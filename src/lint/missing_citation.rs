//! `missing-citation`: a rule element that cites no paragraph of the law.

use super::Context;
use super::elements::{ElementKind, elements};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds a service, channel, document, refusal ground, step or term with no `§`
    /// citation. A step of a view counts as cited when its view cites the table or
    /// paragraph it comes from. Actors have their own lint (`undefined-actor`); inputs and
    /// named conditions are the rules' own vocabulary and need none.
    ///
    /// ## Why it matters
    /// A rule that cites nothing cannot be checked against the law, and a finding it makes
    /// about an applicant cannot tell the applicant which paragraph it applies. Every
    /// requirement, ground and deadline of a public service comes from a paragraph; the
    /// rules must say which.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   document passport { required always }
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
    ///   document passport { required always § 9(2) }
    /// }
    /// ```
    pub static MISSING_CITATION = codes::MISSING_CITATION, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        let needs = matches!(
            el.kind,
            ElementKind::Service
                | ElementKind::Channel
                | ElementKind::Document
                | ElementKind::Refusal
                | ElementKind::Step
                | ElementKind::Term
        );
        if !needs || !el.provenance.citations.is_empty() || el.outer_cites {
            continue;
        }
        let what = el.describe_words(false);
        let (en, ru, kk) = (what.get(Lang::En), what.get(Lang::Ru), what.get(Lang::Kk));
        let d = cx
            .finding(
                Wording::new(
                    format!("{en} cites no paragraph of the law"),
                    format!("{ru}: нет ссылки на пункт акта"),
                    format!("{kk}: актінің тармағына сілтеме жоқ"),
                ),
                Label::new(el.name_span, Wording::new("no `§` citation", "нет ссылки `§`", "`§` сілтемесі жоқ")),
            )
            .with_help(Wording::new(
                "cite the paragraph it comes from: `§ 9(2)` (the service's act), `§ standard 9(2)`, `§ kz.law.migration art. 49(4)`",
                "сошлитесь на пункт, из которого это взято: `§ 9(2)` (акт услуги), `§ standard 9(2)`, `§ kz.law.migration art. 49(4)`",
                "ол алынған тармаққа сілтеме жасаңыз: `§ 9(2)` (қызметтің актісі), `§ standard 9(2)`, `§ kz.law.migration art. 49(4)`",
            ));
        cx.emit(d);
    }
}
