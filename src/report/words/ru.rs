//! The words of bundle findings in Russian. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words; the problems with the bundle itself
//! (`check::Problem`) are worded in `problems`. Numbers take the noun form they ask
//! for (`1 рабочий день`, `2 рабочих дня`, `5 рабочих дней`).

mod problems;

use super::citation::{Case, act_ru};
use super::period::{Bound, bounds};
use super::why::{item_fields, required_because};
use super::{
    Catalogue, ProblemLabel, Unit, actor_named, clock, clock_words, is_empty_list, quoted,
    rule_says, shown, titled,
};
use crate::check::{About, Duty, FactValue, Finding, Lateness, Problem, Reason};
use crate::semantic::model::Interval;
use crate::time::TimeError;
use crate::vocab::{Duration, DurationUnit, Lang, russian_plural};

/// Russian.
pub(super) struct Russian;

impl Catalogue for Russian {
    fn problem(&self, problem: &Problem) -> (String, String) {
        problems::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::NotChecked => "не проверено",
            ProblemLabel::Unreadable => "с этого места JSON не читается",
            ProblemLabel::Wrong => "ошибка здесь",
            ProblemLabel::GivenAgain => "указано повторно",
            ProblemLabel::NotRead => "не читается ни одним правилом",
            ProblemLabel::Ignored => "пропущено",
            ProblemLabel::OtherCase => "прочитано как стандартный код",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problems::problem(p).0,
            About::MissingDocument { .. } | About::MissingItemDocument { .. } => {
                let missing = format!("отсутствует документ `{subject}`{}", titled(f, Lang::Ru));
                match (required_because(f, Lang::Ru), &f.about) {
                    (Some(why), _) => format!("{missing}: {why}"),
                    (
                        None,
                        About::MissingItemDocument {
                            index, list, item, ..
                        },
                    ) => format!(
                        "{missing} для элемента № {} списка `{list}`{}",
                        index + 1,
                        item_fields(item)
                    ),
                    (None, About::MissingDocument { always: true, .. }) => {
                        format!("{missing}: он требуется от каждого заявителя")
                    }
                    (None, _) => missing,
                }
            }
            About::InvalidDocument { .. } => {
                format!("документ `{subject}` не соответствует требованиям")
            }
            About::InvalidDocumentCopy {
                field,
                met_by,
                maybe,
            } => {
                let rule = match (rule_says(f, Lang::Ru), field) {
                    (Some(says), _) => format!("правилу: {says}"),
                    (None, Some(field)) => format!("правилу о поле `{}`", field.name()),
                    (None, None) => String::from("правилу о его полях"),
                };
                let meets = if *maybe {
                    "может соответствовать экземпляр"
                } else {
                    "соответствует экземпляр"
                };
                let lacks = if *maybe {
                    " (в нём нет поля, нужного правилу)"
                } else {
                    ""
                };
                format!(
                    "экземпляр документа `{subject}` не соответствует {rule}; требованию {meets} `/documents/{met_by}`{lacks}"
                )
            }
            About::RefusalGround => format!("имеется основание для отказа `{subject}`"),
            About::UnknownService { .. } => format!("неизвестная услуга `{subject}`"),
            About::ServiceNotInForce { day, .. } => {
                format!("услуга `{subject}` не действует на {day}")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("канал приёма `{subject}` не действует на {day}")
            }
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "срок оказания услуги — {} после {} — истёк {}; услуга оказана с опозданием на {}",
                duration(*within),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by, true)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "срок оказания услуги — {} после {} — истёк {}; услуга не оказана: просрочено на {}",
                duration(*within),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by, true)
            ),
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} должен быть выполнен за {} после {}, до {}, а выполнен с опозданием на {}",
                step(subject, duty),
                duration(*within),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by, true)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} должен быть выполнен за {} после {}, до {}, и не выполнен: просрочен на {}",
                step(subject, duty),
                duration(*within),
                counted_from(duty),
                crate::time::rfc3339(*due),
                lateness(*by, true)
            ),
            About::DeadlineUnknown { error } => format!(
                "срок шага `{subject}` невозможно вычислить: {}",
                time_error(error)
            ),
            About::InForceUnknown {
                act,
                day,
                earliest,
                latest,
                elements,
                ..
            } => format!(
                "неизвестно, действовал ли {act} на {day}: он вступил в силу в один из дней с {earliest} по {}, поэтому не решено: {}",
                latest.map_or_else(|| String::from("неизвестный день"), |l| l.to_string()),
                quoted(elements),
                act = act_ru(act, Case::Nominative),
            ),
            About::WordingNotInForce { act, day, .. } => format!(
                "срок шага `{subject}` на {day} неизвестен: шаг изложен в редакции {act}, ещё не действовавшей в этот день",
                act = act_ru(act, Case::Genitive),
            ),
            About::EventOutOfOrder { at, duty } => format!(
                "шаг `{subject}` датирован {}, раньше {} — события, от которого отсчитывается его срок",
                crate::time::rfc3339(*at),
                counted_from(duty)
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
            About::MissingDocument { documents, .. } => {
                format!("среди приложенных документов (всего {documents}) нет `{subject}`")
            }
            About::MissingItemDocument { index, field, .. } => format!(
                "для этого элемента нет `{subject}` с `\"{}\": {index}`",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("этот документ не соответствует правилу")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("значение `{}` не соответствует правилу", field.name()),
            About::InvalidDocumentCopy { field: None, .. } => {
                String::from("этот экземпляр не соответствует правилу")
            }
            About::InvalidDocumentCopy {
                field: Some(field), ..
            } => format!(
                "значение `{}` этого экземпляра не соответствует правилу",
                field.name()
            ),
            About::RefusalGround => String::from("этот факт является основанием для отказа"),
            About::UnknownService { .. } => String::from("такой услуги нет"),
            About::ChannelNotInForce { day, .. } | About::ServiceNotInForce { day, .. } => {
                format!("не действует на {day}")
            }
            About::DeadlineLate { due, by, .. } => format!(
                "срок — {}; опоздание — {}",
                crate::time::rfc3339(*due),
                lateness(*by, false)
            ),
            About::DeadlineOverdue { due, by, .. } => format!(
                "срок — {}; просрочка — {}",
                crate::time::rfc3339(*due),
                lateness(*by, false)
            ),
            About::DeadlineUnknown { .. } => String::from("срок не вычислен"),
            About::InForceUnknown { elements, .. } => {
                format!("применяемый день; не решено: {}", quoted(elements))
            }
            About::WordingNotInForce { .. } => String::from("срок не проверялся"),
            About::Unreadable(_)
            | About::Input(_)
            | About::EventOutOfOrder { .. }
            | About::DuplicateEvent { .. }
            | About::Undecided { .. } => return None,
        })
    }

    fn help(&self, f: &Finding) -> Option<String> {
        let s = String::from;
        let subject = &f.subject;
        Some(match &f.about {
            About::Unreadable(p) | About::Input(p) => problems::problem(p).1,
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
            About::InvalidDocumentCopy {
                met_by,
                maybe: true,
                ..
            } => format!(
                "дополните экземпляр `/documents/{met_by}` недостающим: если он соответствует правилу, этот экземпляр не нужен; если нет, замените этот экземпляр соответствующим правилу"
            ),
            About::InvalidDocumentCopy { met_by, .. } => format!(
                "требованию соответствует экземпляр `/documents/{met_by}`; уберите этот экземпляр из заявления или замените его соответствующим правилу"
            ),
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
            About::DeadlineLate { duty, .. } | About::DeadlineOverdue { duty, .. } => {
                match &duty.actor {
                    Some(actor) => format!(
                        // no verb agrees with the actor: its number and gender are not known
                        "срок, установленный регламентом, нарушен; отвечает за него {}: укажите причину в деле",
                        actor_named(actor)
                    ),
                    None => s("нарушен срок, установленный регламентом; укажите причину в деле"),
                }
            }
            About::DeadlineUnknown { .. } => {
                s("календарь набора правил должен охватывать даты событий пакета")
            }
            About::InForceUnknown { act, .. } => format!(
                "дата опубликования {act} не записана, поэтому то, что он вводит в действие, не решено; запишите дату в файлах правил или проверьте с `--assume-in-force earliest` либо `latest`, чтобы решить всё же",
                act = act_ru(act, Case::Genitive),
            ),
            About::WordingNotInForce {
                act, from, latest, ..
            } => match (from, latest) {
                (Some(from), Some(latest)) => format!(
                    "редакцию шага дал {act}, вступивший в силу между {from} и {latest} в неизвестный день: пока день неизвестен, действует прежняя редакция, а она не записана",
                    act = act_ru(act, Case::Nominative),
                ),
                (Some(from), None) => format!(
                    "редакцию шага дал {act} с {from}; прежняя редакция не записана, поэтому срок шага не проверяется",
                    act = act_ru(act, Case::Nominative),
                ),
                _ => format!(
                    "редакцию шага дал {act}; когда он вступил в силу, неизвестно, поэтому срок шага не проверяется",
                    act = act_ru(act, Case::Nominative),
                ),
            },
            About::EventOutOfOrder { .. } => s(
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
            Reason::Fact {
                name,
                value: value @ FactValue::Members(_),
                ..
            } => format!("`{name}` содержит {}", shown(value)),
            Reason::Fact { name, value, .. } => {
                format!("`{name}` имеет значение {}", shown(value))
            }
            Reason::NoItemDocument { index } => format!(
                "ни один из этих документов не является `{}` для элемента {index}",
                f.subject
            ),
            Reason::TermStart(_) => String::from("срок исчисляется с этого момента"),
            Reason::CopyMeetsRequirement { maybe: false, .. } => {
                String::from("этот экземпляр соответствует требованию")
            }
            Reason::CopyMeetsRequirement { maybe: true, .. } => {
                String::from("этот экземпляр может соответствовать требованию")
            }
        }
    }

    fn citation(&self, citation: &crate::compile::Citation) -> String {
        super::citation::citation_ru(citation)
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — правило `{rule}`")
    }

    fn verdict(&self, verdict: crate::vocab::Verdict) -> Option<&'static str> {
        use crate::vocab::Verdict;
        Some(match verdict {
            Verdict::Ok => "замечаний нет",
            Verdict::Pending => "решение отложено",
            Verdict::Incomplete => "пакет документов неполон",
            Verdict::Refused => "есть основание для отказа",
            Verdict::NotApplicable => "услуга не применяется",
            Verdict::Invalid => "пакет не может быть прочитан",
        })
    }

    fn late_by(&self, by: Lateness) -> String {
        lateness(by, false)
    }

    fn timeline(&self) -> &'static super::Timeline {
        &super::Timeline {
            submitted: "подан",
            as_of: "на момент",
            columns: ["шаг", "участник", "срок", "факт", "статус", "опоздание"],
            statuses: ["в срок", "ОПОЗДАЛ", "ПРОСРОЧЕН", "открыт", "выполнен"],
            no_timeline: "— {verdict}: сроки вычислить нельзя",
            see_why: "чтобы узнать почему, выполните:",
        }
    }

    fn until_known(&self) -> &'static str {
        "не решено, пока неизвестны эти факты"
    }

    fn unverified(&self, reason: &str) -> String {
        format!("не проверено: {reason}")
    }

    /// In the masculine nominative ("второй ребёнок"); past ten, "11-й".
    fn ordinal(&self, n: usize) -> String {
        const WORDS: [&str; 10] = [
            "первый",
            "второй",
            "третий",
            "четвёртый",
            "пятый",
            "шестой",
            "седьмой",
            "восьмой",
            "девятый",
            "десятый",
        ];
        match n.checked_sub(1).and_then(|i| WORDS.get(i)) {
            Some(word) => (*word).to_string(),
            None => format!("{n}-й"),
        }
    }
}

/// "шаг `x` участника `provider` «…»".
fn step(subject: &str, duty: &Duty) -> String {
    match &duty.actor {
        Some(actor) => format!("шаг `{subject}` участника {}", actor_named(actor)),
        None => format!("шаг `{subject}`"),
    }
}

/// "подачи (2019-05-14T10:00:00+06:00)" or "шага `x` (…)".
fn counted_from(duty: &Duty) -> String {
    let at = crate::time::rfc3339(duty.after_at);
    match &duty.after {
        Some(step) => format!("шага `{step}` ({at})"),
        None => format!("подачи ({at})"),
    }
}

/// How late: "1 календарный день (1 рабочий день)", or hours, minutes and seconds within a
/// day, after «на» (`accusative`: «на 1 минуту») or alone («1 минута»).
fn lateness(by: Lateness, accusative: bool) -> String {
    match (clock(by), by.working_days) {
        (Some(parts), _) => clock_words(parts, |n, unit| {
            let (one, few, many) = match unit {
                Unit::Hour => ("час", "часа", "часов"),
                Unit::Minute if accusative => ("минуту", "минуты", "минут"),
                Unit::Minute => ("минута", "минуты", "минут"),
                Unit::Second if accusative => ("секунду", "секунды", "секунд"),
                Unit::Second => ("секунда", "секунды", "секунд"),
            };
            format!("{n} {}", russian_plural(n, one, few, many))
        }),
        (None, Some(w)) => format!("{} ({})", days(by.calendar_days, false), days(w, true)),
        (None, None) => days(by.calendar_days, false),
    }
}

/// `n` calendar or working days, with the noun in the form the number asks for.
pub(super) fn days(n: i64, working: bool) -> String {
    if working {
        format!(
            "{n} {}",
            russian_plural(n, "рабочий день", "рабочих дня", "рабочих дней")
        )
    } else {
        format!(
            "{n} {}",
            russian_plural(n, "календарный день", "календарных дня", "календарных дней")
        )
    }
}

/// A term's length, as the rules write it: "30 минут".
pub(super) fn duration(d: Duration) -> String {
    let n = d.amount;
    let form = |one, few, many| format!("{n} {}", russian_plural(i64::from(n), one, few, many));
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

/// "с 2019-09-27 по 2020-04-13 включительно"; a bound that waits on an act says so.
fn interval(when: &Interval) -> String {
    let window = |act: &str, earliest, latest: Option<chrono::NaiveDate>| match latest {
        Some(latest) => {
            format!("дня вступления в силу `{act}` (с {earliest} по {latest}; точно не известен)")
        }
        None => format!("дня вступления в силу `{act}` ({earliest} или позже; точно не известен)"),
    };
    let from = |b: Bound<'_>| match b {
        Bound::Day(day) => format!("с {day}"),
        Bound::Window {
            act,
            earliest,
            latest,
        } => format!("со {}", window(act, earliest, latest)),
    };
    let last = |b: Bound<'_>| match b {
        Bound::Day(day) => format!("по {day} включительно"),
        Bound::Window {
            act,
            earliest,
            latest,
        } => format!("до {}", window(act, earliest, latest)),
    };
    match bounds(when) {
        (Some(f), Some(l)) => format!("{} {}", from(f), last(l)),
        (Some(f), None) => from(f),
        (None, Some(l)) => last(l),
        (None, None) => String::from("бессрочно"),
    }
}

/// Why a term or a rule cannot be computed.
pub(super) fn time_error(error: &TimeError) -> String {
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
