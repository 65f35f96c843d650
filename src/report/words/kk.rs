//! The words of bundle findings in Kazakh. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words.

use super::{
    Catalogue, EVENT_SHAPE, ProblemLabel, clock, envelope_shape, is_empty_list, quoted,
    record_shape, shown, titled,
};
use crate::check::{About, FieldPlace, Finding, Found, JsonKind, Lateness, Problem, Reason};
use crate::semantic::model::{Interval, Type, UnitFamily};
use crate::time::TimeError;
use crate::vocab::{Duration, DurationUnit, Lang};

/// Kazakh.
pub(super) struct Kazakh;

impl Catalogue for Kazakh {
    fn problem(&self, problem: &Problem) -> (String, String) {
        self::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::Unreadable => "JSON осы жерден бастап оқылмайды",
            ProblemLabel::Wrong => "қате осында",
            ProblemLabel::GivenAgain => "қайта көрсетілген",
            ProblemLabel::NotRead => "ешбір ереже оқымайды",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problem(p).0,
            About::MissingDocument { .. } => {
                format!("`{subject}` құжаты жоқ{}", titled(f, Lang::Kk))
            }
            About::MissingItemDocument { index, .. } => format!(
                "тізімнің {index}-элементі үшін `{subject}` құжаты жоқ{}",
                titled(f, Lang::Kk)
            ),
            About::InvalidDocument { .. } => {
                format!("`{subject}` құжаты талаптарға сәйкес келмейді")
            }
            About::RefusalGround => format!("`{subject}` бас тарту негізі бар"),
            About::UnknownService { .. } => format!("`{subject}` қызметі белгісіз"),
            About::ServiceNotInForce { day, .. } => {
                format!("`{subject}` қызметі {day} күні қолданыста емес")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("`{subject}` қабылдау арнасы {day} күні жұмыс істемейді")
            }
            About::DeadlineLate { within, .. } => format!(
                "`{subject}` қадамы мерзімінен кеш орындалды (алдыңғы оқиғадан кейін {})",
                duration(*within)
            ),
            About::DeadlineOverdue { .. } => {
                format!("`{subject}` қадамының мерзімі өтті, ал қадам орындалмады")
            }
            About::DeadlineUnknown { error } => format!(
                "`{subject}` қадамының мерзімін есептеу мүмкін емес: {}",
                time_error(error)
            ),
            About::WordingNotInForce { act, day, .. } => format!(
                "`{subject}` қадамының мерзімі {day} күні белгісіз: қадам {act} редакциясында жазылған, ол бұл күні әлі қолданысқа енбеген"
            ),
            About::EventOutOfOrder => format!(
                "`{subject}` қадамы мерзімі есептелетін оқиғадан бұрынғы күнмен белгіленген"
            ),
            About::DuplicateEvent { first } => format!(
                "`{subject}` қадамының тағы бір оқиғасы бар; тек біріншісі (`/events/{first}`) есепке алынады"
            ),
            About::Undecided { error } => {
                format!("ережені қолдану мүмкін емес: {}", time_error(error))
            }
        }
    }

    fn label(&self, f: &Finding) -> Option<String> {
        let subject = &f.subject;
        Some(match &f.about {
            About::MissingDocument { documents } => {
                format!("қоса берілген {documents} құжаттың ішінде `{subject}` жоқ")
            }
            About::MissingItemDocument { index, field } => format!(
                "осы элемент үшін `\"{}\": {index}` көрсетілген `{subject}` жоқ",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("бұл құжат ережеге сәйкес келмейді")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("`{}` мәні ережеге сәйкес келмейді", field.name()),
            About::RefusalGround => String::from("бұл факт бас тарту негізі болып табылады"),
            About::UnknownService { .. } => String::from("мұндай қызмет жоқ"),
            About::ChannelNotInForce { day, .. } => format!("{day} күні жұмыс істемейді"),
            About::ServiceNotInForce { day, .. } => format!("{day} күні қолданыста емес"),
            About::DeadlineLate { due, by, .. } => format!(
                "мерзімі — {}; кешігу — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue { due, by } => format!(
                "мерзімі — {}; мерзімнен асуы — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { .. } => String::from("мерзім есептелмеді"),
            About::WordingNotInForce { .. } => String::from("мерзім тексерілмеді"),
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
                match super::title(f, Lang::Kk) {
                    Some(t) => format!("өтінішке {t} (`{subject}`) құжатын қоса беріңіз"),
                    None => format!("өтінішке `{subject}` құжатын қоса беріңіз"),
                }
            }
            About::InvalidDocument {
                until: Some(until), ..
            } => format!(
                "`{}` {} немесе одан кейін болуы тиіс (тапсыру күні {}-нен кейін {}); осындай мерзімі бар `{subject}` қоса беріңіз",
                until.field.name(),
                until.day,
                until.submitted_on,
                duration(until.term)
            ),
            About::InvalidDocument { until: None, .. } => {
                format!("`{subject}` құжатын талапқа сай құжатпен ауыстырыңыз")
            }
            About::RefusalGround => s(
                "осы негізге сілтеме жасай отырып, қызмет көрсетуден дәлелді жауаппен бас тарту керек; егер факт қате болуы мүмкін болса, оны тексеріңіз",
            ),
            About::UnknownService {
                suggestion: Some(near),
                services,
            } => format!(
                "мүмкін, `{near}` қызметі көзделген шығар? белгілі қызметтер: {}",
                services.join(", ")
            ),
            About::UnknownService {
                suggestion: None,
                services,
            } => format!("белгілі қызметтер: {}", services.join(", ")),
            About::ServiceNotInForce { in_force, .. } => format!(
                "қызмет {} қолданыста; `submitted_at` мәнін тексеріңіз немесе басқа күні қолданыста болған заңнаманы қолдану үшін `--as-of` көрсетіңіз",
                intervals(in_force)
            ),
            About::ChannelNotInForce {
                open: Some(open), ..
            } => format!(
                "`{subject}` қабылдау арнасы {} жұмыс істейді; өтінішті басқа арна арқылы беріңіз",
                interval(open)
            ),
            About::ChannelNotInForce {
                open: None,
                service,
                offered,
                ..
            } => format!(
                "`{service}` қызметі өтініштерді тек мына арналар арқылы қабылдайды: {}",
                quoted(offered)
            ),
            About::DeadlineLate { .. } | About::DeadlineOverdue { .. } => s(
                "көрсетілетін қызметті беруші регламентте белгіленген мерзімді бұзды; себебін іс құжаттарында көрсетіңіз",
            ),
            About::DeadlineUnknown { .. } => {
                s("ережелер жиынының күнтізбесі пакеттегі оқиғалардың күндерін қамтуы тиіс")
            }
            About::WordingNotInForce {
                act, from, latest, ..
            } => match (from, latest) {
                (Some(from), Some(latest)) => format!(
                    "қадамның редакциясын {act} берді, ол {from} мен {latest} аралығында белгісіз күні қолданысқа енді: ол күн белгілі болғанша бұрынғы редакция қолданылады, ал ол жазылмаған"
                ),
                (Some(from), None) => format!(
                    "қадамның редакциясын {act} {from} бастап берді; бұрынғы редакция жазылмаған, сондықтан қадамның мерзімі тексерілмейді"
                ),
                _ => format!(
                    "қадамның редакциясын {act} берді; оның қашан қолданысқа енгені белгісіз, сондықтан қадамның мерзімі тексерілмейді"
                ),
            },
            About::EventOutOfOrder => s(
                "екі оқиғаның да күнін тексеріңіз: қадам өзінен бұрынғы оқиғадан ерте бола алмайды",
            ),
            About::DuplicateEvent { .. } => s(
                "әр қадамға бір оқиға қалдырыңыз; қадам қайта орындалса, алғаш орындалған уақытын көрсетіңіз",
            ),
            About::Undecided { .. } => s(
                "ережелер жиыны бұл жағдайды есептей алмайды (жұмыс күндері үшін күнтізбе тиісті жылды қамтуы тиіс); оған дейін шешім күтілуде қалады",
            ),
        })
    }

    fn reason(&self, f: &Finding, reason: &Reason) -> String {
        match reason {
            Reason::Fact { name, value, .. } if is_empty_list(value) => {
                format!("`{name}` тізімі бос")
            }
            Reason::Fact { name, value, .. } => format!("`{name}` мәні — {}", shown(value)),
            Reason::NoItemDocument { index } => format!(
                "бұл құжаттардың ешқайсысы {index}-элемент үшін берілген `{}` емес",
                f.subject
            ),
            Reason::TermStart(_) => String::from("мерзім осы сәттен бастап есептеледі"),
        }
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — ереже `{rule}`")
    }

    fn until_known(&self) -> &'static str {
        "мына фактілер белгілі болғанша шешілмейді"
    }
}

/// "күнтізбелік 1 күн (1 жұмыс күні)", or `hh:mm:ss` within a day.
fn lateness(by: Lateness) -> String {
    let calendar = |n: i64| format!("күнтізбелік {n} күн");
    match (clock(by), by.working_days) {
        (Some(time), _) => time,
        (None, Some(w)) => format!("{} ({w} жұмыс күні)", calendar(by.calendar_days)),
        (None, None) => calendar(by.calendar_days),
    }
}

/// A term's length, as the rules write it: "30 минут".
fn duration(d: Duration) -> String {
    let n = d.amount;
    match d.unit {
        DurationUnit::Minutes => format!("{n} минут"),
        DurationUnit::Hours => format!("{n} сағат"),
        DurationUnit::CalendarDays => format!("күнтізбелік {n} күн"),
        DurationUnit::WorkingDays => format!("{n} жұмыс күні"),
        DurationUnit::UnstatedDays => format!("{n} күн"),
        DurationUnit::CalendarWorkingDays => format!("күнтізбелік {n} жұмыс күні"),
        DurationUnit::Months => format!("{n} ай"),
        DurationUnit::Years => format!("{n} жыл"),
    }
}

/// Several intervals in force, joined with "; ".
fn intervals(when: &[Interval]) -> String {
    when.iter().map(interval).collect::<Vec<_>>().join("; ")
}

/// Days in force: the last day named is the first one no longer in force.
fn interval(when: &Interval) -> String {
    match (when.from, when.until) {
        (Some(f), Some(u)) => format!("{f} күнінен бастап {u} күніне дейін"),
        (Some(f), None) => format!("{f} күнінен бастап"),
        (None, Some(u)) => format!("{u} күніне дейін"),
        (None, None) => String::from("мерзімсіз"),
    }
}

/// Why a term or a rule cannot be computed.
fn time_error(error: &TimeError) -> String {
    match error {
        TimeError::OutsideCalendar { calendar, year } => {
            format!("`{calendar}` күнтізбесі {year} жылды қамтымайды")
        }
        TimeError::NoCalendar => String::from(
            "жұмыс күндерімен берілген мерзімді есептеу үшін жұмыс күндерінің күнтізбесі қажет",
        ),
        TimeError::MixedUnit => String::from(
            "мерзім бір мезгілде күнтізбелік күндермен де, жұмыс күндерімен де есептелмейді",
        ),
        TimeError::OutOfRange => {
            String::from("мерзім ereje есептей алатын күндердің шегінен тыс аяқталады")
        }
        TimeError::NoLocalTime { date, timezone } => {
            format!("`{timezone}` уақыт белдеуінде {date} күнінің соңы жоқ")
        }
    }
}

/// A type in the nominative, as a message needs it before "болуы тиіс" (`күн болуы тиіс`).
fn type_text(ty: &Type) -> String {
    let family = |f: UnitFamily| match f {
        UnitFamily::Clock => "минутпен немесе сағатпен",
        UnitFamily::Days => "күнмен",
        UnitFamily::Months => "аймен немесе жылмен",
    };
    match ty {
        Type::Bool => String::from("«иә/жоқ» белгісі (`true` немесе `false`)"),
        Type::Text => String::from("мәтін"),
        Type::Number => String::from("сан"),
        Type::Date => String::from("күнтізбелік күн"),
        Type::Instant => String::from("уақыт сәті"),
        Type::Duration(f) => format!("{} берілген мерзім", family(*f)),
        Type::Enum(values) => format!("({}) мәндерінің бірі", values.join(", ")),
        Type::Set(values) => format!("({}) мәндерінен құралған жиын", values.join(", ")),
        Type::List(_) => String::from("жазбалар тізімі"),
        Type::Error => String::from("белгісіз мән"),
    }
}

/// What to write instead of a value of the wrong type.
fn type_help(ty: &Type) -> String {
    let s = String::from;
    match ty {
        Type::Bool => s("`true` немесе `false` мәнін тырнақшасыз жазыңыз"),
        Type::Text => s("мәтінді тырнақшаға алып жазыңыз"),
        Type::Number => s("бүтін санды тырнақшасыз жазыңыз"),
        Type::Date => s("күнді тырнақшаға алып, ЖЖЖЖ-АА-КК форматында жазыңыз"),
        Type::Instant => s(
            "уақыт сәтін тырнақшаға алып, RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:00:00+06:00`",
        ),
        Type::Enum(values) => format!("мына мәндердің бірін жазыңыз: {}", values.join(", ")),
        Type::Set(values) => format!(
            "мына мәндерден тұратын тізім жазыңыз: {}",
            values.join(", ")
        ),
        Type::List(_) => s("объектілер тізімін жазыңыз"),
        Type::Duration(_) | Type::Error => String::new(),
    }
}

const JSON_HELP: &str =
    "осы жердегі JSON синтаксисін түзетіңіз; әр пакет дұрыс құрылған бір JSON объектісі болуы тиіс";
const UNKNOWN_FIELD_HELP: &str = "бұл өрісті ешбір ереже оқымайды: оның жазылуын қызметтер каталогымен салыстырыңыз немесе оны алып тастаңыз";

/// A problem with the bundle itself: its message and its help.
fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` уақыт белдеуінің ығысуы көрсетілген күн мен уақыт емес");
    match problem {
        Problem::TooLarge { mib } => (format!("пакет {mib} МиБ-тан үлкен"), s(JSON_HELP)),
        Problem::JsonEndsEarly => (
            s("JSON тым ерте аяқталады: жабатын жақша немесе тырнақша жетіспейді"),
            s(JSON_HELP),
        ),
        Problem::JsonCutOff => (
            s("JSON тым ерте аяқталады: пакет осы жерде үзілген"),
            s(JSON_HELP),
        ),
        Problem::JsonSyntax { detail } => (
            format!("JSON синтаксисінің қатесі: {}", json_detail(detail)),
            s(JSON_HELP),
        ),
        Problem::NotUtf8 => (
            s("осы жерден бастап пакет UTF-8 кодтауындағы мәтін емес"),
            s(
                "JSON-ды UTF-8 кодтауында жіберіңіз; мәтінді бұрынғы кодтаудан (мысалы, Windows-1251) қайта кодтаңыз",
            ),
        ),
        Problem::Empty => (
            s("пакет жоқ: мәтін бос"),
            s("әр пакетке бір JSON объектісін жіберіңіз (NDJSON-да әр жолға біреуден, бос жолсыз)"),
        ),
        Problem::NotAnObject => (
            s("пакет JSON объектісі емес"),
            s(
                "әр пакетті бір JSON объектісі ретінде жіберіңіз: `{ \"service\": …, \"submitted_at\": …, … }`",
            ),
        ),
        Problem::Missing { field: "service" } => (
            s("пакетте оның қай қызметке қатысты екені көрсетілмеген"),
            s(
                "`\"service\": \"kz.mvd.permanent_residence\"` (немесе басқа қызметтің идентификаторын) қосыңыз",
            ),
        ),
        Problem::Missing {
            field: "submitted_at",
        } => (
            s("пакетте өтініштің тапсырылған уақыты көрсетілмеген"),
            s("`\"submitted_at\": \"2019-05-14T10:00:00+06:00\"` қосыңыз"),
        ),
        Problem::Missing { field } => (
            format!("пакетте `{field}` өрісі жоқ"),
            format!("`\"{field}\": …` қосыңыз"),
        ),
        Problem::WrongJsonKind {
            field,
            expected,
            found,
        } => (
            format!(
                "`{field}` мәні {} болуы тиіс, ал мұнда {} берілген",
                json_kind(*expected),
                json_kind(*found)
            ),
            match field.as_str() {
                "id" => s("идентификаторды тырнақшаға алып жазыңыз"),
                "service" => s("қызмет идентификаторын тырнақшаға алып жазыңыз"),
                "submitted_at" => s(
                    "уақытты RFC 3339 форматында тырнақшаға алып жазыңыз, мысалы `\"2019-05-14T10:00:00+06:00\"`",
                ),
                _ => format!("{} түрінде жазыңыз", envelope_shape(field, *expected)),
            },
        ),
        Problem::ParentNotObject { path, key, found } => (
            format!(
                "`{path}` мәні объект болуы тиіс, ал мұнда {} берілген",
                json_kind(*found)
            ),
            format!("мұнда `{{ \"{key}\": … }}` түрінде жазыңыз"),
        ),
        Problem::BadSubmittedAt { text } => (
            not_instant(text),
            s(
                "уақытты RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:00:00+06:00` (мұндай күн күнтізбеде болуы тиіс)",
            ),
        ),
        Problem::BadInstant { text } => (
            not_instant(text),
            s("уақытты RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:00:00+06:00`"),
        ),
        Problem::BadEventTime { text } => (
            not_instant(text),
            s("уақытты RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:20:00+06:00`"),
        ),
        Problem::UnknownChannel { found } => (
            format!("{} қабылдау арнасы емес", found_text(found)),
            s("қабылдау арналары: `provider` және `state_corporation`"),
        ),
        Problem::BadDate { text } => (
            format!("`{text}` күнтізбеде бар күн емес"),
            s("күнді ЖЖЖЖ-АА-КК форматында, күнтізбеде бар күнмен жазыңыз (мысалы, `1985-03-02`)"),
        ),
        Problem::NotOneOf {
            name,
            value,
            values,
        } => (
            format!(
                "{} `{name}` өрісінің рұқсат етілген мәндеріне жатпайды",
                found_text(value)
            ),
            format!("рұқсат етілген мәндер: {}", values.join(", ")),
        ),
        Problem::NotARecord {
            name,
            found,
            fields,
        } => (
            format!(
                "`{name}` тізімінің әр элементі объект болуы тиіс, ал мұнда {} берілген",
                json_kind(*found)
            ),
            format!("{} түрінде жазыңыз", record_shape(fields)),
        ),
        Problem::WrongType {
            name,
            expected,
            found,
        } => (
            format!(
                "`{name}` мәні {} болуы тиіс, ал мұнда {} берілген",
                type_text(expected),
                found_text(found)
            ),
            type_help(expected),
        ),
        Problem::DuplicateKey { key } => (
            format!("`{key}` өрісі мұнда екі рет көрсетілген; соңғысы қолданылады"),
            s("әр өрісті бір рет көрсетіңіз: басқа бағдарламалар біріншісін оқуы мүмкін"),
        ),
        Problem::UnknownField { key, place } => {
            let place = match place {
                FieldPlace::Envelope => s("пакеттің жоғарғы деңгейінде"),
                FieldPlace::Object(path) => format!("`{path}` ішінде"),
                FieldPlace::ListElement(name) => format!("`{name}` тізімінің элементінде"),
                FieldPlace::Document(kind) => format!("`{kind}` құжатында"),
            };
            (
                format!("{place} белгісіз `{key}` өрісі бар"),
                s(UNKNOWN_FIELD_HELP),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!(
                "әр құжат объект болуы тиіс, ал мұнда {} берілген",
                json_kind(*found)
            ),
            s("`{ \"kind\": \"passport\", … }` түрінде жазыңыз"),
        ),
        Problem::DocumentWithoutKind => (
            s("құжаттың `kind` өрісі көрсетілмеген"),
            s("құжаттың түрін көрсетіңіз: `\"kind\": \"passport\"`"),
        ),
        Problem::UnknownDocument {
            kind,
            count,
            service,
            known,
        } => (
            if *count > 1 {
                format!("`{kind}` құжат түрі белгісіз ({count} құжат)")
            } else {
                format!("`{kind}` құжат түрі белгісіз")
            },
            format!(
                "`{service}` қызметінің ешбір ережесі бұл құжатты оқымайды; қызмет білетін құжат түрлері: {}",
                known.join(", ")
            ),
        ),
        Problem::BadChild { found } => (
            format!(
                "`child` мәні `applicant.children` тізіміндегі баланың реттік нөмірі болуы тиіс, ал мұнда {} берілген",
                found_text(found)
            ),
            s("0-ден басталатын бүтін санды тырнақшасыз жазыңыз"),
        ),
        Problem::EventIncomplete => (
            s("әр оқиғада `step` пен `at` көрсетілуі тиіс"),
            format!("{EVENT_SHAPE} түрінде жазыңыз"),
        ),
        Problem::UnknownStep {
            step,
            service,
            known,
        } => (
            format!("`{step}` қадамы белгісіз"),
            format!("`{service}` қызметінің қадамдары: {}", known.join(", ")),
        ),
    }
}

/// serde_json's description of a syntax error (the common ones; the others stay as
/// serde_json says them).
fn json_detail(detail: &str) -> String {
    match detail {
        "expected value" => String::from("мән күтілген"),
        "trailing characters" => String::from("объект аяқталғаннан кейін артық таңбалар бар"),
        "trailing comma" => String::from("артық үтір"),
        "key must be a string" => String::from("кілт тырнақшадағы жол болуы тиіс"),
        "expected `:`" => String::from("`:` күтілген"),
        "expected `,` or `]`" => String::from("`,` немесе `]` күтілген"),
        "expected `,` or `}`" => String::from("`,` немесе `}` күтілген"),
        "expected ident" => String::from("`true`, `false` немесе `null` күтілген"),
        "invalid number" => String::from("сан қате жазылған"),
        "number out of range" => String::from("сан рұқсат етілген ауқымнан тыс"),
        "invalid escape" => String::from("escape-тізбегі қате"),
        "recursion limit exceeded" => String::from("кірістіру тым терең"),
        other if other.starts_with("control character") => {
            String::from("жол ішінде басқару таңбасы бар")
        }
        other => other.to_string(),
    }
}

/// A JSON kind (nominative).
fn json_kind(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "true/false мәні",
        JsonKind::Number => "сан",
        JsonKind::Text => "мәтін",
        JsonKind::List => "тізім",
        JsonKind::Object => "объект",
    }
}

/// A value found where it does not fit: a text as written, anything else by its kind.
fn found_text(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => json_kind(*kind).to_string(),
    }
}
