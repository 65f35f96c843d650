//! The words of bundle findings in Russian. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words. Numbers take the noun form they ask
//! for (`1 рабочий день`, `2 рабочих дня`, `5 рабочих дней`).

use super::{
    Catalogue, EVENT_SHAPE, ProblemLabel, clock, envelope_shape, is_empty_list, quoted,
    record_shape, shown, titled,
};
use crate::check::{About, FieldPlace, Finding, Found, JsonKind, Lateness, Problem, Reason};
use crate::semantic::model::{Interval, Type, UnitFamily};
use crate::time::TimeError;
use crate::vocab::{Duration, DurationUnit, Lang};

/// Russian.
pub(super) struct Russian;

impl Catalogue for Russian {
    fn problem(&self, problem: &Problem) -> (String, String) {
        self::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::Unreadable => "с этого места JSON не читается",
            ProblemLabel::Wrong => "ошибка здесь",
            ProblemLabel::GivenAgain => "указано повторно",
            ProblemLabel::NotRead => "не читается ни одним правилом",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problem(p).0,
            About::MissingDocument { .. } => {
                format!("отсутствует документ `{subject}`{}", titled(f, Lang::Ru))
            }
            About::MissingItemDocument { index, .. } => format!(
                "отсутствует документ `{subject}`{} для элемента {index} списка",
                titled(f, Lang::Ru)
            ),
            About::InvalidDocument { .. } => {
                format!("документ `{subject}` не соответствует требованиям")
            }
            About::RefusalGround => format!("имеется основание для отказа `{subject}`"),
            About::UnknownService { .. } => format!("неизвестная услуга `{subject}`"),
            About::ServiceNotInForce { day, .. } => {
                format!("услуга `{subject}` не действует на {day}")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("канал приёма `{subject}` не действует на {day}")
            }
            About::DeadlineLate { within, .. } => format!(
                "шаг `{subject}` выполнен после срока ({} после предыдущего события)",
                duration(*within)
            ),
            About::DeadlineOverdue { .. } => {
                format!("шаг `{subject}` просрочен: срок истёк, а шаг не выполнен")
            }
            About::DeadlineUnknown { error } => format!(
                "срок шага `{subject}` невозможно вычислить: {}",
                time_error(error)
            ),
            About::WordingNotInForce { act, day, .. } => format!(
                "срок шага `{subject}` на {day} неизвестен: шаг изложен в редакции {act}, ещё не действовавшей в этот день"
            ),
            About::EventOutOfOrder => format!(
                "шаг `{subject}` датирован раньше события, от которого отсчитывается его срок"
            ),
            About::DuplicateEvent { first } => format!(
                "у шага `{subject}` есть ещё одно событие; учитывается только первое (`/events/{first}`)"
            ),
            About::Undecided { error } => {
                format!("правило невозможно применить: {}", time_error(error))
            }
        }
    }

    fn label(&self, f: &Finding) -> Option<String> {
        let subject = &f.subject;
        Some(match &f.about {
            About::MissingDocument { documents } => {
                format!("среди приложенных документов (всего {documents}) нет `{subject}`")
            }
            About::MissingItemDocument { index, field } => format!(
                "для этого элемента нет `{subject}` с `\"{}\": {index}`",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("этот документ не соответствует правилу")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("значение `{}` не соответствует правилу", field.name()),
            About::RefusalGround => String::from("этот факт является основанием для отказа"),
            About::UnknownService { .. } => String::from("такой услуги нет"),
            About::ChannelNotInForce { day, .. } | About::ServiceNotInForce { day, .. } => {
                format!("не действует на {day}")
            }
            About::DeadlineLate { due, by, .. } => format!(
                "срок — {}; опоздание — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue { due, by } => format!(
                "срок — {}; просрочка — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { .. } => String::from("срок не вычислен"),
            About::WordingNotInForce { .. } => String::from("срок не проверялся"),
            About::Unreadable(_)
            | About::Input(_)
            | About::EventOutOfOrder
            | About::DuplicateEvent { .. }
            | About::Undecided { .. } => return None,
        })
    }

    fn help(&self, f: &Finding) -> Option<String> {
        let s = String::from;
        let subject = &f.subject;
        Some(match &f.about {
            About::Unreadable(p) | About::Input(p) => problem(p).1,
            About::MissingDocument { .. } | About::MissingItemDocument { .. } => {
                match super::title(f, Lang::Ru) {
                    Some(t) => format!("приложите к заявлению документ «{t}» (`{subject}`)"),
                    None => format!("приложите к заявлению документ `{subject}`"),
                }
            }
            About::InvalidDocument {
                until: Some(until), ..
            } => format!(
                "`{}` должен быть не ранее {} ({} после дня подачи {}); приложите `{subject}` с таким сроком действия",
                until.field.name(),
                until.day,
                duration(until.term),
                until.submitted_on
            ),
            About::InvalidDocument { until: None, .. } => {
                format!("замените `{subject}` документом, соответствующим правилу")
            }
            About::RefusalGround => s(
                "в оказании услуги должно быть отказано мотивированным ответом со ссылкой на это основание; проверьте факт, если он может быть ошибочным",
            ),
            About::UnknownService {
                suggestion: Some(near),
                services,
            } => format!(
                "возможно, имелась в виду услуга `{near}`? известные услуги: {}",
                services.join(", ")
            ),
            About::UnknownService {
                suggestion: None,
                services,
            } => format!("известные услуги: {}", services.join(", ")),
            About::ServiceNotInForce { in_force, .. } => format!(
                "услуга действует {}; проверьте `submitted_at` или укажите `--as-of`, чтобы применить законодательство, действовавшее в другой день",
                intervals(in_force)
            ),
            About::ChannelNotInForce {
                open: Some(open), ..
            } => format!(
                "канал приёма `{subject}` действует {}; подайте заявление через другой канал",
                interval(open)
            ),
            About::ChannelNotInForce {
                open: None,
                service,
                offered,
                ..
            } => format!(
                "услуга `{service}` принимает заявления только по каналам: {}",
                quoted(offered)
            ),
            About::DeadlineLate { .. } | About::DeadlineOverdue { .. } => {
                s("услугодатель нарушил срок, установленный регламентом; укажите причину в деле")
            }
            About::DeadlineUnknown { .. } => {
                s("календарь набора правил должен охватывать даты событий пакета")
            }
            About::WordingNotInForce {
                act, from, latest, ..
            } => match (from, latest) {
                (Some(from), Some(latest)) => format!(
                    "редакцию шага дал {act}, вступивший в силу между {from} и {latest} в неизвестный день: пока день неизвестен, действует прежняя редакция, а она не записана"
                ),
                (Some(from), None) => format!(
                    "редакцию шага дал {act} с {from}; прежняя редакция не записана, поэтому срок шага не проверяется"
                ),
                _ => format!(
                    "редакцию шага дал {act}; когда он вступил в силу, неизвестно, поэтому срок шага не проверяется"
                ),
            },
            About::EventOutOfOrder => s(
                "проверьте даты обоих событий: шаг не может произойти раньше события, за которым он следует",
            ),
            About::DuplicateEvent { .. } => s(
                "оставьте одно событие на шаг; если шаг выполнялся повторно, укажите время первого выполнения",
            ),
            About::Undecided { .. } => s(
                "набор правил не может вычислить этот случай (для рабочих дней календарь должен охватывать нужный год); до тех пор решение остаётся отложенным",
            ),
        })
    }

    fn reason(&self, f: &Finding, reason: &Reason) -> String {
        match reason {
            Reason::Fact { name, value, .. } if is_empty_list(value) => {
                format!("список `{name}` пуст")
            }
            Reason::Fact { name, value, .. } => {
                format!("`{name}` имеет значение {}", shown(value))
            }
            Reason::NoItemDocument { index } => format!(
                "ни один из этих документов не является `{}` для элемента {index}",
                f.subject
            ),
            Reason::TermStart(_) => String::from("срок исчисляется с этого момента"),
        }
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — правило `{rule}`")
    }

    fn until_known(&self) -> &'static str {
        "не решено, пока неизвестны эти факты"
    }
}

/// "1 календарный день (1 рабочий день)", or `hh:mm:ss` within a day.
fn lateness(by: Lateness) -> String {
    match (clock(by), by.working_days) {
        (Some(time), _) => time,
        (None, Some(w)) => format!("{} ({})", days(by.calendar_days, false), days(w, true)),
        (None, None) => days(by.calendar_days, false),
    }
}

/// `n` calendar or working days, with the noun in the form the number asks for.
pub(super) fn days(n: i64, working: bool) -> String {
    if working {
        format!(
            "{n} {}",
            plural(n, "рабочий день", "рабочих дня", "рабочих дней")
        )
    } else {
        format!(
            "{n} {}",
            plural(n, "календарный день", "календарных дня", "календарных дней")
        )
    }
}

/// The noun form after the number `n`: one (1, 21), few (2–4, 22–24), many (5–20, 0).
fn plural<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// A term's length, as the rules write it: "30 минут".
fn duration(d: Duration) -> String {
    let n = d.amount;
    let form = |one, few, many| format!("{n} {}", plural(i64::from(n), one, few, many));
    match d.unit {
        DurationUnit::Minutes => form("минута", "минуты", "минут"),
        DurationUnit::Hours => form("час", "часа", "часов"),
        DurationUnit::CalendarDays => {
            form("календарный день", "календарных дня", "календарных дней")
        }
        DurationUnit::WorkingDays => form("рабочий день", "рабочих дня", "рабочих дней"),
        DurationUnit::UnstatedDays => form("день", "дня", "дней"),
        DurationUnit::CalendarWorkingDays => form(
            "календарный рабочий день",
            "календарных рабочих дня",
            "календарных рабочих дней",
        ),
        DurationUnit::Months => form("месяц", "месяца", "месяцев"),
        DurationUnit::Years => form("год", "года", "лет"),
    }
}

/// Several intervals in force, joined with "; ".
fn intervals(when: &[Interval]) -> String {
    when.iter().map(interval).collect::<Vec<_>>().join("; ")
}

/// Days in force: the last day named is the first one no longer in force.
fn interval(when: &Interval) -> String {
    match (when.from, when.until) {
        (Some(f), Some(u)) => format!("с {f} до {u}"),
        (Some(f), None) => format!("с {f}"),
        (None, Some(u)) => format!("до {u}"),
        (None, None) => String::from("бессрочно"),
    }
}

/// Why a term or a rule cannot be computed.
fn time_error(error: &TimeError) -> String {
    match error {
        TimeError::OutsideCalendar { calendar, year } => {
            format!("календарь `{calendar}` не охватывает {year} год")
        }
        TimeError::NoCalendar => {
            String::from("для срока в рабочих днях нужен календарь рабочих дней")
        }
        TimeError::MixedUnit => {
            String::from("срок не может исчисляться одновременно в календарных и в рабочих днях")
        }
        TimeError::OutOfRange => {
            String::from("срок оканчивается за пределами дат, которые может исчислить ereje")
        }
        TimeError::NoLocalTime { date, timezone } => {
            format!("конец дня {date} не существует в часовом поясе `{timezone}`")
        }
    }
}

/// A type in the instrumental case, as a message needs it after "должно быть" (`датой`).
fn type_text(ty: &Type) -> String {
    let family = |f: UnitFamily| match f {
        UnitFamily::Clock => "в минутах или часах",
        UnitFamily::Days => "в днях",
        UnitFamily::Months => "в месяцах или годах",
    };
    match ty {
        Type::Bool => String::from("признаком «да/нет» (`true` или `false`)"),
        Type::Text => String::from("текстом"),
        Type::Number => String::from("числом"),
        Type::Date => String::from("датой"),
        Type::Instant => String::from("моментом времени"),
        Type::Duration(f) => format!("продолжительностью {}", family(*f)),
        Type::Enum(values) => format!("одним из значений ({})", values.join(", ")),
        Type::Set(values) => format!("набором значений из ({})", values.join(", ")),
        Type::List(_) => String::from("списком записей"),
        Type::Error => String::from("неизвестным значением"),
    }
}

/// What to write instead of a value of the wrong type.
fn type_help(ty: &Type) -> String {
    let s = String::from;
    match ty {
        Type::Bool => s("укажите `true` или `false`, без кавычек"),
        Type::Text => s("укажите текст в кавычках"),
        Type::Number => s("укажите целое число, без кавычек"),
        Type::Date => s("укажите дату в кавычках в формате ГГГГ-ММ-ДД"),
        Type::Instant => s(
            "укажите момент времени в кавычках в формате RFC 3339, например `2019-05-14T10:00:00+06:00`",
        ),
        Type::Enum(values) => format!("укажите одно из значений: {}", values.join(", ")),
        Type::Set(values) => format!("укажите список из значений: {}", values.join(", ")),
        Type::List(_) => s("укажите список объектов"),
        Type::Duration(_) | Type::Error => String::new(),
    }
}

const JSON_HELP: &str = "исправьте синтаксис JSON в этом месте; каждый пакет должен быть одним корректным объектом JSON";
const UNKNOWN_FIELD_HELP: &str =
    "это поле не читает ни одно правило: сверьте его написание с каталогом услуг или удалите его";

/// A problem with the bundle itself: its message and its help.
fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` не является датой и временем со смещением часового пояса");
    match problem {
        Problem::TooLarge { mib } => (format!("пакет больше {mib} МиБ"), s(JSON_HELP)),
        Problem::JsonEndsEarly => (
            s("JSON обрывается преждевременно: не хватает закрывающей скобки или кавычки"),
            s(JSON_HELP),
        ),
        Problem::JsonCutOff => (
            s("JSON обрывается преждевременно: здесь пакет обрезан"),
            s(JSON_HELP),
        ),
        Problem::JsonSyntax { detail } => (
            format!("синтаксическая ошибка JSON: {}", json_detail(detail)),
            s(JSON_HELP),
        ),
        Problem::NotUtf8 => (
            s("с этого места пакет не является текстом в кодировке UTF-8"),
            s(
                "отправляйте JSON в кодировке UTF-8; перекодируйте текст из прежней кодировки (например, Windows-1251)",
            ),
        ),
        Problem::Empty => (
            s("пакета нет: текст пуст"),
            s(
                "отправляйте один объект JSON на пакет (в NDJSON — по одному на строку, без пустых строк)",
            ),
        ),
        Problem::NotAnObject => (
            s("пакет не является объектом JSON"),
            s(
                "передавайте каждый пакет одним объектом JSON: `{ \"service\": …, \"submitted_at\": …, … }`",
            ),
        ),
        Problem::Missing { field: "service" } => (
            s("в пакете не указано, к какой услуге он относится"),
            s(
                "добавьте `\"service\": \"kz.mvd.permanent_residence\"` (или идентификатор другой услуги)",
            ),
        ),
        Problem::Missing {
            field: "submitted_at",
        } => (
            s("в пакете не указано время подачи заявления"),
            s("добавьте `\"submitted_at\": \"2019-05-14T10:00:00+06:00\"`"),
        ),
        Problem::Missing { field } => (
            format!("в пакете нет поля `{field}`"),
            format!("добавьте `\"{field}\": …`"),
        ),
        Problem::WrongJsonKind {
            field,
            expected,
            found,
        } => (
            format!(
                "значение `{field}` должно быть {}, а не {}",
                json_kind(*expected, false),
                json_kind(*found, false)
            ),
            match field.as_str() {
                "id" => s("укажите идентификатор в кавычках"),
                "service" => s("укажите идентификатор услуги в кавычках"),
                "submitted_at" => s(
                    "укажите время в формате RFC 3339 в кавычках, например `\"2019-05-14T10:00:00+06:00\"`",
                ),
                _ => format!("запишите {}", envelope_shape(field, *expected)),
            },
        ),
        Problem::ParentNotObject { path, key, found } => (
            format!(
                "значение `{path}` должно быть объектом, а не {}",
                json_kind(*found, false)
            ),
            format!("запишите здесь `{{ \"{key}\": … }}`"),
        ),
        Problem::BadSubmittedAt { text } => (
            not_instant(text),
            s(
                "укажите время в формате RFC 3339, например `2019-05-14T10:00:00+06:00` (такая дата должна существовать в календаре)",
            ),
        ),
        Problem::BadInstant { text } => (
            not_instant(text),
            s("укажите время в формате RFC 3339, например `2019-05-14T10:00:00+06:00`"),
        ),
        Problem::BadEventTime { text } => (
            not_instant(text),
            s("укажите время в формате RFC 3339, например `2019-05-14T10:20:00+06:00`"),
        ),
        Problem::UnknownChannel { found } => (
            format!("{} не является каналом приёма", found_text(found, true)),
            s("каналы приёма: `provider` и `state_corporation`"),
        ),
        Problem::BadDate { text } => (
            format!("`{text}` не является существующей датой"),
            s(
                "укажите дату в формате ГГГГ-ММ-ДД, с днём, который есть в календаре (например, `1985-03-02`)",
            ),
        ),
        Problem::NotOneOf {
            name,
            value,
            values,
        } => (
            format!(
                "{} не входит в число допустимых значений `{name}`",
                found_text(value, true)
            ),
            format!("допустимые значения: {}", values.join(", ")),
        ),
        Problem::NotARecord {
            name,
            found,
            fields,
        } => (
            format!(
                "каждый элемент `{name}` должен быть объектом, а не {}",
                json_kind(*found, false)
            ),
            format!("запишите {}", record_shape(fields)),
        ),
        Problem::WrongType {
            name,
            expected,
            found,
        } => (
            format!(
                "значение `{name}` должно быть {}, а не {}",
                type_text(expected),
                found_text(found, false)
            ),
            type_help(expected),
        ),
        Problem::DuplicateKey { key } => (
            format!("поле `{key}` указано здесь дважды; используется последнее"),
            s("указывайте каждое поле один раз: другие программы могут прочитать первое"),
        ),
        Problem::UnknownField { key, place } => {
            let place = match place {
                FieldPlace::Envelope => s("на верхнем уровне пакета"),
                FieldPlace::Object(path) => format!("в `{path}`"),
                FieldPlace::ListElement(name) => format!("в элементе списка `{name}`"),
                FieldPlace::Document(kind) => format!("в документе `{kind}`"),
            };
            (
                format!("неизвестное поле `{key}` {place}"),
                s(UNKNOWN_FIELD_HELP),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!(
                "каждый документ должен быть объектом, а не {}",
                json_kind(*found, false)
            ),
            s("запишите `{ \"kind\": \"passport\", … }`"),
        ),
        Problem::DocumentWithoutKind => (
            s("у документа не указан `kind`"),
            s("укажите вид документа: `\"kind\": \"passport\"`"),
        ),
        Problem::UnknownDocument {
            kind,
            count,
            service,
            known,
        } => (
            if *count > 1 {
                format!("неизвестный вид документа `{kind}` (документов: {count})")
            } else {
                format!("неизвестный вид документа `{kind}`")
            },
            format!(
                "ни одно правило услуги `{service}` не читает этот документ; известные ей виды документов: {}",
                known.join(", ")
            ),
        ),
        Problem::BadChild { found } => (
            format!(
                "значение `child` должно быть порядковым номером ребёнка в `applicant.children`, а не {}",
                found_text(found, false)
            ),
            s("укажите целое число от 0, без кавычек"),
        ),
        Problem::EventIncomplete => (
            s("у каждого события должны быть указаны `step` и `at`"),
            format!("запишите {EVENT_SHAPE}"),
        ),
        Problem::UnknownStep {
            step,
            service,
            known,
        } => (
            format!("неизвестный шаг `{step}`"),
            format!("шаги услуги `{service}`: {}", known.join(", ")),
        ),
    }
}

/// serde_json's description of a syntax error (the common ones; the others stay as
/// serde_json says them).
fn json_detail(detail: &str) -> String {
    match detail {
        "expected value" => String::from("ожидалось значение"),
        "trailing characters" => String::from("лишние символы после конца объекта"),
        "trailing comma" => String::from("лишняя запятая"),
        "key must be a string" => String::from("ключ должен быть строкой в кавычках"),
        "expected `:`" => String::from("ожидалось `:`"),
        "expected `,` or `]`" => String::from("ожидалось `,` или `]`"),
        "expected `,` or `}`" => String::from("ожидалось `,` или `}`"),
        "expected ident" => String::from("ожидалось `true`, `false` или `null`"),
        "invalid number" => String::from("неверно записано число"),
        "number out of range" => String::from("число вне допустимого диапазона"),
        "invalid escape" => String::from("неверная escape-последовательность"),
        "recursion limit exceeded" => String::from("слишком глубокая вложенность"),
        other if other.starts_with("control character") => {
            String::from("управляющий символ внутри строки")
        }
        other => other.to_string(),
    }
}

/// A JSON kind: nominative (`nominative`) or instrumental (`а не числом`).
fn json_kind(kind: JsonKind, nominative: bool) -> &'static str {
    match (kind, nominative) {
        (JsonKind::Null, _) => "null",
        (JsonKind::Bool, true) => "значение true/false",
        (JsonKind::Bool, false) => "значением true/false",
        (JsonKind::Number, true) => "число",
        (JsonKind::Number, false) => "числом",
        (JsonKind::Text, true) => "текст",
        (JsonKind::Text, false) => "текстом",
        (JsonKind::List, true) => "список",
        (JsonKind::List, false) => "списком",
        (JsonKind::Object, true) => "объект",
        (JsonKind::Object, false) => "объектом",
    }
}

/// A value found where it does not fit: a text as written, anything else by its kind.
fn found_text(found: &Found, nominative: bool) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => json_kind(*kind, nominative).to_string(),
    }
}
