//! The built-in wording of findings in Kazakh, Russian and English. Rules may give their own
//! `message`; these are used where they do not. Problems with the bundle itself are data
//! (`bundle::Problem`); their words are in `problems`.

mod labels;
mod problems;

pub(crate) use labels::{Help, Label, Lateness, Reason, law_line};
pub(crate) use problems::{json_syntax_label, problem_label, problem_text};

use chrono::NaiveDate;

use crate::compile::{CondPlan, RuleRef};
use crate::semantic::model::{CompareOp, DocField, TExpr};
use crate::time::TimeError;
use crate::vocab::{Duration, Lang, Texts};

/// A built-in message.
pub(crate) enum Msg<'a> {
    /// A required document is absent.
    MissingDocument {
        kind: &'a str,
        title: Option<&'a str>,
    },
    /// A per-item document is absent.
    MissingItemDocument {
        kind: &'a str,
        title: Option<&'a str>,
        index: usize,
    },
    /// A document fails a validity rule.
    InvalidDocument { kind: &'a str },
    /// A refusal ground without its own message.
    RefusalGround { id: &'a str },
    /// No such service.
    UnknownService { id: &'a str },
    /// The service is not in force.
    ServiceNotInForce { id: &'a str, day: NaiveDate },
    /// The channel is not open.
    ChannelNotInForce { channel: &'a str, day: NaiveDate },
    /// A step happened after its deadline, `within` after the earlier event.
    DeadlineLate { step: &'a str, within: Duration },
    /// A step has not happened and its deadline has passed.
    DeadlineOverdue { step: &'a str },
    /// A step's deadline cannot be computed.
    DeadlineUnknown { step: &'a str, error: &'a TimeError },
    /// A rule whose facts are present but whose value cannot be computed.
    Undecided { error: &'a TimeError },
}

impl Msg<'_> {
    fn kind(&self) -> Option<&str> {
        match self {
            Msg::MissingDocument { kind, .. }
            | Msg::MissingItemDocument { kind, .. }
            | Msg::InvalidDocument { kind } => Some(kind),
            _ => None,
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        // a title that only repeats the kind adds nothing
        let title = |t: Option<&str>| {
            t.filter(|t| self.kind().is_none_or(|k| k.replace('_', " ") != *t))
                .map_or_else(String::new, |t| format!(" ({t})"))
        };
        match (self, lang) {
            (Msg::MissingDocument { kind, title: t }, Lang::En) => {
                format!("missing document `{kind}`{}", title(*t))
            }
            (Msg::MissingDocument { kind, title: t }, Lang::Ru) => {
                format!("отсутствует документ `{kind}`{}", title(*t))
            }
            (Msg::MissingDocument { kind, title: t }, Lang::Kk) => {
                format!("`{kind}` құжаты жоқ{}", title(*t))
            }
            (
                Msg::MissingItemDocument {
                    kind,
                    title: t,
                    index,
                },
                Lang::En,
            ) => {
                format!(
                    "missing document `{kind}`{} for element {index} of the list",
                    title(*t)
                )
            }
            (
                Msg::MissingItemDocument {
                    kind,
                    title: t,
                    index,
                },
                Lang::Ru,
            ) => {
                format!(
                    "отсутствует документ `{kind}`{} для элемента {index} списка",
                    title(*t)
                )
            }
            (
                Msg::MissingItemDocument {
                    kind,
                    title: t,
                    index,
                },
                Lang::Kk,
            ) => {
                format!(
                    "тізімнің {index}-элементі үшін `{kind}` құжаты жоқ{}",
                    title(*t)
                )
            }
            (Msg::InvalidDocument { kind }, Lang::En) => {
                format!("document `{kind}` does not meet the requirements")
            }
            (Msg::InvalidDocument { kind }, Lang::Ru) => {
                format!("документ `{kind}` не соответствует требованиям")
            }
            (Msg::InvalidDocument { kind }, Lang::Kk) => {
                format!("`{kind}` құжаты талаптарға сәйкес келмейді")
            }
            (Msg::RefusalGround { id }, Lang::En) => format!("ground for refusal `{id}` holds"),
            (Msg::RefusalGround { id }, Lang::Ru) => format!("имеется основание для отказа `{id}`"),
            (Msg::RefusalGround { id }, Lang::Kk) => format!("`{id}` бас тарту негізі бар"),
            (Msg::UnknownService { id }, Lang::En) => format!("unknown service `{id}`"),
            (Msg::UnknownService { id }, Lang::Ru) => format!("неизвестная услуга `{id}`"),
            (Msg::UnknownService { id }, Lang::Kk) => format!("`{id}` қызметі белгісіз"),
            (Msg::ServiceNotInForce { id, day }, Lang::En) => {
                format!("service `{id}` is not in force on {day}")
            }
            (Msg::ServiceNotInForce { id, day }, Lang::Ru) => {
                format!("услуга `{id}` не действует на {day}")
            }
            (Msg::ServiceNotInForce { id, day }, Lang::Kk) => {
                format!("`{id}` қызметі {day} күні қолданыста емес")
            }
            (Msg::ChannelNotInForce { channel, day }, Lang::En) => {
                format!("intake channel `{channel}` is not open on {day}")
            }
            (Msg::ChannelNotInForce { channel, day }, Lang::Ru) => {
                format!("канал приёма `{channel}` не действует на {day}")
            }
            (Msg::ChannelNotInForce { channel, day }, Lang::Kk) => {
                format!("`{channel}` қабылдау арнасы {day} күні жұмыс істемейді")
            }
            (Msg::DeadlineLate { step, within }, Lang::En) => format!(
                "step `{step}` happened after its deadline ({within} after the earlier event)"
            ),
            (Msg::DeadlineLate { step, within }, Lang::Ru) => format!(
                "шаг `{step}` выполнен после срока ({} после предыдущего события)",
                labels::duration_text(*within, lang)
            ),
            (Msg::DeadlineLate { step, within }, Lang::Kk) => format!(
                "`{step}` қадамы мерзімінен кеш орындалды (алдыңғы оқиғадан кейін {})",
                labels::duration_text(*within, lang)
            ),
            (Msg::DeadlineOverdue { step }, Lang::En) => {
                format!("step `{step}` is overdue: its deadline has passed and it has not happened")
            }
            (Msg::DeadlineOverdue { step }, Lang::Ru) => {
                format!("шаг `{step}` просрочен: срок истёк, а шаг не выполнен")
            }
            (Msg::DeadlineOverdue { step }, Lang::Kk) => {
                format!("`{step}` қадамының мерзімі өтті, ал қадам орындалмады")
            }
            (Msg::DeadlineUnknown { step, error }, Lang::En) => {
                format!("the deadline of step `{step}` cannot be computed: {error}")
            }
            (Msg::DeadlineUnknown { step, error }, Lang::Ru) => format!(
                "срок шага `{step}` невозможно вычислить: {}",
                labels::time_error_text(error, lang)
            ),
            (Msg::DeadlineUnknown { step, error }, Lang::Kk) => format!(
                "`{step}` қадамының мерзімін есептеу мүмкін емес: {}",
                labels::time_error_text(error, lang)
            ),
            (Msg::Undecided { error }, Lang::En) => {
                format!("a rule could not be decided: {error}")
            }
            (Msg::Undecided { error }, Lang::Ru) => format!(
                "правило невозможно применить: {}",
                labels::time_error_text(error, lang)
            ),
            (Msg::Undecided { error }, Lang::Kk) => format!(
                "ережені қолдану мүмкін емес: {}",
                labels::time_error_text(error, lang)
            ),
        }
    }
}

/// A document's title written in `lang` itself: a title in another language would leave its
/// words in a report asked for in this one, so the document is then named by its kind alone.
pub(crate) fn title(texts: &Texts, lang: Lang) -> Option<&str> {
    texts.get(lang).filter(|_| texts.has(lang))
}

/// What to do about a missing document.
pub(crate) fn attach_help(kind: &str, rule: &RuleRef, lang: Lang) -> String {
    match (lang, title(&rule.title, lang)) {
        (Lang::En, Some(t)) => format!("attach the {t} (`{kind}`) to the application"),
        (Lang::En, None) => format!("attach `{kind}` to the application"),
        (Lang::Ru, Some(t)) => format!("приложите к заявлению документ «{t}» (`{kind}`)"),
        (Lang::Ru, None) => format!("приложите к заявлению документ `{kind}`"),
        (Lang::Kk, Some(t)) => format!("өтінішке {t} (`{kind}`) құжатын қоса беріңіз"),
        (Lang::Kk, None) => format!("өтінішке `{kind}` құжатын қоса беріңіз"),
    }
}

/// What to do about an invalid document: for an expiry rule, name the day it must reach.
pub(crate) fn validity_help(
    kind: &str,
    cond: &CondPlan,
    submitted_on: NaiveDate,
    lang: Lang,
) -> String {
    if let TExpr::Compare(CompareOp::Ge, left, right) = &cond.expr
        && let TExpr::DocField(field @ (DocField::ExpiresOn | DocField::IssuedOn)) = left.as_ref()
        && let TExpr::Shift(base, d, true) = right.as_ref()
        && matches!(base.as_ref(), TExpr::SubmittedOn)
        && let Some(day) = submitted_on.checked_add_days(chrono::Days::new(u64::from(d.amount)))
        && matches!(d.unit, crate::vocab::DurationUnit::CalendarDays)
    {
        let field = field.name();
        let term = labels::duration_text(*d, lang);
        return match lang {
            Lang::En => format!(
                "`{field}` must be {day} or later ({d} after the submission date {submitted_on}); attach a `{kind}` valid that long"
            ),
            Lang::Ru => format!(
                "`{field}` должен быть не ранее {day} ({term} после дня подачи {submitted_on}); приложите `{kind}` с таким сроком действия"
            ),
            Lang::Kk => format!(
                "`{field}` {day} немесе одан кейін болуы тиіс (тапсыру күні {submitted_on}-нен кейін {term}); осындай мерзімі бар `{kind}` қоса беріңіз"
            ),
        };
    }
    match lang {
        Lang::En => format!("replace the `{kind}` with one that meets the rule"),
        Lang::Ru => format!("замените `{kind}` документом, соответствующим правилу"),
        Lang::Kk => format!("`{kind}` құжатын талапқа сай құжатпен ауыстырыңыз"),
    }
}

/// What a refusal means for the applicant.
pub(crate) fn refusal_help(lang: Lang) -> String {
    match lang {
        Lang::En => String::from(
            "the service must be refused with a motivated answer citing this ground; check the fact if it may be wrong",
        ),
        Lang::Ru => String::from(
            "в оказании услуги должно быть отказано мотивированным ответом со ссылкой на это основание; проверьте факт, если он может быть ошибочным",
        ),
        Lang::Kk => String::from(
            "осы негізге сілтеме жасай отырып, қызмет көрсетуден дәлелді жауаппен бас тарту керек; егер факт қате болуы мүмкін болса, оны тексеріңіз",
        ),
    }
}

/// A step dated before the event its term counts from: (message, help).
pub(crate) fn event_order(step: &str, lang: Lang) -> (String, String) {
    match lang {
        Lang::En => (
            format!("step `{step}` is dated before the event its term counts from"),
            String::from(
                "check the dates of both events: a step cannot happen before the event it follows",
            ),
        ),
        Lang::Ru => (
            format!("шаг `{step}` датирован раньше события, от которого отсчитывается его срок"),
            String::from(
                "проверьте даты обоих событий: шаг не может произойти раньше события, за которым он следует",
            ),
        ),
        Lang::Kk => (
            format!("`{step}` қадамы мерзімі есептелетін оқиғадан бұрынғы күнмен белгіленген"),
            String::from(
                "екі оқиғаның да күнін тексеріңіз: қадам өзінен бұрынғы оқиғадан ерте бола алмайды",
            ),
        ),
    }
}

/// A step with several events: (message, help).
pub(crate) fn duplicate_event(step: &str, first: usize, lang: Lang) -> (String, String) {
    match lang {
        Lang::En => (
            format!(
                "step `{step}` has another event; only the first one (`/events/{first}`) is counted"
            ),
            String::from(
                "keep one event per step; if the step was redone, record the time it was first completed",
            ),
        ),
        Lang::Ru => (
            format!(
                "у шага `{step}` есть ещё одно событие; учитывается только первое (`/events/{first}`)"
            ),
            String::from(
                "оставьте одно событие на шаг; если шаг выполнялся повторно, укажите время первого выполнения",
            ),
        ),
        Lang::Kk => (
            format!(
                "`{step}` қадамының тағы бір оқиғасы бар; тек біріншісі (`/events/{first}`) есепке алынады"
            ),
            String::from(
                "әр қадамға бір оқиға қалдырыңыз; қадам қайта орындалса, алғаш орындалған уақытын көрсетіңіз",
            ),
        ),
    }
}
