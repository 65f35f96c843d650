//! `unstated-day-kind`: a number of days that says neither calendar nor working.

use super::Context;
use super::durations::every_duration;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{DurationUnit, Wording};

declare_lint! {
    /// Finds a duration in days written without `calendar` or `working`: `within 3 days`,
    /// `term 30 days`, `submitted_on + 10 days`.
    ///
    /// ## Why it matters
    /// Seven calendar days and seven working days can be ten days apart around a holiday,
    /// and the law of Kazakhstan uses both. Where the act itself writes «3 күн» («3 дня»)
    /// with neither «күнтізбелік» (calendar) nor «жұмыс» (working), the rules record it as
    /// written and ereje counts calendar days, the reading that can only make a deadline
    /// shorter; the lint keeps that reading a visible decision. Record it with an `allow`
    /// that says why, or write the kind the act gives.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step accepted by clerk within 3 days after submitted_at § 3
    ///     term 3 calendar days after submitted_at § 4
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
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step accepted by clerk within 3 calendar days after submitted_at § 3
    ///     term 3 calendar days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static UNSTATED_DAY_KIND = codes::UNSTATED_DAY_KIND, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for w in every_duration(cx.files()) {
        if w.duration.unit != DurationUnit::UnstatedDays {
            continue;
        }
        let n = w.duration.amount;
        let d = cx
            .finding(
                Wording::new(
                    format!("`{}` says neither calendar nor working days", w.duration),
                    format!("`{}`: не сказано, календарные это дни или рабочие", w.duration),
                    format!("`{}`: күнтізбелік пе, жұмыс күні ме, айтылмаған", w.duration),
                ),
                Label::new(w.span, Wording::new("counted as calendar days", "считается в календарных днях", "күнтізбелік күндермен есептеледі")),
            )
            .with_help(Wording::new(
                format!("write `{n} calendar days` or `{n} working days` as the act gives them; if the act itself leaves the kind open, keep it and `allow unstated-day-kind` with the reason"),
                format!("напишите `{n} calendar days` или `{n} working days`, как указано в акте; если сам акт не уточняет вид дней, оставьте как есть и укажите причину в `allow unstated-day-kind`"),
                format!("актіде көрсетілгендей `{n} calendar days` немесе `{n} working days` деп жазыңыз; егер актінің өзі күн түрін ашық қалдырса, сол күйінде қалдырып, себебін көрсетіп, `allow unstated-day-kind` жазыңыз"),
            ));
        cx.emit(d);
    }
}
