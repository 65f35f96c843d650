//! `unknown-entry-into-force`: an act whose record leaves its day of entry into force open.

use super::Context;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::syntax::ast::InForce;
use crate::vocab::Wording;

declare_lint! {
    /// Finds an act whose entry into force the record cannot date: `in_force unknown`, or
    /// `in_force published + N days` with the publication `unknown` or not recorded.
    ///
    /// ## Why it matters
    /// Acts of Kazakhstan usually enter into force a number of days after their first
    /// official publication; when the publication date is not known, neither is the first
    /// day on which the act's rules apply. ereje then takes the earliest day the record
    /// allows and reports bundles of the uncertain window as undecided (`in-force-unknown`),
    /// never guessing. Each such act is an open question for the legal team: find the
    /// publication date in the registry of legal acts and record it.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   published unknown
    ///   in_force published + 10 calendar days
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 {
    ///   kind order
    ///   issued 2015-01-01 number "1"
    ///   published 2015-01-05
    ///   in_force published + 10 calendar days
    /// }
    /// ```
    pub static UNKNOWN_ENTRY_INTO_FORCE = codes::UNKNOWN_ENTRY_INTO_FORCE, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for (name, act) in &cx.model().acts {
        let decl = &act.decl;
        let Some(in_force) = &decl.in_force else {
            continue;
        };
        let published = decl.published.as_ref();
        let (span, why) = match &in_force.node {
            InForce::Date(_) => continue,
            InForce::Unknown => (
                in_force.span,
                Wording::new(
                    "the record says `in_force unknown`",
                    "в записи указано `in_force unknown`",
                    "жазбада `in_force unknown` көрсетілген",
                ),
            ),
            InForce::AfterPublication(_) => match published {
                Some(p) if p.node.is_some() => continue,
                Some(p) => (
                    p.span,
                    Wording::new(
                        "counted from a publication date that is unknown",
                        "отсчитывается от неизвестной даты опубликования",
                        "белгісіз жариялану күнінен бастап есептеледі",
                    ),
                ),
                None => (
                    in_force.span,
                    Wording::new(
                        "counted from a publication date not recorded",
                        "отсчитывается от незаписанной даты опубликования",
                        "жазылмаған жариялану күнінен бастап есептеледі",
                    ),
                ),
            },
        };
        let label = match act.in_force {
            Some(d) => why.join(
                "; ",
                &Wording::new(
                    format!("the earliest day it allows is {d}"),
                    format!("самый ранний возможный день — {d}"),
                    format!("ең ерте мүмкін күні — {d}"),
                ),
            ),
            None => why,
        };
        let d = cx
            .finding(
                Wording::new(
                    format!("the day act `{name}` entered into force is not known"),
                    format!("день вступления акта `{name}` в силу неизвестен"),
                    format!("`{name}` актісінің күшіне енген күні белгісіз"),
                ),
                Label::new(cx.trimmed(span), label),
            )
            .with_help(Wording::new(
                "record the day of first official publication (`published DATE`) from the registry of legal acts, or the day of entry into force (`in_force DATE`)",
                "запишите день первого официального опубликования (`published DATE`) по реестру нормативных правовых актов или день вступления в силу (`in_force DATE`)",
                "нормативтік құқықтық актілер тізілімі бойынша алғаш ресми жарияланған күнін (`published DATE`) немесе күшіне енген күнін (`in_force DATE`) жазыңыз",
            ));
        cx.emit(d);
    }
}
