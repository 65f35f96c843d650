//! `calendar-working-days`: a duration the act writes as both calendar and working days.

use super::Context;
use super::durations::every_written;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::{DurationUnit, Lang, Wording};

declare_lint! {
    /// Finds a `written` duration (how the act writes a deadline or term) that is both
    /// calendar and working days: «күнтізбелік 90 жұмыс күні», "90 calendar working days".
    ///
    /// ## Why it matters
    /// A day is counted either on the calendar or on the working-day calendar; "calendar
    /// working days" is one or the other, and the two can differ by weeks (90 working days
    /// are more than four months). The rules cannot read it as written (that is error
    /// E0304), so they read it one way and record the text with `written`; this lint keeps
    /// the contradiction of the act in view until the act is amended or its reading
    /// confirmed, recorded with an `allow` that gives the reason for the reading.
    ///
    /// ## Fires
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   § 1
    ///   process {
    ///     term 90 calendar days after submitted_at § 8
    ///       written 90 calendar working days
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
    ///   process {
    ///     term 90 calendar days after submitted_at § 8
    ///   }
    /// }
    /// ```
    pub static CALENDAR_WORKING_DAYS = codes::CALENDAR_WORKING_DAYS, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for (reading, written) in every_written(cx.files()) {
        if written.duration.unit != DurationUnit::CalendarWorkingDays {
            continue;
        }
        let mut d = cx
            .finding(
                Wording::new(
                    format!(
                        "the act writes `{}`: both calendar and working days",
                        written.duration
                    ),
                    format!(
                        "акт пишет `{}`: и календарные, и рабочие дни",
                        written.duration
                    ),
                    format!(
                        "актіде `{}` деп жазылған: әрі күнтізбелік, әрі жұмыс күндері",
                        written.duration
                    ),
                ),
                Label::new(written.span, super::words::as_the_act_writes_it()),
            )
            .with_help(Wording::new(
                "keep the text as written; say in an `allow calendar-working-days` why the reading was chosen (a statute's cap, the act's other paragraphs)",
                "оставьте текст так, как он написан; в `allow calendar-working-days` укажите, почему выбрано это прочтение (предел, установленный законом, другие пункты акта)",
                "мәтінді жазылғандай қалдырыңыз; бұл оқылым неліктен таңдалғанын `allow calendar-working-days` ішінде көрсетіңіз (заңда белгіленген шек, актінің басқа тармақтары)",
            ));
        if let Some(r) = reading {
            d = d.with_label(Label::new(r.span, {
                let read = r.duration.wording();
                Wording::new(
                    format!("read as {}", read.get(Lang::En)),
                    format!("читается как {}", read.get(Lang::Ru)),
                    format!("{} деп оқылады", read.get(Lang::Kk)),
                )
            }));
        }
        cx.emit(d);
    }
}
