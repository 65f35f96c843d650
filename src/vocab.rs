//! The vocabulary every phase shares: languages, texts in several languages, durations,
//! verdicts.
//!
//! These are words of the rule language that outlive the syntax tree: the checked model, the
//! time module, the checker and the reports speak them too, so they live on the ground floor.

use crate::source::Spanned;

/// Language of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Kazakh.
    Kk,
    /// Russian.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Parse `kk`, `ru` or `en`.
    pub fn parse(tag: &str) -> Option<Lang> {
        match tag {
            "kk" => Some(Lang::Kk),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Texts in several languages (`title`, `message`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Texts {
    /// `(language, text)` pairs as written.
    pub entries: Vec<(Spanned<Lang>, Spanned<String>)>,
}

impl Texts {
    /// The text in `lang`, falling back to en, ru, kk in that order.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let pick = |l: Lang| {
            self.entries
                .iter()
                .find(|(k, _)| k.node == l)
                .map(|(_, v)| v.node.as_str())
        };
        pick(lang)
            .or_else(|| pick(Lang::En))
            .or_else(|| pick(Lang::Ru))
            .or_else(|| pick(Lang::Kk))
    }

    /// Whether a text exists in exactly this language.
    pub fn has(&self, lang: Lang) -> bool {
        self.entries.iter().any(|(k, _)| k.node == lang)
    }
}

/// A length of time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    /// How many units.
    pub amount: u32,
    /// Which unit.
    pub unit: DurationUnit,
}

/// A unit of time, with the day kind made explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Calendar days.
    CalendarDays,
    /// Working days.
    WorkingDays,
    /// Days whose kind the law leaves open (read as calendar, linted).
    UnstatedDays,
    /// Days written as both calendar and working (an error).
    CalendarWorkingDays,
    /// Months.
    Months,
    /// Years.
    Years,
}

impl DurationUnit {
    /// How the unit is written, plural.
    pub fn describe(self) -> &'static str {
        match self {
            DurationUnit::Minutes => "minutes",
            DurationUnit::Hours => "hours",
            DurationUnit::CalendarDays => "calendar days",
            DurationUnit::WorkingDays => "working days",
            DurationUnit::UnstatedDays => "days",
            DurationUnit::CalendarWorkingDays => "calendar working days",
            DurationUnit::Months => "months",
            DurationUnit::Years => "years",
        }
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = self.unit.describe();
        if self.amount == 1 {
            write!(f, "1 {}", unit.strip_suffix('s').unwrap_or(unit))
        } else {
            write!(f, "{} {unit}", self.amount)
        }
    }
}

/// Words of ereje itself (a diagnostic's message, a label, a help) in English, and in Russian
/// and Kazakh where they have been translated; asked for a language it has not, it answers in
/// English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wording {
    en: String,
    ru: Option<String>,
    kk: Option<String>,
}

impl Wording {
    /// Words in English only.
    pub fn en(text: impl Into<String>) -> Wording {
        Wording {
            en: text.into(),
            ru: None,
            kk: None,
        }
    }

    /// Words in all three languages.
    pub fn new(en: impl Into<String>, ru: impl Into<String>, kk: impl Into<String>) -> Wording {
        Wording {
            en: en.into(),
            ru: Some(ru.into()),
            kk: Some(kk.into()),
        }
    }

    /// Words that read the same in every language (a name, a keyword in backticks).
    pub fn same(text: impl Into<String>) -> Wording {
        let text = text.into();
        Wording {
            ru: Some(text.clone()),
            kk: Some(text.clone()),
            en: text,
        }
    }

    /// These words, `glue`, then `tail`, in every language (English where either lacks one).
    #[must_use]
    pub fn join(&self, glue: &str, tail: &Wording) -> Wording {
        let both = |lang: Lang| {
            (self.is_translated(lang) || tail.is_translated(lang))
                .then(|| format!("{}{glue}{}", self.get(lang), tail.get(lang)))
        };
        Wording {
            en: format!("{}{glue}{}", self.en, tail.en),
            ru: both(Lang::Ru),
            kk: both(Lang::Kk),
        }
    }

    /// The words in `lang`, or in English when they were not translated.
    pub fn get(&self, lang: Lang) -> &str {
        let translated = match lang {
            Lang::En => None,
            Lang::Ru => self.ru.as_deref(),
            Lang::Kk => self.kk.as_deref(),
        };
        translated.unwrap_or(&self.en)
    }

    /// Whether the words exist in `lang` itself (English always does).
    pub fn is_translated(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => true,
            Lang::Ru => self.ru.is_some(),
            Lang::Kk => self.kk.is_some(),
        }
    }
}

impl From<String> for Wording {
    fn from(en: String) -> Wording {
        Wording::en(en)
    }
}

impl From<&str> for Wording {
    fn from(en: &str) -> Wording {
        Wording::en(en)
    }
}

impl std::fmt::Display for Wording {
    /// The English words.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// The outcome for one bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing wrong.
    Ok,
    /// Something cannot be decided yet: facts are missing.
    Pending,
    /// A required document is missing or invalid.
    Incomplete,
    /// A refusal ground holds.
    Refused,
    /// No such service in force on that date.
    NotApplicable,
    /// The bundle is unusable.
    Invalid,
}

impl Verdict {
    /// As written in reports and examples.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Pending => "pending",
            Verdict::Incomplete => "incomplete",
            Verdict::Refused => "refused",
            Verdict::NotApplicable => "not_applicable",
            Verdict::Invalid => "invalid",
        }
    }

    /// Every verdict, from the weakest to the strongest.
    pub const ALL: [Verdict; 6] = [
        Verdict::Ok,
        Verdict::Pending,
        Verdict::Incomplete,
        Verdict::Refused,
        Verdict::NotApplicable,
        Verdict::Invalid,
    ];

    /// Parse the written form.
    pub fn parse(text: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == text)
    }
}
