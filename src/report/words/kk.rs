//! The words of bundle findings in Kazakh. Each function words one part of a finding; the
//! data of the finding (`check::About`) says which words; the problems with the bundle itself
//! (`check::Problem`) are worded in `problems`.

mod problems;

use super::citation::act_kk;
use super::period::{Bound, bounds};
use super::why::{item_fields, required_because};
use super::{
    Catalogue, ProblemLabel, Unit, actor_named, clock, clock_words, is_empty_list, quoted,
    rule_says, shown, titled,
};
use crate::check::{About, Duty, FactValue, Finding, Lateness, Problem, Reason};
use crate::semantic::model::Interval;
use crate::time::TimeError;
use crate::vocab::{Duration, DurationUnit, Lang};

/// Kazakh.
pub(super) struct Kazakh;

impl Catalogue for Kazakh {
    fn problem(&self, problem: &Problem) -> (String, String) {
        problems::problem(problem)
    }

    fn problem_label(&self, label: ProblemLabel) -> &'static str {
        match label {
            ProblemLabel::NotChecked => "тексерілмеді",
            ProblemLabel::Unreadable => "JSON осы жерден бастап оқылмайды",
            ProblemLabel::Wrong => "қате осында",
            ProblemLabel::GivenAgain => "қайта көрсетілген",
            ProblemLabel::NotRead => "ешбір ереже оқымайды",
            ProblemLabel::Ignored => "еленбейді",
            ProblemLabel::OtherCase => "стандартты код ретінде оқылды",
        }
    }

    fn message(&self, f: &Finding) -> String {
        let subject = &f.subject;
        match &f.about {
            About::Unreadable(p) | About::Input(p) => problems::problem(p).0,
            About::MissingDocument { .. } | About::MissingItemDocument { .. } => {
                let missing = format!("`{subject}` құжаты жоқ{}", titled(f, Lang::Kk));
                match (required_because(f, Lang::Kk), &f.about) {
                    (Some(why), _) => format!("{missing}: {why}"),
                    (
                        None,
                        About::MissingItemDocument {
                            index, list, item, ..
                        },
                    ) => format!(
                        "`{list}` тізімінің {} элементі{} үшін {missing}",
                        self.ordinal(index + 1),
                        item_fields(item)
                    ),
                    (None, About::MissingDocument { always: true, .. }) => {
                        format!("{missing}: оны әр өтініш беруші ұсынуы тиіс")
                    }
                    (None, _) => missing,
                }
            }
            About::InvalidDocument { .. } => {
                format!("`{subject}` құжаты талаптарға сәйкес келмейді")
            }
            About::InvalidDocumentCopy {
                field,
                met_by,
                maybe,
            } => {
                let rule = match (rule_says(f, Lang::Kk), field) {
                    (Some(says), _) => format!("ережеге сәйкес келмейді: {says}"),
                    (None, Some(field)) => {
                        format!("`{}` өрісі туралы ережеге сәйкес келмейді", field.name())
                    }
                    (None, None) => String::from("өрістері туралы ережеге сәйкес келмейді"),
                };
                let meets = if *maybe {
                    "сәйкес келуі мүмкін (онда ереже қажет ететін өріс жоқ)"
                } else {
                    "сәйкес келеді"
                };
                format!(
                    "`{subject}` құжатының данасы {rule}; талапқа `/documents/{met_by}` данасы {meets}"
                )
            }
            About::RefusalGround => format!("`{subject}` бас тарту негізі бар"),
            About::UnknownService { .. } => format!("`{subject}` қызметі белгісіз"),
            About::ServiceNotInForce { day, .. } => {
                format!("`{subject}` қызметі {day} күні қолданыста емес")
            }
            About::ChannelNotInForce { day, .. } => {
                format!("`{subject}` қабылдау арнасы {day} күні жұмыс істемейді")
            }
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "қызмет көрсету мерзімі — {} кейін {} — {} аяқталды; қызмет {} кешігіп көрсетілді",
                counted_from(duty),
                duration(*within),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } if subject == "term" => format!(
                "қызмет көрсету мерзімі — {} кейін {} — {} аяқталды; қызмет көрсетілмеді: {} кешікті",
                counted_from(duty),
                duration(*within),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineLate {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} {} кейін {} ішінде, {} дейін орындалуы тиіс еді, ал {} кешігіп орындалды",
                step(subject, duty),
                counted_from(duty),
                duration(*within),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue {
                within,
                due,
                by,
                duty,
            } => format!(
                "{} {} кейін {} ішінде, {} дейін орындалуы тиіс еді, бірақ орындалмады: {} кешікті",
                step(subject, duty),
                counted_from(duty),
                duration(*within),
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { error } => format!(
                "`{subject}` қадамының мерзімін есептеу мүмкін емес: {}",
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
                "{act} {day} күні қолданыста болғаны белгісіз: ол {earliest} мен {} аралығындағы бір күні қолданысқа енді, сондықтан шешілмеген: {}",
                latest.map_or_else(|| String::from("белгісіз күн"), |l| l.to_string()),
                quoted(elements),
                act = act_kk(act),
            ),
            About::WordingNotInForce { act, day, .. } => format!(
                "`{subject}` қадамының мерзімі {day} күні белгісіз: қадам {act} редакциясында жазылған, ол бұл күні әлі қолданысқа енбеген",
                act = act_kk(act),
            ),
            About::EventOutOfOrder { at, duty } => format!(
                "`{subject}` қадамының уақыты {}: бұл оның мерзімі есептелетін оқиғадан, {} бұрын",
                crate::time::rfc3339(*at),
                counted_from(duty)
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
            About::MissingDocument { documents, .. } => {
                format!("қоса берілген {documents} құжаттың ішінде `{subject}` жоқ")
            }
            About::MissingItemDocument { index, field, .. } => format!(
                "осы элемент үшін `\"{}\": {index}` көрсетілген `{subject}` жоқ",
                field.name()
            ),
            About::InvalidDocument { field: None, .. } => {
                String::from("бұл құжат ережеге сәйкес келмейді")
            }
            About::InvalidDocument {
                field: Some(field), ..
            } => format!("`{}` мәні ережеге сәйкес келмейді", field.name()),
            About::InvalidDocumentCopy { field: None, .. } => {
                String::from("бұл дана ережеге сәйкес келмейді")
            }
            About::InvalidDocumentCopy {
                field: Some(field), ..
            } => format!(
                "бұл дананың `{}` мәні ережеге сәйкес келмейді",
                field.name()
            ),
            About::RefusalGround => String::from("бұл факт бас тарту негізі болып табылады"),
            About::UnknownService { .. } => String::from("мұндай қызмет жоқ"),
            About::ChannelNotInForce { day, .. } => format!("{day} күні жұмыс істемейді"),
            About::ServiceNotInForce { day, .. } => format!("{day} күні қолданыста емес"),
            About::DeadlineLate { due, by, .. } => format!(
                "мерзімі — {}; кешігу — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineOverdue { due, by, .. } => format!(
                "мерзімі — {}; мерзімнен асуы — {}",
                crate::time::rfc3339(*due),
                lateness(*by)
            ),
            About::DeadlineUnknown { .. } => String::from("мерзім есептелмеді"),
            About::InForceUnknown { elements, .. } => {
                format!("қолданылатын күн; шешілмеген: {}", quoted(elements))
            }
            About::WordingNotInForce { .. } => String::from("мерзім тексерілмеді"),
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
            About::InvalidDocumentCopy {
                met_by,
                maybe: true,
                ..
            } => format!(
                "`/documents/{met_by}` данасын жетіспейтінімен толықтырыңыз: ол ережеге сәйкес келсе, бұл дана қажет емес; сәйкес келмесе, бұл дананы ережеге сәйкес келетін данамен ауыстырыңыз"
            ),
            About::InvalidDocumentCopy { met_by, .. } => format!(
                "талапқа `/documents/{met_by}` данасы сәйкес келеді; бұл дананы өтініштен алып тастаңыз немесе ережеге сәйкес келетін данамен ауыстырыңыз"
            ),
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
            About::DeadlineLate { duty, .. } | About::DeadlineOverdue { duty, .. } => {
                match &duty.actor {
                    Some(actor) => format!(
                        "{} регламентте белгіленген мерзімді бұзды; себебін іс құжаттарында көрсетіңіз",
                        actor_named(actor)
                    ),
                    None => s(
                        "регламентте белгіленген мерзім бұзылды; себебін іс құжаттарында көрсетіңіз",
                    ),
                }
            }
            About::DeadlineUnknown { .. } => {
                s("ережелер жиынының күнтізбесі пакеттегі оқиғалардың күндерін қамтуы тиіс")
            }
            About::InForceUnknown { act, .. } => format!(
                "{act} жарияланған күні жазылмаған, сондықтан ол қолданысқа енгізетін нәрсе шешілмеген; күнді ереже файлдарына жазыңыз немесе бәрібір шешу үшін `--assume-in-force earliest` не `latest` арқылы тексеріңіз",
                act = act_kk(act),
            ),
            About::WordingNotInForce {
                act, from, latest, ..
            } => match (from, latest) {
                (Some(from), Some(latest)) => format!(
                    "қадамның редакциясын {act} берді, ол {from} мен {latest} аралығында белгісіз күні қолданысқа енді: ол күн белгілі болғанша бұрынғы редакция қолданылады, ал ол жазылмаған",
                    act = act_kk(act),
                ),
                (Some(from), None) => format!(
                    "қадамның редакциясын {act} {from} бастап берді; бұрынғы редакция жазылмаған, сондықтан қадамның мерзімі тексерілмейді",
                    act = act_kk(act),
                ),
                _ => format!(
                    "қадамның редакциясын {act} берді; оның қашан қолданысқа енгені белгісіз, сондықтан қадамның мерзімі тексерілмейді",
                    act = act_kk(act),
                ),
            },
            About::EventOutOfOrder { .. } => s(
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
            Reason::Fact {
                name,
                value: value @ FactValue::Members(_),
                ..
            } => format!("`{name}` құрамында: {}", shown(value)),
            Reason::Fact { name, value, .. } => format!("`{name}` мәні — {}", shown(value)),
            Reason::NoItemDocument { index } => format!(
                "бұл құжаттардың ешқайсысы {index}-элемент үшін берілген `{}` емес",
                f.subject
            ),
            Reason::TermStart(_) => String::from("мерзім осы сәттен бастап есептеледі"),
            Reason::CopyMeetsRequirement { maybe: false, .. } => {
                String::from("бұл дана талапқа сәйкес келеді")
            }
            Reason::CopyMeetsRequirement { maybe: true, .. } => {
                String::from("бұл дана талапқа сәйкес келуі мүмкін")
            }
        }
    }

    fn citation(&self, citation: &crate::compile::Citation) -> String {
        super::citation::citation_kk(citation)
    }

    fn law(&self, citation: &str, rule: &str) -> String {
        format!("{citation} — ереже `{rule}`")
    }

    fn verdict(&self, verdict: crate::vocab::Verdict) -> Option<&'static str> {
        use crate::vocab::Verdict;
        Some(match verdict {
            Verdict::Ok => "ескерту жоқ",
            Verdict::Pending => "шешім кейінге қалдырылды",
            Verdict::Incomplete => "құжаттар толық емес",
            Verdict::Refused => "бас тарту негізі бар",
            Verdict::NotApplicable => "қызмет қолданылмайды",
            Verdict::Invalid => "пакетті оқу мүмкін емес",
        })
    }

    fn late_by(&self, by: Lateness) -> String {
        lateness(by)
    }

    fn timeline(&self) -> &'static super::Timeline {
        &super::Timeline {
            submitted: "берілді",
            as_of: "мына сәтте",
            columns: ["қадам", "қатысушы", "мерзімі", "нақты", "күйі", "кешігу"],
            statuses: ["мерзімінде", "КЕШІКТІ", "МЕРЗІМІ ӨТТІ", "ашық", "орындалды"],
            no_timeline: "— {verdict}: мерзімдерді есептеу мүмкін емес",
            see_why: "себебін білу үшін орындаңыз:",
        }
    }

    fn until_known(&self) -> &'static str {
        "мына фактілер белгілі болғанша шешілмейді"
    }

    fn unverified(&self, reason: &str) -> String {
        format!("тексерілмеген: {reason}")
    }

    /// Past ten, as digits with the suffix the number's last word takes: "11-ші", "16-шы".
    fn ordinal(&self, n: usize) -> String {
        const WORDS: [&str; 10] = [
            "бірінші",
            "екінші",
            "үшінші",
            "төртінші",
            "бесінші",
            "алтыншы",
            "жетінші",
            "сегізінші",
            "тоғызыншы",
            "оныншы",
        ];
        if let Some(word) = n.checked_sub(1).and_then(|i| WORDS.get(i)) {
            return (*word).to_string();
        }
        // алты, тоғыз; он, жиырма, отыз, қырық, алпыс, тоқсан; мың take the back-vowel suffix
        let back = match (n % 10, n / 10 % 10, n % 1000) {
            (0, tens @ 1..=9, _) => matches!(tens, 1 | 2 | 3 | 4 | 6 | 9),
            (6 | 9, _, _) | (0, 0, 0) => true,
            _ => false,
        };
        format!("{n}-{}", if back { "шы" } else { "ші" })
    }
}

/// "`provider` «…» орындайтын `x` қадамы".
fn step(subject: &str, duty: &Duty) -> String {
    match &duty.actor {
        Some(actor) => format!("{} орындайтын `{subject}` қадамы", actor_named(actor)),
        None => format!("`{subject}` қадамы"),
    }
}

/// "өтініш берілгеннен (2019-05-14T10:00:00+06:00)" or "`x` қадамынан (…)".
fn counted_from(duty: &Duty) -> String {
    let at = crate::time::rfc3339(duty.after_at);
    match &duty.after {
        Some(step) => format!("`{step}` қадамынан ({at})"),
        None => format!("өтініш берілгеннен ({at})"),
    }
}

/// "күнтізбелік 1 күн (1 жұмыс күні)", or "1 сағат 5 минут" within a day.
fn lateness(by: Lateness) -> String {
    let calendar = |n: i64| format!("күнтізбелік {n} күн");
    match (clock(by), by.working_days) {
        // Kazakh nouns keep their form after a number
        (Some(parts), _) => clock_words(parts, |n, unit| {
            let word = match unit {
                Unit::Hour => "сағат",
                Unit::Minute => "минут",
                Unit::Second => "секунд",
            };
            format!("{n} {word}")
        }),
        (None, Some(w)) => format!("{} ({w} жұмыс күні)", calendar(by.calendar_days)),
        (None, None) => calendar(by.calendar_days),
    }
}

/// A term's length, as the rules write it: "30 минут".
pub(super) fn duration(d: Duration) -> String {
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

/// "2019-09-27 күнінен бастап 2020-04-13 күнін қоса алғанда"; a bound that waits on an act
/// says so.
fn interval(when: &Interval) -> String {
    let window = |act: &str, earliest, latest: Option<chrono::NaiveDate>| match latest {
        Some(latest) => {
            format!("`{act}` күшіне енген күн ({earliest} мен {latest} аралығында; нақты белгісіз)")
        }
        None => format!("`{act}` күшіне енген күн ({earliest} немесе одан кейін; нақты белгісіз)"),
    };
    let from = |b: Bound<'_>| match b {
        Bound::Day(day) => format!("{day} күнінен бастап"),
        Bound::Window {
            act,
            earliest,
            latest,
        } => format!(
            "`{act}` күшіне енген күннен бастап ({})",
            window_days(earliest, latest)
        ),
    };
    let last = |b: Bound<'_>| match b {
        Bound::Day(day) => format!("{day} күнін қоса алғанда"),
        Bound::Window {
            act,
            earliest,
            latest,
        } => format!("{} дейін", window(act, earliest, latest)),
    };
    match bounds(when) {
        (Some(f), Some(l)) => format!("{} {}", from(f), last(l)),
        (Some(f), None) => from(f),
        (None, Some(l)) => last(l),
        (None, None) => String::from("мерзімсіз"),
    }
}

/// "2019-09-27 мен 2020-04-13 аралығында; нақты белгісіз".
fn window_days(earliest: chrono::NaiveDate, latest: Option<chrono::NaiveDate>) -> String {
    match latest {
        Some(latest) => format!("{earliest} мен {latest} аралығында; нақты белгісіз"),
        None => format!("{earliest} немесе одан кейін; нақты белгісіз"),
    }
}

/// Why a term or a rule cannot be computed.
pub(super) fn time_error(error: &TimeError) -> String {
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
