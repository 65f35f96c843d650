//! The words of the problems with a bundle itself in Kazakh (`check::Problem`): the message
//! and the help of each, and the words they share (JSON kinds, types, serde_json's errors).

use super::super::{EVENT_SHAPE, envelope_shape, quoted, record_shape};
use crate::check::{CodeList, FieldPlace, Found, JsonKind, Problem};
use crate::semantic::model::{Type, UnitFamily};

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
const NO_SUCH_CHILD_HELP: &str = "`applicant.children` тізіміндегі баланың реттік нөмірін 0-ден бастап жазыңыз немесе баланы тізімге қосыңыз";
const UNKNOWN_FIELD_HELP: &str = "бұл өрісті ешбір ереже оқымайды: оның жазылуын қызметтер каталогымен салыстырыңыз немесе оны алып тастаңыз";

/// A problem with the bundle itself: its message and its help.
pub(super) fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` уақыт белдеуінің ығысуы көрсетілген күн мен уақыт емес");
    match problem {
        Problem::TooLarge { bytes } => (
            format!("пакет {} шегінен үлкен", super::super::size(*bytes, "байт")),
            s(
                "пакетті шектеу ішінде жіберіңіз (`--max-bundle-mib`) немесе қоса берілгенін бөліңіз",
            ),
        ),
        Problem::TooDeep { limit } => (
            format!("JSON кірістіруі {limit} деңгейден терең"),
            s(
                "пакеттің объектілері мен тізімдері бірнеше деңгейге кірістіріледі: пакетті келісімшарт белгілеген пішінде жіберіңіз (шекті `--max-depth` белгілейді)",
            ),
        ),
        Problem::TooMany { list, count, limit } => (
            format!(
                "`{list}` ішінде {count} элемент бар, бұл бір пакетте рұқсат етілген {limit} шегінен көп"
            ),
            format!(
                "бір пакетте `{list}` элементтерін {limit} артық жібермеңіз (шекті `--max-{list}` белгілейді)"
            ),
        ),
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
        Problem::Request(r) => super::super::rejection::words(r, crate::vocab::Lang::Kk),
        Problem::Internal { message } => (
            format!("ereje бұл пакетті тексере алмады, сондықтан ол тексерілмеді: {message}"),
            s(
                "бұл пакеттің емес, ereje-нің қатесі: ол туралы пакетпен бірге ережелерді жүргізетіндерге хабарлаңыз және пакетті ereje-нің түзетілген нұсқасымен қайта тексеріңіз",
            ),
        ),
        Problem::NotUtf8 => (
            s("осы жерден бастап пакет UTF-8 кодтауындағы мәтін емес"),
            s(
                "JSON-ды UTF-8 кодтауында жіберіңіз; мәтінді бұрынғы кодтаудан (мысалы, Windows-1251) қайта кодтаңыз",
            ),
        ),
        Problem::ByteOrderMark => (
            s("пакет байт реті белгісінен (U+FEFF) басталады; ол еленбейді"),
            s(
                "JSON-ды байт реті белгісінсіз жіберіңіз (RFC 8259 § 8.1): файлды BOM-сыз UTF-8 ретінде сақтаңыз",
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
                "уақытты RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:00:00+06:00` (мұндай күн күнтізбеде болуы тиіс, 0000-01-02 мен 9999-12-30 аралығында)",
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
        Problem::UndeclaredChannel {
            channel,
            service,
            offered,
        } => (
            format!("`{channel}` — `{service}` қызметінің қабылдау арнасы емес"),
            format!(
                "`{service}` қызметінің қабылдау арналары: {}",
                quoted(offered)
            ),
        ),
        Problem::UnknownCode {
            list: CodeList::Country,
            text,
            meant,
        } => (
            format!("`{text}` — ISO 3166-1 бойынша елдің екі әріпті коды емес"),
            meant_prefix(*meant)
                + "азаматтығы бар мемлекетті ISO 3166-1 екі әріпті кодымен жазыңыз, мысалы `KZ`, `UZ`, `CN`",
        ),
        Problem::UnknownCode {
            list: CodeList::Language,
            text,
            meant,
        } => (
            format!("`{text}` — ISO 639-1 бойынша тілдің екі әріпті коды емес"),
            meant_prefix(*meant)
                + "тілді ISO 639-1 екі әріпті кодымен жазыңыз, мысалы `kk`, `ru`, `en`",
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Country,
            text,
            canonical,
        } => (
            format!(
                "ISO 3166-1 бойынша `{text}` ел коды `{canonical}` түрінде жазылады; ол `{canonical}` ретінде оқылды"
            ),
            format!("`{canonical}` деп жазыңыз: ел кодтары бас әріппен жазылады"),
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Language,
            text,
            canonical,
        } => (
            format!(
                "ISO 639-1 бойынша `{text}` тіл коды `{canonical}` түрінде жазылады; ол `{canonical}` ретінде оқылды"
            ),
            format!("`{canonical}` деп жазыңыз: тіл кодтары кіші әріппен жазылады"),
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
            suggestion,
        } => (
            if *count > 1 {
                format!("`{kind}` құжат түрі белгісіз ({count} құжат)")
            } else {
                format!("`{kind}` құжат түрі белгісіз")
            },
            {
                let near = suggestion.as_ref().map_or_else(String::new, |near| {
                    format!("мүмкін, `{near}` көзделген шығар? ")
                });
                format!(
                    "{near}`{service}` қызметінің ешбір ережесі бұл құжатты оқымайды; қызмет білетін құжат түрлері: {}",
                    known.join(", ")
                )
            },
        ),
        Problem::BadChild { found } => (
            format!(
                "`child` мәні `applicant.children` тізіміндегі баланың реттік нөмірі (0-ден басталатын бүтін сан) болуы тиіс, ал мұнда {} берілген",
                found_text(found)
            ),
            s("0-ден басталатын бүтін санды тырнақшасыз жазыңыз"),
        ),
        Problem::NoSuchChild { index, children: 0 } => (
            format!("`child` мәні {index}, бірақ `applicant.children` тізімі бос"),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children: 1 } => (
            format!(
                "`child` мәні {index}, бірақ `applicant.children` тізімінде бір ғана бала бар, оның нөмірі 0"
            ),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children } => (
            format!(
                "`child` мәні {index}, бірақ `applicant.children` тізімінде {index} нөмірлі бала жоқ (балалардың нөмірлері 0-ден {}-ге дейін)",
                children - 1
            ),
            s(NO_SUCH_CHILD_HELP),
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
            format!("`{step}` қадамы белгісіз: бұл оқиға ешбір мерзімде есепке алынбайды"),
            format!(
                "оқиғаның `step` мәні `{service}` қызметінің қадамдарының бірі болуы тиіс: {}",
                known.join(", ")
            ),
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
        "expected `\"`" => String::from("тырнақшадағы өріс атауы күтілген"),
        "invalid unicode code point" => String::from("Unicode таңбасы емес `\\u` escape-тізбегі"),
        "lone leading surrogate in hex escape" => String::from(
            "таңбаның жартысын беретін `\\u` escape-тізбегі (екінші жартысы жоқ жалғыз суррогат)",
        ),
        "unexpected end of hex escape" => String::from(
            "аяқталмаған `\\u` escape-тізбегі: төрт он алтылық цифр керек, ал таңбаның бірінші жартысынан (`\\ud800`–`\\udbff`) кейін бірден екінші жартысы (`\\udc00`–`\\udfff`) тұруы тиіс",
        ),
        "EOF while parsing a string" => String::from("мәтін тырнақшадағы жолдың ішінде аяқталады"),
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
        Found::Number(n) => format!("`{n}` саны"),
        Found::Other(kind) => json_kind(*kind).to_string(),
    }
}

/// "мүмкін, `kk` көзделген шығар? " before the help of a code that was most likely meant to be
/// another; nothing when none is known.
fn meant_prefix(meant: Option<&str>) -> String {
    meant.map_or_else(String::new, |code| {
        format!("мүмкін, `{code}` көзделген шығар? ")
    })
}
