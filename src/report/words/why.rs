//! Why a document is required, in the rule file's own words: the document's `message`, its
//! slots filled from the finding (`{n}`, `{nth}` and the fields of the item it is about).

use super::catalogue;
use crate::check::{About, FactValue, Finding};
use crate::vocab::Lang;

/// The document's own message in `lang`, slots filled; none when it has none in `lang` itself
/// (a message in another language would leave its words in this one).
pub(super) fn required_because(finding: &Finding, lang: Lang) -> Option<String> {
    let texts = &finding.rule.as_deref()?.message;
    let message = texts.get(lang).filter(|_| texts.has(lang))?;
    let item = match &finding.about {
        About::MissingItemDocument { index, item, .. } => Some((*index, item.as_slice())),
        _ => None,
    };
    Some(crate::slots::fill(message, |slot| {
        let (index, fields) = item?;
        match slot {
            "n" => Some((index + 1).to_string()),
            "nth" => Some(catalogue(lang).ordinal(index + 1)),
            // `child.birth_date`: the binding is the rule's, the field the item's
            _ => {
                let (_, field) = slot.split_once('.')?;
                let value = fields
                    .iter()
                    .find(|(name, _)| name == field)
                    .map(|(_, v)| v);
                Some(value.map_or_else(|| String::from("—"), plain))
            }
        }
    }))
}

/// An item's fields after its name, the same in every language: " (`birth_date` 2009-09-01,
/// `applying_jointly` true)"; nothing for an item without fields.
pub(super) fn item_fields(item: &[(String, FactValue)]) -> String {
    if item.is_empty() {
        return String::new();
    }
    let fields: Vec<String> = item
        .iter()
        .map(|(name, value)| format!("`{name}` {}", plain(value)))
        .collect();
    format!(" ({})", fields.join(", "))
}

/// A value inside words: a text without its quotes, anything else as JSON reads.
fn plain(value: &FactValue) -> String {
    match value {
        FactValue::Text(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::{catalogue, message};
    use crate::check::{About, FactValue, Finding, Kind};
    use crate::codes;
    use crate::compile::RuleRef;
    use crate::semantic::model::DocField;
    use crate::source::{Span, Spanned};
    use crate::vocab::{Lang, Texts};

    fn texts(entries: &[(Lang, &str)]) -> Texts {
        Texts {
            entries: entries
                .iter()
                .map(|(lang, text)| {
                    (
                        Spanned::new(*lang, Span::default()),
                        Spanned::new((*text).to_string(), Span::default()),
                    )
                })
                .collect(),
        }
    }

    /// The second child of the list has no birth certificate; the rule says why, or not.
    fn second_child(why: &[(Lang, &str)]) -> Finding {
        let rule = RuleRef {
            id: String::from("kz.mvd.permanent_residence/birth_certificate"),
            citations: Vec::new(),
            location: String::new(),
            span: Span::default(),
            title: texts(&[(Lang::En, "child's birth certificate")]),
            message: texts(why),
            unverified: Vec::new(),
        };
        Finding::new(
            &codes::MISSING_DOCUMENT,
            Kind::Document,
            "birth_certificate",
            "/applicant/children/1",
            About::MissingItemDocument {
                index: 1,
                field: DocField::Child,
                list: String::from("applicant.children"),
                item: vec![
                    (
                        String::from("birth_date"),
                        FactValue::Text(String::from("2010-04-01")),
                    ),
                    (String::from("applying_jointly"), FactValue::Bool(true)),
                ],
            },
        )
        .with_rule(&Arc::new(rule))
    }

    #[test]
    fn the_rules_words_name_the_item_and_say_why() {
        let f = second_child(&[
            (
                Lang::En,
                "the {nth} child (born {child.birth_date}) is under 16 and applies jointly",
            ),
            (
                Lang::Ru,
                "{nth} ребёнок (№ {n}, дата рождения {child.birth_date}, {child.mother})",
            ),
        ]);
        assert_eq!(
            message(&f, Lang::En),
            "missing document `birth_certificate` (child's birth certificate): the second child \
             (born 2010-04-01) is under 16 and applies jointly"
        );
        // a field the bundle does not give is a dash; the English title is not used in Russian
        assert_eq!(
            message(&f, Lang::Ru),
            "отсутствует документ `birth_certificate`: второй ребёнок (№ 2, дата рождения \
             2010-04-01, —)"
        );
        // no Kazakh words: the item by its number and its fields, not English
        assert_eq!(
            message(&f, Lang::Kk),
            "`applicant.children` тізімінің екінші элементі (`birth_date` 2010-04-01, \
             `applying_jointly` true) үшін `birth_certificate` құжаты жоқ"
        );
    }

    #[test]
    fn without_the_rules_words_the_item_is_shown_by_its_fields() {
        let f = second_child(&[]);
        assert_eq!(
            message(&f, Lang::En),
            "missing document `birth_certificate` (child's birth certificate) for the second \
             item of `applicant.children` (`birth_date` 2010-04-01, `applying_jointly` true)"
        );
        assert_eq!(
            message(&f, Lang::Ru),
            "отсутствует документ `birth_certificate` для элемента № 2 списка \
             `applicant.children` (`birth_date` 2010-04-01, `applying_jointly` true)"
        );
    }

    #[test]
    fn ordinals_in_every_language() {
        let said = |lang: Lang, ns: &[usize]| -> Vec<String> {
            ns.iter().map(|&n| catalogue(lang).ordinal(n)).collect()
        };
        assert_eq!(
            said(Lang::En, &[1, 2, 3, 10, 11, 12, 13, 21, 22, 23, 101, 111]),
            [
                "first", "second", "third", "tenth", "11th", "12th", "13th", "21st", "22nd",
                "23rd", "101st", "111th"
            ]
        );
        assert_eq!(
            said(Lang::Ru, &[1, 2, 4, 10, 11, 23]),
            ["первый", "второй", "четвёртый", "десятый", "11-й", "23-й"]
        );
        assert_eq!(
            said(
                Lang::Kk,
                &[1, 6, 9, 10, 11, 16, 19, 20, 40, 50, 60, 70, 100, 1000]
            ),
            [
                "бірінші",
                "алтыншы",
                "тоғызыншы",
                "оныншы",
                "11-ші",
                "16-шы",
                "19-шы",
                "20-шы",
                "40-шы",
                "50-ші",
                "60-шы",
                "70-ші",
                "100-ші",
                "1000-шы"
            ]
        );
    }
}
