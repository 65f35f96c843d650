//! `undefined-actor`: an actor that no paragraph of the law defines.

use super::Context;
use super::elements::{ElementKind, elements};
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an `actor` declared without a `§` citation of the paragraph that defines it.
    ///
    /// ## Why it matters
    /// An actor is a unit or an official the act gives duties to, named as the act names it
    /// (often by an abbreviation defined in a list of participants). When a table of the
    /// act uses an abbreviation that no paragraph defines (a misprint, an old name of a
    /// unit), the rules must still record it as written, but nobody can say who owes the
    /// step. The citation is what ties an actor to its definition; an actor without one is
    /// such an undefined name.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor table_unit "ІІО"
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
    ///   actor district_migration "ҚАІІО" § 8(1)
    /// }
    /// ```
    pub static UNDEFINED_ACTOR = codes::UNDEFINED_ACTOR, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for el in elements(cx.files()) {
        if el.kind != ElementKind::Actor || !el.provenance.citations.is_empty() {
            continue;
        }
        let name = el.name;
        let d = cx
            .finding(
                Wording::new(
                    format!("no paragraph of the law defines actor `{name}`"),
                    format!("ни один пункт акта не определяет участника `{name}`"),
                    format!("`{name}` қатысушысын актінің бірде-бір тармағы анықтамайды"),
                ),
                Label::new(el.name_span, Wording::new("no `§` citation of its definition", "нет ссылки `§` на его определение", "анықтамасына `§` сілтемесі жоқ")),
            )
            .with_help(Wording::new(
                "cite the paragraph that defines the unit or official (`actor NAME \"…\" § 8(1)`); if the act uses a name it never defines, keep it as written and `allow undefined-actor` with the defect",
                "сошлитесь на пункт, который определяет подразделение или должностное лицо (`actor NAME \"…\" § 8(1)`); если акт использует наименование, которое нигде не определяет, оставьте его как написано и запишите дефект через `allow undefined-actor`",
                "бөлімшені немесе лауазымды адамды анықтайтын тармаққа сілтеме жасаңыз (`actor NAME \"…\" § 8(1)`); егер акт еш жерде анықтамаған атауды қолданса, оны жазылғандай қалдырып, ақауды `allow undefined-actor` арқылы белгілеңіз",
            ));
        cx.emit(d);
    }
}
