//! The words of the problems with a bundle itself in Russian (`check::Problem`): the message
//! and the help of each, and the words they share (JSON kinds and types in the case a message
//! needs, serde_json's errors).

use super::super::{EVENT_SHAPE, envelope_shape, quoted, record_shape};
use crate::check::{CodeList, FieldPlace, Found, JsonKind, Problem};
use crate::semantic::model::{Type, UnitFamily};

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
const NO_SUCH_CHILD_HELP: &str = "укажите порядковый номер ребёнка в `applicant.children`, считая с 0, или добавьте ребёнка в список";
const UNKNOWN_FIELD_HELP: &str =
    "это поле не читает ни одно правило: сверьте его написание с каталогом услуг или удалите его";

/// A problem with the bundle itself: its message and its help.
pub(super) fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant =
        |text: &str| format!("`{text}` не является датой и временем со смещением часового пояса");
    match problem {
        Problem::TooLarge { bytes } => (
            format!("пакет больше {}", super::super::size(*bytes, "байт")),
            s(
                "отправьте пакет в пределах ограничения (`--max-bundle-mib`) или разделите приложенное",
            ),
        ),
        Problem::TooDeep { limit } => (
            format!("вложенность JSON глубже {limit} уровней"),
            s(
                "объекты и списки пакета вложены на несколько уровней: отправьте пакет в форме, которую задаёт контракт (`--max-depth` задаёт ограничение)",
            ),
        ),
        Problem::TooMany { list, count, limit } => (
            format!("в `{list}` {count} элементов — больше {limit}, допустимых в одном пакете"),
            format!(
                "отправьте в одном пакете не больше {limit} элементов `{list}` (`--max-{list}` задаёт ограничение)"
            ),
        ),
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
        Problem::Request(r) => super::super::rejection::words(r, crate::vocab::Lang::Ru),
        Problem::Internal { message } => (
            format!("ereje не смог проверить этот пакет, поэтому он не проверен: {message}"),
            s(
                "это ошибка ereje, а не пакета: сообщите о ней вместе с пакетом тем, кто сопровождает правила, и проверьте пакет снова исправленной версией ereje",
            ),
        ),
        Problem::NotUtf8 => (
            s("с этого места пакет не является текстом в кодировке UTF-8"),
            s(
                "отправляйте JSON в кодировке UTF-8; перекодируйте текст из прежней кодировки (например, Windows-1251)",
            ),
        ),
        Problem::ByteOrderMark => (
            s("пакет начинается с маркера порядка байтов (U+FEFF); он пропущен"),
            s(
                "отправляйте JSON без маркера порядка байтов (RFC 8259 § 8.1): сохраняйте файл в UTF-8 без BOM",
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
                "укажите время в формате RFC 3339, например `2019-05-14T10:00:00+06:00` (такая дата должна существовать в календаре, с 0000-01-02 по 9999-12-30)",
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
        Problem::UndeclaredChannel {
            channel,
            service,
            offered,
        } => (
            format!("`{channel}` не является каналом приёма услуги `{service}`"),
            format!("каналы приёма услуги `{service}`: {}", quoted(offered)),
        ),
        Problem::UnknownCode {
            list: CodeList::Country,
            text,
            meant,
        } => (
            format!("`{text}` не является двухбуквенным кодом страны по ISO 3166-1"),
            meant_prefix(*meant)
                + "укажите государство гражданства двухбуквенным кодом ISO 3166-1, например `KZ`, `UZ`, `CN`",
        ),
        Problem::UnknownCode {
            list: CodeList::Language,
            text,
            meant,
        } => (
            format!("`{text}` не является двухбуквенным кодом языка по ISO 639-1"),
            meant_prefix(*meant)
                + "укажите язык двухбуквенным кодом ISO 639-1, например `kk`, `ru`, `en`",
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Country,
            text,
            canonical,
        } => (
            format!(
                "код страны `{text}` по ISO 3166-1 пишется `{canonical}`; он прочитан как `{canonical}`"
            ),
            format!("укажите `{canonical}`: коды стран пишутся заглавными буквами"),
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Language,
            text,
            canonical,
        } => (
            format!(
                "код языка `{text}` по ISO 639-1 пишется `{canonical}`; он прочитан как `{canonical}`"
            ),
            format!("укажите `{canonical}`: коды языков пишутся строчными буквами"),
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
            suggestion,
        } => (
            if *count > 1 {
                format!("неизвестный вид документа `{kind}` (документов: {count})")
            } else {
                format!("неизвестный вид документа `{kind}`")
            },
            {
                let near = suggestion.as_ref().map_or_else(String::new, |near| {
                    format!("возможно, имелся в виду `{near}`? ")
                });
                format!(
                    "{near}ни одно правило услуги `{service}` не читает этот документ; известные ей виды документов: {}",
                    known.join(", ")
                )
            },
        ),
        Problem::BadChild { found } => (
            format!(
                "значение `child` должно быть порядковым номером ребёнка в `applicant.children`, целым числом от 0, а не {}",
                found_text(found, false)
            ),
            s("укажите целое число от 0, без кавычек"),
        ),
        Problem::NoSuchChild { index, children: 0 } => (
            format!("значение `child` равно {index}, но список `applicant.children` пуст"),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children: 1 } => (
            format!(
                "значение `child` равно {index}, но в списке `applicant.children` один ребёнок, его номер — 0"
            ),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children } => (
            format!(
                "значение `child` равно {index}, но в списке `applicant.children` нет ребёнка с номером {index} (номера детей — от 0 до {})",
                children - 1
            ),
            s(NO_SUCH_CHILD_HELP),
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
            format!("неизвестный шаг `{step}`: это событие не учитывается ни в одном сроке"),
            format!(
                "`step` события должен быть одним из шагов услуги `{service}`: {}",
                known.join(", ")
            ),
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
        "expected `\"`" => String::from("ожидалось имя поля в кавычках"),
        "invalid unicode code point" => {
            String::from("escape-последовательность `\\u`, не являющаяся символом Unicode")
        }
        "lone leading surrogate in hex escape" => String::from(
            "escape-последовательность `\\u` с половиной символа (одиночный суррогат без второй половины)",
        ),
        "unexpected end of hex escape" => String::from(
            "незаконченная escape-последовательность `\\u`: нужны четыре шестнадцатеричные цифры, а за первой половиной символа (`\\ud800`–`\\udbff`) должна сразу идти вторая (`\\udc00`–`\\udfff`)",
        ),
        "EOF while parsing a string" => String::from("текст кончается внутри строки в кавычках"),
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
        Found::Number(n) => format!("{} `{n}`", json_kind(JsonKind::Number, nominative)),
        Found::Other(kind) => json_kind(*kind, nominative).to_string(),
    }
}

/// "возможно, имелся в виду `kk`? " before the help of a code that was most likely meant to be
/// another; nothing when none is known.
fn meant_prefix(meant: Option<&str>) -> String {
    meant.map_or_else(String::new, |code| {
        format!("возможно, имелся в виду `{code}`? ")
    })
}
