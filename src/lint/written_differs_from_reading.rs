//! `written-differs-from-reading`: a duration read otherwise than the act writes it.

use super::Context;
use super::durations::every_written;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::vocab::Wording;

declare_lint! {
    /// Lists, as information, every deadline or term whose reading (the duration the checker
    /// counts) differs from how the act writes it (`written …`).
    ///
    /// ## Why it matters
    /// A reading that departs from the text is a legal decision. It is right to make one
    /// where the text cannot be applied as written, and each one should be reviewed when the
    /// act is amended or a court reads it; this lint keeps the list of them at hand.
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
    ///       written 90 calendar days
    ///   }
    /// }
    /// ```
    pub static WRITTEN_DIFFERS_FROM_READING = codes::WRITTEN_DIFFERS_FROM_READING, Info, check;
}

fn check(cx: &mut Context<'_>) {
    for (reading, written) in every_written(cx.files()) {
        let Some(reading) = reading else { continue };
        if reading.duration == written.duration {
            continue;
        }
        let d = cx
            .finding(
                Wording::new(
                    format!(
                        "read as `{}` where the act writes `{}`",
                        reading.duration, written.duration
                    ),
                    format!(
                        "читается как `{}`, а в акте написано `{}`",
                        reading.duration, written.duration
                    ),
                    format!(
                        "`{}` деп оқылады, ал актіде `{}` деп жазылған",
                        reading.duration, written.duration
                    ),
                ),
                Label::new(
                    reading.span,
                    Wording::new(
                        "the reading the checker counts",
                        "прочтение, по которому считает проверка",
                        "тексеру санайтын оқылым",
                    ),
                ),
            )
            .with_label(Label::new(
                written.span,
                super::words::as_the_act_writes_it(),
            ));
        cx.emit(d);
    }
}
