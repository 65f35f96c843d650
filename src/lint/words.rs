//! Words several lints share, in English, Russian and Kazakh: the labels that mark a repeat,
//! a part of an act («приложение 1 к акту …», «… актісінің 1-қосымшасы») and the kinds of
//! documents an act or annex is recorded as. A lint that puts them in a sentence picks the
//! form its sentence needs; the phrases never leave English inside a Russian or Kazakh one.

use crate::vocab::Wording;

/// The label on a repeat's first occurrence.
pub fn first_here() -> Wording {
    Wording::new("first here", "впервые здесь", "алғаш осында")
}

/// The label on a repeat.
pub fn again_here() -> Wording {
    Wording::new("again here", "повторно здесь", "осында қайталанған")
}

/// The label on a place whose words are the text's own.
pub fn as_the_text_writes_it() -> Wording {
    Wording::new(
        "as the text writes it",
        "как написано в тексте",
        "мәтінде жазылғандай",
    )
}

/// The label on an act's own words, beside the reading the rules chose.
pub fn as_the_act_writes_it() -> Wording {
    Wording::new(
        "as the act writes it",
        "как написано в акте",
        "актіде жазылғандай",
    )
}

/// The label on a view's step that corresponds to a step of the process (`maps to x`).
pub fn maps_to(step: &str) -> Wording {
    Wording::new(
        format!("maps to `{step}`"),
        format!("соответствует шагу `{step}`"),
        format!("`{step}` қадамына сәйкес"),
    )
}

/// The note on a sum or comparison with working days in a service without a calendar.
pub fn working_days_at_least() -> Wording {
    Wording::new(
        "the service names no calendar: each working day is counted as one calendar day, the least it can take",
        "у услуги не указан календарь: каждый рабочий день считается одним календарным днём — меньше он длиться не может",
        "қызметте күнтізбе көрсетілмеген: әр жұмыс күні бір күнтізбелік күн болып есептеледі — одан қысқа бола алмайды",
    )
}

/// The Russian case a part of an act takes in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// «приложение 1 к акту …» (and the accusative, which is the same).
    Nominative,
    /// «у приложения 1 к акту …».
    Genitive,
    /// «в приложении 1 к акту …».
    Prepositional,
}

/// An act, one of its annexes, or an annex of one of its annexes, as messages name it.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// The act's id.
    pub act: &'a str,
    /// The annex's number.
    pub annex: Option<u32>,
    /// The number of the annex it is an annex of.
    pub of: Option<u32>,
}

impl Part<'_> {
    /// `annex 2 of annex 1 of act `x``.
    pub fn en(&self) -> String {
        let act = format!("act `{}`", self.act);
        match (self.annex, self.of) {
            (Some(n), Some(of)) => format!("annex {n} of annex {of} of {act}"),
            (Some(n), None) => format!("annex {n} of {act}"),
            (None, _) => act,
        }
    }

    /// «приложение 2 к приложению 1 к акту `x`», in `case`.
    pub fn ru(&self, case: Case) -> String {
        let (act, annex) = match case {
            Case::Nominative => ("акт", "приложение"),
            Case::Genitive => ("акта", "приложения"),
            Case::Prepositional => ("акте", "приложении"),
        };
        let to_act = format!("к акту `{}`", self.act);
        match (self.annex, self.of) {
            (Some(n), Some(of)) => format!("{annex} {n} к приложению {of} {to_act}"),
            (Some(n), None) => format!("{annex} {n} {to_act}"),
            (None, _) => format!("{act} `{}`", self.act),
        }
    }

    /// «`x` актісінің 1-қосымшасының 2-қосымшасы» (the possessive form that names it).
    pub fn kk(&self) -> String {
        match (self.annex, self.of) {
            (Some(n), Some(of)) => {
                format!("`{}` актісінің {of}-қосымшасының {n}-қосымшасы", self.act)
            }
            (Some(n), None) => format!("`{}` актісінің {n}-қосымшасы", self.act),
            (None, _) => format!("`{}` актісі", self.act),
        }
    }

    /// The Kazakh accusative: «… 4-қосымшасын», «`x` актісін».
    pub fn kk_accusative(&self) -> String {
        // every form ends in the possessive -сы/-сі, whose accusative adds -н
        format!("{}н", self.kk())
    }
}

/// A kind of document, as an act or annex records it (`kind regulation`), in Russian and
/// Kazakh; a kind these words do not know stays as written, in backticks.
pub fn document_kind(kind: &str) -> Wording {
    let (ru, kk) = match kind {
        "standard" => ("стандарт", "стандарт"),
        "regulation" => ("регламент", "регламент"),
        "order" => ("приказ", "бұйрық"),
        "law" => ("закон", "заң"),
        "code" => ("кодекс", "кодекс"),
        "decree" => ("указ", "жарлық"),
        "resolution" => ("постановление", "қаулы"),
        "rules" => ("правила", "қағидалар"),
        _ => return Wording::same(format!("`{kind}`")),
    };
    Wording::new(kind, ru, kk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annex_of_an_annex_is_named_from_the_act_down() {
        let part = Part {
            act: "kz.mia.order_495",
            annex: Some(2),
            of: Some(1),
        };
        assert_eq!(part.en(), "annex 2 of annex 1 of act `kz.mia.order_495`");
        assert_eq!(
            part.ru(Case::Genitive),
            "приложения 2 к приложению 1 к акту `kz.mia.order_495`"
        );
        assert_eq!(
            part.kk_accusative(),
            "`kz.mia.order_495` актісінің 1-қосымшасының 2-қосымшасын"
        );
    }

    #[test]
    fn an_act_itself_is_named_by_its_id() {
        let part = Part {
            act: "kz.x",
            annex: None,
            of: None,
        };
        assert_eq!(part.ru(Case::Prepositional), "акте `kz.x`");
        assert_eq!(part.kk(), "`kz.x` актісі");
    }
}
