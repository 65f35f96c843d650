//! The JSON Schema of one value as the bundle reader accepts it (`check::bundle`): a fact of
//! each type, a date, an instant, a code of ISO 3166-1 or ISO 639-1. Every value that may be
//! absent may also be `null`, which the reader takes for absent.
//!
//! The patterns are exact, so that a validator need not assert `format` (an annotation only,
//! by default, in 2020-12): dates are the calendar's own (`2019-02-29` is not one, `2020-02-29`
//! is), and instants are what `chrono`'s RFC 3339 parser takes, which is more than the
//! `date-time` format: a space for the `T`, a leap second in any minute, `−` (U+2212) for the
//! minus of an offset.

use serde_json::{Value, json};

use super::words::{self, Say};
use crate::check::CodeList;
use crate::semantic::model::Type;
use crate::vocab::Lang;

/// A day of the Gregorian calendar, years 0000 to 9999, as `YYYY-MM-DD` (`time::parse_date`).
pub(super) const DATE: &str = concat!(
    "(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)",
);

/// A time of day with its offset, as `chrono`'s RFC 3339 parser takes it after the date.
const TIME: &str = concat!(
    "[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?",
    "(?:[Zz]|[-+\u{2212}](?:[01][0-9]|2[0-3]):[0-5][0-9])",
);

/// The `$defs` a schema's values refer to: `date` and `instant`.
pub(super) fn defs(lang: Lang) -> serde_json::Map<String, Value> {
    let mut defs = serde_json::Map::new();
    let mut date = json!({
        "type": "string",
        "format": "date",
        "pattern": format!("^{DATE}$"),
        "examples": ["2019-05-14"],
    });
    words::describe(&mut date, Say::Date, lang);
    defs.insert("date".into(), date);
    let mut instant = json!({
        "type": "string",
        "format": "date-time",
        "pattern": format!("^{DATE}{TIME}$"),
        "examples": ["2019-05-14T10:00:00+06:00"],
    });
    words::describe(&mut instant, Say::Instant, lang);
    defs.insert("instant".into(), instant);
    defs
}

/// A date, or `null`.
pub(super) fn date_or_null() -> Value {
    or_null(json!({ "$ref": "#/$defs/date" }))
}

/// An instant, or `null`.
pub(super) fn instant_or_null() -> Value {
    or_null(json!({ "$ref": "#/$defs/instant" }))
}

/// A value of the type, or `null` (absent). A fact in a code list is a code of it, in any case.
pub(super) fn fact(ty: &Type, code_list: Option<CodeList>, lang: Lang) -> Value {
    match (ty, code_list) {
        (Type::Text, Some(list)) => or_null(code(list, lang)),
        _ => typed(ty),
    }
}

/// A value of the type, or `null`.
fn typed(ty: &Type) -> Value {
    match ty {
        Type::Bool => json!({ "type": ["boolean", "null"] }),
        Type::Text => json!({ "type": ["string", "null"] }),
        // `is_i64`: a whole number without a fraction or an exponent (docs/schema.md)
        Type::Number => json!({
            "type": ["integer", "null"],
            "minimum": i64::MIN,
            "maximum": i64::MAX,
        }),
        Type::Date => date_or_null(),
        Type::Instant => instant_or_null(),
        Type::Enum(values) => {
            let mut values: Vec<Value> = values.iter().map(|v| json!(v)).collect();
            values.push(Value::Null);
            json!({ "enum": values })
        }
        // the reader takes a value twice (`["refugee", "refugee"]`): no `uniqueItems`
        Type::Set(values) => json!({
            "type": ["array", "null"],
            "items": { "enum": values },
        }),
        Type::List(fields) => {
            let properties: serde_json::Map<String, Value> = fields
                .iter()
                .map(|f| {
                    let mut schema = typed(&f.ty);
                    if f.personal
                        && let Value::Object(map) = &mut schema
                    {
                        map.insert("x-personal".into(), json!(true));
                    }
                    (f.name.clone(), schema)
                })
                .collect();
            json!({
                "type": ["array", "null"],
                "items": { "type": "object", "properties": properties },
            })
        }
        // no value of a duration is read from a bundle: absent is all it may be
        Type::Duration(_) => json!({ "type": "null" }),
        Type::Error => json!(true),
    }
}

/// A code of the list: as the standard writes it, or in another case (read as that code,
/// with a `noncanonical-code` warning).
pub(super) fn code(list: CodeList, lang: Lang) -> Value {
    let (canonical, other) = match list {
        CodeList::Country => (Say::CountryCode, Say::CodeInAnotherCase),
        CodeList::Language => (Say::LanguageCode, Say::CodeInAnotherCase),
    };
    let mut exact = json!({ "enum": list.codes() });
    words::describe(&mut exact, canonical, lang);
    let mut any_case = json!({ "type": "string", "pattern": any_case(list.codes()) });
    words::describe(&mut any_case, other, lang);
    json!({ "anyOf": [exact, any_case] })
}

/// `^(?:[Aa](?:[Dd]|[Ee]…)|…)$`: the two-letter codes in any case, grouped by first letter.
fn any_case(codes: &[&str]) -> String {
    let both = |c: char| format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase());
    let mut groups: Vec<(char, Vec<char>)> = Vec::new();
    for code in codes {
        let mut chars = code.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            continue;
        };
        match groups.last_mut() {
            Some((f, seconds)) if f.eq_ignore_ascii_case(&first) => seconds.push(second),
            _ => groups.push((first, vec![second])),
        }
    }
    let alternatives: Vec<String> = groups
        .iter()
        .map(|(first, seconds)| {
            let seconds: Vec<String> = seconds.iter().map(|&c| both(c)).collect();
            format!("{}(?:{})", both(*first), seconds.join("|"))
        })
        .collect();
    format!("^(?:{})$", alternatives.join("|"))
}

/// The schema, or `null` (a choice already is one more branch).
pub(super) fn or_null(schema: Value) -> Value {
    match schema {
        Value::Object(mut map) if map.len() == 1 && map.contains_key("anyOf") => {
            if let Some(Value::Array(branches)) = map.get_mut("anyOf") {
                branches.push(json!({ "type": "null" }));
            }
            Value::Object(map)
        }
        schema => json!({ "anyOf": [schema, { "type": "null" }] }),
    }
}
