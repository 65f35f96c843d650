//! The vocabulary every phase shares: languages, texts in several languages, durations,
//! verdicts.
//!
//! These are words of the rule language that outlive the syntax tree: the checked model, the
//! time module, the checker and the reports speak them too, so they live on the ground floor.

use crate::source::Spanned;

/// How an act is cited: its kind and number ("order" "495"), or its id when the rule files
/// record no number. Each language words it (`order 495`, «приказ № 495», «№ 495 бұйрық»).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActName {
    /// `order`, `law`, as the act's `kind` writes it.
    pub kind: Option<String>,
    /// `495`, `477-IV`.
    pub number: Option<String>,
    /// `kz.mia.order_495`: the name when there is no number.
    pub id: String,
}

impl std::fmt::Display for ActName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.kind, &self.number) {
            (Some(kind), Some(number)) => write!(f, "{kind} {number}"),
            (None, Some(number)) => write!(f, "act {number}"),
            _ => f.write_str(&self.id),
        }
    }
}

/// A place in an act: the annex, if any, and the paragraph as the rule file writes it
/// (`9(2)`, `2-1`, `art. 49(4)`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// The annex's number.
    pub annex: Option<u32>,
    /// The paragraph, or `art. N(M)` for an article of a law.
    pub paragraph: String,
}

impl Place {
    /// The paragraph's parts: whether it is an article, its number (`9`, `2-1`, `49`) and its
    /// subparagraphs (`(2)` → `2`), outermost first; none when it is not written that way.
    pub fn parts(&self) -> Option<(bool, &str, Vec<&str>)> {
        let (article, rest) = match self.paragraph.strip_prefix("art.") {
            Some(rest) => (true, rest.trim_start()),
            None => (false, self.paragraph.as_str()),
        };
        let head_end = rest.find('(').unwrap_or(rest.len());
        let head = &rest[..head_end];
        if head.is_empty() || !head.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return None;
        }
        let mut subs = Vec::new();
        let mut tail = &rest[head_end..];
        while let Some(inner) = tail.strip_prefix('(') {
            let close = inner.find(')')?;
            subs.push(&inner[..close]);
            tail = &inner[close + 1..];
        }
        tail.is_empty().then_some((article, head, subs))
    }
}

impl std::fmt::Display for Place {
    /// `annex 1 § 9(2)`, `art. 49(4)`: the form of the JSON report's `ref`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(n) = self.annex {
            write!(f, "annex {n} ")?;
        }
        if !self.paragraph.starts_with("art.") {
            f.write_str("§ ")?;
        }
        f.write_str(&self.paragraph)
    }
}

/// The Russian noun form after the number `n`: one (1, 21), few (2–4, 22–24), many (5–20, 0).
pub fn russian_plural<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

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

impl Duration {
    /// The length in each language's words: "15 working days", «15 рабочих дней», «15 жұмыс
    /// күні» (the `Display` is the English).
    pub fn wording(self) -> Wording {
        use crate::report::words::duration;
        Wording::new(
            self.to_string(),
            duration(self, Lang::Ru),
            duration(self, Lang::Kk),
        )
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

    /// Words already chosen for one reader, in whatever language that reader asked for: any
    /// language asked of them gets them (a report worded once, not three times).
    pub fn chosen(text: impl Into<String>) -> Wording {
        Wording::en(text)
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
