//! How the law is cited in each language: an act by its kind and number, a place in it by its
//! annex, paragraph and subparagraphs. English keeps the form of the JSON report's `ref`
//! (`order 495, annex 1 § 9(2)`); Russian and Kazakh cite as their legal texts do («приказ
//! № 495, приложение 1, подпункт 2) пункта 9»; «№ 495 бұйрық, 1-қосымша, 9-тармақтың 2)
//! тармақшасы»).

use crate::compile::Citation;
use crate::vocab::{ActName, Place};

/// The grammatical case an act's name takes in a Russian sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// «приказ № 799 вступил в силу».
    Nominative,
    /// «в редакции приказа № 136».
    Genitive,
}

/// «приказ № 495», «приказа № 136», «Закон № 477-IV»; an act without a number by its id.
pub(super) fn act_ru(act: &ActName, case: Case) -> String {
    let Some(number) = &act.number else {
        return format!("`{}`", act.id);
    };
    let (nominative, genitive) = match act.kind.as_deref() {
        Some("order") => ("приказ", "приказа"),
        Some("law") => ("Закон", "Закона"),
        Some("decree") => ("указ", "указа"),
        Some("resolution") => ("постановление", "постановления"),
        Some("standard") => ("стандарт", "стандарта"),
        Some(other) => (other, other),
        None => ("акт", "акта"),
    };
    let kind = if case == Case::Nominative {
        nominative
    } else {
        genitive
    };
    format!("{kind} № {number}")
}

/// «№ 495 бұйрық», «№ 477-IV Заң»; an act without a number by its id.
pub(super) fn act_kk(act: &ActName) -> String {
    let Some(number) = &act.number else {
        return format!("`{}`", act.id);
    };
    let kind = match act.kind.as_deref() {
        Some("order") => "бұйрық",
        Some("law") => "Заң",
        Some("decree") => "Жарлық",
        Some("resolution") => "қаулы",
        Some("standard") => "стандарт",
        Some(other) => other,
        None => "акт",
    };
    format!("№ {number} {kind}")
}

/// «приложение 1, подпункт 2) пункта 9», «пункт 4 статьи 49»; a paragraph written otherwise
/// is kept as written.
fn place_ru(place: &Place) -> String {
    let mut out = place
        .annex
        .map(|n| format!("приложение {n}, "))
        .unwrap_or_default();
    let Some((article, number, subs)) = place.parts() else {
        out.push_str(&place.to_string());
        return out;
    };
    // the innermost part comes first: «подпункт 2) пункта 9», «пункт 4 статьи 49»
    let mut parts: Vec<String> = Vec::new();
    for (depth, sub) in subs.iter().enumerate().rev() {
        let word = match (article, depth) {
            (true, 0) => "пункт",
            _ => "подпункт",
        };
        let mark = if article && depth == 0 { "" } else { ")" };
        parts.push(format!("{word} {sub}{mark}"));
    }
    let head = if article {
        "статья"
    } else {
        "пункт"
    };
    parts.push(format!("{head} {number}"));
    // every part after the first is in the genitive
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            out.push_str(part);
        } else {
            out.push(' ');
            out.push_str(&genitive_ru(part));
        }
    }
    out
}

/// «пункт 9» → «пункта 9», «статья 49» → «статьи 49», «подпункт 2)» → «подпункта 2)».
fn genitive_ru(part: &str) -> String {
    if let Some(rest) = part.strip_prefix("статья") {
        format!("статьи{rest}")
    } else if let Some(rest) = part.strip_prefix("подпункт") {
        format!("подпункта{rest}")
    } else if let Some(rest) = part.strip_prefix("пункт") {
        format!("пункта{rest}")
    } else {
        part.to_string()
    }
}

/// «1-қосымша, 9-тармақтың 2) тармақшасы», «49-баптың 4-тармағы»; a paragraph written
/// otherwise is kept as written.
fn place_kk(place: &Place) -> String {
    let mut out = place
        .annex
        .map(|n| format!("{n}-қосымша, "))
        .unwrap_or_default();
    let Some((article, number, subs)) = place.parts() else {
        out.push_str(&place.to_string());
        return out;
    };
    // the outermost part comes first, in the genitive, and the innermost carries the
    // possessive: «9-тармақтың 2) тармақшасы»
    let head = if article { "бап" } else { "тармақ" };
    let mut parts: Vec<(String, &str)> = vec![(format!("{number}-"), head)];
    for (depth, sub) in subs.iter().enumerate() {
        if article && depth == 0 {
            parts.push((format!("{sub}-"), "тармақ"));
        } else {
            parts.push((format!("{sub}) "), "тармақша"));
        }
    }
    let last = parts.len() - 1;
    for (i, (number, word)) in parts.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(number);
        if parts.len() == 1 {
            out.push_str(word);
        } else if i == last {
            out.push_str(&possessive_kk(word));
        } else {
            out.push_str(&genitive_kk(word));
        }
    }
    out
}

/// «тармақ» → «тармақтың», «бап» → «баптың», «тармақша» → «тармақшаның».
fn genitive_kk(word: &str) -> String {
    if word.ends_with('а') {
        format!("{word}ның")
    } else {
        format!("{word}тың")
    }
}

/// «тармақ» → «тармағы», «тармақша» → «тармақшасы», «бап» → «бабы».
fn possessive_kk(word: &str) -> String {
    match word {
        "тармақ" => "тармағы".to_string(),
        "бап" => "бабы".to_string(),
        _ => format!("{word}сы"),
    }
}

/// A citation in English: «order 495, annex 1 § 9(2)».
pub(super) fn citation_en(c: &Citation) -> String {
    format!("{}, {}", c.act_name, c.reference)
}

/// A citation in Russian: «приказ № 495, приложение 1, подпункт 2) пункта 9».
pub(super) fn citation_ru(c: &Citation) -> String {
    format!(
        "{}, {}",
        act_ru(&c.act_name, Case::Nominative),
        place_ru(&c.place)
    )
}

/// A citation in Kazakh: «№ 495 бұйрық, 1-қосымша, 9-тармақтың 2) тармақшасы».
pub(super) fn citation_kk(c: &Citation) -> String {
    format!("{}, {}", act_kk(&c.act_name), place_kk(&c.place))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(annex: Option<u32>, paragraph: &str) -> Place {
        Place {
            annex,
            paragraph: paragraph.to_string(),
        }
    }

    #[test]
    fn places_are_cited_as_each_language_cites_them() {
        let cases = [
            (
                place(Some(1), "9(2)"),
                "annex 1 § 9(2)",
                "приложение 1, подпункт 2) пункта 9",
                "1-қосымша, 9-тармақтың 2) тармақшасы",
            ),
            (
                place(Some(1), "2-1"),
                "annex 1 § 2-1",
                "приложение 1, пункт 2-1",
                "1-қосымша, 2-1-тармақ",
            ),
            (
                place(None, "art. 49(4)"),
                "art. 49(4)",
                "пункт 4 статьи 49",
                "49-баптың 4-тармағы",
            ),
            (place(None, "art. 5"), "art. 5", "статья 5", "5-бап"),
            (
                place(None, "1(1)"),
                "§ 1(1)",
                "подпункт 1) пункта 1",
                "1-тармақтың 1) тармақшасы",
            ),
        ];
        for (p, en, ru, kk) in cases {
            assert_eq!(p.to_string(), en);
            assert_eq!(place_ru(&p), ru, "{en}");
            assert_eq!(place_kk(&p), kk, "{en}");
        }
        // written otherwise: kept as written
        assert_eq!(place_ru(&place(None, "12, 13")), "§ 12, 13");
    }

    #[test]
    fn acts_are_named_by_kind_and_number() {
        let order = ActName {
            kind: Some("order".into()),
            number: Some("136".into()),
            id: "kz.mia.order_136".into(),
        };
        assert_eq!(order.to_string(), "order 136");
        assert_eq!(act_ru(&order, Case::Nominative), "приказ № 136");
        assert_eq!(act_ru(&order, Case::Genitive), "приказа № 136");
        assert_eq!(act_kk(&order), "№ 136 бұйрық");
        let unnumbered = ActName {
            id: "kz.x".into(),
            ..ActName::default()
        };
        assert_eq!(unnumbered.to_string(), "kz.x");
        assert_eq!(act_ru(&unnumbered, Case::Genitive), "`kz.x`");
    }
}
