//! `working-days-without-calendar`: working days in a service that names no calendar.

use super::Context;
use super::durations::service_durations;
use super::registry::declare_lint;
use crate::codes;
use crate::diagnostic::Label;
use crate::syntax::ast::Decl;
use crate::vocab::{DurationUnit, Wording};

declare_lint! {
    /// Finds a service that counts working days (a step's deadline, a term, a duration in a
    /// condition: `within 5 working days`, `submitted_on - 30 working days`) but names no
    /// `calendar` to count them on. One finding per service, at its first working-day
    /// duration; the others are labels on it.
    ///
    /// ## Why it matters
    /// Which days are working is a matter of the calendar: weekends, holidays, the days the
    /// Government moves. Without one the checker cannot count a working-day deadline at all
    /// (a bundle gets error E0421 `no-calendar` where it needs one), and the lints cannot
    /// bound it: `5 working days` is at least 5 calendar days and at most anything. The
    /// lints that add up or compare step deadlines then claim only what the least makes
    /// certain (`step-deadlines-exceed-term`) or nothing (`step-deadlines-below-term`,
    /// `conflicting-step-durations`). Name the calendar the service counts on
    /// (`calendar kz`).
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
    ///     step decided by clerk within 5 working days after submitted_at § 9
    ///     term 7 working days after submitted_at § 4
    ///   }
    /// }
    /// ```
    ///
    /// ## Passes
    /// ```ereje
    /// act kz.example.order_1 { kind order issued 2015-01-01 number "1" in_force 2015-01-10 }
    /// calendar kz {
    ///   timezone "Asia/Almaty"
    ///   weekend sat, sun
    ///   years 2015..2016
    ///   counting last_day_moves false
    ///   § kz.example.order_1 5
    /// }
    /// service kz.example.permit {
    ///   act kz.example.order_1 annex 1
    ///   timezone "Asia/Almaty"
    ///   calendar kz
    ///   § 1
    ///   actor clerk "clerk" § 2
    ///   process {
    ///     step decided by clerk within 5 working days after submitted_at § 9
    ///     term 7 working days after submitted_at § 4
    ///   }
    /// }
    /// ```
    pub static WORKING_DAYS_WITHOUT_CALENDAR = codes::WORKING_DAYS_WITHOUT_CALENDAR, Warn, check;
}

fn check(cx: &mut Context<'_>) {
    for file in cx.files() {
        for decl in &file.decls {
            let Decl::Service(s) = decl else { continue };
            if s.calendar.is_some() {
                continue;
            }
            let working: Vec<_> = service_durations(s)
                .into_iter()
                .filter(|w| {
                    matches!(
                        w.duration.unit,
                        DurationUnit::WorkingDays | DurationUnit::CalendarWorkingDays
                    )
                })
                .collect();
            let Some((first, rest)) = working.split_first() else {
                continue;
            };
            let id = &s.name.node;
            let mut d = cx
                .finding(
                    Wording::new(
                        format!("service `{id}` counts working days but names no calendar"),
                        format!("услуга `{id}` считает рабочие дни, но календарь не указан"),
                        format!(
                            "`{id}` қызметі жұмыс күндерін есептейді, бірақ күнтізбе көрсетілмеген"
                        ),
                    ),
                    Label::new(
                        first.span,
                        Wording::new(
                            format!("`{}` cannot be counted", first.duration),
                            format!("`{}` невозможно отсчитать", first.duration),
                            format!("`{}` есептеу мүмкін емес", first.duration),
                        ),
                    ),
                )
                .with_label(Label::new(
                    s.name.span,
                    Wording::new(
                        "no `calendar` here",
                        "здесь нет `calendar`",
                        "мұнда `calendar` жоқ",
                    ),
                ));
            for w in rest {
                d = d.with_label(Label::new(
                    w.span,
                    Wording::new(
                        "working days too",
                        "тоже рабочие дни",
                        "бұл да жұмыс күндері",
                    ),
                ));
            }
            d = d.with_help(Wording::new(
                "name the working-day calendar the service counts on (`calendar kz`), declared with `calendar NAME { … }` in a rule file; until then a bundle that needs one of these deadlines gets error E0421, and the step-time lints count each working day as one calendar day at the least",
                "укажите календарь рабочих дней, по которому считает услуга (`calendar kz`), объявленный через `calendar NAME { … }` в файле правил; до тех пор пакет, которому нужен один из этих сроков, получает ошибку E0421, а проверки сроков шагов считают каждый рабочий день не меньше чем одним календарным",
                "қызмет есептейтін жұмыс күндерінің күнтізбесін көрсетіңіз (`calendar kz`), ол ереже файлында `calendar NAME { … }` арқылы жарияланады; оған дейін осы мерзімдердің бірі қажет пакет E0421 қатесін алады, ал қадам мерзімдерін тексерулер әр жұмыс күнін кемінде бір күнтізбелік күн деп есептейді",
            ));
            cx.emit(d);
        }
    }
}
