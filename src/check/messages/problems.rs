//! The words of problems with the bundle itself (`bundle::Problem`), in English, Russian and
//! Kazakh: each language in one function, so a translator reads one language at a time.

use super::super::bundle::{FieldPlace, Found, JsonKind, Problem};
use crate::semantic::model::{Type, UnitFamily};
use crate::vocab::Lang;

/// A problem with the bundle itself, worded in `lang`: (message, help).
pub(crate) fn problem_text(problem: &Problem, lang: Lang) -> (String, String) {
    match lang {
        Lang::En => problem_en(problem),
        Lang::Ru => problem_ru(problem),
        Lang::Kk => problem_kk(problem),
    }
}

/// The label of an input finding's primary span: a problem (`warning` false) or a warning.
pub(crate) fn problem_label(problem: &Problem, warning: bool, lang: Lang) -> &'static str {
    if matches!(problem, Problem::DuplicateKey { .. }) {
        return match lang {
            Lang::En => "given again here",
            Lang::Ru => "указано повторно",
            Lang::Kk => "қайта көрсетілген",
        };
    }
    match (warning, lang) {
        (false, Lang::En) => "wrong here",
        (false, Lang::Ru) => "ошибка здесь",
        (false, Lang::Kk) => "қате осында",
        (true, Lang::En) => "not read by any rule",
        (true, Lang::Ru) => "не читается ни одним правилом",
        (true, Lang::Kk) => "ешбір ереже оқымайды",
    }
}

/// The label at the place where JSON stops being readable.
pub(crate) fn json_syntax_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the JSON cannot be read from here",
        Lang::Ru => "с этого места JSON не читается",
        Lang::Kk => "JSON осы жерден бастап оқылмайды",
    }
}

/// A type in a lawyer's words, in the form a message needs after "must be": in English as
/// `Type::describe`, in Russian in the instrumental case (`должно быть датой`), in Kazakh in
/// the nominative (`күн болуы тиіс`).
pub(crate) fn type_text(ty: &Type, lang: Lang) -> String {
    let family = |f: UnitFamily| match (f, lang) {
        (UnitFamily::Clock, Lang::Ru) => "в минутах или часах",
        (UnitFamily::Days, Lang::Ru) => "в днях",
        (UnitFamily::Months, Lang::Ru) => "в месяцах или годах",
        (UnitFamily::Clock, _) => "минутпен немесе сағатпен",
        (UnitFamily::Days, _) => "күнмен",
        (UnitFamily::Months, _) => "аймен немесе жылмен",
    };
    match (ty, lang) {
        (_, Lang::En) => ty.describe(),
        (Type::Bool, Lang::Ru) => String::from("признаком «да/нет» (`true` или `false`)"),
        (Type::Text, Lang::Ru) => String::from("текстом"),
        (Type::Number, Lang::Ru) => String::from("числом"),
        (Type::Date, Lang::Ru) => String::from("датой"),
        (Type::Instant, Lang::Ru) => String::from("моментом времени"),
        (Type::Duration(f), Lang::Ru) => format!("продолжительностью {}", family(*f)),
        (Type::Enum(values), Lang::Ru) => format!("одним из значений ({})", values.join(", ")),
        (Type::Set(values), Lang::Ru) => format!("набором значений из ({})", values.join(", ")),
        (Type::List(_), Lang::Ru) => String::from("списком записей"),
        (Type::Error, Lang::Ru) => String::from("неизвестным значением"),
        (Type::Bool, Lang::Kk) => String::from("«иә/жоқ» белгісі (`true` немесе `false`)"),
        (Type::Text, Lang::Kk) => String::from("мәтін"),
        (Type::Number, Lang::Kk) => String::from("сан"),
        (Type::Date, Lang::Kk) => String::from("күнтізбелік күн"),
        (Type::Instant, Lang::Kk) => String::from("уақыт сәті"),
        (Type::Duration(f), Lang::Kk) => format!("{} берілген мерзім", family(*f)),
        (Type::Enum(values), Lang::Kk) => format!("({}) мәндерінің бірі", values.join(", ")),
        (Type::Set(values), Lang::Kk) => {
            format!("({}) мәндерінен құралған жиын", values.join(", "))
        }
        (Type::List(_), Lang::Kk) => String::from("жазбалар тізімі"),
        (Type::Error, Lang::Kk) => String::from("белгісіз мән"),
    }
}

/// A JSON kind in English, with its article.
fn kind_en(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "true/false",
        JsonKind::Number => "a number",
        JsonKind::Text => "a text",
        JsonKind::List => "a list",
        JsonKind::Object => "an object",
    }
}

/// A JSON kind in Russian: nominative (`nominative`) or instrumental (`а не числом`).
fn kind_ru(kind: JsonKind, nominative: bool) -> &'static str {
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

/// A JSON kind in Kazakh (nominative).
fn kind_kk(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "true/false мәні",
        JsonKind::Number => "сан",
        JsonKind::Text => "мәтін",
        JsonKind::List => "тізім",
        JsonKind::Object => "объект",
    }
}

fn found_en(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => kind_en(*kind).to_string(),
    }
}

fn found_ru(found: &Found, nominative: bool) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => kind_ru(*kind, nominative).to_string(),
    }
}

fn found_kk(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Other(kind) => kind_kk(*kind).to_string(),
    }
}

/// `{ "a": …, "b": … }`, the shape of a record.
fn record_shape(fields: &[String]) -> String {
    format!(
        "`{{ {} }}`",
        fields
            .iter()
            .map(|f| format!("\"{f}\": …"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// How to write an envelope field of the right kind, as code (the same in every language).
fn envelope_shape(field: &str, expected: JsonKind) -> String {
    match (field, expected) {
        ("documents", _) => String::from("`\"documents\": [ { \"kind\": … }, … ]`"),
        ("events", _) => String::from("`\"events\": [ { \"step\": …, \"at\": … }, … ]`"),
        (_, JsonKind::Object) => format!("`\"{field}\": {{ … }}`"),
        (_, JsonKind::List) => format!("`\"{field}\": [ … ]`"),
        (_, JsonKind::Text) => format!("`\"{field}\": \"…\"`"),
        (_, JsonKind::Number) => format!("`\"{field}\": 0`"),
        (_, JsonKind::Bool) => format!("`\"{field}\": true`"),
        (_, JsonKind::Null) => format!("`\"{field}\": null`"),
    }
}

const JSON_HELP_EN: &str =
    "fix the JSON syntax at this place; each bundle must be one well-formed JSON object";
const UNKNOWN_FIELD_HELP_EN: &str =
    "no rule reads this field: check its spelling against the service catalogue, or remove it";
const EVENT_SHAPE: &str = "`{ \"step\": \"talon_issued\", \"at\": \"2019-05-14T10:20:00+06:00\" }`";

fn problem_en(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant = |text: &str| format!("`{text}` is not a date and time with an offset");
    match problem {
        Problem::TooLarge { mib } => (
            format!("the bundle is larger than {mib} MiB"),
            s(JSON_HELP_EN),
        ),
        Problem::JsonEndsEarly => (
            s("the JSON ends too early: a closing bracket or quote is missing"),
            s(JSON_HELP_EN),
        ),
        Problem::JsonCutOff => (
            s("the JSON ends too early: the bundle is cut off here"),
            s(JSON_HELP_EN),
        ),
        Problem::JsonSyntax { detail } => (json_detail_en(detail), s(JSON_HELP_EN)),
        Problem::NotUtf8 => (
            s("the bundle is not UTF-8 text from here"),
            s(
                "send JSON encoded in UTF-8; convert the text from its legacy encoding (e.g. Windows-1251)",
            ),
        ),
        Problem::Empty => (
            s("no bundle: the text is empty"),
            s("send one JSON object per bundle (in NDJSON, one per line, without blank lines)"),
        ),
        Problem::NotAnObject => (
            s("the bundle is not a JSON object"),
            s("send one JSON object per bundle, `{ \"service\": …, \"submitted_at\": …, … }`"),
        ),
        Problem::Missing { field: "service" } => (
            s("the bundle does not say which service it is for"),
            s("add `\"service\": \"kz.mvd.permanent_residence\"` (or another service id)"),
        ),
        Problem::Missing {
            field: "submitted_at",
        } => (
            s("the bundle does not say when it was submitted"),
            s("add `\"submitted_at\": \"2019-05-14T10:00:00+06:00\"`"),
        ),
        Problem::Missing { field } => (
            format!("the bundle has no `{field}`"),
            format!("add `\"{field}\": …`"),
        ),
        Problem::WrongJsonKind {
            field,
            expected,
            found,
        } => (
            format!(
                "`{field}` must be {}, not {}",
                kind_en(*expected),
                kind_en(*found)
            ),
            match field.as_str() {
                "id" => s("write the id in quotes"),
                "service" => s("write the service id in quotes"),
                "submitted_at" => {
                    s("write it as RFC 3339 in quotes, e.g. `\"2019-05-14T10:00:00+06:00\"`")
                }
                _ => format!("write {}", envelope_shape(field, *expected)),
            },
        ),
        Problem::ParentNotObject { path, key, found } => (
            format!("`{path}` must be an object, not {}", kind_en(*found)),
            format!("write `{{ \"{key}\": … }}` here"),
        ),
        Problem::BadSubmittedAt { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00` (the date must exist)"),
        ),
        Problem::BadInstant { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`"),
        ),
        Problem::BadEventTime { text } => (
            not_instant(text),
            s("write it as RFC 3339, e.g. `2019-05-14T10:20:00+06:00`"),
        ),
        Problem::UnknownChannel { found } => (
            format!("{} is not an intake channel", found_en(found)),
            s("the channels are `provider` and `state_corporation`"),
        ),
        Problem::BadDate { text } => (
            format!("`{text}` is not a real date"),
            s("write dates as YYYY-MM-DD, with a day that exists (e.g. `1985-03-02`)"),
        ),
        Problem::NotOneOf {
            name,
            value,
            values,
        } => (
            format!("{} is not one of the values of `{name}`", found_en(value)),
            format!("the values are: {}", values.join(", ")),
        ),
        Problem::NotARecord {
            name,
            found,
            fields,
        } => (
            format!(
                "each element of `{name}` must be an object, not {}",
                kind_en(*found)
            ),
            format!("write {}", record_shape(fields)),
        ),
        Problem::WrongType {
            name,
            expected,
            found,
        } => (
            format!(
                "`{name}` must be {}, not {}",
                type_text(expected, Lang::En),
                found_en(found)
            ),
            type_help(expected, Lang::En),
        ),
        Problem::DuplicateKey { key } => (
            format!("field `{key}` is given twice here; the last one is used"),
            s("give each field once: other programs may read the first one instead"),
        ),
        Problem::UnknownField { key, place } => {
            let place = match place {
                FieldPlace::Envelope => s("the bundle envelope"),
                FieldPlace::Object(path) => format!("`{path}`"),
                FieldPlace::ListElement(name) => format!("an element of `{name}`"),
                FieldPlace::Document(kind) => format!("document `{kind}`"),
            };
            (
                format!("unknown field `{key}` in {place}"),
                s(UNKNOWN_FIELD_HELP_EN),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!("each document must be an object, not {}", kind_en(*found)),
            s("write `{ \"kind\": \"passport\", … }`"),
        ),
        Problem::DocumentWithoutKind => (
            s("a document without a `kind`"),
            s("say what the document is: `\"kind\": \"passport\"`"),
        ),
        Problem::UnknownDocument {
            kind,
            count,
            service,
            known,
        } => (
            if *count > 1 {
                format!("unknown document kind `{kind}` ({count} documents)")
            } else {
                format!("unknown document kind `{kind}`")
            },
            format!(
                "no rule of `{service}` reads this document; the kinds it knows are: {}",
                known.join(", ")
            ),
        ),
        Problem::BadChild { found } => (
            format!(
                "`child` must be the index of a child in `applicant.children`, not {}",
                found_en(found)
            ),
            s("write a whole number from 0, without quotes"),
        ),
        Problem::EventIncomplete => (
            s("each event needs a `step` and an `at`"),
            format!("write {EVENT_SHAPE}"),
        ),
        Problem::UnknownStep {
            step,
            service,
            known,
        } => (
            format!("unknown step `{step}`"),
            format!("the steps of `{service}` are: {}", known.join(", ")),
        ),
    }
}

/// serde_json's description of a syntax error, in Russian (the common ones; the others stay
/// as serde_json says them).
/// serde_json's description of a syntax error, in plain English.
fn json_detail_en(detail: &str) -> String {
    match detail {
        "expected value" => String::from(
            "a value was expected here (a text in quotes, a number, true, false, null, a list or an object)",
        ),
        "trailing characters" => String::from("more text after the end of the bundle's object"),
        "trailing comma" => String::from("a comma before a closing bracket"),
        "key must be a string" => String::from("a field name must be a text in quotes"),
        "expected ident" => String::from("`true`, `false` or `null` was expected here"),
        "number out of range" => String::from("a number too large to read"),
        "recursion limit exceeded" => {
            String::from("the JSON is nested too deeply (more than 128 levels)")
        }
        other if other.starts_with("control character") => {
            String::from("a line break or control character inside a text in quotes")
        }
        other => other.to_string(),
    }
}

fn json_detail_ru(detail: &str) -> String {
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

/// serde_json's description of a syntax error, in Kazakh.
fn json_detail_kk(detail: &str) -> String {
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

const JSON_HELP_RU: &str = "исправьте синтаксис JSON в этом месте; каждый пакет должен быть одним корректным объектом JSON";
const UNKNOWN_FIELD_HELP_RU: &str =
    "это поле не читает ни одно правило: сверьте его написание с каталогом услуг или удалите его";

fn problem_ru(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` не является датой и временем со смещением часового пояса");
    match problem {
        Problem::TooLarge { mib } => (format!("пакет больше {mib} МиБ"), s(JSON_HELP_RU)),
        Problem::JsonEndsEarly => (
            s("JSON обрывается преждевременно: не хватает закрывающей скобки или кавычки"),
            s(JSON_HELP_RU),
        ),
        Problem::JsonCutOff => (
            s("JSON обрывается преждевременно: здесь пакет обрезан"),
            s(JSON_HELP_RU),
        ),
        Problem::JsonSyntax { detail } => (
            format!("синтаксическая ошибка JSON: {}", json_detail_ru(detail)),
            s(JSON_HELP_RU),
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
                kind_ru(*expected, false),
                kind_ru(*found, false)
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
                kind_ru(*found, false)
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
            format!("{} не является каналом приёма", found_ru(found, true)),
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
                found_ru(value, true)
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
                kind_ru(*found, false)
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
                type_text(expected, Lang::Ru),
                found_ru(found, false)
            ),
            type_help(expected, Lang::Ru),
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
                s(UNKNOWN_FIELD_HELP_RU),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!(
                "каждый документ должен быть объектом, а не {}",
                kind_ru(*found, false)
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
                found_ru(found, false)
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

const JSON_HELP_KK: &str =
    "осы жердегі JSON синтаксисін түзетіңіз; әр пакет дұрыс құрылған бір JSON объектісі болуы тиіс";
const UNKNOWN_FIELD_HELP_KK: &str = "бұл өрісті ешбір ереже оқымайды: оның жазылуын қызметтер каталогымен салыстырыңыз немесе оны алып тастаңыз";

fn problem_kk(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` уақыт белдеуінің ығысуы көрсетілген күн мен уақыт емес");
    match problem {
        Problem::TooLarge { mib } => (format!("пакет {mib} МиБ-тан үлкен"), s(JSON_HELP_KK)),
        Problem::JsonEndsEarly => (
            s("JSON тым ерте аяқталады: жабатын жақша немесе тырнақша жетіспейді"),
            s(JSON_HELP_KK),
        ),
        Problem::JsonCutOff => (
            s("JSON тым ерте аяқталады: пакет осы жерде үзілген"),
            s(JSON_HELP_KK),
        ),
        Problem::JsonSyntax { detail } => (
            format!("JSON синтаксисінің қатесі: {}", json_detail_kk(detail)),
            s(JSON_HELP_KK),
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
                kind_kk(*expected),
                kind_kk(*found)
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
                kind_kk(*found)
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
            format!("{} қабылдау арнасы емес", found_kk(found)),
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
                found_kk(value)
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
                kind_kk(*found)
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
                type_text(expected, Lang::Kk),
                found_kk(found)
            ),
            type_help(expected, Lang::Kk),
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
                s(UNKNOWN_FIELD_HELP_KK),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!(
                "әр құжат объект болуы тиіс, ал мұнда {} берілген",
                kind_kk(*found)
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
                found_kk(found)
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

/// What to write instead of a value of the wrong type.
fn type_help(ty: &Type, lang: Lang) -> String {
    let s = String::from;
    match (ty, lang) {
        (Type::Bool, Lang::En) => s("write `true` or `false`, without quotes"),
        (Type::Text, Lang::En) => s("write the text in quotes"),
        (Type::Number, Lang::En) => s("write a whole number, without quotes"),
        (Type::Date, Lang::En) => s("write the date in quotes as YYYY-MM-DD"),
        (Type::Instant, Lang::En) => {
            s("write the moment in quotes as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`")
        }
        (Type::Enum(values), Lang::En) => format!("write one of: {}", values.join(", ")),
        (Type::Set(values), Lang::En) => format!("write a list of: {}", values.join(", ")),
        (Type::List(_), Lang::En) => s("write a list of objects"),
        (Type::Bool, Lang::Ru) => s("укажите `true` или `false`, без кавычек"),
        (Type::Text, Lang::Ru) => s("укажите текст в кавычках"),
        (Type::Number, Lang::Ru) => s("укажите целое число, без кавычек"),
        (Type::Date, Lang::Ru) => s("укажите дату в кавычках в формате ГГГГ-ММ-ДД"),
        (Type::Instant, Lang::Ru) => s(
            "укажите момент времени в кавычках в формате RFC 3339, например `2019-05-14T10:00:00+06:00`",
        ),
        (Type::Enum(values), Lang::Ru) => {
            format!("укажите одно из значений: {}", values.join(", "))
        }
        (Type::Set(values), Lang::Ru) => {
            format!("укажите список из значений: {}", values.join(", "))
        }
        (Type::List(_), Lang::Ru) => s("укажите список объектов"),
        (Type::Bool, Lang::Kk) => s("`true` немесе `false` мәнін тырнақшасыз жазыңыз"),
        (Type::Text, Lang::Kk) => s("мәтінді тырнақшаға алып жазыңыз"),
        (Type::Number, Lang::Kk) => s("бүтін санды тырнақшасыз жазыңыз"),
        (Type::Date, Lang::Kk) => s("күнді тырнақшаға алып, ЖЖЖЖ-АА-КК форматында жазыңыз"),
        (Type::Instant, Lang::Kk) => s(
            "уақыт сәтін тырнақшаға алып, RFC 3339 форматында жазыңыз, мысалы `2019-05-14T10:00:00+06:00`",
        ),
        (Type::Enum(values), Lang::Kk) => {
            format!("мына мәндердің бірін жазыңыз: {}", values.join(", "))
        }
        (Type::Set(values), Lang::Kk) => {
            format!(
                "мына мәндерден тұратын тізім жазыңыз: {}",
                values.join(", ")
            )
        }
        (Type::List(_), Lang::Kk) => s("объектілер тізімін жазыңыз"),
        (Type::Duration(_) | Type::Error, _) => String::new(),
    }
}
