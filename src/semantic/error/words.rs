//! Words the analysis errors share, in English, Russian and Kazakh: the kinds of names, the
//! elements messages name (in the case their sentence needs), did-you-mean and the lists of
//! values and verdicts.

use super::Subject;
use crate::vocab::Wording;

/// `act`, `step`, … in Russian and Kazakh, with the Russian participle "defined" that agrees
/// with the noun's gender.
pub(super) fn name_kind(what: &str) -> (&str, &str, &str) {
    match what {
        "act" => ("акт", "определён", "акт"),
        "actor" => ("участник", "определён", "қатысушы"),
        "calendar" => ("календарь", "определён", "күнтізбе"),
        "document" => ("документ", "определён", "құжат"),
        "field" => ("поле", "определено", "өріс"),
        "input" => ("факт", "определён", "факт"),
        "let" => ("определение", "определено", "анықтама"),
        "name" => ("имя", "определено", "атау"),
        "refusal ground" => ("основание для отказа", "определено", "бас тарту негізі"),
        "step" => ("шаг", "определён", "қадам"),
        "value" => ("значение", "определено", "мән"),
        _ => (what, "определено", what),
    }
}

/// "the values are: a, b" after a did-you-mean, in three languages.
pub(crate) fn values_help(suggestion: Option<&str>, values: &[String]) -> Wording {
    let all = values.join(", ");
    match suggestion {
        None => Wording::new(
            format!("the values are: {all}"),
            format!("значения: {all}"),
            format!("мәндері: {all}"),
        ),
        Some(s) => Wording::new(
            format!("did you mean `{s}`? the values are: {all}"),
            format!("возможно, имелось в виду `{s}`? значения: {all}"),
            format!("`{s}` деп жазғыңыз келді ме? мәндері: {all}"),
        ),
    }
}

/// "the verdicts are: ok, …" after a did-you-mean, in three languages.
pub(super) fn verdicts_help(suggestion: Option<&str>, verdicts: &[&str]) -> Wording {
    let all = verdicts.join(", ");
    match suggestion {
        None => Wording::new(
            format!("the verdicts are: {all}"),
            format!("вердикты: {all}"),
            format!("шешімдер: {all}"),
        ),
        Some(s) => Wording::new(
            format!("did you mean `{s}`? the verdicts are: {all}"),
            format!("возможно, имелось в виду `{s}`? вердикты: {all}"),
            format!("`{s}` деп жазғыңыз келді ме? шешімдер: {all}"),
        ),
    }
}

/// "did you mean `x`?" in three languages.
pub(crate) fn did_you_mean(suggestion: &str) -> Wording {
    Wording::new(
        format!("did you mean `{suggestion}`?"),
        format!("возможно, имелось в виду `{suggestion}`?"),
        format!("`{suggestion}` деп жазғыңыз келді ме?"),
    )
}

/// The Russian case, or the Kazakh one, an element's name takes in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// «услуга `x`», «`x` қызметі».
    Nominative,
    /// «услуги `x`», «`x` қызметінің».
    Genitive,
}

impl Subject {
    /// «канал приёма `x`», «канала приёма `x`».
    pub(super) fn ru(&self, case: Case) -> String {
        let (nominative, genitive) = match self.kind {
            "act" => ("акт", "акта"),
            "service" => ("услуга", "услуги"),
            "channel" => ("канал приёма", "канала приёма"),
            "document" => ("документ", "документа"),
            "refusal ground" => ("основание для отказа", "основания для отказа"),
            other => (other, other),
        };
        let noun = if case == Case::Nominative {
            nominative
        } else {
            genitive
        };
        format!("{noun} `{}`", self.name)
    }

    /// «`x` қабылдау арнасы», «`x` қабылдау арнасының».
    pub(super) fn kk(&self, case: Case) -> String {
        let noun = match self.kind {
            "act" => "актісі",
            "service" => "қызметі",
            "channel" => "қабылдау арнасы",
            "document" => "құжаты",
            "refusal ground" => "бас тарту негізі",
            other => other,
        };
        // the possessive ends in -ы or -і; its genitive adds -ның or -нің
        let ending = match (case, noun.ends_with('і')) {
            (Case::Nominative, _) => "",
            (Case::Genitive, true) => "нің",
            (Case::Genitive, false) => "ның",
        };
        format!("`{}` {noun}{ending}", self.name)
    }
}
