//! The calendar data errors (`E0410`–`E0419`): what can be wrong in a `calendar` declaration,
//! told in the words of the law data, with the exact span in the rule file.

use chrono::NaiveDate;
use thiserror::Error;

use crate::codes;
use crate::diagnostic::{Diagnostic, Label};
use crate::source::Span;
use crate::vocab::{Lang, Wording};

/// A problem in a calendar's data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A clause every calendar needs is missing.
    #[error("calendar `{calendar}` does not say {}", what.0)]
    MissingClause {
        /// The calendar.
        calendar: String,
        /// What is missing, in words: in English, Russian and Kazakh.
        what: (&'static str, &'static str, &'static str),
        /// How to write it.
        example: &'static str,
        /// The calendar's name.
        span: Span,
    },
    /// `years 2020..2015`.
    #[error("the years of calendar `{calendar}` run backwards: {first}..{last}")]
    YearsOutOfOrder {
        /// The calendar.
        calendar: String,
        /// The first year as written.
        first: i32,
        /// The last year as written.
        last: i32,
        /// The years clause.
        span: Span,
    },
    /// A weekend day that is not a day of the week.
    #[error("`{text}` is not a day of the week")]
    UnknownWeekday {
        /// The name as written.
        text: String,
        /// Where.
        span: Span,
    },
    /// A timezone name the timezone database does not know.
    #[error("`{name}` is not a known timezone")]
    UnknownTimezone {
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
    },
    /// An entry for a day outside the years the calendar covers.
    #[error("`{date}` is outside the years calendar `{calendar}` covers ({first}..{last})")]
    DateOutsideYears {
        /// The calendar.
        calendar: String,
        /// The date.
        date: NaiveDate,
        /// Its year.
        year: i32,
        /// The first covered year.
        first: i32,
        /// The last covered year.
        last: i32,
        /// The date.
        span: Span,
        /// The years clause.
        years: Span,
    },
    /// Two entries speak of the same day.
    #[error("`{date}` has more than one entry")]
    DuplicateDate {
        /// The date.
        date: NaiveDate,
        /// The second entry.
        span: Span,
        /// The first entry.
        first: Span,
    },
    /// A transfer whose day off lands on a day that is already off.
    #[error("the transfer moves a day off onto `{date}`, which is already a day off")]
    TransferOntoDayOff {
        /// The day the day off moves to.
        date: NaiveDate,
        /// Why it is already off, in words.
        why: Wording,
        /// The transfer's target date.
        span: Span,
        /// The entry that makes it a day off, if any.
        other: Option<Span>,
    },
    /// A transfer or `working` entry on a day that cannot become a working day.
    #[error("`{date}` cannot become a working day: {why}")]
    CannotBecomeWorking {
        /// The date.
        date: NaiveDate,
        /// Why, in words.
        why: Wording,
        /// The date.
        span: Span,
        /// The entry that makes it what it is, if any.
        other: Option<Span>,
    },
    /// `counting SWITCH` with a switch ereje does not know.
    #[error("`{name}` is not a counting rule ereje knows")]
    UnknownCountingSwitch {
        /// The name as written.
        name: String,
        /// Where.
        span: Span,
    },
    /// The same counting switch declared twice.
    #[error("the counting rule `{name}` is declared twice")]
    DuplicateCountingSwitch {
        /// The switch.
        name: String,
        /// The second clause.
        span: Span,
        /// The first clause.
        first: Span,
    },
}

impl From<&CalendarError> for Diagnostic {
    fn from(e: &CalendarError) -> Diagnostic {
        use CalendarError as E;
        let at = |code, ru: String, kk: String, span: &Span, label: Wording| {
            let message = Wording::new(e.to_string(), ru, kk);
            Diagnostic::new(code, message, Label::new(*span, label))
        };
        let w = |en: &str, ru: &str, kk: &str| Wording::new(en, ru, kk);
        match e {
            E::MissingClause {
                calendar,
                what: (_, ru, kk),
                example,
                span,
            } => at(
                &codes::CALENDAR_CLAUSE_MISSING,
                format!("в календаре `{calendar}` не указано, {ru}"),
                format!("`{calendar}` күнтізбесінде {kk} көрсетілмеген"),
                span,
                w("this calendar", "этот календарь", "осы күнтізбе"),
            )
            .with_help(Wording::new(
                format!("add `{example}` to the calendar"),
                format!("добавьте в календарь `{example}`"),
                format!("күнтізбеге `{example}` қосыңыз"),
            )),
            E::YearsOutOfOrder {
                calendar,
                first,
                last,
                span,
            } => at(
                &codes::CALENDAR_YEARS_BACKWARDS,
                format!("годы календаря `{calendar}` идут в обратном порядке: {first}..{last}"),
                format!("`{calendar}` күнтізбесінің жылдары кері ретпен жазылған: {first}..{last}"),
                span,
                w(
                    "the first year is after the last",
                    "первый год позже последнего",
                    "бірінші жыл соңғысынан кейін",
                ),
            )
            .with_help(Wording::new(
                format!("write the earlier year first, like `years {last}..{first}`"),
                format!("сначала напишите более ранний год: `years {last}..{first}`"),
                format!("алдымен ертерек жылды жазыңыз: `years {last}..{first}`"),
            )),
            E::UnknownWeekday { text, span } => at(
                &codes::CALENDAR_UNKNOWN_WEEKDAY,
                format!("`{text}` — не день недели"),
                format!("`{text}` апта күні емес"),
                span,
                w("not a day of the week", "не день недели", "апта күні емес"),
            )
            .with_help(w(
                "write weekend days as `mon`, `tue`, `wed`, `thu`, `fri`, `sat` or `sun`",
                "пишите выходные дни как `mon`, `tue`, `wed`, `thu`, `fri`, `sat` или `sun`",
                "демалыс күндерін `mon`, `tue`, `wed`, `thu`, `fri`, `sat` немесе `sun` деп жазыңыз",
            )),
            E::UnknownTimezone { name, span } => at(
                &codes::CALENDAR_UNKNOWN_TIMEZONE,
                format!("`{name}` — неизвестный часовой пояс"),
                format!("`{name}` — белгісіз уақыт белдеуі"),
                span,
                w("unknown timezone", "неизвестный часовой пояс", "белгісіз уақыт белдеуі"),
            )
            .with_help(w(
                "write a timezone name from the IANA database, such as `Asia/Almaty`",
                "напишите имя часового пояса из базы IANA, например `Asia/Almaty`",
                "IANA дерекқорындағы уақыт белдеуінің атауын жазыңыз, мысалы `Asia/Almaty`",
            )),
            E::DateOutsideYears {
                calendar,
                date,
                year,
                first,
                last,
                span,
                years,
            } => at(
                &codes::CALENDAR_DATE_OUTSIDE_YEARS,
                format!("`{date}` вне лет, которые охватывает календарь `{calendar}` ({first}..{last})"),
                format!("`{date}` `{calendar}` күнтізбесі қамтитын жылдардан тыс ({first}..{last})"),
                span,
                Wording::new(
                    format!("outside {first}..{last}"),
                    format!("вне {first}..{last}"),
                    format!("{first}..{last} аралығынан тыс"),
                ),
            )
            .with_label(Label::new(
                *years,
                w("the years covered", "охватываемые годы", "қамтылған жылдар"),
            ))
            .with_help(Wording::new(
                format!("correct the date, or widen the calendar's `years` clause and add every holiday and transfer of {year}"),
                format!("исправьте дату или расширьте `years` календаря и добавьте все праздники и переносы {year} года"),
                format!("күнді түзетіңіз немесе күнтізбенің `years` жолын кеңейтіп, {year} жылғы барлық мерекелер мен ауыстыруларды қосыңыз"),
            )),
            E::DuplicateDate { date, span, first } => at(
                &codes::CALENDAR_DUPLICATE_DATE,
                format!("для `{date}` больше одной записи"),
                format!("`{date}` үшін бірнеше жазба бар"),
                span,
                w(
                    "second entry for this day",
                    "вторая запись для этого дня",
                    "осы күнге арналған екінші жазба",
                ),
            )
            .with_label(Label::new(
                *first,
                w(
                    "first entry for this day",
                    "первая запись для этого дня",
                    "осы күнге арналған бірінші жазба",
                ),
            ))
            .with_help(w(
                "keep one entry per day: a day is a holiday, an observed day, a fixed day off, a working day, or one end of a transfer",
                "оставьте одну запись на день: день — это праздник, выходной за праздник, неподвижный выходной, рабочий день или один из концов переноса",
                "әр күнге бір жазба қалдырыңыз: күн — мереке, мереке үшін берілген демалыс, тұрақты демалыс, жұмыс күні немесе ауыстырудың бір ұшы",
            )),
            E::TransferOntoDayOff {
                date,
                why,
                span,
                other,
            } => at(
                &codes::CALENDAR_TRANSFER_ONTO_DAY_OFF,
                format!("перенос делает выходным `{date}`, но этот день уже выходной"),
                format!("ауыстыру демалыс күнін `{date}` күніне ауыстырады, ал ол онсыз да демалыс күні"),
                span,
                w("already a day off: ", "уже выходной: ", "онсыз да демалыс: ").join("", why),
            )
            .with_labels(other.map(|o| {
                Label::new(
                    o,
                    w("made a day off here", "выходным сделан здесь", "осында демалыс етілген"),
                )
            }))
            .with_help(w(
                "a transfer must move the day off onto a working day: check the dates against the decree",
                "перенос должен переносить выходной на рабочий день: сверьте даты с постановлением",
                "ауыстыру демалыс күнін жұмыс күніне ауыстыруы тиіс: күндерді қаулымен салыстырыңыз",
            )),
            E::CannotBecomeWorking {
                date,
                why,
                span,
                other,
            } => at(
                &codes::CALENDAR_CANNOT_BECOME_WORKING,
                format!("`{date}` не может стать рабочим днём: {}", why.get(Lang::Ru)),
                format!("`{date}` жұмыс күні бола алмайды: {}", why.get(Lang::Kk)),
                span,
                why.clone(),
            )
            .with_labels(
                other.map(|o| Label::new(o, w("declared here", "объявлено здесь", "осында жарияланған"))),
            )
            .with_help(w(
                "a transfer or a `working` entry must start from a weekend day or from an observed day off: check the dates against the decree",
                "перенос или запись `working` должны начинаться с выходного дня недели или с выходного за праздник: сверьте даты с постановлением",
                "ауыстыру немесе `working` жазбасы апталық демалыс күнінен немесе мереке үшін берілген демалыс күнінен басталуы тиіс: күндерді қаулымен салыстырыңыз",
            )),
            E::UnknownCountingSwitch { name, span } => at(
                &codes::CALENDAR_UNKNOWN_COUNTING_SWITCH,
                format!("ereje не знает правила счёта `{name}`"),
                format!("`{name}` — ereje білмейтін есептеу ережесі"),
                span,
                w("unknown counting rule", "неизвестное правило счёта", "белгісіз есептеу ережесі"),
            )
            .with_help(w(
                "the only counting rule is `last_day_moves`: write `counting last_day_moves true` or `counting last_day_moves false`",
                "правило счёта только одно — `last_day_moves`: напишите `counting last_day_moves true` или `counting last_day_moves false`",
                "есептеу ережесі біреу ғана — `last_day_moves`: `counting last_day_moves true` немесе `counting last_day_moves false` деп жазыңыз",
            )),
            E::DuplicateCountingSwitch { name, span, first } => at(
                &codes::CALENDAR_DUPLICATE_COUNTING_SWITCH,
                format!("правило счёта `{name}` объявлено дважды"),
                format!("`{name}` есептеу ережесі екі рет жарияланған"),
                span,
                w("declared again here", "повторно объявлено здесь", "осында қайта жарияланған"),
            )
            .with_label(Label::new(
                *first,
                w("first declared here", "впервые объявлено здесь", "алғаш осында жарияланған"),
            ))
            .with_help(Wording::new(
                format!("keep one `counting {name}` clause, the one the law supports"),
                format!("оставьте одно предложение `counting {name}` — то, которое подтверждает закон"),
                format!("заң растайтын бір ғана `counting {name}` жолын қалдырыңыз"),
            )),
        }
    }
}

impl From<CalendarError> for Diagnostic {
    fn from(e: CalendarError) -> Diagnostic {
        Diagnostic::from(&e)
    }
}
