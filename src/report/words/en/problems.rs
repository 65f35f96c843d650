//! The words of the problems with a bundle itself in English (`check::Problem`): the message
//! and the help of each, and the words they share (JSON kinds, types, serde_json's errors).

use super::super::{EVENT_SHAPE, envelope_shape, quoted, record_shape};
use crate::check::{CodeList, FieldPlace, Found, JsonKind, Problem};
use crate::semantic::model::Type;

const JSON_HELP: &str =
    "fix the JSON syntax at this place; each bundle must be one well-formed JSON object";
const NO_SUCH_CHILD_HELP: &str = "write the child's index in `applicant.children`, counting from 0, or add the child to the list";
const UNKNOWN_FIELD_HELP: &str =
    "no rule reads this field: check its spelling against the service catalogue, or remove it";

/// A problem with the bundle itself: its message and its help.
pub(super) fn problem(problem: &Problem) -> (String, String) {
    let s = String::from;
    let not_instant = |text: &str| format!("`{text}` is not a date and time with an offset");
    match problem {
        Problem::TooLarge { bytes } => (
            format!(
                "the bundle is larger than {}",
                super::super::size(*bytes, "bytes")
            ),
            s("send a bundle within the limit (`--max-bundle-mib`), or split what it attaches"),
        ),
        Problem::TooDeep { limit } => (
            format!("the JSON nests deeper than {limit} levels"),
            s(
                "a bundle's objects and lists nest a few levels: send the bundle as the contract shapes it (`--max-depth` sets the limit)",
            ),
        ),
        Problem::TooMany { list, count, limit } => (
            format!("`{list}` has {count} elements, more than the {limit} a bundle may list"),
            format!(
                "send at most {limit} elements of `{list}` in one bundle (`--max-{list}` sets the limit)"
            ),
        ),
        Problem::JsonEndsEarly => (
            s("the JSON ends too early: a closing bracket or quote is missing"),
            s(JSON_HELP),
        ),
        Problem::JsonCutOff => (
            s("the JSON ends too early: the bundle is cut off here"),
            s(JSON_HELP),
        ),
        Problem::JsonSyntax { detail } => (json_detail(detail), s(JSON_HELP)),
        Problem::Request(r) => super::super::rejection::words(r, crate::vocab::Lang::En),
        Problem::Internal { message } => (
            format!("ereje failed while checking this bundle, so it was not checked: {message}"),
            s(
                "this is a bug of ereje, not of the bundle: report it with the bundle to the maintainers of the rules and check the bundle again with a fixed ereje",
            ),
        ),
        Problem::NotUtf8 => (
            s("the bundle is not UTF-8 text from here"),
            s(
                "send JSON encoded in UTF-8; convert the text from its legacy encoding (e.g. Windows-1251)",
            ),
        ),
        Problem::ByteOrderMark => (
            s("the bundle starts with a byte-order mark (U+FEFF); it is ignored"),
            s(
                "send JSON without a byte-order mark (RFC 8259 § 8.1): save the file as UTF-8 without BOM",
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
                json_kind(*expected),
                json_kind(*found)
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
            format!("`{path}` must be an object, not {}", json_kind(*found)),
            format!("write `{{ \"{key}\": … }}` here"),
        ),
        Problem::BadSubmittedAt { text } => (
            not_instant(text),
            s(
                "write it as RFC 3339, e.g. `2019-05-14T10:00:00+06:00` (the date must exist, from 0000-01-02 to 9999-12-30)",
            ),
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
            format!("{} is not an intake channel", found_text(found)),
            s("the channels are `provider` and `state_corporation`"),
        ),
        Problem::UndeclaredChannel {
            channel,
            service,
            offered,
        } => (
            format!("`{channel}` is not an intake channel of `{service}`"),
            format!("the channels of `{service}` are: {}", quoted(offered)),
        ),
        Problem::UnknownCode {
            list: CodeList::Country,
            text,
            meant,
        } => (
            format!("`{text}` is not an ISO 3166-1 alpha-2 country code"),
            meant_prefix(*meant)
                + "write the state of citizenship as its two-letter ISO 3166-1 code, e.g. `KZ`, `UZ`, `CN`",
        ),
        Problem::UnknownCode {
            list: CodeList::Language,
            text,
            meant,
        } => (
            format!("`{text}` is not an ISO 639-1 language code"),
            meant_prefix(*meant)
                + "write the language as its two-letter ISO 639-1 code, e.g. `kk`, `ru`, `en`",
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Country,
            text,
            canonical,
        } => (
            format!(
                "country code `{text}` is written `{canonical}` in ISO 3166-1; it is read as `{canonical}`"
            ),
            format!("write `{canonical}`: country codes are written in capitals"),
        ),
        Problem::NoncanonicalCode {
            list: CodeList::Language,
            text,
            canonical,
        } => (
            format!(
                "language code `{text}` is written `{canonical}` in ISO 639-1; it is read as `{canonical}`"
            ),
            format!("write `{canonical}`: language codes are written in lower case"),
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
            format!("{} is not one of the values of `{name}`", found_text(value)),
            format!("the values are: {}", values.join(", ")),
        ),
        Problem::NotARecord {
            name,
            found,
            fields,
        } => (
            format!(
                "each element of `{name}` must be an object, not {}",
                json_kind(*found)
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
                expected.describe(),
                found_text(found)
            ),
            type_help(expected),
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
                s(UNKNOWN_FIELD_HELP),
            )
        }
        Problem::DocumentNotObject { found } => (
            format!("each document must be an object, not {}", json_kind(*found)),
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
            suggestion,
        } => (
            if *count > 1 {
                format!("unknown document kind `{kind}` ({count} documents)")
            } else {
                format!("unknown document kind `{kind}`")
            },
            {
                let near = suggestion
                    .as_ref()
                    .map_or_else(String::new, |near| format!("did you mean `{near}`? "));
                format!(
                    "{near}no rule of `{service}` reads this document; the kinds it knows are: {}",
                    known.join(", ")
                )
            },
        ),
        Problem::BadChild { found } => (
            format!(
                "`child` must be the index of a child in `applicant.children`, a whole number from 0, not {}",
                found_text(found)
            ),
            s("write a whole number from 0, without quotes"),
        ),
        Problem::NoSuchChild { index, children: 0 } => (
            format!("`child` is {index}, but `applicant.children` is empty"),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children: 1 } => (
            format!("`child` is {index}, but `applicant.children` has one child, whose index is 0"),
            s(NO_SUCH_CHILD_HELP),
        ),
        Problem::NoSuchChild { index, children } => (
            format!(
                "`child` is {index}, but `applicant.children` has no child {index} (its children are 0 to {})",
                children - 1
            ),
            s(NO_SUCH_CHILD_HELP),
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
            format!("unknown step `{step}`: this event is not counted in any deadline"),
            format!(
                "an event's `step` must be a step of `{service}`: {}",
                known.join(", ")
            ),
        ),
    }
}

/// serde_json's description of a syntax error, in plain English.
fn json_detail(detail: &str) -> String {
    match detail {
        "expected value" => String::from(
            "a value was expected here (a text in quotes, a number, true, false, null, a list or an object)",
        ),
        "trailing characters" => String::from("more text after the end of the bundle's object"),
        "trailing comma" => String::from("a comma before a closing bracket"),
        "key must be a string" => String::from("a field name must be a text in quotes"),
        "expected ident" => String::from("`true`, `false` or `null` was expected here"),
        "number out of range" => String::from("a number too large to read"),
        "expected `\"`" => String::from("a field name in quotes was expected here"),
        "invalid unicode code point" => String::from("a `\\u` escape that is no Unicode character"),
        "lone leading surrogate in hex escape" => String::from(
            "a `\\u` escape of half a character (a lone surrogate, which must be followed by its other half)",
        ),
        "unexpected end of hex escape" => String::from(
            "an unfinished `\\u` escape: it needs four hexadecimal digits, and a first half of a character (`\\ud800`–`\\udbff`) needs its second half (`\\udc00`–`\\udfff`) right after it",
        ),
        "EOF while parsing a string" => String::from("the text ends inside a text in quotes"),
        other if other.starts_with("control character") => {
            String::from("a line break or control character inside a text in quotes")
        }
        other => other.to_string(),
    }
}

/// A JSON kind, with its article.
fn json_kind(kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Null => "null",
        JsonKind::Bool => "true/false",
        JsonKind::Number => "a number",
        JsonKind::Text => "a text",
        JsonKind::List => "a list",
        JsonKind::Object => "an object",
    }
}

/// A value found where it does not fit: a text as written, anything else by its kind.
fn found_text(found: &Found) -> String {
    match found {
        Found::Text(s) => format!("`{s}`"),
        Found::Number(n) => format!("the number `{n}`"),
        Found::Other(kind) => json_kind(*kind).to_string(),
    }
}

/// What to write instead of a value of the wrong type.
fn type_help(ty: &Type) -> String {
    let s = String::from;
    match ty {
        Type::Bool => s("write `true` or `false`, without quotes"),
        Type::Text => s("write the text in quotes"),
        Type::Number => s("write a whole number, without quotes"),
        Type::Date => s("write the date in quotes as YYYY-MM-DD"),
        Type::Instant => {
            s("write the moment in quotes as RFC 3339, e.g. `2019-05-14T10:00:00+06:00`")
        }
        Type::Enum(values) => format!("write one of: {}", values.join(", ")),
        Type::Set(values) => format!("write a list of: {}", values.join(", ")),
        Type::List(_) => s("write a list of objects"),
        Type::Duration(_) | Type::Error => String::new(),
    }
}

/// "did you mean `kk`? " before the help of a code that was most likely meant to be
/// another; nothing when none is known.
fn meant_prefix(meant: Option<&str>) -> String {
    meant.map_or_else(String::new, |code| format!("did you mean `{code}`? "))
}
