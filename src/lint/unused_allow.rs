//! `unused-allow`: an `allow` that suppresses nothing. The run finds these after every other
//! lint, when it knows which `allow`s were used ([`super::suppress`]).

use super::Context;
use super::registry::declare_lint;
use super::suppress::Site;
use crate::codes;
use crate::diagnostic::{Diagnostic, Edit, Label};
use crate::source::SourceMap;
use crate::vocab::{Lang, Wording};

declare_lint! {
    /// Finds an `allow NAME because "…"` of an existing lint that suppresses no finding of
    /// that lint on its element.
    ///
    /// ## Why it matters
    /// A suppression records a known defect of the law, or a reading chosen on purpose. When
    /// the rule changes and the finding goes away, a suppression left behind claims a defect
    /// that the rules no longer show, and would silently hide the next one of its kind.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   in_force 2015-01-10
    ///   allow unknown-entry-into-force because "the publication date is not known"
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   published unknown
    ///   in_force published + 10 calendar days
    ///   allow unknown-entry-into-force because "the publication date is not known"
    /// }
    /// ```
    pub static UNUSED_ALLOW = codes::UNUSED_ALLOW, Warn, check;
}

/// Found after the other lints, by the run itself.
fn check(_: &mut Context<'_>) {}

/// The finding for an `allow` that suppressed nothing, with the fix that removes it (its
/// line, when it stands alone on one).
pub(super) fn finding(site: &Site<'_>, sources: &SourceMap) -> Diagnostic {
    let name = &site.allow.lint.node;
    Diagnostic::new(
        &codes::UNUSED_ALLOW,
        Wording::new(
            format!(
                "`allow {name}` on {} suppresses nothing",
                site.owner.get(Lang::En)
            ),
            format!(
                "`allow {name}` у {} ничего не подавляет",
                site.owner.get(Lang::Ru)
            ),
            format!(
                "{} `allow {name}` жолы ештеңені баспайды",
                site.owner.get(Lang::Kk)
            ),
        ),
        Label::new(
            site.allow.span,
            Wording::new(
                "no finding of this lint here",
                "здесь нет замечаний этой проверки",
                "мұнда бұл тексерудің ескертуі жоқ",
            ),
        ),
    )
    .with_help(Wording::new(
        "remove the `allow`, or move it onto the element the finding is about; if the defect it records is gone from the rules, say so in `rules/CHANGELOG.md`",
        "удалите `allow` или перенесите его на элемент, к которому относится замечание; если записанного в нём дефекта в правилах больше нет, отметьте это в `rules/CHANGELOG.md`",
        "`allow` жолын алып тастаңыз немесе оны ескерту қатысты болатын элементке көшіріңіз; егер онда белгіленген ақау ережелерде енді жоқ болса, мұны `rules/CHANGELOG.md` ішінде көрсетіңіз",
    ))
    .with_fix(
        Wording::new(
            "remove the `allow`",
            "удалите `allow`",
            "`allow` жолын алып тастаңыз",
        ),
        vec![Edit {
            span: super::fix::whole_lines(site.allow.span, sources),
            replacement: String::new(),
        }],
    )
}
