//! The words around a finding about the law, in English, Russian and Kazakh: the labels of the
//! bundle (what is wrong here, and why), the helps of applicability and deadline findings, the
//! days a term was missed by, and the lead words of the `law:` line. The data stays in
//! `check`; only the wording is here.

use chrono::NaiveDate;

use super::super::json::Json;
use crate::semantic::model::Interval;
use crate::time::TimeError;
use crate::vocab::{Duration, DurationUnit, Lang};

/// The label of a finding's primary span: what is wrong at this place of the bundle.
pub(crate) enum Label<'a> {
    /// No document of `kind` among the `count` documents of the bundle.
    NoDocument { kind: &'a str, count: usize },
    /// No document of `kind` whose `field` names item `index` of a list.
    NoItemDocument {
        kind: &'a str,
        field: &'a str,
        index: usize,
    },
    /// A document (or this `field` of it) fails a validity rule.
    FailsRule { field: Option<&'a str> },
    /// The fact that makes a refusal ground hold.
    RefusalFact,
    /// No service has this id.
    NoSuchService,
    /// The intake channel is not open that day.
    ChannelClosed { day: NaiveDate },
    /// The service is not in force that day.
    ServiceNotInForce { day: NaiveDate },
    /// A step happened after `due`, late by so much.
    Late { due: &'a str, by: Lateness },
    /// A step has not happened and `due` has passed by so much.
    Overdue { due: &'a str, by: Lateness },
    /// A deadline that could not be computed.
    DeadlineNotComputed,
}

/// How late a step is.
#[derive(Clone, Copy)]
pub(crate) struct Lateness {
    /// Calendar days between the due day and the day it happened (or `--now`).
    pub calendar_days: i64,
    /// The same in working days, when the calendar covers them.
    pub working_days: Option<i64>,
    /// Seconds (shown as `hh:mm:ss` when less than a day).
    pub seconds: Option<i64>,
}

/// The label of a secondary span: why the finding matters.
pub(crate) enum Reason<'a> {
    /// The fact `name` has `value`.
    Fact { name: &'a str, value: &'a Json<'a> },
    /// No document of `kind` is matched to item `index`.
    NoItemDocument { kind: &'a str, index: usize },
    /// The moment a term counts from.
    TermStart,
}

/// The help of an applicability or deadline finding: what to do.
pub(crate) enum Help<'a> {
    /// An unknown service id: the ids there are, and the nearest one.
    UnknownService {
        suggestion: Option<&'a str>,
        ids: &'a [&'a str],
    },
    /// The service exists, but is in force only in these intervals.
    ServiceInForce { when: &'a [Interval] },
    /// The channel is open only in this interval.
    ChannelOpen { channel: &'a str, when: Interval },
    /// The service does not offer the channel at all: the channels it does offer.
    ChannelsOnly {
        service: &'a str,
        channels: &'a [&'a str],
    },
    /// A step was late or is overdue.
    DeadlineMissed,
    /// A deadline could not be computed.
    DeadlineUnknown,
    /// A rule could not be decided.
    Undecided,
}

impl Label<'_> {
    /// The label in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Ru => self.ru(),
            Lang::Kk => self.kk(),
        }
    }

    fn en(&self) -> String {
        match self {
            Label::NoDocument { kind, count } => {
                format!("no `{kind}` among these {count} documents")
            }
            Label::NoItemDocument { kind, field, index } => {
                format!("no `{kind}` with `\"{field}\": {index}` for this item")
            }
            Label::FailsRule { field: None } => {
                String::from("this document does not meet the rule")
            }
            Label::FailsRule { field: Some(f) } => format!("this `{f}` does not meet the rule"),
            Label::RefusalFact => String::from("this fact is a ground for refusal"),
            Label::NoSuchService => String::from("no such service"),
            Label::ChannelClosed { day } => format!("not open on {day}"),
            Label::ServiceNotInForce { day } => format!("not in force on {day}"),
            Label::Late { due, by } => format!("due by {due}: {} late", by.text(Lang::En)),
            Label::Overdue { due, by } => {
                format!("due by {due}: overdue by {}", by.text(Lang::En))
            }
            Label::DeadlineNotComputed => String::from("deadline not computed"),
        }
    }

    fn ru(&self) -> String {
        match self {
            Label::NoDocument { kind, count } => {
                format!("среди приложенных документов (всего {count}) нет `{kind}`")
            }
            Label::NoItemDocument { kind, field, index } => {
                format!("для этого элемента нет `{kind}` с `\"{field}\": {index}`")
            }
            Label::FailsRule { field: None } => {
                String::from("этот документ не соответствует правилу")
            }
            Label::FailsRule { field: Some(f) } => {
                format!("значение `{f}` не соответствует правилу")
            }
            Label::RefusalFact => String::from("этот факт является основанием для отказа"),
            Label::NoSuchService => String::from("такой услуги нет"),
            Label::ChannelClosed { day } | Label::ServiceNotInForce { day } => {
                format!("не действует на {day}")
            }
            Label::Late { due, by } => {
                format!("срок — {due}; опоздание — {}", by.text(Lang::Ru))
            }
            Label::Overdue { due, by } => {
                format!("срок — {due}; просрочка — {}", by.text(Lang::Ru))
            }
            Label::DeadlineNotComputed => String::from("срок не вычислен"),
        }
    }

    fn kk(&self) -> String {
        match self {
            Label::NoDocument { kind, count } => {
                format!("қоса берілген {count} құжаттың ішінде `{kind}` жоқ")
            }
            Label::NoItemDocument { kind, field, index } => {
                format!("осы элемент үшін `\"{field}\": {index}` көрсетілген `{kind}` жоқ")
            }
            Label::FailsRule { field: None } => String::from("бұл құжат ережеге сәйкес келмейді"),
            Label::FailsRule { field: Some(f) } => {
                format!("`{f}` мәні ережеге сәйкес келмейді")
            }
            Label::RefusalFact => String::from("бұл факт бас тарту негізі болып табылады"),
            Label::NoSuchService => String::from("мұндай қызмет жоқ"),
            Label::ChannelClosed { day } => format!("{day} күні жұмыс істемейді"),
            Label::ServiceNotInForce { day } => format!("{day} күні қолданыста емес"),
            Label::Late { due, by } => {
                format!("мерзімі — {due}; кешігу — {}", by.text(Lang::Kk))
            }
            Label::Overdue { due, by } => {
                format!("мерзімі — {due}; мерзімнен асуы — {}", by.text(Lang::Kk))
            }
            Label::DeadlineNotComputed => String::from("мерзім есептелмеді"),
        }
    }
}

impl Lateness {
    /// "1 calendar day (1 working day)", or `hh:mm:ss` within a day.
    fn text(self, lang: Lang) -> String {
        match (self.calendar_days, self.working_days, self.seconds) {
            (0, _, Some(s)) => format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60),
            (d, Some(w), _) => format!("{} ({})", days(d, false, lang), days(w, true, lang)),
            (d, None, _) => days(d, false, lang),
        }
    }
}

/// `n` calendar or working days, with the noun in the form the number asks for.
fn days(n: i64, working: bool, lang: Lang) -> String {
    match (lang, working) {
        (Lang::En, false) if n == 1 => String::from("1 calendar day"),
        (Lang::En, false) => format!("{n} calendar days"),
        (Lang::En, true) if n == 1 => String::from("1 working day"),
        (Lang::En, true) => format!("{n} working days"),
        (Lang::Ru, false) => format!(
            "{n} {}",
            ru_plural(n, "календарный день", "календарных дня", "календарных дней")
        ),
        (Lang::Ru, true) => format!(
            "{n} {}",
            ru_plural(n, "рабочий день", "рабочих дня", "рабочих дней")
        ),
        (Lang::Kk, false) => format!("күнтізбелік {n} күн"),
        (Lang::Kk, true) => format!("{n} жұмыс күні"),
    }
}

/// The Russian noun form after the number `n`: one (1, 21), few (2–4, 22–24), many (5–20, 0).
fn ru_plural<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// A term's length, as the rules write it: "30 minutes", "30 минут", "30 минут".
pub(crate) fn duration_text(d: Duration, lang: Lang) -> String {
    let n = d.amount;
    let ru = |one, few, many| format!("{n} {}", ru_plural(i64::from(n), one, few, many));
    match (lang, d.unit) {
        (Lang::En, _) => d.to_string(),
        (Lang::Ru, DurationUnit::Minutes) => ru("минута", "минуты", "минут"),
        (Lang::Ru, DurationUnit::Hours) => ru("час", "часа", "часов"),
        (Lang::Ru, DurationUnit::CalendarDays) => {
            ru("календарный день", "календарных дня", "календарных дней")
        }
        (Lang::Ru, DurationUnit::WorkingDays) => ru("рабочий день", "рабочих дня", "рабочих дней"),
        (Lang::Ru, DurationUnit::UnstatedDays) => ru("день", "дня", "дней"),
        (Lang::Ru, DurationUnit::CalendarWorkingDays) => ru(
            "календарный рабочий день",
            "календарных рабочих дня",
            "календарных рабочих дней",
        ),
        (Lang::Ru, DurationUnit::Months) => ru("месяц", "месяца", "месяцев"),
        (Lang::Ru, DurationUnit::Years) => ru("год", "года", "лет"),
        (Lang::Kk, DurationUnit::Minutes) => format!("{n} минут"),
        (Lang::Kk, DurationUnit::Hours) => format!("{n} сағат"),
        (Lang::Kk, DurationUnit::CalendarDays) => format!("күнтізбелік {n} күн"),
        (Lang::Kk, DurationUnit::WorkingDays) => format!("{n} жұмыс күні"),
        (Lang::Kk, DurationUnit::UnstatedDays) => format!("{n} күн"),
        (Lang::Kk, DurationUnit::CalendarWorkingDays) => format!("күнтізбелік {n} жұмыс күні"),
        (Lang::Kk, DurationUnit::Months) => format!("{n} ай"),
        (Lang::Kk, DurationUnit::Years) => format!("{n} жыл"),
    }
}

impl Reason<'_> {
    /// The label in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::Fact { name, value }, _) => fact(name, value, lang),
            (Reason::NoItemDocument { kind, index }, Lang::En) => {
                format!("none of these documents is a `{kind}` for item {index}")
            }
            (Reason::NoItemDocument { kind, index }, Lang::Ru) => {
                format!("ни один из этих документов не является `{kind}` для элемента {index}")
            }
            (Reason::NoItemDocument { kind, index }, Lang::Kk) => {
                format!("бұл құжаттардың ешқайсысы {index}-элемент үшін берілген `{kind}` емес")
            }
            (Reason::TermStart, Lang::En) => String::from("the term counts from here"),
            (Reason::TermStart, Lang::Ru) => String::from("срок исчисляется с этого момента"),
            (Reason::TermStart, Lang::Kk) => String::from("мерзім осы сәттен бастап есептеледі"),
        }
    }
}

/// "`applicant.category` is `foreigner`"; an empty list is said to be empty.
fn fact(name: &str, value: &Json<'_>, lang: Lang) -> String {
    let empty = matches!(value, Json::Array(a) if a.is_empty());
    let shown = match value {
        Json::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    };
    match (lang, empty) {
        (Lang::En, true) => format!("`{name}` is empty"),
        (Lang::En, false) => format!("`{name}` is {shown}"),
        (Lang::Ru, true) => format!("список `{name}` пуст"),
        (Lang::Ru, false) => format!("`{name}` имеет значение {shown}"),
        (Lang::Kk, true) => format!("`{name}` тізімі бос"),
        (Lang::Kk, false) => format!("`{name}` мәні — {shown}"),
    }
}

impl Help<'_> {
    /// The help in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.en(),
            Lang::Ru => self.ru(),
            Lang::Kk => self.kk(),
        }
    }

    fn en(&self) -> String {
        match self {
            Help::UnknownService {
                suggestion: Some(s),
                ids,
            } => format!("did you mean `{s}`? the services are: {}", ids.join(", ")),
            Help::UnknownService {
                suggestion: None,
                ids,
            } => format!("the services are: {}", ids.join(", ")),
            Help::ServiceInForce { when } => format!(
                "the service is in force {}; check `submitted_at`, or pass `--as-of` to apply the law of another day",
                intervals(when, Lang::En)
            ),
            Help::ChannelOpen { channel, when } => format!(
                "the channel `{channel}` is open {}; submit through another channel",
                interval(*when, Lang::En)
            ),
            Help::ChannelsOnly { service, channels } => format!(
                "`{service}` takes applications only through: {}",
                quoted(channels)
            ),
            Help::DeadlineMissed => String::from(
                "the provider missed a deadline of the regulation; record the reason in the file",
            ),
            Help::DeadlineUnknown => {
                String::from("the rule set's calendar must cover the dates of the bundle's events")
            }
            Help::Undecided => String::from(
                "the rule set cannot compute this case (for a working day, its calendar must cover the year); the verdict stays pending until it can",
            ),
        }
    }

    fn ru(&self) -> String {
        match self {
            Help::UnknownService {
                suggestion: Some(s),
                ids,
            } => format!(
                "возможно, имелась в виду услуга `{s}`? известные услуги: {}",
                ids.join(", ")
            ),
            Help::UnknownService {
                suggestion: None,
                ids,
            } => format!("известные услуги: {}", ids.join(", ")),
            Help::ServiceInForce { when } => format!(
                "услуга действует {}; проверьте `submitted_at` или укажите `--as-of`, чтобы применить законодательство, действовавшее в другой день",
                intervals(when, Lang::Ru)
            ),
            Help::ChannelOpen { channel, when } => format!(
                "канал приёма `{channel}` действует {}; подайте заявление через другой канал",
                interval(*when, Lang::Ru)
            ),
            Help::ChannelsOnly { service, channels } => format!(
                "услуга `{service}` принимает заявления только по каналам: {}",
                quoted(channels)
            ),
            Help::DeadlineMissed => String::from(
                "услугодатель нарушил срок, установленный регламентом; укажите причину в деле",
            ),
            Help::DeadlineUnknown => {
                String::from("календарь набора правил должен охватывать даты событий пакета")
            }
            Help::Undecided => String::from(
                "набор правил не может вычислить этот случай (для рабочих дней календарь должен охватывать нужный год); до тех пор решение остаётся отложенным",
            ),
        }
    }

    fn kk(&self) -> String {
        match self {
            Help::UnknownService {
                suggestion: Some(s),
                ids,
            } => format!(
                "мүмкін, `{s}` қызметі көзделген шығар? белгілі қызметтер: {}",
                ids.join(", ")
            ),
            Help::UnknownService {
                suggestion: None,
                ids,
            } => format!("белгілі қызметтер: {}", ids.join(", ")),
            Help::ServiceInForce { when } => format!(
                "қызмет {} қолданыста; `submitted_at` мәнін тексеріңіз немесе басқа күні қолданыста болған заңнаманы қолдану үшін `--as-of` көрсетіңіз",
                intervals(when, Lang::Kk)
            ),
            Help::ChannelOpen { channel, when } => format!(
                "`{channel}` қабылдау арнасы {} жұмыс істейді; өтінішті басқа арна арқылы беріңіз",
                interval(*when, Lang::Kk)
            ),
            Help::ChannelsOnly { service, channels } => format!(
                "`{service}` қызметі өтініштерді тек мына арналар арқылы қабылдайды: {}",
                quoted(channels)
            ),
            Help::DeadlineMissed => String::from(
                "көрсетілетін қызметті беруші регламентте белгіленген мерзімді бұзды; себебін іс құжаттарында көрсетіңіз",
            ),
            Help::DeadlineUnknown => String::from(
                "ережелер жиынының күнтізбесі пакеттегі оқиғалардың күндерін қамтуы тиіс",
            ),
            Help::Undecided => String::from(
                "ережелер жиыны бұл жағдайды есептей алмайды (жұмыс күндері үшін күнтізбе тиісті жылды қамтуы тиіс); оған дейін шешім күтілуде қалады",
            ),
        }
    }
}

/// "`a`, `b`".
fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Several intervals, joined with "; ".
fn intervals(when: &[Interval], lang: Lang) -> String {
    when.iter()
        .map(|i| interval(*i, lang))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Days in force in words: in English as `Interval::describe` ("from 2015-07-21 until
/// 2020-04-14"), the last day being the first one no longer in force.
fn interval(when: Interval, lang: Lang) -> String {
    match (when.from, when.until, lang) {
        (_, _, Lang::En) => when.describe(),
        (Some(f), Some(u), Lang::Ru) => format!("с {f} до {u}"),
        (Some(f), None, Lang::Ru) => format!("с {f}"),
        (None, Some(u), Lang::Ru) => format!("до {u}"),
        (None, None, Lang::Ru) => String::from("бессрочно"),
        (Some(f), Some(u), Lang::Kk) => format!("{f} күнінен бастап {u} күніне дейін"),
        (Some(f), None, Lang::Kk) => format!("{f} күнінен бастап"),
        (None, Some(u), Lang::Kk) => format!("{u} күніне дейін"),
        (None, None, Lang::Kk) => String::from("мерзімсіз"),
    }
}

/// Why a deadline cannot be computed, in `lang` (in English as the error says it).
pub(crate) fn time_error_text(error: &TimeError, lang: Lang) -> String {
    match (error, lang) {
        (_, Lang::En) => error.to_string(),
        (TimeError::OutsideCalendar { calendar, year }, Lang::Ru) => {
            format!("календарь `{calendar}` не охватывает {year} год")
        }
        (TimeError::OutsideCalendar { calendar, year }, Lang::Kk) => {
            format!("`{calendar}` күнтізбесі {year} жылды қамтымайды")
        }
        (TimeError::NoCalendar, Lang::Ru) => {
            String::from("для срока в рабочих днях нужен календарь рабочих дней")
        }
        (TimeError::NoCalendar, Lang::Kk) => String::from(
            "жұмыс күндерімен берілген мерзімді есептеу үшін жұмыс күндерінің күнтізбесі қажет",
        ),
        (TimeError::MixedUnit, Lang::Ru) => {
            String::from("срок не может исчисляться одновременно в календарных и в рабочих днях")
        }
        (TimeError::MixedUnit, Lang::Kk) => String::from(
            "мерзім бір мезгілде күнтізбелік күндермен де, жұмыс күндерімен де есептелмейді",
        ),
        (TimeError::OutOfRange, Lang::Ru) => {
            String::from("срок оканчивается за пределами дат, которые может исчислить ereje")
        }
        (TimeError::OutOfRange, Lang::Kk) => {
            String::from("мерзім ereje есептей алатын күндердің шегінен тыс аяқталады")
        }
        (TimeError::NoLocalTime { date, timezone }, Lang::Ru) => {
            format!("конец дня {date} не существует в часовом поясе `{timezone}`")
        }
        (TimeError::NoLocalTime { date, timezone }, Lang::Kk) => {
            format!("`{timezone}` уақыт белдеуінде {date} күнінің соңы жоқ")
        }
    }
}

/// The `law:` line under a help: the citation, the rule and where it is written.
pub(crate) fn law_line(citation: &str, rule: &str, at: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("law: {citation} — rule `{rule}`{at}"),
        Lang::Ru => format!("закон: {citation} — правило `{rule}`{at}"),
        Lang::Kk => format!("заң: {citation} — ереже `{rule}`{at}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_day_counts_agree_with_their_number() {
        let said: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 111, 0]
            .into_iter()
            .map(|n| days(n, true, Lang::Ru))
            .collect();
        assert_eq!(
            said,
            [
                "1 рабочий день",
                "2 рабочих дня",
                "5 рабочих дней",
                "11 рабочих дней",
                "12 рабочих дней",
                "21 рабочий день",
                "22 рабочих дня",
                "25 рабочих дней",
                "111 рабочих дней",
                "0 рабочих дней",
            ]
        );
    }

    #[test]
    fn lateness_within_a_day_is_a_time() {
        let by = Lateness {
            calendar_days: 0,
            working_days: Some(0),
            seconds: Some(3_661),
        };
        for lang in [Lang::En, Lang::Ru, Lang::Kk] {
            assert_eq!(by.text(lang), "01:01:01");
        }
    }
}
